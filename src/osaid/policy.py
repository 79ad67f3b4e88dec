"""Policies: the choices OSAID 1.0 leaves to the assessor, made explicit.

The definition asks for code under "OSI-approved licenses" but for parameters and data
information under "OSI-approved terms", and the OSI has published no list of approved
terms. A :class:`Policy` records how osaid fills that gap and the other open choices.
:data:`DEFAULT` reproduces what the OSI decided in its validation (OLMo's Apache-2.0
weights with ODC-By data and CC-BY papers conform); :data:`STRICT` accepts OSI-approved
licenses only; :data:`OPEN_DATA` also requires open training data to be released, as
the OSAID FAQ puts it.
"""

from __future__ import annotations

import difflib
from enum import StrEnum
from typing import Final

from osaid._model import Model, NonEmptyStr, ShortText
from osaid.errors import UnknownPolicyError
from osaid.licensing.clauses import Severity

__all__ = ["DEFAULT", "OPEN_DATA", "POLICIES", "STRICT", "Policy", "TermsAcceptance", "get_policy"]


def __dir__() -> list[str]:
    return __all__


class TermsAcceptance(StrEnum):
    """Which licenses count as "OSI-approved terms"."""

    OSI_APPROVED = "osi-approved"
    """Only licenses SPDX marks OSI-approved."""
    OSI_APPROVED_OR_OPEN_DATA = "osi-approved-or-open-data"
    """OSI-approved licenses plus :data:`osaid.licensing.spdx.OPEN_DATA_LICENSES`."""


class Policy(Model):
    """How an assessment fills the choices the definition leaves open."""

    name: NonEmptyStr
    """The policy's name, stamped in every assessment."""
    description: ShortText
    """What the policy decides, in a sentence."""
    parameters_terms: TermsAcceptance = TermsAcceptance.OSI_APPROVED_OR_OPEN_DATA
    """Which licenses parameters may be under."""
    data_information_terms: TermsAcceptance = TermsAcceptance.OSI_APPROVED_OR_OPEN_DATA
    """Which licenses the documents carrying data information may be under."""
    require_open_data: bool = False
    """Whether open training data must itself be released (the FAQ's reading)."""
    click_through_severity: Severity = Severity.ADVISORY
    """How to weigh a download gate that grants access automatically."""
    broad_litigation_termination_severity: Severity = Severity.ADVISORY
    """How to weigh a litigation-termination clause broader than every OSI-approved
    precedent (Apache-2.0 section 3, CPL-1.0 section 7, APSL-2.0 section 12.1(c)), such as
    one triggered by any intellectual-property claim or by suits over outputs. ``blocking``
    makes such a clause fail the freedom to use; clauses within a precedent never count."""


DEFAULT: Final = Policy(
    name="default",
    description=(
        "Code under OSI-approved licenses; parameters and data information under "
        "OSI-approved or OSD-conformant open data and documentation licenses; datasets "
        "need not be released."
    ),
)
"""The policy that reproduces the OSI's validation results."""

STRICT: Final = Policy(
    name="strict",
    description="Every component under an OSI-approved license; datasets need not be released.",
    parameters_terms=TermsAcceptance.OSI_APPROVED,
    data_information_terms=TermsAcceptance.OSI_APPROVED,
)
"""Only OSI-approved licenses, for parameters and data information too."""

OPEN_DATA: Final = Policy(
    name="open-data",
    description=(
        "As the default policy, and open training data must itself be released under "
        "open terms, as the OSAID FAQ says of open data."
    ),
    require_open_data=True,
)
"""The default policy plus the FAQ's reading that open training data must be shared."""

POLICIES: Final[dict[str, Policy]] = {p.name: p for p in (DEFAULT, STRICT, OPEN_DATA)}
"""The policy presets by name."""


def get_policy(name: str) -> Policy:
    """The preset called ``name``.

    :raises UnknownPolicyError: naming the presets that exist.
    """
    try:
        return POLICIES[name.strip().lower()]
    except KeyError:
        close = difflib.get_close_matches(name.lower(), list(POLICIES), n=3) or list(POLICIES)
        raise UnknownPolicyError(name, close) from None
