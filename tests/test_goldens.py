"""Golden files: every report format on three releases, byte for byte.

The releases are bundled documents read from their files (so SARIF has a path and
lines): Pythia conforms, Grok 2.5 fails on its terms, OLMo 2 lacks information. Version
stamps that change with every release of osaid or its catalog are replaced by
placeholders; everything else must match. After an intended change, regenerate with::

    OSAID_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_goldens.py

and review the diff of tests/goldens/ before committing it.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from osaid import load_bundled, score
from osaid.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDENS = ROOT / "tests" / "goldens"
RELEASES = {
    "pythia": "conforming",
    "grok-2.5": "failing on terms",
    "olmo-2": "insufficient information",
}
FORMATS = {"text": "txt", "json": "json", "markdown": "md", "sarif": "sarif", "html": "html"}
UPDATE = os.environ.get("OSAID_UPDATE_GOLDENS") == "1"


def normalise(text: str) -> str:
    """Replace the version stamps that change without the report's layout changing."""
    stamps = score(load_bundled("pythia")).versions
    for value, placeholder in (
        (stamps.license_catalog_sha256, "<catalog-sha256>"),
        (stamps.license_catalog_sha256[:12], "<catalog-sha256>"),
        (stamps.license_catalog, "<catalog-version>"),
        (stamps.spdx_license_list, "<spdx-version>"),
        (stamps.osaid, "<osaid-version>"),
    ):
        text = text.replace(value, placeholder)
    return text


def produce(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    main(argv, stdout=out)
    return normalise(out.getvalue())


def check(name: str, produced: str) -> None:
    golden = GOLDENS / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8", newline="")
    assert golden.exists(), f"no golden {name}; regenerate with OSAID_UPDATE_GOLDENS=1"
    expected = golden.read_text(encoding="utf-8")
    assert produced == expected, (
        f"{name} differs from its golden; if the change is intended, regenerate with "
        "OSAID_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_goldens.py"
    )
    assert str(ROOT) not in produced
    assert "file://" not in produced  # no absolute path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("release", RELEASES)
def test_report_matches_its_golden(release: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    target = f"src/osaid/data/releases/{release}.json"
    produced = produce(["score", target, "--format", fmt, "--exit-zero"], monkeypatch)
    check(f"{release}.{FORMATS[fmt]}", produced)
    if fmt in {"json", "sarif"}:
        json.loads(produced)


@pytest.mark.parametrize("release", RELEASES)
def test_badge_matches_its_golden(release: str, monkeypatch: pytest.MonkeyPatch) -> None:
    produced = produce(["badge", f"src/osaid/data/releases/{release}.json", "-o", "-"], monkeypatch)
    check(f"{release}.svg", produced)


def test_imported_sarif_matches_its_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    produced = produce(
        ["score", "tests/fixtures/mot_open.yml", "--format", "sarif", "--exit-zero"], monkeypatch
    )
    check("mot_open.sarif", produced)


def test_goldens_cover_every_format_and_nothing_else() -> None:
    expected = {f"{r}.{ext}" for r in RELEASES for ext in [*FORMATS.values(), "svg"]}
    expected.add("mot_open.sarif")
    assert {p.name for p in GOLDENS.iterdir()} == expected
