"""Import a Hugging Face model card: the YAML front matter of a repository's ``README.md``.

Read offline: the front matter (or an already parsed metadata mapping) only. A card says
what license the repository declares, which datasets and base model it names, and whether
downloads are gated; it cannot say whether training code or data information exist, so
those stay not stated (unknown), never "not released".
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
    as_text,
    bad_input,
    building,
    parse_yaml,
    require_mapping,
    source,
)
from osaid.licensing.names import ResolutionKind, resolve_hf_license
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
from osaid.sources import Source

__all__ = ["front_matter", "import_hf_card"]

FORMAT: Final = "hf"

_OPENING = re.compile(r"\s*---[ \t]*\r?\n")
_CLOSING = re.compile(r"---[ \t]*(?:\r?\n|\Z)")
_PIPELINE = {
    "text-generation": (Modality.TEXT,),
    "text2text-generation": (Modality.TEXT,),
    "image-text-to-text": (Modality.TEXT, Modality.IMAGE),
    "visual-question-answering": (Modality.TEXT, Modality.IMAGE),
    "text-to-image": (Modality.TEXT,),
    "automatic-speech-recognition": (Modality.AUDIO,),
    "image-classification": (Modality.IMAGE,),
}


def front_matter(text: str) -> Mapping[str, Any]:
    """The parsed YAML front matter of a model card.

    :raises InvalidReleaseError: if there is no front matter or it is not a mapping.
    """
    body = _front_matter_text(text)
    if body is None:
        raise bad_input(
            FORMAT, "", "a model card starts with YAML front matter between '---' lines"
        )
    data = parse_yaml(body, FORMAT)
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise bad_input(FORMAT, "", "the front matter is not a mapping of keys to values")
    return data


def _front_matter_text(text: str) -> str | None:
    """The text between the opening ``---`` line and the first closing one, or None.

    Found with ``str.find`` rather than one lazy regular expression, which takes a second
    over a 10 MiB card.
    """
    opening = _OPENING.match(text)
    if opening is None:
        return None
    start = position = opening.end()
    while (found := text.find("\n---", position)) != -1:
        if _CLOSING.match(text, found + 1):
            end = found - 1 if found > start and text[found - 1] == "\r" else found
            return text[start:end]
        position = found + 1
    return None


def _card_name(card: Mapping[str, Any]) -> str | None:
    index = card.get("model-index")
    if isinstance(index, list) and index and isinstance(index[0], Mapping):
        found = as_text(index[0].get("name"), FORMAT, "model-index[0].name")
        if found:
            return found
    return as_text(card.get("model_name"), FORMAT, "model_name")


def _terms(card: Mapping[str, Any], notes: Notes) -> LicenseTerms | None:
    raw_license = card.get("license")
    if raw_license is not None and not isinstance(raw_license, str | list | tuple):
        raise bad_input(FORMAT, "license", "expected a license id or a list of ids")
    license_name = as_text(card.get("license_name"), FORMAT, "license_name")
    license_link = as_text(card.get("license_link"), FORMAT, "license_link")
    ids: str | list[str]
    if isinstance(raw_license, str):
        ids = raw_license
    else:
        ids = [
            as_text(x, FORMAT, where) or "" for where, x in as_items(raw_license, FORMAT, "license")
        ]
    found = resolve_hf_license(ids, license_name=license_name, license_link=license_link)
    if found.kind is ResolutionKind.UNKNOWN:
        label = license_name or license_link or (", ".join(ids) if isinstance(ids, list) else ids)
        notes.unmapped(f"license {label!r} is not a license osaid knows; judged unknown", "license")
        return LicenseTerms(name=clip(str(label)) or "other", url=license_link)
    if found.kind is ResolutionKind.NOT_STATED:
        notes.assumed("the card states no license", "license")
        return None
    assert found.expression is not None
    raw_text = found.raw or (license_name or "")
    if isinstance(ids, list) and len(ids) > 1:
        notes.assumed(
            "the card lists several licenses; the repository is read as under all of them "
            f"({found.expression})",
            "license",
        )
    elif found.expression.lower() != raw_text.lower():
        notes.normalised(f"license {raw_text!r} read as {found.expression}", "license")
    return LicenseTerms(expression=found.expression, name=clip(raw_text) or None, url=license_link)


def _availability(card: Mapping[str, Any], notes: Notes) -> Availability:
    gated = card.get("gated")
    if not isinstance(gated, bool):
        gated = as_text(gated, FORMAT, "gated")
    gate_keys = sorted(str(k) for k in card if str(k).startswith("extra_gated"))
    if not gate_keys and gated in (None, False, "false", "False"):
        return Availability.PUBLIC
    if str(gated).lower() == "manual":
        notes.inferred("'gated: manual' means each request is approved by hand", "gated")
        return Availability.GATED_APPROVAL
    notes.assumed(
        "the card asks users to accept terms before download; the gate is read as an automatic "
        "click-through (a manually reviewed gate would fail the freedom to use)",
        gate_keys[0] if gate_keys else "gated",
    )
    return Availability.GATED_CLICK_THROUGH


def _datasets(card: Mapping[str, Any], origin: Source, notes: Notes) -> tuple[TrainingDataset, ...]:
    datasets = []
    for where, item in as_items(card.get("datasets"), FORMAT, "datasets"):
        dataset = as_text(item, FORMAT, where)
        if dataset:
            datasets.append(
                TrainingDataset(
                    name=dataset,
                    data_class=DataClass.PUBLIC,
                    locations=(f"https://huggingface.co/datasets/{dataset}",),
                    sources=(origin,),
                )
            )
    if datasets:
        notes.assumed(
            "datasets named on the card are read as public training data on the Hub; the card "
            "does not say whether they are all of it",
            "datasets",
        )
    return tuple(datasets)


def _base(card: Mapping[str, Any], notes: Notes) -> BaseModelRef | None:
    names: list[str] = []
    for where, item in as_items(card.get("base_model"), FORMAT, "base_model"):
        text = as_text(item, FORMAT, where)
        if text:
            names.append(text)
    if not names:
        return None
    if len(names) > 1:
        notes.unmapped(
            f"several base models are named; only {names[0]!r} is followed", "base_model"
        )
    relation = as_text(card.get("base_model_relation"), FORMAT, "base_model_relation")
    return BaseModelRef(
        name=names[0],
        relation=relation or "fine-tune",
        url=f"https://huggingface.co/{names[0]}" if "/" in names[0] else None,
    )


def import_hf_card(card: Mapping[str, Any], *, name: str | None = None) -> ImportResult:
    """Build a release from a model card's metadata (``README.md`` front matter).

    :param card: the parsed front matter.
    :param name: the repository id or model name, when the card does not give one.
    """
    notes = Notes(FORMAT)
    card = require_mapping(card, FORMAT, "model card metadata is a mapping")
    name = name.strip() if name and name.strip() else None
    terms = _terms(card, notes)
    availability = _availability(card, notes)
    url = f"https://huggingface.co/{name}" if name and "/" in name and " " not in name else None
    origin = source(url, "Hugging Face model card metadata")
    with building(FORMAT, ""):
        components = (
            Component(
                kind=ComponentKind.PARAMETERS_FINAL,
                availability=availability,
                locations=(url,) if url else (),
                license=terms,
                sources=(origin,),
            ),
            Component(
                kind=ComponentKind.MODEL_CARD,
                availability=Availability.PUBLIC,
                locations=(f"{url}/blob/main/README.md",) if url else (),
                license=terms,
                sources=(origin,),
            ),
        )
    notes.assumed(
        "a model card cannot say whether code or data information exist: they are not stated", ""
    )
    title = _card_name(card) or name or "Unnamed model"
    pipeline = as_text(card.get("pipeline_tag"), FORMAT, "pipeline_tag")
    base = _base(card, notes)
    datasets = _datasets(card, origin, notes)
    with building(FORMAT, ""):
        release = ModelRelease(
            name=title,
            aliases=(name,) if name and name != title else (),
            modalities=_PIPELINE.get(pipeline or "", ()),
            base_model=base,
            components=components,
            training_datasets=datasets,
            sources=(origin,),
            import_notes=tuple(notes.items),
        )
    return ImportResult(release, release.import_notes)
