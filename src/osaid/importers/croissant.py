"""Croissant dataset metadata (MLCommons, JSON-LD) as a source of data information.

A Croissant file describes one dataset: its license, where its files are
(``distribution``), and, with the Responsible AI vocabulary (``rai:``), how the data was
collected, annotated and processed, its biases and the personal information it holds.
osaid reads the files a release points at (:attr:`ModelRelease.croissant`) or a
repository holds, and maps them onto the release:

- each file becomes a training dataset (name, license, locations, data class);
- the files together are a data card, under their ``sdLicense`` (the license of the
  metadata itself) or, where none is stated, the dataset's own license;
- each OSAID data-information element is disclosed when *every* Croissant file carries a
  field for it (:data:`ELEMENT_FIELDS`) and the release lists no other training dataset;
  the disclosure cites the file and the field. A file without the field leaves the
  element not stated, never "not disclosed".

Facts the release declares itself take precedence: a disclosure it states is kept, and a
dataset it lists by the same name is kept.

Keys are read whether they are written compact (``license``), prefixed (``sc:license``,
``rai:dataCollection``) or as full IRIs, following the document's ``@context``; older
files that put the RAI terms under the ``cr:`` namespace are read the same way. No
JSON-LD processor is needed, and nothing is fetched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from osaid.errors import InputProblem, InvalidReleaseError
from osaid.importers._common import Notes, bad_input
from osaid.licensing.names import ResolutionKind, resolve_license, resolve_license_url
from osaid.licensing.spdx import is_open_data_license, is_osi_approved
from osaid.release import (
    Availability,
    Component,
    ComponentKind,
    DataClass,
    DataElement,
    Disclosure,
    DisclosureState,
    LicenseTerms,
    ModelRelease,
    NoteKind,
    TrainingDataset,
)
from osaid.release.validation import read_document
from osaid.sources import Confidence, Source

__all__ = [
    "ELEMENT_FIELDS",
    "FORMAT",
    "CroissantDataset",
    "apply_croissant",
    "load_croissant",
    "read_croissant",
    "resolve_croissant",
    "with_croissant",
]


def __dir__() -> list[str]:
    return __all__


FORMAT: Final = "croissant"

_NAMESPACES: Final = {
    "http://mlcommons.org/croissant/rai/": "rai",
    "http://mlcommons.org/croissant/": "cr",
    "https://schema.org/": "sc",
    "http://schema.org/": "sc",
    "http://purl.org/dc/terms/": "dct",
    "http://www.w3.org/ns/prov#": "prov",
}
_PREFIXES: Final = {
    "rai": "rai",
    "cr": "cr",
    "sc": "sc",
    "schema": "sc",
    "dct": "dct",
    "prov": "prov",
}

ELEMENT_FIELDS: Final[dict[DataElement, tuple[str, ...]]] = {
    DataElement.DESCRIPTION: ("sc:description",),
    DataElement.PROVENANCE: (
        "rai:dataCollectionRawData",
        "prov:wasDerivedFrom",
        "prov:wasGeneratedBy",
        "prov:wasAttributedTo",
        "sc:isBasedOn",
    ),
    DataElement.SCOPE: (
        "rai:dataBiases",
        "rai:dataLimitations",
        "rai:personalSensitiveInformation",
        "rai:dataCollectionTimeframe",
        "sc:temporalCoverage",
        "sc:spatialCoverage",
    ),
    DataElement.ACQUISITION: (
        "rai:dataCollection",
        "rai:dataCollectionType",
        "rai:dataCollectionMissingData",
    ),
    DataElement.LABELING: (
        "rai:dataAnnotationProtocol",
        "rai:dataAnnotationPlatform",
        "rai:dataAnnotationAnalysis",
        "rai:annotationsPerItem",
        "rai:annotatorDemographics",
        "rai:machineAnnotationTools",
    ),
    DataElement.PROCESSING: (
        "rai:dataPreprocessingProtocol",
        "rai:dataManipulationProtocol",
        "rai:dataImputationProtocol",
    ),
}
"""The Croissant fields that carry each OSAID data-information element (the first one a
file has is cited). The listings of public and third-party data follow from the datasets'
locations; unshareable data is not something a dataset's own metadata can rule out."""

_RAI_NAMES: Final = frozenset(
    name.split(":", 1)[1]
    for names in ELEMENT_FIELDS.values()
    for name in names
    if name[:4] == "rai:"
) | {"dataUseCases", "dataSocialImpact", "dataReleaseMaintenancePlan"}

_READ: Final = frozenset(
    {
        "sc:name",
        "sc:description",
        "sc:license",
        "sc:sdLicense",
        "sc:url",
        "sc:distribution",
        "sc:alternateName",
        "sc:version",
        "dct:conformsTo",
        *(name for names in ELEMENT_FIELDS.values() for name in names),
    }
)
_IGNORED: Final = frozenset({"@context", "@type", "@id", "cr:recordSet"})
"""Keys about the files' structure, which say nothing about openness."""

_HUB_TRUNCATION: Final = "see the full description on the dataset page"
_MAX_QUOTE: Final = 240


@dataclass(frozen=True, slots=True)
class CroissantDataset:
    """The facts osaid reads from one Croissant file."""

    where: str
    """The file (a path as given, or a URL)."""
    name: str
    description: str | None
    licenses: tuple[str, ...]
    """``license`` values as written (URLs, ids or names)."""
    sd_license: str | None
    """``sdLicense``: the license of the metadata itself."""
    url: str | None
    content_urls: tuple[str, ...]
    """``contentUrl`` of each ``distribution`` item."""
    conforms_to: tuple[str, ...]
    fields: Mapping[str, str]
    """The data-information fields present, by normalised key (``rai:dataCollection``)."""
    unmapped: tuple[str, ...]
    """Top-level keys osaid does not read."""
    renamed: tuple[str, ...] = ()
    """Keys read under another namespace than the RAI one (old ``cr:`` terms)."""


def _context(document: Mapping[str, Any]) -> dict[str, str]:
    """Term -> expanded IRI or prefixed name, for the document's own context."""
    raw = document.get("@context")
    contexts = raw if isinstance(raw, list) else [raw]
    terms: dict[str, str] = {}
    for context in contexts:
        if not isinstance(context, Mapping):
            continue
        for term, value in context.items():
            if isinstance(value, str):
                terms[str(term)] = value
            elif isinstance(value, Mapping) and isinstance(value.get("@id"), str):
                terms[str(term)] = value["@id"]
    return terms


def _canonical(key: str, terms: Mapping[str, str]) -> str:
    """A key as ``prefix:local`` for the namespaces osaid reads (the key itself otherwise)."""
    if key.startswith("@"):
        return key
    expanded = key
    for _ in range(3):  # a term may map to a prefixed name whose prefix is itself a term
        if ":" not in expanded:
            mapped = terms.get(expanded)
            if mapped is None:
                vocab = terms.get("@vocab", "https://schema.org/")
                expanded = vocab + expanded
                break
            expanded = mapped
            continue
        prefix, local = expanded.split(":", 1)
        if local.startswith("//"):
            break
        namespace = terms.get(prefix)
        if namespace is not None and namespace.startswith("http"):
            expanded = namespace + local
            break
        if prefix in _PREFIXES:
            return f"{_PREFIXES[prefix]}:{local}"
        break
    lowered = expanded.lower()
    for namespace, prefix in _NAMESPACES.items():
        if lowered.startswith(namespace):
            return f"{prefix}:{expanded[len(namespace) :]}"
    return key


def _text(value: Any, field: str, where: str) -> str | None:
    """A field's value as text: strings as they are, lists joined, objects by name/url."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text or None
    if isinstance(value, list | tuple):
        parts = [_text(item, field, where) for item in value]
        joined = "; ".join(p for p in parts if p)
        return joined or None
    if isinstance(value, Mapping):
        for key in ("@value", "name", "sc:name", "url", "sc:url", "@id", "description"):
            if key in value:
                return _text(value[key], field, where)
        return json.dumps(value, sort_keys=True, ensure_ascii=False)[:2000]
    raise bad_input(FORMAT, field, f"unexpected {type(value).__name__} in {where}")


def _license_values(value: Any, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list | tuple) else [value]
    out = []
    for item in items:
        text = _text(item, "license", where)
        if text:
            out.append(text)
    return tuple(out)


def read_croissant(document: Any, *, where: str) -> CroissantDataset:
    """Read the facts osaid uses from a parsed Croissant document.

    :param where: the file's path or URL, cited as the source of every fact.
    :raises InvalidReleaseError: if the document is not a Croissant dataset description.
    """
    if not isinstance(document, Mapping):
        raise bad_input(FORMAT, "", f"{where}: a Croissant file is a JSON object")
    terms = _context(document)
    canon: dict[str, Any] = {}
    renamed: list[str] = []
    for key, value in document.items():
        name = _canonical(str(key), terms)
        if name.startswith("cr:") and name[3:] in _RAI_NAMES:
            renamed.append(f"{key} ({name})")
            name = "rai:" + name[3:]
        canon.setdefault(name, value)
    kind = _text(document.get("@type"), "@type", where) or ""
    if "dataset" not in kind.lower():
        raise bad_input(
            FORMAT, "@type", f"{where}: expected a Croissant dataset (sc:Dataset), found {kind!r}"
        )
    title = _text(canon.get("sc:name"), "name", where)
    if not title:
        raise bad_input(FORMAT, "name", f"{where}: a Croissant dataset needs a name")
    content_urls: list[str] = []
    distribution = canon.get("sc:distribution")
    items = distribution if isinstance(distribution, list) else [distribution]
    for item in items:
        if isinstance(item, Mapping):
            for key, value in item.items():
                if _canonical(str(key), terms) == "sc:contentUrl":
                    url = _text(value, "distribution.contentUrl", where)
                    if url:
                        content_urls.append(url)
    fields: dict[str, str] = {}
    for names in ELEMENT_FIELDS.values():
        for field_name in names:
            value = _text(canon.get(field_name), field_name, where)
            if value:
                fields[field_name] = value
    description = fields.get("sc:description")
    if description and _HUB_TRUNCATION in description.lower():
        del fields["sc:description"]
    unmapped = sorted(
        str(k) for k in canon if k not in _READ and k not in _IGNORED and not k.startswith("@")
    )
    conforms = _text(canon.get("dct:conformsTo"), "conformsTo", where)
    return CroissantDataset(
        where=where,
        name=title,
        description=description,
        licenses=_license_values(canon.get("sc:license"), where),
        sd_license=_text(canon.get("sc:sdLicense"), "sdLicense", where),
        url=_text(canon.get("sc:url"), "url", where),
        content_urls=tuple(dict.fromkeys(content_urls)),
        conforms_to=tuple(c.strip() for c in (conforms or "").split(";") if c.strip()),
        fields=fields,
        unmapped=tuple(unmapped),
        renamed=tuple(renamed),
    )


def load_croissant(path: str | Path, *, where: str | None = None) -> CroissantDataset:
    """Read a Croissant file (JSON-LD).

    :param where: how to cite the file (default: the path as given).
    :raises InvalidReleaseError: if the file cannot be read or is not Croissant.
    """
    file = Path(path)
    cite = where or str(path)
    raw = read_document(file)
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InvalidReleaseError(
            [InputProblem("", f"not UTF-8 text: {exc.reason}")], source=cite
        ) from None
    except json.JSONDecodeError as exc:
        where_in = f"line {exc.lineno}, column {exc.colno}"
        raise InvalidReleaseError(
            [InputProblem("", f"not valid JSON: {exc.msg} ({where_in})")], source=cite
        ) from None
    except RecursionError:
        raise InvalidReleaseError(
            [InputProblem("", "the document is nested too deeply")], source=cite
        ) from None
    return read_croissant(document, where=cite)


# --------------------------------------------------------------------------- licenses


def _license_from_url(value: str) -> str | None:
    """What a license URL stands for, also when written without its scheme.

    See :func:`~osaid.licensing.names.resolve_license_url`.
    """
    text = value.strip()
    if "://" not in text:
        text = f"https://{text}"
    found = resolve_license_url(text)
    return found.expression if found.known else None


def _terms(raw: Sequence[str], notes: Notes, field: str, source: Source) -> LicenseTerms | None:
    """License terms for the values of a ``license`` field (several values: all apply)."""
    expressions: list[str] = []
    unknown: list[str] = []
    for value in raw:
        found = resolve_license(value)
        if found.kind is ResolutionKind.NOT_STATED:
            notes.assumed(f"license {value!r} says nothing: the license is not stated", field)
            continue
        expression = found.expression if found.known else _license_from_url(value)
        if expression is None:
            unknown.append(value)
            continue
        if expression != value.strip():
            notes.normalised(f"license {value!r} read as {expression}", field)
        expressions.append(expression)
    if not expressions and not unknown:
        return None
    if unknown:
        notes.unmapped(
            f"license {'; '.join(unknown)!r} is not a license osaid knows; judged unknown", field
        )
        return LicenseTerms(name="; ".join(raw)[:2000], sources=(source,))
    unique = list(dict.fromkeys(expressions))
    expression = " AND ".join(f"({e})" if " " in e else e for e in unique)
    return LicenseTerms(expression=expression, name="; ".join(raw)[:2000], sources=(source,))


def _open(terms: LicenseTerms | None) -> bool:
    if terms is None or terms.expression is None:
        return False
    ids = [t for t in re.split(r"[\s()]+", terms.expression) if t and t not in {"AND", "OR"}]
    return bool(ids) and all(is_osi_approved(i) or is_open_data_license(i) for i in ids)


# ---------------------------------------------------------------------------- merging


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_QUOTE else flat[: _MAX_QUOTE - 1].rstrip() + "\u2026"


def _source(dataset: CroissantDataset, section: str | None = None) -> Source:
    url = dataset.where if re.match(r"^https?://", dataset.where) else None
    return Source(
        url=url,
        title=f"Croissant metadata of {dataset.name} ({dataset.where})"[:2000],
        section=section,
        confidence=Confidence.PRIMARY,
    )


def _dataset(item: CroissantDataset, notes: Notes) -> TrainingDataset:
    field = f"croissant[{item.where}].license"
    terms = _terms(item.licenses, notes, field, _source(item, "license"))
    locations = item.content_urls or ((item.url,) if item.url else ())
    if item.content_urls:
        data_class = DataClass.OPEN if _open(terms) else DataClass.PUBLIC
        how = "a distribution under an open license" if _open(terms) else "a public distribution"
    elif item.url:
        data_class = DataClass.PUBLIC
        how = "no distribution, a landing page"
    else:
        data_class = DataClass.OBTAINABLE
        how = "neither a distribution nor a URL"
    notes.inferred(
        f"dataset {item.name!r} read as {data_class.value} data ({how})",
        f"croissant[{item.where}]",
    )
    if item.unmapped:
        notes.unmapped(
            f"fields of {item.where} osaid does not read: {', '.join(item.unmapped)}"[:2000],
            f"croissant[{item.where}]",
        )
    if item.renamed:
        notes.normalised(
            f"{item.where} writes responsible-AI fields under the Croissant namespace; read "
            f"as rai: terms: {', '.join(item.renamed)}"[:2000],
            f"croissant[{item.where}]",
        )
    return TrainingDataset(
        name=item.name,
        data_class=data_class,
        locations=locations,
        license=terms,
        description=_quote(item.description) if item.description else None,
        sources=(_source(item),),
    )


def _card_terms(datasets: Sequence[CroissantDataset], notes: Notes) -> LicenseTerms | None:
    """The terms of the metadata files: their sdLicense, else the datasets' licenses."""
    raw: list[str] = []
    for item in datasets:
        if item.sd_license:
            raw.append(item.sd_license)
        else:
            raw.extend(item.licenses)
            if item.licenses:
                notes.assumed(
                    f"{item.where} states no sdLicense for its metadata; the metadata is read "
                    "as under the dataset's own license",
                    f"croissant[{item.where}].sdLicense",
                )
    if not raw:
        return None
    source = Source(title="Croissant metadata files", note=", ".join(d.where for d in datasets))
    return _terms(raw, notes, "croissant.sdLicense", source)


def apply_croissant(
    release: ModelRelease, datasets: Sequence[CroissantDataset], *, source_format: str = FORMAT
) -> ModelRelease:
    """The release with the facts of its Croissant files merged in (see the module)."""
    if not datasets:
        return release
    notes = Notes(source_format)
    listed = {d.name.casefold() for d in release.training_datasets}
    added: list[TrainingDataset] = []
    for item in datasets:
        dataset = _dataset(item, notes)
        if dataset.name.casefold() in listed:
            notes.assumed(
                f"the release lists dataset {dataset.name!r} itself; its own facts are kept "
                f"over those of {item.where}",
                f"croissant[{item.where}]",
            )
            continue
        listed.add(dataset.name.casefold())
        added.append(dataset)
    covered = {d.name.casefold() for d in datasets}
    others = [d.name for d in release.training_datasets if d.name.casefold() not in covered]
    info = release.data_information
    updates: dict[str, Disclosure] = {}
    for element, names in ELEMENT_FIELDS.items():
        declared = info.get(element)
        if declared.state is not DisclosureState.NOT_STATED:
            continue
        carrying = [(d, next((n for n in names if n in d.fields), None)) for d in datasets]
        with_field = [(d, n) for d, n in carrying if n is not None]
        if not with_field:
            continue
        lacking = [d.name for d, n in carrying if n is None]
        if lacking or others:
            missing = ", ".join([*lacking, *others])
            notes.assumed(
                f"{element.label}: given by Croissant for some training datasets only; no "
                f"Croissant field says it for {missing}, so the element stays not stated",
                f"data_information.{element.field}",
            )
            continue
        first, field_name = with_field[0]
        assert field_name is not None
        cited = "; ".join(f"{n} in {d.where}" for d, n in with_field)
        updates[element.field] = Disclosure(
            state=DisclosureState.DISCLOSED,
            where=(ComponentKind.DATA_CARD,),
            locations=tuple(f"{d.where}#{n}" for d, n in with_field),
            note=f"Croissant {cited}: {_quote(first.fields[field_name])}"[:2000],
            sources=tuple(_source(d, n) for d, n in with_field),
        )
        notes.inferred(
            f"{element.label}: disclosed by Croissant ({cited})"[:2000],
            f"data_information.{element.field}",
        )
    components = list(release.components)
    card = release.component(ComponentKind.DATA_CARD)
    files = tuple(dict.fromkeys(d.where for d in datasets))
    if card is None:
        components.append(
            Component(
                kind=ComponentKind.DATA_CARD,
                availability=Availability.PUBLIC,
                locations=files,
                license=_card_terms(datasets, notes),
                description="Croissant dataset metadata",
                sources=tuple(_source(d) for d in datasets),
            )
        )
    else:
        notes.assumed(
            "the release declares a data card; the Croissant files are read as part of it, "
            "under its terms",
            "components.data-card",
        )
        index = components.index(card)
        merged = tuple(dict.fromkeys((*card.locations, *files)))
        components[index] = card.model_copy(update={"locations": merged})
    new_notes = [n for n in notes.items if n not in release.import_notes]
    return release.model_copy(
        update={
            "training_datasets": (*release.training_datasets, *added),
            "data_information": info.model_copy(update=updates),
            "components": tuple(components),
            "import_notes": (*release.import_notes, *new_notes),
        }
    )


def resolve_croissant(
    release: ModelRelease, base: Path, *, notes: Notes | None = None
) -> list[CroissantDataset]:
    """Read the local Croissant files ``release.croissant`` names, relative to ``base``.

    URLs are not fetched (each is noted). A path must stay inside ``base``.

    :raises InvalidReleaseError: naming the entry, if a local file is missing or invalid.
    """
    out: list[CroissantDataset] = []
    root = base.resolve()
    for index, ref in enumerate(release.croissant):
        field = f"croissant[{index}]"
        if re.match(r"^[a-z][a-z0-9+.\-]*://", ref, re.I):
            if notes is not None:
                notes.add(
                    NoteKind.UNMAPPED,
                    f"Croissant file {ref} is a URL; osaid reads no network, so it was not read",
                    field,
                )
            continue
        path = (root / ref).resolve()
        if not path.is_relative_to(root):
            raise InvalidReleaseError(
                [InputProblem(field, f"{ref!r} points outside {base}")], source="release"
            )
        if not path.is_file():
            raise InvalidReleaseError(
                [InputProblem(field, f"no such Croissant file: {ref}")], source="release"
            )
        out.append(load_croissant(path, where=ref))
    return out


def with_croissant(release: ModelRelease, base: Path) -> ModelRelease:
    """``release`` with the local Croissant files it names (relative to ``base``) merged in.

    :raises InvalidReleaseError: if a named local file is missing, outside ``base`` or invalid.
    """
    if not release.croissant:
        return release
    notes = Notes(FORMAT)
    merged = apply_croissant(release, resolve_croissant(release, base, notes=notes))
    extra = tuple(n for n in notes.items if n not in merged.import_notes)
    return merged.model_copy(update={"import_notes": (*merged.import_notes, *extra)})
