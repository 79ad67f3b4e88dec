"""Clauses bind only the materials their text names (design: "Clauses bind materials")."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from osaid import (
    Availability,
    Component,
    ComponentKind,
    LicenseTerms,
    ModelRelease,
    Outcome,
    score,
)
from osaid.licensing.catalog import CatalogEntry, default_catalog
from osaid.licensing.clauses import Material
from osaid.release import AdditionalTerms
from osaid.strategies import additional_terms, catalog_licenses, model_releases

from ._settings import PROPERTY

DOCUMENTS = tuple(k for k in ComponentKind if k.material is Material.DOCUMENTATION)
_MODEL_ONLY = (Material.MODEL,)


def _with(release: ModelRelease, component: Component) -> ModelRelease:
    kept = [c for c in release.components if c.kind is not component.kind]
    return release.model_copy(update={"components": (*kept, component)})


def _layer(terms: LicenseTerms | None, extra: AdditionalTerms) -> LicenseTerms:
    base = terms or LicenseTerms(expression="CC-BY-4.0")
    return base.model_copy(update={"additional_terms": (*base.additional_terms, extra)})


@PROPERTY
@given(
    model_releases(),
    additional_terms(restrictive=True, materials=_MODEL_ONLY),
    st.sampled_from(DOCUMENTS),
)
def test_a_clause_scoped_to_the_model_never_reaches_a_document(
    release: ModelRelease, extra: AdditionalTerms, document: ComponentKind
) -> None:
    # The same model-only terms are layered on the weights and on a released document.
    doc = release.component(document) or Component(kind=document, availability=Availability.PUBLIC)
    doc = doc.model_copy(
        update={"availability": Availability.PUBLIC, "license": _layer(doc.license, extra)}
    )
    release = _with(release, doc)
    weights = Component(
        kind=ComponentKind.PARAMETERS_FINAL,
        availability=Availability.PUBLIC,
        license=LicenseTerms(expression="Apache-2.0", additional_terms=(extra,)),
    )
    release = _with(release, weights)
    summaries = {c.summary for c in extra.clauses}
    assessment = score(release)
    for finding in assessment.findings:
        if finding.component in DOCUMENTS:
            cited = {e.clause for e in finding.evidence if e.clause is not None}
            assert not cited & summaries, (finding.rule_id, finding.component)
    # ... and the clauses are not lost: every restrictive one still binds the weights.
    on_params = {
        e.clause
        for f in assessment.findings
        if f.component == ComponentKind.PARAMETERS_FINAL and f.outcome is Outcome.NOT_MET
        for e in f.evidence
        if e.clause is not None
    }
    assert {c.summary for c in extra.clauses if c.restrictive} <= on_params


def _has_model_only_clause(entry: CatalogEntry) -> bool:
    catalog = default_catalog()
    return any(
        not item.clause.binds(Material.DOCUMENTATION)
        for item in catalog.clauses(entry, entry.latest)
    )


@PROPERTY
@given(model_releases(conforming=True), catalog_licenses(), st.sampled_from(DOCUMENTS))
def test_a_catalog_license_on_a_document_is_judged_by_its_document_clauses_only(
    release: ModelRelease, entry: CatalogEntry, document: ComponentKind
) -> None:
    assume(_has_model_only_clause(entry))
    doc = Component(
        kind=document,
        availability=Availability.PUBLIC,
        license=LicenseTerms(expression=entry.licenseref),
    )
    assessment = score(_with(release, doc))
    bound = {
        item.clause.summary
        for item in default_catalog().clauses(entry, entry.latest)
        if item.clause.binds(Material.DOCUMENTATION)
    }
    for finding in assessment.findings:
        if finding.component == document:
            for evidence in finding.evidence:
                if evidence.clause is not None:
                    assert evidence.clause in bound, (entry.id, evidence.clause)
