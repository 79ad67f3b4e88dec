"""The memo tables: bounded, least recently used first out, and switchable."""

from __future__ import annotations

import pytest

from osaid._reuse import Memo, Same, reuse


def test_a_table_evicts_the_least_recently_used_entry() -> None:
    table = Memo[int]("test-lru", 2)
    calls: list[str] = []

    def compute(key: str) -> int:
        calls.append(key)
        return len(calls)

    assert table.get("a", lambda: compute("a")) == 1
    assert table.get("b", lambda: compute("b")) == 2
    assert table.get("a", lambda: compute("a")) == 1  # a is now the most recent
    assert table.get("c", lambda: compute("c")) == 3  # b goes
    assert table.get("a", lambda: compute("a")) == 1
    assert table.get("b", lambda: compute("b")) == 4
    assert calls == ["a", "b", "c", "b"]
    stats = table.stats()
    assert (stats.size, stats.hits, stats.misses) == (2, 2, 4)


def test_reuse_off_computes_every_time_and_stores_nothing() -> None:
    table = Memo[int]("test-off", 8)
    with reuse(enabled=False):
        assert table.get("k", lambda: 1) == 1
        assert table.get("k", lambda: 2) == 2
    assert table.stats().size == 0


def test_same_compares_by_identity() -> None:
    a, b = [1], [1]
    assert Same(a) == Same(a)
    assert Same(a) != Same(b)
    assert hash(Same(a)) == id(a)


def test_table_names_are_unique() -> None:
    Memo[int]("test-unique", 1)
    with pytest.raises(ValueError, match="exists already"):
        Memo[int]("test-unique", 1)
