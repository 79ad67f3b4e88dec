"""What every importer shares: notes, license terms from strings, YAML loading, limits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from osaid.errors import InputProblem, InvalidReleaseError
from osaid.licensing.names import ResolutionKind, resolve_license
from osaid.release import ImportNote, LicenseTerms, ModelRelease, NoteKind
from osaid.sources import Confidence, Source

__all__ = [
    "ImportResult",
    "Notes",
    "as_list",
    "as_mapping",
    "as_text",
    "bad_input",
    "parse_yaml",
    "release_name",
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


@dataclass
class Notes:
    """Collects import notes for one document."""

    source_format: str
    items: list[ImportNote] = field(default_factory=list)

    def add(self, kind: NoteKind, message: str, field: str | None = None) -> None:
        """Record a note (a repeated identical note is kept once)."""
        note = ImportNote(
            source_format=self.source_format, kind=kind, field=field or None, message=message
        )
        if note not in self.items:
            self.items.append(note)

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


def as_mapping(value: Any, source_format: str, field: str) -> Mapping[str, Any]:
    """``value`` as a mapping, or an input error naming ``field``."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise bad_input(source_format, field, f"expected a mapping, found {type(value).__name__}")
    return value


def as_list(value: Any, source_format: str, field: str) -> list[Any]:
    """``value`` as a list (a single item becomes a list of one), or an input error."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str | Mapping):
        return [value]
    raise bad_input(source_format, field, f"expected a list, found {type(value).__name__}")


def as_text(value: Any, source_format: str, field: str) -> str | None:
    """``value`` as stripped text (numbers and dates are converted), None when empty."""
    if value is None:
        return None
    if isinstance(value, bool | list | tuple | Mapping):
        raise bad_input(source_format, field, f"expected text, found {type(value).__name__}")
    text = str(value).strip()
    return text or None


def release_name(
    value: Any, fallback: str | None, source_format: str, field: str, notes: Notes
) -> str:
    """The release name at ``field``, else ``fallback`` (noted), else an input error."""
    name = as_text(value, source_format, field)
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
        return LicenseTerms(name=raw.strip()[:2000], url=url, sources=sources)
    assert found.expression is not None
    if found.expression != raw.strip():
        notes.normalised(f"license {raw!r} read as {found.expression} ({found.how})", field)
    return LicenseTerms(expression=found.expression, name=raw.strip()[:2000], url=url,
                        sources=sources)  # fmt: skip


_MAX_ALIASES = 500


def parse_yaml(text: str, source_format: str) -> Any:
    """Parse YAML with PyYAML's safe loader, refusing alias bombs.

    :raises InvalidReleaseError: if PyYAML is missing or the text is not YAML.
    """
    try:
        import yaml  # noqa: PLC0415 - optional extra, imported on use
    except ImportError:  # pragma: no cover - the test suite installs PyYAML
        raise bad_input(
            source_format, "", "reading YAML needs PyYAML: pip install 'osaid[yaml]'"
        ) from None

    class Loader(yaml.SafeLoader):
        aliases = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > _MAX_ALIASES:
                    msg = f"more than {_MAX_ALIASES} YAML aliases"
                    raise yaml.YAMLError(msg)
            return super().compose_node(parent, index)

    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" (line {mark.line + 1}, column {mark.column + 1})"
        problem = getattr(exc, "problem", None) or str(exc)
        raise bad_input(source_format, "", f"not valid YAML: {problem}{where}") from None
    except RecursionError:
        raise bad_input(source_format, "", "the YAML is nested too deeply") from None


def source(url: str | None, title: str, *, confidence: Confidence = Confidence.SECONDARY) -> Source:
    """A source record for a fact read from an imported document."""
    return Source(url=url, title=title, confidence=confidence)
