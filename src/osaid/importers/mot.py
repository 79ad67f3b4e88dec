"""Import a Model Openness Tool (MOT) record (the MOF 1.0 schema's YAML).

MOT is the LF AI & Data Model Openness Framework's tool.

How MOT's model maps onto osaid's:

- A component listed in the record is included (released). MOT records no gating, so its
  availability is taken to be public. A component MOT does not list is not included,
  as MOT itself reads it, and becomes ``not-released``; the exceptions are evaluation code
  (the OSI 1.0 checklist groups validation code with training code), supporting
  libraries and the components OSAID does not require, which become ``not-stated``.
- Licenses: a component's own ``license`` wins; an omitted ``license`` inherits the global
  license for the component's content type (code, data, document), then the global
  ``distribution`` license. ``unlicensed`` means included with no license (``NONE``);
  nothing at all after inheritance means not stated (``NOASSERTION``). The three stay
  distinct.
- Data information: MOT has no element-level data information. As the OSI's 1.0 checklist
  does, the elements are judged from the Datasets, Data card, Research paper and Technical
  report components and their terms: when any of them is included, every element is taken
  to be disclosed in them; when none is, no element is. Import notes say so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from osaid._model import clip
from osaid.importers._common import (
    ImportResult,
    Notes,
    as_items,
    as_mapping,
    as_text,
    bad_input,
    building,
    partial_date,
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
    DataInformation,
    Disclosure,
    DisclosureState,
    LicenseTerms,
    Modality,
    ModelRelease,
)

__all__ = ["MOT_COMPONENTS", "import_mot"]

FORMAT: Final = "mot"

_K = ComponentKind
MOT_COMPONENTS: Final[dict[str, tuple[ComponentKind, str]]] = {
    "Model architecture": (_K.ARCHITECTURE_CODE, "code"),
    "Model parameters (Final)": (_K.PARAMETERS_FINAL, "data"),
    "Model parameters (Intermediate)": (_K.PARAMETERS_INTERMEDIATE, "data"),
    "Training code": (_K.TRAINING_CODE, "code"),
    "Inference code": (_K.INFERENCE_CODE, "code"),
    "Evaluation code": (_K.EVALUATION_CODE, "code"),
    "Data preprocessing code": (_K.DATA_PROCESSING_CODE, "code"),
    "Supporting libraries and tools": (_K.SUPPORTING_LIBRARIES, "code"),
    "Datasets": (_K.DATASETS, "data"),
    "Evaluation data": (_K.EVALUATION_DATA, "data"),
    "Model metadata": (_K.MODEL_METADATA, "data"),
    "Data card": (_K.DATA_CARD, "document"),
    "Research paper": (_K.RESEARCH_PAPER, "document"),
    "Technical report": (_K.TECHNICAL_REPORT, "document"),
    "Model card": (_K.MODEL_CARD, "document"),
    "Evaluation results": (_K.EVALUATION_RESULTS, "document"),
    "Sample model outputs": (_K.SAMPLE_OUTPUTS, "document"),
}
"""MOT's 17 component names, with osaid's kind and MOT's content type for each."""

# Kinds that a record not listing them leaves unknown rather than missing.
_ABSENT_IS_UNKNOWN = frozenset(
    {
        _K.EVALUATION_CODE,
        _K.SUPPORTING_LIBRARIES,
        _K.PARAMETERS_INTERMEDIATE,
        _K.MODEL_METADATA,
        _K.EVALUATION_DATA,
        _K.EVALUATION_RESULTS,
        _K.SAMPLE_OUTPUTS,
        _K.MODEL_CARD,
    }
)
_CHECKLIST_DATA = (_K.DATASETS, _K.DATA_CARD, _K.RESEARCH_PAPER, _K.TECHNICAL_REPORT)
_NOT_INCLUDED = re.compile(r"component\s+(component\s+)?not\s+include", re.IGNORECASE)
_MODALITY = {
    "language": (Modality.TEXT,),
    "code": (Modality.CODE,),
    "vision": (Modality.IMAGE,),
    "image": (Modality.IMAGE,),
    "audio": (Modality.AUDIO,),
    "video": (Modality.VIDEO,),
    "multimodal": (Modality.TEXT, Modality.IMAGE),
}


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


_BY_NAME = {_fold(name): value for name, value in MOT_COMPONENTS.items()}


def _global_licenses(
    release: Mapping[str, Any], notes: Notes
) -> dict[str, tuple[str | None, str | None]]:
    out: dict[str, tuple[str | None, str | None]] = {}
    table = as_mapping(release.get("license"), FORMAT, "release.license")
    for key in ("distribution", "code", "data", "document"):
        entry = table.get(key)
        if entry is None:
            continue
        field = f"release.license.{key}"
        if isinstance(entry, str):
            out[key] = (as_text(entry, FORMAT, field), None)
            continue
        entry = as_mapping(entry, FORMAT, field)
        out[key] = (
            as_text(entry.get("name"), FORMAT, f"{field}.name"),
            as_text(entry.get("path"), FORMAT, f"{field}.path"),
        )
    for key in table:
        if key not in {"distribution", "code", "data", "document"}:
            notes.unmapped(
                f"global license key {quote(key)} is not part of MOT's schema", "release.license"
            )
    return out


def _component_terms(
    entry: Mapping[str, Any],
    content: str,
    globals_: dict[str, tuple[str | None, str | None]],
    notes: Notes,
    field: str,
) -> LicenseTerms | None:
    if "license" in entry:
        raw = as_text(entry.get("license"), FORMAT, f"{field}.license")
        url = as_text(entry.get("license_path"), FORMAT, f"{field}.license_path")
        if raw is None:
            notes.assumed("an empty license is read as not stated", f"{field}.license")
            return None
        return terms_from_string(raw, notes, f"{field}.license", url=url)
    for key in (content, "distribution"):
        name, path = globals_.get(key, (None, None))
        if name:
            notes.inferred(f"license inherited from release.license.{key} ({name})", field)
            return terms_from_string(name, notes, f"release.license.{key}.name", url=path)
    return None


def _components(
    release: Mapping[str, Any],
    globals_: dict[str, tuple[str | None, str | None]],
    notes: Notes,
) -> dict[ComponentKind, Component]:
    components: dict[ComponentKind, Component] = {}
    entries = as_items(release.get("components"), FORMAT, "release.components")
    for field, raw_entry in entries:
        entry = as_mapping(raw_entry, FORMAT, field)
        label = as_text(entry.get("name"), FORMAT, f"{field}.name") or ""
        known = _BY_NAME.get(_fold(label))
        if known is None:
            notes.unmapped(f"component {label!r} is not one of MOT's 17 components", field)
            continue
        kind, content = known
        if kind in components:
            notes.unmapped(f"component {label!r} is listed twice; the first entry is used", field)
            continue
        raw_license = entry.get("license")
        if isinstance(raw_license, str) and _NOT_INCLUDED.search(raw_license):
            notes.inferred(
                f"license {raw_license!r} says the component is not included", f"{field}.license"
            )
            components[kind] = Component(kind=kind, availability=Availability.NOT_RELEASED)
            continue
        location = as_text(entry.get("component_path"), FORMAT, f"{field}.component_path")
        description = as_text(entry.get("description"), FORMAT, f"{field}.description")
        terms = _component_terms(entry, content, globals_, notes, field)
        with building(FORMAT, field):
            components[kind] = Component(
                kind=kind,
                availability=Availability.PUBLIC,
                locations=(location,) if location else (),
                license=terms,
                description=clip(description) if description else None,
            )
    if components:
        notes.assumed(
            "MOT records whether a component is included, not how: included components are "
            "taken to be public (no download gate)",
            "release.components",
        )
    for label, (kind, _) in MOT_COMPONENTS.items():
        if kind in components or kind in _ABSENT_IS_UNKNOWN:
            continue  # listed, or left not stated
        components[kind] = Component(kind=kind, availability=Availability.NOT_RELEASED)
        notes.assumed(
            f"'{label}' is not listed, which MOT reads as not included", "release.components"
        )
    return components


def _data_information(components: dict[ComponentKind, Component], notes: Notes) -> DataInformation:
    carriers = tuple(
        k for k in _CHECKLIST_DATA if k in components and components[k].availability.released
    )
    if carriers:
        titles = ", ".join(k.value for k in carriers)
        notes.inferred(
            "MOT has no element-level data information; as in the OSI 1.0 checklist, every "
            f"data-information element is judged from the checklist's data components "
            f"({titles}) and their terms",
            "release.components",
        )
        state = Disclosure(state=DisclosureState.DISCLOSED, where=carriers)
    else:
        notes.inferred(
            "none of the checklist's data components (datasets, data card, research paper, "
            "technical report) is included, so no data information is disclosed",
            "release.components",
        )
        state = Disclosure(state=DisclosureState.NOT_DISCLOSED)
    return DataInformation(**dict.fromkeys(DataInformation.model_fields, state))


def _squash(text: str) -> str:
    return re.sub(r"[\s._\-]+", "", text.lower())


def _base(release: Mapping[str, Any], name: str, notes: Notes) -> BaseModelRef | None:
    origin = as_text(release.get("origin"), FORMAT, "release.origin")
    if not origin or _squash(origin) == _squash(name):
        return None
    if _squash(name).startswith(_squash(origin)):
        notes.inferred(
            f"'origin' {origin!r} names the family {name!r} belongs to, not a separate base model",
            "release.origin",
        )
        return None
    notes.assumed(f"'origin' {origin!r} is read as the base model", "release.origin")
    return BaseModelRef(name=origin, relation="derived (MOT 'origin')")


def import_mot(document: Mapping[str, Any], *, name: str | None = None) -> ImportResult:
    """Build a release from a parsed MOT record.

    :param name: a name to use when the record has none (e.g. its file name).
    :raises InvalidReleaseError: if the document is not a MOT record.
    """
    notes = Notes(FORMAT)
    document = require_mapping(
        document, FORMAT, "a MOT record is a mapping with 'framework' and 'release'"
    )
    framework = as_mapping(document.get("framework"), FORMAT, "framework")
    framework_name = framework.get("name")
    if framework and framework_name != "Model Openness Framework":
        notes.unmapped(f"framework {quote(framework_name)} is not the MOF", "framework.name")
    release = as_mapping(document.get("release"), FORMAT, "release")
    if not release:
        raise bad_input(FORMAT, "release", "a MOT record needs a 'release' mapping")
    title = release_name(release.get("name"), name, FORMAT, "release.name", notes)
    components = _components(release, _global_licenses(release, notes), notes)
    info = _data_information(components, notes)
    kind_text = as_text(release.get("type"), FORMAT, "release.type")
    urls = [
        as_text(release.get(key), FORMAT, f"release.{key}") for key in ("repository", "huggingface")
    ]
    sources = tuple(source(url, "Listed in the MOT record") for url in urls if url)
    with building(FORMAT, "release"):
        result = ModelRelease(
            name=title,
            producer=as_text(release.get("producer"), FORMAT, "release.producer"),
            version=as_text(release.get("version"), FORMAT, "release.version"),
            date=_date(release.get("date"), notes),
            modalities=_MODALITY.get((kind_text or "").lower(), ()),
            base_model=_base(release, title, notes),
            components=tuple(components[k] for k in ComponentKind if k in components),
            data_information=info,
            sources=(*sources, source(None, "Model Openness Tool record (MOF 1.0 schema)")),
            import_notes=tuple(notes.items),
        )
    return ImportResult(result, result.import_notes)


def _date(value: Any, notes: Notes) -> str | None:
    text = as_text(value, FORMAT, "release.date")
    if text is None:
        return None
    if re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", text) and partial_date(text):
        return text
    notes.unmapped(f"date {quote(text)} is not an ISO date", "release.date")
    return None
