"""Importers, with small fixtures per format (tests/fixtures) that carry real-world quirks."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from osaid import (
    Availability,
    ComponentKind,
    DataClass,
    DisclosureState,
    InvalidReleaseError,
    ModelRelease,
    NoteKind,
    Outcome,
    Verdict,
    score,
)
from osaid.cli import main
from osaid.importers import (
    InputFormat,
    detect,
    import_document,
    import_mot,
    load,
    load_text,
)

FIXTURES = Path(__file__).parent / "fixtures"
K = ComponentKind


def notes_of(release: ModelRelease, kind: NoteKind) -> list[str]:
    return [n.message for n in release.import_notes if n.kind is kind]


def test_mot_record_with_every_checklist_component_conforms() -> None:
    result = load(FIXTURES / "mot_open.yml")
    release = result.release
    assert release.name == "Example-7B"
    assert release.base_model is None  # origin equals the name
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "Apache-2.0"  # "Apache 2.0", inherited from distribution
    training = release.component(K.TRAINING_CODE)
    assert training is not None
    assert training.license is not None
    assert training.license.expression == "BSD-3-Clause"  # "BSD-3", inherited from code
    outputs = release.component(K.SAMPLE_OUTPUTS)
    assert outputs is not None
    assert outputs.license is not None
    assert outputs.license.expression == "NONE"  # unlicensed
    assert release.availability(K.DATASETS) is Availability.NOT_RELEASED  # absent
    assert release.availability(K.EVALUATION_CODE) is Availability.NOT_STATED
    assert release.data_information.provenance.state is DisclosureState.DISCLOSED
    assert release.data_information.provenance.where == (K.DATA_CARD, K.RESEARCH_PAPER)
    assert any("checklist" in m for m in notes_of(release, NoteKind.INFERRED))
    assert any("'Apache 2.0'" in m for m in notes_of(release, NoteKind.NORMALISED))
    assessment = score(release)
    assert assessment.verdict is Verdict.OPEN_SOURCE_AI
    notes = [f for f in assessment.findings if f.rule_id == "OSAID-IMPORT-NOTES"]
    assert notes
    assert all(f.severity.value == "advisory" for f in notes)
    assert result.notes == release.import_notes


def test_mot_unlicensed_omitted_and_absent_stay_distinct() -> None:
    base = {
        "framework": {"name": "Model Openness Framework"},
        "release": {
            "name": "M",
            "producer": "P",
            "components": [
                {"name": "Model parameters (Final)", "license": "unlicensed"},
                {"name": "Training code"},
            ],
        },
    }
    release = import_mot(base).release
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "NONE"
    training = release.component(K.TRAINING_CODE)
    assert training is not None
    assert training.license is None
    assert release.availability(K.INFERENCE_CODE) is Availability.NOT_RELEASED
    findings = {(f.rule_id, str(f.component)): f.outcome for f in score(release).findings}
    assert findings[("PREF-PARAMS-TERMS", "parameters-final")] is Outcome.NOT_MET
    assert findings[("PREF-CODE-LICENSE", "training-code")] is Outcome.UNKNOWN
    assert findings[("PREF-CODE-INFERENCE", "inference-code")] is Outcome.NOT_MET


def test_mot_llama_weights_fail_on_osd_5_and_6() -> None:
    release = load(FIXTURES / "mot_llama.yml").release
    assert release.availability(K.TECHNICAL_REPORT) is Availability.NOT_RELEASED
    card = release.component(K.MODEL_CARD)
    assert card is not None
    assert card.license is not None
    assert card.license.expression == "NOASSERTION"
    assessment = score(release)
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    params = [f for f in assessment.blocking if f.component == K.PARAMETERS_FINAL]
    criteria = {int(c) for f in params for c in f.osd_criteria}
    assert {5, 6} <= criteria


def test_eosai_current_record() -> None:
    release = load(FIXTURES / "eosai_current.yaml").release
    assert release.name == "Example-chat"
    assert release.aliases == ("Example",)
    assert release.date == "2025-03"
    assert release.base_model is None
    assert [m.value for m in release.modalities] == ["text", "image"]
    assert release.availability(K.PARAMETERS_FINAL) is Availability.GATED_CLICK_THROUGH
    assert release.availability(K.RESEARCH_PAPER) is Availability.PUBLIC  # from the preprint
    training = release.component(K.TRAINING_CODE)
    assert training is not None
    assert training.license is not None
    assert training.license.expression == "Apache-2.0"
    assert training.sources[0].url == "https://github.com/example/train"
    assert release.data_information.scope.state is DisclosureState.PARTIAL  # endmodel partial
    assert release.training_datasets[0].data_class is DataClass.PUBLIC
    assert any("base model 'Example-base'" in m for m in notes_of(release, NoteKind.INFERRED))
    assert score(release).verdict is Verdict.NOT_OPEN_SOURCE_AI


def test_eosai_legacy_record() -> None:
    release = load(FIXTURES / "eosai_legacy.yaml").release
    assert release.name == "OldChat"
    assert release.availability(K.TRAINING_CODE) is Availability.PUBLIC
    assert release.data_information.description.state is DisclosureState.NOT_DISCLOSED
    assert any("legacy" in m for m in notes_of(release, NoteKind.NORMALISED))
    assert any("'package'" in m for m in notes_of(release, NoteKind.UNMAPPED))
    assert score(release).verdict is Verdict.NOT_OPEN_SOURCE_AI


def test_hf_card_with_only_a_license_is_undecided() -> None:
    result = load(FIXTURES / "hf_apache" / "README.md")
    release = result.release
    assert release.name == "A model card with only a license"  # its first '# ' heading
    assert release.aliases == ("hf_apache",)  # the folder, as the repository name
    assessment = score(release)
    assert assessment.verdict is Verdict.INSUFFICIENT_INFORMATION
    undecided = {str(f.component) for f in assessment.undecided}
    assert {"training-code", "description"} <= undecided
    assert not assessment.blocking
    assert release.availability(K.TRAINING_CODE) is Availability.NOT_STATED


def test_hf_card_license_list_datasets_gate_and_base() -> None:
    release = load(FIXTURES / "hf_list" / "README.md").release
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "Apache-2.0 AND CC-BY-4.0"
    assert params.availability is Availability.GATED_CLICK_THROUGH
    assert release.training_datasets[0].name == "example/pretrain-mix"
    assert release.base_model is not None
    assert release.base_model.name == "grok-2.5"
    assessment = score(release)
    assert any(f.inherited_from == "Grok 2.5" for f in assessment.blocking)


def test_hf_card_other_with_license_name_and_manual_gate() -> None:
    release = load(FIXTURES / "hf_other" / "README.md").release
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "LicenseRef-llama-3.1"
    assert params.availability is Availability.GATED_APPROVAL
    assert score(release).verdict is Verdict.NOT_OPEN_SOURCE_AI


def test_hf_metadata_mapping_and_unknown_license() -> None:
    result = import_document({"license": "other", "license_name": "coqui-public"}, "hf")
    params = result.release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.name == "coqui-public"
    assert any("coqui-public" in m for m in notes_of(result.release, NoteKind.UNMAPPED))


def test_cyclonedx_bom() -> None:
    release = load(FIXTURES / "cyclonedx.json").release
    assert release.name == "example-model"
    assert release.producer == "Example Lab"
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "Apache-2.0"
    datasets = {d.name: d for d in release.training_datasets}
    assert datasets["training-set"].license is None  # a data component without licenses
    assert datasets["training-set"].locations == ("https://example.org/train.jsonl",)
    assert datasets["inline set"].data_class is DataClass.OBTAINABLE
    assert release.base_model is not None
    assert release.base_model.name == "base-model"
    assert any("carries no license" in m for m in notes_of(release, NoteKind.ASSUMED))
    assert score(release).verdict is Verdict.INSUFFICIENT_INFORMATION


def test_spdx3_document() -> None:
    release = load(FIXTURES / "spdx3.json").release
    assert release.name == "example-model"
    assert release.producer == "Example Lab"
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "MIT"
    assert release.training_datasets[0].data_class is DataClass.PUBLIC
    assert any("ai_informationAboutTraining" in m for m in notes_of(release, NoteKind.UNMAPPED))


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("mot_open.yml", InputFormat.MOT),
        ("eosai_current.yaml", InputFormat.EOSAI),
        ("eosai_legacy.yaml", InputFormat.EOSAI),
        ("cyclonedx.json", InputFormat.CYCLONEDX),
        ("spdx3.json", InputFormat.SPDX),
    ],
)
def test_detection(name: str, fmt: InputFormat) -> None:
    import yaml

    text = (FIXTURES / name).read_text(encoding="utf-8")
    document = json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
    assert detect(document) is fmt
    assert detect({"name": "m", "components": []}) is InputFormat.NATIVE
    assert detect([1, 2]) is None


@pytest.mark.parametrize(
    ("text", "fmt", "field", "problem"),
    [
        ("release: [unclosed", "mot", "", "not valid YAML"),
        ("a: &a [1]\n" + "".join(f"b{i}: *a\n" for i in range(600)), "mot", "", "aliases"),
        ("release: 3", "mot", "release", "expected a mapping"),
        ("framework: {}\nrelease: {components: 5, name: x}", "mot", "release.components",
         "expected a list"),
        ("system: {name: [1, 2]}\nlicenses: {}", "eosai", "system.name", "expected text"),
        ("just text", None, "", "cannot tell the document's format"),
        ("   \n", None, "", "the document is empty"),
        ('{"bomFormat": "CycloneDX", "components": []}', "cyclonedx", "components",
         "machine-learning-model"),
        ('{"@graph": []}', "spdx", "@graph", "no '@graph' elements"),
        ("---\nlicense: [1: 2\n---\n", "hf", "", "not valid YAML"),
        ("no front matter", "hf", "", "front matter"),
        ('{"name": "x", "date": "2025-13"}', "native", "date", "pattern"),
    ],
)  # fmt: skip
def test_bad_documents_name_the_field(text: str, fmt: str | None, field: str, problem: str) -> None:
    with pytest.raises(InvalidReleaseError) as caught:
        load_text(text, fmt)
    assert any(p.field == field and problem in p.problem for p in caught.value.problems), (
        caught.value.problems
    )


def test_cli_score_from_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["score", str(FIXTURES / "mot_open.yml"), "--from", "mot"], stdout=out) == 0
    out = io.StringIO()
    assert main(["score", str(FIXTURES / "mot_llama.yml")], stdout=out) == 1  # detected
    out = io.StringIO()
    assert main(["score", str(FIXTURES / "hf_apache" / "README.md")], stdout=out) == 3
    out = io.StringIO()
    assert main(["import", str(FIXTURES / "eosai_current.yaml")], stdout=out) == 0
    imported = ModelRelease.model_validate_json(out.getvalue())
    assert imported.import_notes
    target = tmp_path / "release.json"
    assert main(["import", str(FIXTURES / "cyclonedx.json"), "-o", str(target)]) == 0
    assert main(["score", str(target), "--from", "native"], stdout=io.StringIO()) == 3
    assert main(["import", "missing.yml"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_malformed_documents_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad_yaml = tmp_path / "bad.yml"
    bad_yaml.write_text("release: [unclosed", encoding="utf-8")
    assert main(["score", str(bad_yaml), "--from", "mot"]) == 2
    err = capsys.readouterr().err
    assert "not valid YAML" in err
    assert "Traceback" not in err
    wrong = tmp_path / "wrong.yml"
    wrong.write_text("framework: {}\nrelease: {name: x, components: 3}", encoding="utf-8")
    assert main(["score", str(wrong), "--from", "mot"]) == 2
    assert "release.components: expected a list" in capsys.readouterr().err
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert main(["score", str(huge)]) == 2
    assert "osaid reads documents up to" in capsys.readouterr().err
    binary = tmp_path / "binary.yml"
    binary.write_bytes(b"\xff\xfe\x00")
    assert main(["score", str(binary)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_unnamed_documents_take_the_file_name_or_fail(tmp_path: Path) -> None:
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "components": [{"type": "machine-learning-model"}],
    }
    path = tmp_path / "my-model.json"
    path.write_text(json.dumps(bom), encoding="utf-8")
    release = load(path).release
    assert release.name == "my-model"
    assert any("has no name" in m for m in notes_of(release, NoteKind.ASSUMED))
    with pytest.raises(InvalidReleaseError) as caught:
        import_document(bom, "cyclonedx")
    assert caught.value.problems[0].field == "components[0].name"
