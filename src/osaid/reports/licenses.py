"""Reports about the license catalog: the list of entries, and one entry clause by clause."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from osaid.analysis import LicenseProfile
from osaid.licensing.clauses import Severity
from osaid.release import Group
from osaid.reports._common import table, wrap

__all__ = ["license_data", "license_list_data", "render_license", "render_license_list"]


def __dir__() -> list[str]:
    return __all__


def _blocking_counts(profile: LicenseProfile) -> dict[int, int]:
    """How many blocking clauses break each OSD criterion."""
    counts: dict[int, int] = {}
    for ref in profile.clauses:
        clause = ref.clause
        if clause.restrictive and ref.severity is Severity.BLOCKING and not ref.conditional:
            for criterion in clause.osd:
                counts[int(criterion)] = counts.get(int(criterion), 0) + 1
    return dict(sorted(counts.items()))


def license_list_data(profiles: Iterable[LicenseProfile]) -> list[dict[str, Any]]:
    """The catalog list as JSON-ready data: one object per entry."""
    return [
        {
            "id": p.entry.id,
            "name": p.entry.name,
            "kind": p.entry.kind.value,
            "summary": p.entry.summary,
            "versions": [v.version for v in p.entry.versions],
            "judged_version": p.version.version,
            "status": {group.value: status.value for group, status in p.status.items()},
            "blocking_clauses_per_osd_criterion": {
                str(c): n for c, n in _blocking_counts(p).items()
            },
            "unverified_clauses": sum(not ref.verified for ref in p.clauses),
        }
        for p in profiles
    ]


def license_data(profile: LicenseProfile) -> dict[str, Any]:
    """One catalog entry as JSON-ready data: the entry as catalogued, and how it is judged."""
    return {
        "entry": profile.entry.model_dump(mode="json"),
        "judged_version": profile.version.version,
        "status": {group.value: status.value for group, status in profile.status.items()},
        "osd_criteria": [int(c) for c in profile.osd],
        "freedoms": [f.value for f in profile.freedoms],
        "clauses_in_force": [
            {
                "terms": ref.terms,
                "terms_id": ref.terms_id,
                "version": ref.version,
                "verified": ref.verified,
                "additional": ref.additional,
                "conditional": ref.conditional,
                "severity": ref.severity.value,
                "clause": ref.clause.model_dump(mode="json"),
            }
            for ref in profile.clauses
        ],
    }


def render_license_list(profiles: Iterable[LicenseProfile]) -> str:
    """A table of catalog entries: how each fares for parameters, code and data.

    The ``unverified`` column counts the clauses not checked against the license text.
    """
    rows = []
    for p in profiles:
        counts = _blocking_counts(p)
        osd = ", ".join(f"{c}x{counts[c]}" for c in sorted(counts)) or "-"
        unverified = sum(not ref.verified for ref in p.clauses)
        rows.append(
            [
                p.entry.id,
                p.entry.kind.value,
                p.status[Group.PARAMETERS].value,
                p.status[Group.CODE].value,
                p.status[Group.DATA_INFORMATION].value,
                osd,
                str(unverified) if unverified else "-",
                p.entry.name,
            ]
        )
    header = ["id", "kind", "parameters", "code", "data", "OSD x clauses", "unverified", "name"]
    return "\n".join(line[2:] for line in table(header, rows)) + "\n"


def render_license(profile: LicenseProfile) -> str:
    """One catalog entry clause by clause, with its versions and sources."""
    entry = profile.entry
    lines = [f"{entry.name} ({entry.id})", *wrap(entry.summary, "  ")]
    names = [entry.licenseref, *entry.hf_ids, *entry.aliases]
    if entry.spdx_id:
        names.insert(0, entry.spdx_id)
    names += [f"LicenseRef-scancode-{k}" for k in entry.scancode_keys]
    lines.extend(wrap("Also written: " + ", ".join(names), "  "))
    verdicts = ", ".join(f"{g.value}: {s.value}" for g, s in profile.status.items())
    lines.append(f"  Judged as terms for {verdicts}")
    lines.append(f"  Versions: {', '.join(v.version for v in entry.versions)}")
    text = profile.version
    lines += [
        "",
        f"{text.title} (version {text.version}, {text.date or 'undated'})",
        f"  {text.url}",
    ]
    if text.note:
        lines.extend(wrap(text.note, "  "))
    if text.open_grant:
        granted = ", ".join(m.value for m in text.open_grant)
        lines.extend(
            wrap(f"Grants plainly (no clause below binds them unless it says so): {granted}", "  ")
        )
    if text.not_licensed:
        lines.extend(
            wrap(f"Does not license: {', '.join(m.value for m in text.not_licensed)}", "  ")
        )
    lines += ["", "Clauses"]
    for ref in profile.clauses:
        clause = ref.clause
        osd = ", ".join(f"OSD {int(c)}" for c in clause.osd) or "no OSD criterion"
        freedoms = ", ".join(f.value for f in clause.freedoms) or "no freedom"
        severity = ref.severity.value if clause.restrictive else "permitted"
        origin = "" if ref.terms_id == entry.id else f" [{ref.terms}]"
        where = f"section {clause.section}" if clause.section else "no section"
        checked = "verified" if ref.verified else "NOT verified against the text"
        condition = f"; only {clause.condition.value} models" if clause.condition else ""
        binds = ", ".join(m.value for m in clause.materials)
        facts = f"{where}; binds {binds}; {severity}; {osd}; {freedoms}; {checked}{condition}"
        head = f"- {clause.kind.value}{origin} ({facts})"
        lines.extend(wrap(head, "  "))
        lines.extend(wrap(clause.summary, "      "))
        if clause.quote:
            lines.extend(wrap(f'"{clause.quote}"', "      "))
        if clause.note:
            lines.extend(wrap(f"Note: {clause.note}", "      "))
    if text.sources:
        lines += ["", "Sources"]
        for source in text.sources:
            bits = [source.title or "", source.section or "", source.date or ""]
            label = "; ".join(b for b in bits if b)
            conf = "" if source.confidence.value == "primary" else f" ({source.confidence.value})"
            lines.extend(wrap(f"- {label}{conf}: {source.url or ''}", "  "))
    return "\n".join(lines) + "\n"
