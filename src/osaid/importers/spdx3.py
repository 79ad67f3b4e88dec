"""Import an SPDX 3 document with the AI and Dataset profiles (JSON).

Three shapes are read, and the import notes say which one was:

- **JSON-LD** (SPDX 3.0.x): ``{"@context": ..., "@graph": [...]}`` whose elements carry
  ``type`` and ``spdxId`` and profile-prefixed property names (``ai_AIPackage``,
  ``software_downloadLocation``, ``dataset_datasetAvailability``);
- **element list**: an ``SpdxDocument`` object whose ``element`` list holds the
  elements with unprefixed names (``AIPackage``, ``downloadLocation``), as some
  generators write it;
- **pre-release draft**: a ``@graph`` whose elements carry ``@type`` / ``@id`` (the shape
  the 0.8 releases of spdx-tools and the early examples write), with the draft
  relationship types ``concludedLicense`` / ``declaredLicense``.

The subject is the AI package named by ``component=``, else the document's root element,
else the only AI package, else the first (with a note). Its ``downloadLocation`` locates
the parameters, or else the weight files it ``contains``; its license is the target of a
``hasConcludedLicense`` (preferred) or ``hasDeclaredLicense`` relationship: a license
expression, a listed or custom license (a custom license marked ``isOsiApproved`` is
still judged by osaid's own table), a licensing text naming a license, or a bare id.
``trainedOn`` targets (datasets or files) are the training datasets, with their own
license relationships and ``datasetAvailability`` (``directDownload``, ``query`` and
``clickthrough`` are public data, ``registration`` and ``scrapingScript`` obtainable);
``testedOn`` targets are the evaluation data. A file or package that ``generates`` the
model is its training code. ``descendantOf``, ``finetunedOn`` and a ``dependsOn`` package
whose purpose is ``model`` give the base model. SPDX records training and preprocessing
only as free text, so data-information elements stay not stated and the text is noted.
Every element, relationship and field osaid does not read is noted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Final

from osaid._model import clip
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
    excerpt,
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
    "clickthrough": DataClass.PUBLIC,
    "scrapingScript": DataClass.OBTAINABLE,
    "registration": DataClass.OBTAINABLE,
}
_SPECIAL = {
    "NoneLicense": "NONE",
    "NoAssertionLicense": "NOASSERTION",
    "NONE": "NONE",
    "NOASSERTION": "NOASSERTION",
}
_PREFIXES = (
    "ai_", "dataset_", "software_", "simplelicensing_", "expandedlicensing_", "security_",
    "build_", "core_", "extension_", "lite_", "spdx:", "ai:", "dataset:", "software:",
    "simplelicensing:", "expandedlicensing:", "core:",
)  # fmt: skip
_DRAFT_RELATIONS = {
    "concludedLicense": "hasConcludedLicense",
    "declaredLicense": "hasDeclaredLicense",
}
_LICENSE_TYPES = frozenset(
    {"LicenseExpression", "SimpleLicensingText", "ListedLicense", "CustomLicense",
     "License", "AnyLicenseInfo", "OrLaterOperator", "WithAdditionOperator",
     "ConjunctiveLicenseSet", "DisjunctiveLicenseSet"}
)  # fmt: skip
_QUIET_TYPES = frozenset({"CreationInfo", "SpdxDocument", "Bom", "Sbom", "Tool"})
_AGENT_TYPES = frozenset({"Person", "Organization", "Agent", "SoftwareAgent"})
_READ_RELATIONS = frozenset(
    {
        "hasConcludedLicense", "hasDeclaredLicense", "trainedOn", "testedOn", "generates",
        "descendantOf", "finetunedOn", "dependsOn", "contains", "describes",
    }
)  # fmt: skip
_PACKAGE_READ = frozenset(
    {
        "type", "@type", "spdxId", "@id", "name", "downloadLocation", "packageVersion",
        "suppliedBy", "creationInfo", "informationAboutTraining", "modelDataPreprocessing",
        "primaryPurpose", "description", "summary", "originatedBy",
    }
)  # fmt: skip
_DATASET_READ = frozenset(
    {"type", "@type", "spdxId", "@id", "name", "downloadLocation", "datasetAvailability",
     "creationInfo", "description", "primaryPurpose", "packageVersion"}
)  # fmt: skip
_SAMPLE = 1_000
"""How many elements the shape and the SPDX version are told from (the first ones)."""
_WEIGHTS = re.compile(r"\.(safetensors|bin|gguf|pt|pth|ckpt|onnx|h5|keras|msgpack|npz|tflite)$")
_PLACEHOLDER = re.compile(r"(see (the )?model card|unknown|not specified|n/?a|none|tbd|-)", re.I)


_PREFIX = re.compile("|".join(re.escape(p) for p in _PREFIXES))


@lru_cache(maxsize=4096)
def _canon(key: str) -> str:
    """A property or type name without its profile prefix (``ai_``, ``software:`` ...)."""
    found = _PREFIX.match(key)
    return key[found.end() :] if found else key


class _El:
    """One element, its field path, its type and id (prefixes dropped), its properties."""

    __slots__ = ("_keys", "_kind", "data", "field", "id", "type")

    def __init__(self, field: str, data: Mapping[str, Any], kind: str, ident: str | None) -> None:
        self.field = field
        self.data = data
        self.type = kind
        self.id = ident
        self._keys: dict[str, str] | None = None
        self._kind: str | None = None

    @property
    def keys(self) -> dict[str, str]:
        """Unprefixed property name to the key the document uses (built on first use)."""
        if self._keys is None:
            self._keys = {_canon(str(k)): str(k) for k in self.data}
        return self._keys

    def _key(self, name: str) -> str | None:
        if name in self.data:  # unprefixed names, and the core ones of every shape
            return name
        return self.keys.get(name)

    def get(self, name: str) -> Any:
        key = self._key(name)
        return None if key is None else self.data.get(key)

    def path(self, name: str) -> str:
        return f"{self.field}.{self._key(name) or name}"

    def text(self, name: str) -> str | None:
        return as_text(self.get(name), FORMAT, self.path(name))

    def texts(self, name: str) -> str | None:
        """A property that SPDX 3.0.1 makes a list of strings (earlier drafts: one string)."""
        value = self.get(name)
        if isinstance(value, list | tuple):
            parts = [as_text(v, FORMAT, w) for w, v in as_items(value, FORMAT, self.path(name))]
            return "; ".join(p for p in parts if p) or None
        return self.text(name)

    @property
    def relation(self) -> str:
        """The relationship type, draft spellings read as SPDX 3.0's (computed once)."""
        if self._kind is None:
            kind = self.text("relationshipType") or ""
            self._kind = _DRAFT_RELATIONS.get(kind, kind)
        return self._kind

    @property
    def name(self) -> str | None:
        return self.text("name")


def _element(where: str, data: Mapping[str, Any]) -> _El:
    raw_type = data.get("type") if data.get("type") is not None else data.get("@type")
    if isinstance(raw_type, list | tuple):  # JSON-LD allows several types
        named = [_canon(str(t)) for t in raw_type]
        kind = next((t for t in named if t in {"AIPackage", "DatasetPackage", "Relationship"}), "")
        kind = kind or (named[0] if named else "")
    else:
        kind = _canon(as_key(raw_type, FORMAT, f"{where}.type") or "")
    key = "spdxId" if data.get("spdxId") else "@id"
    ident = as_key(data.get(key), FORMAT, f"{where}.{key}")
    return _El(where, data, kind, ident)


class _Graph:
    """The document's elements, indexed, and the relationships between them."""

    def __init__(self, document: Mapping[str, Any], notes: Notes) -> None:
        if "@graph" in document:
            listed = as_items(document.get("@graph"), FORMAT, "@graph", limit=MAX_DOCUMENT_ELEMENTS)
            self.where = "@graph"
        elif "element" in document:
            listed = as_items(
                document.get("element"), FORMAT, "element", limit=MAX_DOCUMENT_ELEMENTS
            )
            self.where = "element"
        else:
            raise bad_input(FORMAT, "@graph", "the document has no '@graph' or 'element' list")
        self.items = [_element(where, as_mapping(e, FORMAT, where)) for where, e in listed]
        if not self.items:
            raise bad_input(FORMAT, self.where, f"the document has no '{self.where}' elements")
        self.root: _El | None = None
        if self.where == "element":
            self.root = _element("", document)
        self.by_id: dict[str, _El] = {}
        self.relations: list[_El] = []
        for element in self.items + ([self.root] if self.root is not None else []):
            if element.id is not None:
                self.by_id.setdefault(element.id, element)
            if element.type in {"Relationship", "LifecycleScopedRelationship"}:
                self.relations.append(element)
        self._index()
        self.shape = self._shape()
        sample = [*self.items[:_SAMPLE], *([self.root] if self.root else [])]
        infos = [e.get("creationInfo") for e in sample]
        infos += [e.data for e in self.items if e.type == "CreationInfo"]
        versions = {
            text
            for info in infos
            if isinstance(info, Mapping)
            for text in (info.get("specVersion"),)
            if isinstance(text, str)
        }
        spec = f" (specVersion {', '.join(sorted(versions))})" if versions else ""
        notes.inferred(f"read as {self.shape}{spec}", self.where)

    def kind(self, relation: _El) -> str:
        return relation.relation

    def _shape(self) -> str:
        """Which of the three shapes the document has, in words."""
        if self.where == "element":
            return "an SpdxDocument with an 'element' list and unprefixed property names"
        sample = self.items[:_SAMPLE]
        draft = any("@type" in e.data for e in sample) or any(
            r.text("relationshipType") in _DRAFT_RELATIONS for r in self.relations[:_SAMPLE]
        )
        if draft:
            return (
                "a pre-release draft (@type/@id on elements, draft relationship types), as "
                "spdx-tools 0.8 and the early examples write"
            )
        if any(str(k).startswith(_PREFIXES[:6]) for e in sample for k in e.data):
            return "JSON-LD '@graph' with profile-prefixed property names (SPDX 3.0)"
        return "JSON-LD '@graph' with unprefixed property names"

    def _index(self) -> None:
        """Relationships by (type, from) and (type, to), built once: linear in their number."""
        self._out: dict[tuple[str, str], list[tuple[str, Any]]] = {}
        self._in: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for rel in self.relations:
            kind = self.kind(rel)
            origin = as_key(rel.get("from"), FORMAT, rel.path("from"))
            listed = as_items(rel.get("to"), FORMAT, rel.path("to"))
            if origin is not None:
                self._out.setdefault((kind, origin), []).extend(listed)
            for where, target in listed:
                if isinstance(target, Mapping) or not origin:
                    continue
                ident = as_key(target, FORMAT, where)
                if ident is not None:
                    self._in.setdefault((kind, ident), []).append((rel.field, origin))

    def targets(self, source_id: str | None, kind: str) -> list[tuple[str, Any]]:
        """The targets of ``kind`` relationships from ``source_id``, with their fields."""
        if source_id is None:
            return []
        return list(self._out.get((kind, source_id), ()))

    def sources_of(self, target_id: str | None, kind: str) -> list[tuple[str, str]]:
        """The ``from`` ids of ``kind`` relationships that point to ``target_id``."""
        if target_id is None:
            return []
        return list(self._in.get((kind, target_id), ()))

    def element(self, target: Any, where: str) -> _El | None:
        """The element a relationship target names (an id, or an element written inline)."""
        if isinstance(target, Mapping):
            return _element(where, target)
        ident = as_key(target, FORMAT, where)
        return self.by_id.get(ident) if ident is not None else None


def _license_of(graph: _Graph, owner: _El, notes: Notes) -> LicenseTerms | None:
    for kind in ("hasConcludedLicense", "hasDeclaredLicense"):
        found = graph.targets(owner.id, kind)
        if not found:
            continue
        where, target = found[0]
        if kind == "hasDeclaredLicense":
            notes.assumed("no concluded license; the declared license is used", where)
        if isinstance(target, str) and target.rsplit("/", 1)[-1] in _SPECIAL:
            return LicenseTerms(expression=_SPECIAL[target.rsplit("/", 1)[-1]])
        located = graph.element(target, where)
        if located is not None:
            return _license_element(located, notes)
        ident = as_key(target, FORMAT, where)
        if ident is not None:
            notes.assumed(
                f"license target {quote(ident)} is not an element; read as a license id", where
            )
            return terms_from_string(ident.rsplit("/", 1)[-1] if "spdx.org/licenses/" in ident
                                     else ident, notes, where)  # fmt: skip
    return None


def _license_element(element: _El, notes: Notes) -> LicenseTerms | None:
    where = element.field
    expression = element.text("licenseExpression")
    if expression is not None:
        return terms_from_string(expression, notes, element.path("licenseExpression"))
    if element.type == "SimpleLicensingText":
        text = element.text("licenseText")
        if text is None:
            return None
        terms = terms_from_string(text, notes, element.path("licenseText"))
        if terms is not None and terms.expression is not None:
            notes.inferred(
                f"the licensing text {quote(text, 80)} is read as naming a license (lower "
                "confidence: the element should hold the license's text)",
                element.path("licenseText"),
            )
        return terms
    name = element.text("name") or element.text("licenseId")
    if element.type in {"ListedLicense", "CustomLicense", "License"} and name:
        terms = terms_from_string(name, notes, where)
        osi = element.get("isOsiApproved")
        if element.type == "CustomLicense" and osi is True:
            notes.assumed(
                f"custom license {name!r} is marked isOsiApproved; osaid judges it by its own "
                "table of OSI-approved licenses, not by the document's word",
                element.path("isOsiApproved"),
            )
        return terms
    if element.type.endswith("LicenseSet") or element.type.endswith("Operator"):
        notes.unmapped(
            f"a {element.type} license element is not read; the license is judged unknown", where
        )
        return LicenseTerms(name=clip(element.type))
    if element.id is not None:
        return terms_from_string(element.id.rsplit("/", 1)[-1], notes, where)
    return None


def _dataset(graph: _Graph, element: _El, notes: Notes, where: str) -> TrainingDataset | None:
    label = element.name or element.id or where
    if _PLACEHOLDER.fullmatch(label.strip()):
        notes.unmapped(
            f"dataset {label!r} is a placeholder, not a dataset: not read as training data",
            element.field,
        )
        return None
    availability = element.text("datasetAvailability")
    if element.type == "DatasetPackage":
        _note_fields(element, _DATASET_READ, notes, "a dataset")
    if availability not in _AVAILABILITY:
        shown = f"{availability!r}" if availability else "no availability"
        notes.assumed(
            f"dataset {quote(label)} states {shown}; read as obtainable",
            element.path("datasetAvailability"),
        )
    else:
        notes.inferred(
            f"datasetAvailability {availability!r}: {_AVAILABILITY[availability].value} data",
            element.path("datasetAvailability"),
        )
    url = element.text("downloadLocation")
    terms = _license_of(graph, element, notes)
    with building(FORMAT, element.field):
        return TrainingDataset(
            name=clip(label, 200),
            data_class=_AVAILABILITY.get(availability or "", DataClass.OBTAINABLE),
            locations=(url,) if url and url != "NOASSERTION" else (),
            license=terms,
        )


def _note_fields(element: _El, read: frozenset[str], notes: Notes, about: str) -> None:
    unread = [
        (canon, key)
        for canon, key in element.keys.items()
        if canon not in read and not _blank(element.data.get(key))
    ]
    for _, key in unread[:50]:
        notes.unmapped(
            f"field {key!r} of {about} is not read by osaid (value: "
            f"{excerpt(element.data.get(key))})",
            f"{element.field}.{key}" if element.field else key,
        )
    if len(unread) > 50:
        notes.unmapped(f"{len(unread) - 50} more fields of {about} are not read", element.field)


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple | Mapping) and not value


def _choose(graph: _Graph, wanted: str | None, notes: Notes) -> _El:
    packages = [e for e in graph.items if e.type == "AIPackage"]
    if wanted is not None:
        found = [p for p in packages if wanted in {p.id, p.name}] or [
            p for p in packages if (p.name or "").lower() == wanted.lower()
        ]
        if len(found) != 1:
            listed = ", ".join(quote(p.name or p.id or p.field, 80) for p in packages[:20])
            raise bad_input(
                FORMAT,
                graph.where,
                f"{'no' if not found else len(found)} AI package{'s' if found else ''} named "
                f"{wanted!r}; the AI packages are: {listed or 'none'}",
            )
        notes.inferred(f"the AI package scored is the one asked for: {wanted!r}", found[0].field)
        return found[0]
    if not packages:
        datasets = sum(e.type == "DatasetPackage" for e in graph.items)
        what = f"; it describes {datasets} dataset(s) only" if datasets else ""
        raise bad_input(FORMAT, graph.where, f"no element of type 'ai_AIPackage'{what}")
    roots: list[str] = []
    for element in [*graph.items, *([graph.root] if graph.root else [])]:
        if element.type in {"SpdxDocument", "Bom", "Sbom"}:
            for where, value in as_items(
                element.get("rootElement"), FORMAT, element.path("rootElement")
            ):
                ident = as_key(value, FORMAT, where)
                if ident:
                    roots.append(ident)
            roots += [
                str(as_key(t, FORMAT, w))
                for w, t in graph.targets(element.id, "describes")
                if not isinstance(t, Mapping)
            ]
    seen: set[str] = set()
    while roots:
        ident = roots.pop(0)
        if ident in seen:
            continue
        seen.add(ident)
        held = graph.by_id.get(ident)
        if held is not None and held.type == "AIPackage":
            if len(packages) > 1:
                notes.inferred("the AI package scored is the document's root element", held.field)
            return held
        if held is not None and held.type in {"Bom", "Sbom"}:
            roots += [
                str(as_key(v, FORMAT, w))
                for w, v in as_items(held.get("rootElement"), FORMAT, held.path("rootElement"))
            ]
    if len(packages) > 1:
        notes.assumed(
            f"{len(packages)} AI packages and no root element among them; the first is scored "
            "(name another with component=..., or --component)",
            graph.where,
        )
    return packages[0]


def _base(graph: _Graph, package: _El, notes: Notes, used: set[str]) -> BaseModelRef | None:
    for kind in ("finetunedOn", "descendantOf", "dependsOn"):
        for where, target in graph.targets(package.id, kind):
            located = graph.element(target, where)
            if kind == "dependsOn":
                purpose = located.text("primaryPurpose") if located is not None else None
                if purpose != "model" and (located is None or located.type != "AIPackage"):
                    continue
                shown = located.name if located is not None else target
                notes.inferred(
                    f"the AI package depends on model package {shown!r}, read as its base model",
                    where,
                )
            name = located.name if located is not None else as_key(target, FORMAT, where)
            if located is not None:
                used.add(located.field)
            if name:
                url = located.text("downloadLocation") if located is not None else None
                return BaseModelRef(
                    name=name, relation=kind, url=url if url and url != "NOASSERTION" else None
                )
    return None


def _producer(graph: _Graph, package: _El) -> str | None:
    supplier = package.get("suppliedBy")
    if supplier is None or isinstance(supplier, list | tuple):
        return None
    located = graph.element(supplier, package.path("suppliedBy"))
    if located is None:
        return (
            as_text(supplier, FORMAT, package.path("suppliedBy"))
            if isinstance(supplier, str) and "/" not in supplier and ":" not in supplier
            else None
        )
    return located.name


def _code_from_generates(graph: _Graph, package: _El, notes: Notes) -> Component | None:
    """A file or package that ``generates`` the model (or one of its files): training code."""
    targets = {package.id} | {
        as_key(t, FORMAT, w)
        for w, t in graph.targets(package.id, "contains")
        if not isinstance(t, Mapping)
    }
    for ident in targets:
        for where, origin in graph.sources_of(ident, "generates"):
            element = graph.by_id.get(origin)
            if element is None or element.id == package.id:
                continue
            location = element.text("downloadLocation")
            terms = _license_of(graph, element, notes)
            notes.inferred(
                f"{element.name or origin!r} generates the model: read as its training code", where
            )
            with building(FORMAT, element.field):
                return Component(
                    kind=ComponentKind.TRAINING_CODE,
                    availability=Availability.PUBLIC
                    if location and location != "NOASSERTION"
                    else Availability.NOT_STATED,
                    locations=(location,) if location and location != "NOASSERTION" else (),
                    license=terms,
                    description=clip(element.name) if element.name else None,
                )
    return None


def _weight_files(graph: _Graph, package: _El) -> list[str]:
    out = []
    for where, target in graph.targets(package.id, "contains"):
        element = graph.element(target, where)
        if element is None:
            continue
        name, url = element.name or "", element.text("downloadLocation")
        if url and _WEIGHTS.search(name.lower()):
            out.append(url)
    return out


def _note_rest(graph: _Graph, used: set[str], notes: Notes) -> None:
    """Note the elements and relationships osaid did not read, counted by type."""
    skipped: Counter[str] = Counter()
    first: dict[str, str] = {}
    for element in graph.items:
        if element.field in used or element.type in _QUIET_TYPES | _LICENSE_TYPES:
            continue
        if element.type in {"Relationship", "LifecycleScopedRelationship"}:
            kind = graph.kind(element)
            if kind in _READ_RELATIONS:
                continue
            label = f"'{kind or 'untyped'}' relationship(s)"
        elif element.type in _AGENT_TYPES:
            continue
        else:
            label = f"element(s) of type {element.type or 'unknown'!r}"
        skipped[label] += 1
        first.setdefault(label, element.field)
    for label, count in sorted(skipped.items()):
        notes.unmapped(f"{count} {label} are not read by osaid", first[label])


def _parameters(graph: _Graph, package: _El, notes: Notes) -> Component:
    location = package.text("downloadLocation")
    given = bool(location) and location != "NOASSERTION"
    locations = [str(location)] if given else _weight_files(graph, package)
    if locations and not given:
        notes.inferred(
            f"the package names no download location; the {len(locations)} weight file(s) it "
            "contains locate the parameters",
            package.field,
        )
    terms = _license_of(graph, package, notes)
    with building(FORMAT, package.field):
        return Component(
            kind=ComponentKind.PARAMETERS_FINAL,
            availability=Availability.PUBLIC if locations else Availability.NOT_STATED,
            locations=tuple(dict.fromkeys(locations)),
            license=terms,
            sources=(source(locations[0] if locations else None, "SPDX 3 AI package"),),
        )


def _trained_on(
    graph: _Graph, package: _El, notes: Notes, used: set[str]
) -> tuple[TrainingDataset, ...]:
    datasets = []
    for where, target in graph.targets(package.id, "trainedOn"):
        element = graph.element(target, where)
        if element is None:
            notes.unmapped(f"trainedOn target {quote(target)} is not in the document", where)
            continue
        used.add(element.field)
        dataset = _dataset(graph, element, notes, where)
        if dataset is not None:
            datasets.append(dataset)
    return tuple(datasets)


def _tested_on(graph: _Graph, package: _El, notes: Notes, used: set[str]) -> Component | None:
    evaluation: list[str] = []
    for where, target in graph.targets(package.id, "testedOn"):
        element = graph.element(target, where)
        if element is None:
            notes.unmapped(f"testedOn target {quote(target)} is not in the document", where)
            continue
        used.add(element.field)
        url = element.text("downloadLocation")
        evaluation.append(url if url and url != "NOASSERTION" else "")
        notes.inferred(f"{element.name or target!r} is evaluation data (testedOn)", where)
    if not evaluation:
        return None
    return Component(
        kind=ComponentKind.EVALUATION_DATA,
        availability=Availability.PUBLIC if any(evaluation) else Availability.NOT_STATED,
        locations=tuple(u for u in dict.fromkeys(evaluation) if u),
    )


def _note_others(graph: _Graph, package: _El, notes: Notes, used: set[str]) -> None:
    """Note the other AI packages and the datasets no ``trainedOn`` links to the model."""
    for element in graph.items:
        if element.type == "AIPackage" and element.field != package.field:
            notes.unmapped(
                f"AI package {element.name or element.id!r} is not the one scored (name it with "
                "component=..., or --component, to score it)",
                element.field,
            )
            used.add(element.field)
        if element.type == "DatasetPackage" and element.field not in used:
            if not graph.sources_of(element.id, "trainedOn"):
                notes.unmapped(
                    f"dataset {element.name or element.id!r} is not linked to the model by "
                    "trainedOn; not read as its training data",
                    element.field,
                )
            used.add(element.field)
    for where, target in graph.targets(package.id, "contains"):
        contained = graph.element(target, where)
        if contained is not None:
            used.add(contained.field)


def import_spdx3(
    document: Mapping[str, Any], *, name: str | None = None, component: str | None = None
) -> ImportResult:
    """Build a release from a parsed SPDX 3 document (any of the three shapes above).

    :param name: a name to use when the AI package has none (e.g. the file name).
    :param component: the AI package to score, by ``spdxId`` or name (default: the
        document's root element, else the only one).
    :raises InvalidReleaseError: if the document has no AI package, or ``component``
        names none.
    """
    fallback = name
    notes = Notes(FORMAT)
    document = require_mapping(document, FORMAT, "an SPDX 3 document is a JSON-LD object")
    graph = _Graph(document, notes)
    package = _choose(graph, component, notes)
    _note_fields(package, _PACKAGE_READ, notes, "the AI package")
    name = release_name(package.get("name") or None, fallback, FORMAT, package.path("name"), notes)
    components = [_parameters(graph, package, notes)]
    for key in ("informationAboutTraining", "modelDataPreprocessing"):
        text = package.texts(key)
        if text and not _PLACEHOLDER.fullmatch(text):
            notes.unmapped(
                f"'{package.keys[key]}' holds free-text training information that osaid does "
                f"not judge ({excerpt(text, 80)}); data information stays not stated",
                package.path(key),
            )
    notes.assumed("SPDX records no structured data information: not stated", "")
    used = {package.field}
    datasets = _trained_on(graph, package, notes, used)
    evaluation = _tested_on(graph, package, notes, used)
    if evaluation is not None:
        components.append(evaluation)
    training = _code_from_generates(graph, package, notes)
    if training is not None:
        components.append(training)
    else:
        notes.assumed("nothing in the document generates the model: training code not stated", "")
    _note_others(graph, package, notes, used)
    base = _base(graph, package, notes, used)
    _note_rest(graph, used, notes)
    with building(FORMAT, package.field):
        release = ModelRelease(
            name=name,
            version=package.text("packageVersion"),
            producer=_producer(graph, package),
            base_model=base,
            components=tuple(components),
            training_datasets=datasets,
            sources=(source(None, "SPDX 3 AI/Dataset profile document"),),
            import_notes=tuple(notes.items),
        )
    return ImportResult(release, release.import_notes)
