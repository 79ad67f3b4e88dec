"""What the fuzz suite asserts of every answer: a documented error naming a real field,
or a valid, deterministic result.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TypeVar

from osaid import InvalidReleaseError, OsaidError
from osaid.errors import UnknownFormatError

__all__ = ["DOCUMENT_LEVEL", "answer", "resolves"]

T = TypeVar("T")

DOCUMENT_LEVEL = (
    "not valid JSON",
    "not valid YAML",
    "not UTF-8",
    "the document is empty",
    "the document is nested too deeply",
    "the YAML is nested too deeply",
    "the YAML holds more than",
    "more than 500 YAML aliases",
    "a release document is a JSON object",
    "a MOT record is a mapping",
    "an EOSAI record is a mapping",
    "model card metadata is a mapping",
    "a CycloneDX BOM is a JSON object",
    "an SPDX 3 document is a JSON-LD object",
    "a Hub API document is a JSON object",
    "a Hub API document names its model in 'id'",
    "cannot tell the document's format",
    "a model card starts with YAML front matter",
    "the front matter is not a mapping",
    "the text holds unpaired surrogates",
    "an integer of",  # the document itself is that integer
    "cannot read ",  # the document itself is that value
    "contains an unpaired surrogate",  # the document itself is that text
    "a YAML alias refers to a value that contains it",  # the document itself
    "the YAML expands to more than",  # the document itself
)
"""Problems about the document as a whole, which name no field."""

_PYDANTIC_WORDS = re.compile(r"validation error for|\[type=|input_value=|For further information")


def answer(call: Callable[[], T], document: Any = None) -> T | InvalidReleaseError | None:
    """Call ``call``; an error must be a documented osaid error whose problems name fields
    of ``document`` (when given), or say what is wrong with the document as a whole.

    Returns the result, or the error.
    """
    try:
        return call()
    except InvalidReleaseError as exc:
        check_error(exc, document)
        return exc
    except UnknownFormatError:
        return None
    except OsaidError as exc:  # pragma: no cover - a defect the suite reports
        msg = f"undocumented osaid error {type(exc).__name__}: {exc}"
        raise AssertionError(msg) from exc


def check_error(exc: InvalidReleaseError, document: Any) -> None:
    """The checks every input error passes."""
    text = str(exc)
    assert not _PYDANTIC_WORDS.search(text), text
    assert "(after import)" not in text, text
    assert exc.problems, text
    for problem in exc.problems:
        assert problem.problem.strip(), text
        if not problem.field:
            assert problem.problem.startswith(DOCUMENT_LEVEL), f"no field named: {problem}"
        elif document is not None:
            assert resolves(document, problem.field), f"{problem.field!r} is not in the input"


_SEGMENT = re.compile(r"\[(\d+)\]")
_QUOTED = re.compile(r'\[("(?:[^"\\]|\\.)*")\]')


def resolves(document: Any, field: str) -> bool:
    """Whether ``field`` (``a.b[0].c``) is a path into ``document``; its last step may be
    missing (a required field that is absent), as long as its parent exists.
    """
    return _resolves(document, field, first=True)


def _resolves(value: Any, rest: str, *, first: bool = False) -> bool:
    if not rest:
        return True
    if not first:
        if rest.startswith("."):
            rest = rest[1:]
        elif not rest.startswith("["):
            return False
    quoted = _QUOTED.match(rest)
    if quoted is not None:
        key = json.loads(quoted.group(1))
        after = rest[quoted.end() :]
        if not isinstance(value, dict):
            return False
        if key not in value:
            return not after
        return _resolves(value[key], after)
    match = _SEGMENT.match(rest)
    if match is not None:
        index = int(match.group(1))
        if not isinstance(value, list):
            return False
        after = rest[match.end() :]
        if index >= len(value):
            return not after
        return _resolves(value[index], after)
    if not isinstance(value, dict):
        return False
    for key in value:
        label = str(key)
        if rest == label:
            return True
        if (
            rest.startswith(label)
            and rest[len(label)] in ".["
            and _resolves(value[key], rest[len(label) :])
        ):
            return True
    # The last step may name a key that is absent (a required field).
    return "." not in rest and "[" not in rest
