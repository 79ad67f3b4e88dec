"""Findings: what one rule concluded about one part of a release.

A :class:`Finding` names the rule, the component (or data-information element), the
:class:`Outcome`, its :class:`~osaid.licensing.clauses.Severity`, the Open Source Definition
criteria and OSAID freedoms involved, a one-sentence message, the evidence it rests on
and, for a blocking finding that is not met or unknown, the :class:`Remediation` that
would resolve it.

Messages and evidence quote the release, whose values may be long: a text over 2,000
characters is cut with an ellipsis (``…``), so that every valid release can be scored.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, model_validator

from osaid._model import ClippedText, Model, NonEmptyStr
from osaid.licensing.clauses import FREEDOMS, Freedom, OsdCriterion, Severity
from osaid.release import ComponentKind, DataElement, Group

__all__ = ["Evidence", "Finding", "Outcome", "Remediation", "Subject"]


def __dir__() -> list[str]:
    return __all__


class Outcome(StrEnum):
    """The answer a rule gives for one component."""

    MET = "met"
    """The requirement is satisfied."""
    NOT_MET = "not-met"
    """The requirement is known not to be satisfied."""
    UNKNOWN = "unknown"
    """The release does not say enough to tell."""
    NOT_APPLICABLE = "not-applicable"
    """The requirement does not apply (e.g. labeling when no labeling was used)."""


class _System(StrEnum):
    SYSTEM = "system"


Subject = ComponentKind | DataElement | _System
"""What a finding is about: a component kind, a data-information element, or ``system``."""

SYSTEM = _System.SYSTEM


class Evidence(Model):
    """One fact a finding rests on."""

    field: NonEmptyStr | None = None
    """The path of the fact in the release, e.g. ``components[0].license``."""
    value: ClippedText | None = None
    """The value found there, as declared."""
    license: NonEmptyStr | None = None
    """The license or policy a clause comes from (catalog id or SPDX identifier)."""
    license_version: NonEmptyStr | None = None
    """The version of that text."""
    section: NonEmptyStr | None = None
    """The clause's section."""
    clause: ClippedText | None = None
    """A paraphrase of the clause."""
    quote: ClippedText | None = None
    """The clause's wording, where it matters."""
    verified: bool | None = None
    """Whether the clause was checked against the license text itself."""
    url: NonEmptyStr | None = None
    """Where the fact can be checked."""
    note: ClippedText | None = None
    """Anything else the reader needs."""


class Remediation(Model):
    """A change to the release that would resolve a finding.

    Findings that the same change resolves share its ``key``; the assessment's change
    set lists each key once.
    """

    key: NonEmptyStr
    """A stable identifier of the change, e.g. ``relicense:parameters-final``."""
    action: ClippedText
    """What to do, in one or two sentences."""


def _sorted_osd(values: tuple[OsdCriterion, ...]) -> tuple[OsdCriterion, ...]:
    return tuple(sorted(set(values)))


def _ordered_freedoms(values: tuple[Freedom, ...]) -> tuple[Freedom, ...]:
    wanted = set(values)
    return tuple(f for f in FREEDOMS if f in wanted)


class Finding(Model):
    """What one rule concluded about one part of a release."""

    rule_id: NonEmptyStr
    """The rule that produced the finding, e.g. ``PREF-PARAMS-TERMS``."""
    component: Subject
    """The component kind, data-information element or ``system`` concerned."""
    group: Group
    """The OSAID group the finding counts towards."""
    outcome: Outcome
    """Met, not met, unknown or not applicable."""
    severity: Severity
    """Blocking findings decide the verdict; advisory ones inform."""
    osd_criteria: Annotated[tuple[OsdCriterion, ...], AfterValidator(_sorted_osd)] = ()
    """Open Source Definition criteria involved (1-10)."""
    freedoms: Annotated[tuple[Freedom, ...], AfterValidator(_ordered_freedoms)] = ()
    """OSAID freedoms involved."""
    message: ClippedText
    """One sentence a person can act on."""
    evidence: tuple[Evidence, ...] = ()
    """The facts the finding rests on."""
    remediation: Remediation | None = None
    """What would resolve it; present only on findings that are not met or unknown."""
    inherited_from: NonEmptyStr | None = None
    """The base model this finding comes from, for findings inherited by a derivative."""

    @model_validator(mode="after")
    def _remediation_only_when_failing(self) -> Finding:
        if self.remediation is not None and self.outcome in {Outcome.MET, Outcome.NOT_APPLICABLE}:
            msg = f"a '{self.outcome}' finding carries no remediation"
            raise ValueError(msg)
        return self

    @property
    def blocks(self) -> bool:
        """Whether this finding alone makes the release fail."""
        return self.severity is Severity.BLOCKING and self.outcome is Outcome.NOT_MET

    @property
    def undecided(self) -> bool:
        """Whether this finding leaves the verdict open for lack of information."""
        return self.severity is Severity.BLOCKING and self.outcome is Outcome.UNKNOWN
