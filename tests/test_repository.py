"""Repository snapshots: three small trees scored with and without the license-text extra."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import osaid
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
from osaid.importers._tree import LicenseFileRole, classify_paths, license_file_role
from osaid.importers.repository import import_repository, repository_paths
from tests.repo_trees import (
    CROISSANT,
    LICENSES,
    detector_or_skip,
    llama_tree,
    pythia_tree,
    weights_only_tree,
)

K = ComponentKind


def blocking(assessment: osaid.Assessment) -> list[osaid.Finding]:
    return [
        f
        for f in assessment.findings
        if f.severity is Severity.BLOCKING and f.outcome in {Outcome.NOT_MET, Outcome.UNKNOWN}
    ]


def messages(release: osaid.ModelRelease, kind: NoteKind | None = None) -> list[str]:
    return [n.message for n in release.import_notes if kind is None or n.kind is kind]


# ------------------------------------------------------------------ with the extra


def test_pythia_tree_conforms_with_its_license_identified(tmp_path: Path) -> None:
    detector_or_skip()
    release = osaid.load_repository(pythia_tree(tmp_path))
    assessment = score(release)
    assert assessment.verdict is Verdict.OPEN_SOURCE_AI, [f.message for f in blocking(assessment)]
    assert release.license is not None
    assert release.license.expression == "Apache-2.0"
    assert any("repository file LICENSE" in (s.title or "") for s in release.license.sources)
    assert any("score 100" in (s.note or "") for s in release.license.sources)
    for kind in (K.TRAINING_CODE, K.DATA_PROCESSING_CODE, K.EVALUATION_CODE, K.INFERENCE_CODE):
        component = release.component(kind)
        assert component is not None, kind
        assert component.availability is Availability.PUBLIC
        assert component.sources[0].confidence is osaid.Confidence.SECONDARY
    assert release.component(K.PARAMETERS_INTERMEDIATE) is not None
    assert release.availability(K.RESEARCH_PAPER) is Availability.PUBLIC  # from osaid.json
    notes = messages(release)
    assert any(
        m.startswith("LICENSE: identified: Apache-2.0 by scancode (score 100") for m in notes
    )
    assert any("osaid.json take precedence" in m for m in notes)
    assert any("lower confidence" in m and "train.py" in m for m in notes)


def test_llama_tree_fails_on_the_license_and_its_policy(tmp_path: Path) -> None:
    detector_or_skip()
    release = osaid.load_repository(llama_tree(tmp_path))
    assessment = score(release)
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "LicenseRef-llama-3.1"
    assert params.locations[0] == "model-00001-of-00004.safetensors"
    failed = [f for f in blocking(assessment) if f.outcome is Outcome.NOT_MET]
    assert {f.rule_id for f in failed} >= {"PREF-PARAMS-TERMS", "FREEDOM-USE"}
    licenses = {e.license for f in failed for e in f.evidence if e.license}
    assert {"llama-3.1", "llama-3.1-aup"} <= licenses
    notes = messages(release)
    assert any(m.startswith("LICENSE: identified: llama-3.1 by scancode") for m in notes)
    aup = [m for m in notes if m.startswith("USE_POLICY.md: identified: llama-3.1-aup")]
    assert aup
    assert "catalog-phrases (score 100" in aup[0]
    assert "threshold 50" in aup[0]
    assert any("already part of LicenseRef-llama-3.1" in m for m in notes)
    # the scores reach the report as advisory findings of the import-notes rule
    shown = [f.message for f in assessment.findings if f.rule_id == "OSAID-IMPORT-NOTES"]
    assert any("llama-3.1-aup by catalog-phrases (score 100" in m for m in shown)


def test_weights_only_tree_is_undecided_with_open_weights(tmp_path: Path) -> None:
    detector_or_skip()
    release = osaid.load_repository(weights_only_tree(tmp_path))
    assessment = score(release)
    assert assessment.verdict is Verdict.INSUFFICIENT_INFORMATION
    params = next(f for f in assessment.findings if f.rule_id == "PREF-PARAMS-TERMS")
    assert params.outcome is Outcome.MET
    unknown = {f.rule_id for f in blocking(assessment)}
    assert "PREF-CODE-TRAINING" in unknown
    assert "PREF-DATA-INFO-DESCRIPTION" in unknown
    assert all(f.outcome is Outcome.UNKNOWN for f in blocking(assessment))  # never "not released"
    assert any("read as public" in m for m in messages(release, NoteKind.ASSUMED))


# --------------------------------------------------------------- without the extra


def test_without_the_extra_license_files_are_noted_not_guessed(tmp_path: Path) -> None:
    pythia = import_repository(pythia_tree(tmp_path), detector=None).release
    llama = import_repository(llama_tree(tmp_path), detector=None).release
    weights = import_repository(weights_only_tree(tmp_path), detector=None).release
    for release in (pythia, llama, weights):
        notes = messages(release, NoteKind.ASSUMED)
        assert any(
            m.startswith("LICENSE is present but its text was not identified") for m in notes
        ), notes
        assert not any("identified: " in m and "not identified" not in m for m in messages(release))
    # Pythia: the card still says apache-2.0 for the weights; the code's terms are unknown
    verdict = score(pythia)
    assert verdict.verdict is Verdict.INSUFFICIENT_INFORMATION
    code = [f for f in blocking(verdict) if f.rule_id == "PREF-CODE-LICENSE"]
    assert code
    assert all("license text not identified" in f.message for f in code)
    # Llama: the card's llama3.1 decides; the unread policy is layered on as unknown terms
    llama_score = score(llama)
    assert llama_score.verdict is Verdict.NOT_OPEN_SOURCE_AI
    params = llama.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "LicenseRef-llama-3.1"
    assert [t.name for t in params.license.additional_terms] == [
        "USE_POLICY.md: usage policy text not identified"
    ]
    # weights only: nothing says what the license is
    weights_score = score(weights)
    assert weights_score.verdict is Verdict.INSUFFICIENT_INFORMATION
    terms = next(f for f in weights_score.findings if f.rule_id == "PREF-PARAMS-TERMS")
    assert terms.outcome is Outcome.UNKNOWN


def test_the_environment_switch_turns_the_detector_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OSAID_LICENSE_DETECTOR", "none")
    release = osaid.load_repository(weights_only_tree(tmp_path))
    assert any("no license detector is installed" in m for m in messages(release))


# ------------------------------------------------------------------ what files say


@pytest.mark.parametrize(
    ("path", "bucket"),
    [
        ("model.safetensors", "final_weights"),
        ("pytorch_model-00001-of-00002.bin", "final_weights"),
        ("original/consolidated.00.pth", "final_weights"),
        ("model-q4_k_m.gguf", "final_weights"),
        ("checkpoint-500/model.safetensors", "intermediate"),
        ("stage1-step1000-tokens4B/model.safetensors", "intermediate"),
        ("optimizer.pt", "optimizer"),
        ("global_step10/bf16_zero_pp_rank_0_mp_rank_00_optim_states.pt", "optimizer"),
        ("training_args.bin", None),
        ("scripts/train.py", "training-code"),
        ("configs/train/olmo-7b.yaml", "training-code"),
        ("scripts/prepare_memmap_dataset.py", "data-processing-code"),
        ("eval/run_eval.sh", "evaluation-code"),
        ("modeling_olmo.py", "architecture-code"),
        ("generate.py", "inference-code"),
        ("sample_finetune.py", "samples"),
        ("tests/test_train.py", None),
        ("LICENSE", "license_files"),
        ("LICENSE-MODEL", "license_files"),
        ("third_party/lib/COPYING", "nested_license_files"),
        ("data/dolma.croissant.json", "croissant"),
        ("DATASHEET.md", "data_cards"),
        ("config.json", None),
    ],
)
def test_file_names(path: str, bucket: str | None) -> None:
    facts = classify_paths([path])
    found = {
        "final_weights": facts.final_weights,
        "intermediate": facts.intermediate,
        "optimizer": facts.optimizer,
        "samples": facts.samples,
        "license_files": facts.license_files,
        "nested_license_files": facts.nested_license_files,
        "croissant": facts.croissant,
        "data_cards": facts.data_cards,
        **{kind.value: paths for kind, paths in facts.code.items()},
    }
    holding = [name for name, paths in found.items() if path in paths]
    assert holding == ([bucket] if bucket else [])


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("LICENSE", LicenseFileRole.LICENSE),
        ("LICENCE.txt", LicenseFileRole.LICENSE),
        ("COPYING", LicenseFileRole.LICENSE),
        ("NOTICE", LicenseFileRole.NOTICE),
        ("USE_POLICY.md", LicenseFileRole.POLICY),
        ("Gemma_ACCEPTABLE_USE_POLICY.md", LicenseFileRole.POLICY),
        ("README.md", None),
    ],
)
def test_license_file_roles(name: str, role: LicenseFileRole | None) -> None:
    assert license_file_role(name) is role


def test_declared_facts_take_precedence_and_each_override_is_noted(tmp_path: Path) -> None:
    tree = weights_only_tree(tmp_path)
    declared = {
        "name": "Declared name",
        "components": [
            {
                "kind": "parameters-final",
                "availability": "gated-approval",
                "license": {"expression": "MIT"},
            },
            {"kind": "training-code", "availability": "not-released"},
        ],
    }
    (tree / "osaid.json").write_text(json.dumps(declared), encoding="utf-8")
    release = import_repository(tree, detector=None).release
    assert release.name == "Declared name"
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.availability is Availability.GATED_APPROVAL
    assert params.license is not None
    assert params.license.expression == "MIT"
    assert release.availability(K.TRAINING_CODE) is Availability.NOT_RELEASED
    notes = messages(release, NoteKind.ASSUMED)
    assert any("declares the model parameters (final); it replaces" in m for m in notes)
    assert any("declares name" in m for m in notes)


def test_croissant_files_in_the_tree_feed_the_data_information(tmp_path: Path) -> None:
    tree = weights_only_tree(tmp_path)
    (tree / "data").mkdir()
    (tree / "data" / "dices.croissant.json").write_bytes(
        (CROISSANT / "dices-350.json").read_bytes()
    )
    release = import_repository(tree, detector=None).release
    assert release.croissant == ("data/dices.croissant.json",)
    assert [d.name for d in release.training_datasets] == ["DICES-350_dataset"]
    acquisition = release.data_information.acquisition
    assert acquisition.state is osaid.DisclosureState.DISCLOSED
    assert acquisition.locations == ("data/dices.croissant.json#rai:dataCollection",)


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"osaid.json": "{not json"}, "not valid JSON"),
        ({"osaid.yaml": "components: 3\n"}, "components"),
        ({"osaid.yaml": "croissant: ['../outside.json']\n"}, "points outside"),
        ({"osaid.yaml": "croissant: ['missing.json']\n"}, "no such Croissant file"),
        ({"data/x.croissant.json": '{"@type": "sc:Dataset"}'}, "needs a name"),
    ],
)
def test_bad_documents_in_a_repository_are_input_errors(
    tmp_path: Path, files: dict[str, str], problem: str
) -> None:
    tree = weights_only_tree(tmp_path)
    for rel, text in files.items():
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_text(text, encoding="utf-8")
    with pytest.raises(InvalidReleaseError, match=problem):
        import_repository(tree, detector=None)


def test_a_croissant_url_is_noted_not_fetched(tmp_path: Path) -> None:
    tree = weights_only_tree(tmp_path)
    (tree / "osaid.yaml").write_text(
        "croissant: ['https://huggingface.co/api/datasets/x/croissant']\n", encoding="utf-8"
    )
    release = import_repository(tree, detector=None).release
    assert any("osaid reads no network" in m for m in messages(release, NoteKind.UNMAPPED))
    assert release.croissant == ("https://huggingface.co/api/datasets/x/croissant",)


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidReleaseError, match="not a folder"):
        import_repository(tmp_path / "missing")
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidReleaseError, match="not a folder"):
        import_repository(file)


def test_listing_skips_version_control_and_stops_at_the_limit(tmp_path: Path) -> None:
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "objects" / "x").write_text("x", encoding="utf-8")
    for index in range(5):
        (tmp_path / f"f{index}.py").write_text("", encoding="utf-8")
    paths, cut = repository_paths(tmp_path)
    assert paths == [f"f{i}.py" for i in range(5)]
    assert not cut
    paths, cut = repository_paths(tmp_path, limit=3)
    assert len(paths) == 3
    assert cut


def test_a_card_without_weights_leaves_the_weights_not_stated(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("---\nlicense: mit\n---\n# Code only\n", encoding="utf-8")
    (tmp_path / "train.py").write_text("", encoding="utf-8")
    release = import_repository(tmp_path, detector=None).release
    assert release.component(K.PARAMETERS_FINAL) is None
    assert any("holds no weight files" in m for m in messages(release))
    assert release.availability(K.TRAINING_CODE) is Availability.PUBLIC


def test_nested_license_files_are_noted_not_applied(tmp_path: Path) -> None:
    tree = weights_only_tree(tmp_path)
    (tree / "vendor" / "lib").mkdir(parents=True)
    (tree / "vendor" / "lib" / "LICENSE").write_bytes((LICENSES / "llama-3.1.LICENSE").read_bytes())
    release = import_repository(tree, detector=None).release
    assert any("vendor/lib/LICENSE" in m for m in messages(release, NoteKind.UNMAPPED))
    params = release.component(K.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert "vendor" not in params.license.declared


def test_the_documented_osaid_yaml_is_read(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parent.parent / "docs" / "repository-checks.md"
    example = docs.read_text(encoding="utf-8").split("```yaml\n", 1)[1].split("```", 1)[0]
    tree = weights_only_tree(tmp_path)
    (tree / "osaid.yaml").write_text(example, encoding="utf-8")
    (tree / "data").mkdir()
    (tree / "data" / "pile.croissant.json").write_bytes((CROISSANT / "dices-350.json").read_bytes())
    release = import_repository(tree, detector=None).release
    assert release.name == "weights-only"  # the folder's name: the document gives none
    assert release.availability(K.RESEARCH_PAPER) is Availability.PUBLIC
    assert release.data_information.provenance.where == (K.RESEARCH_PAPER,)
    assert [d.name for d in release.training_datasets] == ["DICES-350_dataset"]
