"""Terms analysis: a release's declared terms, judged clause by clause, per component.

Takes the :class:`~osaid.release.LicenseTerms` a release declares (and the policy); gives
a :class:`TermsAnalysis` per released component: accepted, rejected, unknown, not stated
or no license, with every clause in force and the license and version it comes from.
This step sits above the release model and below the rules: it reads the license
vocabulary (:mod:`osaid.licensing`) and never looks at availability or disclosures.

- :mod:`osaid.analysis.terms`: one component's terms (:func:`analyse_terms`).
- :mod:`osaid.analysis.components`: every released component of a release.
- :mod:`osaid.analysis.profile`: one catalog license on its own (:func:`license_profile`).
"""

from __future__ import annotations

from osaid.analysis.components import analyse_release_terms
from osaid.analysis.profile import LicenseProfile, license_profile
from osaid.analysis.terms import (
    ClauseRef,
    LicenseJudgement,
    TermsAnalysis,
    TermsStatus,
    analyse_terms,
)

__all__ = [
    "ClauseRef",
    "LicenseJudgement",
    "LicenseProfile",
    "TermsAnalysis",
    "TermsStatus",
    "analyse_release_terms",
    "analyse_terms",
    "license_profile",
]


def __dir__() -> list[str]:
    return __all__
