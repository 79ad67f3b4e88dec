"""Resolve what people write for a license to an SPDX expression or a catalog entry.

Publishers name licenses every which way: ``Apache 2.0``, ``apache-2.0``, ``MIT license``,
``Llama 2 Community License``, ``LicenseRef-scancode-llama-2-license-2023``, a Hugging
Face ``license:`` id such as ``llama3.1`` or ``other`` with a ``license_name``.
:func:`resolve_license` maps such a string to something osaid can judge:

- an SPDX expression (identifiers in any case; a name with blanks where SPDX has hyphens;
  a license's full SPDX name; a few spellings recorded in :data:`SPELLINGS`);
- a catalog entry (by id, ``LicenseRef-``, ScanCode key, Hugging Face id or alias);
- ``NONE`` (the string says there is no license) or ``NOASSERTION`` (it says nothing);
- a license by the URL of its text (:func:`resolve_license_url`): an SPDX, OSI, Creative
  Commons or Apache page, or the canonical location of a catalog entry's text (a Hugging
  Face ``license_link``), whatever the revision, ``blob`` / ``resolve`` / ``raw`` form or
  scheme.

A string that matches none of these stays raw and is judged unknown: osaid never guesses.
The Hugging Face Hub's own license table is restated in :func:`hub_licenses`; each of its
ids resolves, or is recorded as deliberately unknown with the reason (``bsd``: a family
of licenses, not one license).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Final
from urllib.parse import unquote, urlsplit

from osaid.errors import InvalidLicenseExpression
from osaid.licensing.catalog import CatalogEntry, LicenseCatalog, default_catalog
from osaid.licensing.expressions import MAX_EXPRESSION_LENGTH, parse_expression
from osaid.licensing.spdx import spdx_table

__all__ = [
    "NOT_STATED",
    "NO_LICENSE",
    "SPELLINGS",
    "HubLicense",
    "HubLicenseTable",
    "Resolution",
    "ResolutionKind",
    "hub_licenses",
    "license_url_key",
    "resolve_hf_license",
    "resolve_license",
    "resolve_license_url",
]


def __dir__() -> list[str]:
    return __all__


class ResolutionKind(StrEnum):
    """What a license string resolved to."""

    SPDX = "spdx"
    """A valid SPDX expression."""
    CATALOG = "catalog"
    """An entry of osaid's license catalog."""
    NO_LICENSE = "no-license"
    """The string says there is no license (``NONE``)."""
    NOT_STATED = "not-stated"
    """The string says nothing about the license (``NOASSERTION``)."""
    UNKNOWN = "unknown"
    """Nothing osaid knows."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving a license string."""

    raw: str
    """The string as given."""
    kind: ResolutionKind
    expression: str | None = None
    """What to use as :attr:`LicenseTerms.expression`: an SPDX expression, the entry's
    ``LicenseRef-``, ``NONE`` or ``NOASSERTION``; None when unknown."""
    entry: CatalogEntry | None = None
    """The catalog entry, when the string names one."""
    how: str = ""
    """How the string was matched, for the record."""
    version: str | None = None
    """The version of the catalog entry the string pins, when it does (a license URL at
    the revision of one published text)."""

    @property
    def known(self) -> bool:
        """Whether the string resolved to anything."""
        return self.kind is not ResolutionKind.UNKNOWN


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().strip("\"'`").lower()).strip()


NO_LICENSE: Final[frozenset[str]] = frozenset(
    _fold(s) for s in ("NONE", "unlicensed", "no license", "none", "all rights reserved")
)
"""Strings that say there is no license at all (MOT writes ``unlicensed``)."""

NOT_STATED: Final[frozenset[str]] = frozenset(
    _fold(s)
    for s in (
        "",
        "NOASSERTION",
        "unknown",
        "undisclosed",
        "not specified",
        "unspecified",
        "not stated",
        "n/a",
        "na",
        "tbd",
        "-",
    )
)
"""Strings that say nothing about the license (HF writes ``unknown``)."""

SPELLINGS: Final[dict[str, str]] = {
    _fold(k): v
    for k, v in {
        "Apache 2": "Apache-2.0",
        "Apache v2": "Apache-2.0",
        "Apache License": "Apache-2.0",
        "Apache License, Version 2.0": "Apache-2.0",
        "Apache License Version 2.0": "Apache-2.0",
        "Apache Software License 2.0": "Apache-2.0",
        "ASL 2.0": "Apache-2.0",
        "MIT license": "MIT",
        "The MIT License": "MIT",
        "Expat": "MIT",
        "BSD-3": "BSD-3-Clause",
        "BSD 3": "BSD-3-Clause",
        "3-clause BSD": "BSD-3-Clause",
        "New BSD": "BSD-3-Clause",
        "BSD-2": "BSD-2-Clause",
        "2-clause BSD": "BSD-2-Clause",
        "Simplified BSD": "BSD-2-Clause",
        "GPLv2": "GPL-2.0-only",
        "GPLv3": "GPL-3.0-only",
        "LGPLv3": "LGPL-3.0-only",
        "AGPLv3": "AGPL-3.0-only",
        "MPL 2": "MPL-2.0",
        "CC0": "CC0-1.0",
        "CC BY": "CC-BY-4.0",
        "CC BY SA": "CC-BY-SA-4.0",
        "Public Domain Dedication CC0": "CC0-1.0",
        "odc-by": "ODC-By-1.0",
        "odbl": "ODbL-1.0",
        "pddl": "PDDL-1.0",
        "c-uda": "C-UDA-1.0",
        "lgpl-lr": "LGPLLR",
    }.items()
}
"""Common non-SPDX spellings with exactly one SPDX meaning.

Versionless names (``CC BY``, ``Apache License``) map to the version their issuers
publish as current; ambiguous families (``BSD``, ``GPL``, ``CC``) are deliberately absent.
"""


@cache
def _by_name() -> dict[str, str]:
    """Every SPDX license's folded full name to its identifier."""
    return {_fold(row.name): row.id for row in spdx_table().by_id.values()}


_SUFFIX = re.compile(r"\s+(license|licence)(\s+agreement)?$")


def _spdx_candidates(text: str) -> list[str]:
    """Deterministic rewrites of ``text`` that may be an SPDX identifier."""
    folded = _fold(text)
    bare = _SUFFIX.sub("", folded)
    out = [text.strip()]
    for candidate in (folded, bare):
        out.append(candidate.replace(" ", "-"))
        out.append(re.sub(r"\s+(\d)", r"-\1", candidate).replace(" ", "-"))
    return list(dict.fromkeys(out))


def resolve_license(text: str, *, catalog: LicenseCatalog | None = None) -> Resolution:
    """Resolve a license string.

    Tries, in order: ``NONE`` / ``NOASSERTION`` sentinels; a catalog entry by any of its
    names; an SPDX expression; a known spelling; an SPDX license by its full name; the
    name with a trailing "license" dropped or blanks turned into hyphens.

    >>> resolve_license("apache-2.0").expression
    'Apache-2.0'
    >>> resolve_license("Apache 2.0").expression
    'Apache-2.0'
    >>> resolve_license("Grok 2 Community License").expression
    'LicenseRef-grok-2-community'
    >>> resolve_license("unlicensed").expression
    'NONE'
    >>> resolve_license("my own terms").kind
    <ResolutionKind.UNKNOWN: 'unknown'>
    """
    catalog = default_catalog() if catalog is None else catalog
    raw = text
    if len(text) > MAX_EXPRESSION_LENGTH:  # longer than any name or expression osaid reads
        return Resolution(raw, ResolutionKind.UNKNOWN, how="longer than any license osaid knows")
    stripped = text.strip().strip("\"'`").strip()
    if _URL.match(stripped):
        found = resolve_license_url(stripped, catalog=catalog)
        return Resolution(raw, found.kind, found.expression, found.entry, found.how, found.version)
    folded = _fold(stripped)
    if folded in NO_LICENSE:
        return Resolution(raw, ResolutionKind.NO_LICENSE, "NONE", how="says there is no license")
    if folded in NOT_STATED:
        return Resolution(raw, ResolutionKind.NOT_STATED, "NOASSERTION", how="says nothing")
    entry = catalog.lookup(stripped)
    if entry is not None:
        return _catalog(raw, entry, "catalog name")
    try:
        normalized = parse_expression(stripped).normalized
    except InvalidLicenseExpression:
        pass
    else:
        return _spdx_or_catalog(raw, normalized, "SPDX expression", catalog)
    spelled = SPELLINGS.get(folded) or SPELLINGS.get(_SUFFIX.sub("", folded))
    if spelled is not None:
        return _spdx_or_catalog(raw, spelled, "known spelling", catalog)
    named = _by_name().get(folded)
    if named is not None:
        return _spdx_or_catalog(raw, named, "SPDX license name", catalog)
    for candidate in _spdx_candidates(stripped)[1:]:
        row = spdx_table().by_id.get(candidate.lower())
        if row is not None:
            return _spdx_or_catalog(raw, row.id, "SPDX identifier written with blanks", catalog)
        entry = catalog.lookup(candidate)
        if entry is not None:
            return _catalog(raw, entry, "catalog name")
    hub = hub_licenses().get(stripped)
    if hub is not None and hub.unknown is not None:
        return Resolution(raw, ResolutionKind.UNKNOWN, how=f"Hugging Face id: {hub.unknown}")
    return Resolution(raw, ResolutionKind.UNKNOWN, how="no SPDX identifier, name or catalog entry")


def _catalog(raw: str, entry: CatalogEntry, how: str) -> Resolution:
    expression = entry.spdx_id or entry.licenseref
    kind = ResolutionKind.SPDX if entry.spdx_id else ResolutionKind.CATALOG
    return Resolution(raw, kind, expression, entry, how)


def _spdx_or_catalog(raw: str, expression: str, how: str, catalog: LicenseCatalog) -> Resolution:
    entry = catalog.for_spdx(expression) if " " not in expression else None
    return Resolution(raw, ResolutionKind.SPDX, expression, entry, how)


def resolve_hf_license(
    license_id: str | Sequence[str] | None,
    *,
    license_name: str | None = None,
    license_link: str | None = None,
    catalog: LicenseCatalog | None = None,
) -> Resolution:
    """Resolve a Hugging Face model card's ``license`` field.

    ``license_name`` is read when the id is ``other`` (or absent); ``license_link`` is
    read then too, and also beside an SPDX or catalog id: a link to the text of a license
    osaid knows resolves it, and a link to a different license than the id names makes
    both apply (``AND``: the card says two things, and osaid never reads the more open one
    alone). A relative link (``LICENSE``) names a file in the repository, not a license.

    A list of ids resolves to their ``AND``: a repository that names several licenses is
    taken to be under all of them (different files under different terms), which is the
    reading that never overstates the freedoms granted.

    >>> resolve_hf_license("llama3.1").expression
    'LicenseRef-llama-3.1'
    >>> resolve_hf_license(["apache-2.0", "mit"]).expression
    'Apache-2.0 AND MIT'
    >>> resolve_hf_license("other", license_name="grok2-community").expression
    'LicenseRef-grok-2-community'
    """
    catalog = default_catalog() if catalog is None else catalog
    if license_id is None or (isinstance(license_id, str) and not license_id.strip()):
        for candidate in (license_name, license_link):
            if candidate:
                found = resolve_license(candidate, catalog=catalog)
                if found.known:
                    return found
        if license_name:
            return resolve_license(license_name, catalog=catalog)
        return Resolution("", ResolutionKind.NOT_STATED, "NOASSERTION", how="no license key")
    if not isinstance(license_id, str):
        parts = [
            resolve_hf_license(item, license_name=license_name, license_link=license_link,
                               catalog=catalog)
            for item in license_id
        ]  # fmt: skip
        raw = ", ".join(p.raw for p in parts)
        if not parts:
            return Resolution(raw, ResolutionKind.NOT_STATED, "NOASSERTION", how="empty list")
        if any(not p.known or p.expression in {"NONE", "NOASSERTION"} for p in parts):
            return Resolution(raw, ResolutionKind.UNKNOWN, how="a listed license is unknown")
        expression = " AND ".join(
            f"({p.expression})" if " " in (p.expression or "") else str(p.expression) for p in parts
        )
        normalized = parse_expression(expression).normalized
        return Resolution(raw, ResolutionKind.SPDX, normalized, None, "list of licenses (AND)")
    if license_id.strip().lower() == "other":
        for candidate in (license_name, license_link):
            if candidate:
                found = resolve_license(candidate, catalog=catalog)
                if found.known:
                    return found
        raw = license_name or license_link or license_id
        return Resolution(raw, ResolutionKind.UNKNOWN, how="'other' with an unknown license_name")
    found = resolve_license(license_id, catalog=catalog)
    if not license_link or not _URL.match(license_link.strip()) or not found.known:
        return found
    linked = resolve_license_url(license_link, catalog=catalog)
    if not linked.known or linked.expression in {None, "NOASSERTION"}:
        return found
    if found.expression in {None, "NOASSERTION"}:  # ``unknown``: the link says what it is
        return Resolution(license_id, linked.kind, linked.expression, linked.entry,
                          f"license_link: {linked.how}", linked.version)  # fmt: skip
    if _same_license(found, linked):
        version = linked.version or found.version
        return Resolution(found.raw, found.kind, found.expression, found.entry, found.how, version)
    expression = parse_expression(f"({found.expression}) AND ({linked.expression})").normalized
    kind = ResolutionKind.CATALOG if found.entry or linked.entry else ResolutionKind.SPDX
    how = (
        f"the id names {found.expression} and license_link points at the text of "
        f"{linked.expression}; both are read as applying"
    )
    return Resolution(found.raw, kind, expression, found.entry or linked.entry, how)


def _same_license(one: Resolution, other: Resolution) -> bool:
    if one.expression == other.expression:
        return True
    return one.entry is not None and other.entry is not None and one.entry.id == other.entry.id


# --- licenses by the URL of their text ---------------------------------------------------

_URL = re.compile(r"(?i)https?://[^\s]+$")
_HOSTED = {"huggingface.co", "github.com"}
_REVISION_FORMS = {"blob", "resolve", "raw", "tree"}


def license_url_key(url: str) -> tuple[str, str | None] | None:
    """A URL as osaid compares license locations, and the revision it names (if any).

    Scheme, ``www.``, case, percent-escapes, a query, a fragment and trailing ``/`` or
    ``.`` do not matter; a Hugging Face or GitHub file is the same file in its ``blob``,
    ``resolve`` and ``raw`` forms (``raw.githubusercontent.com`` too) and at any revision,
    which is returned apart. None when ``url`` is not an http(s) URL.

    >>> license_url_key("https://huggingface.co/xai-org/grok-2/resolve/15248a4/LICENSE")
    ('huggingface.co/xai-org/grok-2/license', '15248a4')
    >>> license_url_key("http://www.apache.org/licenses/LICENSE-2.0/")
    ('apache.org/licenses/license-2.0', None)
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    host = parts.netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0].removeprefix("www.")
    path = unquote(parts.path).lower().rstrip("/.").rstrip("/")
    steps = [step for step in path.split("/") if step]
    revision = None
    if host == "raw.githubusercontent.com" and len(steps) >= 4:
        host = "github.com"
        if steps[2:4] == ["refs", "heads"] and len(steps) >= 6:
            revision, rest = steps[4], steps[5:]
        else:
            revision, rest = steps[2], steps[3:]
        steps = [*steps[:2], *rest]
    elif host in _HOSTED and len(steps) >= 4 and steps[2] in _REVISION_FORMS:
        revision = steps[3]
        steps = [*steps[:2], *steps[4:]]
    return "/".join([host, *steps]), revision


_SPDX_PAGE = re.compile(r"spdx\.org/licenses/([a-z0-9.+\-]+?)(?:\.html|\.json|\.txt)?")
_OSI_PAGE = re.compile(r"opensource\.org/licenses?/([a-z0-9.+\-]+?)(?:\.php|\.html)?")
_CHOOSE_PAGE = re.compile(r"choosealicense\.com/licenses/([a-z0-9.+\-]+)")
_CC_PAGE = re.compile(
    r"creativecommons\.org/licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/(\d\.\d)"
    r"(?:/([a-z]{2}))?(?:/legalcode(?:\.[a-z\-]+)?|/deed(?:\.[a-z\-]+)?)?"
)
_FIXED_PAGES: Final[dict[str, str]] = {
    "apache.org/licenses/license-2.0": "Apache-2.0",
    "apache.org/licenses/license-2.0.html": "Apache-2.0",
    "apache.org/licenses/license-2.0.txt": "Apache-2.0",
    "creativecommons.org/publicdomain/zero/1.0": "CC0-1.0",
    "creativecommons.org/publicdomain/zero/1.0/legalcode": "CC0-1.0",
    "opendatacommons.org/licenses/by/1-0": "ODC-By-1.0",
    "opendatacommons.org/licenses/by/1.0": "ODC-By-1.0",
    "opendatacommons.org/licenses/odbl/1-0": "ODbL-1.0",
    "opendatacommons.org/licenses/odbl/1.0": "ODbL-1.0",
    "opendatacommons.org/licenses/pddl/1-0": "PDDL-1.0",
    "opendatacommons.org/licenses/pddl/1.0": "PDDL-1.0",
    "cdla.dev/permissive-1-0": "CDLA-Permissive-1.0",
    "cdla.dev/permissive-2-0": "CDLA-Permissive-2.0",
    "cdla.dev/sharing-1-0": "CDLA-Sharing-1.0",
    "ai.google.dev/gemma/apache_2": "Apache-2.0",
}
"""Canonical pages of SPDX-listed licenses that are not named after their identifier."""


_URL_INDEX = "_osaid_url_index"
_FLOATING = frozenset({"main", "master", "head"})
"""Revision names that follow the newest text: a URL at such a revision (or at none)
matches a catalog location given at such a revision (or at none)."""

_UrlIndex = dict[tuple[str, str | None], tuple[CatalogEntry, str | None]]


def _floating(revision: str | None) -> str | None:
    return None if revision is None or revision in _FLOATING else revision


def _catalog_urls(catalog: LicenseCatalog) -> _UrlIndex:
    """Every catalog text location, folded, to its entry (and version, when pinned).

    Built once per catalog and kept on it (a catalog is read-only).
    """
    built: _UrlIndex | None = vars(catalog).get(_URL_INDEX)
    if built is None:
        built = _build_url_index(catalog)
        vars(catalog)[_URL_INDEX] = built
    return built


def _build_url_index(catalog: LicenseCatalog) -> _UrlIndex:
    """The URL index of a catalog.

    Locations at a pinned revision match only that revision (the file at that commit);
    locations at ``main`` or none match any URL of the file that follows the newest text.
    A location two entries claim (one file, two licenses over time) decides nothing.
    """
    index: _UrlIndex = {}
    clashes: set[tuple[str, str | None]] = set()
    for entry in catalog.values():
        located: list[tuple[str, str | None]] = [(url, None) for url in entry.urls]
        located += [(text.url, text.version) for text in entry.versions]
        for url, version in located:
            found = license_url_key(url)
            if found is None:
                continue
            key = (found[0], _floating(found[1]))
            pinned = version if key[1] is not None else None
            held = index.get(key)
            if held is not None and held[0].id != entry.id:
                clashes.add(key)
                continue
            if held is None or (held[1] is None and pinned is not None):
                index[key] = (entry, pinned)
    for key in clashes:
        index.pop(key, None)
    return index


def resolve_license_url(url: str, *, catalog: LicenseCatalog | None = None) -> Resolution:
    """Resolve the URL of a license text: a ``license_link``, a CycloneDX ``license.url``.

    Known are the SPDX License List pages (``spdx.org/licenses/MIT``), OSI pages of an
    SPDX identifier, Creative Commons, Apache and Open Data Commons pages, and the
    locations of catalog texts (each version's URL and the entry's ``urls``, such as the
    ``license_link`` values of real model cards). A URL at the revision of one catalog
    version pins that version. Anything else is unknown: a repository's own ``LICENSE``
    file says nothing until its text is read.

    >>> resolve_license_url("https://huggingface.co/xai-org/grok-2/blob/main/LICENSE").expression
    'LicenseRef-grok-2-community'
    >>> resolve_license_url("https://spdx.org/licenses/MIT.html").expression
    'MIT'
    """
    catalog = default_catalog() if catalog is None else catalog
    found = license_url_key(url)
    if found is None:
        return Resolution(url, ResolutionKind.UNKNOWN, how="not an http(s) URL")
    key, revision = found
    index = _catalog_urls(catalog)
    held = index.get((key, _floating(revision))) or index.get((key, None))
    if held is not None:
        entry, version = held
        resolved = _catalog(url, entry, "URL of a catalog text")
        return Resolution(url, resolved.kind, resolved.expression, entry, resolved.how, version)
    hub = _hub_by_url().get(key)
    if hub is not None and hub.unknown is not None:
        return Resolution(
            url, ResolutionKind.UNKNOWN, how=f"Hugging Face id {hub.id}: {hub.unknown}"
        )
    ident = _FIXED_PAGES.get(key)
    if ident is None:
        cc = _CC_PAGE.fullmatch(key)
        if cc is not None:
            ident = f"CC-{cc.group(1).upper()}-{cc.group(2)}"
            ported = f"{ident}-{cc.group(3).upper()}" if cc.group(3) else None
            if ported is not None and ported.lower() in spdx_table().by_id:
                ident = ported  # a ported text the SPDX list names (CC-BY-3.0-DE)
        else:
            for page in (_SPDX_PAGE, _OSI_PAGE, _CHOOSE_PAGE):
                match = page.fullmatch(key)
                if match is not None:
                    ident = match.group(1)
                    break
    row = spdx_table().by_id.get(ident.lower()) if ident else None
    if row is None:
        return Resolution(url, ResolutionKind.UNKNOWN, how="not the URL of a license osaid knows")
    return _spdx_or_catalog(url, row.id, "URL of an SPDX-listed license", catalog)


# --- the Hugging Face Hub's license table --------------------------------------------------


@dataclass(frozen=True, slots=True)
class HubLicense:
    """One row of the Hugging Face Hub's license table, with osaid's reading of it."""

    id: str
    """The ``license:`` value a card uses."""
    name: str
    """The full name the Hub gives it."""
    url: str | None
    """Where the Hub says the text is (the table's ``license:`` note), if it says."""
    expression: str | None
    """What osaid resolves the id to (an SPDX expression, a ``LicenseRef-``, or
    ``NOASSERTION``); None when deliberately unknown."""
    unknown: str | None
    """Why osaid does not resolve the id, when it does not."""


@dataclass(frozen=True, slots=True)
class HubLicenseTable:
    """The Hub's license table as osaid restates it (``data/hub-licenses.json``)."""

    rows: tuple[HubLicense, ...]
    source: str
    """Where the table was read: repository, path, commit and date."""
    note: str

    def get(self, license_id: str) -> HubLicense | None:
        """The row for ``license_id`` (case and blanks do not matter), None if absent."""
        return self._index().get(license_id.strip().lower())

    def _index(self) -> dict[str, HubLicense]:
        return _hub_index(self)

    def __iter__(self) -> Iterator[HubLicense]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


@cache
def _hub_index(table: HubLicenseTable) -> dict[str, HubLicense]:
    return {row.id.lower(): row for row in table.rows}


@cache
def hub_licenses() -> HubLicenseTable:
    """The Hugging Face Hub's license table, restated as package data with its source.

    Every row says what osaid resolves the id to, or why it deliberately does not; the
    test suite walks the table and checks each row against :func:`resolve_hf_license`.
    """
    item = resources.files("osaid") / "data" / "hub-licenses.json"
    data = json.loads(item.read_text(encoding="utf-8"))
    rows = tuple(
        HubLicense(
            id=row["id"],
            name=row["name"],
            url=row.get("url"),
            expression=row.get("expression"),
            unknown=row.get("unknown"),
        )
        for row in data["licenses"]
    )
    return HubLicenseTable(rows=rows, source=data["source"], note=data["note"])


@cache
def _hub_by_url() -> dict[str, HubLicense]:
    out: dict[str, HubLicense] = {}
    for row in hub_licenses().rows:
        if row.url:
            found = license_url_key(row.url)
            if found is not None:
                out.setdefault(found[0], row)
    return out
