"""Clauses bind materials; termination, revocation and litigation read consistently."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from osaid import (
    Availability,
    ComponentKind,
    Finding,
    Outcome,
    Severity,
    Verdict,
    score,
)
from osaid.analysis import TermsStatus, analyse_terms, license_profile
from osaid.licensing.catalog import LicenseVersion, default_catalog
from osaid.licensing.clauses import (
    CLAUSE_KINDS,
    LITIGATION_PRECEDENTS,
    Clause,
    ClauseKind,
    Material,
    OsdCriterion,
)
from osaid.policy import DEFAULT, STRICT, Policy
from osaid.release import AdditionalTerms, Group, LicenseTerms

from .builders import K, component, full_release

A, R, U = TermsStatus.ACCEPTED, TermsStatus.REJECTED, TermsStatus.UNKNOWN
RAIL = "LicenseRef-bigscience-rail-1.0"
BIGCODE = "LicenseRef-bigcode-openrail-m"


def judge(expression: str, kind: ComponentKind, policy: Policy = DEFAULT) -> TermsStatus:
    return analyse_terms(
        LicenseTerms(expression=expression),
        group=kind.group,
        policy=policy,
        material=kind.material,
    ).status


@pytest.mark.parametrize(
    ("expression", "kind", "policy", "status"),
    [
        # RAIL: the use restrictions bind the Model; Complementary Material (code and
        # documentation) is granted plainly; the training Data is not licensed.
        (RAIL, K.PARAMETERS_FINAL, DEFAULT, R),
        (RAIL, K.MODEL_CARD, DEFAULT, A),
        (RAIL, K.DATA_CARD, DEFAULT, A),
        (RAIL, K.MODEL_CARD, STRICT, R),  # open, but not an OSI-approved license
        (RAIL, K.INFERENCE_CODE, DEFAULT, R),  # code needs an OSI-approved license
        (RAIL, K.DATASETS, DEFAULT, U),
        ("LicenseRef-creativeml-openrail-m", K.RESEARCH_PAPER, DEFAULT, A),
        ("LicenseRef-deepseek-license", K.TECHNICAL_REPORT, DEFAULT, A),
        # BigCode does not license "Explanatory documentation" (model and data cards).
        (BIGCODE, K.MODEL_CARD, DEFAULT, U),
        (BIGCODE, K.PARAMETERS_FINAL, DEFAULT, R),
        # ImpACT artifacts are data and models, "excluding Code".
        ("LicenseRef-ai2-impact-lr", K.TRAINING_CODE, DEFAULT, U),
        ("LicenseRef-ai2-impact-lr", K.DATASETS, DEFAULT, R),
        # Licenses whose clauses bind every material stay rejected everywhere.
        ("LicenseRef-llama-3.1", K.MODEL_CARD, DEFAULT, R),
        ("CC-BY-NC-4.0", K.DATA_CARD, DEFAULT, R),
        # Gemma's terms restrict Gemma (the model); a custom license on a document is
        # still not an open documentation license.
        ("LicenseRef-gemma", K.MODEL_CARD, DEFAULT, R),
    ],
)
def test_status_depends_on_the_material(
    expression: str, kind: ComponentKind, policy: Policy, status: TermsStatus
) -> None:
    assert judge(expression, kind, policy) is status


def test_rail_model_card_has_no_clause_in_force() -> None:
    analysis = analyse_terms(
        LicenseTerms(expression=RAIL),
        group=Group.OTHER,
        policy=DEFAULT,
        material=Material.DOCUMENTATION,
    )
    assert analysis.status is A
    assert not analysis.restrictive_clauses
    assert "grants the documentation plainly" in analysis.judgements[0].reason
    weights = analyse_terms(
        LicenseTerms(expression=RAIL), group=Group.PARAMETERS, policy=DEFAULT, material=None
    )
    assert weights.restrictive_clauses  # judged on its own, every clause counts
    assert {OsdCriterion(6), OsdCriterion(7)} <= set(weights.osd)


def test_a_license_that_excludes_documentation_leaves_the_card_unstated() -> None:
    release = full_release(licenses={K.DATA_CARD: BIGCODE})
    assessment = score(release)
    card = next(
        f
        for f in assessment.findings
        if f.component == K.DATA_CARD and f.rule_id == "PREF-DATA-INFO-TERMS"
    )
    assert card.outcome is Outcome.UNKNOWN
    assert "says it does not license documentation" in card.message
    assert card.remediation is not None
    assert card.remediation.key == "state-license:data-card"
    assert assessment.verdict is Verdict.INSUFFICIENT_INFORMATION


def test_declared_clauses_bind_only_their_materials() -> None:
    extra = AdditionalTerms(
        name="Model use policy",
        clauses=(
            Clause(
                kind=ClauseKind.FIELD_OF_USE,
                summary="No military use of the weights.",
                materials=(Material.MODEL,),
            ),
        ),
    )
    terms = LicenseTerms(expression="CC-BY-4.0", additional_terms=(extra,))
    for material, status in [(Material.DOCUMENTATION, A), (Material.MODEL, R)]:
        group = Group.DATA_INFORMATION if material is Material.DOCUMENTATION else Group.PARAMETERS
        analysis = analyse_terms(terms, group=group, policy=DEFAULT, material=material)
        assert analysis.status is status, material


def test_a_clause_on_outputs_binds_the_model() -> None:
    clause = Clause(kind=ClauseKind.FIELD_OF_USE, summary="x", materials=(Material.OUTPUTS,))
    assert clause.binds(Material.MODEL)
    assert clause.binds(Material.OUTPUTS)
    assert not clause.binds(Material.DOCUMENTATION)
    assert clause.binds(None)


@pytest.mark.parametrize(
    ("materials", "problem"),
    [((), "at least one material"), ((Material.ALL, Material.MODEL), "list it alone")],
)
def test_materials_are_checked(materials: tuple[Material, ...], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        Clause(kind=ClauseKind.FIELD_OF_USE, summary="x", materials=materials)


def test_version_materials_are_checked() -> None:
    base = {"version": "1", "title": "T", "url": "https://example.org"}
    with pytest.raises(ValidationError, match="both openly granted and not licensed"):
        LicenseVersion(**base, open_grant=("code",), not_licensed=("code",))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="not_licensed cannot be 'all'"):
        LicenseVersion(**base, not_licensed=("all",))  # type: ignore[arg-type]


# ---------------------------------------------------------------- revocation, termination


def test_an_unqualified_revocable_grant_is_read_as_termination_at_will() -> None:
    revocable = CLAUSE_KINDS[ClauseKind.REVOCABLE_GRANT]
    at_will = CLAUSE_KINDS[ClauseKind.TERMINATION_AT_WILL]
    assert (revocable.osd, revocable.freedoms, revocable.severity) == (
        at_will.osd,
        at_will.freedoms,
        at_will.severity,
    )
    assert revocable.severity is Severity.BLOCKING
    assert "termination at will" in revocable.rationale


def test_a_grant_revocable_only_on_stated_grounds_is_recorded_as_those_grounds() -> None:
    nvidia = default_catalog()["nvidia-open-model"]
    for text in nvidia.versions:
        kinds = {c.kind for c in text.clauses}
        assert ClauseKind.REVOCABLE_GRANT not in kinds
        assert ClauseKind.TERMINATION_ON_BREACH in kinds


@pytest.mark.parametrize(
    "kind",
    [ClauseKind.GOVERNING_LAW, ClauseKind.ACCEPTANCE_BY_USE, ClauseKind.TERMINATION_ON_BREACH],
)
def test_recorded_kinds_are_permitted(kind: ClauseKind) -> None:
    info = CLAUSE_KINDS[kind]
    assert (info.restrictive, info.osd, info.freedoms) == (False, (), ())
    terms = LicenseTerms(
        expression="Apache-2.0",
        additional_terms=(
            AdditionalTerms(name="Extra", clauses=(Clause(kind=kind, summary="Recorded."),)),
        ),
    )
    release = full_release(licenses={K.PARAMETERS_FINAL: None})
    parts = [
        c.model_copy(update={"license": terms}) if c.kind is K.PARAMETERS_FINAL else c
        for c in release.components
    ]
    assessment = score(release.model_copy(update={"components": tuple(parts)}))
    assert assessment.verdict is Verdict.OPEN_SOURCE_AI
    assert not any(any(e.clause == "Recorded." for e in f.evidence) for f in assessment.findings)


def _with_litigation(*, broader: bool | None) -> LicenseTerms:
    clause = Clause(
        kind=ClauseKind.LITIGATION_TERMINATION,
        summary="Suing anyone over the model ends the license.",
        broader_than_precedent=broader,
    )
    return LicenseTerms(
        expression="Apache-2.0",
        additional_terms=(AdditionalTerms(name="Terms", clauses=(clause,)),),
    )


def _litigation_findings(*, broader: bool | None, policy: Policy = DEFAULT) -> list[Finding]:
    release = full_release()
    parts = [
        c.model_copy(update={"license": _with_litigation(broader=broader)})
        if c.kind is K.PARAMETERS_FINAL
        else c
        for c in release.components
    ]
    assessment = score(release.model_copy(update={"components": tuple(parts)}), policy=policy)
    return [
        f
        for f in assessment.findings
        if any(e.clause == "Suing anyone over the model ends the license." for e in f.evidence)
    ]


def test_litigation_within_a_precedent_is_recorded_only() -> None:
    assert _litigation_findings(broader=False) == []


def test_broad_litigation_termination_is_advisory_and_says_so() -> None:
    (finding,) = _litigation_findings(broader=True)
    assert finding.severity is Severity.ADVISORY
    assert finding.outcome is Outcome.NOT_MET
    message = finding.message
    assert "broader than every OSI-approved precedent" in message
    assert all(p in message for p in LITIGATION_PRECEDENTS)


def test_litigation_not_compared_is_advisory_and_says_so() -> None:
    (finding,) = _litigation_findings(broader=None)
    assert finding.severity is Severity.ADVISORY
    assert "not compared with the OSI-approved precedents" in finding.message


def test_a_policy_can_make_broad_litigation_termination_blocking() -> None:
    strict = Policy.model_validate(
        {
            **DEFAULT.model_dump(),
            "name": "narrow-termination",
            "broad_litigation_termination_severity": "blocking",
        }
    )
    (finding,) = _litigation_findings(broader=True, policy=strict)
    assert finding.severity is Severity.BLOCKING
    assert _litigation_findings(broader=False, policy=strict) == []
    (unknown_breadth,) = _litigation_findings(broader=None, policy=strict)
    assert unknown_breadth.severity is Severity.ADVISORY


def test_broad_litigation_policy_changes_catalog_verdicts() -> None:
    # Qwen 2.5's terms fail anyway; a clean license with only a broad litigation clause is
    # the case the switch decides.
    blocking = Policy.model_validate(
        {**DEFAULT.model_dump(), "name": "x", "broad_litigation_termination_severity": "blocking"}
    )
    release = full_release()
    parts = [
        c.model_copy(update={"license": _with_litigation(broader=True)})
        if c.kind is K.PARAMETERS_FINAL
        else c
        for c in release.components
    ]
    changed = release.model_copy(update={"components": tuple(parts)})
    assert score(changed).verdict is Verdict.OPEN_SOURCE_AI
    assert score(changed, policy=blocking).verdict is Verdict.NOT_OPEN_SOURCE_AI


def test_every_catalog_litigation_clause_broader_than_precedent_is_explained() -> None:
    for entry in default_catalog().values():
        profile = license_profile(entry, policy=DEFAULT)
        for ref in profile.clauses:
            clause = ref.clause
            if clause.kind is ClauseKind.LITIGATION_TERMINATION and clause.broader_than_precedent:
                assert clause.note or "anyone" in clause.summary or "any" in clause.summary, (
                    entry.id,
                    clause.summary,
                )


def test_gated_components_still_report_gates() -> None:
    # Scoping clauses by material does not touch availability findings.
    release = full_release(availability={K.DATA_CARD: Availability.GATED_APPROVAL})
    gate = [
        f
        for f in score(release).findings
        if f.component == K.DATA_CARD and f.rule_id == "FREEDOM-USE" and f.blocks
    ]
    assert gate
    assert component(K.DATA_CARD, "CC-BY-4.0").kind.material is Material.DOCUMENTATION


@pytest.mark.parametrize(
    ("entry_id", "termination", "law"),
    [("qwen", "8(b)", "9"), ("tongyi-qianwen", "8(b)", "9"), ("qwen-research", "7(b)", "8")],
)
def test_qwen_terms_accept_by_click_or_use(entry_id: str, termination: str, law: str) -> None:
    text = default_catalog()[entry_id].latest
    by_kind = {c.kind: c for c in text.clauses}
    acceptance = by_kind[ClauseKind.ACCEPTANCE_BY_USE]
    assert acceptance.quote is not None
    assert acceptance.quote.startswith("By clicking to agree or by using or distributing")
    assert acceptance.verified
    assert by_kind[ClauseKind.TERMINATION_ON_BREACH].section == termination
    assert by_kind[ClauseKind.GOVERNING_LAW].section == law
    assert ClauseKind.CLICK_THROUGH not in by_kind
