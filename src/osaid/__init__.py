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

import importlib
from typing import TYPE_CHECKING, Any, Final

from osaid._version import __version__

if TYPE_CHECKING:
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
    "load_repository",
    "mof_class",
    "parse_release",
    "plan",
    "read_release",
    "score",
    "verdict_of",
]


_EXPORTS: Final[dict[str, tuple[str, str]]] = {
    "AdditionalTerms": ("osaid.release", "AdditionalTerms"),
    "Assessment": ("osaid.assessment", "Assessment"),
    "Attestation": ("osaid.release", "Attestation"),
    "Availability": ("osaid.release", "Availability"),
    "BaseModelRef": ("osaid.release", "BaseModelRef"),
    "BaseModels": ("osaid.assessment", "BaseModels"),
    "ChangeItem": ("osaid.assessment", "ChangeItem"),
    "Clause": ("osaid.licensing.clauses", "Clause"),
    "ClauseKind": ("osaid.licensing.clauses", "ClauseKind"),
    "Comparison": ("osaid.lenses", "Comparison"),
    "Component": ("osaid.release", "Component"),
    "ComponentKind": ("osaid.release", "ComponentKind"),
    "ComponentResult": ("osaid.assessment", "ComponentResult"),
    "Confidence": ("osaid.sources", "Confidence"),
    "DataClass": ("osaid.release", "DataClass"),
    "DataElement": ("osaid.release", "DataElement"),
    "DataInformation": ("osaid.release", "DataInformation"),
    "Disclosure": ("osaid.release", "Disclosure"),
    "DisclosureState": ("osaid.release", "DisclosureState"),
    "ElementResult": ("osaid.assessment", "ElementResult"),
    "Evidence": ("osaid.findings", "Evidence"),
    "Finding": ("osaid.findings", "Finding"),
    "Freedom": ("osaid.licensing.clauses", "Freedom"),
    "Group": ("osaid.release", "Group"),
    "GroupResult": ("osaid.assessment", "GroupResult"),
    "ImportNote": ("osaid.release", "ImportNote"),
    "InputProblem": ("osaid.errors", "InputProblem"),
    "InvalidLicenseExpression": ("osaid.errors", "InvalidLicenseExpression"),
    "InvalidReleaseError": ("osaid.errors", "InvalidReleaseError"),
    "LicenseTerms": ("osaid.release", "LicenseTerms"),
    "Modality": ("osaid.release", "Modality"),
    "ModelRelease": ("osaid.release", "ModelRelease"),
    "MofClass": ("osaid.mof", "MofClass"),
    "MofResult": ("osaid.mof", "MofResult"),
    "NO_BASE_MODELS": ("osaid.assessment", "NO_BASE_MODELS"),
    "NoteKind": ("osaid.release", "NoteKind"),
    "OsaidError": ("osaid.errors", "OsaidError"),
    "OsdCriterion": ("osaid.licensing.clauses", "OsdCriterion"),
    "Outcome": ("osaid.findings", "Outcome"),
    "Plan": ("osaid.lenses", "Plan"),
    "Policy": ("osaid.policy", "Policy"),
    "ReleaseDiff": ("osaid.lenses", "ReleaseDiff"),
    "Remediation": ("osaid.findings", "Remediation"),
    "Severity": ("osaid.licensing.clauses", "Severity"),
    "Source": ("osaid.sources", "Source"),
    "TermsAcceptance": ("osaid.policy", "TermsAcceptance"),
    "TrainingDataset": ("osaid.release", "TrainingDataset"),
    "TrainingStage": ("osaid.release", "TrainingStage"),
    "UnknownDefinitionError": ("osaid.errors", "UnknownDefinitionError"),
    "UnknownLicenseError": ("osaid.errors", "UnknownLicenseError"),
    "UnknownPolicyError": ("osaid.errors", "UnknownPolicyError"),
    "UnknownReleaseError": ("osaid.errors", "UnknownReleaseError"),
    "Verdict": ("osaid.assessment", "Verdict"),
    "compare": ("osaid.lenses", "compare"),
    "diff": ("osaid.lenses", "diff"),
    "get_policy": ("osaid.policy", "get_policy"),
    "load_bundled": ("osaid.bundled", "load"),
    "load_repository": ("osaid.importers.repository", "load_repository"),
    "mof_class": ("osaid.mof", "mof_class"),
    "parse_release": ("osaid.release", "parse_release"),
    "plan": ("osaid.lenses", "plan"),
    "read_release": ("osaid.release", "read_release"),
    "score": ("osaid.assessment", "score"),
    "verdict_of": ("osaid.assessment", "verdict_of"),
}
"""Public name -> (module, attribute): imported the first time the name is used."""

_SUBPACKAGES: Final = frozenset(
    {
        "analysis", "assessment", "bundled", "definitions", "errors", "findings", "importers",
        "lenses", "licensing", "mof", "policy", "release", "reports", "rules", "sources",
        "strategies",
    }
)  # fmt: skip


if not TYPE_CHECKING:  # type checkers see the imports above, and no catch-all

    def __getattr__(name: str) -> Any:
        """Import a public name (or a subpackage) the first time it is used (PEP 562).

        ``import osaid`` imports nothing but the version, so tools that only need one part of
        osaid do not pay for the rest.
        """
        found = _EXPORTS.get(name)
        if found is not None:
            value = getattr(importlib.import_module(found[0]), found[1])
        elif name in _SUBPACKAGES:
            value = importlib.import_module(f"osaid.{name}")
        else:
            msg = f"module 'osaid' has no attribute {name!r}"
            raise AttributeError(msg)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return __all__
