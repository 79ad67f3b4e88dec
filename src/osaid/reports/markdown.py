"""The Markdown report: GitHub-flavoured, for pull requests, job summaries and model cards."""

from __future__ import annotations

from osaid.assessment import Assessment
from osaid.findings import Outcome
from osaid.reports._common import VERDICT_LINE, component_rows, outcome_label

__all__ = ["render_markdown"]


def __dir__() -> list[str]:
    return __all__


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(assessment: Assessment) -> str:
    """The assessment as GitHub-flavoured Markdown."""
    release = assessment.release
    lines = [
        f"# {_md(release.name)}: {VERDICT_LINE[assessment.verdict]}",
        "",
        f"**Verdict:** `{assessment.verdict.value}`. {_md(assessment.summary)}",
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
        terms = _md(c.terms or "-") + (f" ({c.terms_status.value})" if c.terms_status else "")
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
    for f in assessment.findings:
        if f.outcome in {Outcome.MET, Outcome.NOT_APPLICABLE}:
            continue
        osd = ", ".join(str(int(c)) for c in f.osd_criteria)
        lines.append(
            f"| {f.rule_id} | {f.component} | {f.outcome.value} | {f.severity.value} | {osd} | "
            f"{_md(f.message)} |"
        )
    if assessment.changes:
        lines += ["", "## Changes that would make the release conform", ""]
        lines.extend(
            f"{n}. {_md(c.action)} (resolves {', '.join(c.resolves)})"
            for n, c in enumerate(assessment.changes, start=1)
        )
    return "\n".join(lines) + "\n"
