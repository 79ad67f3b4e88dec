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
the ``osaid`` command; :mod:`osaid.importers` feed the release model from other formats.
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
from osaid.lenses import Comparison, Plan, ReleaseDiff, compare, diff, plan
from osaid.licensing.clauses import Clause, ClauseKind, Freedom, OsdCriterion, Severity
from osaid.mof import MofClass, MofResult, mof_class
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
    "Comparison",
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
    "MofClass",
    "MofResult",
    "NoteKind",
    "OsaidError",
    "OsdCriterion",
    "Outcome",
    "Plan",
    "Policy",
    "ReleaseDiff",
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
    "compare",
    "diff",
    "get_policy",
    "load_bundled",
    "mof_class",
    "parse_release",
    "plan",
    "read_release",
    "score",
    "verdict_of",
]


def __dir__() -> list[str]:
    return __all__
