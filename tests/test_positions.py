from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from osaid.release.positions import (
    PositionIndex,
    Span,
    index_document,
    index_json,
    index_yaml,
    parent_path,
)

ROOT = Path(__file__).resolve().parent.parent
RELEASES = sorted((ROOT / "src" / "osaid" / "data" / "releases").glob("*.json"))
FIXTURES = ROOT / "tests" / "fixtures"


def offsets(text: str) -> list[int]:
    """The offset each line starts at (CR, LF and CR LF end lines)."""
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            starts.append(i + 2)
            i += 2
            continue
        if text[i] in "\r\n":
            starts.append(i + 1)
        i += 1
    return starts


_STARTS: dict[str, list[int]] = {}


def cut(text: str, span: Span) -> str:
    """The text a span covers."""
    if text not in _STARTS:
        _STARTS[text] = offsets(text)
    starts = _STARTS[text]
    start = starts[span.start_line - 1] + span.start_column - 1
    end = starts[span.end_line - 1] + span.end_column - 1
    return text[start:end]


def walk(value: Any, path: str = "") -> dict[str, Any]:
    """Every member and item of a parsed document, by the path the index uses."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, child in value.items():
            here = f"{path}.{key}" if path else str(key)
            out[here] = child
            out.update(walk(child, here))
    elif isinstance(value, list):
        for number, child in enumerate(value):
            here = f"{path}[{number}]"
            out[here] = child
            out.update(walk(child, here))
    return out


def last_key(path: str) -> str:
    parent = parent_path(path)
    return path[len(parent) + 1 :] if parent else path


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_every_member_of_every_bundled_release_is_placed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    index = index_json(text)
    expected = walk(json.loads(text))
    assert set(index) == set(expected)
    for field, value in expected.items():
        piece = cut(text, index[field])
        if field.endswith("]"):
            assert json.loads(piece) == value, field
        else:
            assert json.loads("{" + piece + "}") == {last_key(field): value}, field


@pytest.mark.parametrize(
    "name", ["mot_llama.yml", "mot_open.yml", "eosai_current.yaml", "eosai_legacy.yaml"]
)
def test_every_member_of_the_yaml_fixtures_is_placed_at_its_key(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    index = index_document(text)
    expected = walk(yaml.safe_load(text))
    assert set(index) == set(expected)
    lines = text.splitlines()
    for field in expected:
        span = index[field]
        line = lines[span.start_line - 1][span.start_column - 1 :]
        if not field.endswith("]"):
            key = last_key(field)
            assert line.startswith((key, f"'{key}'", f'"{key}"')), (field, line)
        assert span.end_line >= span.start_line


def test_json_fixtures_and_a_model_card() -> None:
    for name in ("cyclonedx.json", "spdx3.json"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        assert set(index_document(text)) == set(walk(json.loads(text)))
    card = (FIXTURES / "hf_list" / "README.md").read_text(encoding="utf-8")
    index = index_document(card)
    lines = card.splitlines()
    assert lines[index["license"].start_line - 1].startswith("license:")
    assert lines[index["base_model"].start_line - 1].startswith("base_model:")
    assert index["license[1]"].start_line == index["license"].start_line + 2
    assert cut(card, index["license[1]"]) == "cc-by-4.0"


def test_locate_falls_back_to_the_nearest_member_present() -> None:
    text = '{\n  "name": "m",\n  "components": [\n    {"kind": "training-code"}\n  ]\n}\n'
    index = index_json(text)
    assert index.locate("components[0].kind") == ("components[0].kind", index["components[0].kind"])
    assert index.locate("components[0].license.expression")[0] == "components[0]"  # type: ignore[index]
    assert index.locate("components[parameters-final].availability")[0] == "components"  # type: ignore[index]
    assert index.locate("data_information.description.state") is None
    assert index["name"] == Span(2, 3, 2, 14)


@pytest.mark.parametrize(
    ("path", "parent"),
    [
        ("a", None),
        ("a.b", "a"),
        ("a[0]", "a"),
        ("a[0].b", "a[0]"),
        ("[3]", None),
        ("components[parameters-intermediate].availability", "components[parameters-intermediate]"),
        ("x[a.b].c", "x[a.b]"),
    ],
)
def test_parent_path(path: str, parent: str | None) -> None:
    assert parent_path(path) == parent


@pytest.mark.parametrize(
    "text",
    ["", "{", '{"a": 1,}', "[1 2]", '{"a" 1}', '{"a": tru}', "not json", '{"a": 1} x', "[01]"],
)
def test_text_that_is_not_json_gives_an_empty_index(text: str) -> None:
    assert len(index_json(text)) == 0


def test_yaml_that_cannot_be_read_gives_an_empty_index() -> None:
    assert len(index_yaml("a: [1, 2")) == 0
    assert len(index_yaml("")) == 0
    assert len(index_yaml("just a scalar")) == 0


def test_line_breaks_of_every_kind_and_repeated_keys() -> None:
    text = '{"a": 1,\r\n"b": 2,\r"c": 3,\n"a": 4}'
    index = index_json(text)
    assert index["b"].start_line == 2
    assert index["c"].start_line == 3
    assert index["a"] == Span(4, 1, 4, 7)  # the last occurrence wins, as json.loads reads it


def test_columns_count_code_points() -> None:
    index = index_json('{"名前": "é", "b": 1}')
    assert index["b"].start_column == 13


def test_deep_nesting_and_aliases_are_bounded() -> None:
    assert len(index_json("[" * 5_000 + "]" * 5_000)) == 4_999  # far past the recursion limit
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n"
    index = index_yaml(bomb)
    assert index["d[0]"].start_line == 3  # placed at its anchor
    assert len(index) < 30  # each node is expanded once, however many aliases reach it


def test_an_index_is_a_read_only_mapping() -> None:
    index = PositionIndex({"a": Span(1, 1, 1, 2)})
    assert dict(index) == {"a": Span(1, 1, 1, 2)}
    assert "PositionIndex(1 fields)" in repr(index)
    with pytest.raises(TypeError):
        index["b"] = Span(1, 1, 1, 2)  # type: ignore[index]
