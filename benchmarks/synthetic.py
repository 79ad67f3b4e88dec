"""A deterministic synthetic corpus of distinct release documents, for benchmarks.

Every release differs from every other (its name and its parameters' repository are its
own), so caches keyed on whole documents never hit; its component facts (which components
it lists, their licenses and availability, code repositories, disclosures, datasets) are
drawn from pools, as on a model hub where most releases share a few shapes and licenses,
so caches keyed on component facts can. The mix of licenses follows what
the Hub carries: permissive SPDX ids most often, then custom AI licenses, non-commercial
terms, a few policies layered on top, and some unstated or unknown terms.

    python -m benchmarks.synthetic 10000 > releases.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["release_document", "releases"]

_LICENSES = (
    ["Apache-2.0"] * 30 + ["MIT"] * 15 + ["BSD-3-Clause"] * 3 + ["CC-BY-4.0"] * 4
    + ["CC-BY-NC-4.0"] * 5 + ["OpenMDW-1.0"] * 2 + ["Apache-2.0 OR MIT"] * 2
    + ["LicenseRef-llama-3.1"] * 6 + ["LicenseRef-llama-3.2"] * 3 + ["LicenseRef-gemma"] * 4
    + ["LicenseRef-qwen"] * 3 + ["LicenseRef-bigscience-openrail-m"] * 2
    + ["LicenseRef-creativeml-openrail-m"] * 2 + ["LicenseRef-deepseek-license"]
    + ["LicenseRef-mistral-mrl"] + ["LicenseRef-nvidia-open-model"] + ["LicenseRef-yi-license"]
    + ["LicenseRef-unknown-terms"] * 2 + ["NOASSERTION"] * 4 + ["NONE"] * 2
)  # fmt: skip
_NAMES = ("Apache 2.0", "MIT License", "Llama 3.1 Community License", "my own terms")
_POLICIES = (
    {"name": "Acceptable use policy", "ref": "llama-3.1-aup"},
    {"name": "Usage policy", "ref": "gpt-oss-usage-policy"},
    {"name": "House rules", "clauses": [{"kind": "field-of-use", "summary": "No weapons."}]},
)
_PRODUCERS = tuple(f"Lab {i}" for i in range(40))
_CODE_REPOS = tuple(f"https://github.com/org{i % 37}/repo-{i}" for i in range(200))
_DATASETS = tuple(f"dataset-{i}" for i in range(50))
_CODE = (
    "architecture-code", "inference-code", "training-code", "data-processing-code",
    "evaluation-code", "supporting-libraries",
)  # fmt: skip
_DOCS = ("data-card", "research-paper", "technical-report", "model-card")
_OPTIONAL = ("parameters-intermediate", "optimizer-state", "evaluation-results", "datasets")
_AVAILABILITY = (
    ["public"] * 10 + ["gated-click-through"] * 2 + ["gated-approval"]
    + ["not-released"] * 3 + ["not-stated"] * 2
)  # fmt: skip
_ELEMENTS = (
    "description", "unshareable_data", "provenance", "scope", "acquisition", "labeling",
    "processing", "public_data_listing", "third_party_data_listing",
)  # fmt: skip
_MAY_BE_NA = {"unshareable_data", "labeling", "public_data_listing", "third_party_data_listing"}
_STATES = ["disclosed"] * 5 + ["partial"] * 2 + ["not-disclosed"] * 2 + ["not-stated"] * 3
_BASES = ("llama-3.1", "grok-2.5", "olmo-1", "an unknown base")
_MODALITIES: tuple[list[str], ...] = (["text"], ["text", "image"], ["code"], [])


def _terms(rng: random.Random) -> dict[str, Any] | None:
    roll = rng.random()
    if roll < 0.25:
        return None  # not stated on the component: the release-wide license applies
    if roll < 0.3:
        return {"name": rng.choice(_NAMES)}
    terms: dict[str, Any] = {"expression": rng.choice(_LICENSES)}
    if rng.random() < 0.08 and terms["expression"] not in {"NONE", "NOASSERTION"}:
        terms["additional_terms"] = [rng.choice(_POLICIES)]
    return terms


def _component(kind: str, rng: random.Random, location: str) -> dict[str, Any]:
    availability = rng.choice(_AVAILABILITY)
    optional = (*_OPTIONAL, "data-processing-code", "evaluation-code", "supporting-libraries")
    if kind in optional and rng.random() < 0.1:
        availability = "not-used"
    out: dict[str, Any] = {"kind": kind, "availability": availability}
    if availability not in {"not-released", "not-stated", "not-used"}:
        out["locations"] = [location]
        terms = _terms(rng)
        if terms is not None:
            out["license"] = terms
    return out


def _shape(number: int, seed: int) -> list[str]:
    """One of the release shapes the corpus draws from: which components a release lists.

    Releases come in few shapes (a card with weights only, a full open-science release, a
    weights-and-code release ...), so the shapes are drawn from a pool of 60.
    """
    rng = random.Random(seed * 7919 + number)  # noqa: S311 - test data, not secrets
    return [k for k in (*_CODE, *_DOCS, *_OPTIONAL) if rng.random() < 0.7]


def release_document(index: int, *, seed: int = 2026) -> dict[str, Any]:
    """The ``index``-th synthetic release document (a native osaid release, as a mapping)."""
    rng = random.Random(seed * 1_000_003 + index)  # noqa: S311 - test data, not secrets
    name = f"synthetic-model-{index}"
    components = [
        _component("parameters-final", rng, f"https://huggingface.co/org{index % 500}/{name}")
    ]
    kinds = _shape(rng.randrange(60), seed)
    components += [_component(k, rng, rng.choice(_CODE_REPOS)) for k in kinds]
    carriers = [c["kind"] for c in components if c["kind"] in _DOCS]
    info: dict[str, Any] = {}
    for element in _ELEMENTS:
        state = rng.choice(_STATES)
        if element in _MAY_BE_NA and rng.random() < 0.1:
            state = "not-applicable"
        entry: dict[str, Any] = {"state": state}
        if state in {"disclosed", "partial"} and carriers:
            entry["where"] = rng.sample(carriers, k=rng.randint(1, len(carriers)))
        info[element] = entry
    datasets = [
        {"name": d, "data_class": rng.choice(["open", "public", "obtainable", "unshareable"])}
        for d in rng.sample(_DATASETS, k=rng.randint(0, 3))
    ]
    if any(d["data_class"] == "unshareable" for d in datasets):
        info["unshareable_data"] = {"state": "not-stated"}
    if any(d["data_class"] in {"open", "public"} for d in datasets):
        info["public_data_listing"] = {"state": "not-stated"}
    document: dict[str, Any] = {
        "name": name,
        "producer": rng.choice(_PRODUCERS),
        "modalities": rng.choice(_MODALITIES),
        "components": components,
        "data_information": info,
        "training_datasets": datasets,
    }
    if rng.random() < 0.6:
        document["license"] = {"expression": rng.choice(_LICENSES)}
    if rng.random() < 0.1:
        document["base_model"] = {"name": rng.choice(_BASES)}
    return document


def releases(count: int, *, seed: int = 2026) -> Iterator[str]:
    """``count`` distinct synthetic release documents as compact JSON text."""
    for index in range(count):
        yield json.dumps(release_document(index, seed=seed), separators=(",", ":"))


def main(argv: list[str]) -> int:
    """Write ``COUNT`` documents as JSON Lines to standard output."""
    count = int(argv[1]) if len(argv) > 1 else 10_000
    for line in releases(count):
        sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
