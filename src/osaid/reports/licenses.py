"""Reports about the license catalog: the list of entries, and one entry clause by clause."""

from __future__ import annotations

from collections.abc import Iterable

from osaid.analysis import LicenseProfile
from osaid.licensing.clauses import Severity
from osaid.release import Group
from osaid.reports._common import table, wrap

__all__ = ["render_license", "render_license_list"]


def __dir__() -> list[str]:
    return __all__


def render_license_list(profiles: Iterable[LicenseProfile]) -> str:
    """A table of catalog entries: how each fares for parameters, code and data.

    The ``unverified`` column counts the clauses not checked against the license text.
    """
    rows = []
    for p in profiles:
        counts: dict[int, int] = {}
        for ref in p.clauses:
            clause = ref.clause
            if clause.restrictive and ref.severity is Severity.BLOCKING and not ref.conditional:
                for criterion in clause.osd:
                    counts[int(criterion)] = counts.get(int(criterion), 0) + 1
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
