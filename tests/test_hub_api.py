"""The Hub API's JSON for one model, on responses that a public project saved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from osaid import (
    Availability,
    ComponentKind,
    InvalidReleaseError,
    NoteKind,
    Outcome,
    Severity,
    Verdict,
    score,
)
from osaid.importers import InputFormat, detect, import_document, load
from tests.repo_trees import HUB_API

LLAMA = HUB_API / "meta-llama__Llama-3.2-3B.json"
PHI3 = HUB_API / "microsoft__Phi-3-mini-4k-instruct.json"


def _llama() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(LLAMA.read_text(encoding="utf-8"))
    return document


def test_gated_llama_model_is_not_open_for_the_gate_and_the_license() -> None:
    result = load(LLAMA)
    release = result.release
    assert release.name == "meta-llama/Llama-3.2-3B"
    params = release.component(ComponentKind.PARAMETERS_FINAL)
    assert params is not None
    assert params.availability is Availability.GATED_APPROVAL
    assert params.license is not None
    assert params.license.expression == "LicenseRef-llama-3.2"
    assert params.locations[0] == (
        "https://huggingface.co/meta-llama/Llama-3.2-3B/blob/main/model-00001-of-00002.safetensors"
    )
    assessment = score(release)
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    failed = [
        f for f in assessment.findings
        if f.severity is Severity.BLOCKING and f.outcome is Outcome.NOT_MET
    ]  # fmt: skip
    gate = [f for f in failed if "gated-approval" in f.message]
    assert gate
    assert gate[0].rule_id == "FREEDOM-USE"
    licenses = {e.license for f in failed for e in f.evidence if e.license}
    assert {"llama-3.2", "llama-3.2-aup"} <= licenses
    notes = [n.message for n in release.import_notes]
    assert any("LICENSE.txt, USE_POLICY.md are in the repository" in m for m in notes)
    assert any("fields osaid does not read: _id, config" in m for m in notes)


def test_detected_as_hub_api() -> None:
    assert detect(_llama()) is InputFormat.HUB_API
    assert detect(json.loads(PHI3.read_text(encoding="utf-8"))) is InputFormat.HUB_API


def test_partial_phi3_document() -> None:
    release = load(PHI3, "hub-api").release
    notes = [n.message for n in release.import_notes]
    assert release.name == "microsoft__Phi-3-mini-4k-instruct"  # the saved file's name
    assert any("no 'gated' field" in m for m in notes)
    params = release.component(ComponentKind.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "MIT"
    assert params.locations[0] == "model-00001-of-00002.safetensors"  # no repository id
    assert release.availability(ComponentKind.ARCHITECTURE_CODE) is Availability.PUBLIC
    assert release.component(ComponentKind.TRAINING_CODE) is None  # sample_finetune.py
    assert any("sample_finetune.py" in m for m in notes)


def test_base_models_record_is_followed() -> None:
    # Derived from the Llama 3.2 response: baseModels added in the shape public clients
    # record for ?expand[]=baseModels (tests/fixtures/sourced/hub-api/SOURCES.md).
    document = _llama()
    document["id"] = "example/Llama-3.2-3B-finetune"
    document["baseModels"] = {
        "relation": "finetune",
        "models": [{"_id": "66eaf084b3b3239188f66fa7", "id": "meta-llama/Llama-3.2-3B"}],
    }
    release = import_document(document, "hub-api").release
    assert release.base_model is not None
    assert release.base_model.name == "meta-llama/Llama-3.2-3B"
    assert release.base_model.relation == "fine-tune"
    assert release.base_model.url == "https://huggingface.co/meta-llama/Llama-3.2-3B"


def test_gate_setting_overrides_the_card() -> None:
    document = _llama()
    document["gated"] = False
    release = import_document(document, "hub-api").release
    assert release.availability(ComponentKind.PARAMETERS_FINAL) is Availability.PUBLIC
    assert any("have no effect" in n.message for n in release.import_notes)
    document["gated"] = "auto"
    release = import_document(document, "hub-api").release
    assert release.availability(ComponentKind.PARAMETERS_FINAL) is (
        Availability.GATED_CLICK_THROUGH
    )


def test_license_tag_stands_in_for_a_missing_card_license() -> None:
    document = _llama()
    del document["cardData"]["license"]
    release = import_document(document, "hub-api").release
    params = release.component(ComponentKind.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "LicenseRef-llama-3.2"
    assert any(
        n.kind is NoteKind.INFERRED and "read from the tags" in n.message
        for n in release.import_notes
    )


def test_a_usage_policy_the_license_does_not_incorporate_is_unknown() -> None:
    document = _llama()
    document["cardData"]["license"] = "apache-2.0"
    document["tags"] = ["license:apache-2.0"]
    document["gated"] = False
    release = import_document(document, "hub-api").release
    params = release.component(ComponentKind.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert [t.name for t in params.license.additional_terms] == [
        "USE_POLICY.md: usage policy text not available"
    ]
    terms = next(f for f in score(release).findings if f.rule_id == "PREF-PARAMS-TERMS")
    assert terms.outcome is Outcome.UNKNOWN


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"gated": "sometimes"}, "gated"),
        ({"siblings": 3}, "siblings"),
        ({"baseModels": []}, "baseModels"),
        ({"cardData": "x"}, "cardData"),
        ({"cardData": {"license": 5}}, "cardData.license"),
    ],
)
def test_bad_hub_documents_name_the_field(change: dict[str, Any], field: str) -> None:
    document = {**_llama(), **change}
    with pytest.raises(InvalidReleaseError, match=field):
        import_document(document, "hub-api")


def test_a_document_without_an_id_takes_the_name(tmp_path: Path) -> None:
    with pytest.raises(InvalidReleaseError, match="names its model in 'id'"):
        import_document({"cardData": {"license": "mit"}, "siblings": []}, "hub-api")
    path = tmp_path / "org__model.json"
    path.write_text(json.dumps({"cardData": {"license": "mit"}}), encoding="utf-8")
    assert load(path, "hub-api").release.name == "org__model"
