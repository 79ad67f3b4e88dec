from __future__ import annotations

import pytest

from osaid.errors import UnknownLicenseError
from osaid.licensing.catalog import CatalogEntry, LicenseCatalog, LicenseVersion, default_catalog
from osaid.licensing.clauses import ClauseKind, Severity


def test_bundled_catalog_loads_and_is_stamped() -> None:
    catalog = default_catalog()
    assert "grok-2-community" in catalog
    assert "xai-aup" in catalog
    assert len(catalog.digest) == 64
    assert catalog.version


@pytest.mark.parametrize(
    "name",
    [
        "grok-2-community",
        "LicenseRef-grok-2-community",
        "licenseref-GROK-2-COMMUNITY",
        "LicenseRef-scancode-xai-cla-2025",
        "grok2-community",
        "Grok 2 Community License",
        "xAI Community License Agreement",
        "grok_2_community",
    ],
)
def test_lookup_by_any_name(name: str) -> None:
    entry = default_catalog().lookup(name)
    assert entry is not None
    assert entry.id == "grok-2-community"


def test_spdx_backed_entry() -> None:
    catalog = default_catalog()
    entry = catalog.for_spdx("CC-BY-NC-4.0")
    assert entry is not None
    assert entry.spdx_id == "CC-BY-NC-4.0"
    assert catalog.for_spdx("grok-2-community") is None
    assert catalog.for_spdx("Apache-2.0") is None


def test_unknown_entry_suggests() -> None:
    with pytest.raises(UnknownLicenseError, match="did you mean 'grok-2-community'"):
        default_catalog().get_entry("grok-2-comunity")


def test_versions_of_grok() -> None:
    entry = default_catalog().get_entry("grok-2-community")
    labels = [v.version for v in entry.versions]
    assert labels == ["2025-08-23", "2025-08-23+d60cbe2", "2025-11-04"]
    assert entry.latest.version == "2025-11-04"
    first = entry.text("2025-08-23")
    kinds = {c.kind for c in first.clauses}
    assert ClauseKind.USER_THRESHOLD in kinds  # the US$1M revenue cap of the first text
    assert ClauseKind.ACCEPTABLE_USE_POLICY not in kinds
    revised = entry.find_version("2025-08-23+d60cbe2")
    assert revised is not None
    assert ClauseKind.ACCEPTABLE_USE_POLICY in {c.kind for c in revised.clauses}
    assert entry.find_version("2025-11-04") is entry.latest
    assert entry.find_version("9.9") is None
    with pytest.raises(UnknownLicenseError, match=r"grok-2-community@9\.9"):
        entry.text("9.9")


def test_incorporated_policy_clauses_follow_the_license() -> None:
    catalog = default_catalog()
    entry = catalog.get_entry("grok-2-community")
    items = catalog.clauses(entry, entry.latest)
    sources = [item.entry.id for item in items]
    assert sources.index("xai-aup") > sources.index("grok-2-community")
    assert any(
        item.entry.id == "xai-aup" and item.clause.kind is ClauseKind.UNILATERAL_CHANGE
        for item in items
    )


def test_every_entry_has_a_source_and_typed_clauses() -> None:
    for entry in default_catalog().values():
        for version in entry.versions:
            assert version.url.startswith("http"), (entry.id, version.version)
            for clause in version.clauses:
                assert clause.osd or clause.severity is Severity.ADVISORY, (entry.id, clause)


def _entry(entry_id: str, **extra: object) -> CatalogEntry:
    version = LicenseVersion(version="1", title="T", url="https://example.org")
    return CatalogEntry.model_validate(
        {"id": entry_id, "name": entry_id, "summary": "s", "versions": [version], **extra}
    )


def test_catalog_rejects_name_clashes_and_dangling_refs() -> None:
    with pytest.raises(ValueError, match="claimed by both"):
        LicenseCatalog((_entry("a", aliases=["Same"]), _entry("b", aliases=["same"])), version="t")
    with pytest.raises(ValueError, match="duplicate catalog id"):
        LicenseCatalog((_entry("a"), _entry("a")), version="t")
    bad = CatalogEntry.model_validate(
        {
            "id": "c",
            "name": "c",
            "summary": "s",
            "versions": [
                {"version": "1", "title": "T", "url": "https://example.org", "incorporates": ["zz"]}
            ],
        }
    )
    with pytest.raises(ValueError, match="incorporates unknown 'zz'"):
        LicenseCatalog((bad,), version="t")


def test_entry_validation() -> None:
    with pytest.raises(ValueError, match="at least one version"):
        CatalogEntry.model_validate({"id": "x", "name": "x", "summary": "s", "versions": []})
    with pytest.raises(ValueError, match="not an SPDX identifier"):
        _entry("x", spdx_id="cc-by-nc-4.0")
    with pytest.raises(ValueError, match="default_version"):
        _entry("x", default_version="2")
    with pytest.raises(ValueError, match="pattern"):
        _entry("Not Valid")
