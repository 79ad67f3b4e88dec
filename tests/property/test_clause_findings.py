from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from osaid import ComponentKind, LicenseTerms, ModelRelease, Outcome, score
from osaid.licensing.clauses import Severity
from osaid.release import AdditionalTerms
from osaid.strategies import additional_terms, model_releases

from ._settings import PROPERTY, REQUIRED


@PROPERTY
@given(
    model_releases(conforming=True),
    st.sampled_from(REQUIRED),
    additional_terms(restrictive=True),
)
def test_every_blocking_clause_is_reported_once_under_its_freedom(
    release: ModelRelease, kind: ComponentKind, extra: AdditionalTerms
) -> None:
    parts = []
    for component in release.components:
        if component.kind is kind:
            terms = component.license or LicenseTerms(expression="MIT")
            terms = terms.model_copy(update={"additional_terms": (extra,)})
            component = component.model_copy(update={"license": terms})  # noqa: PLW2901
        parts.append(component)
    assessment = score(release.model_copy(update={"components": tuple(parts)}))
    for clause in extra.clauses:
        if not clause.restrictive or clause.primary_freedom is None:
            continue
        rule = f"FREEDOM-{clause.primary_freedom.value.upper()}"
        hits = [
            f
            for f in assessment.findings
            if f.component == kind and any(e.clause == clause.summary for e in f.evidence)
            and f.freedoms == clause.freedoms and f.osd_criteria == clause.osd
        ]  # fmt: skip
        assert hits, (rule, clause)
        assert {f.rule_id for f in hits} == {rule}
        assert all(f.outcome is Outcome.NOT_MET for f in hits)
        if clause.severity is Severity.BLOCKING:
            assert all(f.severity is Severity.BLOCKING for f in hits)
            assert all(f.remediation and f.remediation.key.startswith("withdraw:") for f in hits)
