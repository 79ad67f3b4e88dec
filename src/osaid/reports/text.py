"""The text report: what a person scans in a terminal."""

from __future__ import annotations

from osaid.assessment import Assessment, Verdict
from osaid.findings import Finding, Outcome
from osaid.licensing.clauses import Severity
from osaid.reports._common import (
    VERDICT_LINE,
    component_rows,
    mof_line,
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


_RESET = "\x1b[0m"
_STYLE = {
    "bold": "\x1b[1m",
    "red": "\x1b[31m",
    "green": "\x1b[32m",
    "yellow": "\x1b[33m",
    "dim": "\x1b[2m",
}
_VERDICT_STYLE = {
    Verdict.OPEN_SOURCE_AI: "green",
    Verdict.NOT_OPEN_SOURCE_AI: "red",
    Verdict.INSUFFICIENT_INFORMATION: "yellow",
}
_MARK_STYLE = {"ok": "green", "FAIL": "red", "?": "yellow"}


class _Painter:
    """Terminal colour, or none: the text is the same either way, only codes are added."""

    def __init__(self, *, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles or not text:
            return text
        return "".join(_STYLE[s] for s in styles) + text + _RESET

    def cell(self, column: int, text: str, result_column: int) -> str:
        if column != result_column:
            return text
        style = _MARK_STYLE.get(text.split(" ", 1)[0])
        if style is None:
            return text
        return self(text, style) if "(advisory)" not in text else self(text, style, "dim")


def _section(findings: list[Finding]) -> list[list[str]]:
    """The bullets of one section, each a list of wrapped lines.

    Own findings are merged; inherited ones are summarised per base.
    """
    bullets: list[list[str]] = []
    own = [f for f in findings if f.inherited_from is None]
    for finding, message, components in _merged(own):
        extras = []
        if finding.osd_criteria:
            extras.append(", ".join(f"OSD {int(c)}" for c in finding.osd_criteria))
        if finding.freedoms:
            extras.append("freedoms: " + ", ".join(f.value for f in finding.freedoms))
        tail = f"  [{'; '.join(extras)}]" if extras else ""
        bullets.append(
            wrap(f"- {finding.rule_id} ({', '.join(components)}): {message}{tail}", "  ")
        )
    bases: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.inherited_from is not None:
            bases.setdefault(finding.inherited_from, []).append(finding)
    for base, items in bases.items():
        counts: dict[str, int] = {}
        for finding in items:
            counts[finding.rule_id] = counts.get(finding.rule_id, 0) + 1
        listed = ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in counts.items())
        bullets.append(
            wrap(
                f"- {len(items)} inherited from base model {base} ({listed}); score {base} "
                "or use --format json to read them",
                "  ",
            )
        )
    return bullets


def _heading(title: str, bullets: int, findings: int) -> str:
    if bullets == findings:
        return f"{title} ({findings})"
    noun = "finding" if findings == 1 else "findings"
    return f"{title} ({findings} {noun} in {bullets} items)"


def _tally(assessment: Assessment) -> str:
    counts = dict.fromkeys(Outcome, 0)
    for finding in assessment.findings:
        counts[finding.outcome] += 1
    total = len(assessment.findings)
    parts = [
        f"{counts[o]} {o.value.replace('-', ' ')}" for o in Outcome if counts[o] or o is Outcome.MET
    ]
    omitted = counts[Outcome.MET] + counts[Outcome.NOT_APPLICABLE]
    tail = (
        " The met and not-applicable ones are not listed; --format json has every finding."
        if omitted
        else ""
    )
    return f"{total} findings: {', '.join(parts)}.{tail}"


def render_text(assessment: Assessment, *, color: bool = False) -> str:
    """A report a person can scan: verdict, component table, findings, changes.

    :param color: add terminal colour codes (the CLI sets it only for a terminal, and
        never when ``NO_COLOR`` is set).
    """
    paint = _Painter(color=color)
    release = assessment.release
    who = ", ".join(x for x in (release.producer, release.version, release.date) if x)
    lines = [paint(release.name, "bold") + (f" ({who})" if who else "")]
    verdict = f"{VERDICT_LINE[assessment.verdict]} ({assessment.verdict.value})"
    lines.append("Verdict: " + paint(verdict, "bold", _VERDICT_STYLE[assessment.verdict]))
    lines.extend(wrap(assessment.summary, "  "))
    lines.extend(wrap(mof_line(assessment), ""))
    stamps = assessment.versions
    lines.extend(
        wrap(
            f"Checked against {assessment.definition.name} {assessment.definition.version}, "
            f"policy '{assessment.policy.name}'; osaid {stamps.osaid}, license catalog "
            f"{stamps.license_catalog}, SPDX list {stamps.spdx_license_list}.",
            "",
        )
    )
    lines += ["", paint("Components", "bold")]
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
        paint=lambda column, text: paint.cell(column, text, 4),
    )
    lines += ["", paint("Data information", "bold")]
    lines += table(
        ["element", "state", "result"],
        (
            [e.element.value, e.state.value, outcome_label(e.outcome, decisive=e.decisive)]
            for e in assessment.data_information
        ),
        paint=lambda column, text: paint.cell(column, text, 2),
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
        bullets = _section(findings)
        lines += ["", paint(_heading(title, len(bullets), len(findings)), "bold")]
        for bullet in bullets:
            lines.extend(bullet)
    if assessment.changes:
        lines += ["", paint("Changes that would make the release conform", "bold")]
        for number, change in enumerate(assessment.changes, start=1):
            tag = "" if change.outcome is Outcome.NOT_MET else " (missing information)"
            lines.extend(wrap(f"{number}. {change.action}{tag}", "  "))
            lines.extend(wrap("resolves: " + ", ".join(change.resolves), "       "))
    lines += ["", *wrap(_tally(assessment), "")]
    return "\n".join(lines) + "\n"
