"""The four freedoms of OSAID 1.0, judged from the analysed terms of every element.

OSAID 1.0 grants the freedoms to use, study, modify and share, and attaches them to the
system as a whole and to each of its elements. Each freedom is one rule, applied to
every released element the definition requires: each restrictive clause in force is one
finding, reported under the rule of the first freedom it restricts (its ``freedoms`` list
names all of them). A clause is in force for an element only when it binds the element's
material (a RAIL use restriction binds the model, not its model card). Approval gates on
downloads are reported under the freedom to use.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Final

from osaid._reuse import Memo
from osaid.analysis import ClauseRef, TermsAnalysis, TermsStatus
from osaid.findings import Evidence, Finding, Outcome, Remediation
from osaid.licensing.clauses import (
    CLAUSE_KINDS,
    LITIGATION_PRECEDENTS,
    ClauseKind,
    Freedom,
    Severity,
)
from osaid.release import (
    Availability,
    ComponentKind,
    DisclosureState,
    Group,
    Requirement,
)
from osaid.release.model import ELEMENTS
from osaid.rules._base import (
    Citation,
    Rule,
    RuleContext,
    RuleSpec,
    clause_evidence,
    terms_key,
)
from osaid.rules._common import (
    identify_license,
    it,
    relicense,
    state_license,
    the,
    ungate,
    withdraw,
)
from osaid.rules.data import carriers_of

__all__ = ["FREEDOM_RULES"]

_SECTION = "What is Open Source AI"
_ELEMENTS = (
    " The freedoms attach to the whole system and to each of its elements, so the terms of "
    "every required element are judged."
)


def _spec(freedom: Freedom, question: str, excerpt: str, why: str) -> RuleSpec:
    return RuleSpec(
        id=f"FREEDOM-{freedom.value.upper()}",
        title=question,
        group=Group.SYSTEM,
        citation=Citation(section=_SECTION, excerpt=excerpt),
        rationale=why + _ELEMENTS,
        remediation=f"Remove what restricts the freedom to {freedom.value}.",
    )


SPECS: dict[Freedom, RuleSpec] = {
    Freedom.USE: _spec(
        Freedom.USE,
        "May anyone use the system for any purpose, without having to ask for permission?",
        "Use the system for any purpose and without having to ask for permission.",
        "Field-of-use bans, acceptable-use policies, user or revenue thresholds and approval "
        "gates each take part of this freedom away.",
    ),
    Freedom.STUDY: _spec(
        Freedom.STUDY,
        "May anyone study how the system works and inspect its components?",
        "Study how the system works and inspect its components.",
        "Bans on reverse engineering or inspection take this freedom away; missing "
        "components are reported by the preferred-form rules.",
    ),
    Freedom.MODIFY: _spec(
        Freedom.MODIFY,
        "May anyone modify the system for any purpose, including to change its output?",
        "Modify the system for any purpose, including to change its output.",
        "Bans on building other models, no-derivatives terms and guardrail lock-ins take "
        "this freedom away.",
    ),
    Freedom.SHARE: _spec(
        Freedom.SHARE,
        "May anyone share the system, with or without modifications, for any purpose?",
        "Share the system for others to use with or without modifications, for any purpose.",
        "No-distribution terms and use restrictions that must travel with every copy take "
        "this freedom away; copyleft that keeps the freedoms is allowed.",
    ),
}

_GATES = {
    Availability.GATED_APPROVAL: ClauseKind.APPROVAL_GATED_ACCESS,
    Availability.ON_REQUEST: ClauseKind.APPROVAL_GATED_ACCESS,
    Availability.GATED_CLICK_THROUGH: ClauseKind.CLICK_THROUGH,
}


def _weaker(a: Severity, b: Severity) -> Severity:
    return Severity.ADVISORY if Severity.ADVISORY in (a, b) else Severity.BLOCKING


def scope(ctx: RuleContext) -> Iterator[tuple[ComponentKind, Severity]]:
    """The released elements whose terms the freedom rules judge, with their severity cap.

    Required elements block; examples (checkpoints) advise; data-information carriers
    block when their terms decide the verdict.
    """
    used: set[ComponentKind] = set()
    for element in ELEMENTS:
        if ctx.release.data_information.get(element).state in {
            DisclosureState.DISCLOSED,
            DisclosureState.PARTIAL,
        }:
            used.update(carriers_of(ctx.release, element))
    for kind in ctx.released():
        requirement = kind.info.requirement
        if kind in used:
            yield kind, (Severity.BLOCKING if kind in ctx.needed_carriers else Severity.ADVISORY)
        elif requirement in {Requirement.REQUIRED, Requirement.IF_USED}:
            yield kind, Severity.BLOCKING
        elif requirement is Requirement.EXAMPLE:
            yield kind, Severity.ADVISORY
        elif kind is ComponentKind.DATASETS and ctx.policy.require_open_data:
            yield kind, Severity.BLOCKING


def _clause_remedy(ref: ClauseRef, kind: ComponentKind, ctx: RuleContext) -> Remediation:
    return withdraw(ref.terms) if ref.additional else relicense(kind, ctx.policy)


def _precedent(ref: ClauseRef) -> str:
    if ref.clause.kind is not ClauseKind.LITIGATION_TERMINATION:
        return ""
    precedents = ", ".join(LITIGATION_PRECEDENTS)
    if ref.clause.broader_than_precedent:
        return f"; broader than every OSI-approved precedent ({precedents})"
    return f"; not compared with the OSI-approved precedents ({precedents})"


def _clause_message(ref: ClauseRef, kind: ComponentKind) -> str:
    where = f" section {ref.clause.section}" if ref.clause.section else ""
    criteria = "" if ref.clause.osd else "; no OSD criterion clearly broken"
    checked = "; not verified against the text" if not ref.verified else ""
    condition = ""
    if ref.conditional and ref.clause.condition is not None:
        condition = (
            f"; applies only to {ref.clause.condition.value} models, and the release does not "
            "state its modalities"
        )
    return (
        f"{kind.label}: {ref.terms}{where}: {ref.clause.summary.rstrip('.')} "
        f"({ref.clause.kind.value}{criteria}{_precedent(ref)}{checked}{condition})."
    )


def _freedom_findings(
    freedom: Freedom, ctx: RuleContext, kind: ComponentKind, cap: Severity
) -> Iterator[Finding]:
    spec = SPECS[freedom]
    analysis: TermsAnalysis = ctx.terms[kind]
    field = analysis.field
    group = kind.group
    failing = 0
    if freedom is Freedom.USE:
        availability = ctx.availability(kind)
        gate = _GATES.get(availability)
        if gate is not None:
            info = CLAUSE_KINDS[gate]
            severity = info.severity
            if gate is ClauseKind.CLICK_THROUGH:
                severity = ctx.policy.click_through_severity
            failing += 1
            yield spec.finding(
                kind,
                Outcome.NOT_MET,
                f"{kind.label} is {availability.value}: {info.title.lower()}.",
                group=group,
                severity=_weaker(severity, cap),
                osd=info.osd,
                freedoms=info.freedoms,
                evidence=(
                    Evidence(field=f"{ctx.field(kind)}.availability", value=availability.value),
                ),
                remediation=ungate(kind),
            )
    status = analysis.status
    if status in {TermsStatus.UNKNOWN, TermsStatus.NOT_STATED}:
        unknown = status is TermsStatus.UNKNOWN and not analysis.uncovered
        remedy = identify_license(kind) if unknown else state_license(kind)
        yield spec.finding(
            kind,
            Outcome.UNKNOWN,
            (
                f"The release does not state the license of {the(kind)}, so osaid cannot tell "
                if status is TermsStatus.NOT_STATED
                else f"osaid does not know what the terms of {the(kind)} say, so it cannot tell "
            )
            + f"whether anyone may {freedom.value} {it(kind)}.",
            group=group,
            severity=cap,
            evidence=(Evidence(field=field, value=analysis.declared, note=status.value),),
            remediation=remedy,
        )
        return
    if status is TermsStatus.NO_LICENSE:
        yield spec.finding(
            kind,
            Outcome.NOT_MET,
            f"{kind.label} has no license, so no one is granted the freedom to {freedom.value}.",
            group=group,
            severity=cap,
            freedoms=(freedom,),
            evidence=(Evidence(field=field, value="NONE"),),
            remediation=relicense(kind, ctx.policy),
        )
        return
    for ref in analysis.restrictive_clauses:
        if ref.clause.primary_freedom is not freedom:
            continue
        failing += 1
        yield spec.finding(
            kind,
            Outcome.UNKNOWN if ref.conditional else Outcome.NOT_MET,
            _clause_message(ref, kind),
            group=group,
            severity=_weaker(ref.severity, cap),
            osd=ref.clause.osd,
            freedoms=ref.clause.freedoms,
            evidence=(clause_evidence(ref, field),),
            remediation=_clause_remedy(ref, kind, ctx),
        )
    if not failing:
        yield spec.finding(
            kind,
            Outcome.MET,
            f"{kind.label}: no term in {analysis.declared} restricts the freedom to "
            f"{freedom.value}.",
            group=group,
            severity=cap,
            evidence=(Evidence(field=field, value=analysis.declared),),
        )


_PER_COMPONENT: Final = Memo[tuple[Finding, ...]]("freedom-findings", 8_192)
_SCOPES: Final = Memo[tuple[tuple[ComponentKind, Severity], ...]]("freedom-scopes", 2_048)


def _scope_key(ctx: RuleContext) -> Hashable:
    released = tuple(ctx.released())
    return (
        ctx.release.data_information,
        released,
        ctx.needed_carriers,
        ctx.policy.require_open_data,
    )


def _component_findings(
    freedom: Freedom, ctx: RuleContext, kind: ComponentKind, cap: Severity
) -> tuple[Finding, ...]:
    key = (
        freedom,
        kind,
        cap,
        ctx.availability(kind),
        terms_key(ctx, kind),
        ctx.field(kind),
        ctx.policy,
    )
    return _PER_COMPONENT.get(key, lambda: tuple(_freedom_findings(freedom, ctx, kind, cap)))


def _check(freedom: Freedom) -> Rule:
    def check(ctx: RuleContext) -> Iterator[Finding]:
        kinds = _SCOPES.get(_scope_key(ctx), lambda: tuple(scope(ctx)))
        for kind, cap in kinds:
            yield from _component_findings(freedom, ctx, kind, cap)

    return Rule(SPECS[freedom], check)


FREEDOM_RULES = tuple(_check(freedom) for freedom in Freedom)
