"""Release diffs: what changed between two releases, and which findings and verdict flipped.

:func:`diff` compares two releases fact by fact (components' availability, terms and
locations; data-information disclosures; training datasets; base model; release-wide
license) and their assessments finding by finding. A finding is identified by its rule, its
component and, for a clause finding, the clause (license, section and kind), so that the
same clause found in both releases is one row. ``flips`` summarise each rule and component
by its decisive outcome (the worst blocking outcome, else the worst advisory one), which is
what a reader wants first: "the parameters' terms went from not met to met".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from osaid._model import ClippedText, Model, NonEmptyStr
from osaid.assessment import Assessment, BaseModels, Verdict, score
from osaid.findings import Finding, Outcome
from osaid.licensing.clauses import Severity
from osaid.mof import MofClass
from osaid.policy import DEFAULT, Policy
from osaid.release import ComponentKind, DataElement, LicenseTerms, ModelRelease, TrainingDataset

__all__ = [
    "ChangeType",
    "FactChange",
    "FindingChange",
    "OutcomeFlip",
    "ReleaseDiff",
    "diff",
    "diff_assessments",
]


def __dir__() -> list[str]:
    return __all__


class ChangeType(StrEnum):
    """How a fact or finding changed."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class FactChange(Model):
    """One declared fact that differs between the releases."""

    field: NonEmptyStr
    """What changed, e.g. ``components.parameters-final.license``."""
    change: ChangeType
    before: ClippedText | None = None
    after: ClippedText | None = None


class FindingChange(Model):
    """A finding that appears, disappears or changes outcome."""

    rule_id: NonEmptyStr
    component: NonEmptyStr
    change: ChangeType
    severity: Severity
    before: Outcome | None = None
    after: Outcome | None = None
    message: ClippedText
    """The message of the finding in the later release (the earlier one if it is gone)."""


class OutcomeFlip(Model):
    """The decisive outcome of one rule on one component, before and after."""

    rule_id: NonEmptyStr
    component: NonEmptyStr
    before: Outcome | None = None
    after: Outcome | None = None
    blocking: bool
    """Whether the rule's findings on this component block (in either release)."""


class ReleaseDiff(Model):
    """Two releases compared, with their assessments."""

    before: NonEmptyStr
    after: NonEmptyStr
    verdict_before: Verdict
    verdict_after: Verdict
    mof_before: MofClass
    mof_after: MofClass
    facts: tuple[FactChange, ...]
    """Declared facts that differ."""
    flips: tuple[OutcomeFlip, ...]
    """Rules whose decisive outcome on a component differs."""
    findings: tuple[FindingChange, ...]
    """Findings that appear, disappear or change outcome."""

    @property
    def verdict_changed(self) -> bool:
        """Whether the verdict flipped."""
        return self.verdict_before is not self.verdict_after


def _terms_text(terms: LicenseTerms | None) -> str | None:
    if terms is None:
        return None
    extra = ", ".join(t.name for t in terms.additional_terms)
    text = terms.declared + (f" + {extra}" if extra else "")
    return text[:2000]


def _fact(field: str, before: str | None, after: str | None) -> FactChange | None:
    if before == after:
        return None
    if before is None:
        change = ChangeType.ADDED
    elif after is None:
        change = ChangeType.REMOVED
    else:
        change = ChangeType.CHANGED
    return FactChange(
        field=field,
        change=change,
        before=None if before is None else before[:2000],
        after=None if after is None else after[:2000],
    )


def _dataset_text(dataset: TrainingDataset | None) -> str | None:
    if dataset is None:
        return None
    return f"{dataset.data_class.value}; {_terms_text(dataset.license) or 'license not stated'}"


def _facts(a: ModelRelease, b: ModelRelease) -> list[FactChange]:
    out: list[FactChange | None] = [
        _fact("license", _terms_text(a.license), _terms_text(b.license)),
        _fact(
            "base_model",
            a.base_model.name if a.base_model else None,
            b.base_model.name if b.base_model else None,
        ),
        _fact(
            "modalities",
            ", ".join(m.value for m in a.modalities) or None,
            ", ".join(m.value for m in b.modalities) or None,
        ),
    ]
    for kind in ComponentKind:
        ca, cb = a.component(kind), b.component(kind)
        prefix = f"components.{kind.value}"
        out.append(_fact(f"{prefix}.availability", a.availability(kind).value,
                         b.availability(kind).value))  # fmt: skip
        out.append(
            _fact(
                f"{prefix}.license",
                _terms_text(ca.license) if ca else None,
                _terms_text(cb.license) if cb else None,
            )
        )
        out.append(
            _fact(
                f"{prefix}.locations",
                ", ".join(ca.locations) or None if ca else None,
                ", ".join(cb.locations) or None if cb else None,
            )
        )
    for element in DataElement:
        da, db = a.data_information.get(element), b.data_information.get(element)
        prefix = f"data_information.{element.field}"
        out.append(_fact(f"{prefix}.state", da.state.value, db.state.value))
        out.append(
            _fact(
                f"{prefix}.where",
                ", ".join(k.value for k in da.where) or None,
                ", ".join(k.value for k in db.where) or None,
            )
        )
    names_a = {d.name: d for d in a.training_datasets}
    names_b = {d.name: d for d in b.training_datasets}
    for name in sorted(names_a.keys() | names_b.keys()):
        da_, db_ = names_a.get(name), names_b.get(name)
        out.append(
            _fact(
                f"training_datasets.{name}",
                None
                if da_ is None
                else f"{da_.data_class.value}; {_terms_text(da_.license) or '-'}",
                None
                if db_ is None
                else f"{db_.data_class.value}; {_terms_text(db_.license) or '-'}",
            )
        )
    return [item for item in out if item is not None]


def _identity(finding: Finding) -> tuple[str, ...]:
    base = (finding.rule_id, str(finding.component), finding.inherited_from or "")
    evidence = finding.evidence[0] if finding.evidence else None
    if evidence is not None and evidence.clause is not None:
        return (*base, evidence.license or "", evidence.section or "", evidence.clause)
    if finding.rule_id == "OSAID-IMPORT-NOTES":
        return (*base, finding.message)
    if finding.remediation is not None and finding.remediation.key.startswith("ungate:"):
        return (*base, "gate")
    return base


_WORST = (Outcome.NOT_MET, Outcome.UNKNOWN, Outcome.MET, Outcome.NOT_APPLICABLE)


def _decisive(findings: Iterable[Finding]) -> dict[tuple[str, str], tuple[Outcome, bool]]:
    grouped: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.inherited_from is None:
            grouped.setdefault((finding.rule_id, str(finding.component)), []).append(finding)
    out: dict[tuple[str, str], tuple[Outcome, bool]] = {}
    for key, items in grouped.items():
        blocking = [f for f in items if f.severity is Severity.BLOCKING]
        pool = blocking or items
        worst = min((f.outcome for f in pool), key=_WORST.index)
        out[key] = (worst, bool(blocking))
    return out


def diff_assessments(
    before: ModelRelease, after: ModelRelease, a: Assessment, b: Assessment
) -> ReleaseDiff:
    """The diff of two releases whose assessments are already known."""
    ia = {_identity(f): f for f in a.findings}
    ib = {_identity(f): f for f in b.findings}
    changes: list[FindingChange] = []
    for key in [*ia, *(k for k in ib if k not in ia)]:
        fa, fb = ia.get(key), ib.get(key)
        if fa is not None and fb is not None and fa.outcome is fb.outcome:
            continue
        shown = fb if fb is not None else fa
        assert shown is not None
        change = (
            ChangeType.ADDED
            if fa is None
            else ChangeType.REMOVED
            if fb is None
            else ChangeType.CHANGED
        )
        changes.append(
            FindingChange(
                rule_id=shown.rule_id,
                component=str(shown.component),
                change=change,
                severity=shown.severity,
                before=None if fa is None else fa.outcome,
                after=None if fb is None else fb.outcome,
                message=shown.message,
            )
        )
    da, db = _decisive(a.findings), _decisive(b.findings)
    flips = []
    for key in [*da, *(k for k in db if k not in da)]:
        oa, ob = da.get(key), db.get(key)
        if oa is not None and ob is not None and oa[0] is ob[0]:
            continue
        flips.append(
            OutcomeFlip(
                rule_id=key[0],
                component=key[1],
                before=None if oa is None else oa[0],
                after=None if ob is None else ob[0],
                blocking=bool((oa and oa[1]) or (ob and ob[1])),
            )
        )
    return ReleaseDiff(
        before=before.name,
        after=after.name,
        verdict_before=a.verdict,
        verdict_after=b.verdict,
        mof_before=a.mof.mof_class,
        mof_after=b.mof.mof_class,
        facts=tuple(_facts(before, after)),
        flips=tuple(flips),
        findings=tuple(changes),
    )


def diff(
    before: ModelRelease,
    after: ModelRelease,
    *,
    definition: str = "1.0",
    policy: Policy | str = DEFAULT,
    base_models: BaseModels | Mapping[str, ModelRelease | Assessment] | None = None,
) -> ReleaseDiff:
    """Compare two releases and their assessments (same definition version and policy).

    >>> import osaid
    >>> d = diff(osaid.load_bundled("phi-2-2023-12"), osaid.load_bundled("phi-2"))
    >>> d.verdict_before is d.verdict_after, d.verdict_after.value
    (True, 'not-open-source-ai')
    """
    a = score(before, definition=definition, policy=policy, base_models=base_models)
    b = score(after, definition=definition, policy=policy, base_models=base_models)
    return diff_assessments(before, after, a, b)
