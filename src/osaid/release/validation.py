"""Turning documents into releases, with errors that name the field and the problem.

:func:`parse_release` reads a native osaid release document (JSON text or an already
parsed mapping) and returns a :class:`~osaid.release.ModelRelease`, or raises
:class:`~osaid.errors.InvalidReleaseError` listing every problem, each with its dotted
field path. :func:`read_release` does the same for a file, refusing files larger than
:data:`MAX_DOCUMENT_BYTES`.
"""

from __future__ import annotations

import difflib
import json
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Union

from pydantic import BaseModel, ValidationError

from osaid.errors import InputProblem, InvalidReleaseError
from osaid.release.model import ModelRelease

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "parse_release",
    "problems_from",
    "read_document",
    "read_release",
]


def __dir__() -> list[str]:
    return __all__


MAX_DOCUMENT_BYTES: Final = 10 * 1024 * 1024
"""The largest release document osaid reads (10 MiB)."""


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that holds the fields at ``loc`` (for listing allowed names)."""
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, tuple, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def problems_from(
    error: ValidationError, *, root: type[BaseModel] = ModelRelease
) -> list[InputProblem]:
    """One :class:`~osaid.errors.InputProblem` per pydantic error, in plain words."""
    problems: list[InputProblem] = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        message = str(item["msg"])
        if message.startswith(("Value error, ", "Assertion failed, ")):
            message = message.split(", ", 1)[1]
        kind = item["type"]
        if kind == "extra_forbidden":
            parent = _model_at(root, loc[:-1])
            name = str(loc[-1])
            allowed = sorted(parent.model_fields) if parent is not None else []
            close = difflib.get_close_matches(name, allowed, n=1)
            message = "unknown field"
            if close:
                message += f"; did you mean {close[0]!r}?"
            elif allowed:
                message += f"; the fields here are: {', '.join(allowed)}"
        elif kind == "missing":
            message = "required field is missing"
        problems.append(InputProblem(_path(loc), message))
    return problems


def parse_release(
    document: str | bytes | Mapping[str, Any], *, source: str | None = None
) -> ModelRelease:
    """Validate a native release document.

    :param document: JSON text, or a mapping already parsed from JSON or YAML.
    :param source: a name for the document (a file name) used in error messages.
    :raises InvalidReleaseError: listing every problem with its field.
    """
    data: Any = document
    if isinstance(document, str | bytes):
        try:
            data = json.loads(document)
        except json.JSONDecodeError as exc:
            problem = InputProblem(
                "", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            )
            raise InvalidReleaseError([problem], source=source) from None
        except RecursionError:
            problem = InputProblem("", "the document is nested too deeply")
            raise InvalidReleaseError([problem], source=source) from None
        except UnicodeDecodeError as exc:
            raise InvalidReleaseError(
                [InputProblem("", f"not UTF-8 text: {exc.reason}")], source=source
            ) from None
    if not isinstance(data, Mapping):
        problem = InputProblem(
            "", f"a release document is a JSON object, not {type(data).__name__}"
        )
        raise InvalidReleaseError([problem], source=source)
    try:
        return ModelRelease.model_validate(data)
    except ValidationError as exc:
        raise InvalidReleaseError(problems_from(exc), source=source) from None
    except RecursionError:
        raise InvalidReleaseError(
            [InputProblem("", "the document is nested too deeply")], source=source
        ) from None


def read_release(path: str | Path) -> ModelRelease:
    """Read and validate a native release file.

    :raises InvalidReleaseError: if the file cannot be read or is not a valid release.
    """
    file = Path(path)
    return parse_release(read_document(file), source=str(file))


def read_document(path: Path) -> bytes:
    """The bytes of a document file, refusing files over :data:`MAX_DOCUMENT_BYTES`.

    :raises InvalidReleaseError: if the file cannot be read or is too large.
    """
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            msg = (
                f"the file is {size:,} bytes; osaid reads documents up to "
                f"{MAX_DOCUMENT_BYTES:,} bytes"
            )
            raise InvalidReleaseError([InputProblem("", msg)], source=str(path))
        return path.read_bytes()
    except OSError as exc:
        raise InvalidReleaseError(
            [InputProblem("", f"cannot read the file: {exc.strerror or exc}")], source=str(path)
        ) from None
