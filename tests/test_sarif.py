from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft4Validator

from osaid import bundled, load_bundled, score
from osaid.cli import main
from osaid.findings import Outcome
from osaid.importers import load
from osaid.licensing.clauses import Severity
from osaid.release.positions import index_document
from osaid.reports import SarifArtifact, render, render_sarif, render_sarif_log
from osaid.reports.sarif import FINGERPRINT_KEY, SARIF_SCHEMA, artifact_uri, sarif_kind_level
from osaid.rules import RULES

from .builders import K, full_release

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
RELEASES = ROOT / "src" / "osaid" / "data" / "releases"
FIXTURES = ROOT / "tests" / "fixtures"


@cache
def official() -> Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def assert_valid(log: dict[str, Any]) -> None:
    """Valid against the official OASIS schema (when it is beside the project)."""
    if not SCHEMA_PATH.exists():
        pytest.skip("the official SARIF schema is not beside the project (../shared/data)")
    errors = sorted(official().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    # what the schema leaves to prose (3.27.10): a level other than none only on a fail
    for run in log["runs"]:
        for result in run["results"]:
            if result.get("kind", "fail") != "fail":
                assert result.get("level", "none") == "none", result
            assert "fixes" not in result
            for location in result["locations"]:
                uri = location.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
                if uri is not None:
                    assert uri
                    assert " " not in uri
                    urlsplit(uri)


def sarif_of(path: Path) -> dict[str, Any]:
    out = io.StringIO()
    main(["score", str(path), "--format", "sarif"], stdout=out)
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", bundled.names())
def test_every_bundled_release_gives_a_valid_log(name: str) -> None:
    assessment = score(load_bundled(name))
    assert_valid(json.loads(render_sarif(assessment)))
    text = (RELEASES / f"{name}.json").read_text(encoding="utf-8")
    artifact = SarifArtifact(f"releases/{name}.json", fields=index_document(text))
    assert_valid(json.loads(render_sarif(assessment, artifact=artifact)))


@pytest.mark.parametrize(
    "path",
    [
        *sorted(FIXTURES.glob("*.y*ml")),
        *sorted(FIXTURES.glob("*.json")),
        *sorted(FIXTURES.glob("hf_*/README.md")),
    ],
    ids=lambda p: p.relative_to(FIXTURES).as_posix(),
)
def test_imported_documents_give_valid_logs_with_note_regions(path: Path) -> None:
    log = sarif_of(path)
    assert_valid(log)
    notes = [r for r in log["runs"][0]["results"] if r["ruleId"] == "OSAID-IMPORT-NOTES"]
    text = path.read_text(encoding="utf-8")
    index = index_document(text)
    lines = text.splitlines()
    placed = 0
    for result in notes:
        field = result["properties"]["evidence"][0].get("field")
        region = result["locations"][0]["physicalLocation"]["region"]
        found = index.locate(field) if field else None
        if found is None:
            assert region == {"startLine": 1}
            continue
        placed += 1
        path_found, span = found
        assert region["startLine"] == span.start_line
        assert region["startColumn"] == span.start_column
        line = lines[span.start_line - 1][span.start_column - 1 :]
        key = path_found.rsplit(".", 1)[-1]
        if not key.endswith("]"):
            assert line.lstrip("'\"").startswith(key), (field, line)
    assert placed or not notes or path.suffix == ".md"


def test_kind_and_level_for_each_outcome_and_severity() -> None:
    table = {
        (Outcome.NOT_MET, Severity.BLOCKING): ("fail", "error"),
        (Outcome.NOT_MET, Severity.ADVISORY): ("fail", "note"),
        (Outcome.UNKNOWN, Severity.BLOCKING): ("review", "none"),
        (Outcome.UNKNOWN, Severity.ADVISORY): ("review", "none"),
        (Outcome.MET, Severity.BLOCKING): None,
        (Outcome.NOT_APPLICABLE, Severity.ADVISORY): None,
    }
    grok = score(load_bundled("grok-2.5")).findings
    olmo = score(load_bundled("olmo-2")).findings
    seen = set()
    for finding in (*grok, *olmo):
        key = (finding.outcome, finding.severity)
        if key in table:
            assert sarif_kind_level(finding) == table[key]
            seen.add(key)
    assert len(seen) >= 5
    log = json.loads(render_sarif(score(load_bundled("grok-2.5"))))
    results = log["runs"][0]["results"]
    assert {(r["kind"], r["level"]) for r in results} == {
        ("fail", "error"),
        ("fail", "note"),
        ("review", "none"),
    }
    blocking = [r for r in results if r["properties"]["severity"] == "blocking"]
    assert all(r["level"] == "error" for r in blocking if r["kind"] == "fail")


def test_fingerprints_are_unique_and_stable_across_runs() -> None:
    for name in ("grok-2.5", "llama-3.2-vision", "olmo-2"):
        first = json.loads(render_sarif(score(load_bundled(name))))
        again = json.loads(render_sarif(score(load_bundled(name))))
        prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in first["runs"][0]["results"]]
        assert len(prints) == len(set(prints)), name
        assert prints == [
            r["partialFingerprints"][FINGERPRINT_KEY] for r in again["runs"][0]["results"]
        ]
    # a fingerprint does not depend on the message wording or on where the file lives
    a = json.loads(render_sarif(score(load_bundled("grok-2.5")), artifact="a/grok.json"))
    b = json.loads(render_sarif(score(load_bundled("grok-2.5")), artifact="b/grok.json"))
    assert [r["partialFingerprints"] for r in a["runs"][0]["results"]] == [
        r["partialFingerprints"] for r in b["runs"][0]["results"]
    ]


def test_regions_point_at_the_member_the_finding_is_about() -> None:
    path = RELEASES / "grok-2.5.json"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    log = json.loads(
        render_sarif(
            score(load_bundled("grok-2.5")),
            artifact=SarifArtifact("grok-2.5.json", fields=index_document(text)),
        )
    )
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    terms = by_rule["PREF-PARAMS-TERMS"]["locations"][0]["physicalLocation"]["region"]
    assert lines[terms["startLine"] - 1][terms["startColumn"] - 1 :].startswith('"license"')
    training = by_rule["PREF-CODE-TRAINING"]["locations"][0]["physicalLocation"]["region"]
    line = lines[training["startLine"] - 1]
    assert line[training["startColumn"] - 1 : training["endColumn"] - 1] == (
        '"availability": "not-released"'
    )
    # grok-2.5 does not list intermediate checkpoints: the finding points at "components"
    checkpoints = by_rule["PREF-PARAMS-CHECKPOINTS"]["locations"][0]["physicalLocation"]
    assert lines[checkpoints["region"]["startLine"] - 1].strip().startswith('"components"')
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_inherited_findings_are_not_placed_in_the_derivative_document() -> None:
    text = (RELEASES / "llama-3.2-vision.json").read_text(encoding="utf-8")
    log = json.loads(
        render_sarif(
            score(load_bundled("llama-3.2-vision")),
            artifact=SarifArtifact("v.json", fields=index_document(text)),
        )
    )
    inherited = [r for r in log["runs"][0]["results"] if "inheritedFrom" in r["properties"]]
    assert inherited
    assert all(
        r["locations"][0]["physicalLocation"]["region"] == {"startLine": 1} for r in inherited
    )


def test_a_native_document_with_old_import_notes_does_not_place_them() -> None:
    imported = load(FIXTURES / "mot_llama.yml").release
    text = imported.model_dump_json(indent=2)
    assessment = score(imported)
    log = json.loads(
        render_sarif(assessment, artifact=SarifArtifact("r.json", fields=index_document(text)))
    )
    notes = [r for r in log["runs"][0]["results"] if r["ruleId"] == "OSAID-IMPORT-NOTES"]
    assert notes
    assert all(r["locations"][0]["physicalLocation"]["region"] == {"startLine": 1} for r in notes)


def test_rules_help_and_no_fixes() -> None:
    log = json.loads(render(score(load_bundled("grok-2.5")), "sarif", artifact="grok.json"))
    assert log["$schema"] == SARIF_SCHEMA
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    for rule in rules:
        assert rule["helpUri"].startswith("https://github.com/osaid/osaid/blob/main/docs/rules.md#")
        assert rule["helpUri"].endswith(rule["id"].lower())
        assert rule["help"]["text"]
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in rules:
        assert f"\n### {rule['id']}\n" in docs  # the anchor exists
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert "fixes" not in result
        if "remediation" in result["properties"]:
            assert "To resolve:" in result["message"]["text"]
    assert run["artifacts"] == [{"location": {"uri": "grok.json"}, "roles": ["analysisTarget"]}]
    assert run["properties"]["verdict"] == "not-open-source-ai"


def test_a_release_that_is_not_a_file_has_only_logical_locations() -> None:
    log = json.loads(render_sarif(score(full_release(licenses={K.PARAMETERS_FINAL: None}))))
    assert_valid(log)
    run = log["runs"][0]
    assert "artifacts" not in run
    for result in run["results"]:
        assert "physicalLocation" not in result["locations"][0]
        assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].startswith(
            "Example model/"
        )


def test_several_assessments_make_one_run() -> None:
    items = [
        (score(load_bundled("pythia")), "pythia.json"),
        (score(load_bundled("grok-2.5")), "grok.json"),
        (score(load_bundled("olmo-2")), None),
    ]
    log = json.loads(render_sarif_log(items))
    assert_valid(log)
    run = log["runs"][0]
    assert len(log["runs"]) == 1
    assert [a["verdict"] for a in run["properties"]["assessments"]] == [
        "open-source-ai",
        "not-open-source-ai",
        "insufficient-information",
    ]
    assert run["properties"]["verdict"] == "not-open-source-ai"
    assert {r["properties"]["release"] for r in run["results"]} == {
        "Pythia",
        "Grok 2.5",
        "OLMo 2 7B",
    }
    assert run["artifacts"] == [
        {"location": {"uri": u}, "roles": ["analysisTarget"]} for u in ("pythia.json", "grok.json")
    ]
    empty = json.loads(render_sarif_log([]))
    assert_valid(empty)
    assert empty["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("release.json", "release.json"),
        ("dir with space/r#1.json", "dir%20with%20space/r%231.json"),
        ("/abs/path/r.json", "file:///abs/path/r.json"),
        ("../up/ünï.yml", "../up/%C3%BCn%C3%AF.yml"),
    ],
)
def test_artifact_uris_are_uri_references(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def _uris_by_rule(log: dict[str, Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for result in log["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        out.setdefault(result["ruleId"], set()).add(uri)
    return out


def test_a_repository_snapshot_puts_every_result_in_one_of_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.repo_trees import llama_tree

    monkeypatch.setenv("OSAID_LICENSE_DETECTOR", "none")  # the same without ScanCode
    tree = llama_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    log = sarif_of(Path(tree.name))
    assert_valid(log)
    run = log["runs"][0]
    listed = [a["location"]["uri"] for a in run["artifacts"]]
    assert len(listed) == len(set(listed))
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert (tmp_path / uri).is_file(), uri  # code scanning needs a file of the repository
        assert listed[location["artifactLocation"]["index"]] == uri
        assert location["region"]["startLine"] == 1
    uris = _uris_by_rule(log)
    card = f"{tree.name}/README.md"
    assert uris["PREF-PARAMS-TERMS"] == {card}  # the card declares the license
    assert uris["PREF-DATA-INFO-PROVENANCE"] == {card}
    assert f"{tree.name}/USE_POLICY.md" in uris["OSAID-IMPORT-NOTES"]
    assert f"{tree.name}/LICENSE" in uris["OSAID-IMPORT-NOTES"]


def test_a_license_identified_by_its_text_points_at_the_license_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.repo_trees import detector_or_skip, llama_tree

    detector_or_skip()
    tree = llama_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    log = sarif_of(Path(tree.name))
    assert_valid(log)
    uris = _uris_by_rule(log)
    assert uris["PREF-PARAMS-TERMS"] == {f"{tree.name}/LICENSE"}
    assert f"{tree.name}/LICENSE" in uris["FREEDOM-USE"]
