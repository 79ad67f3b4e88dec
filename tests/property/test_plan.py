"""The plan, applied, conforms; and it is minimal: no single change can be left out."""

from __future__ import annotations

from hypothesis import given

from osaid import Verdict, score
from osaid.lenses import apply_changes, plan
from osaid.release import ModelRelease
from osaid.strategies import model_releases

from ._settings import PROPERTY


@PROPERTY
@given(model_releases())
def test_the_plan_applied_conforms_and_each_change_is_needed(release: ModelRelease) -> None:
    result = plan(release)
    if not result.achievable:
        # Only what the release cannot change keeps it from conforming, and the plan says so.
        assert result.out_of_hands
        assert set(result.remaining) <= {item.finding for item in result.out_of_hands}
        return
    assert score(apply_changes(release, result.changes)).verdict is Verdict.OPEN_SOURCE_AI
    for index in range(len(result.changes)):
        fewer = [c for i, c in enumerate(result.changes) if i != index]
        assert score(apply_changes(release, fewer)).verdict is not Verdict.OPEN_SOURCE_AI


@PROPERTY
@given(model_releases(conforming=True))
def test_a_conforming_release_has_an_empty_plan(release: ModelRelease) -> None:
    result = plan(release)
    assert result.changes == ()
    assert result.verified
