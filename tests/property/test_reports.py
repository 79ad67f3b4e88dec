"""Properties of the reports on generated releases: each validates against its schema."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from jsonschema import Draft4Validator, Draft202012Validator

from osaid import ModelRelease, score
from osaid.release.positions import index_document
from osaid.reports import SarifArtifact, release_schema, render_html, render_sarif, report_schema
from osaid.reports.schemas import RELEASE_SCHEMA_ID
from osaid.strategies import model_releases
from tests.test_htmlpage import parse

from ._settings import PROPERTY

SARIF_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "data" / "sarif-schema-2.1.0.json"
REPORT = Draft202012Validator(report_schema())
RELEASE = Draft202012Validator(release_schema())


@cache
def sarif() -> Draft4Validator:
    return Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


@settings(PROPERTY, max_examples=80)
@given(model_releases())
def test_release_documents_and_reports_follow_their_schemas(release: ModelRelease) -> None:
    document = json.loads(release.model_dump_json())
    document["$schema"] = RELEASE_SCHEMA_ID
    RELEASE.validate(document)
    REPORT.validate(json.loads(score(release).model_dump_json()))


@settings(PROPERTY, max_examples=60)
@given(model_releases())
def test_sarif_is_valid_for_any_release(release: ModelRelease) -> None:
    if not SARIF_SCHEMA.exists():
        pytest.skip("the official SARIF schema is not beside the project (../shared/data)")
    text = release.model_dump_json(indent=2)
    artifact = SarifArtifact("release.json", fields=index_document(text))
    log = json.loads(render_sarif(score(release), artifact=artifact))
    sarif().validate(log)
    lines = text.splitlines()
    for result in log["runs"][0]["results"]:
        if result["kind"] == "fail":
            assert result["level"] in {"error", "note"}
        else:
            assert result["level"] == "none"
        region = result["locations"][0]["physicalLocation"]["region"]
        assert 1 <= region["startLine"] <= len(lines)


@settings(PROPERTY, max_examples=60)
@given(model_releases())
def test_html_is_well_formed_for_any_release(release: ModelRelease) -> None:
    parse(render_html(score(release)))
