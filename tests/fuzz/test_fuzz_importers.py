"""Fuzz every importer with mutated real documents and arbitrary JSON-shaped values."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from osaid import ModelRelease
from osaid.importers import ImportResult, InputFormat, import_document, load_text

from ._docs import BIG_INT_TOKEN, Seed, dump_json, dump_yaml, json_values, mutated
from ._oracle import answer
from ._profiles import fuzz_settings

FORMATS = tuple(f.value for f in InputFormat)


def _no_tokens(data: Any) -> Any:
    """The document as a Python caller would pass it: the big-integer token as an int."""
    if data == BIG_INT_TOKEN:
        return 10**5000
    if isinstance(data, dict):
        return {k: _no_tokens(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_no_tokens(v) for v in data]
    return data


def _check_result(result: object) -> None:
    if isinstance(result, ImportResult):
        assert isinstance(result.release, ModelRelease)
        assert result.notes == result.release.import_notes
        ModelRelease.model_validate_json(result.release.model_dump_json())


@fuzz_settings(10)
@given(mutated(), st.sampled_from((None, *FORMATS)))
def test_mutated_documents_into_every_importer(case: tuple[Seed, Any], fmt: str | None) -> None:
    seed, data = case
    document = _no_tokens(data)
    chosen = seed.fmt if fmt is None else fmt
    result = answer(lambda: import_document(document, chosen, name="fuzzed"), document)
    _check_result(result)
    again = answer(lambda: import_document(document, chosen, name="fuzzed"), document)
    assert type(again) is type(result)
    if isinstance(result, ImportResult) and isinstance(again, ImportResult):
        assert result.release == again.release  # deterministic


@fuzz_settings(12)
@given(json_values(), st.sampled_from((None, *FORMATS)))
def test_arbitrary_values_into_every_importer(document: Any, fmt: str | None) -> None:
    document = _no_tokens(document)
    _check_result(answer(lambda: import_document(document, fmt, name="x"), document))


@fuzz_settings(10)
@given(mutated(), st.sampled_from(("json", "yaml")), st.sampled_from((None, "detect")))
def test_mutated_documents_as_text(case: tuple[Seed, Any], syntax: str, fmt: str | None) -> None:
    seed, data = case
    text = dump_json(data) if syntax == "json" else dump_yaml(data)
    chosen = seed.fmt if fmt is None else None
    if seed.fmt == "hf" and syntax == "yaml":
        text = f"---\n{text}---\n"
        chosen = "hf"
    expected = _no_tokens(data)
    _check_result(answer(lambda: load_text(text, chosen, name=f"doc.{syntax}"), expected))


@fuzz_settings(10)
@given(st.text(max_size=300), st.sampled_from((None, *FORMATS)))
def test_arbitrary_text(text: str, fmt: str | None) -> None:
    _check_result(answer(lambda: load_text(text, fmt, name="doc")))


_YAML_BITS = (
    "a", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "!!int ",
    "!!timestamp ", "!!float ", "!!binary ", "!!set ", "!!str ", "!!bool ", "!!python/name:x ",
    "? ", "|\n", ">\n", "'", '"', "\\ud800", "2024-13-01", "2024-02-30", "0x", "1_0", "1:30",
    "---\n", "...\n", "%YAML 1.1\n", "#", "~", "release", "name", "components", "license",
    "9" * 4400, "é", "\t", "\x00",
)  # fmt: skip


@fuzz_settings(20)
@given(st.lists(st.sampled_from(_YAML_BITS), max_size=40), st.sampled_from(FORMATS[1:]))
def test_yaml_shaped_text(parts: list[str], fmt: str) -> None:
    text = "".join(parts)
    _check_result(answer(lambda: load_text(text, fmt if fmt != "cyclonedx" else "mot")))


_JSON_BITS = (
    "{", "}", "[", "]", ",", ":", '"a"', '"name"', '"components"', "1", "-1", "1e999", "0.5",
    "true", "null", "NaN", "Infinity", '"\\ud800"', '"\\udfff\\ud800"', '"\\ud83d\\ude00"',
    "9" * 4400, '"' + "x" * 2500 + '"', " ", "\n", '"bomFormat"', '"CycloneDX"', '"@graph"',
)  # fmt: skip


@fuzz_settings(10)
@given(st.lists(st.sampled_from(_JSON_BITS), max_size=40), st.sampled_from((None, *FORMATS)))
def test_json_shaped_text(parts: list[str], fmt: str | None) -> None:
    text = "{" + "".join(parts)
    _check_result(answer(lambda: load_text(text, fmt, name="doc.json")))
