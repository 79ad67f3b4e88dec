from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from osaid import Component, ComponentKind, LicenseTerms, ModelRelease, Outcome, Verdict, score
from osaid.licensing.clauses import Severity
from osaid.strategies import license_terms, model_releases

from ._settings import PROPERTY, RANK


@PROPERTY
@given(model_releases())
def test_verdict_follows_from_findings(release: ModelRelease) -> None:
    assessment = score(release)
    blocking = [f for f in assessment.findings if f.severity is Severity.BLOCKING]
    if any(f.outcome is Outcome.NOT_MET for f in blocking):
        assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    elif any(f.outcome is Outcome.UNKNOWN for f in blocking):
        assert assessment.verdict is Verdict.INSUFFICIENT_INFORMATION
    else:
        assert assessment.verdict is Verdict.OPEN_SOURCE_AI
    keys = {c.key for c in assessment.changes}
    failing = {
        f.remediation.key
        for f in blocking
        if f.outcome in {Outcome.NOT_MET, Outcome.UNKNOWN} and f.remediation is not None
    }
    assert keys == failing
    assert (assessment.verdict is Verdict.OPEN_SOURCE_AI) is (not assessment.changes)


def _relax(release: ModelRelease, kind: ComponentKind, terms: LicenseTerms) -> ModelRelease:
    parts: list[Component] = [
        c.model_copy(update={"license": terms}) if c.kind is kind else c for c in release.components
    ]
    return release.model_copy(update={"components": tuple(parts)})


@PROPERTY
@given(model_releases(), st.data())
def test_relaxing_terms_never_worsens_the_verdict(
    release: ModelRelease, data: st.DataObject
) -> None:
    released = [c for c in release.components if c.availability.released]
    if not released:
        return
    component = data.draw(st.sampled_from(released))
    kind = "osi-approved" if component.kind.group.value == "code" else "acceptable-data"
    if component.kind.group.value not in {"code", "parameters"}:
        kind = "osi-approved"
    open_terms = data.draw(license_terms(kind=kind))
    before = score(release).verdict
    after = score(_relax(release, component.kind, open_terms)).verdict
    assert RANK[after] <= RANK[before]
