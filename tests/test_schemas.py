from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from osaid import bundled, load_bundled, parse_release, score
from osaid.assessment import REPORT_FORMAT
from osaid.cli import main
from osaid.importers import load
from osaid.reports import release_schema, render_json, report_schema
from osaid.reports.schemas import (
    CROSS_FIELD_CHECKS,
    JSON_SCHEMA_DIALECT,
    RELEASE_SCHEMA_ID,
    REPORT_SCHEMA_ID,
)

ROOT = Path(__file__).resolve().parent.parent
RELEASES = ROOT / "src" / "osaid" / "data" / "releases"
FIXTURES = ROOT / "tests" / "fixtures"
REPORT = Draft202012Validator(report_schema())
RELEASE = Draft202012Validator(release_schema())


def cli_json(*argv: str) -> Any:
    out = io.StringIO()
    main(list(argv), stdout=out)
    return json.loads(out.getvalue())


def test_schemas_name_their_dialect_id_and_format_version() -> None:
    for schema, schema_id in (
        (report_schema(), REPORT_SCHEMA_ID),
        (release_schema(), RELEASE_SCHEMA_ID),
    ):
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == JSON_SCHEMA_DIALECT
        assert schema["$id"] == schema_id
    assert REPORT_SCHEMA_ID.endswith(f"/report-{REPORT_FORMAT}.schema.json")
    versions = report_schema()["$defs"]["VersionStamps"]["properties"]["report_format"]
    assert versions["const"] == REPORT_FORMAT
    assert cli_json("schema", "report") == report_schema()
    assert cli_json("schema", "assessment") == report_schema()
    assert cli_json("schema", "release") == release_schema()
    assert cli_json("schema") == release_schema()


@pytest.mark.parametrize("name", bundled.names())
def test_every_bundled_release_and_its_report_validate(name: str) -> None:
    document = json.loads((RELEASES / f"{name}.json").read_text(encoding="utf-8"))
    RELEASE.validate(document)
    report = json.loads(render_json(score(load_bundled(name))))
    REPORT.validate(report)
    assert report["versions"]["report_format"] == REPORT_FORMAT


@pytest.mark.parametrize(
    "path",
    [
        *sorted(FIXTURES.glob("*.y*ml")),
        *sorted(FIXTURES.glob("*.json")),
        *sorted(FIXTURES.glob("hf_*/README.md")),
    ],
    ids=lambda p: p.relative_to(FIXTURES).as_posix(),
)
def test_what_import_writes_is_a_valid_release_document(path: Path) -> None:
    out = io.StringIO()
    assert main(["import", str(path)], stdout=out) == 0
    RELEASE.validate(json.loads(out.getvalue()))
    REPORT.validate(json.loads(render_json(score(load(path).release))))


def test_the_release_schema_accepts_a_schema_key_as_the_loader_does() -> None:
    document = json.loads((RELEASES / "pythia.json").read_text(encoding="utf-8"))
    document["$schema"] = RELEASE_SCHEMA_ID
    RELEASE.validate(document)
    assert parse_release(document).name == "Pythia"
    document["$schemas"] = "typo"
    assert not RELEASE.is_valid(document)


def test_the_json_array_of_several_releases_follows_the_schema_item_by_item() -> None:
    out = io.StringIO()
    main(["score", "pythia", "grok-2.5", "--format", "json"], stdout=out)
    items = json.loads(out.getvalue())
    assert isinstance(items, list)
    assert len(items) == 2
    for item in items:
        REPORT.validate(item)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["components"].append(dict(d["components"][0])),
        lambda d: d["components"][0].update(availability="not-used"),
        lambda d: d["components"][0].update(license={}),
        lambda d: d["components"][0].update(license={"expression": "Apache 2.0 OR"}),
        lambda d: d["data_information"]["description"].update(state="not-applicable"),
        lambda d: d.update(sources=[{"note": "no url, no title"}]),
        lambda d: d.update(name="   "),
    ],
    ids=["twice", "not-used", "empty-terms", "bad-expression", "na-element", "source", "blank"],
)
def test_each_documented_cross_field_check_is_one_the_schema_cannot_make(mutate: Any) -> None:
    document = json.loads((RELEASES / "pythia.json").read_text(encoding="utf-8"))
    mutate(document)
    assert RELEASE.is_valid(document)  # the schema lets it through ...
    with pytest.raises(ValueError, match=r"\S"):  # ... the loader does not
        parse_release(document)


def test_the_docs_list_every_cross_field_check() -> None:
    page = " ".join((ROOT / "docs" / "reports.md").read_text(encoding="utf-8").split())
    for field, rule in CROSS_FIELD_CHECKS:
        assert field in page
        assert " ".join(rule.split()) in page, rule


def test_the_published_schema_files_are_current() -> None:
    for name, schema in (
        (f"report-{REPORT_FORMAT}.schema.json", report_schema()),
        ("release.schema.json", release_schema()),
    ):
        published = json.loads((ROOT / "docs" / "schemas" / name).read_text(encoding="utf-8"))
        assert published == schema, f"run python tasks/gen_docs.py to refresh docs/schemas/{name}"
