"""What every importer shares: shape checks, notes, license terms from strings, YAML, limits.

Importers read documents osaid did not write. Every value is checked for the shape the
format gives it before it is used (:func:`as_mapping`, :func:`as_list`, :func:`as_text`,
:func:`as_key`), so a wrong shape is an :class:`~osaid.errors.InvalidReleaseError` naming
the field of the input, never a ``TypeError`` or a pydantic error about osaid's own types.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import ValidationError

from osaid._model import SHORT_TEXT_MAX, clip
from osaid.errors import InputProblem, InvalidReleaseError
from osaid.licensing.names import ResolutionKind, resolve_license
from osaid.release import ImportNote, LicenseTerms, ModelRelease, NoteKind
from osaid.release.validation import (
    MAX_DOCUMENT_ELEMENTS,
    MAX_LIST_ENTRIES,
    field_path,
    too_many_entries,
)
from osaid.sources import Confidence, Source

__all__ = [
    "MAX_DOCUMENT_ELEMENTS",
    "MAX_LIST_ENTRIES",
    "MAX_NOTES_PER_FIELD",
    "MAX_YAML_ALIASES",
    "MAX_YAML_NODES",
    "ImportResult",
    "Notes",
    "as_items",
    "as_key",
    "as_list",
    "as_mapping",
    "as_text",
    "bad_input",
    "building",
    "parse_yaml",
    "partial_date",
    "quote",
    "release_name",
    "require_mapping",
    "source",
    "terms_from_string",
]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """An imported release and the notes on how it was read (also kept in the release)."""

    release: ModelRelease
    notes: tuple[ImportNote, ...]
    source_format: str | None = None
    """The format the document was read as (``native``, ``mot`` ...), when known."""


MAX_NOTES_PER_FIELD: Final = 50
"""How many notes of one kind an importer keeps for the entries of one list; the rest
are counted in one summary note (a 100,000-entry list gives 51 notes, not 100,000)."""

_INDEX = re.compile(r"\[\d+\]")


@dataclass
class Notes:
    """Collects import notes for one document, in the order they are made.

    A repeated identical note is kept once; the check is a set look-up, so collecting
    notes stays linear in their number. A message longer than 2,000 characters (one that
    quotes a long value) is cut with an ellipsis. Past :data:`MAX_NOTES_PER_FIELD` notes
    of one kind on the entries of one list (``release.components[*]``), further notes are
    counted in a summary note that names the first and last entry they are about.
    """

    source_format: str
    _items: list[ImportNote] = field(default_factory=list, repr=False)
    _seen: set[tuple[NoteKind, str | None, str]] = field(default_factory=set, repr=False)
    _per_list: dict[tuple[NoteKind, str], int] = field(default_factory=dict, repr=False)
    _overflow: dict[tuple[NoteKind, str], tuple[int, str, str]] = field(
        default_factory=dict, repr=False
    )

    @property
    def items(self) -> list[ImportNote]:
        """The notes, with one summary note per list whose notes overflowed."""
        summaries = [
            ImportNote(
                source_format=self.source_format,
                kind=kind,
                field=template,
                message=(
                    f"{count:,} more notes of this kind on the entries of this list, from "
                    f"{first} to {last}, are not listed one by one"
                ),
            )
            for (kind, template), (count, first, last) in self._overflow.items()
        ]
        return [*self._items, *summaries]

    def add(self, kind: NoteKind, message: str, field: str | None = None) -> None:
        """Record a note (a repeated identical note is kept once)."""
        text = clip(message, SHORT_TEXT_MAX)
        where = field or None
        key = (kind, where, text)
        if key in self._seen:
            return
        if where is not None and "[" in where:
            template = _INDEX.sub("[*]", where)
            listed = self._per_list.get((kind, template), 0)
            if listed >= MAX_NOTES_PER_FIELD:
                count, first, _ = self._overflow.get((kind, template), (0, where, where))
                self._overflow[(kind, template)] = (count + 1, first, where)
                return
            self._per_list[(kind, template)] = listed + 1
        self._seen.add(key)
        self._items.append(
            ImportNote(source_format=self.source_format, kind=kind, field=where, message=text)
        )

    def assumed(self, message: str, field: str | None = None) -> None:
        """Record a fact osaid filled in."""
        self.add(NoteKind.ASSUMED, message, field)

    def inferred(self, message: str, field: str | None = None) -> None:
        """Record a fact osaid derived from others."""
        self.add(NoteKind.INFERRED, message, field)

    def normalised(self, message: str, field: str | None = None) -> None:
        """Record a value rewritten into canonical form."""
        self.add(NoteKind.NORMALISED, message, field)

    def unmapped(self, message: str, field: str | None = None) -> None:
        """Record a fact osaid has no place for."""
        self.add(NoteKind.UNMAPPED, message, field)


def bad_input(source_format: str, field: str, problem: str) -> InvalidReleaseError:
    """An input error naming the field, for a document that cannot be imported."""
    return InvalidReleaseError([InputProblem(field, problem)], source=f"{source_format} document")


def quote(value: Any, limit: int = 200) -> str:
    """``value`` quoted for a note or an error, cut with an ellipsis past ``limit``."""
    try:
        return clip(repr(value), limit)
    except ValueError:  # an integer past the int-to-text conversion limit
        return "an integer too long to write out"


def require_mapping(document: Any, source_format: str, what: str) -> Mapping[str, Any]:
    """The whole document as a mapping, or an input error saying what the format expects."""
    if not isinstance(document, Mapping):
        found = _kind(document)
        raise bad_input(source_format, "", f"{what}; found {found}")
    return document


def _kind(value: Any) -> str:
    """A value's JSON or YAML kind, in words."""
    names = {
        bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list",
        tuple: "a list", dict: "a mapping", bytes: "binary data", set: "a set",
        type(None): "nothing (null)",
    }  # fmt: skip
    if isinstance(value, Mapping):
        return "a mapping"
    return names.get(type(value), type(value).__name__)


def as_mapping(value: Any, source_format: str, field: str) -> Mapping[str, Any]:
    """``value`` as a mapping (None: empty), or an input error naming ``field``."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise bad_input(source_format, field, f"expected a mapping, found {_kind(value)}")
    return value


def as_list(value: Any, source_format: str, field: str) -> list[Any]:
    """``value`` as a list (a single item becomes a list of one), or an input error."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str | Mapping):
        return [value]
    raise bad_input(source_format, field, f"expected a list, found {_kind(value)}")


def as_items(
    value: Any, source_format: str, field: str, *, limit: int = MAX_LIST_ENTRIES
) -> list[tuple[str, Any]]:
    """The items of a list with the field path of each (``field[0]`` ...).

    A single item given where a list is expected is a list of one, whose field is
    ``field`` itself: errors name the input as it is written. A list longer than
    ``limit`` is an input error (:data:`~osaid.release.validation.MAX_LIST_ENTRIES`).
    """
    if isinstance(value, list | tuple):
        if len(value) > limit:
            raise bad_input(source_format, field, too_many_entries(len(value), limit))
        return [(f"{field}[{index}]", item) for index, item in enumerate(value)]
    return [(field, item) for item in as_list(value, source_format, field)]


_SURROGATE = re.compile("[\ud800-\udfff]")
_SCALARS = (str, int, float)
_TEXTUAL = (str, int, float, dt.date, dt.time)  # YAML gives dates and times


def as_text(value: Any, source_format: str, field: str) -> str | None:
    """``value`` as stripped text (numbers and dates are converted), None when empty.

    Lists, mappings, booleans and binary data are input errors naming ``field``, and so
    are integers too long to write out and text holding unpaired surrogates.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, _TEXTUAL):
        raise bad_input(source_format, field, f"expected text, found {_kind(value)}")
    try:
        text = str(value).strip()
    except ValueError:  # an integer past the int-to-text conversion limit
        limit = sys.get_int_max_str_digits()
        raise bad_input(
            source_format, field, f"an integer of more than {limit:,} digits; expected text"
        ) from None
    if not text.isascii() and _SURROGATE.search(text):
        raise bad_input(source_format, field, "contains unpaired surrogates, which are not text")
    return text or None


def as_key(value: Any, source_format: str, field: str) -> str | None:
    """``value`` as an identifier to look up (``bom-ref``, ``spdxId``), None when absent.

    Only text and numbers are identifiers; a list or a mapping is an input error naming
    ``field`` (a document cannot refer to an element by a list).
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, _SCALARS):
        raise bad_input(
            source_format, field, f"expected an identifier (text), found {_kind(value)}"
        )
    return as_text(value, source_format, field)


@contextmanager
def building(source_format: str, field: str) -> Iterator[None]:
    """Turn a pydantic error raised while building from ``field`` into an input error.

    The error names that field of the input: a safety net, since importers check values
    before they build osaid's types from them.
    """
    try:
        yield
    except ValidationError as exc:
        problems = []
        for item in exc.errors(include_url=False):
            inner = field_path(item["loc"])
            message = str(item["msg"]).removeprefix("Value error, ")
            where = f" (read into {inner})" if inner else ""
            problems.append(InputProblem(field, f"{message}{where}"))
        raise InvalidReleaseError(problems, source=f"{source_format} document") from None


def release_name(
    value: Any, fallback: str | None, source_format: str, field: str, notes: Notes
) -> str:
    """The release name at ``field``, else ``fallback`` (noted), else an input error."""
    name = as_text(value, source_format, field)
    fallback = fallback.strip() if fallback else None
    if name is None and fallback:
        notes.assumed(f"the document has no name; {fallback!r} is used", field)
        return fallback
    if name is None:
        raise bad_input(source_format, field, "a name is required")
    return name


def terms_from_string(
    raw: str | None, notes: Notes, field: str, *, url: str | None = None
) -> LicenseTerms | None:
    """License terms for a license string as a source writes it.

    ``None`` and empty strings give None (not stated); sentinels give ``NONE`` or
    ``NOASSERTION``; a resolvable string gives its expression (with a note when it was
    rewritten); anything else is kept as a name and judged unknown.
    """
    if raw is None or not raw.strip():
        return None
    found = resolve_license(raw)
    sources = (Source(url=url, title="License as the source document gives it"),) if url else ()
    if found.kind is ResolutionKind.UNKNOWN:
        notes.unmapped(f"license {raw!r} is not a license osaid knows; judged unknown", field)
        return LicenseTerms(name=clip(raw), url=url, sources=sources)
    assert found.expression is not None
    if found.expression != raw.strip():
        notes.normalised(f"license {raw!r} read as {found.expression} ({found.how})", field)
    return LicenseTerms(expression=found.expression, name=clip(raw), url=url, sources=sources)


MAX_YAML_NODES: Final = 50_000
"""The most values (scalars, lists, mappings) a YAML document may hold, aliases expanded.

PyYAML resolves and builds every value in Python, some microseconds each even with
libyaml's parser, so this bounds the time of reading any YAML document to well under a
second. The largest record in the MOT and EOSAI corpora holds about 200 values. Larger
documents can be given as JSON, which is read much faster.
"""

MAX_YAML_ALIASES: Final = 500
"""The most alias references (``*name``) a YAML document may make."""

_INDICATORS = "-:,[{?\n"
_TAG_WORDS = {
    "tag:yaml.org,2002:int": "an integer",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:binary": "binary data",
    "tag:yaml.org,2002:str": "text",
    "tag:yaml.org,2002:set": "a set",
    "tag:yaml.org,2002:omap": "an ordered mapping",
    "tag:yaml.org,2002:pairs": "pairs",
    "tag:yaml.org,2002:seq": "a list",
    "tag:yaml.org,2002:map": "a mapping",
}


class _YamlValueError(Exception):
    """A problem found while reading YAML, with the node it sits at (for its field path)."""

    def __init__(self, problem: str, node: Any = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.node = node


def _loader_class() -> Any:
    """A safe loader (libyaml's C parser when installed) with osaid's limits.

    Only the YAML 1.1 core tags of PyYAML's safe constructor are read; a value its
    constructor rejects (``2024-13-01``, ``!!int abc``) is an error naming the field;
    integers longer than Python converts, recursive aliases, more than
    :data:`MAX_YAML_ALIASES` aliases, and aliases that expand the document past
    :data:`MAX_YAML_NODES` values are refused before anything is built.
    """
    global _LOADER  # noqa: PLW0603 - built once, on first use (PyYAML is an optional extra)
    if _LOADER is not None:
        return _LOADER
    import yaml  # noqa: PLC0415 - optional extra, imported on use

    base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

    class Loader(base):  # type: ignore[misc, valid-type]
        root: Any = None
        check_aliases = True
        budget = MAX_YAML_NODES

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            # Called for every node without an explicit tag, while composing: the cheapest
            # place to stop a document with too many values before they are all built.
            self.budget -= 1
            if self.budget < 0:
                raise _YamlValueError(_TOO_MANY_NODES)
            return super().resolve(kind, value, implicit)

        def construct_document(self, node: Any) -> Any:
            self.root = node
            if self.check_aliases:
                _check_expansion(node, yaml)
            return super().construct_document(node)

        def construct_object(self, node: Any, deep: bool = False) -> Any:  # noqa: FBT001, FBT002
            try:
                return super().construct_object(node, deep)
            except (yaml.YAMLError, _YamlValueError):
                raise
            except (
                ValueError,
                TypeError,
                KeyError,
                IndexError,
                AttributeError,
                OverflowError,
            ) as exc:
                what = _TAG_WORDS.get(str(node.tag), f"a value tagged {node.tag!r}")
                value = node.value if isinstance(node.value, str) else ""
                dated = str(node.tag).endswith(":timestamp") and isinstance(exc, ValueError)
                reason = f" ({exc})" if dated and str(exc) else ""
                shown = quote(value, 80) if value else "an empty value"
                raise _YamlValueError(f"cannot read {shown} as {what}{reason}", node) from None

        def construct_yaml_int(self, node: Any) -> Any:
            digits = str(node.value).replace("_", "").lstrip("+-")
            limit = sys.get_int_max_str_digits()
            if limit and len(digits) > limit:
                msg = (
                    f"an integer of {len(digits):,} digits; osaid reads integers of up to "
                    f"{limit:,} digits"
                )
                raise _YamlValueError(msg, node)
            return super().construct_yaml_int(node)

    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    _LOADER = Loader
    return Loader


_LOADER: Any = None


def _check_expansion(root: Any, yaml: Any) -> None:
    """Refuse recursive aliases, too many aliases, and aliases that expand past the limit.

    Walks the node graph once (iteratively, each distinct node once): a node's size is
    itself plus its children's sizes, so an alias counts as every value it repeats.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    aliases = 0
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node, yaml))
            if sizes[key] > MAX_YAML_NODES:
                msg = (
                    f"the YAML expands to more than {MAX_YAML_NODES:,} values through its "
                    "aliases; osaid reads up to that many"
                )
                raise _YamlValueError(msg, node)
            continue
        if key in sizes:  # a node met again: an alias (or a merge) repeats it
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                msg = f"more than {MAX_YAML_ALIASES} YAML aliases; osaid reads up to that many"
                raise _YamlValueError(msg)
            continue
        on_path.add(key)
        stack.append((node, True))
        for child in _children(node, yaml):
            if id(child) in on_path:
                raise _YamlValueError("a YAML alias refers to a value that contains it", node)
            stack.append((child, False))


def _children(node: Any, yaml: Any) -> list[Any]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []


def _node_path(root: Any, target: Any, yaml: Any) -> str:
    """The field path from ``root`` to ``target`` in a YAML node graph ("" if not found)."""
    queue: deque[tuple[Any, list[object]]] = deque([(root, [])])
    seen: set[int] = set()
    while queue:  # breadth first: the shortest path
        node, loc = queue.popleft()
        if node is target:
            return field_path(loc)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            queue.extend((child, [*loc, index]) for index, child in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                label = key.value if isinstance(key, yaml.ScalarNode) else "?"
                queue.append((key, [*loc, label]))
                queue.append((value, [*loc, label]))
    return ""


_TOO_MANY_NODES: Final = (
    f"the YAML holds more than {MAX_YAML_NODES:,} values; osaid reads YAML documents up to "
    "that size (give larger documents as JSON)"
)


def _node_count_at_most(text: str, limit: int, loader: Any, yaml: Any) -> bool:
    """Whether the YAML holds at most ``limit`` nodes, where the loader cannot count them.

    The loader counts the nodes it resolves, which are all but those with an explicit tag
    (``!!str``). Only a document with many ``!`` and, by a cheap bound, possibly too many
    nodes (each needs an indicator ``-`` ``:`` ``,`` ``[`` ``{`` ``?`` or a line of its
    own) has its parser events counted, stopping as soon as there are more than ``limit``.
    """
    if 2 * text.count("!") <= limit or 2 * sum(text.count(ch) for ch in _INDICATORS) < limit:
        return True
    parser = loader(text)
    nodes = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
    count = 0
    try:
        while parser.check_event():
            if isinstance(parser.get_event(), nodes):
                count += 1
                if count > limit:
                    return False
    finally:
        parser.dispose()
    return True


def parse_yaml(text: str, source_format: str) -> Any:
    """Parse YAML safely and within bounds (libyaml's C loader when installed).

    :raises InvalidReleaseError: if PyYAML is missing, the text is not YAML, a value
        cannot be read as its type (the error names its field), or a limit is exceeded
        (:data:`MAX_YAML_NODES`, :data:`MAX_YAML_ALIASES`).
    """
    try:
        import yaml  # noqa: PLC0415 - optional extra, imported on use
    except ImportError:  # pragma: no cover - the test suite installs PyYAML
        raise bad_input(
            source_format, "", "reading YAML needs PyYAML: pip install 'osaid[yaml]'"
        ) from None
    loader_class = _loader_class()
    try:
        if not _node_count_at_most(text, MAX_YAML_NODES, loader_class, yaml):
            raise bad_input(source_format, "", _TOO_MANY_NODES)
        loader = loader_class(text)
        loader.check_aliases = "&" in text  # no anchor, no alias
        try:
            return loader.get_single_data()
        except _YamlValueError as exc:
            field = _node_path(loader.root, exc.node, yaml) if exc.node is not None else ""
            mark = getattr(exc.node, "start_mark", None)
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            raise bad_input(source_format, field, f"{exc.problem}{where}") from None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" (line {mark.line + 1}, column {mark.column + 1})"
        problem = getattr(exc, "problem", None) or str(exc)
        raise bad_input(source_format, "", f"not valid YAML: {problem}{where}") from None
    except UnicodeEncodeError:
        raise bad_input(
            source_format, "", "the text holds unpaired surrogates, which are not text"
        ) from None
    except RecursionError:
        raise bad_input(source_format, "", "the YAML is nested too deeply") from None


def source(url: str | None, title: str, *, confidence: Confidence = Confidence.SECONDARY) -> Source:
    """A source record for a fact read from an imported document (a long title is cut)."""
    return Source(url=url, title=clip(title), confidence=confidence)


_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2}))?(?:-([0-9]{1,2}))?")


def partial_date(text: str) -> str | None:
    """``text`` as an ISO date, possibly reduced (``2024``, ``2024-05``), or None.

    None when ``text`` is not a real date (``2024-13``, ``2024-02-30``).

    >>> partial_date("2024-5-1"), partial_date("2024-02-30"), partial_date("2024")
    ('2024-05-01', None, '2024')
    """
    match = _PARTIAL_DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(p for p in (year, month and month.zfill(2), day and day.zfill(2)) if p)
