"""Import the Hugging Face Hub API's JSON for one model (``GET /api/models/{repo_id}``).

A hub that embeds osaid has this document rather than a checkout. osaid reads no network:
the caller supplies the JSON. What it gives beyond the model card (``cardData``, read by
:func:`import_hf_card`):

- ``gated`` — the repository setting, authoritative over the card: ``false`` public,
  ``"auto"`` an automatic click-through, ``"manual"`` each request approved by hand;
- ``tags`` — ``license:<id>`` where the card names no license;
- ``siblings`` — the file list: weight files, checkpoints, optimizer state and code, as
  for a repository snapshot (:mod:`osaid.importers.repository`); license files are listed
  but their text is not in the document, so they are noted, not identified;
- ``baseModels`` — ``{"relation": ..., "models": [{"id": ...}]}``, the Hub's own record of
  the base model, preferred over the card's ``base_model``;
- ``private`` and ``disabled`` — noted.

Every other field is listed in one import note.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from osaid.errors import InputProblem, InvalidReleaseError
from osaid.importers._common import ImportResult, Notes, as_list, as_mapping, as_text, bad_input
from osaid.importers._tree import LicenseFileRole, classify_paths, license_file_role
from osaid.importers.hf import import_hf_card
from osaid.importers.repository import _finish, _LicenseFiles, _tree_components
from osaid.licensing.catalog import default_catalog
from osaid.release import AdditionalTerms, BaseModelRef, ComponentKind, ModelRelease

__all__ = ["FORMAT", "import_hub_api"]


def __dir__() -> list[str]:
    return __all__


FORMAT: Final = "hub-api"

_READ: Final = frozenset(
    {
        "id",
        "modelId",
        "cardData",
        "gated",
        "tags",
        "siblings",
        "baseModels",
        "private",
        "disabled",
        "pipeline_tag",
        "author",
    }
)
_RELATIONS: Final = {
    "finetune": "fine-tune",
    "adapter": "adapter",
    "merge": "merge",
    "quantized": "quantization",
}
_BASE: Final = "https://huggingface.co"


def _gate_card(card: Mapping[str, Any], gated: Any, notes: Notes) -> dict[str, Any]:
    """The card with its gate fields replaced by the repository's ``gated`` setting."""
    out = dict(card)
    if gated is None:
        notes.assumed("the document has no 'gated' field; the card's gate fields are used", "gated")
        return out
    if gated is False or str(gated).lower() == "false":
        dropped = sorted(k for k in out if str(k).startswith("extra_gated"))
        for key in dropped:
            del out[key]
        out.pop("gated", None)
        if dropped:
            notes.inferred(
                "'gated: false': the repository is not gated, so the card's "
                f"{', '.join(dropped)} have no effect",
                "gated",
            )
        return out
    value = str(gated).lower()
    if value not in {"auto", "manual", "true"}:
        raise bad_input(FORMAT, "gated", f"expected false, 'auto' or 'manual', found {gated!r}")
    out["gated"] = "manual" if value == "manual" else "auto"
    if value == "auto":
        notes.inferred(
            "'gated: auto': access is granted automatically once terms are accepted", "gated"
        )
    return out


def _license_from_tags(card: dict[str, Any], tags: list[str], notes: Notes) -> None:
    licenses = [t.split(":", 1)[1] for t in tags if t.startswith("license:") and t[8:]]
    if not licenses:
        return
    if card.get("license") is None:
        card["license"] = licenses[0] if len(licenses) == 1 else licenses
        notes.inferred(f"the license is read from the tags ({', '.join(licenses)})", "tags")
        return
    declared = card["license"]
    if not isinstance(declared, str | list | tuple):
        return  # the card importer names the field
    stated = [declared] if isinstance(declared, str) else list(declared)
    if sorted(str(x).lower() for x in stated) != sorted(x.lower() for x in licenses):
        notes.assumed(
            f"the tags say license {', '.join(licenses)} but the card says "
            f"{', '.join(map(str, stated))}; the card is used",
            "tags",
        )


def _base_model(
    document: Mapping[str, Any], release: ModelRelease, notes: Notes
) -> BaseModelRef | None:
    raw = document.get("baseModels")
    if raw is None:
        return release.base_model
    base = as_mapping(raw, FORMAT, "baseModels")
    models = as_list(base.get("models"), FORMAT, "baseModels.models")
    ids = []
    for index, item in enumerate(models):
        entry = as_mapping(item, FORMAT, f"baseModels.models[{index}]")
        model_id = as_text(entry.get("id"), FORMAT, f"baseModels.models[{index}].id")
        if model_id:
            ids.append(model_id)
    if not ids:
        return release.base_model
    relation_raw = as_text(base.get("relation"), FORMAT, "baseModels.relation") or "finetune"
    relation = _RELATIONS.get(relation_raw.lower(), relation_raw)
    if len(ids) > 1:
        notes.unmapped(f"several base models are named; only {ids[0]!r} is followed", "baseModels")
    if release.base_model is not None and release.base_model.name != ids[0]:
        notes.assumed(
            f"the card names base model {release.base_model.name!r}; the Hub's baseModels "
            f"record ({ids[0]!r}) is used",
            "baseModels",
        )
    return BaseModelRef(name=ids[0], relation=relation, url=f"{_BASE}/{ids[0]}")


def _siblings(
    document: Mapping[str, Any], release: ModelRelease, repo_id: str, notes: Notes
) -> ModelRelease:
    """The release with what the ``siblings`` file list shows."""
    siblings = document.get("siblings")
    if siblings is not None:
        paths = []
        for index, item in enumerate(as_list(siblings, FORMAT, "siblings")):
            entry = as_mapping(item, FORMAT, f"siblings[{index}]")
            path = as_text(entry.get("rfilename"), FORMAT, f"siblings[{index}].rfilename")
            if path:
                paths.append(path)
        facts = classify_paths(paths)
        files = _LicenseFiles()
        policies = [
            p for p in facts.license_files if license_file_role(p) is LicenseFileRole.POLICY
        ]
        if facts.license_files:
            notes.unmapped(
                f"license files {', '.join(facts.license_files)} are in the repository, but "
                "their text is not in the API document; they are not identified",
                "siblings",
            )
        params = release.component(ComponentKind.PARAMETERS_FINAL)
        terms = params.license if params is not None else None
        for policy in policies:
            if terms is not None and _incorporates_a_policy(terms.declared):
                notes.assumed(
                    f"{policy} is read as the usage policy that {terms.declared} incorporates",
                    "siblings",
                )
                continue
            files.policies.append(
                AdditionalTerms(name=f"{policy}: usage policy text not available", url=policy)
            )
        if "/" in repo_id and " " not in repo_id:
            release = _tree_components(
                release, facts, files, notes, locate=lambda p: f"{_BASE}/{repo_id}/blob/main/{p}"
            )
        else:
            release = _tree_components(release, facts, files, notes)
    else:
        notes.assumed("the document has no siblings file list; the files are not known", "siblings")
    return release


def import_hub_api(document: Mapping[str, Any], *, name: str | None = None) -> ImportResult:
    """Build a release from the Hub API's JSON for one model.

    :param name: the repository id, when the document carries no ``id``.
    """
    if not isinstance(document, Mapping):
        raise bad_input(FORMAT, "", "a Hub API document is a JSON object")
    notes = Notes(FORMAT)
    repo_id = (
        as_text(document.get("id"), FORMAT, "id")
        or as_text(document.get("modelId"), FORMAT, "modelId")
        or name
    )
    if repo_id is None:
        raise bad_input(FORMAT, "", "a Hub API document names its model in 'id'")
    card = dict(as_mapping(document.get("cardData"), FORMAT, "cardData"))
    if not card:
        notes.assumed("the document has no cardData; the card states nothing", "cardData")
    tags = [str(t) for t in as_list(document.get("tags"), FORMAT, "tags")]
    _license_from_tags(card, tags, notes)
    card = _gate_card(card, document.get("gated"), notes)
    try:
        release = import_hf_card(card, name=repo_id).release
    except InvalidReleaseError as exc:  # the card's fields sit under cardData here
        problems = [
            InputProblem(f"cardData.{p.field}" if p.field else "cardData", p.problem)
            for p in exc.problems
        ]
        raise InvalidReleaseError(problems, source=f"{FORMAT} document") from None
    if document.get("private") is True:
        notes.assumed(
            "the repository is private: it is scored as it would be once published", "private"
        )
    if document.get("disabled") is True:
        notes.assumed(
            "the repository is disabled on the Hub: nobody can download it now", "disabled"
        )
    release = _siblings(document, release, repo_id, notes)
    release = release.model_copy(update={"base_model": _base_model(document, release, notes)})
    unread = sorted(str(k) for k in document if str(k) not in _READ)
    if unread:
        notes.unmapped(f"fields osaid does not read: {', '.join(unread)}"[:2000], "")
    release = _finish(release, notes)
    return ImportResult(release, release.import_notes, FORMAT)


def _incorporates_a_policy(declared: str) -> bool:
    catalog = default_catalog()
    entry = catalog.lookup(declared)
    return entry is not None and any(v.incorporates for v in entry.versions)
