"""The bundled Grok 2.5 release: the acceptance case of the core issue."""

from __future__ import annotations

import json
from typing import Any

from osaid import ClauseKind, Freedom, Outcome, Severity, Verdict, load_bundled, score
from osaid.cli import main
from osaid.licensing.catalog import default_catalog


def _grok_json() -> dict[str, Any]:
    import io

    out = io.StringIO()
    code = main(["score", "grok-2.5", "--format", "json"], stdout=out)
    assert code == 1
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def test_verdict_and_reasons() -> None:
    data = _grok_json()
    assert data["verdict"] == "not-open-source-ai"
    findings = data["findings"]
    assert isinstance(findings, list)
    blocking = [f for f in findings if f["severity"] == "blocking" and f["outcome"] == "not-met"]

    def clause_findings(kind: ClauseKind) -> list[dict[str, Any]]:
        summaries = {
            c.summary
            for e in default_catalog().values()
            for v in e.versions
            for c in v.clauses
            if c.kind is kind
        }
        return [f for f in blocking if any(ev.get("clause") in summaries for ev in f["evidence"])]

    aup = clause_findings(ClauseKind.ACCEPTABLE_USE_POLICY)
    assert any(f["evidence"][0]["section"] == "2.a" and 6 in f["osd_criteria"] for f in aup)
    assert any("Commercial use" in f["message"] for f in aup)

    training = clause_findings(ClauseKind.NO_TRAINING_OTHER_MODELS)
    assert len(training) == 1
    assert training[0]["osd_criteria"] == [6]
    assert training[0]["freedoms"] == ["use", "modify"]

    rules = {(f["rule_id"], f["component"]) for f in blocking}
    assert ("PREF-CODE-TRAINING", "training-code") in rules
    data_rules = {r for r, _ in rules if r.startswith("PREF-DATA-INFO-")}
    assert "PREF-DATA-INFO-DESCRIPTION" in data_rules
    assert len(data_rules) == 9


def test_litigation_termination_is_reported() -> None:
    assessment = score(load_bundled("grok-2.5"))
    litigation = [
        f
        for f in assessment.findings
        if any(e.clause and "sues anyone" in e.clause for e in f.evidence)
    ]
    assert len(litigation) == 1
    finding = litigation[0]
    assert finding.outcome is Outcome.NOT_MET
    assert finding.severity is Severity.ADVISORY
    assert finding.osd_criteria == ()
    assert finding.freedoms == (Freedom.USE,)
    assert finding.evidence[0].section == "7"


def test_grok_sources_are_recorded() -> None:
    release = load_bundled("grok-2.5")
    params = release.component(release.components[0].kind)
    assert params is not None
    assert params.license is not None
    assert params.license.version == "2025-08-23+d60cbe2"
    assert all(c.sources for c in release.components)
    assert release.sources


def test_grok_change_set_is_short() -> None:
    assessment = score(load_bundled("grok-2.5"))
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    keys = [c.key for c in assessment.changes]
    assert keys[0] == "relicense:parameters-final"
    assert "disclose:data-information" in keys
    assert len(keys) == 6


def test_grok_2_terms_record_acceptance_termination_and_law() -> None:
    text = default_catalog()["grok-2-community"].text("2025-11-04")
    by_kind = {c.kind: c for c in text.clauses}
    assert by_kind[ClauseKind.ACCEPTANCE_BY_USE].section == "1"
    breach = by_kind[ClauseKind.TERMINATION_ON_BREACH]
    assert breach.section == "7"
    assert breach.quote == (
        "This license terminates immediately upon your breach or if you at any point exceed "
        "the permitted uses."
    )
    assert by_kind[ClauseKind.GOVERNING_LAW].section == "8"
    assert all(not by_kind[k].restrictive for k in (
        ClauseKind.ACCEPTANCE_BY_USE, ClauseKind.TERMINATION_ON_BREACH, ClauseKind.GOVERNING_LAW
    ))  # fmt: skip
    # The quote is the text's own, typographic quotation marks included.
    assert by_kind[ClauseKind.NAMING_BRANDING].quote == (
        "Prominently display \u201cPowered by xAI\u201d in related materials or interfaces."
    )
    litigation = by_kind[ClauseKind.LITIGATION_TERMINATION]
    assert litigation.broader_than_precedent is True
    # The unqualified revocable grant is read as termination at will.
    revocable = by_kind[ClauseKind.REVOCABLE_GRANT]
    assert (revocable.severity, [int(c) for c in revocable.osd]) == (Severity.BLOCKING, [7])


def test_grok_2_5_litigation_finding_says_it_is_broader_than_the_precedents() -> None:
    assessment = score(load_bundled("grok-2.5"))
    (finding,) = [
        f
        for f in assessment.findings
        if any(e.clause and "sues anyone" in e.clause for e in f.evidence)
    ]
    assert "broader than every OSI-approved precedent" in finding.message
    assert "Apache-2.0 section 3" in finding.message
