"""Remediations and findings shared by several rules, so equal changes share one key."""

from __future__ import annotations

import re

from osaid._model import clip
from osaid.analysis import TermsAnalysis, TermsStatus
from osaid.findings import Evidence, Finding, Outcome, Remediation
from osaid.licensing.clauses import Severity
from osaid.policy import Policy, TermsAcceptance
from osaid.release import Availability, ComponentKind, DataElement, Group
from osaid.rules._base import RuleContext, RuleSpec, terms_evidence

__all__ = [
    "availability_finding",
    "disclose",
    "identify_license",
    "is_are",
    "it",
    "publish",
    "relicense",
    "state",
    "state_disclosure",
    "state_license",
    "terms_finding",
    "the",
    "ungate",
    "withdraw",
]


_QUOTE_MAX = 300
"""The longest value a message quotes in full; the evidence keeps up to 2,000 characters."""


def _quote(value: object) -> str:
    return clip(str(value), _QUOTE_MAX)


def _title(kind: ComponentKind) -> str:
    return kind.label.lower()


_PLURAL = frozenset(
    {
        ComponentKind.PARAMETERS_FINAL,
        ComponentKind.PARAMETERS_INTERMEDIATE,
        ComponentKind.SUPPORTING_LIBRARIES,
        ComponentKind.DATASETS,
        ComponentKind.EVALUATION_RESULTS,
        ComponentKind.SAMPLE_OUTPUTS,
    }
)


def the(kind: ComponentKind) -> str:
    """The component as a noun phrase in a sentence, e.g. ``"the training code"``."""
    return f"the {_title(kind)}"


def is_are(kind: ComponentKind) -> str:
    """The verb that agrees with the component's name (``"is"`` or ``"are"``)."""
    return "are" if kind in _PLURAL else "is"


def it(kind: ComponentKind) -> str:
    """The pronoun that stands for the component (``"it"`` or ``"them"``)."""
    return "them" if kind in _PLURAL else "it"


def _accepted_terms(group: Group, policy: Policy) -> str:
    if group is Group.CODE:
        return "an OSI-approved license (for example Apache-2.0 or MIT)"
    acceptance = (
        policy.parameters_terms if group is Group.PARAMETERS else policy.data_information_terms
    )
    if acceptance is TermsAcceptance.OSI_APPROVED:
        return "an OSI-approved license (for example Apache-2.0)"
    if group is Group.PARAMETERS:
        return "OSI-approved terms (for example Apache-2.0, or CDLA-Permissive-2.0)"
    return "OSI-approved or open documentation terms (for example CC-BY-4.0)"


def publish(kind: ComponentKind, policy: Policy) -> Remediation:
    """Publish a component that is not released."""
    return Remediation(
        key=f"publish:{kind.value}",
        action=f"Publish the {_title(kind)} under {_accepted_terms(kind.group, policy)}.",
    )


def state(kind: ComponentKind) -> Remediation:
    """Say whether a component is released."""
    return Remediation(
        key=f"state:{kind.value}",
        action=f"Say whether {the(kind)} {is_are(kind)} released, and where.",
    )


def relicense(kind: ComponentKind, policy: Policy) -> Remediation:
    """Offer a component under acceptable terms."""
    return Remediation(
        key=f"relicense:{kind.value}",
        action=(
            f"Offer the {_title(kind)} under {_accepted_terms(kind.group, policy)}, "
            "with no use restrictions layered on top."
        ),
    )


def identify_license(kind: ComponentKind) -> Remediation:
    """Name unknown terms so that they can be judged."""
    return Remediation(
        key=f"identify-license:{kind.value}",
        action=(
            f"Name the terms of the {_title(kind)} with an SPDX identifier, or describe the "
            "custom license (LicenseRef-...) so that its clauses can be judged."
        ),
    )


def state_license(kind: ComponentKind) -> Remediation:
    """State the terms of a component."""
    return Remediation(
        key=f"state-license:{kind.value}",
        action=f"State the license of the {_title(kind)}.",
    )


def ungate(kind: ComponentKind) -> Remediation:
    """Remove an approval gate."""
    return Remediation(
        key=f"ungate:{kind.value}",
        action=f"Let anyone obtain the {_title(kind)} without asking for approval.",
    )


def withdraw(terms: str) -> Remediation:
    """Withdraw restrictive additional terms."""
    slug = re.sub(r"[^a-z0-9]+", "-", terms.lower()).strip("-")
    return Remediation(
        key=f"withdraw:{slug}",
        action=(
            f"Withdraw the additional terms '{_quote(terms)}', or reduce them to what the law "
            "already requires."
        ),
    )


def disclose(element: DataElement) -> Remediation:
    """Disclose a data-information element (one change covers every element)."""
    del element  # every element is fixed by the same document
    return Remediation(
        key="disclose:data-information",
        action=(
            "Publish data information for all training data (pre-training and fine-tuning), "
            "covering each element listed here, in a data card, paper or report under "
            "OSI-approved or open documentation terms such as CC-BY-4.0."
        ),
    )


def state_disclosure(element: DataElement) -> Remediation:
    """Say whether data-information elements are disclosed (one change for all)."""
    del element
    return Remediation(
        key="state-disclosure:data-information",
        action=(
            "Say, for each data-information element listed here, whether and where it is disclosed."
        ),
    )


def terms_finding(
    spec: RuleSpec,
    ctx: RuleContext,
    kind: ComponentKind,
    analysis: TermsAnalysis,
    *,
    what: str,
    severity: Severity | None = None,
) -> Finding:
    """The finding of a "terms are acceptable" rule for one component.

    ``what`` names what the terms must be (``"an OSI-approved license"`` ...).
    """
    evidence = terms_evidence(analysis)
    title = kind.label
    status = analysis.status
    declared = _quote(analysis.declared)
    if status is TermsStatus.ACCEPTED:
        return spec.finding(
            kind,
            Outcome.MET,
            f"{title}: {declared} is {what}.",
            severity=severity,
            evidence=evidence,
        )
    if status is TermsStatus.REJECTED:
        return spec.finding(
            kind,
            Outcome.NOT_MET,
            f"{title}: {declared} is not {what}.",
            severity=severity,
            osd=analysis.osd,
            freedoms=analysis.freedoms,
            evidence=evidence,
            remediation=relicense(kind, ctx.policy),
        )
    if status is TermsStatus.NO_LICENSE:
        return spec.finding(
            kind,
            Outcome.NOT_MET,
            f"{title} is released with no license or dedication at all, so nobody may "
            "use, modify or share it.",
            severity=severity,
            evidence=evidence,
            remediation=relicense(kind, ctx.policy),
        )
    if status is TermsStatus.UNKNOWN and analysis.uncovered:
        raw = ", ".join(repr(label) for label in analysis.unknown_labels)
        return spec.finding(
            kind,
            Outcome.UNKNOWN,
            f"{title}: {raw} says it does not license {kind.material.value}, so the "
            f"{kind.label.lower()}'s own license is not stated.",
            severity=severity,
            evidence=evidence,
            remediation=state_license(kind),
        )
    if status is TermsStatus.UNKNOWN:
        raw = _quote(", ".join(repr(_quote(label)) for label in analysis.unknown_labels))
        return spec.finding(
            kind,
            Outcome.UNKNOWN,
            f"{title}: osaid cannot judge the terms {raw}; it does not know what they say.",
            severity=severity,
            evidence=evidence,
            remediation=identify_license(kind),
        )
    return spec.finding(
        kind,
        Outcome.UNKNOWN,
        f"The release does not state the license of {the(kind)}.",
        severity=severity,
        evidence=evidence,
        remediation=state_license(kind),
    )


def availability_finding(
    spec: RuleSpec,
    ctx: RuleContext,
    kind: ComponentKind,
    *,
    severity: Severity | None = None,
) -> Finding:
    """The finding of a "component is released" rule for one kind."""
    component = ctx.component(kind)
    availability = ctx.availability(kind)
    evidence = (
        Evidence(
            field=f"{ctx.field(kind)}.availability",
            value=availability.value,
            url=component.locations[0] if component and component.locations else None,
            note=None if component is not None else "the release does not list this component",
        ),
    )
    title = kind.label
    if availability.released:
        where = f" at {_quote(component.locations[0])}" if component and component.locations else ""
        return spec.finding(
            kind,
            Outcome.MET,
            f"{title}: released ({availability.value}){where}.",
            severity=severity,
            evidence=evidence,
        )
    if availability is Availability.NOT_RELEASED:
        return spec.finding(
            kind,
            Outcome.NOT_MET,
            f"{title} {is_are(kind)} not released.",
            severity=severity,
            evidence=evidence,
            remediation=publish(kind, ctx.policy),
        )
    if availability is Availability.NOT_USED:
        return spec.finding(
            kind,
            Outcome.NOT_APPLICABLE,
            f"{title}: none was used, so none needs to be released.",
            severity=severity,
            evidence=evidence,
        )
    return spec.finding(
        kind,
        Outcome.UNKNOWN,
        f"The release does not say whether {the(kind)} {is_are(kind)} released.",
        severity=severity,
        evidence=evidence,
        remediation=state(kind),
    )
