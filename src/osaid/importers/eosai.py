"""Import a European Open Source AI Index (EOSAI) record.

EOSAI grades each model on openness dimensions as ``open``, ``partial`` or ``closed``,
with evidence links and notes. Current records have 12 dimensions under ``system``;
legacy "Opening up ChatGPT" records have 14 under ``project``. Grades are mapped to
availability and disclosure states; every evidence link becomes a source; every reading
osaid applies is an import note. EOSAI states no per-component licenses: only the end
model's license, and an overall ``licenses`` grade.
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
    Component,
    ComponentKind,
    DataClass,
    DataInformation,
    Disclosure,
    DisclosureState,
    LicenseTerms,
    Modality,
    ModelRelease,
    TrainingDataset,
    TrainingStage,
)
from osaid.sources import Source

__all__ = ["LEGACY_DIMENSIONS", "import_eosai"]

FORMAT: Final = "eosai"

LEGACY_DIMENSIONS: Final[dict[str, str]] = {
    "opencode": "trainingcode",
    "llmdata": "datasources_basemodel",
    "rldata": "datasources_endmodel",
    "llmweights": "weights_basemodel",
    "rlweights": "weights_endmodel",
    "license": "licenses",
    "architecture": "hardware_architecture",
}
"""Legacy (14-dimension) keys and the current keys they became; ``package`` and ``api``
were dropped."""

_DIMENSIONS = (
    "datasources_basemodel", "datasources_endmodel", "weights_basemodel", "weights_endmodel",
    "trainingcode", "code", "hardware_architecture", "preprint", "paper", "modelcard",
    "datasheet", "licenses",
)  # fmt: skip
_MODALITY = {
    "text": Modality.TEXT,
    "code": Modality.CODE,
    "image": Modality.IMAGE,
    "video": Modality.VIDEO,
    "audio": Modality.AUDIO,
}
_K = ComponentKind
_A = Availability


class _Grade:
    def __init__(self, dimension: str, data: Mapping[str, Any], notes: Notes, field: str) -> None:
        self.dimension = dimension
        raw = as_text(data.get("class"), FORMAT, f"{field}.class")
        self.grade = raw.lower() if raw else None
        if self.grade not in {None, "open", "partial", "closed"}:
            notes.unmapped(f"grade {quote(raw)} is not open, partial or closed", f"{field}.class")
            self.grade = None
        links = [
            as_text(x, FORMAT, where)
            for where, x in as_items(data.get("link"), FORMAT, f"{field}.link")
        ]
        self.links = tuple(link for link in links if link)
        self.notes = as_text(data.get("notes"), FORMAT, f"{field}.notes")

    def sources(self) -> tuple[Source, ...]:
        title = f"EOSAI evidence for '{self.dimension}' ({self.grade or 'ungraded'})"
        if self.notes:
            title += f": {self.notes}"
        if not self.links:
            return (source(None, title),)
        return tuple(source(url, title) for url in self.links)


def _component(
    kind: ComponentKind,
    grade: _Grade,
    *,
    open_: Availability,
    partial: Availability,
    license_: LicenseTerms | None,
) -> Component | None:
    if grade.grade is None:
        return None
    availability = {"open": open_, "partial": partial, "closed": _A.NOT_RELEASED}[grade.grade]
    return Component(
        kind=kind,
        availability=availability,
        locations=grade.links,
        license=license_ if availability.released else None,
        sources=grade.sources(),
    )


def _head(
    document: Mapping[str, Any], notes: Notes
) -> tuple[str, Mapping[str, Any], dict[str, Any], dict[str, str]]:
    """The header key and header, the dimensions renamed, and each one's input key.

    Legacy records keep their dimensions under old keys; errors must name those.
    """
    legacy = "project" in document and "system" not in document
    head_key = "project" if legacy else "system"
    head = as_mapping(document.get(head_key), FORMAT, head_key)
    if not head:
        raise bad_input(FORMAT, "system", "an EOSAI record needs a 'system' (or legacy 'project')")
    data = dict(document)
    keys = {dimension: dimension for dimension in _DIMENSIONS}
    if legacy:
        for old, new in LEGACY_DIMENSIONS.items():
            if old in data:
                data[new] = data.pop(old)
                keys[new] = old
        for dropped in ("package", "api"):
            if dropped in data:
                notes.unmapped(f"legacy dimension '{dropped}' has no counterpart", dropped)
        notes.normalised("legacy 14-dimension record read with the current 12 dimensions", head_key)
    return head_key, head, data, keys


def _first(head: Mapping[str, Any], head_key: str, *keys: str) -> tuple[Any, str]:
    """The first of ``keys`` with a value in the header, and the field it sits at."""
    for key in keys:
        if head.get(key):
            return head.get(key), f"{head_key}.{key}"
    return None, f"{head_key}.{keys[0]}"


def _terms(
    head_key: str, head: Mapping[str, Any], licenses: _Grade, notes: Notes
) -> tuple[LicenseTerms | None, LicenseTerms | None]:
    """The parameters' terms, and the terms applied to code and documents."""
    value, field = _first(head, head_key, "endmodellicense", "endmodel license", "license")
    license_text = as_text(value, FORMAT, field)
    params = terms_from_string(license_text, notes, field)
    if licenses.grade == "open" and params is not None and params.expression:
        notes.inferred(
            "EOSAI grades licenses 'open' (weights, code and data all under open licenses) and "
            f"names only the end model's license, so {params.expression} is applied to every "
            "component",
            "licenses",
        )
        return params, params
    if licenses.grade is not None:
        notes.unmapped(
            f"EOSAI grades licenses '{licenses.grade}' without naming the licenses of code and "
            "documents; their terms are not stated",
            "licenses",
        )
    return params, None


def _components(
    grades: dict[str, _Grade],
    params: LicenseTerms | None,
    other: LicenseTerms | None,
    notes: Notes,
) -> tuple[Component, ...]:
    weights, training = grades["weights_endmodel"], grades["trainingcode"]
    if weights.grade == "partial":
        notes.assumed(
            "weights graded 'partial' (EOSAI: e.g. a gated download) are read as behind an "
            "automatic click-through; an approval gate would fail the freedom to use",
            "weights_endmodel",
        )
    plan: list[tuple[ComponentKind, _Grade, Availability, LicenseTerms | None]] = [
        (_K.PARAMETERS_FINAL, weights, _A.GATED_CLICK_THROUGH, params),
        (_K.TRAINING_CODE, training, _A.PUBLIC, other),
    ]
    if training.grade == "partial":
        notes.assumed(
            "'trainingcode' partial: some training code is public; data processing code is "
            "not stated",
            "trainingcode",
        )
    else:
        plan.append((_K.DATA_PROCESSING_CODE, training, _A.PUBLIC, other))
        if training.grade == "open":
            notes.inferred(
                "'trainingcode' open covers data processing, training and tuning code",
                "trainingcode",
            )
    notes.unmapped(
        "EOSAI grades no architecture, inference or tokenizer code; they are not stated",
        "trainingcode",
    )
    paper = grades["paper"] if grades["paper"].grade in {"open", "partial"} else grades["preprint"]
    plan += [
        (_K.DATA_CARD, grades["datasheet"], _A.PUBLIC, other),
        (_K.RESEARCH_PAPER, paper, _A.PUBLIC, other),
        (_K.MODEL_CARD, grades["modelcard"], _A.PUBLIC, other),
        (_K.DATASETS, grades["datasources_basemodel"], _A.PUBLIC, None),
    ]
    parts = (
        _component(kind, grade, open_=_A.PUBLIC, partial=partial, license_=terms)
        for kind, grade, partial, terms in plan
    )
    return tuple(p for p in parts if p is not None)


def _note_base(head_key: str, head: Mapping[str, Any], notes: Notes) -> None:
    value, field = _first(head, head_key, "basemodelname", "llmbase")
    base_name = as_text(value, FORMAT, field)
    end_name = as_text(head.get("endmodelname"), FORMAT, f"{head_key}.endmodelname")
    if base_name and base_name != end_name:
        notes.inferred(
            f"the record grades the base model {base_name!r} within itself (its data and "
            "weights); those grades are folded into this release rather than scored as a "
            "separate base model",
            field,
        )


def _modalities(head_key: str, head: Mapping[str, Any]) -> tuple[Modality, ...]:
    out: list[Modality] = []
    text = as_text(head.get("type"), FORMAT, f"{head_key}.type") or ""
    for part in re.split(r"[,\s]+", text):
        modality = _MODALITY.get(part.lower())
        if modality is not None and modality not in out:
            out.append(modality)
    return tuple(out)


def import_eosai(document: Mapping[str, Any], *, name: str | None = None) -> ImportResult:
    """Build a release from a parsed EOSAI record (current or legacy).

    :param name: a name to use when the record has none (e.g. its file name).
    :raises InvalidReleaseError: if the document is not an EOSAI record.
    """
    notes = Notes(FORMAT)
    document = require_mapping(
        document, FORMAT, "an EOSAI record is a mapping with 'system' or 'project'"
    )
    head_key, head, data, keys = _head(document, notes)
    title = release_name(head.get("name"), name, FORMAT, f"{head_key}.name", notes)
    grades = {
        d: _Grade(d, as_mapping(data.get(d), FORMAT, keys[d]), notes, keys[d]) for d in _DIMENSIONS
    }
    _note_base(head_key, head, notes)
    params, other = _terms(head_key, head, grades["licenses"], notes)
    components = _components(grades, params, other, notes)
    info, datasets = _data_information(grades, components, notes)
    end_name = as_text(head.get("endmodelname"), FORMAT, f"{head_key}.endmodelname")
    org = as_mapping(document.get("org"), FORMAT, "org")
    link = as_text(head.get("link"), FORMAT, f"{head_key}.link")
    description = as_text(head.get("notes"), FORMAT, f"{head_key}.notes")
    with building(FORMAT, head_key):
        result = ModelRelease(
            name=end_name or title,
            aliases=(title,) if end_name and end_name != title else (),
            producer=as_text(org.get("name"), FORMAT, "org.name"),
            date=_date(head.get("releasedate"), notes, f"{head_key}.releasedate"),
            description=clip(description) if description else None,
            modalities=_modalities(head_key, head),
            components=components,
            data_information=info,
            training_datasets=datasets,
            sources=(
                source(link, "EOSAI record: system link"),
                source(None, "European Open Source AI Index record"),
            ),
            import_notes=tuple(notes.items),
        )
    return ImportResult(result, result.import_notes)


def _data_information(
    grades: dict[str, _Grade], components: tuple[Component, ...], notes: Notes
) -> tuple[DataInformation, tuple[TrainingDataset, ...]]:
    released = {c.kind for c in components if c.availability.released}
    carriers = tuple(k for k in (_K.DATA_CARD, _K.RESEARCH_PAPER, _K.DATASETS) if k in released)
    base, end = grades["datasources_basemodel"], grades["datasources_endmodel"]
    datasheet = grades["datasheet"]
    levels = [g.grade for g in (base, end, datasheet) if g.grade is not None]
    if not levels:
        notes.unmapped(
            "EOSAI grades no data dimension; data information is not stated", "datasheet"
        )
        return DataInformation(), ()
    if "closed" in levels:
        state = DisclosureState.NOT_DISCLOSED
    elif "partial" in levels:
        state = DisclosureState.PARTIAL
    else:
        state = DisclosureState.DISCLOSED
    where = carriers if state is not DisclosureState.NOT_DISCLOSED else ()
    if state is DisclosureState.DISCLOSED and not where:
        state = DisclosureState.NOT_STATED
    disclosure = Disclosure(state=state, where=where, sources=datasheet.sources())
    notes.inferred(
        "data-information elements are judged from EOSAI's data-source and datasheet grades "
        f"({', '.join(f'{g.dimension}: {g.grade}' for g in (base, end, datasheet) if g.grade)})",
        "datasheet",
    )
    datasets = []
    for grade, stage in ((base, TrainingStage.PRE_TRAINING), (end, TrainingStage.FINE_TUNING)):
        if grade.grade == "open" and grade.links:
            title = grade.sources()[0].title or grade.dimension
            for index, url in enumerate(grade.links):
                datasets.append(
                    TrainingDataset(
                        name=f"{grade.dimension} source {index + 1}",
                        data_class=DataClass.PUBLIC,
                        stages=(stage,),
                        locations=(url,),
                        sources=(source(url, title),),  # its own link: linear in the links
                    )
                )
    return DataInformation(**dict.fromkeys(DataInformation.model_fields, disclosure)), tuple(
        datasets
    )


_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def _date(value: Any, notes: Notes, field: str) -> str | None:
    text = as_text(value, FORMAT, field)
    if text is None:
        return None
    shown = quote(text)
    if re.fullmatch(r"[0-9]{4}(?:-[0-9]{1,2}){0,2}", text):
        normal = partial_date(text)
        if normal is None:
            notes.unmapped(f"date {shown} is not a valid date; only its year is kept", field)
            return text[:4]
        return normal
    match = re.fullmatch(r"([0-9]{4})[\s-]+([A-Za-z]{3})[a-z]*", text)
    if match and match.group(2).lower() in _MONTHS:
        normal = f"{match.group(1)}-{_MONTHS[match.group(2).lower()]:02d}"
        notes.normalised(f"date {shown} read as {normal}", field)
        return normal
    notes.unmapped(f"date {shown} is not a date osaid can read", field)
    return None
