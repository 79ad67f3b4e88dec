"""What the report renderers share: verdict wording, outcome marks, tables, wrapping."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from osaid.assessment import Assessment, ComponentResult, Verdict
from osaid.findings import Outcome

__all__ = [
    "DOCS_URL",
    "EXIT_ORDER",
    "MARK",
    "VERDICT_LINE",
    "component_rows",
    "mof_line",
    "outcome_label",
    "rule_doc_url",
    "subject_label",
    "table",
    "worst_verdict",
    "wrap",
]

DOCS_URL = "https://github.com/osaid/osaid/blob/main/docs/"
"""Where osaid's documentation is published."""


VERDICT_LINE = {
    Verdict.OPEN_SOURCE_AI: "Open Source AI",
    Verdict.NOT_OPEN_SOURCE_AI: "NOT Open Source AI",
    Verdict.INSUFFICIENT_INFORMATION: "Insufficient information to tell",
}
EXIT_ORDER = (
    Verdict.NOT_OPEN_SOURCE_AI,
    Verdict.INSUFFICIENT_INFORMATION,
    Verdict.OPEN_SOURCE_AI,
)
"""Verdicts from worst to best: a batch is as good as its worst release."""


def worst_verdict(verdicts: Iterable[Verdict]) -> Verdict:
    """The worst of several verdicts (``open-source-ai`` for none)."""
    given = set(verdicts)
    return next((v for v in EXIT_ORDER if v in given), Verdict.OPEN_SOURCE_AI)


def rule_doc_url(rule_id: str) -> str:
    """The rule's section in the rules page of the documentation."""
    return f"{DOCS_URL}rules.md#{rule_id.lower()}"


MARK = {
    Outcome.MET: "ok",
    Outcome.NOT_MET: "FAIL",
    Outcome.UNKNOWN: "?",
    Outcome.NOT_APPLICABLE: "-",
}


def outcome_label(outcome: Outcome, *, decisive: bool) -> str:
    label = MARK[outcome]
    return label if decisive or outcome is Outcome.NOT_APPLICABLE else f"{label} (advisory)"


def table(
    headers: list[str],
    rows: Iterable[list[str]],
    *,
    paint: Callable[[int, str], str] | None = None,
) -> list[str]:
    """A plain-text table, indented two spaces; columns padded to their widest cell.

    ``paint(column, cell)`` may wrap a body cell in terminal colour codes: padding is
    computed on the plain text, so the columns stay aligned.
    """
    rows = list(rows)
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]

    def line(cells: list[str], *, styled: bool) -> str:
        out: list[str] = []
        last = len(cells) - 1
        for column, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            shown = paint(column, cell) if styled and paint is not None else cell
            out.append(shown if column == last else shown + " " * (width - len(cell)))
        return "  " + "  ".join(out).rstrip()

    out = [line(headers, styled=False), "  " + "  ".join("-" * w for w in widths)]
    out.extend(line(r, styled=True) for r in rows)
    return out


def component_rows(assessment: Assessment) -> list[ComponentResult]:
    return [
        c
        for c in assessment.components
        if c.decisive or c.availability.released or c.outcome is not Outcome.NOT_APPLICABLE
    ]


def wrap(text: str, indent: str, width: int = 100) -> list[str]:
    hang = " " * len(indent) + "  "
    lines: list[str] = []
    current = indent
    for word in text.split():
        if len(current) + len(word) + 1 > width and current.strip(" -"):
            lines.append(current.rstrip())
            current = hang
        current += word + " "
    if current.strip():
        lines.append(current.rstrip())
    return lines


def subject_label(component: object) -> str:
    """The readable name a finding's message starts with, for a component or element."""
    label = getattr(component, "label", None)
    return str(label) if isinstance(label, str) else str(component)


def mof_line(assessment: Assessment) -> str:
    """The MOF class beside the verdict, with MOT's three progress figures.

    Worded as the separate question it is: it never changes the verdict.
    """
    mof = assessment.mof
    figures = ", ".join(f"{'I' * p.mof_class} {p.progress:.0f}%" for p in mof.progress)
    return (
        f"MOF class (Model Openness Framework, a separate lens): {mof.label}; progress {figures}."
    )
