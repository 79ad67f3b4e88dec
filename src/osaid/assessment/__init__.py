"""The assessment: every rule of a definition version run on a release, and the verdict.

Takes a validated :class:`~osaid.release.ModelRelease`, a definition version, a policy and
a base-model resolver; gives an :class:`Assessment`: the findings, a result per group,
component and data-information element, the verdict, the change set, and the version
stamps. Pure: no I/O of its own.

- :mod:`osaid.assessment.results`: the assessment's types (the JSON contract).
- :mod:`osaid.assessment.scoring`: :func:`score`.
- :mod:`osaid.assessment.bases`: base-model resolvers for derived releases.
"""

from __future__ import annotations

from osaid.assessment.bases import (
    NO_BASE_MODELS,
    BaseModels,
    ChainedBaseModels,
    MappingBaseModels,
)
from osaid.assessment.results import (
    REPORT_FORMAT,
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
from osaid.assessment.scoring import score

__all__ = [
    "NO_BASE_MODELS",
    "REPORT_FORMAT",
    "Assessment",
    "BaseModels",
    "ChainedBaseModels",
    "ChangeItem",
    "ComponentResult",
    "DefinitionRef",
    "ElementResult",
    "GroupResult",
    "MappingBaseModels",
    "ReleaseRef",
    "Verdict",
    "VersionStamps",
    "score",
    "verdict_of",
]


def __dir__() -> list[str]:
    return __all__
