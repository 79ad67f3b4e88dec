"""The Markdown report: GitHub-flavoured, for pull requests, job summaries and model cards.

Text from the release (names, license strings, messages quoting it) is escaped: HTML tags
and Markdown syntax in a release field are shown as written, never rendered, and a ``|``
never breaks a table.
"""

from __future__ import annotations

import re
from typing import Final

from osaid.assessment import Assessment
from osaid.findings import Outcome
from osaid.reports._common import VERDICT_LINE, component_rows, mof_line, outcome_label

__all__ = ["md_text", "render_markdown"]


def __dir__() -> list[str]:
    return __all__


_INLINE: Final = re.compile(r"[\\`*_\[\]<>|~&$#@]|:(?=\w)|^[-+=]")
"""What could start markup inside a line on GitHub: emphasis, code, links, HTML and
entities, table cells, strikethrough, math, issue links, mentions, emoji short codes,
and a list or heading marker at the start."""


def md_text(text: str) -> str:
    r"""``text`` as literal Markdown on one line: every mark that could start markup escaped.

    >>> print(md_text("<b>bold</b> | *x* @team"))
    \<b\>bold\</b\> \| \*x\* \@team
    >>> print(md_text("Apache-2.0, section 2.a: no"))
    Apache-2.0, section 2.a: no
    """
    flat = " ".join(text.split())
    return _INLINE.sub(lambda m: "\\" + m.group(), flat)


def render_markdown(assessment: Assessment) -> str:
    """The assessment as GitHub-flavoured Markdown."""
    release = assessment.release
    lines = [
        f"# {md_text(release.name)}: {VERDICT_LINE[assessment.verdict]}",
        "",
        f"**Verdict:** `{assessment.verdict.value}`. {md_text(assessment.summary)}",
        "",
        md_text(mof_line(assessment)),
        "",
        (
            f"Checked against {assessment.definition.name} {assessment.definition.version} "
            f"(policy `{assessment.policy.name}`, osaid {assessment.versions.osaid}, "
            f"license catalog {assessment.versions.license_catalog}, "
            f"SPDX list {assessment.versions.spdx_license_list})."
        ),
        "",
        "## Components",
        "",
        "| component | group | availability | terms | result |",
        "| --- | --- | --- | --- | --- |",
    ]
    for c in component_rows(assessment):
        terms = md_text(c.terms or "-") + (f" ({c.terms_status.value})" if c.terms_status else "")
        lines.append(
            f"| {c.kind.value} | {c.group.value} | {c.availability.value} | {terms} | "
            f"{outcome_label(c.outcome, decisive=c.decisive)} |"
        )
    lines += ["", "## Data information", "", "| element | state | result |", "| --- | --- | --- |"]
    for e in assessment.data_information:
        result = outcome_label(e.outcome, decisive=e.decisive)
        lines.append(f"| {e.element.value} | {e.state.value} | {result} |")
    lines += [
        "",
        "## Findings",
        "",
        "| rule | component | outcome | severity | OSD | message |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    listed = [
        f for f in assessment.findings if f.outcome not in {Outcome.MET, Outcome.NOT_APPLICABLE}
    ]
    for f in listed:
        osd = ", ".join(str(int(c)) for c in f.osd_criteria)
        lines.append(
            f"| {md_text(f.rule_id)} | {md_text(str(f.component))} | {f.outcome.value} | "
            f"{f.severity.value} | {osd} | {md_text(f.message)} |"
        )
    if not listed:
        lines = [*lines[:-3], "No finding is unmet or unknown."]
    met = sum(f.outcome is Outcome.MET for f in assessment.findings)
    na = sum(f.outcome is Outcome.NOT_APPLICABLE for f in assessment.findings)
    if met or na:
        lines += [
            "",
            (
                f"_{met} met and {na} not-applicable findings are not listed; "
                "`osaid score --format json` gives every finding._"
            ),
        ]
    if assessment.changes:
        lines += ["", "## Changes that would make the release conform", ""]
        lines.extend(
            f"{n}. {md_text(c.action)} (resolves {', '.join(c.resolves)})"
            for n, c in enumerate(assessment.changes, start=1)
        )
    return "\n".join(lines) + "\n"
