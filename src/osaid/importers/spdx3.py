"""Import an SPDX 3.0 JSON-LD document with the AI and Dataset profiles.

The ``ai_AIPackage`` gives the parameters (``software_downloadLocation``); its license is
the target of a ``hasConcludedLicense`` (preferred) or ``hasDeclaredLicense`` relationship.
``trainedOn`` relationships point to ``dataset_DatasetPackage`` elements, whose
``dataset_datasetAvailability`` sets the dataset's class. SPDX records training and
preprocessing only as free text, so data-information elements stay not stated and the
text is kept in an import note.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from osaid.importers._common import (
    MAX_DOCUMENT_ELEMENTS,
    ImportResult,
    Notes,
    as_items,
    as_key,
    as_mapping,
    as_text,
    bad_input,
    building,
    quote,
    release_name,
    require_mapping,
    source,
    terms_from_string,
)
from osaid.release import (
    Availability,
    BaseModelRef,
    Component,
    ComponentKind,
    DataClass,
    LicenseTerms,
    ModelRelease,
    TrainingDataset,
)

__all__ = ["import_spdx3"]

FORMAT: Final = "spdx"

_AVAILABILITY = {
    "directDownload": DataClass.PUBLIC,
    "query": DataClass.PUBLIC,
    "scrapingScript": DataClass.OBTAINABLE,
    "clickthrough": DataClass.PUBLIC,
    "registration": DataClass.OBTAINABLE,
}
_SPECIAL = {
    "NoneLicense": "NONE",
    "NoAssertionLicense": "NOASSERTION",
    "https://spdx.org/rdf/3.0.1/terms/Licensing/NoneLicense": "NONE",
    "https://spdx.org/rdf/3.0.1/terms/Licensing/NoAssertionLicense": "NOASSERTION",
}


_AI_PACKAGE = frozenset({"ai_AIPackage", "AIPackage", "ai:AIPackage"})
_RELATIONSHIP = frozenset({"Relationship", "LifecycleScopedRelationship"})


def _type(element: Mapping[str, Any], field: str) -> str:
    value = element.get("type") or element.get("@type") or ""
    if isinstance(value, list | tuple):  # JSON-LD allows several types
        return next((str(v) for v in value if str(v) in _AI_PACKAGE | _RELATIONSHIP), "")
    return as_key(value, FORMAT, f"{field}.type") or ""


def _id(element: Mapping[str, Any], field: str) -> str | None:
    key = "spdxId" if element.get("spdxId") else "@id"
    return as_key(element.get(key), FORMAT, f"{field}.{key}")


class _Graph:
    """The flat JSON-LD graph, indexed, and the relationships of one element."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        elements = as_items(document.get("@graph"), FORMAT, "@graph", limit=MAX_DOCUMENT_ELEMENTS)
        self.items = [(where, as_mapping(e, FORMAT, where)) for where, e in elements]
        if not self.items:
            raise bad_input(FORMAT, "@graph", "the document has no '@graph' elements")
        self.by_id: dict[str, tuple[str, Mapping[str, Any]]] = {}
        self.relations: list[tuple[str, Mapping[str, Any]]] = []
        for field, element in self.items:
            ident = _id(element, field)
            if ident is not None:
                self.by_id.setdefault(ident, (field, element))
            if _type(element, field) in _RELATIONSHIP:
                self.relations.append((field, element))

    def targets(self, source_id: str | None, kind: str) -> list[tuple[str, Any]]:
        """The targets of ``kind`` relationships from ``source_id``, with their fields."""
        out: list[tuple[str, Any]] = []
        if source_id is None:
            return out
        for field, rel in self.relations:
            if rel.get("relationshipType") != kind:
                continue
            if as_key(rel.get("from"), FORMAT, f"{field}.from") != source_id:
                continue
            out.extend(as_items(rel.get("to"), FORMAT, f"{field}.to"))
        return out

    def element(self, target: Any, field: str) -> tuple[str, Mapping[str, Any]] | None:
        """The element a relationship target names (an id, or an element written inline)."""
        if isinstance(target, Mapping):
            return field, target
        ident = as_key(target, FORMAT, field)
        return self.by_id.get(ident) if ident is not None else None


def _license(graph: _Graph, pid: str | None, notes: Notes) -> LicenseTerms | None:
    for kind in ("hasConcludedLicense", "hasDeclaredLicense"):
        found = graph.targets(pid, kind)
        if not found:
            continue
        field, target = found[0]
        if kind == "hasDeclaredLicense":
            notes.assumed("no concluded license; the declared license is used", field)
        if isinstance(target, str) and target in _SPECIAL:
            return LicenseTerms(expression=_SPECIAL[target])
        located = graph.element(target, field)
        if located is not None:
            where, element = located
            expression = as_text(
                element.get("simplelicensing_licenseExpression"),
                FORMAT,
                f"{where}.simplelicensing_licenseExpression",
            )
            if expression is None and _type(element, where).endswith("ListedLicense"):
                expression = as_text(element.get("name"), FORMAT, f"{where}.name")
            return terms_from_string(expression, notes, where)
        ident = as_key(target, FORMAT, field)
        if ident is not None:
            notes.assumed(
                f"license target {quote(ident)} is not an element; read as a license id",
                field,
            )
            return terms_from_string(ident.rsplit("/", 1)[-1], notes, field)
    return None


def _datasets(graph: _Graph, pid: str | None, notes: Notes) -> tuple[TrainingDataset, ...]:
    datasets = []
    for field, target in graph.targets(pid, "trainedOn"):
        located = graph.element(target, field)
        if located is None:
            notes.unmapped(f"trainedOn target {quote(target)} is not in the document", field)
            continue
        where, element = located
        label = (
            as_text(element.get("name"), FORMAT, f"{where}.name")
            or as_key(target if not isinstance(target, Mapping) else None, FORMAT, field)
            or where
        )
        availability = as_text(
            element.get("dataset_datasetAvailability"),
            FORMAT,
            f"{where}.dataset_datasetAvailability",
        )
        if availability not in _AVAILABILITY:
            notes.assumed(
                f"dataset {quote(label)} states no availability; read as obtainable",
                f"{where}.dataset_datasetAvailability",
            )
        url = as_text(
            element.get("software_downloadLocation"), FORMAT, f"{where}.software_downloadLocation"
        )
        with building(FORMAT, where):
            datasets.append(
                TrainingDataset(
                    name=label,
                    data_class=_AVAILABILITY.get(availability or "", DataClass.OBTAINABLE),
                    locations=(url,) if url and url != "NOASSERTION" else (),
                )
            )
    return tuple(datasets)


def _base(graph: _Graph, pid: str | None) -> BaseModelRef | None:
    for kind in ("finetunedOn", "descendantOf"):
        found = graph.targets(pid, kind)
        if not found:
            continue
        field, target = found[0]
        located = graph.element(target, field)
        if located is not None:
            name = as_text(located[1].get("name"), FORMAT, f"{located[0]}.name")
        else:
            name = as_key(target, FORMAT, field)
        return BaseModelRef(name=name, relation=kind) if name else None
    return None


def _producer(graph: _Graph, package: Mapping[str, Any], field: str) -> str | None:
    supplier = package.get("suppliedBy")
    if supplier is None or isinstance(supplier, list | tuple):
        return None
    located = graph.element(supplier, f"{field}.suppliedBy")
    if located is None:
        return None
    return as_text(located[1].get("name"), FORMAT, f"{located[0]}.name")


def import_spdx3(document: Mapping[str, Any], *, name: str | None = None) -> ImportResult:
    """Build a release from a parsed SPDX 3 JSON-LD document.

    :param name: a name to use when the AI package has none (e.g. the file name).
    :raises InvalidReleaseError: if the document has no ``ai_AIPackage``.
    """
    fallback = name
    notes = Notes(FORMAT)
    document = require_mapping(document, FORMAT, "an SPDX 3 document is a JSON-LD object")
    graph = _Graph(document)
    packages = [(f, e) for f, e in graph.items if _type(e, f) in _AI_PACKAGE]
    if not packages:
        raise bad_input(FORMAT, "@graph", "no element of type 'ai_AIPackage'")
    field, package = packages[0]
    if len(packages) > 1:
        notes.unmapped(f"{len(packages)} AI packages; only the first is scored", "@graph")
    name = release_name(package.get("name"), fallback, FORMAT, f"{field}.name", notes)
    pid = _id(package, field)
    location = as_text(
        package.get("software_downloadLocation"), FORMAT, f"{field}.software_downloadLocation"
    )
    located = bool(location) and location != "NOASSERTION"
    terms = _license(graph, pid, notes)
    with building(FORMAT, field):
        params = Component(
            kind=ComponentKind.PARAMETERS_FINAL,
            availability=Availability.PUBLIC if located else Availability.NOT_STATED,
            locations=(str(location),) if located else (),
            license=terms,
            sources=(source(location if located else None, "SPDX 3 ai_AIPackage"),),
        )
    for key in ("ai_informationAboutTraining", "ai_modelDataPreprocessing"):
        if package.get(key):
            notes.unmapped(
                f"'{key}' holds free-text training information that osaid does not judge; data "
                "information stays not stated",
                f"{field}.{key}",
            )
    notes.assumed("SPDX records no training code or structured data information: not stated", "")
    version = as_text(
        package.get("software_packageVersion"), FORMAT, f"{field}.software_packageVersion"
    )
    producer = _producer(graph, package, field)
    base = _base(graph, pid)
    datasets = _datasets(graph, pid, notes)
    with building(FORMAT, field):
        release = ModelRelease(
            name=name,
            version=version,
            producer=producer,
            base_model=base,
            components=(params,),
            training_datasets=datasets,
            sources=(source(None, "SPDX 3 AI/Dataset profile document"),),
            import_notes=tuple(notes.items),
        )
    return ImportResult(release, release.import_notes)
