"""Lenses: other questions asked of the same releases and assessments.

Takes releases and their assessments; gives answers the verdict alone does not: what would
make a release conform (:mod:`osaid.lenses.plan`), what changed between two releases and
which findings flipped (:mod:`osaid.lenses.diff`), and how several releases compare
(:mod:`osaid.lenses.compare`). The Model Openness Framework class is computed with every
assessment (:mod:`osaid.mof`). Lenses re-score releases through :func:`osaid.score`; they
never judge on their own.
"""

from __future__ import annotations

from osaid.lenses.compare import SORT_KEYS, Comparison, ComparisonRow, compare
from osaid.lenses.diff import (
    ChangeType,
    FactChange,
    FindingChange,
    OutcomeFlip,
    ReleaseDiff,
    diff,
    diff_assessments,
)
from osaid.lenses.plan import (
    AnyChange,
    ChangeKind,
    DiscloseElement,
    OutOfHands,
    Plan,
    PlanChange,
    PublishComponent,
    RelicenseComponent,
    UngateComponent,
    WithdrawTerms,
    apply_changes,
    plan,
)

__all__ = [
    "SORT_KEYS",
    "AnyChange",
    "ChangeKind",
    "ChangeType",
    "Comparison",
    "ComparisonRow",
    "DiscloseElement",
    "FactChange",
    "FindingChange",
    "OutOfHands",
    "OutcomeFlip",
    "Plan",
    "PlanChange",
    "PublishComponent",
    "ReleaseDiff",
    "RelicenseComponent",
    "UngateComponent",
    "WithdrawTerms",
    "apply_changes",
    "compare",
    "diff",
    "diff_assessments",
    "plan",
]


def __dir__() -> list[str]:
    return __all__
