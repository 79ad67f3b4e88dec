"""Bounded memo tables for the scoring core, and the switch that turns reuse off.

Findings are frozen facts about (rule, component facts, analysed terms, policy,
definition): the scoring core computes each one once per distinct key and reuses it across
components and releases. Every table here is bounded (least recently used entries go
first) and every key holds everything its value depends on, so that reuse can never change
an answer: with reuse switched off (:func:`set_reuse`), scoring computes everything afresh
and a property test checks that the JSON is byte-identical either way.

Keys compare by value, except for objects wrapped in :class:`Same`, which compare by
identity; a key keeps the wrapped object alive, so its identity cannot be reused while the
key is in a table.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

__all__ = [
    "Memo",
    "MemoStats",
    "Same",
    "clear_caches",
    "memo_stats",
    "reuse",
    "reuse_enabled",
    "set_reuse",
]


def __dir__() -> list[str]:
    return __all__


V = TypeVar("V")

_ENABLED = [True]
_TABLES: Final[dict[str, Memo[Any]]] = {}


class Same:
    """A key part that compares by identity: the very same object, not an equal one."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value


@dataclass(frozen=True, slots=True)
class MemoStats:
    """How one table has been used since it was last cleared."""

    name: str
    size: int
    maxsize: int
    hits: int
    misses: int


class Memo(Generic[V]):
    """A bounded least-recently-used table of computed values."""

    __slots__ = ("_data", "hits", "maxsize", "misses", "name")

    def __init__(self, name: str, maxsize: int) -> None:
        if name in _TABLES:
            msg = f"a memo table named {name!r} exists already"
            raise ValueError(msg)
        self.name = name
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self.hits = 0
        self.misses = 0
        _TABLES[name] = self

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The value for ``key``, computed by ``compute`` the first time it is asked for.

        With reuse off, ``compute`` runs every time and nothing is stored.
        """
        if not _ENABLED[0]:
            return compute()
        data = self._data
        try:
            value = data[key]
        except KeyError:
            self.misses += 1
            value = compute()
            data[key] = value
            if len(data) > self.maxsize:
                data.popitem(last=False)
            return value
        self.hits += 1
        data.move_to_end(key)
        return value

    def clear(self) -> None:
        """Forget every value and the counts."""
        self._data.clear()
        self.hits = self.misses = 0

    def stats(self) -> MemoStats:
        """The table's size and hit counts."""
        return MemoStats(self.name, len(self._data), self.maxsize, self.hits, self.misses)


def reuse_enabled() -> bool:
    """Whether the scoring core reuses what it computed before."""
    return _ENABLED[0]


def set_reuse(*, enabled: bool) -> None:
    """Turn reuse on or off for the whole process (it is on by default)."""
    _ENABLED[0] = enabled


@contextmanager
def reuse(*, enabled: bool) -> Iterator[None]:
    """Score with reuse on or off inside a ``with`` block, then restore the setting."""
    before = _ENABLED[0]
    _ENABLED[0] = enabled
    try:
        yield
    finally:
        _ENABLED[0] = before


def clear_caches() -> None:
    """Empty every memo table."""
    for table in _TABLES.values():
        table.clear()


def memo_stats() -> tuple[MemoStats, ...]:
    """The state of every memo table, by name."""
    return tuple(table.stats() for _, table in sorted(_TABLES.items()))
