"""Identify a license file by its text.

osaid does not guess a license from a file's name or its first line. A text is identified
by a maintained detector, ScanCode's ``licensedcode`` (the optional extra
``osaid[licensetext]``; ``docs/repository-checks.md`` says why this detector and what it
costs), whose license keys map onto SPDX identifiers and onto catalog entries (the
catalog lists ScanCode keys among each entry's names).

Catalog licenses and policies that the detector does not know (most acceptable-use
policies, recent AI licenses) are identified by the distinctive clause phrases the
catalog records for them (each clause's ``quote``): the share of a version's recorded
phrases found in the text is its score, and a text is identified only when the score
reaches :data:`PHRASE_THRESHOLD` and no other entry scores as well. The score is kept in
the result, and so in the import notes and sources of the release.

Without the extra nothing is identified: the result says the file is present and was
not identified, and the terms it carries are judged unknown.
"""

from __future__ import annotations

import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any, Final, Protocol

from osaid.errors import InvalidLicenseExpression
from osaid.licensing.catalog import CatalogEntry, EntryKind, LicenseCatalog, default_catalog
from osaid.licensing.expressions import parse_expression
from osaid.licensing.names import ResolutionKind, resolve_license

__all__ = [
    "DETECTOR_MIN_SCORE",
    "PHRASE_THRESHOLD",
    "Detector",
    "DetectorHit",
    "IdentificationStatus",
    "LicenseMatch",
    "TextIdentification",
    "default_detector",
    "identify_license_text",
    "match_catalog_phrases",
    "normalise_text",
]


def __dir__() -> list[str]:
    return __all__


DETECTOR_MIN_SCORE: Final = 80.0
"""The lowest ScanCode match score (0-100) accepted as an identification."""

PHRASE_THRESHOLD: Final = 0.5
"""The lowest share of a version's recorded phrases that identifies a catalog entry."""

_MIN_PHRASE_CHARS: Final = 40
"""At least one matched phrase must be this long, so that a stock sentence cannot decide."""

MAX_TEXT_CHARS: Final = 1_000_000
"""License texts longer than this are cut (visibly) before detection."""


class IdentificationStatus(StrEnum):
    """What became of a license text."""

    IDENTIFIED = "identified"
    """One license expression or catalog entry was found."""
    NO_DETECTOR = "no-detector"
    """No detector is installed: the text was not read for its license."""
    NOT_RECOGNISED = "not-recognised"
    """The detector ran and found no license it could name with confidence."""
    AMBIGUOUS = "ambiguous"
    """Several catalog entries fit the text equally well."""


@dataclass(frozen=True, slots=True)
class LicenseMatch:
    """One license found in a text."""

    expression: str
    """An SPDX expression; catalog entries as ``LicenseRef-<id>``."""
    detector: str
    """``scancode`` or ``catalog-phrases``."""
    key: str
    """The detector's own name for what it found (a ScanCode expression, a catalog id)."""
    score: float
    """The detector's score, 0-100 (ScanCode's match score; the share of phrases found)."""
    catalog_id: str | None = None
    """The catalog entry, when the license is one."""
    version: str | None = None
    """The catalog version the phrases identify."""
    kind: EntryKind = EntryKind.LICENSE
    """License or policy (a policy is layered on a license as additional terms)."""
    detail: str = ""
    """How the match was made, in a phrase (for notes and sources)."""

    @property
    def description(self) -> str:
        """The match in one sentence fragment, score included."""
        found = self.catalog_id or self.expression
        extra = f"; {self.detail}" if self.detail else ""
        return f"{found} by {self.detector} (score {self.score:.0f}{extra})"


@dataclass(frozen=True, slots=True)
class TextIdentification:
    """The result of reading one license text."""

    status: IdentificationStatus
    matches: tuple[LicenseMatch, ...] = ()
    detector: str | None = None
    """The detector used, with its version (``scancode-toolkit 32.5.0``)."""
    note: str = ""
    """Why the text is not identified, or what else was seen."""
    candidates: tuple[str, ...] = field(default_factory=tuple)
    """For an ambiguous text, the catalog ids that fit equally."""

    @property
    def expression(self) -> str | None:
        """The licenses found, combined with AND; None when nothing was identified."""
        licenses = [m.expression for m in self.matches if m.kind is EntryKind.LICENSE]
        if self.status is not IdentificationStatus.IDENTIFIED or not licenses:
            return None
        unique = list(dict.fromkeys(licenses))
        if len(unique) == 1:
            return unique[0]
        return " AND ".join(f"({e})" if " " in e else e for e in unique)

    @property
    def policies(self) -> tuple[LicenseMatch, ...]:
        """Catalog policies (acceptable-use policies ...) found in the text."""
        return tuple(m for m in self.matches if m.kind is EntryKind.POLICY)


@dataclass(frozen=True, slots=True)
class DetectorHit:
    """One detection as a detector reports it."""

    spdx_expression: str
    """The detection as an SPDX expression (``LicenseRef-scancode-<key>`` for others)."""
    key: str
    """The detector's own expression."""
    score: float
    """The lowest match score of the detection, 0-100."""
    unknown: bool = False
    """Whether the detector only saw license-like text it cannot name."""


class Detector(Protocol):
    """A license text detector osaid can use."""

    @property
    def name(self) -> str:
        """The detector and its version."""
        ...  # pragma: no cover - protocol

    def detect(self, text: str) -> list[DetectorHit]:
        """The detections in ``text``."""
        ...  # pragma: no cover - protocol

    def knows(self, key: str) -> bool:
        """Whether the detector has a license with this key."""
        ...  # pragma: no cover - protocol


# ---------------------------------------------------------------------------- ScanCode


@contextmanager
def _tolerate_hookless_specs() -> Iterator[None]:
    """Let ScanCode 32.x import under pluggy 1.6 and newer.

    On import, ScanCode's ``plugincode`` registers a module without hook specifications,
    which pluggy 1.6 refuses with ``ValueError``; pytest needs pluggy 1.6. While
    ``licensedcode`` is imported, that one refusal is ignored; the method is restored after.
    """
    try:
        import pluggy  # noqa: PLC0415 - a dependency of the extra
    except ImportError:  # pragma: no cover - then licensedcode cannot import either
        yield
        return
    original = pluggy.PluginManager.add_hookspecs

    def add_hookspecs(self: Any, module_or_class: Any) -> None:
        try:
            original(self, module_or_class)
        except ValueError as exc:
            if "did not find any" not in str(exc):
                raise

    pluggy.PluginManager.add_hookspecs = add_hookspecs  # type: ignore[method-assign]
    try:
        yield
    finally:
        pluggy.PluginManager.add_hookspecs = original  # type: ignore[method-assign]


class _ScanCode:
    """ScanCode's ``licensedcode``: its index is built on first use and then cached on disk."""

    def __init__(self) -> None:
        with warnings.catch_warnings(), _tolerate_hookless_specs():
            warnings.simplefilter("ignore")
            from licensedcode import cache as sc_cache  # noqa: PLC0415 - optional extra
            from licensedcode.detection import detect_licenses  # noqa: PLC0415
            from scancode_config import __version__ as sc_version  # noqa: PLC0415

            self._index: Any = sc_cache.get_index()
            self._db: Any = sc_cache.get_licenses_db()
        self._detect: Callable[..., Iterable[Any]] = detect_licenses
        self.name = f"scancode-toolkit {sc_version}"

    def knows(self, key: str) -> bool:
        return key in self._db

    def _unknown(self, key: str) -> bool:
        found = self._db.get(key)
        return found is None or bool(getattr(found, "is_unknown", False)) or key in _VAGUE

    def _hit(self, expression: str, spdx: str, score: float) -> DetectorHit:
        keys = re.findall(r"[a-z0-9][a-z0-9.+\-_]*", expression.lower())
        keys = [k for k in keys if k not in {"and", "or", "with"}]
        unknown = not keys or all(self._unknown(k) for k in keys)
        return DetectorHit(spdx or expression, expression, round(score, 1), unknown)

    def detect(self, text: str) -> list[DetectorHit]:
        hits: list[DetectorHit] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            detections = list(self._detect(index=self._index, query_string=text))
        for detection in detections:
            matches = list(detection.matches or ())
            scores = [float(m.score()) for m in matches]
            if scores and min(scores) < DETECTOR_MIN_SCORE <= max(scores):
                # a strong match grouped with a weak one (a policy pasted below a license):
                # judge each match on its own
                for match, score in zip(matches, scores, strict=True):
                    spdx = match.rule.spdx_license_expression
                    spdx = spdx() if callable(spdx) else spdx
                    hits.append(self._hit(str(match.rule.license_expression), str(spdx), score))
                continue
            expression = str(detection.license_expression or "")
            spdx = str(detection.license_expression_spdx or expression)
            hits.append(self._hit(expression, spdx, min(scores, default=0.0)))
        return hits


_VAGUE = frozenset(
    {
        "proprietary-license",
        "commercial-license",
        "other-permissive",
        "other-copyleft",
        "free-unknown",
    }
)

_NO_DETECTOR_ENV: Final = "OSAID_LICENSE_DETECTOR"


@cache
def _load_scancode() -> Detector | None:
    try:
        return _ScanCode()
    except ImportError:
        return None


def default_detector() -> Detector | None:
    """The installed detector (ScanCode), or None without the extra.

    Set the environment variable ``OSAID_LICENSE_DETECTOR=none`` to read no license text
    even where the extra is installed (license files are then noted, not identified).
    """
    if os.environ.get(_NO_DETECTOR_ENV, "").strip().lower() in {"none", "off", "0"}:
        return None
    return _load_scancode()


# ---------------------------------------------------------------------- catalog phrases

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u2010": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
_MARKUP = re.compile(r"<[^>\n]{0,200}>|[*_`#>]+")
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Fold a text for phrase matching: case, quotes, dashes, markup and blanks do not matter."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    folded = _MARKUP.sub(" ", folded)
    return _SPACE.sub(" ", folded).strip().casefold()


@dataclass(frozen=True, slots=True)
class _Candidate:
    entry: CatalogEntry
    version: str
    found: int
    total: int
    longest: int
    named: bool

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def rank(self) -> tuple[float, bool, int]:
        return (self.share, self.named, self.found)


def _named(text: str, names: Iterable[str]) -> bool:
    for name in names:
        folded = normalise_text(name)
        if len(folded) >= 8 and re.search(rf"(?<![\w.]){re.escape(folded)}(?![\w.]*\d)", text):
            return True
    return False


def _phrase_candidates(
    text: str, catalog: LicenseCatalog, exclude: Callable[[CatalogEntry], bool] | None
) -> list[_Candidate]:
    folded = normalise_text(text)
    candidates: list[_Candidate] = []
    for entry in catalog.values():
        if exclude is not None and exclude(entry):
            continue
        names = [entry.name, *entry.aliases]
        for version in entry.versions:
            phrases = [normalise_text(c.quote) for c in version.clauses if c.quote]
            phrases = [p for p in dict.fromkeys(phrases) if p]
            found = [p for p in phrases if p in folded]
            if not found:
                continue
            candidate = _Candidate(
                entry,
                version.version,
                len(found),
                len(phrases),
                max(len(p) for p in found),
                _named(folded, [*names, version.title]),
            )
            if candidate.share >= PHRASE_THRESHOLD and candidate.longest >= _MIN_PHRASE_CHARS:
                candidates.append(candidate)
    # one candidate per entry: its best version
    best: dict[str, _Candidate] = {}
    for candidate in candidates:
        kept = best.get(candidate.entry.id)
        if kept is None or candidate.rank > kept.rank:
            best[candidate.entry.id] = candidate
    return sorted(best.values(), key=lambda c: (c.rank, c.entry.id), reverse=True)


def _phrase_match(c: _Candidate) -> LicenseMatch:
    return LicenseMatch(
        expression=c.entry.licenseref,
        detector="catalog-phrases",
        key=c.entry.id,
        score=round(100 * c.share, 1),
        catalog_id=c.entry.id,
        version=c.version,
        kind=c.entry.kind,
        detail=(
            f"{c.found} of {c.total} recorded phrases of version {c.version} found"
            + (", and its name" if c.named else "")
            + f"; threshold {100 * PHRASE_THRESHOLD:.0f}"
        ),
    )


def match_catalog_phrases(
    text: str,
    *,
    catalog: LicenseCatalog | None = None,
    exclude: Callable[[CatalogEntry], bool] | None = None,
) -> list[LicenseMatch]:
    """Catalog entries whose recorded phrases occur in ``text``, best first.

    A version's score is the share of its recorded phrases (clause quotes) found in the
    folded text; an entry is ranked by its best version, then by whether the text names
    it. Versions below :data:`PHRASE_THRESHOLD`, or whose matched phrases are all shorter
    than 40 characters, are left out. Entries for which ``exclude`` is true (the ones a
    detector knows) are not considered.
    """
    catalog = default_catalog() if catalog is None else catalog
    return [_phrase_match(c) for c in _phrase_candidates(text, catalog, exclude)]


# ------------------------------------------------------------------------ identification


def _catalog_expression(spdx: str, catalog: LicenseCatalog) -> tuple[str, list[str]]:
    """Rewrite ``LicenseRef-scancode-<key>`` ids that the catalog knows as catalog refs."""
    entries: list[str] = []

    def swap(match: re.Match[str]) -> str:
        entry = catalog.lookup(match.group(0))
        if entry is None:
            # a key SPDX has listed since the detector's release (OpenMDW-1.0 ...)
            found = resolve_license(match.group(0).removeprefix("LicenseRef-scancode-"))
            if found.kind is ResolutionKind.SPDX and found.expression:
                return found.expression
            return match.group(0)
        entries.append(entry.id)
        return entry.licenseref

    rewritten = re.sub(r"LicenseRef-scancode-[A-Za-z0-9.\-+]+", swap, spdx)
    for token in re.findall(r"[A-Za-z0-9.\-+]+", rewritten):
        if token.upper() in {"AND", "OR", "WITH"} or token.startswith("LicenseRef-"):
            continue
        entry = catalog.for_spdx(token) or catalog.family_for_spdx(token)
        if entry is not None:
            entries.append(entry.id)
    return rewritten, entries


def _from_hits(hits: Sequence[DetectorHit], catalog: LicenseCatalog) -> list[LicenseMatch]:
    matches: list[LicenseMatch] = []
    for hit in hits:
        if hit.unknown or hit.score < DETECTOR_MIN_SCORE:
            continue
        expression, entries = _catalog_expression(hit.spdx_expression, catalog)
        try:
            expression = parse_expression(expression).normalized
        except InvalidLicenseExpression:
            continue
        entry = catalog.get(entries[0]) if len(entries) == 1 else None
        kind = (
            entry.kind
            if entry is not None and expression == entry.licenseref
            else (EntryKind.LICENSE)
        )
        matches.append(
            LicenseMatch(
                expression=expression,
                detector="scancode",
                key=hit.key,
                score=hit.score,
                catalog_id=entry.id if entry is not None else None,
                kind=kind,
                detail=f"ScanCode key {hit.key}; threshold {DETECTOR_MIN_SCORE:.0f}",
            )
        )
    return matches


def _detector_knows(detector: Detector) -> Callable[[CatalogEntry], bool]:
    def knows(entry: CatalogEntry) -> bool:
        return any(detector.knows(key) for key in entry.scancode_keys)

    return knows


def identify_license_text(
    text: str,
    *,
    detector: Detector | str | None = "default",
    catalog: LicenseCatalog | None = None,
) -> TextIdentification:
    """Identify the license (or policy) a text carries.

    :param detector: the detector to use; ``"default"`` picks the installed one
        (:func:`default_detector`), None reads nothing.
    """
    catalog = default_catalog() if catalog is None else catalog
    chosen = default_detector() if detector == "default" else detector
    if isinstance(chosen, str):
        msg = f"unknown detector {chosen!r}"
        raise ValueError(msg)
    if chosen is None:
        return TextIdentification(
            IdentificationStatus.NO_DETECTOR,
            note="no license detector is installed (pip install 'osaid[licensetext]')",
        )
    cut = ""
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        cut = f"; only the first {MAX_TEXT_CHARS:,} characters were read"
    hits = chosen.detect(text)
    found = _from_hits(hits, catalog)
    weak = [h for h in hits if h.unknown or h.score < DETECTOR_MIN_SCORE]
    candidates = _phrase_candidates(text, catalog, _detector_knows(chosen))
    extra = ""
    if found:
        # the detector named the license; phrases only add a policy pasted beside it
        policies = [c for c in candidates if c.entry.kind is EntryKind.POLICY]
        if policies:
            tied = [c for c in policies[1:] if c.rank == policies[0].rank]
            if tied:
                names = ", ".join(c.entry.id for c in [policies[0], *tied])
                extra = f"; a policy is pasted in, but the phrases of {names} fit equally well"
            else:
                found.append(_phrase_match(policies[0]))
    elif candidates:
        best = candidates[0]
        ties = [c for c in candidates[1:] if c.rank == best.rank]
        if ties:
            ids = tuple(c.entry.id for c in [best, *ties])
            return TextIdentification(
                IdentificationStatus.AMBIGUOUS,
                detector=chosen.name,
                note=f"the recorded phrases of {', '.join(ids)} fit equally well{cut}",
                candidates=ids,
            )
        found.append(_phrase_match(best))
    if found:
        left_out = ", ".join(f"{h.key} (score {h.score:.0f})" for h in weak)
        note = f"weaker detections left out: {left_out}" if weak else ""
        return TextIdentification(
            IdentificationStatus.IDENTIFIED,
            tuple(found),
            detector=chosen.name,
            note=(note + extra + cut).lstrip("; "),
        )
    if weak:
        parts = ", ".join(f"{h.key} (score {h.score:.0f})" for h in weak)
        note = f"only weak or unnamed detections: {parts}{cut}"
    else:
        note = f"no license text found{cut}"
    return TextIdentification(IdentificationStatus.NOT_RECOGNISED, detector=chosen.name, note=note)
