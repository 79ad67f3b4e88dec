r"""Where each field of a document sits in its text: a position index for JSON and YAML.

A report that points at the input (SARIF's ``region``) needs the line of the member a
finding is about. Parsers give values, not places, so :func:`index_json` and
:func:`index_yaml` read the text once more and record, for every member and array item,
the span it occupies, under the same dotted path that errors, evidence and import notes
use (``components[0].license``, ``release.components[3].license``, ``@graph[2].name``).
:func:`index_document` picks the reader by the text's shape, and reads the front matter
of a Markdown model card.

Everything here is pure: text in, index out, no file is read. Indexing never raises: text
that cannot be read gives an empty index, and a caller then points at the whole document.

>>> index = index_json('{"name": "m",\n "components": [{"kind": "training-code"}]}')
>>> index["components[0].kind"]
Span(start_line=2, start_column=18, end_line=2, end_column=41)
>>> index.locate("components[0].license.expression")
('components[0]', Span(start_line=2, start_column=17, end_line=2, end_column=42))
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["PositionIndex", "Span", "index_document", "index_json", "index_yaml", "parent_path"]


def __dir__() -> list[str]:
    return __all__


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text, 1-based, columns in Unicode code points.

    ``end_column`` is the column just after the last character, as SARIF's ``endColumn``.
    """

    start_line: int
    start_column: int
    end_line: int
    end_column: int


class PositionIndex(Mapping[str, Span]):
    """The span of every member and array item of one document, by field path."""

    __slots__ = ("_spans",)

    def __init__(self, spans: Mapping[str, Span] | None = None) -> None:
        self._spans: dict[str, Span] = dict(spans or {})

    def __getitem__(self, path: str) -> Span:
        return self._spans[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __repr__(self) -> str:
        return f"PositionIndex({len(self._spans)} fields)"

    def locate(self, path: str) -> tuple[str, Span] | None:
        """The span of ``path``, or of its nearest ancestor that the document has.

        A field the document does not contain (a default, or a component that is not
        listed) is placed at the member that would hold it. None when not even the first
        segment is present.
        """
        current: str | None = path
        while current:
            found = self._spans.get(current)
            if found is not None:
                return current, found
            current = parent_path(current)
        return None


def parent_path(path: str) -> str | None:
    """The path one level up: ``a.b[2]`` -> ``a.b`` -> ``a`` -> None.

    >>> parent_path("components[parameters-final].availability")
    'components[parameters-final]'
    >>> parent_path("components[0]")
    'components'
    >>> parent_path("name") is None
    True
    """
    depth = 0
    for index in range(len(path) - 1, -1, -1):
        char = path[index]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if depth == 0:
                return path[:index] or None
        elif char == "." and depth == 0:
            return path[:index] or None
    return None


def _child(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


class _Lines:
    """Offsets in a text to line and column numbers (CR, LF and CR LF end a line)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in _LINE_BREAK.finditer(text))

    def point(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        start_line, start_column = self.point(start)
        end_line, end_column = self.point(end)
        return Span(start_line, start_column, end_line, end_column)


_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_WHITESPACE: Final = re.compile(r"[ \t\r\n]*")
_STRING: Final = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"', re.DOTALL)
_SCALAR: Final = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")


class _MalformedError(Exception):
    """The text is not JSON; the index stays empty."""


@dataclass
class _Frame:
    """A container being read: its path, kind, items so far, and the member in progress."""

    path: str
    is_object: bool
    start: int
    count: int = 0
    member: str | None = None
    member_start: int = 0


def index_json(text: str) -> PositionIndex:
    """The position of every member and array item of a JSON document.

    A member's span runs from its key to the end of its value; an item's covers the
    value. A repeated key is placed where its last occurrence is, as JSON parsers read
    it. Text that is not JSON gives an empty index.
    """
    try:
        return PositionIndex(_JsonScanner(text).scan())
    except _MalformedError:
        return PositionIndex()


class _JsonScanner:
    """Reads JSON text token by token with an explicit stack (no recursion limit)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.spans: dict[str, Span] = {}
        self.stack: list[_Frame] = []
        self.pos = 0
        self.opened = False
        """Whether a container was just opened and holds a first item to read."""

    def skip(self, offset: int) -> None:
        self.pos = _WHITESPACE.match(self.text, offset).end()  # type: ignore[union-attr]

    def scan(self) -> dict[str, Span]:
        self.skip(0)
        self.value()
        while self.stack:
            if self.opened:
                self.opened = False
                self.value()
                continue
            self.skip(self.pos)
            frame = self.stack[-1]
            char = self.text[self.pos : self.pos + 1]
            if char == ",":
                self.skip(self.pos + 1)
                self.value()
            elif char == ("}" if frame.is_object else "]"):
                self.stack.pop()
                self.pos += 1
                self.finished(frame.start, self.pos)
            else:
                raise _MalformedError
        self.skip(self.pos)
        if self.pos != len(self.text):
            raise _MalformedError
        return self.spans

    def value(self) -> None:
        """Read one value (in an object: its key first); a container is only opened."""
        text = self.text
        if self.stack and self.stack[-1].is_object:
            key = _STRING.match(text, self.pos)
            if key is None:
                raise _MalformedError
            frame = self.stack[-1]
            frame.member = _child(frame.path, json.loads(key.group()))
            frame.member_start = self.pos
            self.skip(key.end())
            if not text.startswith(":", self.pos):
                raise _MalformedError
            self.skip(self.pos + 1)
        char = text[self.pos : self.pos + 1]
        if char in {"{", "["}:
            frame = _Frame(path=self.value_path(), is_object=char == "{", start=self.pos)
            self.stack.append(frame)
            self.skip(self.pos + 1)
            closer = "}" if frame.is_object else "]"
            self.opened = not text.startswith(closer, self.pos)
            return
        match = _STRING.match(text, self.pos) if char == '"' else _SCALAR.match(text, self.pos)
        if match is None:
            raise _MalformedError
        self.finished(self.pos, match.end())
        self.pos = match.end()

    def value_path(self) -> str:
        """The path of the value about to be read."""
        if not self.stack:
            return ""
        frame = self.stack[-1]
        if frame.is_object:
            assert frame.member is not None
            return frame.member
        return f"{frame.path}[{frame.count}]"

    def finished(self, start: int, end: int) -> None:
        """A value ended at ``end``: record it under the path it belongs to."""
        if not self.stack:
            return
        frame = self.stack[-1]
        if frame.is_object:
            assert frame.member is not None
            self.spans[frame.member] = self.lines.span(frame.member_start, end)
            frame.member = None
        else:
            self.spans[f"{frame.path}[{frame.count}]"] = self.lines.span(start, end)
        frame.count += 1


_FRONT: Final = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
"""A model card's YAML front matter (the Hugging Face importer reads the same block)."""


def index_yaml(text: str, *, first_line: int = 1) -> PositionIndex:
    """The position of every mapping member and sequence item of a YAML document.

    A member's span runs from its key to the end of its value. ``first_line`` is the line
    of the text's first line in the file (for front matter). Reading YAML needs PyYAML
    (``osaid[yaml]``); without it, or for text that is not YAML, the index is empty.
    Values reached through an alias are placed at their anchor and not indexed again.
    """
    try:
        import yaml  # noqa: PLC0415 - optional extra, imported on use
    except ImportError:  # pragma: no cover - the test suite installs PyYAML
        return PositionIndex()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return PositionIndex()
    if root is None:
        return PositionIndex()
    lines = _Lines(text)
    spans: dict[str, Span] = {}
    seen: set[int] = set()
    pending: list[tuple[str, Any]] = [("", root)]
    while pending:
        path, node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue
                child = _child(path, str(key.value))
                spans[child] = _yaml_span(lines, text, key, value, first_line)
                pending.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value):
                child = f"{path}[{number}]"
                spans[child] = _yaml_span(lines, text, item, item, first_line)
                pending.append((child, item))
    return PositionIndex(spans)


def _yaml_span(lines: _Lines, text: str, first: Any, last: Any, first_line: int) -> Span:
    start = first.start_mark.index
    end = max(_node_end(text, last), start + 1)
    span = lines.span(start, end)
    shift = first_line - 1
    return Span(span.start_line + shift, span.start_column, span.end_line + shift, span.end_column)


def _node_end(text: str, node: Any) -> int:
    """Where a node's text ends.

    PyYAML ends a block collection at the next token, past any blank and comment lines
    that follow it; its real end is its last child's. Scalars and flow collections end
    where PyYAML says, without the line breaks a block scalar keeps.
    """
    while not getattr(node, "flow_style", True) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    end: int = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def index_document(text: str) -> PositionIndex:
    """The position index of a document, read as JSON, as a model card or as YAML.

    Text whose first character is ``{`` or ``[`` is JSON; text that opens with ``---``
    and closes the block again is a model card, whose front matter is indexed with the
    file's line numbers; anything else is YAML.
    """
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return index_json(text)
    front = _FRONT.match(text)
    if front is not None:
        before = text[: front.start(1)]
        first_line = len(_LINE_BREAK.findall(before)) + 1
        return index_yaml(front.group(1), first_line=first_line)
    return index_yaml(text)
