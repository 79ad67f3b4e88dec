"""Terms analysis: from the terms one component declares to typed, judged clauses.

:func:`analyse_terms` takes a component's :class:`~osaid.release.LicenseTerms` and returns
a :class:`TermsAnalysis`: whether the terms are accepted for the component's group under
the policy, which license (or branch of an ``OR``) decided, every clause in force with
the license and version it comes from, and the raw strings osaid could not resolve.

Expression semantics: ``OR`` lets the recipient choose, so the most open branch decides;
``AND`` applies every part, so every part must pass; ``WITH`` is judged on the license
(an exception only adds permissions). Additional terms layered on a license apply as if
joined with ``AND``: a clean license never hides them.

Materials: a clause binds only the materials its text names (:class:`Material`). Given the
material of the component (its model, code, documentation ...), only the clauses that bind
it are in force; a license that grants that material plainly (the RAIL licenses'
Complementary Material) counts as open terms where the policy accepts them, and a license
that says it does not license that material gives the component no terms at all.

Pure: no I/O, no global state beyond the read-only catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import IntEnum, StrEnum
from typing import Final

from osaid._reuse import Memo, Same
from osaid.licensing.catalog import CatalogEntry, LicenseCatalog, LicenseVersion, default_catalog
from osaid.licensing.clauses import (
    FREEDOMS,
    Clause,
    ClauseCondition,
    ClauseKind,
    Freedom,
    Material,
    OsdCriterion,
    Severity,
)
from osaid.licensing.expressions import (
    LicenseAnd,
    LicenseExpression,
    LicenseNode,
    LicenseOr,
    LicenseSymbol,
    parse_expression,
)
from osaid.licensing.names import ResolutionKind, resolve_license
from osaid.licensing.spdx import is_open_data_license
from osaid.policy import Policy, TermsAcceptance
from osaid.release import AdditionalTerms, Group, LicenseTerms
from osaid.sources import Confidence

__all__ = [
    "ClauseRef",
    "LicenseJudgement",
    "TermsAnalysis",
    "TermsStatus",
    "analyse_terms",
]


def __dir__() -> list[str]:
    return __all__


class TermsStatus(StrEnum):
    """The judgment of a component's terms."""

    ACCEPTED = "accepted"
    """Acceptable for the component's group under the policy."""
    REJECTED = "rejected"
    """Known, and not acceptable."""
    UNKNOWN = "unknown"
    """Stated, but osaid cannot tell what they say (an unknown ``LicenseRef-`` or name)."""
    NOT_STATED = "not-stated"
    """The release does not say."""
    NO_LICENSE = "no-license"
    """The release says there is no license or dedication at all (``NONE``)."""


class _Rank(IntEnum):
    ACCEPTED = 0
    UNKNOWN = 1
    REJECTED = 2


_RANK = {
    TermsStatus.ACCEPTED: _Rank.ACCEPTED,
    TermsStatus.UNKNOWN: _Rank.UNKNOWN,
    TermsStatus.REJECTED: _Rank.REJECTED,
}
_STATUS = {rank: status for status, rank in _RANK.items()}


@dataclass(frozen=True, slots=True)
class ClauseRef:
    """A clause in force, with the terms it comes from."""

    clause: Clause
    terms: str
    """The license or policy the clause belongs to, as a readable label."""
    terms_id: str | None
    """The catalog id of those terms, None for clauses declared in the release."""
    version: str | None
    url: str | None
    verified: bool
    """Whether the clause was checked against the text (declared clauses: as declared)."""
    additional: bool
    """Whether the clause comes from additional terms layered on the license."""
    conditional: bool = False
    """Whether the clause applies only under a condition the release does not settle
    (e.g. to multimodal models, when the release does not state its modalities)."""
    policy_severity: Severity | None = None
    """The severity the policy gives the clause, when it differs from the clause's own
    (a litigation-termination clause broader than the precedents, under a policy that
    makes such breadth blocking)."""

    @property
    def severity(self) -> Severity:
        """The severity the clause carries in this assessment."""
        return self.clause.severity if self.policy_severity is None else self.policy_severity

    @property
    def key(self) -> str:
        """A stable identifier for the clause within an assessment."""
        section = self.clause.section or "-"
        where = f"{self.terms_id or self.terms}@{self.version or '-'}§{section}"
        return f"{where}:{self.clause.kind}:{self.clause.summary}"


@dataclass(frozen=True, slots=True)
class LicenseJudgement:
    """The judgment of one license symbol or one set of additional terms."""

    label: str
    """What was judged: ``Apache-2.0``, ``LicenseRef-grok-2-community``, a policy's name."""
    status: TermsStatus
    reason: str
    entry: CatalogEntry | None = None
    version: LicenseVersion | None = None
    clauses: tuple[ClauseRef, ...] = ()
    additional: bool = False
    uncovered: bool = False
    """Whether the text says it does not license the component's material, so that the
    component has no stated terms from it (status ``unknown``)."""


@dataclass(frozen=True, slots=True)
class TermsAnalysis:
    """Everything osaid concluded about one component's terms."""

    group: Group
    status: TermsStatus
    declared: str | None
    """The terms as declared (expression, else name); None when not stated."""
    field: str | None
    """Where in the release the terms were read (``license`` when inherited)."""
    inherited: bool = False
    """Whether the terms come from the release-wide license."""
    expression: LicenseExpression | None = None
    judgements: tuple[LicenseJudgement, ...] = ()
    """The judgments that decided the status (for ``OR``: the chosen branch)."""
    notes: tuple[str, ...] = ()
    _clauses: tuple[ClauseRef, ...] = dataclass_field(
        default=(), init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        seen: set[str] = set()
        out: list[ClauseRef] = []
        for judgement in self.judgements:
            for ref in judgement.clauses:
                if ref.key not in seen:
                    seen.add(ref.key)
                    out.append(ref)
        object.__setattr__(self, "_clauses", tuple(out))

    @property
    def clauses(self) -> tuple[ClauseRef, ...]:
        """Every clause in force in the deciding judgments, without repeats."""
        return self._clauses

    @property
    def restrictive_clauses(self) -> tuple[ClauseRef, ...]:
        """The clauses that restrict a freedom (blocking or advisory)."""
        return tuple(ref for ref in self._clauses if ref.clause.restrictive)

    @property
    def osd(self) -> tuple[OsdCriterion, ...]:
        """The OSD criteria broken by blocking clauses in force."""
        found = {
            osd
            for ref in self.restrictive_clauses
            if ref.severity is Severity.BLOCKING and not ref.conditional
            for osd in ref.clause.osd
        }
        return tuple(sorted(found))

    @property
    def freedoms(self) -> tuple[Freedom, ...]:
        """The freedoms restricted by blocking clauses in force."""
        found = {
            freedom
            for ref in self.restrictive_clauses
            if ref.severity is Severity.BLOCKING and not ref.conditional
            for freedom in ref.clause.freedoms
        }
        return tuple(f for f in FREEDOMS if f in found)

    @property
    def unknown_labels(self) -> tuple[str, ...]:
        """The raw strings osaid could not resolve or judge."""
        return tuple(j.label for j in self.judgements if j.status is TermsStatus.UNKNOWN)

    @property
    def uncovered(self) -> bool:
        """Whether the terms are unknown only because the declared texts do not cover it.

        Such a text says it does not license the component's material, so the component's
        own license is simply not stated.
        """
        unknown = [j for j in self.judgements if j.status is TermsStatus.UNKNOWN]
        return (
            self.status is TermsStatus.UNKNOWN
            and bool(unknown)
            and all(j.uncovered for j in unknown)
        )


def _acceptance(group: Group, policy: Policy) -> TermsAcceptance:
    if group is Group.PARAMETERS:
        return policy.parameters_terms
    if group is Group.CODE:
        return TermsAcceptance.OSI_APPROVED
    return policy.data_information_terms


def _accepted_id(identifier: str, *, osi: bool, group: Group, policy: Policy) -> tuple[bool, str]:
    if osi:
        return True, f"{identifier} is OSI-approved"
    acceptance = _acceptance(group, policy)
    if group is Group.CODE:
        return False, f"{identifier} is not OSI-approved, and code needs an OSI-approved license"
    if acceptance is TermsAcceptance.OSI_APPROVED_OR_OPEN_DATA and is_open_data_license(identifier):
        return True, f"{identifier} is an OSD-conformant open data license the policy accepts"
    return False, (
        f"{identifier} is neither OSI-approved nor among the open licenses the "
        f"'{policy.name}' policy accepts for {group.value}"
    )


def _applies(clause: Clause, *, multimodal: bool | None, material: Material | None) -> bool | None:
    """Whether ``clause`` applies: True, False, or None when the release does not say."""
    if not clause.binds(material):
        return False
    if clause.condition is ClauseCondition.MULTIMODAL:
        return multimodal
    return True


def _policy_severity(clause: Clause, policy: Policy) -> Severity | None:
    """The severity ``policy`` gives ``clause`` where it overrides the clause's own."""
    if clause.kind is ClauseKind.LITIGATION_TERMINATION and clause.broader_than_precedent:
        wanted = policy.broad_litigation_termination_severity
        return None if wanted is clause.severity else wanted
    return None


@dataclass(frozen=True, slots=True)
class _Scope:
    """What decides which clauses are in force for one component."""

    policy: Policy
    multimodal: bool | None
    material: Material | None


def _catalog_refs(
    entry: CatalogEntry,
    version: LicenseVersion,
    catalog: LicenseCatalog,
    scope: _Scope,
    *,
    additional: bool,
) -> tuple[ClauseRef, ...]:
    refs = []
    for item in catalog.clauses(entry, version):
        applies = _applies(item.clause, multimodal=scope.multimodal, material=scope.material)
        if applies is False:
            continue
        refs.append(
            ClauseRef(
                clause=item.clause,
                terms=item.entry.name,
                terms_id=item.entry.id,
                version=item.version.version,
                url=item.version.url,
                verified=item.clause.verified,
                additional=additional,
                conditional=applies is None,
                policy_severity=_policy_severity(item.clause, scope.policy),
            )
        )
    return tuple(refs)


def _blocking(refs: tuple[ClauseRef, ...], *, conditional: bool = False) -> tuple[ClauseRef, ...]:
    """The blocking restrictive clauses (those whose condition is unsettled, if asked)."""
    return tuple(
        r
        for r in refs
        if r.clause.restrictive and r.severity is Severity.BLOCKING and r.conditional is conditional
    )


class _Analyser:
    def __init__(
        self,
        group: Group,
        policy: Policy,
        catalog: LicenseCatalog,
        version: str | None,
        *,
        multimodal: bool | None,
        material: Material | None,
    ) -> None:
        self.group = group
        self.policy = policy
        self.catalog = catalog
        self.version = version
        self.scope = _Scope(policy, multimodal, material)
        self.material = material
        self.notes: list[str] = []

    def pick_version(self, entry: CatalogEntry) -> LicenseVersion:
        found = entry.find_version(self.version)
        if found is None:
            found = entry.latest
            self.notes.append(
                f"version {self.version!r} of {entry.id} is not in osaid's catalog; judged "
                f"against version {found.version}"
            )
        return found

    def _open_grant(self, entry: CatalogEntry, version: LicenseVersion) -> tuple[bool, str]:
        """Whether a custom license's plain grant of this material counts as open terms."""
        material = self.material
        if (
            material is not None
            and version.grants_openly(material)
            and self.group is not Group.CODE
            and _acceptance(self.group, self.policy) is TermsAcceptance.OSI_APPROVED_OR_OPEN_DATA
        ):
            return True, (
                f"{entry.name} grants the {material.value} plainly (its restrictions bind "
                f"other materials), which the '{self.policy.name}' policy accepts as open terms "
                f"for {self.group.value}"
            )
        return False, (
            f"{entry.name} is a custom license: not OSI-approved and not among the open "
            f"licenses the '{self.policy.name}' policy accepts for {self.group.value}"
        )

    def entry_judgement(self, label: str, entry: CatalogEntry) -> LicenseJudgement:
        version = self.pick_version(entry)
        if self.material is not None and not version.licenses(self.material):
            reason = (
                f"{entry.name} says it does not license {self.material.value}, so it gives "
                "this component no terms; its own license is not stated"
            )
            return LicenseJudgement(
                label, TermsStatus.UNKNOWN, reason, entry, version, uncovered=True
            )
        refs = _catalog_refs(entry, version, self.catalog, self.scope, additional=False)
        blocking = _blocking(refs)
        if entry.spdx_id is not None:
            spdx_row = parse_expression(entry.spdx_id).symbols()[0].spdx
            osi = spdx_row is not None and spdx_row.osi_approved
            ok, reason = _accepted_id(entry.spdx_id, osi=osi, group=self.group, policy=self.policy)
        else:
            ok, reason = self._open_grant(entry, version)
        if blocking:
            kinds = sorted({r.clause.kind.value for r in blocking})
            reason = f"{entry.name} has clauses that break the definition ({', '.join(kinds)})"
            return LicenseJudgement(label, TermsStatus.REJECTED, reason, entry, version, refs)
        if ok and _blocking(refs, conditional=True):
            reason = (
                f"{entry.name} has clauses that apply only to multimodal models, and the release "
                "does not state its modalities"
            )
            return LicenseJudgement(label, TermsStatus.UNKNOWN, reason, entry, version, refs)
        status = TermsStatus.ACCEPTED if ok else TermsStatus.REJECTED
        return LicenseJudgement(label, status, reason, entry, version, refs)

    def symbol(self, symbol: LicenseSymbol) -> LicenseJudgement:
        label = str(symbol)
        if symbol.is_ref:
            ref = symbol.key.split(":", 1)[-1]
            entry = self.catalog.lookup(ref)
            if entry is None:
                return LicenseJudgement(
                    label,
                    TermsStatus.UNKNOWN,
                    f"{ref} is not in osaid's license catalog, so its terms cannot be judged",
                )
            return self.entry_judgement(label, entry)
        info = symbol.spdx
        if info is None:  # pragma: no cover - parse_expression only yields known ids
            return LicenseJudgement(label, TermsStatus.UNKNOWN, f"{symbol.key} is not in SPDX")
        if info.deprecated:
            self.notes.append(f"{info.id} is a deprecated SPDX identifier")
        entry = self.catalog.for_spdx(info.id)
        if entry is not None:
            return self.entry_judgement(label, entry)
        family = self.catalog.family_for_spdx(info.id)
        if family is not None:
            self.notes.append(
                f"{info.id} is judged by the clauses of {family.spdx_id}, the catalogued "
                "version of the same license family"
            )
            judgement = self.entry_judgement(label, family)
            if judgement.status is TermsStatus.ACCEPTED:  # pragma: no cover - families restrict
                return judgement
            reason = f"{info.id}: {judgement.reason} (as {family.spdx_id})"
            return LicenseJudgement(
                label, judgement.status, reason, family, judgement.version, judgement.clauses
            )
        ok, reason = _accepted_id(
            info.id, osi=info.osi_approved, group=self.group, policy=self.policy
        )
        status = TermsStatus.ACCEPTED if ok else TermsStatus.REJECTED
        return LicenseJudgement(label, status, reason)

    def node(self, node: LicenseNode) -> tuple[_Rank, tuple[LicenseJudgement, ...]]:
        if isinstance(node, LicenseSymbol):
            judgement = self.symbol(node)
            return _RANK[judgement.status], (judgement,)
        results = [self.node(part) for part in node.parts]
        if isinstance(node, LicenseAnd):
            worst = max(rank for rank, _ in results)
            return worst, tuple(j for _, judgements in results for j in judgements)
        assert isinstance(node, LicenseOr)
        best = min(rank for rank, _ in results)
        chosen = [judgements for rank, judgements in results if rank == best]
        if best is _Rank.ACCEPTED:
            chosen = chosen[:1]  # the recipient takes the first open branch
        return best, tuple(j for judgements in chosen for j in judgements)

    def additional(self, terms: AdditionalTerms) -> LicenseJudgement:
        refs: list[ClauseRef] = []
        entry = self.catalog.lookup(terms.ref) if terms.ref is not None else None
        if entry is not None:
            version = entry.find_version(terms.version) or entry.latest
            refs.extend(_catalog_refs(entry, version, self.catalog, self.scope, additional=True))
        for clause in terms.clauses:
            applies = _applies(
                clause, multimodal=self.scope.multimodal, material=self.scope.material
            )
            if applies is False:
                continue
            confidence = {s.confidence for s in terms.sources}
            refs.append(
                ClauseRef(
                    clause=clause,
                    terms=terms.name,
                    terms_id=None,
                    version=terms.version,
                    url=terms.url,
                    verified=clause.verified or Confidence.PRIMARY in confidence,
                    additional=True,
                    conditional=applies is None,
                    policy_severity=_policy_severity(clause, self.policy),
                )
            )
        if entry is None and not terms.clauses:
            why = (
                f"{terms.ref!r} is not in osaid's catalog"
                if terms.ref is not None
                else "no clauses are given"
            )
            return LicenseJudgement(
                terms.name,
                TermsStatus.UNKNOWN,
                f"additional terms '{terms.name}' cannot be judged: {why}",
                additional=True,
            )
        blocking = _blocking(tuple(refs))
        if blocking:
            kinds = sorted({r.clause.kind.value for r in blocking})
            reason = f"additional terms '{terms.name}' break the definition ({', '.join(kinds)})"
            status = TermsStatus.REJECTED
        elif _blocking(tuple(refs), conditional=True):
            reason = (
                f"additional terms '{terms.name}' restrict multimodal models, and the release "
                "does not state its modalities"
            )
            status = TermsStatus.UNKNOWN
        else:
            reason = f"additional terms '{terms.name}' restrict nothing the definition protects"
            status = TermsStatus.ACCEPTED
        return LicenseJudgement(
            terms.name, status, reason, entry, None, tuple(refs), additional=True
        )


def analyse_terms(
    terms: LicenseTerms | None,
    *,
    group: Group,
    policy: Policy,
    field: str | None = None,
    inherited: bool = False,
    multimodal: bool | None = None,
    material: Material | None = None,
    catalog: LicenseCatalog | None = None,
) -> TermsAnalysis:
    """Judge ``terms`` for a component of ``group`` under ``policy``.

    ``field`` and ``inherited`` are recorded for evidence: where the terms were read, and
    whether they are the release-wide terms standing in for the component's own.
    ``multimodal`` says whether clauses limited to multimodal models apply (None: the
    release does not say, and such clauses leave the judgment unknown). ``material`` is
    what the component is (model, code, documentation ...): only the clauses that bind it
    are in force (None: every clause, as for a license judged on its own).

    The analysis of equal terms in equal circumstances is computed once and reused
    (:mod:`osaid._reuse`); the catalog is part of the key.
    """
    catalog = default_catalog() if catalog is None else catalog
    key = (terms, group, policy, field, inherited, multimodal, material, Same(catalog))
    return _ANALYSES.get(
        key,
        lambda: _analyse(
            terms,
            group=group,
            policy=policy,
            field=field,
            inherited=inherited,
            multimodal=multimodal,
            material=material,
            catalog=catalog,
        ),
    )


_ANALYSES: Final = Memo[TermsAnalysis]("terms-analyses", 4_096)


def _analyse(
    terms: LicenseTerms | None,
    *,
    group: Group,
    policy: Policy,
    field: str | None,
    inherited: bool,
    multimodal: bool | None,
    material: Material | None,
    catalog: LicenseCatalog,
) -> TermsAnalysis:
    if terms is None or terms.expression == "NOASSERTION":
        declared = None if terms is None else terms.declared
        return TermsAnalysis(group, TermsStatus.NOT_STATED, declared, field, inherited)
    if terms.expression == "NONE":
        return TermsAnalysis(group, TermsStatus.NO_LICENSE, "NONE", field, inherited)
    analyser = _Analyser(
        group, policy, catalog, terms.version, multimodal=multimodal, material=material
    )
    expression: LicenseExpression | None = None
    if terms.expression is not None:
        expression = parse_expression(terms.expression)
    else:
        assert terms.name is not None
        resolution = resolve_license(terms.name, catalog=catalog)
        if resolution.kind is ResolutionKind.NO_LICENSE:
            return TermsAnalysis(group, TermsStatus.NO_LICENSE, terms.name, field, inherited)
        if resolution.kind is ResolutionKind.NOT_STATED:
            return TermsAnalysis(group, TermsStatus.NOT_STATED, terms.name, field, inherited)
        if resolution.known and resolution.expression is not None:
            expression = parse_expression(resolution.expression)
            analyser.notes.append(
                f"name {terms.name!r} resolved to {resolution.expression} ({resolution.how})"
            )
    if expression is None:
        rank = _Rank.UNKNOWN
        judgements: tuple[LicenseJudgement, ...] = (
            LicenseJudgement(
                str(terms.name),
                TermsStatus.UNKNOWN,
                f"{terms.name!r} is not an SPDX expression or a license osaid's catalog knows",
            ),
        )
    else:
        rank, judgements = analyser.node(expression.tree)
    for extra in terms.additional_terms:
        judgement = analyser.additional(extra)
        rank = max(rank, _RANK[judgement.status])
        judgements += (judgement,)
    return TermsAnalysis(
        group=group,
        status=_STATUS[rank],
        declared=terms.declared,
        field=field,
        inherited=inherited,
        expression=expression,
        judgements=judgements,
        notes=tuple(dict.fromkeys(analyser.notes)),
    )
