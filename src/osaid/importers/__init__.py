"""Importers: read a release from the formats its metadata already lives in.

Each format has one pure function from the parsed document to an
:class:`ImportResult` (the release plus import notes: what was assumed, inferred,
normalised or could not be mapped), and :func:`load` reads a path or text:

========== =============================================== ============================
format     document                                         function
========== =============================================== ============================
native     osaid release JSON                              :func:`osaid.parse_release`
mot        Model Openness Tool YAML (MOF 1.0)              :func:`import_mot`
eosai      European Open Source AI Index YAML (12 or 14)   :func:`import_eosai`
hf         Hugging Face model card (``README.md``)          :func:`import_hf_card`
cyclonedx  CycloneDX 1.5-1.7 ML-BOM JSON                   :func:`import_cyclonedx`
spdx       SPDX 3.0 JSON-LD (AI and Dataset profiles)      :func:`import_spdx3`
hub-api    Hugging Face Hub API JSON for one model          :func:`import_hub_api`
========== =============================================== ============================

A local repository snapshot (a folder) is read by :func:`import_repository`, and Croissant
dataset metadata by :mod:`osaid.importers.croissant`: a release document's ``croissant``
files are read by :func:`load`, relative to the document.

YAML is read with PyYAML's safe loader (libyaml's C loader when installed), an optional
extra (``osaid[yaml]``), within the limits of :data:`~osaid.importers._common.MAX_YAML_NODES`
values and :data:`~osaid.importers._common.MAX_YAML_ALIASES` aliases. Every error in a
document becomes an :class:`~osaid.errors.InvalidReleaseError` naming the field of the
input; nothing else escapes (``docs/reliability.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from osaid.errors import InputProblem, InvalidReleaseError, UnknownFormatError
from osaid.importers._common import ImportResult, bad_input, parse_yaml
from osaid.importers.croissant import with_croissant
from osaid.importers.cyclonedx import import_cyclonedx
from osaid.importers.eosai import import_eosai
from osaid.importers.hf import front_matter, import_hf_card
from osaid.importers.hub_api import import_hub_api
from osaid.importers.mot import import_mot
from osaid.importers.repository import import_repository
from osaid.importers.spdx3 import import_spdx3
from osaid.release.validation import (
    STREAM_TIMEOUT,
    parse_json,
    parse_release,
    problems_from,
    read_document,
)

__all__ = [
    "ImportResult",
    "InputFormat",
    "detect",
    "import_cyclonedx",
    "import_document",
    "import_eosai",
    "import_hf_card",
    "import_hub_api",
    "import_mot",
    "import_repository",
    "import_spdx3",
    "load",
    "load_text",
]


def __dir__() -> list[str]:
    return __all__


class InputFormat(StrEnum):
    """The formats osaid reads."""

    NATIVE = "native"
    MOT = "mot"
    EOSAI = "eosai"
    HF = "hf"
    CYCLONEDX = "cyclonedx"
    SPDX = "spdx"
    HUB_API = "hub-api"


def _native(document: Mapping[str, Any], *, name: str | None = None) -> ImportResult:
    del name  # a native document must name itself
    release = parse_release(document)
    return ImportResult(release, release.import_notes)


_IMPORTERS: Final[dict[InputFormat, Callable[..., ImportResult]]] = {
    InputFormat.NATIVE: _native,
    InputFormat.MOT: import_mot,
    InputFormat.EOSAI: import_eosai,
    InputFormat.HF: import_hf_card,
    InputFormat.CYCLONEDX: import_cyclonedx,
    InputFormat.SPDX: import_spdx3,
    InputFormat.HUB_API: import_hub_api,
}
_EOSAI_KEYS = frozenset({"weights_endmodel", "trainingcode", "licenses", "llmweights", "opencode"})


def detect(document: Any) -> InputFormat | None:
    """The format of a parsed document, when its shape makes it unambiguous."""
    if not isinstance(document, Mapping):
        return None
    if document.get("bomFormat") == "CycloneDX":
        return InputFormat.CYCLONEDX
    context = document.get("@context")
    contexts = context if isinstance(context, list) else [context]
    spdx_context = any(isinstance(c, str) and "spdx" in c.lower() for c in contexts)
    if ("@graph" in document and spdx_context) or (
        "element" in document and (spdx_context or document.get("type") == "SpdxDocument")
    ):
        return InputFormat.SPDX
    if "siblings" in document or "cardData" in document:
        return InputFormat.HUB_API
    framework = document.get("framework")
    if isinstance(framework, Mapping) and "release" in document:
        return InputFormat.MOT
    if ("system" in document or "project" in document) and _EOSAI_KEYS & set(document):
        return InputFormat.EOSAI
    components = document.get("components")
    if "name" in document and (
        components is None
        or (
            isinstance(components, list)
            and all(isinstance(c, Mapping) and "kind" in c for c in components)
        )
    ):
        return InputFormat.NATIVE
    if "license" in document or "base_model" in document or "pipeline_tag" in document:
        return InputFormat.HF
    return None


def _coerce(fmt: InputFormat | str) -> InputFormat:
    try:
        return InputFormat(fmt)
    except ValueError:
        raise UnknownFormatError(str(fmt), [f.value for f in InputFormat]) from None


_SELECTABLE = frozenset({InputFormat.CYCLONEDX, InputFormat.SPDX})
"""Formats whose documents can describe several models, one of which ``component`` names."""


def import_document(
    document: Any,
    fmt: InputFormat | str | None = None,
    *,
    name: str | None = None,
    component: str | None = None,
    card_text: str | None = None,
) -> ImportResult:
    """Import a parsed document in format ``fmt`` (detected when None).

    :param name: a name for the release when the document has none (e.g. the file name).
    :param component: in an SBOM that lists several models (CycloneDX, SPDX), the one to
        score, by its ``bom-ref`` / ``spdxId``, name or ``group/name``; default: the model
        the document is about.
    :param card_text: for a model card, the whole README, whose body the importer reads.
    :raises InvalidReleaseError: if the document is not a valid instance of the format, or
        ``component`` names no model of it.
    :raises UnknownFormatError: if ``fmt`` names no format.
    """
    chosen = detect(document) if fmt is None else _coerce(fmt)
    if chosen is None:
        raise bad_input(
            "input", "", "cannot tell the document's format; pass it explicitly (--from)"
        )
    options: dict[str, Any] = {"name": name}
    if component is not None:
        if chosen not in _SELECTABLE:
            raise bad_input(
                chosen.value,
                "",
                f"a component to score (--component {component!r}) can be named only in a "
                "CycloneDX or SPDX document, which may list several models",
            )
        options["component"] = component
    if card_text is not None and chosen is InputFormat.HF:
        options["text"] = card_text
    try:
        result = _IMPORTERS[chosen](document, **options)
    except ValidationError as exc:
        raise InvalidReleaseError(
            problems_from(exc), source=f"{chosen} document (after import)"
        ) from None
    except RecursionError:
        raise bad_input(chosen.value, "", "the document is nested too deeply") from None
    return ImportResult(result.release, result.notes, chosen.value, result.base_models)


def load_text(
    text: str,
    fmt: InputFormat | str | None = None,
    *,
    name: str | None = None,
    component: str | None = None,
) -> ImportResult:
    """Parse and import a document given as text.

    :param name: a file name, used to detect a model card (``README.md``) and in errors.
    :param component: the model to score in an SBOM that lists several (see
        :func:`import_document`).
    """
    chosen = None if fmt is None else _coerce(fmt)
    if not text.strip():
        raise InvalidReleaseError([InputProblem("", "the document is empty")], source=name)
    is_card = (
        chosen is InputFormat.HF
        or (chosen is None and (name or "").lower().endswith(".md"))
        or (chosen is None and text.lstrip().startswith("---") and "\n---" in text[3:])
    )
    stem = _stem(name)
    if is_card:
        return import_document(
            front_matter(text), InputFormat.HF, name=stem, component=component, card_text=text
        )
    stripped = text.lstrip()
    document: Any
    if stripped.startswith(("{", "[")):
        document = parse_json(text, source=name)
    else:
        document = parse_yaml(text, (chosen or "input").__str__())
    return import_document(document, chosen, name=stem, component=component)


def _stem(name: str | None) -> str | None:
    """A release name from a file name (a model card is named after its folder)."""
    if not name:
        return None
    path = Path(name)
    if path.name.lower() == "readme.md" and path.parent.name:
        return path.parent.name
    return path.stem or None


def load(
    path: str | Path,
    fmt: InputFormat | str | None = None,
    *,
    timeout: float = STREAM_TIMEOUT,
    component: str | None = None,
) -> ImportResult:
    """Read and import a file (at most :data:`~osaid.release.validation.MAX_DOCUMENT_BYTES`).

    FIFOs, pipes and devices are read as streams within the same cap
    (:func:`~osaid.release.validation.read_document`).

    :param timeout: for a FIFO, pipe or device, the longest wait for data (seconds).
    :param component: the model to score in an SBOM that lists several (see
        :func:`import_document`).
    :raises InvalidReleaseError: if the file cannot be read or imported.
    """
    file = Path(path)
    raw = read_document(file, timeout=timeout)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidReleaseError(
            [InputProblem("", f"not UTF-8 text: {exc.reason}")], source=str(file)
        ) from None
    try:
        result = load_text(text, fmt, name=str(file), component=component)
        if not result.release.croissant:
            return result
        release = with_croissant(result.release, file.parent)
        return replace(result, release=release, notes=release.import_notes)
    except InvalidReleaseError as exc:
        if exc.source is None or not exc.source.startswith(str(file)):
            raise InvalidReleaseError(
                exc.problems, source=f"{file} ({exc.source})" if exc.source else str(file)
            ) from None
        raise
