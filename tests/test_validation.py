from __future__ import annotations

import json
from pathlib import Path

import pytest

from osaid import InvalidReleaseError, parse_release, read_release
from osaid.release.validation import MAX_DOCUMENT_BYTES


def test_parse_text_and_mapping() -> None:
    assert parse_release('{"name": "m"}').name == "m"
    assert parse_release(b'{"name": "m"}').name == "m"
    assert parse_release({"name": "m"}).name == "m"


@pytest.mark.parametrize(
    ("document", "field", "problem"),
    [
        ("{bad", "", "not valid JSON"),
        ("[1, 2]", "", "a release document is a JSON object, not list"),
        (b"\xff\xfe", "", "not"),
        ('{"name": "m", "componentz": []}', "componentz", "did you mean 'components'"),
        ('{"name": "m", "zzz": 1}', "zzz", "the fields here are"),
        ('{"components": []}', "name", "required field is missing"),
        (
            (
                '{"name": "m", "components": [{"kind": "parameters-final", "availability": '
                '"public", "license": {"expresion": "MIT"}}]}'
            ),
            "components[0].license.expresion",
            "did you mean 'expression'",
        ),
        (
            '{"name": "m", "components": [{"kind": "parameters-final", "availability": "open"}]}',
            "components[0].availability",
            "Input should be",
        ),
        (
            '{"name": "m", "data_information": {"scope": {"state": "x"}}}',
            "data_information.scope.state",
            "Input should be",
        ),
    ],
)
def test_problems_name_the_field(document: str | bytes, field: str, problem: str) -> None:
    with pytest.raises(InvalidReleaseError) as caught:
        parse_release(document, source="doc.json")
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.source == "doc.json"
    assert any(p.field == field and problem in p.problem for p in error.problems), error.problems
    assert "doc.json" in str(error)


def test_every_problem_is_listed() -> None:
    with pytest.raises(InvalidReleaseError) as caught:
        parse_release('{"name": "", "producer": "", "date": "soon"}')
    assert {p.field for p in caught.value.problems} == {"name", "producer", "date"}
    assert str(caught.value).startswith("3 problems")


def test_read_release_files(tmp_path: Path) -> None:
    good = tmp_path / "r.json"
    good.write_text(json.dumps({"name": "m"}), encoding="utf-8")
    assert read_release(good).name == "m"
    with pytest.raises(InvalidReleaseError, match="cannot read the file"):
        read_release(tmp_path / "missing.json")
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(InvalidReleaseError, match="osaid reads documents up to"):
        read_release(big)


def test_deep_nesting_is_an_input_error() -> None:
    deep = '{"name": "m", "description": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(InvalidReleaseError):
        parse_release(deep)
