"""Import a Hugging Face model card: the YAML front matter of a repository's ``README.md``.

Read offline: the front matter (or an already parsed metadata mapping), and the body when
the whole README is given. A card says what license the repository declares, which
datasets and base models it names and how the release derives from them, and whether
downloads are gated; it cannot say whether training code or data information exist, so
those stay not stated (unknown), never "not released".

As the Hub writes cards (``docs/hub/model-cards.md``, ``docs/hub/models-gated.md``):

- ``license`` is a Hub id (``apache-2.0``, ``llama3.1``), a list of ids (read as ``AND``),
  or ``other`` with ``license_name`` / ``license_link``. ``license_link`` is read beside
  any id: a link to the text of a license osaid knows resolves ``other``, and a link to a
  different license than the id names makes both apply. A relative link (``LICENSE``) is
  made absolute when the repository is known.
- ``base_model`` is one id or a list (a merge); ``base_model_relation`` is ``adapter``,
  ``finetune``, ``quantized`` or ``merge`` (when absent: ``merge`` for a list,
  ``quantized`` when ``quantized_by`` is set, else a fine-tune). A quantized copy is the
  base's weights in another number format and inherits everything; an adapter ships only
  part of the parameters, and using it needs the base's.
- ``gated: manual``, or a gate text (``extra_gated_prompt`` / ``extra_gated_description``)
  saying that requests are reviewed, processed in some days, approved or granted, is an
  approval gate; any other gate is an automatic click-through.
- The release name is ``model-index[0].name``, else ``model_name``, else the body's first
  ``# `` heading, else the repository name. A license named only in the body's prose is
  noted with its line, never judged: the front matter is what the Hub reads.
- Every other key is noted as not read.
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
    excerpt,
    note_unread,
    parse_yaml,
    quote,
    require_mapping,
    source,
)
from osaid.licensing.clauses import Clause, ClauseKind, Material
from osaid.licensing.names import ResolutionKind, resolve_hf_license, resolve_license
from osaid.release import (
    AdditionalTerms,
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

__all__ = ["CARD_SOURCE_TITLE", "FORMAT", "front_matter", "import_hf_card"]

FORMAT: Final = "hf"

CARD_SOURCE_TITLE: Final = "Hugging Face model card metadata"
"""The title of the source every fact read from a card's front matter carries."""

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


def _front_matter_end(text: str) -> int | None:
    """Where the body starts: just after the closing ``---`` line (None: no front matter)."""
    opening = _OPENING.match(text)
    if opening is None:
        return None
    position = opening.end()
    while (found := text.find("\n---", position)) != -1:
        closing = _CLOSING.match(text, found + 1)
        if closing:
            return closing.end()
        position = found + 1
    return None


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


def _card_name(card: Mapping[str, Any], notes: Notes) -> str | None:
    index = card.get("model-index")
    if isinstance(index, list) and index and isinstance(index[0], Mapping):
        first = index[0]
        found = as_text(first.get("name"), FORMAT, "model-index[0].name")
        if len(index) > 1 or any(key != "name" for key in first):
            notes.unmapped(
                "model-index holds evaluation results, which osaid does not read", "model-index"
            )
        if found:
            return found
    elif index is not None:
        notes.unmapped(f"model-index is not read by osaid ({excerpt(index)})", "model-index")
    return as_text(card.get("model_name"), FORMAT, "model_name")


_REPO_ID = re.compile(r"[\w.\-]+/[\w.\-]+")


def _link(link: str | None, repo: str | None, notes: Notes) -> str | None:
    """``license_link`` as a URL: a relative link names a file of the repository."""
    if not link or "://" in link:
        return link
    if repo and _REPO_ID.fullmatch(repo):
        url = f"https://huggingface.co/{repo}/blob/main/{link.lstrip('./')}"
        notes.normalised(
            f"license_link {link!r} names a file of the repository: {url}", "license_link"
        )
        return url
    notes.assumed(
        f"license_link {link!r} names a file of the repository, whose text osaid has not read",
        "license_link",
    )
    return link


def _terms(card: Mapping[str, Any], repo: str | None, notes: Notes) -> LicenseTerms | None:
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
    url = _link(license_link, repo, notes)
    sources = (source(url, "License link of the model card"),) if url else ()
    if found.kind is ResolutionKind.UNKNOWN:
        label = license_name or license_link or (", ".join(ids) if isinstance(ids, list) else ids)
        why = f" ({found.how})" if found.how.startswith("Hugging Face") else ""
        notes.unmapped(
            f"license {label!r} is not a license osaid knows; judged unknown{why}", "license"
        )
        return LicenseTerms(name=clip(str(label)) or "other", url=url, sources=sources)
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
    elif " AND " in found.expression and "license_link" in found.how:
        notes.assumed(f"{found.how} ({found.expression})", "license_link")
    elif found.how.startswith("license_link"):
        notes.inferred(f"license_link {license_link!r} resolves the license: {found.expression}",
                       "license_link")  # fmt: skip
    elif found.expression.lower() != raw_text.lower():
        notes.normalised(f"license {raw_text!r} read as {found.expression}", "license")
    return LicenseTerms(
        expression=found.expression,
        name=clip(raw_text) or None,
        url=url,
        version=found.version,
        sources=sources,
    )


_APPROVAL = re.compile(
    r"\b(?:access |download |your |the |all |these )?requests? (?:to access [^.!?]{0,60} )?"
    r"(?:will|are|is|may|must|should|would|can|get|gets)(?: not| only)?(?: be)? "
    r"(?:processed|reviewed|approved|granted|accepted|evaluated|checked|validated)\b"
    r"|\baccess (?:is|will be|may be) (?:granted|given|approved) (?:only )?"
    r"(?:after|once|upon|by|manually|within|at)\b"
    r"|\bmanual(?:ly)? (?:review|approv)|\bafter you have been granted access\b"
    r"|\bprocessed (?:with)?in \d",
    re.IGNORECASE,
)
_AUTOMATIC = re.compile(r"\b(?:immediately|automatically|instant(?:ly)?)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_GATE_TEXTS = ("extra_gated_prompt", "extra_gated_description")


def _approval_sentence(card: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first gate sentence saying requests are reviewed, and the key it is in."""
    for key in _GATE_TEXTS:
        value = card.get(key)
        if not isinstance(value, str):
            continue
        for sentence in _SENTENCE.split(value[:20_000]):
            if _APPROVAL.search(sentence) and not _AUTOMATIC.search(sentence):
                return key, sentence.strip()
    return None


def _availability(card: Mapping[str, Any], notes: Notes) -> Availability:
    gated = card.get("gated")
    if not isinstance(gated, bool):
        gated = as_text(gated, FORMAT, "gated")
    for key in _GATE_TEXTS:
        as_text(card.get(key), FORMAT, key)
    gate_keys = sorted(str(k) for k in card if str(k).startswith("extra_gated"))
    if not gate_keys and gated in (None, False, "false", "False"):
        return Availability.PUBLIC
    if str(gated).lower() == "manual":
        notes.inferred("'gated: manual' means each request is approved by hand", "gated")
        return Availability.GATED_APPROVAL
    approval = _approval_sentence(card)
    if approval is not None:
        key, sentence = approval
        notes.inferred(
            f"the gate text says requests are reviewed, not granted automatically: "
            f"{quote(sentence, 160)}",
            key,
        )
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


_RELATIONS = {"adapter", "finetune", "quantized", "merge"}


def _base(card: Mapping[str, Any], notes: Notes) -> BaseModelRef | None:
    names: list[str] = []
    for where, item in as_items(card.get("base_model"), FORMAT, "base_model"):
        text = as_text(item, FORMAT, where)
        if text:
            names.append(text)
    relation = as_text(card.get("base_model_relation"), FORMAT, "base_model_relation")
    quantized_by = as_text(card.get("quantized_by"), FORMAT, "quantized_by")
    if not names:
        if relation:
            notes.unmapped(
                f"base_model_relation {relation!r} names no base model", "base_model_relation"
            )
        return None
    if relation is None:
        if len(names) > 1:
            relation = "merge"
        elif quantized_by:
            relation = "quantized"
        else:
            relation = "finetune"
        notes.assumed(
            f"no base_model_relation; read as {relation!r}"
            + (f" (quantized_by: {quantized_by!r})" if relation == "quantized" else ""),
            "base_model",
        )
    elif relation.lower() not in _RELATIONS:
        notes.unmapped(
            f"base_model_relation {relation!r} is not one the Hub defines (adapter, finetune, "
            "quantized, merge)",
            "base_model_relation",
        )
    relation = relation.lower()
    if len(names) > 1:
        others = ", ".join(repr(n) for n in names[1:])
        notes.unmapped(
            f"{len(names)} base models are named ({relation}); the terms of each bind the "
            f"release, but osaid follows only {names[0]!r}, not {others}",
            "base_model",
        )
    if relation == "quantized":
        notes.inferred(
            "a quantized copy is the base model's weights in another number format: it "
            "inherits the base's terms, code and data information",
            "base_model_relation" if "base_model_relation" in card else "base_model",
        )
    elif relation == "adapter":
        notes.inferred(
            "an adapter ships only part of the parameters; using it needs the base model's "
            "parameters, under the base's terms",
            "base_model_relation",
        )
    return BaseModelRef(
        name=names[0],
        relation=relation,
        url=f"https://huggingface.co/{names[0]}" if _REPO_ID.fullmatch(names[0]) else None,
    )


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_ANY_HEADING = re.compile(r"^#{1,6}\s+\S")
_MD_LINK = re.compile(r"\[([^\]]{0,500})\]\(([^)\s]{0,2000})(?:\s[^)]{0,500})?\)")
_BARE_URL = re.compile(r"https?://[^\s)\]>\"'*]{1,2000}")
_MAX_LINE = 4_000
_SENTENCE_HEADING = re.compile(r":\s|[.!?]$")
_MAX_BODY_LINES = 5_000
_MAX_BODY_NOTES = 3


def _body_lines(text: str | None) -> list[tuple[int, str]]:
    """The card body's lines outside code fences, with their line numbers in the file."""
    if not text:
        return []
    end = _front_matter_end(text)
    if end is None:
        return []
    first = text.count("\n", 0, end) + 1
    out: list[tuple[int, str]] = []
    fenced = False
    for offset, line in enumerate(text[end:].splitlines()[:_MAX_BODY_LINES]):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            out.append((first + offset, line[:_MAX_LINE].rstrip("\r")))
    return out


def _plain(markdown: str) -> str:
    text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), markdown)
    text = re.sub(r"<[^>]{0,200}>", "", text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    return re.sub(r"\s+", " ", text).strip()


def _heading_name(lines: list[tuple[int, str]], notes: Notes) -> str | None:
    """The release name from the body's first ``# `` heading, when it reads as a name."""
    for number, line in lines:
        if not _ANY_HEADING.match(line):
            continue
        match = _HEADING.match(line)
        if match is None:  # the card opens with a lower heading: no title heading
            return None
        title = _plain(match.group(1).lstrip("# "))
        title = re.sub(r"^(?:model card for|model card of|model card:)\s+", "", title, flags=re.I)
        title = re.sub(r"^[^\w\[(]+", "", title).strip()
        if not title or len(title) > 80 or _SENTENCE_HEADING.search(title):
            notes.assumed(
                f"the first heading (line {number}) reads as a sentence, not a name: "
                f"{quote(title, 80)}",
                None,
            )
            return None
        notes.assumed(f"the card names no model; its first heading (line {number}) is used", None)
        return clip(title, 200)
    return None


def _body_licenses(
    lines: list[tuple[int, str]], declared: LicenseTerms | None, notes: Notes
) -> None:
    """Note licenses the body names in prose (never judged: the front matter decides)."""
    declared_expr = declared.expression if declared is not None else None
    noted = 0
    previous_heading = False
    for number, line in lines:
        lowered = line.lower()
        mentions = "licen" in lowered or previous_heading
        previous_heading = bool(re.match(r"^#+\s.*licen", lowered)) or (
            previous_heading and not line.strip()
        )
        if not mentions or not line.strip() or line.lstrip().startswith("#"):
            continue
        candidates = [m.group(1) for m in _MD_LINK.finditer(line)]
        candidates += [m.group(2) for m in _MD_LINK.finditer(line)]
        candidates += _BARE_URL.findall(line)
        after = re.search(r"licen[cs]e\W*[:\-]\s*(.+)$", _plain(line), re.IGNORECASE)
        if after:
            candidates.append(after.group(1).strip().rstrip(".;,"))
        known = []
        for candidate in candidates[:10]:
            found = resolve_license(candidate.strip().strip("*"))
            if found.known and found.expression not in {None, "NOASSERTION", "NONE"}:
                known.append(found.expression)
        known = list(dict.fromkeys(known))
        if declared_expr is not None and (not known or all(k == declared_expr for k in known)):
            continue
        if declared_expr is None and not known and "licen" not in lowered:
            continue
        named = f" ({', '.join(known)})" if known else ""
        notes.unmapped(
            f"the card body names a license{named} at line {number}: "
            f"{quote(_plain(line), 160)}; osaid does not judge licenses named only in prose "
            "(the front matter's license is what the Hub reads)",
            None,
        )
        noted += 1
        if noted >= _MAX_BODY_NOTES:
            return


def _gate_terms(
    card: Mapping[str, Any], terms: LicenseTerms | None, notes: Notes
) -> LicenseTerms | None:
    """The gate's own terms: the fields it collects (noted) and an EU exclusion (judged)."""
    fields = card.get("extra_gated_fields")
    if fields is not None:
        asked = [str(key) for key in as_mapping(fields, FORMAT, "extra_gated_fields")]
        if asked:
            shown = ", ".join(quote(k[:60], 60) for k in asked[:12])
            more = f" and {len(asked) - 12} more" if len(asked) > 12 else ""
            notes.unmapped(f"the download gate asks for: {shown}{more}", "extra_gated_fields")
    excluded = card.get("extra_gated_eu_disallowed")
    if excluded is not True and str(excluded).lower() != "true":
        return terms
    clause = Clause(
        kind=ClauseKind.TERRITORIAL,
        section="extra_gated_eu_disallowed",
        summary="The Hub gate refuses access to users in the European Union.",
        materials=(Material.MODEL,),
        verified=True,
        note="Read from the card's gate settings, not from a license text.",
    )
    gate = AdditionalTerms(
        name="Hugging Face download gate (extra_gated_eu_disallowed)", clauses=(clause,)
    )
    notes.inferred(
        "extra_gated_eu_disallowed: the gate refuses users in the EU, judged as a territorial "
        "restriction on the weights",
        "extra_gated_eu_disallowed",
    )
    if terms is None:
        return LicenseTerms(expression="NOASSERTION", additional_terms=(gate,))
    return terms.model_copy(update={"additional_terms": (*terms.additional_terms, gate)})


_READ: Final = frozenset(
    {
        "license", "license_name", "license_link", "datasets", "base_model",
        "base_model_relation", "quantized_by", "pipeline_tag", "model-index", "model_name",
        "gated", "extra_gated_prompt", "extra_gated_description",
    }
)  # fmt: skip
_GATE_PREFIX = "extra_gated"
_HINTS = {
    f"{prefix}{key}": f"did you mean {key!r}? The Hub does not read this key either"
    for key in ("license", "license_name", "license_link", "base_model", "datasets")
    for prefix in ("-", "_", " ", "- ")
}


def import_hf_card(
    card: Mapping[str, Any], *, name: str | None = None, text: str | None = None
) -> ImportResult:
    """Build a release from a model card's metadata (``README.md`` front matter).

    :param card: the parsed front matter.
    :param name: the repository id or model name, when the card does not give one.
    :param text: the whole README (front matter and body), when available: its first
        ``# `` heading names the release when the metadata does not, and licenses named in
        its prose are noted with their line.
    """
    notes = Notes(FORMAT)
    card = require_mapping(card, FORMAT, "model card metadata is a mapping")
    name = name.strip() if name and name.strip() else None
    repo = name if name and _REPO_ID.fullmatch(name) else None
    gate_keys = {str(k) for k in card if str(k).startswith(_GATE_PREFIX)}
    note_unread(notes, card, _READ | gate_keys, "", about="the card metadata", hints=_HINTS)
    terms = _gate_terms(card, _terms(card, repo, notes), notes)
    availability = _availability(card, notes)
    url = f"https://huggingface.co/{name}" if repo else None
    origin = source(url, CARD_SOURCE_TITLE)
    base = _base(card, notes)
    description = None
    if base is not None and base.relation == "adapter":
        description = f"Adapter weights for {base.name}: a part of the parameters only"
    elif base is not None and base.relation == "quantized":
        description = f"A quantized copy of the weights of {base.name}"
    with building(FORMAT, ""):
        components = (
            Component(
                kind=ComponentKind.PARAMETERS_FINAL,
                availability=availability,
                locations=(url,) if url else (),
                license=terms,
                description=description,
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
    lines = _body_lines(text)
    title = _card_name(card, notes) or _heading_name(lines, notes) or name or "Unnamed model"
    _body_licenses(lines, terms, notes)
    pipeline = as_text(card.get("pipeline_tag"), FORMAT, "pipeline_tag")
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
