"""The assessment's types: the verdict, results per group, component and element, changes.

An :class:`Assessment` is what scoring gives and what every report renders: its JSON
(``Assessment.model_dump_json()``) is the public contract. :func:`verdict_of` says which
verdict a set of findings implies.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Final, Literal

from osaid._model import ClippedText, Model, NonEmptyStr
from osaid.analysis import TermsStatus
from osaid.findings import Finding, Outcome
from osaid.mof import MofResult
from osaid.policy import Policy
from osaid.release import Availability, ComponentKind, DataElement, DisclosureState, Group

__all__ = [
    "REPORT_FORMAT",
    "Assessment",
    "ChangeItem",
    "ComponentResult",
    "DefinitionRef",
    "ElementResult",
    "GroupResult",
    "ReleaseRef",
    "Verdict",
    "VersionStamps",
    "verdict_of",
]


def __dir__() -> list[str]:
    return __all__


REPORT_FORMAT: Final = "1"
"""Version of the assessment's JSON layout."""


class Verdict(StrEnum):
    """The answer to "is this release Open Source AI?"."""

    OPEN_SOURCE_AI = "open-source-ai"
    NOT_OPEN_SOURCE_AI = "not-open-source-ai"
    INSUFFICIENT_INFORMATION = "insufficient-information"


class DefinitionRef(Model):
    """The definition an assessment was made against."""

    name: NonEmptyStr
    version: NonEmptyStr
    url: NonEmptyStr


class ReleaseRef(Model):
    """The release an assessment is about."""

    name: NonEmptyStr
    producer: NonEmptyStr | None = None
    version: NonEmptyStr | None = None
    date: NonEmptyStr | None = None


class VersionStamps(Model):
    """The versions of everything the assessment depends on."""

    osaid: NonEmptyStr
    """The osaid package version."""
    definition: NonEmptyStr
    """The definition version assessed against."""
    license_catalog: NonEmptyStr
    """The license catalog version."""
    license_catalog_sha256: NonEmptyStr
    """A digest of the catalog's content."""
    spdx_license_list: NonEmptyStr
    """The SPDX License List version of osaid's identifier table."""
    report_format: Literal["1"] = REPORT_FORMAT
    """The version of this JSON layout."""


class GroupResult(Model):
    """The result for one component group."""

    group: Group
    outcome: Outcome
    """``not-met`` if a blocking finding of the group is not met, else ``unknown`` if one is
    unknown, else ``met``."""
    met: int
    not_met: int
    unknown: int
    not_applicable: int


class ComponentResult(Model):
    """What the release declares about one component, and how it fared."""

    kind: ComponentKind
    group: Group
    availability: Availability
    terms: ClippedText | None = None
    """The terms as declared (or inherited), None when not stated."""
    terms_status: TermsStatus | None = None
    """osaid's judgment of those terms, for released components."""
    outcome: Outcome
    """The worst outcome among the component's blocking findings (among its advisory
    findings when it has no blocking ones; ``not-applicable`` when it has none at all)."""
    decisive: bool
    """Whether the component has blocking findings, i.e. counts towards the verdict."""


class ElementResult(Model):
    """What the release declares about one data-information element, and how it fared."""

    element: DataElement
    state: DisclosureState
    outcome: Outcome
    decisive: bool


class ChangeItem(Model):
    """One change in the change set, and the blocking findings it resolves."""

    key: NonEmptyStr
    action: ClippedText
    resolves: tuple[NonEmptyStr, ...]
    """The findings it resolves, as ``RULE-ID:component``."""
    outcome: Outcome
    """``not-met`` if it resolves a failing finding, ``unknown`` if only missing information."""


class Assessment(Model):
    """The result of scoring a release against a definition version under a policy."""

    verdict: Verdict
    """The answer."""
    summary: ClippedText
    """The verdict's reason in one line."""
    release: ReleaseRef
    definition: DefinitionRef
    policy: Policy
    groups: tuple[GroupResult, ...]
    """One result per component group, in the order data information, code, parameters,
    system."""
    components: tuple[ComponentResult, ...]
    """One row per component kind, in table order."""
    data_information: tuple[ElementResult, ...]
    """One row per data-information element."""
    findings: tuple[Finding, ...]
    """Every finding, in rule order."""
    changes: tuple[ChangeItem, ...]
    """The changes that would resolve every blocking finding that is not met or unknown."""
    mof: MofResult
    """The release's Model Openness Framework class and MOT's progress figures: a second
    lens on the same release, which never affects the verdict."""
    versions: VersionStamps

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """The blocking findings that are not met."""
        return tuple(f for f in self.findings if f.blocks)

    @property
    def undecided(self) -> tuple[Finding, ...]:
        """The blocking findings that are unknown."""
        return tuple(f for f in self.findings if f.undecided)


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    """The verdict the findings imply.

    >>> verdict_of([])
    <Verdict.OPEN_SOURCE_AI: 'open-source-ai'>
    """
    unknown = False
    for finding in findings:
        if finding.blocks:
            return Verdict.NOT_OPEN_SOURCE_AI
        unknown = unknown or finding.undecided
    return Verdict.INSUFFICIENT_INFORMATION if unknown else Verdict.OPEN_SOURCE_AI
