"""Scoring: run every rule of a definition version and reach a verdict.

:func:`score` is the entry point: ``score(release, definition="1.0", policy=...)``
returns an :class:`~osaid.assessment.Assessment` holding every finding, a result per
component group, the verdict, the change set that would make the release conform, and the
versions of everything the result depends on. Scoring is pure and deterministic: the same
release, definition, policy and base models give an equal assessment and byte-identical
JSON. It does no I/O of its own: a derivative's base model comes from the
:class:`~osaid.assessment.bases.BaseModels` resolver passed in (default: the bundled
releases).

The verdict follows from the findings alone (:func:`~osaid.assessment.verdict_of`):
``not-open-source-ai`` if any blocking finding is not met; else
``insufficient-information`` if any blocking finding is unknown; else ``open-source-ai``.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any, Final

from pydantic import ValidationError

from osaid._reuse import Memo, Same
from osaid._version import __version__
from osaid.analysis import TermsAnalysis, analyse_release_terms
from osaid.assessment.bases import BaseModels, ChainedBaseModels, MappingBaseModels
from osaid.assessment.results import (
    Assessment,
    ChangeItem,
    ComponentResult,
    DefinitionRef,
    ElementResult,
    GroupResult,
    ReleaseRef,
    Verdict,
    VersionStamps,
    verdict_of,
)
from osaid.bundled import BUNDLED_BASE_MODELS
from osaid.definitions import Definition, get_definition
from osaid.errors import InvalidReleaseError
from osaid.findings import Finding, Outcome
from osaid.licensing.catalog import LicenseCatalog, default_catalog
from osaid.licensing.clauses import OsdCriterion, Severity
from osaid.licensing.spdx import spdx_table
from osaid.mof import mof_class
from osaid.policy import DEFAULT, Policy, get_policy
from osaid.release import ComponentKind, DataElement, Group, ModelRelease
from osaid.release.model import ELEMENTS, KINDS
from osaid.release.validation import problems_from
from osaid.rules import BaseResult, RuleContext, inherit_remediation, needed_carriers, rules_for

__all__ = ["score"]


def __dir__() -> list[str]:
    return __all__


_GROUP_ORDER = (Group.DATA_INFORMATION, Group.CODE, Group.PARAMETERS, Group.SYSTEM)
_RANK = {Outcome.NOT_MET: 0, Outcome.UNKNOWN: 1, Outcome.MET: 2, Outcome.NOT_APPLICABLE: 3}
_ROWS: Final = Memo[Any]("assessment-rows", 8_192)
_BASES: Final = Memo[Assessment]("base-assessments", 256)
_INHERITED: Final = Memo[tuple[Finding, ...]]("inherited-findings", 256)


class _Tally:
    """The outcomes of one subject's (or group's) findings, collected in one pass."""

    __slots__ = ("blocking", "counts", "worst_advisory", "worst_blocking")

    def __init__(self) -> None:
        self.worst_blocking = 4
        self.worst_advisory = 4
        self.blocking = False
        self.counts = [0, 0, 0, 0]

    def add(self, finding: Finding) -> None:
        rank = _RANK[finding.outcome]
        self.counts[rank] += 1
        if finding.severity is Severity.BLOCKING:
            self.blocking = True
            self.worst_blocking = min(self.worst_blocking, rank)
        else:
            self.worst_advisory = min(self.worst_advisory, rank)

    def worst(self) -> tuple[Outcome, bool]:
        """The worst outcome among the blocking findings, else among all of them."""
        rank = self.worst_blocking if self.blocking else self.worst_advisory
        return (_OUTCOMES[rank] if rank < 4 else Outcome.NOT_APPLICABLE), self.blocking


_OUTCOMES = (Outcome.NOT_MET, Outcome.UNKNOWN, Outcome.MET, Outcome.NOT_APPLICABLE)


def _row(key: tuple[Any, ...], build: Any) -> Any:
    return _ROWS.get(key, build)


def _group_row(group: Group, tally: _Tally) -> GroupResult:
    if tally.worst_blocking == 0:
        outcome = Outcome.NOT_MET
    elif tally.worst_blocking == 1:
        outcome = Outcome.UNKNOWN
    else:
        outcome = Outcome.MET
    met, not_met, unknown, not_applicable = (
        tally.counts[2],
        tally.counts[0],
        tally.counts[1],
        tally.counts[3],
    )
    key = ("group", group, outcome, met, not_met, unknown, not_applicable)
    row: GroupResult = _row(
        key,
        lambda: GroupResult(
            group=group,
            outcome=outcome,
            met=met,
            not_met=not_met,
            unknown=unknown,
            not_applicable=not_applicable,
        ),
    )
    return row


def _component_row(
    release: ModelRelease,
    kind: ComponentKind,
    analysis: TermsAnalysis | None,
    tally: _Tally,
) -> ComponentResult:
    component = release.component(kind)
    declared = analysis.declared if analysis is not None else None
    if declared is None and component is not None and component.license is not None:
        declared = component.license.declared
    outcome, decisive = tally.worst()
    availability = release.availability(kind)
    status = None if analysis is None else analysis.status
    key = ("component", kind, availability, declared, status, outcome, decisive)
    row: ComponentResult = _row(
        key,
        lambda: ComponentResult(
            kind=kind,
            group=kind.group,
            availability=availability,
            terms=declared,
            terms_status=status,
            outcome=outcome,
            decisive=decisive,
        ),
    )
    return row


def _element_row(release: ModelRelease, element: DataElement, tally: _Tally) -> ElementResult:
    outcome, decisive = tally.worst()
    state = release.data_information.get(element).state
    key = ("element", element, state, outcome, decisive)
    row: ElementResult = _row(
        key,
        lambda: ElementResult(element=element, state=state, outcome=outcome, decisive=decisive),
    )
    return row


def _aggregate(
    release: ModelRelease,
    terms: Mapping[ComponentKind, TermsAnalysis],
    findings: tuple[Finding, ...],
) -> tuple[
    tuple[GroupResult, ...],
    tuple[ComponentResult, ...],
    tuple[ElementResult, ...],
    tuple[ChangeItem, ...],
]:
    """Results per group, component and element, and the change set, in one pass."""
    groups = {group: _Tally() for group in _GROUP_ORDER}
    subjects: dict[object, _Tally] = {}
    changes: dict[str, tuple[str, list[str], Outcome]] = {}
    for finding in findings:
        tally = groups.get(finding.group)
        if tally is not None:
            tally.add(finding)
        subject = subjects.get(finding.component)
        if subject is None:
            subject = subjects[finding.component] = _Tally()
        subject.add(finding)
        if finding.remediation is None or not (finding.blocks or finding.undecided):
            continue
        key = finding.remediation.key
        ref = f"{finding.rule_id}:{finding.component}"
        action, refs, outcome = changes.get(key, (finding.remediation.action, [], Outcome.UNKNOWN))
        if ref not in refs:
            refs.append(ref)
        if finding.outcome is Outcome.NOT_MET:
            outcome = Outcome.NOT_MET
        changes[key] = (action, refs, outcome)
    empty = _Tally()
    ordered = sorted(changes.items(), key=lambda kv: kv[1][2] is not Outcome.NOT_MET)
    change_rows = []
    for key, (action, refs, outcome) in ordered:
        resolves = tuple(refs)
        item: ChangeItem = _row(
            ("change", key, action, resolves, outcome),
            lambda key=key, action=action, resolves=resolves, outcome=outcome: ChangeItem(
                key=key, action=action, resolves=resolves, outcome=outcome
            ),
        )
        change_rows.append(item)
    return (
        tuple(_group_row(group, groups[group]) for group in _GROUP_ORDER),
        tuple(
            _component_row(release, kind, terms.get(kind), subjects.get(kind, empty))
            for kind in KINDS
        ),
        tuple(_element_row(release, e, subjects.get(e, empty)) for e in ELEMENTS),
        tuple(change_rows),
    )


def _summary(verdict: Verdict, findings: tuple[Finding, ...]) -> str:
    if verdict is Verdict.OPEN_SOURCE_AI:
        return "Every blocking requirement of the definition is met."
    blocking = [f for f in findings if f.blocks]
    chosen = (
        blocking if verdict is Verdict.NOT_OPEN_SOURCE_AI else [f for f in findings if f.undecided]
    )
    groups = [g.value for g in _GROUP_ORDER if any(f.group is g for f in chosen)]
    osd = sorted({c for f in blocking for c in f.osd_criteria})
    what = (
        "not met" if verdict is Verdict.NOT_OPEN_SOURCE_AI else "undecided for lack of information"
    )
    plural = "s" if len(chosen) != 1 else ""
    text = f"{len(chosen)} blocking finding{plural} {what} ({', '.join(groups)})"
    if osd:
        text += "; terms break " + ", ".join(f"OSD {int(OsdCriterion(c))}" for c in osd)
    return text + "."


def _coerce_release(release: ModelRelease | Mapping[str, Any]) -> ModelRelease:
    if isinstance(release, ModelRelease):
        return release
    if isinstance(release, Mapping):
        try:
            return ModelRelease.model_validate(release)
        except ValidationError as exc:
            raise InvalidReleaseError(problems_from(exc)) from None
    msg = f"score() takes a ModelRelease or a mapping, not {type(release).__name__}"
    raise TypeError(msg)


_MAX_BASE_DEPTH: Final = 8

# Findings of a base model that a derivative does not inherit: it ships its own weights,
# architecture and inference code, and the base's download gates do not bind it.
_NOT_INHERITED_RULES = frozenset(
    {"PREF-PARAMS", "PREF-PARAMS-CHECKPOINTS", "PREF-CODE-ARCHITECTURE", "PREF-CODE-INFERENCE"}
)
_NOT_INHERITED_KINDS = frozenset({ComponentKind.ARCHITECTURE_CODE, ComponentKind.INFERENCE_CODE})


def _inheritable(finding: Finding) -> bool:
    if not (finding.blocks or finding.undecided):
        return False
    if finding.rule_id in _NOT_INHERITED_RULES or finding.component in _NOT_INHERITED_KINDS:
        return False
    remediation = finding.remediation
    return remediation is None or not remediation.key.startswith("ungate:")


def _inherit(base: Assessment, name: str) -> tuple[Finding, ...]:
    out = []
    for finding in base.findings:
        if not _inheritable(finding):
            continue
        source = finding.inherited_from or name
        message = finding.message
        if finding.inherited_from is None:
            message = f"Inherited from base model {name}: {message}"
        out.append(
            finding.model_copy(
                update={
                    "inherited_from": source,
                    "message": message,
                    "remediation": inherit_remediation(name),
                }
            )
        )
    return tuple(out)


def _resolver(
    base_models: BaseModels | Mapping[str, ModelRelease | Assessment] | None,
    bases: Mapping[str, ModelRelease] | None,
) -> BaseModels:
    if bases is not None:
        warnings.warn(
            "score(bases=...) is deprecated; pass base_models=... (a mapping or a resolver)",
            DeprecationWarning,
            stacklevel=3,
        )
        if base_models is None:
            base_models = bases
    if base_models is None:
        return BUNDLED_BASE_MODELS
    if isinstance(base_models, Mapping):
        return ChainedBaseModels(MappingBaseModels(base_models), BUNDLED_BASE_MODELS)
    if not isinstance(base_models, BaseModels):
        msg = (
            "base_models takes a mapping of names to releases or assessments, or an object "
            f"with a resolve(base) method, not {type(base_models).__name__}"
        )
        raise TypeError(msg)
    return base_models


def score(
    release: ModelRelease | Mapping[str, Any],
    *,
    definition: str = "1.0",
    policy: Policy | str = DEFAULT,
    catalog: LicenseCatalog | None = None,
    base_models: BaseModels | Mapping[str, ModelRelease | Assessment] | None = None,
    bases: Mapping[str, ModelRelease] | None = None,
) -> Assessment:
    """Score ``release`` against a version of the Open Source AI Definition.

    :param release: the release, or a mapping that validates as one.
    :param definition: the definition version, e.g. ``"1.0"``.
    :param policy: a :class:`~osaid.policy.Policy` or the name of a preset.
    :param catalog: the license catalog (default: the one bundled with osaid).
    :param base_models: where to find the base model a derived release names: a
        :class:`~osaid.assessment.bases.BaseModels` resolver, or a mapping of names to
        releases or assessments (names not found in it are looked up among the bundled
        releases). Default: the bundled releases.
    :param bases: deprecated spelling of a mapping ``base_models``.
    :raises InvalidReleaseError: if a mapping does not describe a valid release.
    :raises UnknownDefinitionError: if osaid has no rules for ``definition``.
    :raises UnknownPolicyError: if ``policy`` names no preset.
    """
    model = _coerce_release(release)
    chosen = get_policy(policy) if isinstance(policy, str) else policy
    version = get_definition(definition)
    catalog = default_catalog() if catalog is None else catalog
    resolver = _resolver(base_models, bases)
    return _score(model, version, chosen, catalog, resolver, seen=())


def _base_result(
    model: ModelRelease,
    version: Definition,
    chosen: Policy,
    catalog: LicenseCatalog,
    resolver: BaseModels,
    *,
    seen: tuple[str, ...],
) -> tuple[BaseResult, tuple[Finding, ...]]:
    declared = model.base_model
    assert declared is not None
    name = declared.name
    found = resolver.resolve(declared)
    if found is None:
        return BaseResult(name=name, release=None, problem="unknown to osaid"), ()
    if isinstance(found, Assessment):
        mismatch = []
        if found.definition.version != version.version:
            mismatch.append(f"definition {found.definition.version}")
        if found.policy != chosen:
            mismatch.append(f"policy '{found.policy.name}'")
        if mismatch:
            problem = (
                f"assessed under {' and '.join(mismatch)}, not definition {version.version} "
                f"with policy '{chosen.name}'"
            )
            return BaseResult(name=name, release=None, problem=problem), ()
        base_assessment, base_name = found, found.release.name
    else:
        if found.name in seen or found.name == model.name or len(seen) >= _MAX_BASE_DEPTH:
            chain = " -> ".join((*seen, model.name, found.name))
            return BaseResult(name=name, release=None, problem=f"in a cycle ({chain})"), ()
        path = (*seen, model.name)
        # The path matters only to find a cycle further down, so not for a base of no base.
        below = path if found.base_model is not None else ()
        key = (Same(found), version.version, chosen, Same(catalog), Same(resolver), below)
        base_assessment = _BASES.get(
            key, lambda: _score(found, version, chosen, catalog, resolver, seen=path)
        )
        base_name = found.name
    inherited = _INHERITED.get(
        (Same(base_assessment), base_name), lambda: _inherit(base_assessment, base_name)
    )
    result = BaseResult(
        name=name,
        release=base_name,
        verdict=base_assessment.verdict.value,
        summary=base_assessment.summary,
        inherited=verdict_of(inherited).value,
    )
    return result, inherited


def _score(
    model: ModelRelease,
    version: Definition,
    chosen: Policy,
    catalog: LicenseCatalog,
    resolver: BaseModels,
    *,
    seen: tuple[str, ...],
) -> Assessment:
    terms = analyse_release_terms(model, chosen, catalog=catalog)
    base_result: BaseResult | None = None
    inherited: tuple[Finding, ...] = ()
    if model.base_model is not None:
        base_result, inherited = _base_result(model, version, chosen, catalog, resolver, seen=seen)
    context = RuleContext(
        release=model,
        policy=chosen,
        terms=terms,
        needed_carriers=needed_carriers(model, terms),
        base=base_result,
    )
    own = tuple(f for rule in rules_for(version.parsed_version) for f in rule.run(context))
    findings = own + inherited
    verdict = verdict_of(findings)
    groups, components, elements, changes = _aggregate(model, terms, findings)
    return Assessment(
        verdict=verdict,
        summary=_summary(verdict, findings),
        release=ReleaseRef(
            name=model.name, producer=model.producer, version=model.version, date=model.date
        ),
        definition=DefinitionRef(name=version.name, version=version.version, url=version.url),
        policy=chosen,
        groups=groups,
        components=components,
        data_information=elements,
        findings=findings,
        changes=changes,
        mof=mof_class(model),
        versions=VersionStamps(
            osaid=__version__,
            definition=version.version,
            license_catalog=catalog.version,
            license_catalog_sha256=catalog.digest,
            spdx_license_list=spdx_table().version,
        ),
    )
