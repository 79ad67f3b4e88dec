"""Fuzz the lenses and batch records with releases that validate, long values included."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given

from osaid import InvalidReleaseError, parse_release
from osaid.batch import BatchRecord, score_many
from osaid.lenses import compare, diff, plan
from osaid.mof import mof_class
from osaid.reports.lenses import LENS_FORMATS, render_comparison, render_diff, render_plan
from osaid.strategies import model_releases

from ._profiles import fuzz_settings
from .test_fuzz_score import lengthened


@fuzz_settings(2)
@given(lengthened(), model_releases())
def test_lenses_answer_every_release_that_validates(data: dict[str, Any], other: Any) -> None:
    try:
        release = parse_release(data)
    except InvalidReleaseError:
        return
    for reading in ("osaid", "mot"):
        mof_class(release, reading=reading)
    result = plan(release)
    assert result.verified or not result.achievable
    changes = diff(release, other)
    table = compare([release, other], sort="verdict")
    for fmt in LENS_FORMATS:
        for text in (render_plan(result, fmt), render_diff(changes, fmt),
                     render_comparison(table, fmt)):  # fmt: skip
            assert text
            if fmt == "json":
                json.loads(text)
    for record in score_many([release, data, json.dumps(data)], findings="blocking"):
        BatchRecord.model_validate_json(record.model_dump_json())
