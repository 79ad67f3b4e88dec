"""Small repository trees for the repository tests, built from real texts.

The license texts, the Pythia card and the Croissant files are real public documents
(``tests/fixtures/sourced/*/SOURCES.md``). The trees around them are written here: file
names as real releases use them, and stand-in bytes for weights and code.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import osaid
from osaid.importers.license_text import default_detector

SOURCED = Path(__file__).parent / "fixtures" / "sourced"
LICENSES = SOURCED / "licenses"
CROISSANT = SOURCED / "croissant"
HUB_API = SOURCED / "hub-api"
CARDS = SOURCED / "cards"

REQUIRE_DETECTOR = os.environ.get("OSAID_REQUIRE_LICENSE_DETECTOR") == "1"


def detector_or_skip() -> None:
    """Skip a with-extra test where the extra is missing (CI sets a variable to fail instead)."""
    if default_detector() is not None:
        return
    if REQUIRE_DETECTOR:
        pytest.fail("OSAID_REQUIRE_LICENSE_DETECTOR=1 but osaid[licensetext] is not installed")
    pytest.skip("needs the license-text extra: pip install 'osaid[licensetext]'")


def _touch(root: Path, *paths: str) -> None:
    for rel in paths:
        file = root / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"stand-in bytes\n")


def pythia_tree(root: Path) -> Path:
    """An open release laid out like EleutherAI's Pythia (an OLMo-like release).

    The card is Pythia's real card; ``LICENSE`` is Pythia's real Apache-2.0 text; the code
    names are those of GPT-NeoX, which trained Pythia; ``osaid.yaml`` declares what files
    cannot show (the data information, the paper and report, the datasets, the tokenizer
    library) with the sourced facts of osaid's bundled Pythia release.
    """
    tree = root / "pythia-6.9b"
    tree.mkdir(parents=True)
    shutil.copy(CARDS / "EleutherAI__pythia-6.9b.md", tree / "README.md")
    shutil.copy(LICENSES / "pythia.LICENSE", tree / "LICENSE")
    _touch(
        tree,
        "model-00001-of-00002.safetensors",
        "model-00002-of-00002.safetensors",
        "checkpoints/step143000/model.safetensors",
        "megatron/model/gpt2_model.py",
        "generate.py",
        "train.py",
        "tools/datasets/preprocess_data.py",
        "eval_tasks/eval_adapter.py",
        "configs/pythia/6-9B.yml",
    )
    bundled = osaid.load_bundled("pythia")
    declared_kinds = {
        osaid.ComponentKind.SUPPORTING_LIBRARIES,
        osaid.ComponentKind.RESEARCH_PAPER,
        osaid.ComponentKind.TECHNICAL_REPORT,
        osaid.ComponentKind.DATASETS,
    }
    document = {
        "name": "Pythia 6.9B",
        "components": [
            c.model_dump(mode="json", exclude_defaults=True)
            for c in bundled.components
            if c.kind in declared_kinds
        ],
        "data_information": bundled.data_information.model_dump(mode="json", exclude_defaults=True),
        "training_datasets": [
            d.model_dump(mode="json", exclude_defaults=True) for d in bundled.training_datasets
        ],
    }
    (tree / "osaid.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    return tree


LLAMA_CARD = """\
---
license: llama3.1
library_name: transformers
extra_gated_button_content: Submit
extra_gated_fields:
  First Name: text
  Country: country
  geo: ip_location
---

# Llama 3.1 (a test tree)
"""


def llama_tree(root: Path) -> Path:
    """A Llama-licensed release: the real Llama 3.1 license and acceptable-use policy."""
    tree = root / "Llama-3.1-8B"
    tree.mkdir(parents=True)
    (tree / "README.md").write_text(LLAMA_CARD, encoding="utf-8")
    shutil.copy(LICENSES / "llama-3.1.LICENSE", tree / "LICENSE")
    shutil.copy(LICENSES / "llama-3.1.USE_POLICY.md", tree / "USE_POLICY.md")
    _touch(
        tree,
        "model-00001-of-00004.safetensors",
        "model-00002-of-00004.safetensors",
        "original/consolidated.00.pth",
        "config.json",
        "tokenizer.json",
    )
    return tree


def weights_only_tree(root: Path) -> Path:
    """Weights and an Apache-2.0 license, nothing else."""
    tree = root / "weights-only"
    tree.mkdir(parents=True)
    shutil.copy(LICENSES / "pythia.LICENSE", tree / "LICENSE")
    _touch(tree, "model.safetensors", "config.json")
    return tree
