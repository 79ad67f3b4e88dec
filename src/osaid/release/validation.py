"""Turning documents into releases, with errors that name the field and the problem.

:func:`parse_release` reads a native osaid release document (JSON text or an already
parsed mapping) and returns a :class:`~osaid.release.ModelRelease`, or raises
:class:`~osaid.errors.InvalidReleaseError` listing every problem, each with its dotted
field path. :func:`read_release` does the same for a file.

Reading is bounded (``docs/reliability.md``): :func:`read_document` and
:func:`read_stream` stop after :data:`MAX_DOCUMENT_BYTES` bytes *read*, whatever size the
file system reports, so a device such as ``/dev/zero`` is refused after 10 MiB. Pipes,
FIFOs and character devices are read as streams; a stream that sends nothing for
:data:`STREAM_TIMEOUT` seconds (a FIFO nobody writes to, a terminal) is refused instead
of blocking for ever. :func:`parse_json` refuses what Python's JSON reader would turn into
an error that names no field: integers longer than Python converts, unpaired surrogates.
"""

from __future__ import annotations

import difflib
import errno
import json
import os
import re
import stat
import sys
import time
import types
import typing
from collections.abc import Iterator, Mapping
from typing import IO, Any, Final, Union

from pydantic import BaseModel, ValidationError

from osaid.errors import InputProblem, InvalidReleaseError
from osaid.release.model import ModelRelease

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_ELEMENTS",
    "MAX_LIST_ENTRIES",
    "STREAM_TIMEOUT",
    "field_path",
    "parse_json",
    "parse_release",
    "problems_from",
    "read_document",
    "read_release",
    "read_stream",
    "too_many_entries",
]


def __dir__() -> list[str]:
    return __all__


MAX_DOCUMENT_BYTES: Final = 10 * 1024 * 1024
"""The largest document osaid reads (10 MiB), counted in bytes read."""

MAX_LIST_ENTRIES: Final = 10_000
"""The most entries osaid reads in one list of a document (datasets, components, links).

Every entry becomes a validated object, some microseconds each; this keeps any document
answered within about a second. Lists that osaid only scans for the entries it needs (a
CycloneDX BOM's ``components``, an SPDX ``@graph``) may hold up to
:data:`MAX_DOCUMENT_ELEMENTS`.
"""

MAX_DOCUMENT_ELEMENTS: Final = 100_000
"""The most entries of a list that osaid only scans (``components``, ``@graph``)."""

STREAM_TIMEOUT: Final = 10.0
"""How long (seconds) a stream (FIFO, pipe, terminal) may send nothing before it is refused."""


def field_path(loc: typing.Iterable[object]) -> str:
    """A dotted field path (``components[0].license``) from a sequence of keys and indexes.

    A key that is empty, holds ``.``, ``[``, ``]``, ``"`` or blanks, or cannot be printed
    is written quoted (and escaped) in brackets, so that every path names one place:

    >>> field_path(["components", 0, "license"])
    'components[0].license'
    >>> field_path(["release", "", "a.b"])
    'release[""]["a.b"]'
    """
    out = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
            continue
        key = str(part)
        printable = key.isprintable()
        if printable and _PLAIN_KEY.fullmatch(key):
            out += f".{key}" if out else key
        else:  # escaped where it cannot be printed (control characters, surrogates)
            out += f"[{json.dumps(key, ensure_ascii=not printable)}]"
    return out


_PLAIN_KEY = re.compile(r'[^.\[\]"\s]+')


_path = field_path
_INNER_FIELD = re.compile(r"([a-z_]+(?:\[\d+\])*(?:\.[a-z_]+(?:\[\d+\])*)*): (.+)", re.DOTALL)


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
        field = _path(loc)
        inner = _INNER_FIELD.match(message)
        if inner is not None:  # a model's own check names the field inside it
            field = f"{field}.{inner.group(1)}" if field else inner.group(1)
            message = inner.group(2)
        problems.append(InputProblem(field, message))
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
        data = parse_json(document, source=source)
    if not isinstance(data, Mapping):
        problem = InputProblem(
            "", f"a release document is a JSON object, not {type(data).__name__}"
        )
        raise InvalidReleaseError([problem], source=source)
    long_lists = _long_lists(data)
    if long_lists:
        raise InvalidReleaseError(long_lists, source=source)
    try:
        return ModelRelease.model_validate(data)
    except ValidationError as exc:
        raise InvalidReleaseError(problems_from(exc), source=source) from None
    except RecursionError:
        raise InvalidReleaseError(
            [InputProblem("", "the document is nested too deeply")], source=source
        ) from None


def too_many_entries(count: int, limit: int = MAX_LIST_ENTRIES) -> str:
    """The problem of a list of ``count`` entries, over ``limit``."""
    return f"{count:,} entries; osaid reads lists of up to {limit:,} entries"


def _long_lists(data: Any) -> list[InputProblem]:
    """The lists of a native document longer than :data:`MAX_LIST_ENTRIES`.

    Only containers are walked, so the check stays cheap.
    """
    problems: list[InputProblem] = []
    stack: list[tuple[tuple[object, ...], Any]] = [((), data)]
    seen: set[int] = set()
    while stack and len(problems) < _MAX_LISTED:
        loc, value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, Mapping):
            items: Any = value.items()
        elif isinstance(value, list | tuple):
            if len(value) > MAX_LIST_ENTRIES:
                problems.append(InputProblem(field_path(loc), too_many_entries(len(value))))
                continue
            items = enumerate(value)
        else:
            continue
        stack.extend(
            ((*loc, key), item) for key, item in items if isinstance(item, Mapping | list | tuple)
        )
    return problems


def parse_json(text: str | bytes, *, source: str | None = None) -> Any:
    r"""Parse JSON text, with every failure an :class:`~osaid.errors.InvalidReleaseError`.

    Besides malformed JSON, refuses deep nesting, bytes that are not UTF-8, integers longer
    than Python converts (``sys.get_int_max_str_digits()``, 4,300 digits by default) and
    strings holding unpaired surrogate escapes (``\\ud800`` to ``\\udfff``); the last two
    name the field.
    """
    long_ints: list[str] = []

    def parse_int(digits: str) -> Any:
        try:
            return int(digits)
        except ValueError:  # longer than the int conversion limit
            marker = _LongInteger(digits)
            long_ints.append(marker)
            return marker

    try:
        data = json.loads(text, parse_int=parse_int)
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
    if isinstance(text, str):
        odd = bool(_SURROGATE_ESCAPE.search(text)) or (
            not text.isascii() and bool(_SURROGATE.search(text))
        )
    else:
        odd = bool(_SURROGATE_ESCAPE.search(text.decode("latin-1")))
    if long_ints or odd:
        problems = _unreadable_values(data)
        if problems:
            raise InvalidReleaseError(problems, source=source)
    return data


class _LongInteger(str):
    """The digits of a JSON integer too long to convert, kept to report its field."""

    __slots__ = ()


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_LISTED = 5


def _walk(data: Any) -> Iterator[tuple[list[object], Any]]:
    """Every value of a parsed JSON document with its path (keys first), iteratively."""
    stack: list[tuple[list[object], Any]] = [([], data)]
    while stack:
        loc, value = stack.pop()
        yield loc, value
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                yield [*loc, key], key  # a key is a value that can be unreadable too
                stack.append(([*loc, key], item))
        elif isinstance(value, list):
            stack.extend(([*loc, index], item) for index, item in reversed(list(enumerate(value))))


def _unreadable_values(data: Any) -> list[InputProblem]:
    problems: list[InputProblem] = []
    limit = sys.get_int_max_str_digits()
    for loc, value in _walk(data):
        if isinstance(value, _LongInteger):
            digits = len(value.lstrip("-"))
            problems.append(
                InputProblem(
                    field_path(loc),
                    f"an integer of {digits:,} digits; osaid reads integers of up to "
                    f"{limit:,} digits",
                )
            )
        elif isinstance(value, str) and not value.isascii() and _SURROGATE.search(value):
            problems.append(
                InputProblem(
                    field_path(loc),
                    "contains an unpaired surrogate (\\ud800-\\udfff), which is not text",
                )
            )
        if len(problems) >= _MAX_LISTED:
            break
    return problems


def read_release(path: str | os.PathLike[str], *, timeout: float = STREAM_TIMEOUT) -> ModelRelease:
    """Read and validate a native release file.

    :param timeout: for a FIFO, pipe or device, the longest wait for data (seconds).
    :raises InvalidReleaseError: if the file cannot be read or is not a valid release.
    """
    return parse_release(read_document(path, timeout=timeout), source=os.fspath(path))


_OS_PROBLEMS: Final = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EISDIR: "it is a directory, not a document",
    errno.ELOOP: "the path is a loop of symbolic links",
    errno.ENAMETOOLONG: "the path, or a part of it, is longer than the system allows",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENXIO: "no device or reader at the other end",
    errno.EAGAIN: "the stream is not ready to be read",
}


def _cannot_read(path: str, exc: OSError | str) -> InvalidReleaseError:
    if isinstance(exc, str):
        reason = exc
    else:
        reason = _OS_PROBLEMS.get(exc.errno or 0) or exc.strerror or str(exc)
    return InvalidReleaseError([InputProblem("", f"cannot read the file: {reason}")], source=path)


def _too_large(path: str, size: int | None) -> InvalidReleaseError:
    what = (
        f"the file is {size:,} bytes"
        if size is not None
        else (f"the input goes on past {MAX_DOCUMENT_BYTES:,} bytes")
    )
    msg = f"{what}; osaid reads documents up to {MAX_DOCUMENT_BYTES:,} bytes"
    return InvalidReleaseError([InputProblem("", msg)], source=path)


def read_document(path: str | os.PathLike[str], *, timeout: float = STREAM_TIMEOUT) -> bytes:
    """The bytes of a document, reading at most :data:`MAX_DOCUMENT_BYTES` of them.

    Regular files, FIFOs, pipes (``/dev/stdin``) and character devices (``/dev/zero``) are
    all read as streams: the cap applies to the bytes read, not to the size the file system
    reports. A FIFO is opened without waiting for a writer; a stream that sends nothing for
    ``timeout`` seconds is refused. Directories are refused.

    :raises InvalidReleaseError: if the path cannot be read, is a directory, sends nothing
        within ``timeout``, or holds more than :data:`MAX_DOCUMENT_BYTES` bytes.
    """
    name = os.fspath(path)
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(name, flags)
    except OSError as exc:
        raise _cannot_read(name, exc) from None
    except ValueError:  # an embedded NUL character
        raise _cannot_read(name, "the path contains a NUL character") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _cannot_read(name, "it is a directory, not a document")
        if stat.S_ISREG(info.st_mode):
            if info.st_size > MAX_DOCUMENT_BYTES:
                raise _too_large(name, info.st_size)
            return _read_capped(fd, name, None)
        return _read_capped(fd, name, timeout)
    except OSError as exc:
        raise _cannot_read(name, exc) from None
    finally:
        os.close(fd)


def read_stream(stream: IO[bytes], *, source: str | None = None) -> bytes:
    """The bytes of an open binary stream (``sys.stdin.buffer``), at most the cap.

    Reads until end of file; a caller that must not block passes a stream that is ready.

    :raises InvalidReleaseError: if the stream holds more than :data:`MAX_DOCUMENT_BYTES`
        bytes or cannot be read.
    """
    name = source or "standard input"
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= MAX_DOCUMENT_BYTES:
            chunk = stream.read(min(_CHUNK, MAX_DOCUMENT_BYTES + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _cannot_read(name, exc) from None
    raise _too_large(name, None)


_CHUNK: Final = 1024 * 1024


def _read_capped(fd: int, name: str, timeout: float | None) -> bytes:
    """Read ``fd`` to its end, at most one byte past the cap; wait ``timeout`` for data."""
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_DOCUMENT_BYTES:
        if timeout is not None:
            _wait_readable(fd, name, timeout)
        try:
            chunk = os.read(fd, min(_CHUNK, MAX_DOCUMENT_BYTES + 1 - total))
        except BlockingIOError:
            continue  # woken without data (a terminal, a spurious wake-up): wait again
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise _too_large(name, None)


def _wait_readable(fd: int, name: str, timeout: float) -> None:
    try:
        import select  # noqa: PLC0415 - only streams need it
    except ImportError:  # pragma: no cover - every supported platform has select
        return
    poll = getattr(select, "poll", None)
    if poll is None:  # pragma: no cover - Windows has no FIFOs to wait on
        return
    poller = poll()
    poller.register(fd, select.POLLIN | select.POLLPRI)
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            msg = (
                f"nothing to read for {timeout:g} s (a FIFO or terminal with no writer?); "
                "osaid does not wait longer"
            )
            raise _cannot_read(name, msg)
        if poller.poll(remaining * 1000):
            return
