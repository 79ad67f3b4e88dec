"""The catalog of custom AI licenses and policies, clause by clause.

SPDX has identifiers for few AI model licenses. osaid's catalog holds the others (and
the SPDX-listed ones whose clauses matter, such as ``CC-BY-NC-4.0``) as
:class:`CatalogEntry` records: names and aliases as users write them, each published
version of the text with its date and primary source, and the typed :class:`Clause`
list that license analysis judges. A version may incorporate policies (an acceptable-use
policy) that are catalog entries of their own.

The catalog ships as JSON files inside the package and is validated when first used.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Annotated, Final

from pydantic import StringConstraints, ValidationError, model_validator

from osaid._model import Model, NonEmptyStr, ShortText
from osaid.errors import UnknownLicenseError
from osaid.licensing.clauses import Clause, Material
from osaid.licensing.spdx import spdx_license
from osaid.sources import PartialDate, Source

__all__ = [
    "CATALOG_VERSION",
    "CatalogEntry",
    "ClauseInForce",
    "EntryKind",
    "LicenseCatalog",
    "LicenseVersion",
    "default_catalog",
]


def __dir__() -> list[str]:
    return __all__


CATALOG_VERSION: Final = "2026.12.01"
"""Version of the bundled catalog; changes whenever an entry or clause changes."""

CatalogId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=80)]
"""A catalog identifier: lower-case letters, digits, ``.`` and ``-`` (usable in ``LicenseRef-``)."""


class EntryKind(StrEnum):
    """Whether an entry is a license or a policy that licenses incorporate."""

    LICENSE = "license"
    POLICY = "policy"


class LicenseVersion(Model):
    """One published version of a license or policy text."""

    version: NonEmptyStr
    """The version label: a number, a date, or a date plus the commit it was read at."""
    date: PartialDate | None = None
    """When this text was published or took effect."""
    title: ShortText
    """The title the text carries."""
    url: NonEmptyStr
    """The primary source: where this text can be read."""
    clauses: tuple[Clause, ...] = ()
    """The clauses that matter for openness."""
    incorporates: tuple[CatalogId, ...] = ()
    """Catalog ids of policies this text incorporates (an acceptable-use policy ...)."""
    open_grant: tuple[Material, ...] = ()
    """Materials the text licenses plainly: free to use, study, modify and share for any
    purpose, with no condition beyond the clauses that bind them. The RAIL licenses grant
    their "Complementary Material" (code and documentation) this way, under an
    Apache-style grant, and keep the use restrictions for the Model. Where the policy
    accepts open terms that are not OSI-approved (parameters, data information), a
    component of such a material is accepted when no blocking clause binds it."""
    not_licensed: tuple[Material, ...] = ()
    """Materials the text says it does not license (BigCode OpenRAIL-M: "Explanatory
    documentation is not licensed under this license"). A component of such a material
    gets no terms from this text."""
    sources: tuple[Source, ...] = ()
    """Where the clause facts were checked."""
    note: ShortText | None = None
    """What distinguishes this version, or what could not be verified."""

    @model_validator(mode="after")
    def _materials_consistent(self) -> LicenseVersion:
        both = set(self.open_grant) & set(self.not_licensed)
        if both:
            names = ", ".join(sorted(m.value for m in both))
            msg = f"{names}: a material cannot be both openly granted and not licensed"
            raise ValueError(msg)
        if Material.ALL in self.not_licensed:
            msg = "not_licensed cannot be 'all': a text that licenses nothing is not a license"
            raise ValueError(msg)
        return self

    def grants_openly(self, material: Material) -> bool:
        """Whether the text licenses ``material`` plainly (see :attr:`open_grant`)."""
        return material in self.open_grant or Material.ALL in self.open_grant

    def licenses(self, material: Material) -> bool:
        """Whether the text licenses ``material`` at all (see :attr:`not_licensed`)."""
        return material not in self.not_licensed


class CatalogEntry(Model):
    """A license or policy, with every version osaid knows."""

    id: CatalogId
    """osaid's identifier, also usable as ``LicenseRef-<id>`` in an SPDX expression."""
    name: ShortText
    """The full name."""
    kind: EntryKind = EntryKind.LICENSE
    """License or policy."""
    summary: ShortText
    """What the terms amount to, in a sentence or two."""
    spdx_id: NonEmptyStr | None = None
    """The SPDX identifier, when SPDX lists the license."""
    scancode_keys: tuple[NonEmptyStr, ...] = ()
    """ScanCode LicenseDB keys (``LicenseRef-scancode-<key>`` also resolves here)."""
    hf_ids: tuple[NonEmptyStr, ...] = ()
    """Hugging Face ``license:`` (or ``license_name:``) values for these terms."""
    aliases: tuple[NonEmptyStr, ...] = ()
    """Other names users write for these terms."""
    versions: tuple[LicenseVersion, ...]
    """Every version osaid knows, oldest first."""
    default_version: NonEmptyStr | None = None
    """The version judged when a release does not say (default: the newest)."""

    @model_validator(mode="after")
    def _consistent(self) -> CatalogEntry:
        if not self.versions:
            msg = "an entry needs at least one version"
            raise ValueError(msg)
        labels = [v.version for v in self.versions]
        if len(set(labels)) != len(labels):
            msg = f"duplicate version labels in {labels}"
            raise ValueError(msg)
        if self.default_version is not None and self.default_version not in labels:
            msg = f"default_version {self.default_version!r} is not one of {labels}"
            raise ValueError(msg)
        if self.spdx_id is not None:
            found = spdx_license(self.spdx_id)
            if found is None or found.id != self.spdx_id:
                msg = f"spdx_id {self.spdx_id!r} is not an SPDX identifier as SPDX spells it"
                raise ValueError(msg)
        return self

    @property
    def licenseref(self) -> str:
        """The ``LicenseRef-`` spelling of this entry in SPDX expressions."""
        return f"LicenseRef-{self.id}"

    @property
    def latest(self) -> LicenseVersion:
        """The version judged when none is named."""
        if self.default_version is not None:
            return self.text(self.default_version)
        return self.versions[-1]

    def text(self, version: str) -> LicenseVersion:
        """The version labelled ``version``.

        :raises UnknownLicenseError: if the entry has no such version.
        """
        for candidate in self.versions:
            if candidate.version == version:
                return candidate
        labels = [v.version for v in self.versions]
        raise UnknownLicenseError(f"{self.id}@{version}", [f"{self.id}@{v}" for v in labels])

    def find_version(self, version: str | None) -> LicenseVersion | None:
        """The version labelled ``version`` (or dated so), None if there is none."""
        if version is None:
            return self.latest
        wanted = version.strip().lower()
        for candidate in self.versions:
            if wanted in {candidate.version.lower(), (candidate.date or "").lower()}:
                return candidate
        return None


@dataclass(frozen=True, slots=True)
class ClauseInForce:
    """A clause together with the text it comes from."""

    entry: CatalogEntry
    version: LicenseVersion
    clause: Clause


_CC_FAMILY = re.compile(r"^CC-BY-(NC|ND|NC-SA|NC-ND)-\d")


def _key(text: str) -> str:
    """Fold a name for lookup: case, blanks, ``_`` and ``-`` do not matter."""
    return re.sub(r"[\s_\-]+", "-", text.strip().lower())


class LicenseCatalog(Mapping[str, CatalogEntry]):
    """A validated, read-only set of catalog entries with lookup by any of their names."""

    def __init__(self, entries: tuple[CatalogEntry, ...], *, version: str) -> None:
        self.version = version
        self._entries: dict[str, CatalogEntry] = {}
        self._names: dict[str, CatalogEntry] = {}
        for entry in sorted(entries, key=lambda e: e.id):
            if entry.id in self._entries:
                msg = f"duplicate catalog id {entry.id!r}"
                raise ValueError(msg)
            self._entries[entry.id] = entry
        for entry in self._entries.values():
            names = [entry.id, entry.licenseref, *entry.hf_ids, *entry.aliases]
            names += [f"LicenseRef-scancode-{key}" for key in entry.scancode_keys]
            names += list(entry.scancode_keys)
            if entry.spdx_id is not None:
                names.append(entry.spdx_id)
            for name in names:
                key = _key(name)
                other = self._names.get(key)
                if other is not None and other.id != entry.id:
                    msg = f"name {name!r} is claimed by both {other.id!r} and {entry.id!r}"
                    raise ValueError(msg)
                self._names[key] = entry
            for text in entry.versions:
                for ref in text.incorporates:
                    if ref not in self._entries:
                        msg = f"{entry.id}@{text.version} incorporates unknown {ref!r}"
                        raise ValueError(msg)
        canonical = json.dumps(
            [e.model_dump(mode="json") for e in self._entries.values()], sort_keys=True
        )
        self.digest = hashlib.sha256(canonical.encode()).hexdigest()
        """SHA-256 of the catalog's content, stamped in every assessment."""

    def __getitem__(self, key: str) -> CatalogEntry:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def get_entry(self, identifier: str) -> CatalogEntry:
        """The entry with id (or any name) ``identifier``.

        :raises UnknownLicenseError: naming the closest ids when there is no such entry.
        """
        found = self.lookup(identifier)
        if found is None:
            close = difflib.get_close_matches(identifier.lower(), list(self._entries), n=3)
            raise UnknownLicenseError(identifier, close)
        return found

    def lookup(self, name: str) -> CatalogEntry | None:
        """The entry one of whose names equals ``name``, else None.

        Names are the id, the ``LicenseRef-`` form, ScanCode keys, HF ids, aliases and the
        SPDX id; case, blanks, ``_`` and ``-`` do not matter.
        """
        return self._names.get(_key(name))

    def for_spdx(self, identifier: str) -> CatalogEntry | None:
        """The entry describing the SPDX license ``identifier``, if the catalog has one."""
        found = self.lookup(identifier)
        return found if found is not None and found.spdx_id is not None else None

    def family_for_spdx(self, identifier: str) -> CatalogEntry | None:
        """The entry that stands for an SPDX license of a catalogued family.

        Creative Commons NonCommercial and NoDerivatives licenses of earlier versions and
        ports (``CC-BY-NC-3.0``, ``CC-BY-NC-SA-2.0-UK`` ...) carry the same restriction as
        their 4.0 version, which the catalog holds clause by clause.
        """
        match = _CC_FAMILY.match(identifier)
        if match is None:
            return None
        found = self.lookup(f"CC-BY-{match.group(1)}-4.0")
        return found if found is not None and found.spdx_id is not None else None

    def clauses(self, entry: CatalogEntry, version: LicenseVersion) -> tuple[ClauseInForce, ...]:
        """The clauses of ``version``, followed by those of every policy it incorporates."""
        out: list[ClauseInForce] = []
        seen: set[str] = set()

        def walk(item: CatalogEntry, text: LicenseVersion) -> None:
            if item.id in seen:
                return
            seen.add(item.id)
            out.extend(ClauseInForce(item, text, clause) for clause in text.clauses)
            for ref in text.incorporates:
                policy = self._entries[ref]
                walk(policy, policy.latest)

        walk(entry, version)
        return tuple(out)


@cache
def default_catalog() -> LicenseCatalog:
    """The catalog bundled with osaid, loaded and validated once."""
    folder = resources.files("osaid") / "data" / "licenses"
    entries: list[CatalogEntry] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".json"):
            continue
        try:
            entries.append(CatalogEntry.model_validate_json(item.read_text(encoding="utf-8")))
        except ValidationError as exc:  # a packaging defect, not user input
            msg = f"bundled catalog entry {item.name} is invalid:\n{exc}"
            raise RuntimeError(msg) from exc
    return LicenseCatalog(tuple(entries), version=CATALOG_VERSION)
