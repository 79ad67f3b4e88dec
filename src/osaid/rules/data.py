"""Rules for the data-information group of OSAID 1.0's preferred form.

Each data-information element is its own rule. The documents that carry the
information (data card, paper, technical report ...) must be under acceptable terms.
OSAID asks for the *complete* account of each element: an element's terms are met when
the documents that hold its complete account (``Disclosure.complete_in``) are under
acceptable terms, and the others (summaries, repeats) are reported as advisory. When the
release does not say which document is complete, every document carrying the element
must be acceptable (:func:`deciding_carriers`, :func:`needed_carriers`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping

from osaid.analysis import TermsAnalysis
from osaid.findings import SYSTEM, Evidence, Finding, Outcome
from osaid.licensing.clauses import Severity
from osaid.release import (
    Availability,
    ComponentKind,
    DataClass,
    DataElement,
    DisclosureState,
    Group,
    ModelRelease,
)
from osaid.release.model import ELEMENTS, KINDS
from osaid.rules._base import FAQ_URL, Citation, Rule, RuleContext, RuleSpec, terms_key
from osaid.rules._common import disclose, state_disclosure, terms_finding

__all__ = ["DATA_RULES", "carriers_of", "deciding_carriers", "needed_carriers"]

_SECTION = "Preferred form to make modifications to machine-learning systems: Data Information"
_E = DataElement
_DEFAULT_CARRIERS = (
    ComponentKind.DATA_CARD,
    ComponentKind.RESEARCH_PAPER,
    ComponentKind.TECHNICAL_REPORT,
)
_SHOWN = frozenset({DisclosureState.DISCLOSED, DisclosureState.PARTIAL})


def carriers_of(release: ModelRelease, element: DataElement) -> tuple[ComponentKind, ...]:
    """The components said to carry ``element`` (by default: data card, paper, report)."""
    return release.data_information.get(element).where or _DEFAULT_CARRIERS


def deciding_carriers(
    release: ModelRelease, element: DataElement, terms: Mapping[ComponentKind, TermsAnalysis]
) -> tuple[ComponentKind, ...]:
    """The released carriers of ``element`` whose terms decide its availability.

    The documents said to hold the complete account (``complete_in``) when all of them
    are released; otherwise every released carrier of the element, since none is known to
    be complete without the others.
    """
    disclosure = release.data_information.get(element)
    complete = tuple(kind for kind in disclosure.complete_in if kind in terms)
    if complete and len(complete) == len(disclosure.complete_in):
        return complete
    return tuple(kind for kind in carriers_of(release, element) if kind in terms)


def needed_carriers(
    release: ModelRelease, terms: Mapping[ComponentKind, TermsAnalysis]
) -> frozenset[ComponentKind]:
    """The released carriers whose terms decide the verdict.

    For each disclosed element, its :func:`deciding_carriers`.
    """
    needed: set[ComponentKind] = set()
    for element in ELEMENTS:
        if release.data_information.get(element).state in _SHOWN:
            needed.update(deciding_carriers(release, element, terms))
    return frozenset(needed)


def _element_spec(element: DataElement, excerpt: str, why: str, rule_id: str) -> RuleSpec:
    return RuleSpec(
        id=rule_id,
        title=f"Does the release disclose {element.phrase}?",
        group=Group.DATA_INFORMATION,
        citation=Citation(section=_SECTION, excerpt=excerpt),
        rationale=why,
        remediation=f"Disclose {element.phrase}, for all training data.",
    )


ELEMENT_SPECS: dict[DataElement, RuleSpec] = {
    _E.DESCRIPTION: _element_spec(
        _E.DESCRIPTION,
        "Data information must include the complete description of all data used for training.",
        "'All data' covers every stage: pre-training, fine-tuning, preference tuning and "
        "synthetic data. A description of part of it is 'partial' and does not meet the bar.",
        "PREF-DATA-INFO-DESCRIPTION",
    ),
    _E.UNSHAREABLE_DATA: _element_spec(
        _E.UNSHAREABLE_DATA,
        "The complete description includes, if used, the unshareable data.",
        "Data that cannot be shared (personal, licensed) may be left out of the release, "
        "but it must still be described in detail.",
        "PREF-DATA-INFO-UNSHAREABLE",
    ),
    _E.PROVENANCE: _element_spec(
        _E.PROVENANCE,
        "The description discloses the provenance of the data.",
        "Where the data came from is the first thing a skilled person needs to rebuild it.",
        "PREF-DATA-INFO-PROVENANCE",
    ),
    _E.SCOPE: _element_spec(
        _E.SCOPE,
        "The description discloses the data's scope and characteristics.",
        "Size, languages, domains, time range and mixture decide what an equivalent system "
        "would be trained on.",
        "PREF-DATA-INFO-SCOPE",
    ),
    _E.ACQUISITION: _element_spec(
        _E.ACQUISITION,
        "The description discloses how the data was obtained and selected.",
        "Collection methods and selection criteria are needed to obtain comparable data.",
        "PREF-DATA-INFO-ACQUISITION",
    ),
    _E.LABELING: _element_spec(
        _E.LABELING,
        "The description discloses the labeling procedures.",
        "Annotation guidelines and processes shape supervised and preference data; when no "
        "labeling was used the element does not apply.",
        "PREF-DATA-INFO-LABELING",
    ),
    _E.PROCESSING: _element_spec(
        _E.PROCESSING,
        "The description discloses the data processing and filtering methodologies.",
        "Deduplication, quality and safety filtering change what the model learns.",
        "PREF-DATA-INFO-PROCESSING",
    ),
    _E.PUBLIC_DATA_LISTING: _element_spec(
        _E.PUBLIC_DATA_LISTING,
        "Data information must include a listing of all publicly available training data and "
        "where to obtain it.",
        "Public data can be fetched again by anyone who knows where it is; the listing lets them.",
        "PREF-DATA-INFO-PUBLIC-LISTING",
    ),
    _E.THIRD_PARTY_DATA_LISTING: _element_spec(
        _E.THIRD_PARTY_DATA_LISTING,
        "Data information must include a listing of all training data obtainable from third "
        "parties and where to obtain it, including for a fee.",
        "Licensed or purchasable data can be obtained again by others if they know from whom.",
        "PREF-DATA-INFO-THIRDPARTY-LISTING",
    ),
}

TERMS = RuleSpec(
    id="PREF-DATA-INFO-TERMS",
    title="Is the data information available under OSI-approved terms?",
    group=Group.DATA_INFORMATION,
    citation=Citation(
        section=_SECTION,
        excerpt="Data information shall be made available under OSI-approved terms.",
    ),
    rationale=(
        "The documents that carry the data information must themselves be free to use, "
        "study, modify and share. The definition asks for the complete account: an element "
        "is available when the documents holding its complete account are acceptable; when "
        "the release does not say which document is complete, every document carrying the "
        "element must be acceptable."
    ),
    remediation="Publish the data information under open documentation terms such as CC-BY-4.0.",
)

SUFFICIENT = RuleSpec(
    id="PREF-DATA-INFO-SUFFICIENT",
    title="Has a reviewer attested that the data information is sufficient?",
    group=Group.DATA_INFORMATION,
    citation=Citation(
        section=_SECTION,
        excerpt=(
            "Data information must be sufficiently detailed that a skilled person can build a "
            "substantially equivalent system."
        ),
    ),
    rationale=(
        "No program can judge sufficiency; osaid checks each listed element and reports a "
        "reviewer's attestation as given. Without one the rule is advisory and unknown; a "
        "negative attestation blocks."
    ),
    remediation="Have the data information reviewed and record the reviewer's conclusion.",
    severity=Severity.ADVISORY,
)

OPEN_DATA = RuleSpec(
    id="FAQ-OPEN-DATA-SHARED",
    title="Is the open training data itself released (checked only when the policy asks)?",
    group=Group.DATA_INFORMATION,
    citation=Citation(
        document="Open Source AI Definition FAQ",
        section="Data classes: open training data",
        excerpt="The FAQ says open training data must be shared.",
        url=FAQ_URL,
    ),
    rationale=(
        "The definition asks for data information, not the datasets, and osaid's default "
        "policy follows it. The FAQ goes further for open data; the 'open-data' policy "
        "applies that reading."
    ),
    remediation="Release the open training datasets under open data terms.",
)


def _element_key(ctx: RuleContext, element: DataElement) -> Hashable:
    release = ctx.release
    disclosure = release.data_information.get(element)
    carriers = tuple((kind, release.availability(kind)) for kind in carriers_of(release, element))
    datasets: tuple[object, ...] = ()
    if element in {_E.PUBLIC_DATA_LISTING, _E.THIRD_PARTY_DATA_LISTING}:
        datasets = tuple(
            (d.name, d.data_class, d.locations[0] if d.locations else None)
            for d in release.training_datasets
        )
    return (element, disclosure, carriers, datasets)


def _element_check(element: DataElement) -> Rule:
    spec = ELEMENT_SPECS[element]

    def check(ctx: RuleContext) -> Iterator[Finding]:
        yield _element_finding(spec, ctx, element)

    return Rule(spec, check, key=lambda ctx: _element_key(ctx, element))


def _element_finding(spec: RuleSpec, ctx: RuleContext, element: DataElement) -> Finding:
    release = ctx.release
    disclosure = release.data_information.get(element)
    field = f"data_information.{element.field}"
    evidence = [
        Evidence(
            field=f"{field}.state",
            value=disclosure.state.value,
            url=disclosure.locations[0] if disclosure.locations else None,
            note=disclosure.note,
        )
    ]
    title = element.label
    state = disclosure.state
    if state is DisclosureState.NOT_APPLICABLE:
        return spec.finding(
            element, Outcome.NOT_APPLICABLE, f"{title}: nothing to disclose.", evidence=evidence
        )
    if state is DisclosureState.PARTIAL:
        return spec.finding(
            element,
            Outcome.NOT_MET,
            f"The release discloses {element.phrase} for part of the training data only; "
            "OSAID asks for all of it.",
            evidence=evidence,
            remediation=disclose(element),
        )
    if state is DisclosureState.NOT_DISCLOSED:
        return spec.finding(
            element,
            Outcome.NOT_MET,
            f"The release does not disclose {element.phrase}.",
            evidence=evidence,
            remediation=disclose(element),
        )
    if state is DisclosureState.NOT_STATED:
        inferred = _inferred_listing(ctx, element)
        if inferred is not None:
            return spec.finding(
                element,
                Outcome.MET,
                f"{title}: every {inferred} training dataset listed in the release says where "
                "to obtain it.",
                evidence=[
                    *evidence,
                    *(
                        Evidence(field=f"training_datasets[{i}]", value=d.name, url=d.locations[0])
                        for i, d in enumerate(release.training_datasets)
                        if d.locations and _listing_class(element, d.data_class)
                    ),
                ],
            )
        return spec.finding(
            element,
            Outcome.UNKNOWN,
            f"The release does not say whether it discloses {element.phrase}.",
            evidence=evidence,
            remediation=state_disclosure(element),
        )
    # disclosed: it must be readable somewhere
    carriers = carriers_of(release, element)
    released = [k for k in carriers if release.availability(k).released]
    if released or (not disclosure.where and disclosure.locations):
        where = ", ".join(k.label.lower() for k in released) or disclosure.locations[0]
        return spec.finding(
            element, Outcome.MET, f"{title}: disclosed ({where}).", evidence=evidence
        )
    missing = [k for k in carriers if release.availability(k) is Availability.NOT_RELEASED]
    if disclosure.where and len(missing) == len(carriers):
        names = ", ".join(k.label.lower() for k in missing)
        return spec.finding(
            element,
            Outcome.NOT_MET,
            f"The release says that {element.phrase} is disclosed in the {names}, which "
            "is not released.",
            evidence=evidence,
            remediation=disclose(element),
        )
    return spec.finding(
        element,
        Outcome.UNKNOWN,
        f"The release says that {element.phrase} is disclosed, but names no released "
        "document or location that holds it.",
        evidence=evidence,
        remediation=state_disclosure(element),
    )


def _listing_class(element: DataElement, data_class: DataClass) -> bool:
    if element is _E.PUBLIC_DATA_LISTING:
        return data_class in {DataClass.OPEN, DataClass.PUBLIC}
    return data_class is DataClass.OBTAINABLE


def _inferred_listing(ctx: RuleContext, element: DataElement) -> str | None:
    """Whether a listing element can be read off the training datasets."""
    if element not in {_E.PUBLIC_DATA_LISTING, _E.THIRD_PARTY_DATA_LISTING}:
        return None
    relevant = [d for d in ctx.release.training_datasets if _listing_class(element, d.data_class)]
    if relevant and all(d.locations for d in relevant):
        return "public" if element is _E.PUBLIC_DATA_LISTING else "third-party"
    return None


def _roles(ctx: RuleContext, kind: ComponentKind) -> tuple[list[DataElement], list[DataElement]]:
    """The disclosed elements ``kind`` carries: those its terms decide, and the others."""
    deciding: list[DataElement] = []
    other: list[DataElement] = []
    for element in ELEMENTS:
        if ctx.release.data_information.get(element).state not in _SHOWN:
            continue
        if kind not in carriers_of(ctx.release, element):
            continue
        if kind in deciding_carriers(ctx.release, element, ctx.terms):
            deciding.append(element)
        else:
            other.append(element)
    return deciding, other


def _names(elements: list[DataElement]) -> str:
    return ", ".join(e.value for e in elements)


def _why_deciding(ctx: RuleContext, kind: ComponentKind, elements: list[DataElement]) -> str:
    complete = [e for e in elements if kind in ctx.release.data_information.get(e).complete_in]
    if len(complete) == len(elements):
        return f"it holds the complete account of {_names(elements)}"
    return (
        f"it carries {_names(elements)}, and no document is said to hold the complete "
        "account on its own, so every document carrying them must be acceptable"
    )


def _terms(ctx: RuleContext) -> Iterator[Finding]:
    release = ctx.release
    used: list[ComponentKind] = []
    for element in ELEMENTS:
        if release.data_information.get(element).state in _SHOWN:
            used.extend(k for k in carriers_of(release, element) if k in ctx.terms)
    carriers = list(dict.fromkeys(used))
    if not carriers:
        yield TERMS.finding(
            SYSTEM,
            Outcome.NOT_APPLICABLE,
            "No released document carries disclosed data information, so there are no terms "
            "to judge (the element rules report what is missing).",
        )
        return
    for kind in sorted(carriers, key=KINDS.index):
        deciding, other = _roles(ctx, kind)
        severity = Severity.BLOCKING if deciding else Severity.ADVISORY
        finding = terms_finding(
            TERMS,
            ctx,
            kind,
            ctx.terms[kind],
            what=f"acceptable for data information under the {ctx.policy.name} policy",
            severity=severity,
        )
        if finding.outcome is Outcome.MET:
            yield finding
            continue
        if deciding:
            why = _why_deciding(ctx, kind, deciding)
            message = f"{finding.message.rstrip('.')}; {why}."
            note = Evidence(note=f"decides the terms of: {_names(deciding)}")
        else:
            holders = sorted(
                {
                    k
                    for e in other
                    for k in deciding_carriers(release, e, ctx.terms)
                    if k is not kind
                },
                key=KINDS.index,
            )
            where = ", ".join(k.label.lower() for k in holders)
            message = finding.message
            note = Evidence(
                note=f"the complete account of {_names(other)} is in the {where}, so this "
                "document does not decide the verdict"
            )
        yield finding.model_copy(update={"message": message, "evidence": (*finding.evidence, note)})


def _sufficient(ctx: RuleContext) -> Iterator[Finding]:
    attestation = ctx.release.attestation
    if attestation is None:
        yield SUFFICIENT.finding(
            SYSTEM,
            Outcome.UNKNOWN,
            "No reviewer has attested that the data information would let a skilled person "
            "build a substantially equivalent system; osaid checks the listed elements only.",
        )
        return
    evidence = (
        Evidence(
            field="attestation",
            value=f"{attestation.reviewer}, {attestation.date.isoformat()}",
            url=attestation.url,
            note=attestation.statement,
        ),
    )
    if attestation.sufficient:
        yield SUFFICIENT.finding(
            SYSTEM,
            Outcome.MET,
            f"{attestation.reviewer} attested on {attestation.date.isoformat()} that the data "
            "information is sufficient.",
            evidence=evidence,
        )
        return
    yield SUFFICIENT.finding(
        SYSTEM,
        Outcome.NOT_MET,
        f"{attestation.reviewer} found on {attestation.date.isoformat()} that the data "
        "information is not sufficient to build a substantially equivalent system.",
        severity=Severity.BLOCKING,
        evidence=evidence,
        remediation=disclose(_E.DESCRIPTION),
    )


def _open_data(ctx: RuleContext) -> Iterator[Finding]:
    if not ctx.policy.require_open_data:
        return
    kind = ComponentKind.DATASETS
    analysis = ctx.terms.get(kind)
    if analysis is not None:
        yield terms_finding(
            OPEN_DATA, ctx, kind, analysis, what="acceptable for released open training data"
        )
        return
    open_sets = [
        (i, d)
        for i, d in enumerate(ctx.release.training_datasets)
        if d.data_class is DataClass.OPEN
    ]
    if not open_sets:
        yield OPEN_DATA.finding(
            kind,
            Outcome.UNKNOWN,
            "The release neither releases its datasets nor lists which training data is open.",
            remediation=state_disclosure(_E.PUBLIC_DATA_LISTING),
        )
        return
    for index, dataset in open_sets:
        evidence = (
            Evidence(
                field=f"training_datasets[{index}]",
                value=dataset.name,
                url=dataset.locations[0] if dataset.locations else None,
            ),
        )
        if dataset.locations:
            yield OPEN_DATA.finding(
                kind, Outcome.MET, f"Open dataset {dataset.name} is available.", evidence=evidence
            )
        else:
            yield OPEN_DATA.finding(
                kind,
                Outcome.NOT_MET,
                f"Open dataset {dataset.name} is not shared.",
                evidence=evidence,
                remediation=disclose(_E.PUBLIC_DATA_LISTING),
            )


def _terms_rule_key(ctx: RuleContext) -> Hashable:
    carriers = tuple((kind, terms_key(ctx, kind)) for kind in ctx.released())
    return (ctx.release.data_information, carriers, ctx.needed_carriers)


def _open_data_key(ctx: RuleContext) -> Hashable:
    return (terms_key(ctx, ComponentKind.DATASETS), ctx.release.training_datasets)


DATA_RULES = (
    *(_element_check(element) for element in DataElement),
    Rule(TERMS, _terms, key=_terms_rule_key),
    Rule(SUFFICIENT, _sufficient, key=lambda ctx: ctx.release.attestation),
    Rule(OPEN_DATA, _open_data, key=_open_data_key),
)
