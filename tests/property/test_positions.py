"""Properties of the position index: every member is placed, at its own text."""

from __future__ import annotations

import json
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from osaid.release.positions import index_document, index_json, index_yaml
from tests.test_positions import cut, last_key, walk

from ._settings import PROPERTY

KEYS = st.text(
    alphabet=st.characters(
        categories=("Ll", "Lu", "Lo", "Nd"), include_characters="_-@ é名", max_codepoint=0x9FFF
    ),
    min_size=1,
    max_size=8,
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.text(max_size=12)
)
DOCUMENTS: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=25,
)


@PROPERTY
@given(st.dictionaries(KEYS, DOCUMENTS, max_size=5), st.sampled_from([None, 0, 1, 2, 4]))
def test_every_json_member_is_placed_at_its_text(
    document: dict[str, Any], indent: int | None
) -> None:
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    index = index_json(text)
    expected = walk(document)
    assert set(index) == set(expected)
    for field, value in expected.items():
        piece = cut(text, index[field])
        if field.endswith("]"):
            assert json.loads(piece) == value
        else:
            assert json.loads("{" + piece + "}") == {last_key(field): value}


@PROPERTY
@given(document=st.dictionaries(KEYS, DOCUMENTS, min_size=1, max_size=5), flow=st.booleans())
def test_every_yaml_member_is_placed_at_its_key(*, document: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    index = index_yaml(text)
    expected = walk(yaml.safe_load(text))
    assert set(index) == set(expected)
    for field in expected:
        span = index[field]
        assert (span.start_line, span.start_column) <= (span.end_line, span.end_column)
        piece = cut(text, span)
        if not field.endswith("]"):
            assert str(yaml.safe_load(piece.split(":", 1)[0])) == last_key(field)
        if flow:  # a flow piece stands on its own: it parses back to the value
            want = expected[field] if field.endswith("]") else {last_key(field): expected[field]}
            assert yaml.safe_load(piece) == want


@PROPERTY
@given(st.text(max_size=200))
def test_indexing_never_raises(text: str) -> None:
    index_json(text)
    index_yaml(text)
    index_document(text)
