"""Speed never changes an answer: scoring with reuse off gives byte-identical JSON."""

from __future__ import annotations

from hypothesis import given

from osaid import ModelRelease, score
from osaid._reuse import clear_caches, memo_stats, reuse, reuse_enabled
from osaid.strategies import model_releases

from ._settings import PROPERTY


@PROPERTY
@given(model_releases())
def test_reuse_changes_no_answer(release: ModelRelease) -> None:
    warm = score(release).model_dump_json()
    again = score(release).model_dump_json()  # served from the tables
    with reuse(enabled=False):
        fresh = score(release).model_dump_json()
    assert reuse_enabled()
    assert warm == again == fresh


@PROPERTY
@given(model_releases(), model_releases())
def test_reuse_across_releases_changes_no_answer(first: ModelRelease, second: ModelRelease) -> None:
    clear_caches()
    score(first)  # fills the tables with the first release's facts
    shared = score(second).model_dump_json()
    with reuse(enabled=False):
        assert score(second).model_dump_json() == shared


def test_the_tables_are_used_and_bounded() -> None:
    clear_caches()
    import osaid

    release = osaid.load_bundled("grok-2.5")
    score(release)
    score(release)
    stats = {s.name: s for s in memo_stats()}
    assert stats["rule-findings"].hits > 0
    assert stats["terms-analyses"].hits > 0
    assert all(s.size <= s.maxsize for s in stats.values())
    with reuse(enabled=False):
        before = stats["rule-findings"].hits
        score(release)
        assert {s.name: s for s in memo_stats()}["rule-findings"].hits == before
