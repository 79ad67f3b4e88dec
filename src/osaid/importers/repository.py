"""Import a local snapshot of a model repository (Hugging Face Hub or GitHub layout).

The facts come from the files, in this order, each later source overriding the earlier
ones (every override is noted):

1. the model card's front matter (``README.md``), read by :func:`import_hf_card`;
2. the license files at the top level (``LICENSE*``, ``LICENCE*``, ``COPYING*``,
   ``NOTICE*``, ``USE_POLICY*``, ``*ACCEPTABLE_USE*``), identified by their text
   (:mod:`osaid.importers.license_text`); a ``-MODEL`` / ``-CODE`` / ``-DATA`` part of the
   name narrows a license to those components; a policy is layered on the license as
   additional terms; a ``NOTICE`` is noted, not applied;
3. the file tree: weight files (final parameters), checkpoints and optimizer state by
   name, and training, data-processing, evaluation, architecture and inference code
   by name (a lower-confidence reading, noted);
4. Croissant files (``*croissant*.json``) for the training datasets;
5. an ``osaid.yaml`` / ``osaid.json`` release document, whose declared facts take
   precedence over everything inferred.

Every inferred fact carries its file as source, with a confidence: ``primary`` for what
a file's presence or identified text shows, ``secondary`` for readings of file names.
The repository itself is never changed, and nothing is fetched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from osaid.errors import InputProblem, InvalidReleaseError
from osaid.importers._common import ImportResult, Notes, parse_yaml
from osaid.importers._tree import LicenseFileRole, TreeFacts, classify_paths, license_file_role
from osaid.importers.croissant import (
    CroissantDataset,
    apply_croissant,
    load_croissant,
    resolve_croissant,
)
from osaid.importers.hf import CARD_SOURCE_TITLE, front_matter, import_hf_card
from osaid.importers.hf import FORMAT as CARD_FORMAT
from osaid.importers.license_text import (
    Detector,
    IdentificationStatus,
    TextIdentification,
    identify_license_text,
)
from osaid.licensing.catalog import default_catalog
from osaid.release import (
    AdditionalTerms,
    Availability,
    Component,
    ComponentKind,
    DataElement,
    DisclosureState,
    LicenseTerms,
    ModelRelease,
)
from osaid.release.model import ELEMENTS
from osaid.release.validation import parse_release, read_document
from osaid.sources import Confidence, Source

__all__ = [
    "MAX_FILES",
    "import_repository",
    "load_repository",
    "repository_fact_files",
    "repository_paths",
]


def __dir__() -> list[str]:
    return __all__


FORMAT: Final = "repository"

_FILE_SOURCE: Final = "repository file "
"""What the title of a fact's source starts with when a file of the snapshot backs it."""

MAX_FILES: Final = 200_000
"""Files listed at most; a larger tree is read in part, and the notes say so."""

_MAX_LICENSE_BYTES: Final = 1_048_576
_SKIP_DIRS: Final = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "__pycache__",
        "node_modules",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".cache",
        ".ipynb_checkpoints",
    }
)
_LOCATIONS_SHOWN: Final = 20


def repository_paths(root: Path, *, limit: int = MAX_FILES) -> tuple[list[str], bool]:
    """The files below ``root`` as POSIX paths, and whether the listing was cut at ``limit``.

    Version-control and cache folders are skipped; folder symlinks are not followed.
    """
    out: list[str] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        base = Path(folder).relative_to(root)
        for name in sorted(files):
            out.append((base / name).as_posix())
            if len(out) >= limit:
                return out, True
    return out, False


def _source(path: str, *, note: str | None = None, primary: bool = True) -> Source:
    return Source(
        title=f"{_FILE_SOURCE}{path}"[:2000],
        confidence=Confidence.PRIMARY if primary else Confidence.SECONDARY,
        note=note,
    )


def _shown(paths: list[str], locate: Callable[[str], str] = str) -> tuple[str, ...]:
    return tuple(locate(p) for p in paths[:_LOCATIONS_SHOWN])


def _read_text(root: Path, rel: str, notes: Notes) -> str | None:
    file = root / rel
    try:
        with file.open("rb") as handle:
            raw = handle.read(_MAX_LICENSE_BYTES + 1)
    except OSError as exc:
        notes.unmapped(f"{rel} could not be read: {exc.strerror or exc}", rel)
        return None
    if len(raw) > _MAX_LICENSE_BYTES:
        raw = raw[:_MAX_LICENSE_BYTES]
        notes.assumed(
            f"{rel} is longer than {_MAX_LICENSE_BYTES:,} bytes; the rest was not read", rel
        )
    text = raw.decode("utf-8-sig", errors="replace")
    if "\ufffd" in text:
        notes.normalised(f"{rel} is not valid UTF-8; undecodable bytes were replaced", rel)
    return text


# ----------------------------------------------------------------------- license files


def _scope(name: str) -> str:
    lowered = name.lower()
    for scope, words in (
        ("parameters", ("model", "weight", "param")),
        ("code", ("code", "software", "source")),
        ("data", ("data",)),
    ):
        if any(w in lowered for w in words):
            return scope
    return "all"


class _LicenseFiles:
    """The terms the top-level license files carry."""

    def __init__(self) -> None:
        self.terms: dict[str, LicenseTerms] = {}
        self.policies: list[AdditionalTerms] = []
        self.identified: dict[str, TextIdentification] = {}

    def add_license(self, scope: str, rel: str, found: TextIdentification) -> None:
        source = _source(rel, note=_describe(found))
        expression = found.expression
        if expression is not None:
            terms = LicenseTerms(expression=expression, name=f"{rel} (identified by its text)",
                                 sources=(source,))  # fmt: skip
        else:
            terms = LicenseTerms(name=f"{rel}: license text not identified", sources=(source,))
        previous = self.terms.get(scope)
        if previous is None:
            self.terms[scope] = terms
            return
        if previous.expression is not None and terms.expression is not None:
            joined = f"({previous.expression}) AND ({terms.expression})"
            self.terms[scope] = LicenseTerms(
                expression=joined,
                name=f"{previous.name}; {terms.name}"[:2000],
                sources=(*previous.sources, *terms.sources),
            )
        else:
            self.terms[scope] = LicenseTerms(
                name=f"{previous.name}; {terms.name}"[:2000],
                sources=(*previous.sources, *terms.sources),
            )

    def add_policy(self, rel: str, found: TextIdentification) -> None:
        source = _source(rel, note=_describe(found))
        policies = [m for m in found.matches if m.catalog_id] if found.matches else []
        if found.status is IdentificationStatus.IDENTIFIED and policies:
            catalog = default_catalog()
            for match in policies:
                entry = catalog.get(match.catalog_id or "")
                if entry is None:
                    continue
                self.policies.append(
                    AdditionalTerms(
                        name=f"{entry.name} ({rel})"[:2000],
                        ref=entry.id,
                        url=rel,
                        version=match.version,
                        sources=(source,),
                    )
                )
            return
        self.policies.append(
            AdditionalTerms(
                name=f"{rel}: usage policy text not identified", url=rel, sources=(source,)
            )
        )


def _describe(found: TextIdentification) -> str:
    if found.status is IdentificationStatus.IDENTIFIED:
        text = "identified: " + "; ".join(m.description for m in found.matches)
    elif found.status is IdentificationStatus.NO_DETECTOR:
        text = "present, not identified: " + found.note
    elif found.status is IdentificationStatus.AMBIGUOUS:
        text = "not identified: " + found.note
    else:
        text = f"not identified by {found.detector}: {found.note}"
    if found.detector and found.status is IdentificationStatus.IDENTIFIED:
        text += f" [{found.detector}]"
    if found.note and found.status is IdentificationStatus.IDENTIFIED:
        text += f"; {found.note}"
    return text[:2000]


def _read_license_files(
    root: Path, facts: TreeFacts, notes: Notes, detector: Detector | str | None
) -> _LicenseFiles:
    out = _LicenseFiles()
    for rel in facts.license_files:
        role = license_file_role(Path(rel).name)
        text = _read_text(root, rel, notes)
        if text is None or role is None:
            continue
        found = identify_license_text(text, detector=detector)
        out.identified[rel] = found
        described = _describe(found)
        if role is LicenseFileRole.NOTICE:
            notes.unmapped(f"{rel} holds notices, not terms; {described}"[:2000], rel)
            continue
        if found.status is IdentificationStatus.IDENTIFIED:
            notes.inferred(f"{rel}: {described}"[:2000], rel)
        else:
            notes.assumed(
                f"{rel} is present but its text was not identified ({described}); osaid "
                "does not guess its license",
                rel,
            )
        if role is LicenseFileRole.POLICY or (
            found.status is IdentificationStatus.IDENTIFIED
            and found.expression is None
            and found.policies
        ):
            out.add_policy(rel, found)
            continue
        if found.policies:  # a policy pasted below the license text
            out.add_policy(rel, TextIdentification(found.status, found.policies, found.detector))
        out.add_license(_scope(Path(rel).name), rel, found)
    if facts.nested_license_files:
        shown = ", ".join(facts.nested_license_files[:10])
        more = len(facts.nested_license_files) - 10
        notes.unmapped(
            f"license files below the top level are not applied to the release: {shown}"
            + (f" and {more} more" if more > 0 else ""),
            "",
        )
    return out


def _incorporated(terms: LicenseTerms, ref: str) -> bool:
    """Whether the catalog license in ``terms`` already incorporates policy ``ref``."""
    if terms.expression is None:
        return False
    catalog = default_catalog()
    for token in terms.expression.replace("(", " ").replace(")", " ").split():
        if not token.startswith("LicenseRef-"):
            continue
        entry = catalog.lookup(token)
        if entry is None:
            continue
        for version in entry.versions:
            if ref in version.incorporates:
                return True
    return False


def _with_policies(
    terms: LicenseTerms | None, policies: list[AdditionalTerms], notes: Notes
) -> LicenseTerms | None:
    if terms is None or not policies:
        return terms
    extra = []
    for policy in policies:
        if policy.ref is not None and _incorporated(terms, policy.ref):
            notes.inferred(
                f"{policy.url}: {policy.ref} is already part of {terms.declared}, which "
                "incorporates it",
                policy.url,
            )
            continue
        extra.append(policy)
    if not extra:
        return terms
    return terms.model_copy(update={"additional_terms": (*terms.additional_terms, *extra)})


# --------------------------------------------------------------------------- merging


def _card_release(root: Path, facts: TreeFacts, name: str, notes: Notes) -> ModelRelease:
    if facts.card is None:
        notes.assumed("the repository has no README.md model card", "README.md")
        return ModelRelease(name=name)
    raw = read_document(root / facts.card).decode("utf-8-sig", errors="replace")
    try:
        card = front_matter(raw)
    except InvalidReleaseError:
        notes.assumed(f"{facts.card} has no model-card metadata (YAML front matter)", facts.card)
        return ModelRelease(name=name)
    return import_hf_card(card, name=name).release


def _replace(components: list[Component], component: Component) -> None:
    for index, existing in enumerate(components):
        if existing.kind is component.kind:
            components[index] = component
            return
    components.append(component)


def _parameter_terms(
    card_params: Component | None, file_terms: LicenseTerms | None, notes: Notes
) -> LicenseTerms | None:
    """The weights' terms.

    An identified license file wins over the card; an unidentified one never replaces what
    the card declares.
    """
    card_terms = card_params.license if card_params is not None else None
    if file_terms is None:
        return card_terms
    if file_terms.expression is None and card_terms is not None:
        notes.assumed(
            f"the license file was not identified; the card's license {card_terms.declared} "
            "is used for the weights",
            "license",
        )
        return card_terms
    if card_terms is not None and card_terms.declared != file_terms.declared:
        notes.assumed(
            f"the card declares {card_terms.declared} but the license file's text is "
            f"{file_terms.declared}; the license file is used for the weights",
            "license",
        )
    return file_terms


def _tree_components(
    release: ModelRelease,
    facts: TreeFacts,
    files: _LicenseFiles,
    notes: Notes,
    *,
    locate: Callable[[str], str] = str,
) -> ModelRelease:
    components = list(release.components)
    card_params = release.component(ComponentKind.PARAMETERS_FINAL)
    availability = card_params.availability if card_params is not None else Availability.PUBLIC
    if card_params is None:
        notes.assumed(
            "the repository is read as public (a snapshot does not say whether it is gated "
            "or private)",
            "",
        )
    scoped = files.terms
    code_terms = scoped.get("code") or scoped.get("all")
    parameter_terms = _parameter_terms(
        card_params, scoped.get("parameters") or scoped.get("all"), notes
    )
    parameter_terms = _with_policies(parameter_terms, files.policies, notes)
    if files.policies and parameter_terms is None:
        notes.assumed(
            "a usage policy is present but no license applies to the weights", "USE_POLICY"
        )
    weights: list[tuple[ComponentKind, list[str]]] = [
        (ComponentKind.PARAMETERS_FINAL, facts.final_weights),
        (ComponentKind.PARAMETERS_INTERMEDIATE, facts.intermediate),
        (ComponentKind.OPTIMIZER_STATE, facts.optimizer),
    ]
    for kind, paths in weights:
        existing = release.component(kind)
        if not paths:
            if kind is ComponentKind.PARAMETERS_FINAL and existing is not None:
                notes.assumed(
                    "the card describes a model, but the repository holds no weight files; "
                    "whether and where the weights are released is not stated",
                    "",
                )
                components = [c for c in components if c.kind is not kind]
            continue
        more = f" ({len(paths)} files)" if len(paths) > _LOCATIONS_SHOWN else ""
        _replace(
            components,
            Component(
                kind=kind,
                availability=availability,
                locations=_shown(paths, locate),
                license=parameter_terms,
                description=f"{kind.label} found in the repository{more}",
                sources=tuple(_source(p, note="weight file in the repository") for p in paths[:3]),
            ),
        )
        shown = ", ".join(paths[:3]) + (" ..." if len(paths) > 3 else "")
        notes.inferred(f"{kind.label}: {shown}", paths[0])
    card = release.component(ComponentKind.MODEL_CARD)
    if card is not None and parameter_terms is not None:
        _replace(components, card.model_copy(update={"license": parameter_terms}))
    for kind, paths in facts.code.items():
        note = "inferred from the file name; the contents were not read"
        _replace(
            components,
            Component(
                kind=kind,
                availability=availability,
                locations=_shown(paths, locate),
                license=scoped.get("code"),
                description=f"{kind.label}, by file name",
                sources=tuple(_source(p, note=note, primary=False) for p in paths[:3]),
            ),
        )
        notes.inferred(
            f"{kind.label} is read off file names (lower confidence): {', '.join(paths[:3])}"
            + (" ..." if len(paths) > 3 else ""),
            paths[0],
        )
    if facts.samples:
        notes.assumed(
            "sample or example scripts are not taken as the release's own code: "
            + ", ".join(facts.samples[:5]),
            facts.samples[0],
        )
    for kind, paths in (
        (ComponentKind.DATA_CARD, facts.data_cards),
        (ComponentKind.RESEARCH_PAPER, facts.papers),
    ):
        if paths and release.component(kind) is None:
            _replace(
                components,
                Component(
                    kind=kind,
                    availability=availability,
                    locations=_shown(paths, locate),
                    description=f"{kind.label} in the repository; its contents were not read",
                    sources=tuple(_source(p, primary=False) for p in paths[:3]),
                ),
            )
            notes.assumed(
                f"{kind.label} found ({', '.join(paths[:3])}); osaid does not read its "
                "contents, so the data information it may hold is not stated",
                paths[0],
            )
    release_terms = scoped.get("all") or code_terms
    updates: dict[str, Any] = {"components": tuple(components)}
    if release_terms is not None and release.license is None:
        updates["license"] = release_terms
    if not facts.code:
        notes.assumed(
            "no training, data-processing, evaluation or model code was found by name; "
            "whether it is released elsewhere is not stated",
            "",
        )
    return release.model_copy(update=updates)


def _declared_document(root: Path, rel: str, name: str) -> Mapping[str, Any]:
    raw = read_document(root / rel)
    text = raw.decode("utf-8-sig")
    if rel.endswith(".json"):
        import json  # noqa: PLC0415 - only this branch needs it

        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidReleaseError(
                [InputProblem("", f"not valid JSON: {exc.msg} (line {exc.lineno})")], source=rel
            ) from None
    else:
        document = parse_yaml(text, rel)
    if document is None:
        document = {}
    if not isinstance(document, Mapping):
        raise InvalidReleaseError(
            [InputProblem("", "a release document is a mapping of fields")], source=rel
        )
    given: dict[str, Any] = dict(document)
    given.setdefault("name", name)
    return given


def _overlay(
    inferred: ModelRelease, declared: ModelRelease, given: Mapping[str, Any], rel: str, notes: Notes
) -> ModelRelease:
    updates: dict[str, Any] = {}
    for key in given:
        if key in {"components", "data_information", "training_datasets", "import_notes",
                   "croissant", "$schema"}:  # fmt: skip
            continue
        if key not in type(declared).model_fields:
            continue
        value = getattr(declared, key)
        before = getattr(inferred, key)
        if before not in (None, (), "") and before != value:
            notes.assumed(f"{rel} declares {key}; it replaces what the files show", key)
        updates[key] = value
    components = list(inferred.components)
    for component in declared.components:
        if inferred.component(component.kind) is not None:
            notes.assumed(
                f"{rel} declares the {component.kind.label.lower()}; it replaces what the "
                "files show",
                f"components.{component.kind.value}",
            )
        _replace(components, component)
    updates["components"] = tuple(components)
    elements = {}
    for element in DataElement:
        disclosure = declared.data_information.get(element)
        if disclosure.state is DisclosureState.NOT_STATED:
            continue
        if inferred.data_information.get(element).state is not DisclosureState.NOT_STATED:
            notes.assumed(
                f"{rel} declares {element.phrase}; it replaces the Croissant reading",
                f"data_information.{element.field}",
            )
        elements[element.field] = disclosure
    updates["data_information"] = inferred.data_information.model_copy(update=elements)
    names = {d.name.casefold() for d in declared.training_datasets}
    kept = [d for d in inferred.training_datasets if d.name.casefold() not in names]
    updates["training_datasets"] = (*declared.training_datasets, *kept)
    updates["croissant"] = tuple(dict.fromkeys((*inferred.croissant, *declared.croissant)))
    updates["import_notes"] = (*declared.import_notes, *inferred.import_notes)
    notes.inferred(f"facts declared in {rel} take precedence over those read from files", rel)
    return inferred.model_copy(update=updates)


def _finish(release: ModelRelease, notes: Notes) -> ModelRelease:
    new = [n for n in notes.items if n not in release.import_notes]
    merged = release.model_copy(update={"import_notes": (*release.import_notes, *new)})
    # validate the whole once more: the overlay must still be a valid release
    return ModelRelease.model_validate(merged.model_dump())


def _walk_notes(notes: Notes, *, truncated: bool) -> None:
    if truncated:
        notes.assumed(
            f"the repository has more than {MAX_FILES:,} files; only the first were read", ""
        )


def import_repository(
    path: str | Path, *, detector: Detector | str | None = "default"
) -> ImportResult:
    """Read a local repository snapshot into a release (see the module for the sources).

    :param detector: the license-text detector (``"default"``: the installed one; None
        reads no license text, so license files are noted but not identified).
    :raises InvalidReleaseError: if ``path`` is not a folder, or a document in it is invalid.
    """
    root = Path(path)
    if not root.is_dir():
        raise InvalidReleaseError(
            [InputProblem("", "not a folder (a repository snapshot is a folder)")], source=str(path)
        )
    paths, truncated = repository_paths(root)
    facts = classify_paths(paths)
    notes = Notes(FORMAT)
    _walk_notes(notes, truncated=truncated)
    name = root.resolve().name or "repository"
    release = _card_release(root, facts, name, notes)
    files = _read_license_files(root, facts, notes, detector)
    release = _tree_components(release, facts, files, notes)
    croissant: list[CroissantDataset] = [
        load_croissant(root / rel, where=rel) for rel in facts.croissant
    ]
    given: Mapping[str, Any] | None = None
    declared: ModelRelease | None = None
    if facts.release_document is not None:
        given = _declared_document(root, facts.release_document, release.name)
        declared = parse_release(given, source=facts.release_document)
        known = {d.where for d in croissant}
        for item in resolve_croissant(declared, root, notes=notes):
            if item.where not in known:
                croissant.append(item)
    release = release.model_copy(
        update={
            "croissant": tuple(dict.fromkeys((*release.croissant, *(d.where for d in croissant))))
        }
    )
    release = _finish(release, notes)
    release = apply_croissant(release, croissant, source_format=FORMAT)
    if declared is not None and given is not None and facts.release_document is not None:
        notes = Notes(FORMAT)
        release = _overlay(release, declared, given, facts.release_document, notes)
        release = _finish(release, notes)
    return ImportResult(release, release.import_notes, FORMAT)


def load_repository(
    path: str | Path, *, detector: Detector | str | None = "default"
) -> ModelRelease:
    """The release a local repository snapshot describes (:func:`import_repository`).

    The import notes (what was inferred from which file, what could not be identified) are
    in :attr:`ModelRelease.import_notes`.
    """
    return import_repository(path, detector=detector).release


def _file_of(sources: Sequence[Source], card: str | None) -> str | None:
    """The snapshot file the first file-backed source names (the card for card facts)."""
    for source in sources:
        title = source.title
        if title is not None and title.startswith(_FILE_SOURCE):
            return title.removeprefix(_FILE_SOURCE)
        if title == CARD_SOURCE_TITLE and card is not None:
            return card
    return None


def repository_fact_files(release: ModelRelease, root: str | Path) -> dict[str, str]:
    """Where in a repository snapshot each fact of the release imported from it was read.

    Maps a release field (``license``, ``components[2]``, ``components[2].license``,
    ``data_information.provenance``, ``training_datasets[0]``), or the field an import note
    names (a file of the snapshot, or a key of the card's front matter), to the file's path
    relative to ``root``. Reports use it to point a finding at the file behind it; facts no
    file backs are left out.
    """
    base = Path(root)
    card = "README.md" if (base / "README.md").is_file() else None
    out: dict[str, str] = {}
    if release.license is not None and (found := _file_of(release.license.sources, card)):
        out["license"] = found
    for index, component in enumerate(release.components):
        terms = component.license
        if terms is not None:
            # terms no file backs were declared by the card (or a release document)
            found = _file_of(terms.sources, card) or card
            if found is not None:
                out[f"components[{index}].license"] = found
        if found := _file_of(component.sources, card):
            out[f"components[{index}]"] = found
    for element in ELEMENTS:
        disclosure = release.data_information.get(element)
        if found := _file_of(disclosure.sources, card):
            out[f"data_information.{element.value.replace('-', '_')}"] = found
    for index, dataset in enumerate(release.training_datasets):
        if found := _file_of(dataset.sources, card):
            out[f"training_datasets[{index}]"] = found
    for note in release.import_notes:
        field = note.field
        if not field or field in out:
            continue
        if note.source_format == CARD_FORMAT and card is not None:
            out[field] = card  # a key of the card's front matter
        elif (
            not Path(field).is_absolute()
            and ".." not in Path(field).parts
            and (base / field).is_file()
        ):
            out[field] = field
    return out
