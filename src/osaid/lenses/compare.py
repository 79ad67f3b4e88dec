"""Comparison tables: several releases side by side, one row each.

:func:`compare` scores each release and gives one :class:`ComparisonRow`: the OSAID
verdict, the MOF class, and per component group the blocking findings not met and those
unknown, which is what a researcher comparing models reads first. Rows can be sorted by
any column (:data:`SORT_KEYS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from osaid._model import Model, NonEmptyStr
from osaid.assessment import Assessment, BaseModels, Verdict, score
from osaid.errors import UnknownFormatError
from osaid.mof import MofClass
from osaid.policy import DEFAULT, Policy
from osaid.release import Group, ModelRelease

__all__ = ["GROUPS", "SORT_KEYS", "Comparison", "ComparisonRow", "compare", "row_of"]


def __dir__() -> list[str]:
    return __all__


GROUPS: Final = (Group.DATA_INFORMATION, Group.CODE, Group.PARAMETERS, Group.SYSTEM)
"""The groups a row counts findings for, in column order."""


class GroupCounts(Model):
    """Blocking findings of one group that are not met, and that are unknown."""

    group: Group
    not_met: int
    unknown: int


class ComparisonRow(Model):
    """One release in a comparison."""

    release: NonEmptyStr
    producer: NonEmptyStr | None = None
    verdict: Verdict
    mof_class: MofClass
    mof_label: NonEmptyStr
    groups: tuple[GroupCounts, ...]
    """One entry per group of :data:`GROUPS`."""

    def count(self, group: Group) -> GroupCounts:
        """The counts of ``group``."""
        return next(g for g in self.groups if g.group is group)


class Comparison(Model):
    """The rows of a comparison, in the order asked for."""

    sort: NonEmptyStr
    rows: tuple[ComparisonRow, ...]


_VERDICT_RANK = {
    Verdict.OPEN_SOURCE_AI: 0,
    Verdict.INSUFFICIENT_INFORMATION: 1,
    Verdict.NOT_OPEN_SOURCE_AI: 2,
}


def _blocking_total(row: ComparisonRow) -> int:
    return sum(g.not_met for g in row.groups)


SORT_KEYS: Final[tuple[str, ...]] = (
    "input", "name", "verdict", "mof", "blocking",
    *(g.value for g in GROUPS),
)  # fmt: skip
"""Columns a comparison can be sorted by: ``input`` (as given), ``name``, ``verdict``
(most open first), ``mof`` (most open class first), ``blocking`` (fewest failures first),
or a group (fewest failures in it first)."""


def row_of(assessment: Assessment) -> ComparisonRow:
    """The comparison row of one assessment."""
    counts = []
    for group in GROUPS:
        mine = [f for f in assessment.findings if f.group is group]
        counts.append(
            GroupCounts(
                group=group,
                not_met=sum(f.blocks for f in mine),
                unknown=sum(f.undecided for f in mine),
            )
        )
    return ComparisonRow(
        release=assessment.release.name,
        producer=assessment.release.producer,
        verdict=assessment.verdict,
        mof_class=assessment.mof.mof_class,
        mof_label=assessment.mof.label,
        groups=tuple(counts),
    )


def _sort(rows: list[ComparisonRow], key: str) -> list[ComparisonRow]:
    if key == "input":
        return rows
    if key == "name":
        return sorted(rows, key=lambda r: r.release.lower())
    if key == "verdict":
        return sorted(rows, key=lambda r: (_VERDICT_RANK[r.verdict], _blocking_total(r)))
    if key == "mof":
        # Class I is the most open; unclassified (0) comes last.
        return sorted(rows, key=lambda r: (r.mof_class or 4, _VERDICT_RANK[r.verdict]))
    if key == "blocking":
        return sorted(rows, key=lambda r: (_blocking_total(r), _VERDICT_RANK[r.verdict]))
    group = Group(key)
    return sorted(rows, key=lambda r: (r.count(group).not_met, r.count(group).unknown))


def compare(
    releases: Iterable[ModelRelease | Assessment],
    *,
    sort: str = "input",
    definition: str = "1.0",
    policy: Policy | str = DEFAULT,
    base_models: BaseModels | Mapping[str, ModelRelease | Assessment] | None = None,
) -> Comparison:
    """One row per release (or ready assessment), sorted by ``sort`` (see :data:`SORT_KEYS`).

    Sorting is stable: rows that tie keep their input order.

    >>> import osaid
    >>> table = compare([osaid.load_bundled(n) for n in ("grok-2.5", "olmo-1")], sort="verdict")
    >>> [(r.release, r.verdict.value) for r in table.rows]
    [('OLMo 1 7B', 'open-source-ai'), ('Grok 2.5', 'not-open-source-ai')]

    :raises UnknownFormatError: if ``sort`` is not one of :data:`SORT_KEYS`.
    """
    if sort not in SORT_KEYS:
        raise UnknownFormatError(f"sort key {sort!r}", list(SORT_KEYS))
    rows = []
    for item in releases:
        assessment = (
            item
            if isinstance(item, Assessment)
            else score(item, definition=definition, policy=policy, base_models=base_models)
        )
        rows.append(row_of(assessment))
    return Comparison(sort=sort, rows=tuple(_sort(rows, sort)))
