"""What each importer reads of documents as the ecosystem writes them, and what it notes.

One test per importer feeds a document with a field osaid does not read and asserts the
note (its field path and an excerpt of the value); the others pin the readings of issue
10 on small documents: MOT's two schemas, the CycloneDX subject, the three SPDX shapes,
Hugging Face gates, base models, headings and licenses named in prose.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from osaid import Availability, ComponentKind, DataClass, InvalidReleaseError, Verdict, score
from osaid.cli import main
from osaid.importers import (
    ImportResult,
    import_cyclonedx,
    import_document,
    import_eosai,
    import_hf_card,
    import_mot,
    import_spdx3,
    load_text,
)
from osaid.release import NoteKind

K = ComponentKind


def unmapped(result: ImportResult, field: str) -> list[str]:
    return [n.message for n in result.notes if n.kind is NoteKind.UNMAPPED and n.field == field]


# --- a field osaid does not read is noted, in every format ---------------------------------


def test_mot_notes_an_unknown_field() -> None:
    record = {
        "framework": {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"},
        "release": {
            "name": "M",
            "producer": "P",
            "architecture": "transformer decoder",
            "safety_review": {"done": True},
            "components": [
                {"name": "Model parameters (Final)", "license": "Apache-2.0", "checksum": "ab12"}
            ],
        },
    }
    result = import_mot(record)
    assert any("'transformer decoder'" in m for m in unmapped(result, "release.architecture"))
    assert any("a mapping with 1 key" in m for m in unmapped(result, "release.safety_review"))
    assert any("'ab12'" in m for m in unmapped(result, "release.components[0].checksum"))


def test_eosai_notes_an_unknown_field() -> None:
    record = {
        "system": {"name": "E", "performanceclass": "limited"},
        "org": {"name": "O", "link": "https://example.org"},
        "licenses": {"class": "open", "link": "", "notes": "", "score": 3},
        "surprise": "value",
    }
    result = import_eosai(record)
    assert unmapped(result, "system.performanceclass")
    assert unmapped(result, "org.link")
    assert any("3" in m for m in unmapped(result, "licenses.score"))
    assert any("'value'" in m for m in unmapped(result, "surprise"))


def test_hf_notes_an_unknown_field_and_a_misspelt_key() -> None:
    card = {"license": "mit", "widget": [{"text": "hi"}], "-license_name": "llama3"}
    result = import_hf_card(card)
    assert any("a list of 1 entry" in m for m in unmapped(result, "widget"))
    (note,) = unmapped(result, "-license_name")
    assert "did you mean 'license_name'" in note
    assert "'llama3'" in note


def test_cyclonedx_notes_an_unknown_field() -> None:
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": "urn:uuid:x",
        "components": [
            {"type": "machine-learning-model", "name": "m", "hashes": [{"alg": "SHA-256"}],
             "externalReferences": [{"type": "issue-tracker", "url": "https://x/issues"}]}
        ],
        "annotations": [{"text": "reviewed"}],
    }  # fmt: skip
    result = import_cyclonedx(bom)
    assert unmapped(result, "components[0].hashes")
    assert any(
        "issue-tracker" in m for m in unmapped(result, "components[0].externalReferences[0]")
    )
    assert unmapped(result, "annotations")
    assert any("serialNumber" in n.message for n in result.notes if n.field is None)


@pytest.mark.parametrize("shape", ["graph", "element", "draft"])
def test_spdx_notes_an_unknown_field_in_each_shape(shape: str) -> None:
    package = {"name": "m", "downloadLocation": "https://example.org/m", "energyUse": "12 kWh"}
    result = import_spdx3(_spdx(shape, package))
    notes = [
        n for n in result.notes if n.kind is NoteKind.UNMAPPED and "energyUse" in (n.field or "")
    ]
    assert notes, [n.message for n in result.notes]
    assert "'12 kWh'" in notes[0].message
    shapes = {
        "graph": "profile-prefixed",
        "element": "'element' list",
        "draft": "pre-release draft",
    }
    assert any(shapes[shape] in n.message for n in result.notes)


def _spdx(shape: str, package: Mapping[str, Any], extra: list[dict[str, Any]] | None = None) -> Any:
    """A small SPDX 3 document in one of the three shapes osaid reads."""
    prefixes = {"downloadLocation": "software_", "energyUse": "ai_", "packageVersion": "software_"}
    if shape == "graph":
        body = {f"{prefixes.get(k, '')}{k}": v for k, v in package.items()}
        pkg = {"type": "ai_AIPackage", "spdxId": "urn:m", **body}
        return {
            "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
            "@graph": [pkg, *(extra or [])],
        }
    if shape == "draft":
        pkg = {"@type": "AIPackage", "@id": "urn:m", **package}
        return {"@context": {"spdx": "https://spdx.org/rdf/v3/"}, "@graph": [pkg, *(extra or [])]}
    pkg = {"type": "AIPackage", "spdxId": "urn:m", **package}
    return {
        "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
        "type": "SpdxDocument",
        "spdxId": "urn:doc",
        "element": [pkg, *(extra or [])],
    }


# --- MOT: both schemas ----------------------------------------------------------------------


def _old_record(entries: dict[str, str]) -> dict[str, Any]:
    from osaid.importers.mot import MOT_COMPONENTS

    return {
        "framework": {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"},
        "release": {
            "name": "Old",
            "producer": "P",
            "github": "example/old",
            "components": [
                {"name": label, "description": "", "location": "", "license_path": "",
                 "license_name": entries.get(label, "Component not included")}
                for label in MOT_COMPONENTS
            ],
        },
    }  # fmt: skip


def test_mot_old_schema_sentinels() -> None:
    record = _old_record(
        {
            "Model parameters (Final)": "Apache-2.0",
            "Training code": "Pending evaluation",
            "Inference code": "License not specified",
            "Model card": "Other license",
            "Data card": "",
        }
    )
    result = import_mot(record)
    release = result.release
    assert release.availability(K.DATASETS) is Availability.NOT_RELEASED
    assert release.availability(K.TRAINING_CODE) is Availability.NOT_STATED
    inference = release.component(K.INFERENCE_CODE)
    assert inference is not None
    assert inference.availability is Availability.PUBLIC
    assert inference.license is not None
    assert inference.license.expression == "NOASSERTION"
    card = release.component(K.MODEL_CARD)
    assert card is not None
    assert card.license is not None
    assert card.license.expression is None  # a license MOT's list lacked: unknown
    assert release.availability(K.DATA_CARD) is Availability.NOT_STATED
    assert any(s.url == "https://github.com/example/old" for s in release.sources)
    messages = " ".join(n.message for n in result.notes)
    assert "pre-2025 schema" in messages
    assert "pending evaluation" in messages
    assert "'unlicensed'" in messages  # MOT's later reading of 'License not specified'
    # Pending training code is not stated: nothing decides, MOT gave no class either.
    assert score(release).verdict is Verdict.NOT_OPEN_SOURCE_AI  # datasets etc. not included


def test_mot_old_schema_with_every_component_open_conforms_as_the_checklist_does() -> None:
    from osaid.importers.mot import MOT_COMPONENTS

    entries = dict.fromkeys(MOT_COMPONENTS, "Apache-2.0")
    entries["Research paper"] = "CC-BY-4.0"
    release = import_mot(_old_record(entries)).release
    assert score(release).verdict is Verdict.OPEN_SOURCE_AI


def test_mot_current_schema_is_noted_as_such() -> None:
    record = {
        "framework": {"name": "Model Openness Framework"},
        "release": {"name": "New", "license": {}, "components": [
            {"name": "Model parameters (Final)", "license": "unlicensed"}]},
    }  # fmt: skip
    result = import_mot(record)
    assert any("current schema" in n.message for n in result.notes)


# --- CycloneDX: the subject ----------------------------------------------------------------


def _bom(**top: Any) -> dict[str, Any]:
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "components": [
            {"type": "machine-learning-model", "bom-ref": "pkg:huggingface/org/base@1",
             "name": "base", "licenses": [{"license": {"name": "llama3.1"}}],
             "externalReferences": [{"type": "website", "url": "https://huggingface.co/org/base"}]},
            {"type": "machine-learning-model", "bom-ref": "pkg:huggingface/org/tuned@1",
             "group": "org", "name": "tuned",
             "licenses": [{"license": {"id": "Apache-2.0"}}],
             "externalReferences": [{"type": "vcs", "url": "https://github.com/org/tuned"},
                                    {"type": "documentation", "url": "https://org.example/doc"}]},
            {"type": "data", "bom-ref": "ds", "name": "private-set",
             "data": [{"type": "dataset", "classification": "confidential"}]},
        ],
        "dependencies": [{"ref": "pkg:huggingface/org/tuned@1",
                          "dependsOn": ["pkg:huggingface/org/base@1", "ds"]}],
        **top,
    }  # fmt: skip


def test_cyclonedx_subject_from_metadata_component_name() -> None:
    bom = _bom(metadata={"component": {"type": "application", "name": "tuned"}})
    result = import_cyclonedx(bom)
    release = result.release
    assert release.name == "tuned"
    assert release.aliases == ("org/tuned",)
    assert release.base_model is not None
    assert release.base_model.name == "base"
    (base,) = result.base_models
    assert base.name == "base"
    assert any(s.url == "https://github.com/org/tuned" for s in release.sources)  # vcs kept
    card = release.component(K.MODEL_CARD)
    assert card is not None
    assert card.locations == ("https://org.example/doc",)
    (dataset,) = release.training_datasets
    assert dataset.data_class is DataClass.UNSHAREABLE  # classification 'confidential'
    bases = {b.name: b for b in result.base_models}
    assessment = score(release, base_models=bases)
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI  # the base's llama3.1 terms bind
    assert any(f.inherited_from == "base" for f in assessment.blocking)


def test_cyclonedx_subject_from_dependencies_and_roots() -> None:
    app = {"type": "application", "bom-ref": "app", "name": "service"}
    bom = _bom(metadata={"component": app})
    bom["dependencies"].append({"ref": "app", "dependsOn": ["pkg:huggingface/org/tuned@1"]})
    assert import_cyclonedx(bom).release.name == "tuned"
    assert import_cyclonedx(_bom()).release.name == "tuned"  # no other model depends on it


def test_cyclonedx_component_option_in_api_and_cli(tmp_path: Path) -> None:
    bom = _bom()
    assert import_cyclonedx(bom, component="base").release.name == "base"
    assert import_cyclonedx(bom, component="pkg:huggingface/org/base@1").release.name == "base"
    assert import_document(bom, "cyclonedx", component="org/tuned").release.name == "tuned"
    with pytest.raises(InvalidReleaseError, match="no machine-learning-model component is named"):
        import_cyclonedx(bom, component="missing")
    with pytest.raises(InvalidReleaseError, match="can be named only in a CycloneDX or SPDX"):
        load_text('{"name": "x"}', "native", component="x")
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(bom), encoding="utf-8")
    out = io.StringIO()
    code = main(["score", str(path), "--component", "base", "--format", "json"], stdout=out)
    assert json.loads(out.getvalue())["release"]["name"] == "base"
    assert code == 1
    out = io.StringIO()
    assert main(["score", str(path), "--format", "json"], stdout=out) == 1
    report = json.loads(out.getvalue())
    assert report["release"]["name"] == "tuned"
    assert any(f.get("inherited_from") == "base" for f in report["findings"])


def test_cyclonedx_owasp_generator_properties_are_lower_confidence_facts() -> None:
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "components": [{
            "type": "machine-learning-model", "name": "m",
            "modelCard": {"properties": [
                {"name": "license", "value": "llama3.1"},
                {"name": "base_model", "value": "meta-llama/Llama-3.1-8B"},
                {"name": "datasets", "value": "org/a, org/b"},
                {"name": "downloadLocation", "value": "https://huggingface.co/org/m"},
                {"name": "ai:framework", "value": "PyTorch"},
            ]},
        }],
    }  # fmt: skip
    result = import_cyclonedx(bom)
    release = result.release
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "LicenseRef-llama-3.1"
    assert params.locations == ("https://huggingface.co/org/m",)
    assert release.base_model is not None
    assert release.base_model.name == "meta-llama/Llama-3.1-8B"
    assert [d.name for d in release.training_datasets] == ["org/a", "org/b"]
    messages = " ".join(n.message for n in result.notes)
    assert "lower confidence" in messages
    assert "'ai:framework'" in messages


# --- SPDX 3: datasets, relationships, licenses ----------------------------------------------


def _rel(kind: str, src: str, *to: str) -> dict[str, Any]:
    return {"type": "Relationship", "spdxId": f"urn:r-{kind}-{to[0]}", "relationshipType": kind,
            "from": src, "to": list(to)}  # fmt: skip


@pytest.mark.parametrize("shape", ["graph", "element", "draft"])
def test_spdx_datasets_files_generates_and_licenses(shape: str) -> None:
    dataset_type = {"graph": "dataset_DatasetPackage", "element": "DatasetPackage",
                    "draft": "DatasetPackage"}[shape]  # fmt: skip
    avail_key = "dataset_datasetAvailability" if shape == "graph" else "datasetAvailability"
    license_type = {"graph": "expandedlicensing_CustomLicense", "element": "CustomLicense",
                    "draft": "CustomLicense"}[shape]  # fmt: skip
    extra: list[dict[str, Any]] = [
        {"type": dataset_type, "spdxId": "urn:d", "name": "corpus", avail_key: "scrapingScript"},
        {"type": "File", "spdxId": "urn:f", "name": "eval.jsonl",
         "downloadLocation": "https://example.org/eval.jsonl"},
        {"type": "File", "spdxId": "urn:t", "name": "train.py",
         "downloadLocation": "https://example.org/train.py"},
        {"type": "LicenseExpression", "spdxId": "urn:l", "licenseExpression": "MIT"},
        {"type": license_type, "spdxId": "urn:c", "name": "House License", "isOsiApproved": True},
        _rel("trainedOn", "urn:m", "urn:d"),
        _rel("testedOn", "urn:m", "urn:f"),
        _rel("generates", "urn:t", "urn:m"),
        _rel("hasDeclaredLicense" if shape != "draft" else "declaredLicense", "urn:t", "urn:l"),
        _rel("hasConcludedLicense" if shape != "draft" else "concludedLicense", "urn:d", "urn:c"),
    ]  # fmt: skip
    package = {"name": "m", "downloadLocation": "https://example.org/m"}
    result = import_spdx3(_spdx(shape, package, extra))
    release = result.release
    (dataset,) = release.training_datasets
    assert dataset.data_class is DataClass.OBTAINABLE  # scrapingScript
    assert dataset.license is not None
    assert dataset.license.name == "House License"
    assert dataset.license.expression is None  # isOsiApproved is not taken on trust
    training = release.component(K.TRAINING_CODE)
    assert training is not None
    assert training.locations == ("https://example.org/train.py",)
    assert training.license is not None
    assert training.license.expression == "MIT"
    evaluation = release.component(K.EVALUATION_DATA)
    assert evaluation is not None
    assert evaluation.locations == ("https://example.org/eval.jsonl",)
    assert any("isOsiApproved" in n.message for n in result.notes)


def test_spdx_component_option_and_root_element() -> None:
    doc = _spdx("graph", {"name": "first"}, [
        {"type": "ai_AIPackage", "spdxId": "urn:second", "name": "second"},
        {"type": "SpdxDocument", "spdxId": "urn:doc", "rootElement": ["urn:second"]},
    ])  # fmt: skip
    assert import_spdx3(doc).release.name == "second"
    assert import_spdx3(doc, component="first").release.name == "first"
    with pytest.raises(InvalidReleaseError, match="no AI package named 'third'"):
        import_spdx3(doc, component="third")


def test_spdx_dataset_only_document_is_a_clear_error() -> None:
    dataset = {"type": "dataset_DatasetPackage", "spdxId": "urn:d", "name": "d"}
    doc = {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [dataset]}
    with pytest.raises(InvalidReleaseError, match="describes 1 dataset"):
        import_spdx3(doc)


# --- Hugging Face cards as the Hub writes them ---------------------------------------------


def _card(front: str, body: str = "") -> ImportResult:
    from osaid.importers.hf import front_matter

    text = f"---\n{front}\n---\n{body}"
    return import_hf_card(front_matter(text), name="org/model", text=text)


def test_hf_license_link_beside_an_id() -> None:
    same = _card("license: llama3.1\nlicense_link: https://huggingface.co/meta-llama/"
                 "Meta-Llama-3.1-70B-Instruct/blob/main/LICENSE")  # fmt: skip
    params = same.release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "LicenseRef-llama-3.1"
    clash = _card("license: apache-2.0\nlicense_link: https://ai.google.dev/gemma/terms")
    params = clash.release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "Apache-2.0 AND LicenseRef-gemma"
    assert any("both are read as applying" in n.message for n in clash.notes)
    relative = _card("license: other\nlicense_name: deepseek\nlicense_link: LICENSE")
    params = relative.release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.url == "https://huggingface.co/org/model/blob/main/LICENSE"
    by_link = _card(
        "license: other\nlicense_link: https://huggingface.co/xai-org/grok-2/blob/main/LICENSE"
    )
    params = by_link.release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "LicenseRef-grok-2-community"


@pytest.mark.parametrize(
    ("front", "relation", "description"),
    [
        ("base_model: org/base\nbase_model_relation: adapter", "adapter", "Adapter weights"),
        ("base_model: org/base\nquantized_by: someone", "quantized", "quantized copy"),
        ("base_model: [org/a, org/b]", "merge", None),
        ("base_model: org/base", "finetune", None),
    ],
)
def test_hf_base_model_relations(front: str, relation: str, description: str | None) -> None:
    result = _card(f"license: apache-2.0\n{front}")
    base = result.release.base_model
    assert base is not None
    assert base.relation == relation
    params = result.release.component(K.PARAMETERS_FINAL)
    assert params is not None
    if description:
        assert params.description is not None
        assert description in params.description
    if relation == "merge":
        assert any("follows only 'org/a'" in n.message for n in result.notes)


@pytest.mark.parametrize(
    ("gate", "availability"),
    [
        ("extra_gated_description: Requests will be processed in 1-2 days.", "gated-approval"),
        ("extra_gated_prompt: Your request will be reviewed by the authors.", "gated-approval"),
        ("extra_gated_prompt: Requests are processed immediately.", "gated-click-through"),
        ("extra_gated_prompt: Please accept the license to continue.", "gated-click-through"),
        ("gated: manual", "gated-approval"),
    ],
)
def test_hf_gate_texts(gate: str, availability: str) -> None:
    result = _card(f"license: apache-2.0\n{gate}")
    assert result.release.availability(K.PARAMETERS_FINAL).value == availability


def test_hf_eu_gate_is_a_territorial_restriction() -> None:
    result = _card("license: apache-2.0\nextra_gated_eu_disallowed: true")
    assert score(result.release).verdict is Verdict.NOT_OPEN_SOURCE_AI


def test_hf_heading_names_the_release_and_prose_licenses_are_noted() -> None:
    body = (
        "\n# 🚀 Falcon2-11B\n\n```\n# not a heading\n```\n\n- **License:** [TII Falcon License 2.0]"
        "(https://falconllm-staging.tii.ae/falcon-2-terms-and-conditions.html)\n"
    )
    result = _card("license: unknown", body)
    assert result.release.name == "Falcon2-11B"
    assert result.release.aliases == ("org/model",)
    notes = [n.message for n in result.notes if "body names a license" in n.message]
    assert len(notes) == 1
    assert "LicenseRef-falcon-2-tii" in notes[0]
    assert "line 11" in notes[0]  # counted in the whole README, front matter included
    params = result.release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is None  # prose is noted, never judged
    named = _card("license: mit\nmodel_name: Named", "# Heading\n")
    assert named.release.name == "Named"
    sentence = _card("license: mit", "# Succeeded by: a new merge\n")
    assert sentence.release.name == "org/model"
