"""The plan: the smallest set of changes after which a release conforms, verified.

:func:`plan` reads a release's assessment, turns every blocking finding that is not met or
unknown into a concrete change to the release (publish a component, relicense it, lift a
gate, withdraw additional terms, disclose a data-information element), applies the changes
to a copy of the release and scores it again. Changes the re-score shows to be redundant
are dropped one at a time, so that every change left is needed: without any one of them the
release would not conform. What no change to the release can fix (what a derived release
inherits from its base model, a reviewer's finding that the data information is not
sufficient) is listed as out of the publisher's hands.

The plan changes facts the publisher controls, and states them as facts: "publish the
training code under Apache-2.0" is a change, and applying it to the release document says
the training code is published under Apache-2.0. Nothing here publishes anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any, Final, Literal

from pydantic import Field

from osaid._model import ClippedText, Model, NonEmptyStr
from osaid.analysis import TermsStatus, analyse_terms
from osaid.assessment import Assessment, BaseModels, Verdict, score
from osaid.findings import Finding
from osaid.licensing.catalog import default_catalog
from osaid.policy import DEFAULT, Policy, get_policy
from osaid.release import (
    AdditionalTerms,
    Availability,
    Component,
    ComponentKind,
    DataElement,
    Disclosure,
    DisclosureState,
    Group,
    LicenseTerms,
    ModelRelease,
)
from osaid.release.model import DATA_INFORMATION_CARRIERS
from osaid.sources import Confidence, Source

__all__ = [
    "AnyChange",
    "ChangeKind",
    "DiscloseElement",
    "OutOfHands",
    "Plan",
    "PlanChange",
    "PublishComponent",
    "RelicenseComponent",
    "UngateComponent",
    "WithdrawTerms",
    "apply_changes",
    "plan",
]


def __dir__() -> list[str]:
    return __all__


_MAX_ROUNDS: Final = 6
_SOURCE: Final = Source(
    title="Change proposed by osaid's plan (not a fact about the published release)",
    confidence=Confidence.UNVERIFIED,
)
# Licenses a change proposes, tried in order; the first the policy accepts for the group.
_CANDIDATES: Final[dict[Group, tuple[str, ...]]] = {
    Group.CODE: ("Apache-2.0",),
    Group.PARAMETERS: ("Apache-2.0",),
    Group.DATA_INFORMATION: ("CC-BY-4.0", "Apache-2.0"),
    Group.OTHER: ("CC-BY-4.0", "Apache-2.0"),
}


class ChangeKind(StrEnum):
    """What a planned change does."""

    PUBLISH = "publish"
    RELICENSE = "relicense"
    UNGATE = "ungate"
    WITHDRAW_TERMS = "withdraw-terms"
    DISCLOSE = "disclose"


class _Change(Model):
    resolves: tuple[NonEmptyStr, ...] = ()
    """The findings (``RULE-ID:component``) of the original assessment the change answers."""


class PublishComponent(_Change):
    """Publish a component for anyone to download, under an acceptable license."""

    kind: Literal[ChangeKind.PUBLISH] = ChangeKind.PUBLISH
    component: ComponentKind
    license: NonEmptyStr
    """The SPDX expression to publish it under."""

    @property
    def key(self) -> str:
        """``publish:<component>``."""
        return f"publish:{self.component.value}"

    @property
    def description(self) -> str:
        """The change in one sentence."""
        what = self.component.label.lower()
        return f"Publish the {what} for anyone to download, under {self.license}."


class RelicenseComponent(_Change):
    """Offer a released component under an acceptable license, with no terms on top."""

    kind: Literal[ChangeKind.RELICENSE] = ChangeKind.RELICENSE
    component: ComponentKind
    license: NonEmptyStr

    @property
    def key(self) -> str:
        """``relicense:<component>``."""
        return f"relicense:{self.component.value}"

    @property
    def description(self) -> str:
        """The change in one sentence."""
        return (
            f"Offer the {self.component.label.lower()} under {self.license}, with no use "
            "restrictions layered on top."
        )


class UngateComponent(_Change):
    """Let anyone download a component without asking for approval or accepting terms."""

    kind: Literal[ChangeKind.UNGATE] = ChangeKind.UNGATE
    component: ComponentKind

    @property
    def key(self) -> str:
        """``ungate:<component>``."""
        return f"ungate:{self.component.value}"

    @property
    def description(self) -> str:
        """The change in one sentence."""
        return (
            f"Let anyone download the {self.component.label.lower()} without asking for approval."
        )


class WithdrawTerms(_Change):
    """Withdraw additional terms (a usage policy ...) layered on a component's license."""

    kind: Literal[ChangeKind.WITHDRAW_TERMS] = ChangeKind.WITHDRAW_TERMS
    component: ComponentKind
    terms: NonEmptyStr
    """The name of the additional terms, as the release declares them."""

    @property
    def key(self) -> str:
        """``withdraw:<component>:<terms>``."""
        return f"withdraw:{self.component.value}:{_slug(self.terms)}"

    @property
    def description(self) -> str:
        """The change in one sentence."""
        return (
            f"Withdraw the additional terms '{self.terms}' from the "
            f"{self.component.label.lower()} (or reduce them to what the law already requires)."
        )


class DiscloseElement(_Change):
    """Disclose one data-information element, for all training data, in a carrier document."""

    kind: Literal[ChangeKind.DISCLOSE] = ChangeKind.DISCLOSE
    element: DataElement
    carrier: ComponentKind
    """The document that carries it (published under ``license`` if it is not released)."""
    license: NonEmptyStr

    @property
    def key(self) -> str:
        """``disclose:<element>``."""
        return f"disclose:{self.element.value}"

    @property
    def description(self) -> str:
        """The change in one sentence."""
        return (
            f"Disclose {self.element.phrase} in the "
            f"{self.carrier.label.lower()} (published under {self.license})."
        )


AnyChange = (
    PublishComponent | RelicenseComponent | UngateComponent | WithdrawTerms | DiscloseElement
)
"""One change of a plan, any kind."""

PlanChange = Annotated[AnyChange, Field(discriminator="kind")]
"""One change of a plan (discriminated by ``kind`` in JSON)."""


class OutOfHands(Model):
    """A finding no change to this release can resolve."""

    finding: NonEmptyStr
    """``RULE-ID:component`` of the finding."""
    reason: ClippedText
    """Why the publisher cannot resolve it by changing the release."""


class Plan(Model):
    """The verified shortest path to conformance."""

    release: NonEmptyStr
    verdict_before: Verdict
    verdict_after: Verdict
    """The verdict of the release with every change applied."""
    achievable: bool
    """Whether changes to the release alone make it conform."""
    changes: tuple[PlanChange, ...]
    """Every change is needed: without any one of them the release does not conform."""
    out_of_hands: tuple[OutOfHands, ...] = ()
    """Findings no change to the release can resolve."""
    remaining: tuple[NonEmptyStr, ...] = ()
    """Blocking findings still not met or unknown after the changes (``RULE-ID:component``)."""
    rounds: int
    """How many times the release was re-scored to build and check the plan."""

    @property
    def verified(self) -> bool:
        """Whether re-scoring the changed release gives ``open-source-ai``."""
        return self.verdict_after is Verdict.OPEN_SOURCE_AI


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _ref(finding: Finding) -> str:
    return f"{finding.rule_id}:{finding.component}"


def _license_for(group: Group, policy: Policy) -> str:
    for candidate in _CANDIDATES.get(group, _CANDIDATES[Group.OTHER]):
        terms = LicenseTerms(expression=candidate)
        if analyse_terms(terms, group=group, policy=policy).status is TermsStatus.ACCEPTED:
            return candidate
    return "Apache-2.0"  # pragma: no cover - every policy accepts Apache-2.0


def _additional_terms(release: ModelRelease, kind: ComponentKind) -> tuple[AdditionalTerms, ...]:
    component = release.component(kind)
    terms = component.license if component is not None and component.license else release.license
    return () if terms is None else terms.additional_terms


def _names_of(extra: AdditionalTerms) -> set[str]:
    """The slugs a finding may give these terms.

    Their name, the name of the catalog entry they refer to, and those of the policies the
    entry incorporates.
    """
    names = {_slug(extra.name)}
    catalog = default_catalog()
    entry = catalog.lookup(extra.ref) if extra.ref is not None else None
    if entry is not None:
        names.update(_slug(item.entry.name) for item in catalog.clauses(entry, entry.latest))
        names.add(_slug(entry.name))
    return names


def _carrier_for(
    release: ModelRelease, element: DataElement, assessment: Assessment
) -> ComponentKind:
    """An existing released carrier with accepted terms, else the data card."""
    accepted = {
        row.kind
        for row in assessment.components
        if row.terms_status is TermsStatus.ACCEPTED and row.availability.released
    }
    declared = release.data_information.get(element).where
    for kind in (*declared, ComponentKind.DATA_CARD, ComponentKind.RESEARCH_PAPER,
                 ComponentKind.TECHNICAL_REPORT):  # fmt: skip
        if kind in accepted and kind in DATA_INFORMATION_CARRIERS:
            return kind
    return ComponentKind.DATA_CARD


def _changes_for(
    finding: Finding, release: ModelRelease, assessment: Assessment, policy: Policy
) -> AnyChange | OutOfHands | None:
    ref = _ref(finding)
    if finding.inherited_from is not None:
        return OutOfHands(
            finding=ref,
            reason=(
                f"inherited from the base model {finding.inherited_from}: only its publisher "
                "can resolve it (or the release can be rebuilt on another base)"
            ),
        )
    remedy = finding.remediation
    key = remedy.key if remedy is not None else ""
    prefix, _, rest = key.partition(":")
    subject = finding.component
    if prefix == "base":
        return OutOfHands(
            finding=ref,
            reason=(
                f"the base model {rest} is not Open Source AI: its terms, code and data "
                "information are its own publisher's to change"
            ),
        )
    if prefix == "describe-base":
        return OutOfHands(
            finding=ref,
            reason=(
                f"osaid does not know the base model {rest}: describe it (pass it in "
                "base_models) so that the plan can cover what it lacks"
            ),
        )
    if finding.rule_id == "PREF-DATA-INFO-SUFFICIENT":
        return OutOfHands(
            finding=ref,
            reason=(
                "a reviewer found the data information insufficient; publishing more detail "
                "is in the publisher's hands, but whether it suffices is the reviewer's call"
            ),
        )
    if isinstance(subject, ComponentKind):
        license_ = _license_for(subject.group, policy)
        if prefix in {"publish", "state"}:
            return PublishComponent(component=subject, license=license_, resolves=(ref,))
        if prefix in {"relicense", "identify-license", "state-license"}:
            return RelicenseComponent(component=subject, license=license_, resolves=(ref,))
        if prefix == "ungate":
            return UngateComponent(component=subject, resolves=(ref,))
        if prefix == "withdraw":
            for extra in _additional_terms(release, subject):
                if rest in _names_of(extra):
                    return WithdrawTerms(component=subject, terms=extra.name, resolves=(ref,))
            return RelicenseComponent(component=subject, license=license_, resolves=(ref,))
        if subject is ComponentKind.DATASETS:
            return PublishComponent(component=subject, license=license_, resolves=(ref,))
    if isinstance(subject, DataElement) and prefix in {"disclose", "state-disclosure"}:
        carrier = _carrier_for(release, subject, assessment)
        return DiscloseElement(
            element=subject,
            carrier=carrier,
            license=_license_for(carrier.group, policy),
            resolves=(ref,),
        )
    if prefix in {"disclose", "state-disclosure"} and ComponentKind.DATASETS.value in str(subject):
        license_ = _license_for(Group.DATA_INFORMATION, policy)
        return PublishComponent(component=ComponentKind.DATASETS, license=license_, resolves=(ref,))
    return OutOfHands(finding=ref, reason="osaid knows no change to the release that resolves it")


def _merge(changes: dict[str, AnyChange], change: AnyChange) -> None:
    existing = changes.get(change.key)
    if existing is None:
        changes[change.key] = change
        return
    resolves = tuple(dict.fromkeys((*existing.resolves, *change.resolves)))
    changes[change.key] = existing.model_copy(update={"resolves": resolves})


def _with_component(release: ModelRelease, component: Component) -> tuple[Component, ...]:
    others = [c for c in release.components if c.kind is not component.kind]
    ordered = {c.kind: c for c in (*others, component)}
    return tuple(ordered[k] for k in ComponentKind if k in ordered)


def _terms(expression: str) -> LicenseTerms:
    return LicenseTerms(expression=expression, sources=(_SOURCE,))


def _publish(release: ModelRelease, kind: ComponentKind, license_: str) -> ModelRelease:
    current = release.component(kind)
    update: dict[str, Any] = {"availability": Availability.PUBLIC, "license": _terms(license_)}
    component = (
        Component(kind=kind, availability=Availability.PUBLIC, license=_terms(license_),
                  sources=(_SOURCE,))
        if current is None
        else current.model_copy(update=update)
    )  # fmt: skip
    return release.model_copy(update={"components": _with_component(release, component)})


def _apply_one(release: ModelRelease, change: AnyChange) -> ModelRelease:
    if isinstance(change, PublishComponent):
        return _publish(release, change.component, change.license)
    if isinstance(change, RelicenseComponent):
        current = release.component(change.component)
        if current is None or not current.availability.released:
            return _publish(release, change.component, change.license)
        component = current.model_copy(update={"license": _terms(change.license)})
        return release.model_copy(update={"components": _with_component(release, component)})
    if isinstance(change, UngateComponent):
        current = release.component(change.component)
        if current is None:
            return release
        component = current.model_copy(update={"availability": Availability.PUBLIC})
        return release.model_copy(update={"components": _with_component(release, component)})
    if isinstance(change, WithdrawTerms):
        current = release.component(change.component)
        terms = current.license if current is not None and current.license else release.license
        if current is None or terms is None:
            return release
        kept = tuple(t for t in terms.additional_terms if t.name != change.terms)
        component = current.model_copy(
            update={"license": terms.model_copy(update={"additional_terms": kept})}
        )
        return release.model_copy(update={"components": _with_component(release, component)})
    if isinstance(change, DiscloseElement):
        carrier = release.component(change.carrier)
        if carrier is None or not carrier.availability.released:
            release = _publish(release, change.carrier, change.license)
        disclosure = Disclosure(
            state=DisclosureState.DISCLOSED, where=(change.carrier,), sources=(_SOURCE,)
        )
        info = release.data_information.model_copy(update={change.element.field: disclosure})
        return release.model_copy(update={"data_information": info})
    msg = f"unknown change {change!r}"  # pragma: no cover - the union is closed
    raise TypeError(msg)


def apply_changes(release: ModelRelease, changes: Iterable[AnyChange]) -> ModelRelease:
    """A copy of ``release`` with ``changes`` applied, validated again.

    >>> import osaid
    >>> grok = osaid.load_bundled("grok-2.5")
    >>> changed = apply_changes(grok, [UngateComponent(component=ComponentKind.PARAMETERS_FINAL)])
    >>> changed.availability(ComponentKind.PARAMETERS_FINAL).value
    'public'
    """
    current = release
    for change in changes:
        current = _apply_one(current, change)
    return ModelRelease.model_validate(current.model_dump())


def _blocking(assessment: Assessment) -> list[Finding]:
    return [f for f in assessment.findings if f.blocks or f.undecided]


def plan(
    release: ModelRelease,
    *,
    definition: str = "1.0",
    policy: Policy | str = DEFAULT,
    base_models: BaseModels | Mapping[str, ModelRelease | Assessment] | None = None,
) -> Plan:
    """The smallest verified set of changes after which ``release`` conforms.

    >>> import osaid
    >>> result = plan(osaid.load_bundled("grok-2.5"))
    >>> result.verdict_before.value, result.verdict_after.value, result.verified
    ('not-open-source-ai', 'open-source-ai', True)
    """
    chosen = get_policy(policy) if isinstance(policy, str) else policy

    def assess(candidate: ModelRelease) -> Assessment:
        return score(candidate, definition=definition, policy=chosen, base_models=base_models)

    original = assess(release)
    changes: dict[str, AnyChange] = {}
    out_of_hands: dict[str, OutOfHands] = {}
    current, assessment, rounds = release, original, 1
    while rounds <= _MAX_ROUNDS:
        progress = False
        for finding in _blocking(assessment):
            result = _changes_for(finding, current, assessment, chosen)
            if isinstance(result, OutOfHands):
                out_of_hands.setdefault(result.finding, result)
            elif result is not None and result.key not in changes:
                _merge(changes, result)
                progress = True
            elif result is not None:
                _merge(changes, result)
        if not progress:
            break
        current = apply_changes(release, changes.values())
        assessment = assess(current)
        rounds += 1
        if assessment.verdict is Verdict.OPEN_SOURCE_AI:
            break
    kept = list(changes.values())
    if assessment.verdict is Verdict.OPEN_SOURCE_AI:
        # Try dropping the broadest changes first, so that a narrower one (withdrawing a
        # policy, lifting a gate) is kept in preference to relicensing.
        trials = sorted(kept, key=lambda c: c.kind is not ChangeKind.RELICENSE)
        for change in trials:
            trial = [c for c in kept if c is not change]
            rounds += 1
            if assess(apply_changes(release, trial)).verdict is Verdict.OPEN_SOURCE_AI:
                kept = trial
        current = apply_changes(release, kept)
        assessment = assess(current)
        rounds += 1
    return Plan(
        release=release.name,
        verdict_before=original.verdict,
        verdict_after=assessment.verdict,
        achievable=assessment.verdict is Verdict.OPEN_SOURCE_AI,
        changes=tuple(_ordered(kept)),
        out_of_hands=tuple(out_of_hands.values()),
        remaining=tuple(dict.fromkeys(_ref(f) for f in _blocking(assessment))),
        rounds=rounds,
    )


_ORDER = {kind: index for index, kind in enumerate(ChangeKind)}


def _ordered(changes: Sequence[AnyChange]) -> list[AnyChange]:
    def sort_key(change: AnyChange) -> tuple[int, str]:
        return _ORDER[change.kind], change.key

    return sorted(changes, key=sort_key)
