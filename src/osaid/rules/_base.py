"""The parts every rule is made of: its record, its context, and finding helpers."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from packaging.specifiers import SpecifierSet
from pydantic import field_validator

from osaid._model import Model, NonEmptyStr, ShortText
from osaid._reuse import Memo, Same
from osaid.analysis import ClauseRef, TermsAnalysis, TermsStatus
from osaid.findings import Evidence, Finding, Outcome, Remediation, Subject
from osaid.licensing.clauses import Freedom, OsdCriterion, Severity
from osaid.policy import Policy
from osaid.release import (
    Availability,
    Component,
    ComponentKind,
    Group,
    ModelRelease,
)
from osaid.release.model import KINDS

if TYPE_CHECKING:
    from packaging.version import Version

__all__ = [
    "OSAID_1_0_URL",
    "BaseResult",
    "Check",
    "Citation",
    "Rule",
    "RuleContext",
    "RuleSpec",
    "clause_evidence",
    "component_key",
    "terms_evidence",
    "terms_key",
]

OSAID_1_0_URL = "https://opensource.org/ai/open-source-ai-definition"
FAQ_URL = "https://opensource.org/ai/faq"


class Citation(Model):
    """Where a rule comes from in the definition."""

    document: NonEmptyStr = "The Open Source AI Definition"
    """The document's title."""
    version: NonEmptyStr = "1.0"
    """The document's version."""
    section: ShortText
    """The section (and paragraph) the requirement sits in."""
    excerpt: ShortText
    """The requirement, paraphrased, or quoted in at most one sentence."""
    url: NonEmptyStr = OSAID_1_0_URL
    """Where the document can be read."""


class RuleSpec(Model):
    """The record of a rule: what it asks, where that comes from, how to fix a failure."""

    id: NonEmptyStr
    """Stable identifier, e.g. ``PREF-PARAMS-TERMS``."""
    title: ShortText
    """The rule as a yes/no question."""
    group: Group
    """The OSAID group its findings count towards."""
    citation: Citation
    """The clause of the definition the rule implements."""
    rationale: ShortText
    """Why the requirement matters, and how osaid reads it."""
    remediation: ShortText
    """What a publisher does when the rule fails, in general terms."""
    severity: Severity = Severity.BLOCKING
    """The severity of the rule's findings unless a finding says otherwise."""
    applies_to: NonEmptyStr = ">=1.0"
    """The definition versions the rule belongs to, as a version specifier."""

    @field_validator("applies_to")
    @classmethod
    def _specifier(cls, value: str) -> str:
        SpecifierSet(value)  # raises InvalidSpecifier on a malformed specifier
        return value

    def applies(self, version: Version) -> bool:
        """Whether the rule belongs to definition ``version``."""
        return SpecifierSet(self.applies_to).contains(version, prereleases=True)

    def finding(
        self,
        component: Subject,
        outcome: Outcome,
        message: str,
        *,
        group: Group | None = None,
        severity: Severity | None = None,
        osd: Iterable[OsdCriterion] = (),
        freedoms: Iterable[Freedom] = (),
        evidence: Iterable[Evidence] = (),
        remediation: Remediation | None = None,
    ) -> Finding:
        """A finding of this rule; the remediation is dropped on met / not-applicable."""
        keep = outcome in {Outcome.NOT_MET, Outcome.UNKNOWN}
        return Finding(
            rule_id=self.id,
            component=component,
            group=self.group if group is None else group,
            outcome=outcome,
            severity=self.severity if severity is None else severity,
            osd_criteria=tuple(osd),
            freedoms=tuple(freedoms),
            message=message,
            evidence=tuple(evidence),
            remediation=remediation if keep else None,
        )


@dataclass(frozen=True, slots=True)
class BaseResult:
    """What scoring the base model of a derivative concluded."""

    name: str
    """The base model as the derivative names it."""
    release: str | None
    """The release it resolved to, None when osaid does not know it."""
    verdict: str | None = None
    """The base's own verdict (``open-source-ai`` ...), None when unknown."""
    inherited: str | None = None
    """The verdict that the findings the derivative inherits imply on their own."""
    summary: str | None = None
    """The base's one-line reason."""
    problem: str | None = None
    """Why the base could not be scored (unknown name, a cycle of bases)."""


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may read: the release, its analysed terms, and the policy."""

    release: ModelRelease
    policy: Policy
    terms: Mapping[ComponentKind, TermsAnalysis]
    """The analysed terms of every released component."""
    needed_carriers: frozenset[ComponentKind]
    """The data-information carriers whose terms decide the verdict (see the data rules)."""
    base: BaseResult | None = None
    """The scored base model, for a derivative release."""

    def component(self, kind: ComponentKind) -> Component | None:
        """The component of ``kind``, or None."""
        return self.release.component(kind)

    def availability(self, kind: ComponentKind) -> Availability:
        """The availability of ``kind``."""
        return self.release.availability(kind)

    def field(self, kind: ComponentKind) -> str:
        """The path of the component in the release, for evidence."""
        for index, component in enumerate(self.release.components):
            if component.kind is kind:
                return f"components[{index}]"
        return f"components[{kind.value}]"

    def released(self, group: Group | None = None) -> Iterator[ComponentKind]:
        """The released kinds whose terms were analysed, in table order."""
        for kind in KINDS:
            if kind in self.terms and (group is None or kind.group is group):
                yield kind


Check = Callable[[RuleContext], Iterable[Finding]]
"""A rule's pure function."""

Key = Callable[[RuleContext], Hashable]
"""What a rule's findings depend on, read off the context: equal keys, equal findings."""

_FINDINGS: Final = Memo[tuple[Finding, ...]]("rule-findings", 8_192)


def component_key(ctx: RuleContext, kind: ComponentKind) -> Hashable:
    """What a rule about one component's availability reads of it."""
    component = ctx.component(kind)
    if component is None:
        return (kind, None)
    first = component.locations[0] if component.locations else None
    return (kind, component.availability, first, ctx.field(kind))


def terms_key(ctx: RuleContext, kind: ComponentKind) -> Hashable:
    """The analysed terms of one component, by identity (analyses are themselves reused)."""
    analysis = ctx.terms.get(kind)
    return None if analysis is None else Same(analysis)


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: its record, the pure function that applies it, and what its findings depend on.

    ``key`` reads off the context everything ``check`` reads; findings are then computed
    once per distinct key (and policy) and reused. A rule without a key always runs.
    """

    spec: RuleSpec
    check: Check
    key: Key | None = None

    @property
    def id(self) -> str:
        """The rule's identifier."""
        return self.spec.id

    def run(self, context: RuleContext) -> tuple[Finding, ...]:
        """Apply the rule; every finding is checked to carry the rule's id."""
        if self.key is None:
            return self._run(context)
        key = (self.spec.id, context.policy, self.key(context))
        return _FINDINGS.get(key, lambda: self._run(context))

    def _run(self, context: RuleContext) -> tuple[Finding, ...]:
        findings = tuple(self.check(context))
        for finding in findings:
            if finding.rule_id != self.spec.id:  # pragma: no cover - a defect in a rule
                msg = f"rule {self.spec.id} produced a finding for {finding.rule_id}"
                raise AssertionError(msg)
        return findings


def terms_evidence(analysis: TermsAnalysis) -> tuple[Evidence, ...]:
    """Evidence for a terms judgment: what was declared and why each part was judged so."""
    field = None if analysis.field is None else analysis.field
    out = [
        Evidence(
            field=field,
            value=analysis.declared,
            note=(
                "inherited from the release-wide license"
                if analysis.inherited
                else ("not stated" if analysis.status is TermsStatus.NOT_STATED else None)
            ),
        )
    ]
    for judgement in analysis.judgements:
        out.append(
            Evidence(
                license=judgement.entry.id if judgement.entry else judgement.label,
                license_version=judgement.version.version if judgement.version else None,
                value=judgement.label,
                url=judgement.version.url if judgement.version else None,
                note=judgement.reason,
            )
        )
    out.extend(Evidence(note=note) for note in analysis.notes)
    return tuple(out)


def clause_evidence(ref: ClauseRef, field: str | None) -> Evidence:
    """Evidence naming one clause and where it comes from."""
    return Evidence(
        field=field,
        license=ref.terms_id or ref.terms,
        license_version=ref.version,
        section=ref.clause.section,
        clause=ref.clause.summary,
        quote=ref.clause.quote,
        verified=ref.verified,
        url=ref.url,
        note=ref.clause.note,
    )
