"""The text report: what a person scans in a terminal."""

from __future__ import annotations

from osaid.assessment import Assessment
from osaid.findings import Finding, Outcome
from osaid.licensing.clauses import Severity
from osaid.reports._common import (
    VERDICT_LINE,
    component_rows,
    outcome_label,
    subject_label,
    table,
    wrap,
)

__all__ = ["render_text"]


def __dir__() -> list[str]:
    return __all__


def _merged(findings: list[Finding]) -> list[tuple[Finding, str, list[str]]]:
    """Findings that say the same thing about several components, merged in first-seen order.

    Each entry is a representative finding, its message without the component name, and
    the components it applies to.
    """
    groups: dict[tuple[object, ...], tuple[Finding, str, list[str]]] = {}
    for finding in findings:
        message = finding.message
        prefix = f"{subject_label(finding.component)}: "
        if message.startswith(prefix):
            message = message[len(prefix) :]
        key = (finding.rule_id, message, finding.osd_criteria, finding.freedoms)
        if key in groups:
            groups[key][2].append(str(finding.component))
        else:
            groups[key] = (finding, message, [str(finding.component)])
    return list(groups.values())


def _section(findings: list[Finding]) -> list[str]:
    """Lines for one section: own findings merged, inherited ones summarised per base."""
    lines: list[str] = []
    own = [f for f in findings if f.inherited_from is None]
    for finding, message, components in _merged(own):
        extras = []
        if finding.osd_criteria:
            extras.append(", ".join(f"OSD {int(c)}" for c in finding.osd_criteria))
        if finding.freedoms:
            extras.append("freedoms: " + ", ".join(f.value for f in finding.freedoms))
        tail = f"  [{'; '.join(extras)}]" if extras else ""
        lines.extend(wrap(f"- {finding.rule_id} ({', '.join(components)}): {message}{tail}", "  "))
    bases: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.inherited_from is not None:
            bases.setdefault(finding.inherited_from, []).append(finding)
    for base, items in bases.items():
        counts: dict[str, int] = {}
        for finding in items:
            counts[finding.rule_id] = counts.get(finding.rule_id, 0) + 1
        listed = ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in counts.items())
        lines.extend(
            wrap(
                f"- {len(items)} inherited from base model {base} ({listed}); score {base} "
                "or use --format json to read them",
                "  ",
            )
        )
    return lines


def render_text(assessment: Assessment) -> str:
    """A report a person can scan: verdict, component table, findings, changes."""
    release = assessment.release
    who = ", ".join(x for x in (release.producer, release.version, release.date) if x)
    lines = [f"{release.name}" + (f" ({who})" if who else "")]
    lines.append(f"Verdict: {VERDICT_LINE[assessment.verdict]} ({assessment.verdict.value})")
    lines.extend(wrap(assessment.summary, "  "))
    stamps = assessment.versions
    lines.extend(
        wrap(
            f"Checked against {assessment.definition.name} {assessment.definition.version}, "
            f"policy '{assessment.policy.name}'; osaid {stamps.osaid}, license catalog "
            f"{stamps.license_catalog}, SPDX list {stamps.spdx_license_list}.",
            "",
        )
    )
    lines += ["", "Components"]
    lines += table(
        ["component", "group", "availability", "terms", "result"],
        (
            [
                c.kind.value,
                c.group.value,
                c.availability.value,
                (c.terms or "-") + (f" ({c.terms_status.value})" if c.terms_status else ""),
                outcome_label(c.outcome, decisive=c.decisive),
            ]
            for c in component_rows(assessment)
        ),
    )
    lines += ["", "Data information"]
    lines += table(
        ["element", "state", "result"],
        (
            [e.element.value, e.state.value, outcome_label(e.outcome, decisive=e.decisive)]
            for e in assessment.data_information
        ),
    )
    sections = (
        ("Blocking: not met", [f for f in assessment.findings if f.blocks]),
        ("Blocking: unknown", [f for f in assessment.findings if f.undecided]),
        (
            "Advisory",
            [
                f
                for f in assessment.findings
                if f.severity is Severity.ADVISORY
                and f.outcome in {Outcome.NOT_MET, Outcome.UNKNOWN}
            ],
        ),
    )
    for title, findings in sections:
        if not findings:
            continue
        lines += ["", f"{title} ({len(findings)})"]
        lines.extend(_section(findings))
    if assessment.changes:
        lines += ["", "Changes that would make the release conform"]
        for number, change in enumerate(assessment.changes, start=1):
            tag = "" if change.outcome is Outcome.NOT_MET else " (missing information)"
            lines.extend(wrap(f"{number}. {change.action}{tag}", "  "))
            lines.extend(wrap("resolves: " + ", ".join(change.resolves), "       "))
    met = sum(f.outcome is Outcome.MET for f in assessment.findings)
    lines += [
        "",
        f"{len(assessment.findings)} findings, {met} met. Use --format json for all of them.",
    ]
    return "\n".join(lines) + "\n"
