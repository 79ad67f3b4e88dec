"""Resolve what people write for a license to an SPDX expression or a catalog entry.

Publishers name licenses every which way: ``Apache 2.0``, ``apache-2.0``, ``MIT license``,
``Llama 2 Community License``, ``LicenseRef-scancode-llama-2-license-2023``, a Hugging
Face ``license:`` id such as ``llama3.1`` or ``other`` with a ``license_name``.
:func:`resolve_license` maps such a string to something osaid can judge:

- an SPDX expression (identifiers in any case; a name with blanks where SPDX has hyphens;
  a license's full SPDX name; a few spellings recorded in :data:`SPELLINGS`);
- a catalog entry (by id, ``LicenseRef-``, ScanCode key, Hugging Face id or alias);
- ``NONE`` (the string says there is no license) or ``NOASSERTION`` (it says nothing).

A string that matches none of these stays raw and is judged unknown: osaid never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Final

from osaid.errors import InvalidLicenseExpression
from osaid.licensing.catalog import CatalogEntry, LicenseCatalog, default_catalog
from osaid.licensing.expressions import MAX_EXPRESSION_LENGTH, parse_expression
from osaid.licensing.spdx import spdx_table

__all__ = [
    "NOT_STATED",
    "NO_LICENSE",
    "SPELLINGS",
    "Resolution",
    "ResolutionKind",
    "resolve_hf_license",
    "resolve_license",
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

    ``license_name`` and ``license_link`` are read when the id is ``other`` (or absent).

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
    return resolve_license(license_id, catalog=catalog)
