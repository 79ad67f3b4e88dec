"""Import a CycloneDX 1.5-1.7 ML-BOM (JSON).

The ``machine-learning-model`` component gives the parameters (location from its
``distribution`` reference, license from ``licenses``); its model card's datasets, and
``data`` components, give the training datasets (a dataset without licenses keeps its
terms not stated); ``pedigree.ancestors`` names the base model. CycloneDX has no role for
training code or data information, so those stay not stated.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    quote,
    release_name,
    require_mapping,
    source,
    terms_from_string,
)
from osaid.licensing.names import resolve_license
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

__all__ = ["import_cyclonedx"]

FORMAT: Final = "cyclonedx"
_SPECS = {"1.5", "1.6", "1.7"}


def _licenses(value: Any, notes: Notes, field: str) -> LicenseTerms | None:
    """One license terms object for a CycloneDX ``licenses`` array (several: AND)."""
    parts: list[str] = []
    names: list[str] = []
    url = None
    for where, item in as_items(value, FORMAT, field):
        entry = as_mapping(item, FORMAT, where)
        if "expression" in entry:
            text = as_text(entry.get("expression"), FORMAT, f"{where}.expression")
            if text:
                parts.append(text)
            continue
        license_ = as_mapping(entry.get("license"), FORMAT, f"{where}.license")
        ident = as_text(license_.get("id"), FORMAT, f"{where}.license.id")
        name = as_text(license_.get("name"), FORMAT, f"{where}.license.name")
        url = url or as_text(license_.get("url"), FORMAT, f"{where}.license.url")
        if ident:
            parts.append(ident)
        elif name:
            names.append(name)
    if not parts and not names:
        return None
    resolved: list[str] = []
    unknown: list[str] = []
    for text in parts + names:
        found = resolve_license(text)
        if found.known and found.expression not in {None, "NONE", "NOASSERTION"}:
            resolved.append(
                f"({found.expression})" if " " in str(found.expression) else str(found.expression)
            )
            if found.expression != text:
                notes.normalised(f"license {text!r} read as {found.expression}", field)
        else:
            unknown.append(text)
    if unknown:
        listed = ", ".join(quote(text) for text in unknown)
        notes.unmapped(f"license {listed} is not one osaid knows", field)
        return LicenseTerms(name=clip(" AND ".join(parts + names)), url=url)
    if len(resolved) > 1:
        notes.assumed("several licenses on one component are read as all applying (AND)", field)
    return terms_from_string(" AND ".join(resolved), notes, field, url=url)


def _refs(component: Mapping[str, Any], kind: str, field: str) -> list[str]:
    out = []
    for where, item in as_items(component.get("externalReferences"), FORMAT, field):
        ref = as_mapping(item, FORMAT, where)
        if as_text(ref.get("type"), FORMAT, f"{where}.type") == kind:
            url = as_text(ref.get("url"), FORMAT, f"{where}.url")
            if url:
                out.append(url)
    return out


def _model(
    document: Mapping[str, Any], notes: Notes
) -> tuple[str, Mapping[str, Any], list[tuple[str, Mapping[str, Any]]]]:
    """The model component, its field path, and every component with its field path."""
    components = [
        (where, as_mapping(c, FORMAT, where))
        for where, c in as_items(
            document.get("components"), FORMAT, "components", limit=MAX_DOCUMENT_ELEMENTS
        )
    ]
    metadata = as_mapping(document.get("metadata"), FORMAT, "metadata")
    if metadata.get("component") is not None:
        top = as_mapping(metadata.get("component"), FORMAT, "metadata.component")
        components.insert(0, ("metadata.component", top))
    models = [(f, c) for f, c in components if _kind(c, f) == "machine-learning-model"]
    if not models:
        raise bad_input(FORMAT, "components", "no component of type 'machine-learning-model'")
    if len(models) > 1:
        notes.unmapped(f"{len(models)} models in the BOM; only the first is scored", "components")
    field, model = models[0]
    return field, model, components


def _kind(component: Mapping[str, Any], field: str) -> str | None:
    return as_key(component.get("type"), FORMAT, f"{field}.type")


def _parts(model: Mapping[str, Any], field: str, notes: Notes) -> tuple[Component, ...]:
    refs = f"{field}.externalReferences"
    locations = _refs(model, "distribution", refs) or _refs(model, "website", refs)
    if not locations:
        notes.assumed("the model component names no distribution: availability not stated", field)
    terms = _licenses(model.get("licenses"), notes, f"{field}.licenses")
    parts = [
        Component(
            kind=ComponentKind.PARAMETERS_FINAL,
            availability=Availability.PUBLIC if locations else Availability.NOT_STATED,
            locations=tuple(locations),
            license=terms,
            sources=(source(locations[0] if locations else None, "CycloneDX model component"),),
        )
    ]
    vcs = _refs(model, "vcs", refs)
    if vcs:
        notes.unmapped(
            f"a source repository ({vcs[0]}) is referenced, but not its role (training or "
            "inference)",
            field,
        )
    docs = _refs(model, "model-card", refs)
    if docs:
        parts.append(
            Component(
                kind=ComponentKind.MODEL_CARD,
                availability=Availability.PUBLIC,
                locations=tuple(docs),
            )
        )
    return tuple(parts)


def _datasets(
    model: Mapping[str, Any],
    field: str,
    components: list[tuple[str, Mapping[str, Any]]],
    notes: Notes,
) -> tuple[TrainingDataset, ...]:
    by_ref: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for where, c in components:
        ref = as_key(c.get("bom-ref"), FORMAT, f"{where}.bom-ref")
        if ref is not None:
            by_ref.setdefault(ref, (where, c))
    card = as_mapping(model.get("modelCard"), FORMAT, f"{field}.modelCard")
    params = as_mapping(card.get("modelParameters"), FORMAT, f"{field}.modelCard.modelParameters")
    datasets: list[TrainingDataset] = []
    listed = as_items(params.get("datasets"), FORMAT, f"{field}.modelCard.modelParameters.datasets")
    for d_index, (d_field, item) in enumerate(listed):
        entry = as_mapping(item, FORMAT, d_field)
        if "ref" in entry:
            ref = as_key(entry.get("ref"), FORMAT, f"{d_field}.ref")
            target = by_ref.get(ref) if ref is not None else None
            if target is None:
                notes.unmapped(f"dataset reference {quote(ref)} points to no component", d_field)
                continue
            datasets.append(_data_component(target[1], target[0], notes))
            continue
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
    for where, comp in components:
        if _kind(comp, where) != "data":
            continue
        label = as_text(comp.get("name"), FORMAT, f"{where}.name") or ""
        if label not in names:
            datasets.append(_data_component(comp, where, notes))
    return tuple(datasets)


def _base(model: Mapping[str, Any], field: str) -> BaseModelRef | None:
    pedigree = as_mapping(model.get("pedigree"), FORMAT, f"{field}.pedigree")
    ancestors = as_items(pedigree.get("ancestors"), FORMAT, f"{field}.pedigree.ancestors")
    if not ancestors:
        return None
    where, item = ancestors[0]
    first = as_mapping(item, FORMAT, where)
    name = as_text(first.get("name"), FORMAT, f"{where}.name")
    return BaseModelRef(name=name, relation="derived (CycloneDX pedigree)") if name else None


def import_cyclonedx(document: Mapping[str, Any], *, name: str | None = None) -> ImportResult:
    """Build a release from a parsed CycloneDX ML-BOM.

    :param name: a name to use when the model component has none (e.g. the file name).
    :raises InvalidReleaseError: if the BOM has no machine-learning-model component.
    """
    fallback = name
    notes = Notes(FORMAT)
    document = require_mapping(document, FORMAT, "a CycloneDX BOM is a JSON object")
    if document.get("bomFormat") != "CycloneDX":
        raise bad_input(FORMAT, "bomFormat", "a CycloneDX BOM has bomFormat 'CycloneDX'")
    spec = as_text(document.get("specVersion"), FORMAT, "specVersion")
    if spec not in _SPECS:
        notes.assumed(f"specVersion {spec!r} read as an ML-BOM of 1.5-1.7", "specVersion")
    field, model, components = _model(document, notes)
    name = release_name(model.get("name"), fallback, FORMAT, f"{field}.name", notes)
    parts = _parts(model, field, notes)
    datasets = _datasets(model, field, components, notes)
    notes.assumed("an ML-BOM does not record training code or data information: not stated", "")
    supplier = as_mapping(model.get("supplier"), FORMAT, f"{field}.supplier")
    description = as_text(model.get("description"), FORMAT, f"{field}.description")
    producer = as_text(supplier.get("name"), FORMAT, f"{field}.supplier.name") or as_text(
        model.get("publisher"), FORMAT, f"{field}.publisher"
    )
    version = as_text(model.get("version"), FORMAT, f"{field}.version")
    base = _base(model, field)
    with building(FORMAT, field):
        release = ModelRelease(
            name=name,
            version=version,
            producer=producer,
            description=clip(description) if description else None,
            base_model=base,
            components=parts,
            training_datasets=datasets,
            sources=(source(None, f"CycloneDX {spec or ''} ML-BOM".replace("  ", " ")),),
            import_notes=tuple(notes.items),
        )
    return ImportResult(release, release.import_notes)


def _data_component(component: Mapping[str, Any], field: str, notes: Notes) -> TrainingDataset:
    name = as_text(component.get("name"), FORMAT, f"{field}.name") or field
    urls: list[str] = []
    for where, item in as_items(component.get("data"), FORMAT, f"{field}.data"):
        entry = as_mapping(item, FORMAT, where)
        contents = as_mapping(entry.get("contents"), FORMAT, f"{where}.contents")
        url = as_text(contents.get("url"), FORMAT, f"{where}.contents.url")
        if url:
            urls.append(url)
    urls += _refs(component, "distribution", f"{field}.externalReferences")
    terms = _licenses(component.get("licenses"), notes, f"{field}.licenses")
    if terms is None:
        notes.assumed(
            f"dataset {name!r} carries no license: its terms are not stated", f"{field}.licenses"
        )
    with building(FORMAT, field):
        return TrainingDataset(
            name=name,
            data_class=DataClass.PUBLIC if urls else DataClass.OBTAINABLE,
            locations=tuple(urls),
            license=terms,
        )
