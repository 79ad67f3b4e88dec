"""Fuzz ``score()`` and every report renderer with valid releases, long values included."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from osaid import InvalidReleaseError, ModelRelease, parse_release, score
from osaid.assessment import Assessment
from osaid.importers import ImportResult, import_document
from osaid.reports import ReportFormat, render
from osaid.strategies import model_releases

from ._docs import Seed, mutated, paths_of
from ._oracle import answer
from ._profiles import fuzz_settings

_LONG = st.sampled_from(
    [
        "x" * 2001,
        "LicenseRef-" + "a" * 1900,
        "LicenseRef-" + "b" * 2500,
        "Apache-2.0 AND " + " AND ".join(["MIT"] * 400),
        "é" * 2500,
        "Very long license name " * 90,
    ]
)


def _check_scores(release: ModelRelease) -> Assessment:
    first = score(release)
    second = score(release)
    assert first.model_dump_json() == second.model_dump_json()  # deterministic
    Assessment.model_validate_json(first.model_dump_json())
    for fmt in ReportFormat:
        text = render(first, fmt, artifact="release.json")
        assert text
        text.encode("utf-8")
        if fmt is ReportFormat.JSON or fmt is ReportFormat.SARIF:
            json.loads(text)
    return first


@fuzz_settings(4)
@given(model_releases())
def test_valid_releases_score_and_render(release: ModelRelease) -> None:
    _check_scores(release)


@st.composite
def lengthened(draw: st.DrawFn) -> dict[str, Any]:
    """A valid release's document with some of its strings made very long."""
    release = draw(model_releases())
    data: dict[str, Any] = json.loads(release.model_dump_json(exclude_defaults=True))
    strings = [path for path, value in paths_of(data) if isinstance(value, str) and path]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        if not strings:
            break
        path = draw(st.sampled_from(strings))
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = draw(_LONG)
    return data


@fuzz_settings(5)
@given(lengthened())
def test_every_release_that_validates_scores(data: dict[str, Any]) -> None:
    try:
        release = parse_release(data)
    except InvalidReleaseError:
        return  # refused with fields named (checked by the importer fuzz tests)
    _check_scores(release)


_NAMED_LONG = st.sampled_from(
    [
        {"name": "x", "base_model": {"name": "b" * 2001}},
        {"name": "x", "training_datasets": [{"name": "d" * 2001, "data_class": "public"}]},
        {"name": "x", "training_datasets": [{"name": "d", "data_class": "public",
                                             "locations": ["l" * 2001]}]},
        {"name": "n" * 5000},
        {"name": "x", "components": [{"kind": "parameters-final", "availability": "public",
                                      "license": {"name": "y" * 1911}}]},
        {"name": "x", "components": [{"kind": "parameters-final", "availability": "public",
                                      "license": {"expression": "LicenseRef-" + "a" * 1990}}]},
        {"name": "x", "components": [{"kind": "training-code", "availability": "public",
                                      "locations": ["u" * 3000],
                                      "license": {"name": "z", "additional_terms": [
                                          {"name": "t" * 2500}]}}]},
    ]
)  # fmt: skip


@fuzz_settings(1)
@given(_NAMED_LONG)
def test_the_long_values_of_the_issue_score(data: dict[str, Any]) -> None:
    _check_scores(parse_release(data))


@fuzz_settings(6)
@given(mutated())
def test_imported_fuzzed_documents_score_and_render(case: tuple[Seed, Any]) -> None:
    seed, data = case
    result = answer(lambda: import_document(data, seed.fmt, name="fuzzed"), data)
    if isinstance(result, ImportResult):
        _check_scores(result.release)
