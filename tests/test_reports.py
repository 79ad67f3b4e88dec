from __future__ import annotations

import pytest

from osaid import load_bundled, score
from osaid.errors import UnknownFormatError
from osaid.reports import ReportFormat, render, render_markdown, render_text

from .builders import K, full_release


@pytest.fixture(scope="module")
def grok_text() -> str:
    return render_text(score(load_bundled("grok-2.5")))


def test_text_report_sections(grok_text: str) -> None:
    assert grok_text.startswith("Grok 2.5 (xAI, 2025-08-23)\nVerdict: NOT Open Source AI")
    for heading in ("Components", "Data information", "Blocking: not met", "Advisory",
                    "Changes that would make the release conform"):  # fmt: skip
        assert f"\n{heading}" in grok_text
    assert "training-code" in grok_text
    assert "LicenseRef-grok-2-community (rejected)" in grok_text
    assert max(len(line) for line in grok_text.splitlines()) <= 110


def test_text_report_for_a_conforming_release() -> None:
    text = render_text(score(full_release()))
    assert "Verdict: Open Source AI (open-source-ai)" in text
    assert "Blocking" not in text
    assert "Changes that would" not in text


def test_text_report_for_missing_information() -> None:
    text = render_text(score(full_release(licenses={K.PARAMETERS_FINAL: None})))
    assert "Blocking: unknown" in text
    assert "(missing information)" in text


def test_markdown() -> None:
    text = render_markdown(score(load_bundled("grok-2.5")))
    assert text.startswith("# Grok 2.5: NOT Open Source AI")
    assert "| parameters-final | parameters | public |" in text
    assert "## Changes that would make the release conform" in text


def test_render_dispatch() -> None:
    assessment = score(full_release())
    assert render(assessment, "json") == render(assessment, ReportFormat.JSON)
    with pytest.raises(UnknownFormatError, match="unknown format 'xml'"):
        render(assessment, "xml")


def test_reports_do_not_mutate_or_rejudge() -> None:
    assessment = score(load_bundled("grok-2.5"))
    before = assessment.model_dump_json()
    for fmt in ReportFormat:
        render(assessment, fmt)
    assert assessment.model_dump_json() == before


def test_text_report_merges_repeated_clauses_and_summarises_inherited_ones() -> None:
    text = render_text(score(load_bundled("llama-3.2-vision")))
    assert "(parameters-final, architecture-code, inference-code" in text
    assert "inherited from base model Llama 3.1 8B" in text
    flat = " ".join(text.split())
    assert flat.count("section 2.d: One item bars use related to operating") == 1
