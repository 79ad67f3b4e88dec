"""Import a CycloneDX 1.5-1.7 ML-BOM (JSON).

The subject, the model the BOM is about, is chosen in this order: the component named
by ``component=`` (its ``bom-ref``, ``name``, ``group/name`` or ``purl``); the
``metadata.component`` when it is a ``machine-learning-model``; the model that
``metadata.component`` (often an *application* named after the model, as AIBOM
generators write it) matches by ``bom-ref``, name or ``purl``, or is the only model it
depends on; the only model; the only model no other model depends on; and failing all
of these the first model, with a note. Never simply "the first model".

The subject's ``machine-learning-model`` component gives the parameters (location from
its ``distribution`` or ``website`` reference, else the BOM's own ``distribution``;
license from ``licenses``). ``model-card`` and ``documentation`` references locate the
model card; a ``vcs`` reference is kept as a source (its role, training or inference
code, is not stated). The model card's dataset references and ``data`` components give
the training datasets, with their licenses (``licenses``, else a ``license`` property,
noted as lower confidence) and their data class (``classification``: ``public`` or
not). Base models come from ``pedigree.ancestors`` and from the models the subject
depends on; those the BOM describes come back in :attr:`ImportResult.base_models`, so
that scoring judges the derivative with its base's terms.

Generators' conventions are read as noted, lower-confidence facts: the OWASP AIBOM
generator's ``modelCard.properties`` (``license``, ``base_model``, ``datasets``,
``downloadLocation``, ``external_references`` ...), the ``ai.model.relation`` property on
a base model. CycloneDX has no role for training code or data information, so those
stay not stated. Every field osaid does not read is noted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
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
    note_unread,
    quote,
    release_name,
    require_mapping,
    source,
    terms_from_string,
)
from osaid.licensing.names import resolve_license
from osaid.licensing.spdx import is_osi_approved
from osaid.release import (
    Availability,
    BaseModelRef,
    Component,
    ComponentKind,
    DataClass,
    LicenseTerms,
    Modality,
    ModelRelease,
    TrainingDataset,
)
from osaid.sources import Confidence

__all__ = ["import_cyclonedx"]

FORMAT: Final = "cyclonedx"
_SPECS = {"1.5", "1.6", "1.7"}
_MODEL = "machine-learning-model"

_BOM_KEYS = frozenset(
    {"bomFormat", "specVersion", "metadata", "components", "dependencies", "externalReferences"}
)
_BOM_IDENTITY = ("$schema", "serialNumber", "version")
_METADATA_KEYS = frozenset({"component", "properties"})
_METADATA_IDENTITY = ("timestamp", "tools", "manufacturer", "authors", "lifecycles", "supplier")
_COMPONENT_KEYS = frozenset(
    {
        "type", "bom-ref", "name", "version", "group", "description", "publisher", "supplier",
        "manufacturer", "licenses", "externalReferences", "purl", "modelCard", "pedigree",
        "properties", "data",
    }
)  # fmt: skip
_CARD_KEYS = frozenset({"modelParameters", "properties", "bom-ref"})
_PARAMS_KEYS = frozenset({"datasets", "task"})
_REF_READ = frozenset({"distribution", "website", "model-card", "documentation", "vcs", "license"})
_TASKS = {
    "text-generation": (Modality.TEXT,),
    "text-classification": (Modality.TEXT,),
    "text2text-generation": (Modality.TEXT,),
    "image-classification": (Modality.IMAGE,),
    "image-text-to-text": (Modality.TEXT, Modality.IMAGE),
    "automatic-speech-recognition": (Modality.AUDIO,),
}
_OPEN_CLASSES = {"public", "open"}
_CLOSED_CLASSES = {"internal", "confidential", "restricted", "private", "secret", "proprietary"}
_MAX_PROPERTY_JSON = 100_000


@dataclass(frozen=True, slots=True)
class _Item:
    """One component of the BOM with its field path."""

    field: str
    data: Mapping[str, Any]
    kind: str | None
    ref: str | None
    name: str | None

    @property
    def label(self) -> str:
        return self.name or self.ref or self.field


def _items(document: Mapping[str, Any]) -> list[_Item]:
    out = []
    listed = as_items(document.get("components"), FORMAT, "components", limit=MAX_DOCUMENT_ELEMENTS)
    for field, raw in listed:
        data = as_mapping(raw, FORMAT, field)
        out.append(
            _Item(
                field=field,
                data=data,
                kind=as_key(data.get("type"), FORMAT, f"{field}.type"),
                ref=as_key(data.get("bom-ref"), FORMAT, f"{field}.bom-ref"),
                name=as_text(data.get("name"), FORMAT, f"{field}.name"),
            )
        )
    return out


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-./]+", "", text.lower().replace("%2f", "/"))


def _purl_name(purl: str | None) -> str | None:
    """``org/name`` of a package URL (``pkg:huggingface/org%2Fname@1.0``), folded."""
    if not purl or not purl.startswith("pkg:"):
        return None
    body = purl.split(":", 1)[1].split("?", 1)[0].split("#", 1)[0].split("@", 1)[0]
    body = body.split("/", 1)[1] if "/" in body else body
    return _fold(body.replace("%2F", "/").replace("%2f", "/"))


def _names(item: _Item) -> set[str]:
    """Every folded name a component can be named by."""
    out = {_fold(x) for x in (item.ref, item.name) if x}
    group = as_text(item.data.get("group"), FORMAT, f"{item.field}.group")
    if group and item.name:
        out.add(_fold(f"{group}/{item.name}"))
    purl = as_text(item.data.get("purl"), FORMAT, f"{item.field}.purl")
    if purl:
        out.add(_fold(purl))
        named = _purl_name(purl)
        if named:
            out.add(named)
    return out


def _dependencies(document: Mapping[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for where, raw in as_items(
        document.get("dependencies"), FORMAT, "dependencies", limit=MAX_DOCUMENT_ELEMENTS
    ):
        entry = as_mapping(raw, FORMAT, where)
        ref = as_key(entry.get("ref"), FORMAT, f"{where}.ref")
        if ref is None:
            continue
        targets = [
            target
            for sub, value in as_items(entry.get("dependsOn"), FORMAT, f"{where}.dependsOn")
            if (target := as_key(value, FORMAT, sub)) is not None
        ]
        out.setdefault(ref, []).extend(targets)
    return out


def _choose(
    document: Mapping[str, Any],
    items: list[_Item],
    deps: dict[str, list[str]],
    wanted: str | None,
    notes: Notes,
) -> _Item:
    """The subject of the BOM (see the module docstring for the order)."""
    metadata = as_mapping(document.get("metadata"), FORMAT, "metadata")
    top = None
    if metadata.get("component") is not None:
        data = as_mapping(metadata.get("component"), FORMAT, "metadata.component")
        top = _Item(
            field="metadata.component",
            data=data,
            kind=as_key(data.get("type"), FORMAT, "metadata.component.type"),
            ref=as_key(data.get("bom-ref"), FORMAT, "metadata.component.bom-ref"),
            name=as_text(data.get("name"), FORMAT, "metadata.component.name"),
        )
    models = [item for item in items if item.kind == _MODEL]
    candidates = models + ([top] if top is not None and top.kind == _MODEL else [])
    if wanted is not None:
        key = _fold(wanted)
        exact = [m for m in candidates if wanted in {m.ref, m.name}]
        found = exact or [m for m in candidates if key in _names(m)]
        if not found:
            listed = ", ".join(quote(m.label, 80) for m in candidates[:20]) or "none"
            raise bad_input(
                FORMAT,
                "components",
                f"no machine-learning-model component is named {wanted!r}; the models are: "
                f"{listed}",
            )
        if len(found) > 1:
            raise bad_input(
                FORMAT,
                "components",
                f"{len(found)} models match {wanted!r}; name one by its bom-ref",
            )
        notes.inferred(f"the model scored is the one asked for: {found[0].label!r}", found[0].field)
        return found[0]
    if not candidates:
        raise bad_input(FORMAT, "components", "no component of type 'machine-learning-model'")
    if top is not None and top.kind == _MODEL:
        notes.inferred("the BOM is about its metadata.component, a model", "metadata.component")
        return top
    if top is not None:
        names = _names(top)
        matched = [m for m in models if _names(m) & names]
        depended = [m for m in models if m.ref and m.ref in set(deps.get(top.ref or "", []))]
        for how, found in (
            ("by name or bom-ref", matched),
            ("as the model it depends on", depended),
        ):
            if len(found) == 1:
                notes.inferred(
                    f"the BOM is about {top.kind or 'a component'} {top.label!r} "
                    f"(metadata.component); the model matching it {how} is scored: "
                    f"{found[0].label!r}",
                    found[0].field,
                )
                return found[0]
    if len(models) == 1:
        return models[0]
    depended_on = {t for m in models if m.ref for t in deps.get(m.ref, [])}
    roots = [m for m in models if m.ref not in depended_on]
    if len(roots) == 1:
        notes.inferred(
            f"{len(models)} models in the BOM; the one no other model depends on is scored: "
            f"{roots[0].label!r}",
            roots[0].field,
        )
        return roots[0]
    shown = ", ".join(repr(m.label) for m in models[:10])
    notes.assumed(
        f"{len(models)} models in the BOM ({shown}) and nothing says which one it is about; "
        f"the first is scored (name another with component=..., or --component)",
        "components",
    )
    return models[0]


def _properties(data: Mapping[str, Any], field: str) -> list[tuple[str, str, str]]:
    """``properties`` as (field path, name, value) triples."""
    out = []
    for where, raw in as_items(data.get("properties"), FORMAT, field):
        entry = as_mapping(raw, FORMAT, where)
        name = as_text(entry.get("name"), FORMAT, f"{where}.name")
        value = as_text(entry.get("value"), FORMAT, f"{where}.value")
        if name and value:
            out.append((where, name, value))
    return out


_PROPERTY_READ = frozenset(
    {
        "license", "licenses", "license_name", "license_link", "base_model", "datasets",
        "downloadLocation", "external_references", "ai.model.relation", "suppliedBy",
        "pipeline_tag", "primaryPurpose", "commit_url",
    }
)  # fmt: skip
_PROPERTY_IDENTITY = frozenset({"bomFormat", "specVersion", "serialNumber", "version"})


@dataclass
class _Conventions:
    """What generators' properties say about one component (lower confidence)."""

    values: dict[str, tuple[str, str]]
    """Property name to (field path, value), first occurrence."""

    def get(self, name: str) -> tuple[str, str] | None:
        return self.values.get(name)


def _conventions(item: _Item, notes: Notes) -> _Conventions:
    card = as_mapping(item.data.get("modelCard"), FORMAT, f"{item.field}.modelCard")
    triples = _properties(card, f"{item.field}.modelCard.properties")
    triples += _properties(item.data, f"{item.field}.properties")
    values: dict[str, tuple[str, str]] = {}
    echoed = []
    for where, name, value in triples:
        if name in _PROPERTY_IDENTITY:
            echoed.append(name)
            continue
        if name in _PROPERTY_READ:
            values.setdefault(name, (where, value))
            continue
        notes.unmapped(f"property {name!r} is not read by osaid (value: {excerpt(value)})", where)
    if echoed:
        notes.unmapped(
            f"properties that repeat the BOM's own header ({', '.join(sorted(set(echoed)))}) "
            "say nothing about the model",
            f"{item.field}.modelCard.properties",
        )
    return _Conventions(values)


def _licenses(value: Any, notes: Notes, field: str) -> LicenseTerms | None:
    """One license terms object for a CycloneDX ``licenses`` array (several: AND)."""
    parts: list[str] = []
    names: list[str] = []
    url = None
    for where, item in as_items(value, FORMAT, field):
        entry = as_mapping(item, FORMAT, where)
        note_unread(notes, entry, frozenset({"expression", "license"}), where)
        if "expression" in entry:
            text = as_text(entry.get("expression"), FORMAT, f"{where}.expression")
            if text:
                parts.append(text)
            continue
        license_ = as_mapping(entry.get("license"), FORMAT, f"{where}.license")
        note_unread(notes, license_, frozenset({"id", "name", "url"}), f"{where}.license")
        ident = as_text(license_.get("id"), FORMAT, f"{where}.license.id")
        name = as_text(license_.get("name"), FORMAT, f"{where}.license.name")
        link = as_text(license_.get("url"), FORMAT, f"{where}.license.url")
        url = url or link
        if ident:
            parts.append(ident)
        elif name:
            names.append(name)
        elif link:
            names.append(link)
    if not parts and not names:
        return None
    resolved: list[str] = []
    unknown: list[str] = []
    for text in parts + names:
        found = resolve_license(text)
        if not found.known and url and text in names:
            found = resolve_license(url)  # a name osaid does not know, with a known text URL
            if found.known:
                notes.inferred(f"license {text!r} read by its URL as {found.expression}", field)
        if found.known and found.expression not in {None, "NONE", "NOASSERTION"}:
            resolved.append(
                f"({found.expression})" if " " in str(found.expression) else str(found.expression)
            )
            if found.expression != text and found.expression not in {
                e.strip("()") for e in resolved[:-1]
            }:
                notes.normalised(f"license {text!r} read as {found.expression}", field)
        elif found.expression in {"NONE", "NOASSERTION"}:
            notes.assumed(f"license {text!r} says the license is not stated", field)
        else:
            unknown.append(text)
    if unknown:
        listed = ", ".join(quote(text) for text in unknown)
        notes.unmapped(f"license {listed} is not one osaid knows", field)
        return LicenseTerms(name=clip(" AND ".join(parts + names)), url=url)
    if not resolved:
        return None
    if len(resolved) > 1:
        notes.assumed("several licenses on one component are read as all applying (AND)", field)
    return terms_from_string(" AND ".join(dict.fromkeys(resolved)), notes, field, url=url)


def _refs(data: Mapping[str, Any], field: str, notes: Notes) -> dict[str, list[str]]:
    """External references by type, each type osaid does not read noted."""
    out: dict[str, list[str]] = {}
    for where, item in as_items(data.get("externalReferences"), FORMAT, field):
        ref = as_mapping(item, FORMAT, where)
        kind = as_text(ref.get("type"), FORMAT, f"{where}.type") or ""
        url = as_text(ref.get("url"), FORMAT, f"{where}.url")
        if not url:
            continue
        if kind not in _REF_READ:
            notes.unmapped(f"a {kind or 'untyped'} reference is not read by osaid: {url}", where)
            continue
        out.setdefault(kind, []).append(url)
    return out


def _property_refs(conventions: _Conventions, notes: Notes) -> dict[str, list[str]]:
    """The ``external_references`` property (a JSON list some generators write)."""
    found = conventions.get("external_references")
    if found is None:
        return {}
    where, value = found
    try:
        parsed = json.loads(value) if len(value) <= _MAX_PROPERTY_JSON else None
    except ValueError:
        parsed = None
    if not isinstance(parsed, list):
        notes.unmapped(
            f"the external_references property is not a JSON list: {excerpt(value)}", where
        )
        return {}
    out: dict[str, list[str]] = {}
    for entry in parsed[:100]:
        if isinstance(entry, Mapping) and isinstance(entry.get("url"), str):
            kind = str(entry.get("type") or "")
            if kind in _REF_READ:
                out.setdefault(kind, []).append(entry["url"][:2000])
    if out:
        notes.inferred(
            "references read from the generator's external_references property (lower "
            "confidence than the component's own externalReferences)",
            where,
        )
    return out


def _parts(
    item: _Item,
    refs: dict[str, list[str]],
    root: dict[str, list[str]],
    conventions: _Conventions,
    notes: Notes,
) -> tuple[tuple[Component, ...], tuple[str, ...]]:
    """The subject's components, and the source-repository URLs (kept as sources)."""
    field = item.field
    locations = refs.get("distribution") or refs.get("website") or []
    if not locations and conventions.get("downloadLocation") is not None:
        where, value = conventions.get("downloadLocation") or ("", "")
        locations = [value]
        notes.inferred("the weights' location comes from the downloadLocation property", where)
    if not locations and root.get("distribution"):
        locations = root["distribution"]
        notes.inferred(
            "the model names no distribution; the BOM's own distribution reference is used",
            "externalReferences",
        )
    if not locations:
        notes.assumed("the model component names no distribution: availability not stated", field)
    terms = _licenses(item.data.get("licenses"), notes, f"{field}.licenses")
    if terms is None:
        terms = _property_license(conventions, notes)
    parts = [
        Component(
            kind=ComponentKind.PARAMETERS_FINAL,
            availability=Availability.PUBLIC if locations else Availability.NOT_STATED,
            locations=tuple(dict.fromkeys(locations)),
            license=terms,
            sources=(source(locations[0] if locations else None, "CycloneDX model component"),),
        )
    ]
    docs = refs.get("model-card", []) + refs.get("documentation", [])
    if docs:
        parts.append(
            Component(
                kind=ComponentKind.MODEL_CARD,
                availability=Availability.PUBLIC,
                locations=tuple(dict.fromkeys(docs)),
            )
        )
    vcs = tuple(dict.fromkeys(refs.get("vcs", [])))
    if vcs:
        notes.assumed(
            f"a source repository is referenced ({vcs[0]}), but not its role (training or "
            "inference code): it is kept as a source, and no code component is derived from it",
            field,
        )
    return tuple(parts), vcs


def _property_license(conventions: _Conventions, notes: Notes) -> LicenseTerms | None:
    for key in ("license", "licenses", "license_name"):
        found = conventions.get(key)
        if found is None:
            continue
        where, value = found
        link = conventions.get("license_link")
        terms = terms_from_string(value, notes, where, url=link[1] if link else None)
        if terms is not None:
            notes.inferred(
                f"the license comes from the generator's {key!r} property (lower confidence: "
                "the component itself lists no licenses)",
                where,
            )
        return terms
    return None


def _data_class(
    component: Mapping[str, Any], field: str, notes: Notes, *, has_url: bool
) -> DataClass:
    classes = set()
    for where, item in as_items(component.get("data"), FORMAT, f"{field}.data"):
        entry = as_mapping(item, FORMAT, where)
        value = as_text(entry.get("classification"), FORMAT, f"{where}.classification")
        if value:
            classes.add((value.lower(), f"{where}.classification"))
    closed = [(c, w) for c, w in classes if c in _CLOSED_CLASSES]
    if closed:
        notes.inferred(
            f"data classification {closed[0][0]!r}: the dataset is not shareable", closed[0][1]
        )
        return DataClass.UNSHAREABLE
    for value, where in classes:
        if value not in _OPEN_CLASSES:
            notes.unmapped(f"data classification {value!r} is not one osaid reads", where)
    return DataClass.PUBLIC if has_url else DataClass.OBTAINABLE


def _data_component(item: _Item, notes: Notes) -> TrainingDataset:
    component, field = item.data, item.field
    note_unread(notes, component, _COMPONENT_KEYS, field, about="a data component")
    name = item.name or field
    urls: list[str] = []
    for where, raw in as_items(component.get("data"), FORMAT, f"{field}.data"):
        entry = as_mapping(raw, FORMAT, where)
        note_unread(
            notes,
            entry,
            frozenset({"contents", "classification", "type", "bom-ref", "name", "description"}),
            where,
        )
        contents = as_mapping(entry.get("contents"), FORMAT, f"{where}.contents")
        url = as_text(contents.get("url"), FORMAT, f"{where}.contents.url")
        if url:
            urls.append(url)
    refs = _refs(component, f"{field}.externalReferences", notes)
    urls += refs.get("distribution", []) + refs.get("website", [])
    terms = _licenses(component.get("licenses"), notes, f"{field}.licenses")
    if terms is None:
        for where, prop, value in _properties(component, f"{field}.properties"):
            if prop == "license":
                terms = terms_from_string(value, notes, where)
                notes.inferred(
                    "the dataset's license comes from a 'license' property (lower confidence: "
                    "the component lists no licenses)",
                    where,
                )
                break
    if terms is None:
        notes.assumed(
            f"dataset {name!r} carries no license: its terms are not stated", f"{field}.licenses"
        )
    description = as_text(component.get("description"), FORMAT, f"{field}.description")
    with building(FORMAT, field):
        return TrainingDataset(
            name=name,
            data_class=_data_class(component, field, notes, has_url=bool(urls)),
            locations=tuple(dict.fromkeys(urls)),
            license=terms,
            description=clip(description) if description else None,
        )


def _datasets(
    subject: _Item,
    items: list[_Item],
    deps: dict[str, list[str]],
    conventions: _Conventions,
    notes: Notes,
) -> tuple[TrainingDataset, ...]:
    by_ref = {item.ref: item for item in items if item.ref is not None}
    field = subject.field
    card = as_mapping(subject.data.get("modelCard"), FORMAT, f"{field}.modelCard")
    params = as_mapping(card.get("modelParameters"), FORMAT, f"{field}.modelCard.modelParameters")
    datasets: list[TrainingDataset] = []
    used: set[str] = set()
    listed = as_items(params.get("datasets"), FORMAT, f"{field}.modelCard.modelParameters.datasets")
    for d_index, (d_field, raw) in enumerate(listed):
        entry = as_mapping(raw, FORMAT, d_field)
        if "ref" in entry:
            ref = as_key(entry.get("ref"), FORMAT, f"{d_field}.ref")
            target = by_ref.get(ref) if ref is not None else None
            if target is None:
                notes.unmapped(f"dataset reference {quote(ref)} points to no component", d_field)
                continue
            if target.field not in used:
                used.add(target.field)
                datasets.append(_data_component(target, notes))
            continue
        note_unread(notes, entry, frozenset({"name", "contents", "type"}), d_field)
        label = as_text(entry.get("name"), FORMAT, f"{d_field}.name") or f"dataset {d_index + 1}"
        contents = as_mapping(entry.get("contents"), FORMAT, f"{d_field}.contents")
        url = as_text(contents.get("url"), FORMAT, f"{d_field}.contents.url")
        with building(FORMAT, d_field):
            datasets.append(
                TrainingDataset(
                    name=label,
                    data_class=DataClass.PUBLIC if url else DataClass.OBTAINABLE,
                    locations=(url,) if url else (),
                )
            )
        notes.assumed("an inline dataset carries no license in CycloneDX", d_field)
    names = {d.name for d in datasets}
    for item in items:
        if item.kind != "data" or item.field in used or (item.name or "") in names:
            continue
        datasets.append(_data_component(item, notes))
        if subject.ref and item.ref not in deps.get(subject.ref, []) and deps:
            notes.assumed(
                f"data component {item.label!r} is read as training data, though the model "
                "does not reference it",
                item.field,
            )
    if not datasets and conventions.get("datasets") is not None:
        where, value = conventions.get("datasets") or ("", "")
        for label in _listed(value)[:100]:
            datasets.append(
                TrainingDataset(
                    name=clip(label, 200),
                    data_class=DataClass.PUBLIC,
                    locations=(f"https://huggingface.co/datasets/{label}",)
                    if re.fullmatch(r"[\w.\-]+/[\w.\-]+", label)
                    else (),
                )
            )
        notes.inferred(
            "training datasets come from the generator's 'datasets' property (lower "
            "confidence), read as public datasets on the Hub",
            where,
        )
    return tuple(datasets)


def _listed(value: str) -> list[str]:
    """A property holding a list: JSON, or comma-separated names."""
    if value.startswith("[") and len(value) <= _MAX_PROPERTY_JSON:
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return [str(x).strip() for x in parsed if isinstance(x, str | int) and str(x).strip()]
    return [part.strip() for part in value.split(",") if part.strip()]


def _restrictiveness(terms: LicenseTerms | None) -> int:
    """How restrictive a base's stated terms look (lower: more).

    The base followed is the one most likely to bind the release: 0 a custom license, 1 an
    SPDX license that is not OSI-approved, 2 no license stated, 3 OSI-approved.
    """
    if terms is None or terms.expression in {None, "NOASSERTION"}:
        return 0 if terms is not None and terms.name else 2
    parts = re.findall(r"[A-Za-z0-9.+\-]+", terms.expression)
    ids = [p for p in parts if p not in {"AND", "OR", "WITH"}]
    if any(p.startswith("LicenseRef-") for p in ids) or terms.expression == "NONE":
        return 0
    return 3 if all(is_osi_approved(p) for p in ids) else 1


def _bases(
    subject: _Item,
    items: list[_Item],
    deps: dict[str, list[str]],
    conventions: _Conventions,
    notes: Notes,
) -> tuple[BaseModelRef | None, tuple[ModelRelease, ...]]:
    """The base model followed, and the base models the BOM describes as releases."""
    field = subject.field
    by_ref = {item.ref: item for item in items if item.ref is not None}
    found: list[tuple[str, str, _Item | None]] = []  # (name, relation, component)
    pedigree = as_mapping(subject.data.get("pedigree"), FORMAT, f"{field}.pedigree")
    note_unread(notes, pedigree, frozenset({"ancestors"}), f"{field}.pedigree")
    for where, raw in as_items(pedigree.get("ancestors"), FORMAT, f"{field}.pedigree.ancestors"):
        ancestor = as_mapping(raw, FORMAT, where)
        name = as_text(ancestor.get("name"), FORMAT, f"{where}.name")
        ref = as_key(ancestor.get("bom-ref"), FORMAT, f"{where}.bom-ref")
        if name:
            found.append((name, "derived (CycloneDX pedigree)", by_ref.get(ref) if ref else None))
    for target in deps.get(subject.ref or "", []):
        base = by_ref.get(target)
        if base is None or base.kind != _MODEL or base.field == field:
            if base is None and target.startswith("pkg:") and "dataset" not in target:
                notes.unmapped(
                    f"the model depends on {target!r}, which the BOM does not list", "dependencies"
                )
            continue
        prop = _conventions(base, Notes(FORMAT)).get("ai.model.relation")
        found.append((base.label, prop[1] if prop else "depends on (CycloneDX)", base))
    if not found and conventions.get("base_model") is not None:
        where, value = conventions.get("base_model") or ("", "")
        for label in _listed(value)[:20]:
            found.append((label, "base_model property", None))
        notes.inferred("the base model comes from the generator's base_model property", where)
    if not found:
        return None, ()
    unique: dict[str, tuple[str, _Item | None]] = {}
    for name, relation, item in found:
        unique.setdefault(name, (relation, item))
    releases = {
        name: _base_release(item, notes) for name, (_, item) in unique.items() if item is not None
    }
    order = sorted(
        unique,
        key=lambda n: _restrictiveness(releases[n].components[0].license) if n in releases else 2,
    )
    chosen = order[0]
    relation, item = unique[chosen]
    if len(unique) > 1:
        others = ", ".join(repr(n) for n in order[1:])
        notes.assumed(
            f"{len(unique)} base models ({chosen!r}, {others}); each one's terms bind the "
            f"release, and osaid follows the one whose stated terms restrict most: {chosen!r}",
            f"{field}",
        )
    elif item is not None:
        notes.inferred(
            f"the model depends on model {chosen!r} of the BOM, read as its base model "
            f"({relation})",
            item.field,
        )
    followed = BaseModelRef(
        name=chosen,
        relation=relation,
        url=f"https://huggingface.co/{chosen}"
        if re.fullmatch(r"[\w.\-]+/[\w.\-]+", chosen)
        else None,
    )
    return followed, tuple(releases.values())


def _base_release(item: _Item, notes: Notes) -> ModelRelease:
    """A base model the BOM lists, as a release of its own (its terms as the BOM gives them)."""
    own = Notes(FORMAT)
    terms = _licenses(item.data.get("licenses"), own, f"{item.field}.licenses")
    refs = _refs(item.data, f"{item.field}.externalReferences", own)
    locations = tuple(refs.get("distribution") or refs.get("website") or [])
    notes.inferred(
        f"base model {item.label!r} is described in the BOM: scored with the terms it gives",
        item.field,
    )
    with building(FORMAT, item.field):
        return ModelRelease(
            name=item.label,
            components=(
                Component(
                    kind=ComponentKind.PARAMETERS_FINAL,
                    availability=Availability.PUBLIC if locations else Availability.NOT_STATED,
                    locations=locations,
                    license=terms,
                ),
            ),
            sources=(source(None, "CycloneDX component listed as a base model"),),
            import_notes=tuple(own.items),
        )


def import_cyclonedx(
    document: Mapping[str, Any], *, name: str | None = None, component: str | None = None
) -> ImportResult:
    """Build a release from a parsed CycloneDX ML-BOM.

    :param name: a name to use when the model component has none (e.g. the file name).
    :param component: the model to score, by ``bom-ref``, name, ``group/name`` or
        ``purl`` (default: the model the BOM is about; see the module docstring).
    :raises InvalidReleaseError: if the BOM has no machine-learning-model component, or
        ``component`` names none.
    """
    fallback = name
    notes = Notes(FORMAT)
    document = require_mapping(document, FORMAT, "a CycloneDX BOM is a JSON object")
    if document.get("bomFormat") != "CycloneDX":
        raise bad_input(FORMAT, "bomFormat", "a CycloneDX BOM has bomFormat 'CycloneDX'")
    spec = as_text(document.get("specVersion"), FORMAT, "specVersion")
    if spec not in _SPECS:
        notes.assumed(f"specVersion {spec!r} read as an ML-BOM of 1.5-1.7", "specVersion")
    note_unread(notes, document, _BOM_KEYS | set(_BOM_IDENTITY), "", about="the BOM")
    metadata = as_mapping(document.get("metadata"), FORMAT, "metadata")
    note_unread(notes, metadata, _METADATA_KEYS | set(_METADATA_IDENTITY), "metadata")
    identity = [k for k in _BOM_IDENTITY if k in document] + [
        f"metadata.{k}" for k in _METADATA_IDENTITY if k in metadata
    ]
    if identity:
        notes.unmapped(
            f"fields about the BOM document itself ({', '.join(identity)}) are not part of "
            "the release",
            None,
        )
    items = _items(document)
    deps = _dependencies(document)
    subject = _choose(document, items, deps, component, notes)
    field = subject.field
    note_unread(notes, subject.data, _COMPONENT_KEYS, field, about="the model component")
    conventions = _conventions(subject, notes)
    for _, prop, value in _properties(metadata, "metadata.properties"):
        if prop not in {"primaryPurpose", "suppliedBy"}:
            notes.unmapped(
                f"property {prop!r} of the BOM is not read (value: {excerpt(value)})",
                "metadata.properties",
            )
    refs = _refs(subject.data, f"{field}.externalReferences", notes)
    for kind, urls in _property_refs(conventions, notes).items():
        refs.setdefault(kind, urls)
    root = _refs(document, "externalReferences", notes)
    parts, vcs = _parts(subject, refs, root, conventions, notes)
    card = as_mapping(subject.data.get("modelCard"), FORMAT, f"{field}.modelCard")
    note_unread(notes, card, _CARD_KEYS, f"{field}.modelCard", about="the model card")
    params = as_mapping(card.get("modelParameters"), FORMAT, f"{field}.modelCard.modelParameters")
    note_unread(notes, params, _PARAMS_KEYS, f"{field}.modelCard.modelParameters")
    task = as_text(params.get("task"), FORMAT, f"{field}.modelCard.modelParameters.task")
    datasets = _datasets(subject, items, deps, conventions, notes)
    base, base_releases = _bases(subject, items, deps, conventions, notes)
    for item in items:
        if (
            item.kind == _MODEL
            and item.field != field
            and item.label not in {r.name for r in base_releases}
        ):
            notes.unmapped(
                f"model {item.label!r} is listed but is neither the subject nor its base; it "
                "is not scored (name it with component=..., or --component, to score it)",
                item.field,
            )
    notes.assumed("an ML-BOM does not record training code or data information: not stated", "")
    release_name_value = subject.data.get("name")
    name = release_name(release_name_value, fallback, FORMAT, f"{field}.name", notes)
    supplier = as_mapping(subject.data.get("supplier"), FORMAT, f"{field}.supplier")
    manufacturer = as_mapping(subject.data.get("manufacturer"), FORMAT, f"{field}.manufacturer")
    description = as_text(subject.data.get("description"), FORMAT, f"{field}.description")
    producer = (
        as_text(supplier.get("name"), FORMAT, f"{field}.supplier.name")
        or as_text(subject.data.get("publisher"), FORMAT, f"{field}.publisher")
        or as_text(manufacturer.get("name"), FORMAT, f"{field}.manufacturer.name")
    )
    version = as_text(subject.data.get("version"), FORMAT, f"{field}.version")
    group = as_text(subject.data.get("group"), FORMAT, f"{field}.group")
    commit = conventions.get("commit_url")
    sources = (
        source(None, f"CycloneDX {spec or ''} ML-BOM".replace("  ", " ")),
        *(source(url, "Source repository referenced by the ML-BOM") for url in vcs),
        *((source(commit[1], "Commit URL (generator property)", confidence=Confidence.UNVERIFIED),)
          if commit else ()),
    )  # fmt: skip
    with building(FORMAT, field):
        release = ModelRelease(
            name=name,
            aliases=(f"{group}/{name}",) if group and "/" not in name else (),
            version=version,
            producer=producer,
            description=clip(description) if description else None,
            modalities=_TASKS.get(task or "", ()),
            base_model=base,
            components=parts,
            training_datasets=datasets,
            sources=sources,
            import_notes=tuple(notes.items),
        )
    return ImportResult(release, release.import_notes, base_models=base_releases)
