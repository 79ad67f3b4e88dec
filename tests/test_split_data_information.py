"""Split data information: the complete account must be under acceptable terms.

OSAID 1.0 asks for the complete description of the training data under OSI-approved
terms. One open document does not make another one acceptable when both carry the same
elements, unless a document is said to hold the complete account on its own.
"""

from __future__ import annotations

from pathlib import Path

from osaid import ComponentKind, Outcome, Severity, Verdict, score
from osaid.importers import InputFormat, load

FIXTURES = Path(__file__).parent / "fixtures"
K = ComponentKind


def test_mot_open_record_conforms() -> None:
    release = load(FIXTURES / "mot_open.yml", InputFormat.MOT).release
    assert score(release).verdict is Verdict.OPEN_SOURCE_AI


def test_mot_record_with_a_non_commercial_data_card_beside_open_papers_fails() -> None:
    release = load(FIXTURES / "mot_nc_data_card.yml", InputFormat.MOT).release
    kinds = {c.kind for c in release.components}
    assert {K.DATA_CARD, K.RESEARCH_PAPER, K.TECHNICAL_REPORT} <= kinds
    assessment = score(release)
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    terms = {f.component: f for f in assessment.findings if f.rule_id == "PREF-DATA-INFO-TERMS"}
    assert terms[K.RESEARCH_PAPER].outcome is Outcome.MET
    assert terms[K.TECHNICAL_REPORT].outcome is Outcome.MET
    failing = terms[K.DATA_CARD]
    assert (failing.outcome, failing.severity) == (Outcome.NOT_MET, Severity.BLOCKING)
    assert "CC-BY-NC-4.0" in failing.message
    assert "no document is said to hold the complete account" in failing.message
    # The only blocking failures are about the data card's terms.
    assert {f.component for f in assessment.blocking} == {K.DATA_CARD}
    assert any(6 in f.osd_criteria for f in assessment.blocking)
