"""Reports for the lenses: a plan, a diff, a comparison, as text, JSON or Markdown.

Pure functions of the lens results; like every report, they arrange and never re-judge.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Final

from osaid._model import Model
from osaid.errors import UnknownFormatError
from osaid.lenses import Comparison, Plan, ReleaseDiff
from osaid.lenses.compare import GROUPS
from osaid.lenses.plan import AnyChange, ChangeKind
from osaid.reports._common import VERDICT_LINE, table, wrap

__all__ = [
    "LENS_FORMATS",
    "render_comparison",
    "render_diff",
    "render_plan",
]


def __dir__() -> list[str]:
    return __all__


LENS_FORMATS: Final = ("text", "json", "markdown")
"""The formats the lens reports come in."""


def _md(text: str) -> str:
    """User text as Markdown table-cell text: HTML escaped, pipes and newlines neutralised."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def _json(result: Model) -> str:
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _check(fmt: str) -> str:
    if fmt not in LENS_FORMATS:
        raise UnknownFormatError(fmt, list(LENS_FORMATS))
    return fmt


_CHANGE_TITLES = {
    ChangeKind.PUBLISH: "publish",
    ChangeKind.RELICENSE: "relicense",
    ChangeKind.UNGATE: "ungate",
    ChangeKind.WITHDRAW_TERMS: "withdraw terms",
    ChangeKind.DISCLOSE: "disclose",
}


def _describe(change: AnyChange) -> str:
    return change.description


def _plan_text(result: Plan) -> str:
    lines = [f"Plan for {result.release}"]
    lines.append(
        f"Now: {VERDICT_LINE[result.verdict_before]}. With the changes below: "
        f"{VERDICT_LINE[result.verdict_after]}"
        + (" (verified by scoring the changed release)." if result.verified else ".")
    )
    if not result.changes and result.verified:
        lines.append("Nothing to change: the release conforms.")
    if result.changes:
        lines += ["", f"Changes ({len(result.changes)}; each one is needed)"]
        for number, change in enumerate(result.changes, start=1):
            lines.extend(
                wrap(f"{number}. [{_CHANGE_TITLES[change.kind]}] {_describe(change)}", "  ")
            )
            if change.resolves:
                lines.extend(wrap("answers: " + ", ".join(change.resolves), "       "))
    if result.out_of_hands:
        lines += ["", f"Out of the publisher's hands ({len(result.out_of_hands)})"]
        for item in result.out_of_hands:
            lines.extend(wrap(f"- {item.finding}: {item.reason}", "  "))
    if not result.achievable and result.remaining:
        lines += ["", "Still blocking after the changes: " + ", ".join(result.remaining)]
    return "\n".join(lines) + "\n"


def _plan_markdown(result: Plan) -> str:
    lines = [
        f"# Plan for {_md(result.release)}",
        "",
        f"Now **{VERDICT_LINE[result.verdict_before]}**; with the changes below "
        f"**{VERDICT_LINE[result.verdict_after]}**"
        + (" (verified by scoring the changed release)." if result.verified else "."),
    ]
    if result.changes:
        lines += ["", "| # | change | what | answers |", "| --- | --- | --- | --- |"]
        for number, change in enumerate(result.changes, start=1):
            lines.append(
                f"| {number} | {_CHANGE_TITLES[change.kind]} | {_md(_describe(change))} | "
                f"{_md(', '.join(change.resolves))} |"
            )
    if result.out_of_hands:
        lines += ["", "## Out of the publisher's hands", ""]
        lines.extend(f"- `{_md(i.finding)}`: {_md(i.reason)}" for i in result.out_of_hands)
    return "\n".join(lines) + "\n"


def render_plan(result: Plan, fmt: str = "text") -> str:
    """A plan as text, JSON or Markdown.

    :raises UnknownFormatError: if ``fmt`` is not one of :data:`LENS_FORMATS`.
    """
    chosen = _check(fmt)
    if chosen == "json":
        return _json(result)
    return _plan_markdown(result) if chosen == "markdown" else _plan_text(result)


def _yes(flag: bool) -> str:  # noqa: FBT001 - a cell formatter
    return "yes" if flag else "no"


def _outcome(value: object) -> str:
    return "-" if value is None else str(getattr(value, "value", value))


def _diff_text(result: ReleaseDiff) -> str:
    lines = [f"{result.before} -> {result.after}"]
    verdict = (
        f"Verdict: {result.verdict_before.value} -> {result.verdict_after.value}"
        if result.verdict_changed
        else f"Verdict: {result.verdict_after.value} (unchanged)"
    )
    lines.append(verdict)
    lines.append(
        f"MOF class: {int(result.mof_before)} -> {int(result.mof_after)}"
        if result.mof_before != result.mof_after
        else f"MOF class: {result.mof_after.label} (unchanged)"
    )
    lines += ["", f"Declared facts that changed ({len(result.facts)})"]
    lines += table(
        ["field", "change", "before", "after"],
        ([f.field, f.change.value, f.before or "-", f.after or "-"] for f in result.facts),
    )
    lines += ["", f"Findings that flipped ({len(result.flips)}; decisive outcome per rule)"]
    lines += table(
        ["rule", "component", "before", "after", "blocking"],
        (
            [
                f.rule_id,
                f.component,
                _outcome(f.before),
                _outcome(f.after),
                "yes" if f.blocking else "no",
            ]
            for f in result.flips
        ),
    )
    return "\n".join(lines) + "\n"


def _diff_markdown(result: ReleaseDiff) -> str:
    lines = [
        f"# {_md(result.before)} → {_md(result.after)}",
        "",
        f"**Verdict:** `{result.verdict_before.value}` → `{result.verdict_after.value}`"
        + ("" if result.verdict_changed else " (unchanged)"),
        f"**MOF class:** {result.mof_before.label} → {result.mof_after.label}",
        "",
        "## Declared facts that changed",
        "",
        "| field | change | before | after |",
        "| --- | --- | --- | --- |",
    ]
    lines.extend(
        f"| `{f.field}` | {f.change.value} | {_md(f.before or '-')} | {_md(f.after or '-')} |"
        for f in result.facts
    )
    lines += [
        "",
        "## Findings that flipped",
        "",
        "| rule | component | before | after | blocking |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines.extend(
        f"| {f.rule_id} | {f.component} | {_outcome(f.before)} | {_outcome(f.after)} | "
        f"{'yes' if f.blocking else 'no'} |"
        for f in result.flips
    )
    return "\n".join(lines) + "\n"


def render_diff(result: ReleaseDiff, fmt: str = "text") -> str:
    """A diff as text, JSON or Markdown.

    :raises UnknownFormatError: if ``fmt`` is not one of :data:`LENS_FORMATS`.
    """
    chosen = _check(fmt)
    if chosen == "json":
        return _json(result)
    return _diff_markdown(result) if chosen == "markdown" else _diff_text(result)


def _comparison_cells(result: Comparison) -> tuple[list[str], list[list[str]]]:
    headers = ["release", "verdict", "MOF", *(g.value for g in GROUPS)]
    rows = [
        [
            row.release,
            row.verdict.value,
            row.mof_label,
            *(f"{row.count(g).not_met}/{row.count(g).unknown}" for g in GROUPS),
        ]
        for row in result.rows
    ]
    return headers, rows


def _comparison_text(result: Comparison) -> str:
    headers, rows = _comparison_cells(result)
    lines = [line[2:] for line in table(headers, rows)]
    lines.append("")
    lines.append(f"Group columns: blocking findings not met / unknown. Sorted by {result.sort}.")
    return "\n".join(lines) + "\n"


def _comparison_markdown(result: Comparison) -> str:
    headers, rows = _comparison_cells(result)
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines.extend("| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows)
    lines += ["", f"Group columns: blocking findings not met / unknown. Sorted by {result.sort}."]
    return "\n".join(lines) + "\n"


_RENDER: Final[dict[str, Callable[[Comparison], str]]] = {
    "text": _comparison_text,
    "markdown": _comparison_markdown,
    "json": _json,
}


def render_comparison(result: Comparison, fmt: str = "text") -> str:
    """A comparison table as text, JSON or Markdown.

    :raises UnknownFormatError: if ``fmt`` is not one of :data:`LENS_FORMATS`.
    """
    return _RENDER[_check(fmt)](result)
