"""The Hugging Face Hub's license table: every id resolves, or is deliberately unknown with
the reason, and the table osaid restates is the Hub's own (issue 10).

The restated table (``osaid/data/hub-licenses.json``) records the expected outcome of each
row; this test checks it against what the resolver does, and against the copy of the
Hub's page kept as test data (``tests/realdocs/hub-spec/repositories-licenses.md``, the
2024-04-17 version): every id of that page is in the table.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from osaid.cli import main
from osaid.licensing.names import (
    ResolutionKind,
    hub_licenses,
    resolve_hf_license,
    resolve_license,
    resolve_license_url,
)

PAGE = Path(__file__).parent / "realdocs" / "hub-spec" / "repositories-licenses.md"
TABLE = hub_licenses()


def test_the_table_holds_every_id_of_the_hub_page_kept_as_test_data() -> None:
    region = PAGE.read_text(encoding="utf-8").split("region licenses")[1].split("endregion")[0]
    ids = set(re.findall(r"\| `([^`]+)`", region))
    assert len(ids) == 69
    assert ids <= {row.id for row in TABLE}
    assert len(TABLE) == 83
    added = {row.id for row in TABLE} - ids
    assert {"llama3.1", "grok2-community", "openmdw-1.1", "apple-amlr"} <= added
    assert TABLE.source.startswith("huggingface/hub-docs")


@pytest.mark.parametrize("row", list(TABLE), ids=[row.id for row in TABLE])
def test_every_hub_id_resolves_or_says_why_not(row: object) -> None:
    from osaid.licensing.names import HubLicense

    assert isinstance(row, HubLicense)
    found = resolve_hf_license(row.id)
    if row.unknown is None:
        assert row.expression is not None
        assert found.expression == row.expression, row.id
        assert found.known
        if row.url:  # the license URL the Hub gives resolves to the same license
            linked = resolve_license_url(row.url)
            assert linked.expression == row.expression, (row.id, row.url)
        return
    assert row.expression is None
    assert found.kind is ResolutionKind.UNKNOWN, row.id
    if row.id != "other":  # 'other' defers to license_name; the rest say why, when asked
        assert row.unknown in resolve_license(row.id).how
        if row.url:
            assert row.unknown in resolve_license_url(row.url).how


def test_deliberately_unknown_ids_are_few_and_explained() -> None:
    unknown = {row.id: row.unknown for row in TABLE if row.unknown}
    assert set(unknown) == {
        "bsd", "cc", "gfdl", "gpl", "lgpl", "other", "h-research", "intel-research",
        "deepfloyd-if-license", "fair-noncommercial-research-license",
    }  # fmt: skip
    assert all(len(why) > 40 for why in unknown.values())
    assert "family" in unknown["gpl"]


def test_osaid_licenses_hub_walks_the_table() -> None:
    out = io.StringIO()
    assert main(["licenses", "hub", "--format", "json"], stdout=out) == 0
    data = json.loads(out.getvalue())
    assert len(data["licenses"]) == len(TABLE)
    rows = {r["text"]: r for r in data["licenses"]}
    assert rows["llama2"]["expression"] == "LicenseRef-llama-2"
    assert rows["bsd"]["expression"] is None
    assert "family" in rows["bsd"]["why"]
    text = io.StringIO()
    assert main(["licenses", "hub"], stdout=text) == 0
    assert "openmdw-1.1" in text.getvalue()
    assert "unknown: a family" in text.getvalue()


def test_osaid_licenses_resolve_names_why_an_id_is_unknown() -> None:
    out = io.StringIO()
    assert main(["licenses", "resolve", "cc", "--format", "json"], stdout=out) == 0
    data = json.loads(out.getvalue())
    assert data["kind"] == "unknown"
    assert "family" in data["how"]
