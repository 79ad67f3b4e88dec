"""osaid tells whether an AI model release is Open Source AI, and exactly why.

Score a release against the OSI's Open Source AI Definition::

    >>> import osaid
    >>> assessment = osaid.score(osaid.load_bundled("grok-2.5"))
    >>> assessment.verdict
    <Verdict.NOT_OPEN_SOURCE_AI: 'not-open-source-ai'>

The pipeline, one package per step (``docs/architecture.md``): :mod:`osaid.licensing`
(the license vocabulary) → :mod:`osaid.release` (declared facts) → :mod:`osaid.analysis`
(declared terms to judged clauses) → :mod:`osaid.rules` (pure functions giving
:mod:`osaid.findings`) → :mod:`osaid.assessment` (the verdict) → :mod:`osaid.reports` and
the ``osaid`` command; :mod:`osaid.importers` feed the release model from other formats,
and :func:`load_repository` reads a local model repository snapshot.
"""

from __future__ import annotations

from osaid._version import __version__
from osaid.assessment import (
    NO_BASE_MODELS,
    Assessment,
    BaseModels,
    ChangeItem,
    ComponentResult,
    ElementResult,
    GroupResult,
    Verdict,
    score,
    verdict_of,
)
from osaid.bundled import load as load_bundled
from osaid.errors import (
    InputProblem,
    InvalidLicenseExpression,
    InvalidReleaseError,
    OsaidError,
    UnknownDefinitionError,
    UnknownLicenseError,
    UnknownPolicyError,
    UnknownReleaseError,
)
from osaid.findings import Evidence, Finding, Outcome, Remediation
from osaid.importers.repository import load_repository
from osaid.licensing.clauses import Clause, ClauseKind, Freedom, OsdCriterion, Severity
from osaid.policy import Policy, TermsAcceptance, get_policy
from osaid.release import (
    AdditionalTerms,
    Attestation,
    Availability,
    BaseModelRef,
    Component,
    ComponentKind,
    DataClass,
    DataElement,
    DataInformation,
    Disclosure,
    DisclosureState,
    Group,
    ImportNote,
    LicenseTerms,
    Modality,
    ModelRelease,
    NoteKind,
    TrainingDataset,
    TrainingStage,
    parse_release,
    read_release,
)
from osaid.sources import Confidence, Source

__all__ = [
    "NO_BASE_MODELS",
    "AdditionalTerms",
    "Assessment",
    "Attestation",
    "Availability",
    "BaseModelRef",
    "BaseModels",
    "ChangeItem",
    "Clause",
    "ClauseKind",
    "Component",
    "ComponentKind",
    "ComponentResult",
    "Confidence",
    "DataClass",
    "DataElement",
    "DataInformation",
    "Disclosure",
    "DisclosureState",
    "ElementResult",
    "Evidence",
    "Finding",
    "Freedom",
    "Group",
    "GroupResult",
    "ImportNote",
    "InputProblem",
    "InvalidLicenseExpression",
    "InvalidReleaseError",
    "LicenseTerms",
    "Modality",
    "ModelRelease",
    "NoteKind",
    "OsaidError",
    "OsdCriterion",
    "Outcome",
    "Policy",
    "Remediation",
    "Severity",
    "Source",
    "TermsAcceptance",
    "TrainingDataset",
    "TrainingStage",
    "UnknownDefinitionError",
    "UnknownLicenseError",
    "UnknownPolicyError",
    "UnknownReleaseError",
    "Verdict",
    "__version__",
    "get_policy",
    "load_bundled",
    "load_repository",
    "parse_release",
    "read_release",
    "score",
    "verdict_of",
]


def __dir__() -> list[str]:
    return __all__
