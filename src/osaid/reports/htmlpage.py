"""The HTML report: one self-contained page a person reads in a browser.

The page loads nothing: styles are inline, there is no script and no framework, and a
Content-Security-Policy forbids every fetch, so it can be attached to a ticket, published
as a CI artifact or opened from disk. It shows the verdict, a grid of the component
groups (parameters, code, data information) coloured by outcome, every finding as a
``<details>`` element that opens on a click to show its evidence, clause and citation,
the change set, and the version stamps. Every text from the release is escaped: a name
like ``<b>x</b>`` is shown as written, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Final

from osaid.assessment import Assessment, ComponentResult, ElementResult, Verdict
from osaid.findings import Evidence, Finding, Outcome
from osaid.licensing.clauses import Severity
from osaid.release import Group
from osaid.reports._common import VERDICT_LINE, mof_line, rule_doc_url, worst_verdict
from osaid.rules import get_rule

__all__ = ["OUTCOME_COLOURS", "VERDICT_COLOURS", "render_html", "render_html_page"]


def __dir__() -> list[str]:
    return __all__


OUTCOME_COLOURS: Final[dict[Outcome, tuple[str, str]]] = {
    Outcome.MET: ("#dafbe1", "#1a7f37"),
    Outcome.NOT_MET: ("#ffebe9", "#cf222e"),
    Outcome.UNKNOWN: ("#fff8c5", "#9a6700"),
    Outcome.NOT_APPLICABLE: ("#f6f8fa", "#57606a"),
}
"""The background and border colour of a grid cell, per outcome."""

VERDICT_COLOURS: Final[dict[Verdict, str]] = {
    Verdict.OPEN_SOURCE_AI: "#1a7f37",
    Verdict.NOT_OPEN_SOURCE_AI: "#cf222e",
    Verdict.INSUFFICIENT_INFORMATION: "#9a6700",
}
"""The background colour of the verdict banner."""

_OUTCOME_WORDS: Final = {
    Outcome.MET: "met",
    Outcome.NOT_MET: "not met",
    Outcome.UNKNOWN: "unknown",
    Outcome.NOT_APPLICABLE: "not applicable",
}
_GRID_GROUPS: Final = (
    (Group.PARAMETERS, "Parameters"),
    (Group.CODE, "Code"),
    (Group.DATA_INFORMATION, "Data information"),
)


def _css() -> str:
    cells = "".join(
        f".o-{o.value}{{background:{bg};border-color:{border}}}.o-{o.value} .mark{{color:{border}}}"
        for o, (bg, border) in OUTCOME_COLOURS.items()
    )
    verdicts = "".join(f".v-{v.value}{{background:{c}}}" for v, c in VERDICT_COLOURS.items())
    return (
        "*{box-sizing:border-box}"
        "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;"
        "margin:0 auto;max-width:72rem;padding:1.5rem}"
        "h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:1.75rem 0 .5rem}"
        "h3{font-size:1rem;margin:0 0 .5rem}"
        ".who{color:#57606a;margin:0 0 1rem}"
        ".verdict{color:#fff;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 .5rem}"
        ".verdict strong{font-size:1.3rem;display:block}"
        f"{verdicts}"
        ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}"
        ".group{border:1px solid #d0d7de;border-radius:.5rem;padding:.75rem}"
        ".group ul{list-style:none;margin:0;padding:0}"
        ".cell{border-left:.35rem solid;border-radius:.25rem;margin:.35rem 0;padding:.35rem .6rem}"
        ".cell .name{font-weight:600}.cell .facts{color:#57606a;font-size:.85rem}"
        ".cell .mark{float:right;font-weight:700;font-size:.85rem}"
        ".cell.advisory{opacity:.8;border-left-style:dashed}"
        f"{cells}"
        ".legend span{display:inline-block;border-left-width:.35rem;border-left-style:solid;"
        "padding:0 .5rem;margin:0 .5rem .5rem 0}"
        "details.finding{border:1px solid #d0d7de;border-radius:.4rem;margin:.4rem 0}"
        "details.finding>summary{cursor:pointer;padding:.4rem .6rem;list-style-position:inside}"
        "details.finding[open]>summary{border-bottom:1px solid #d0d7de}"
        "details.finding .body{padding:.5rem .8rem}"
        ".rule{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem}"
        ".tag{display:inline-block;border-radius:1rem;padding:0 .5rem;font-size:.8rem;"
        "margin-right:.3rem;border:1px solid}"
        "table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0}"
        "th,td{border:1px solid #d0d7de;padding:.25rem .45rem;text-align:left;vertical-align:top}"
        "th{background:#f6f8fa}"
        "blockquote{margin:.3rem 0;padding:0 .8rem;border-left:.25rem solid #d0d7de;color:#57606a}"
        "footer{margin-top:2rem;color:#57606a;font-size:.85rem}"
        "article+article{border-top:3px solid #d0d7de;margin-top:2.5rem;padding-top:1rem}"
        "code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}"
    )


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _link(url: str | None, label: str | None = None) -> str:
    """A link for web addresses only; anything else is shown as text."""
    if not url:
        return ""
    shown = _text(label if label is not None else url)
    if url.startswith(("https://", "http://")):
        return f'<a href="{_text(url)}" rel="noreferrer noopener">{shown}</a>'
    return shown


def _cell(name: str, facts: str, outcome: Outcome, *, decisive: bool, key: str) -> str:
    classes = f"cell o-{outcome.value}" + ("" if decisive else " advisory")
    word = _OUTCOME_WORDS[outcome] + ("" if decisive else " (advisory)")
    return (
        f'<li class="{classes}" data-outcome="{outcome.value}" data-key="{_text(key)}">'
        f'<span class="mark">{word}</span><span class="name">{_text(name)}</span>'
        f'<div class="facts">{facts}</div></li>'
    )


def _component_cell(c: ComponentResult) -> str:
    terms = _text(c.terms) if c.terms else "terms not stated"
    if c.terms_status is not None:
        terms += f" ({_text(c.terms_status.value)})"
    facts = f"{_text(c.availability.value)} &middot; {terms}"
    return _cell(c.kind.label, facts, c.outcome, decisive=c.decisive, key=c.kind.value)


def _element_cell(e: ElementResult) -> str:
    return _cell(
        e.element.label, _text(e.state.value), e.outcome, decisive=e.decisive, key=e.element.value
    )


def _grid(assessment: Assessment) -> list[str]:
    out = ['<div class="grid" id="grid">']
    for group, title in _GRID_GROUPS:
        rows = [
            c
            for c in assessment.components
            if c.group is group
            and (c.decisive or c.availability.released or c.outcome is not Outcome.NOT_APPLICABLE)
        ]
        result = next((g for g in assessment.groups if g.group is group), None)
        headline = f" &middot; {_OUTCOME_WORDS[result.outcome]}" if result is not None else ""
        out.append(f'<section class="group" data-group="{group.value}">')
        out.append(f"<h3>{title}{headline}</h3><ul>")
        if group is Group.DATA_INFORMATION:
            out.extend(_element_cell(e) for e in assessment.data_information)
        out.extend(_component_cell(c) for c in rows)
        out.append("</ul></section>")
    out.append("</div>")
    legend = "".join(
        f'<span class="o-{o.value}">{_OUTCOME_WORDS[o]}</span>' for o in OUTCOME_COLOURS
    )
    out.append(f'<p class="legend">{legend}</p>')
    return out


def _evidence_tables(evidence: Iterable[Evidence]) -> list[str]:
    """One small table per fact the finding rests on."""
    out = []
    for item in evidence:
        facts = []
        if item.field:
            facts.append(("field", f"<code>{_text(item.field)}</code>"))
        if item.value:
            facts.append(("value", _text(item.value)))
        if item.license:
            version = f" (version {_text(item.license_version)})" if item.license_version else ""
            facts.append(("license", _text(item.license) + version))
        if item.section:
            facts.append(("section", _text(item.section)))
        if item.clause:
            facts.append(("clause", _text(item.clause)))
        if item.quote:
            facts.append(("wording", f"<blockquote>{_text(item.quote)}</blockquote>"))
        if item.verified is not None:
            checked = "yes" if item.verified else "no, not checked against the license text"
            facts.append(("verified", checked))
        if item.url:
            facts.append(("source", _link(item.url)))
        if item.note:
            facts.append(("note", _text(item.note)))
        if facts:
            out.append('<table class="evidence">')
            out.extend(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts)
            out.append("</table>")
    return out


def _finding(finding: Finding, number: int) -> list[str]:
    spec = get_rule(finding.rule_id).spec
    cite = spec.citation
    severity = finding.severity.value
    outcome = finding.outcome
    _, colour = OUTCOME_COLOURS[outcome]
    tags = [
        (
            f'<span class="tag" style="border-color:{colour};color:{colour}">'
            f"{_OUTCOME_WORDS[outcome]}</span>"
        ),
        f'<span class="tag">{severity}</span>',
    ]
    tags.extend(f'<span class="tag">OSD {int(c)}</span>' for c in finding.osd_criteria)
    tags.extend(f'<span class="tag">{f.value}</span>' for f in finding.freedoms)
    out = [
        (
            f'<details class="finding o-{outcome.value}-finding" id="finding-{number}" '
            f'data-rule="{_text(finding.rule_id)}" data-outcome="{outcome.value}" '
            f'data-severity="{severity}">'
        ),
        (
            f'<summary><span class="rule">{_text(finding.rule_id)}</span> '
            f"({_text(finding.component)}): {_text(finding.message)}</summary>"
        ),
        '<div class="body">',
        f"<p>{''.join(tags)}</p>",
        (
            f"<p><strong>Rule:</strong> {_text(spec.title)} "
            f"({_link(rule_doc_url(spec.id), 'rule reference')})</p>"
        ),
        (
            f"<p><strong>Definition:</strong> {_text(cite.document)} {_text(cite.version)}, "
            f"{_text(cite.section)}: &ldquo;{_text(cite.excerpt)}&rdquo; "
            f"{_link(cite.url, 'source')}</p>"
        ),
    ]
    out.extend(_evidence_tables(finding.evidence))
    if finding.inherited_from:
        out.append(f"<p>Inherited from the base model {_text(finding.inherited_from)}.</p>")
    if finding.remediation is not None:
        out.append(f"<p><strong>To resolve:</strong> {_text(finding.remediation.action)}</p>")
    out += ["</div>", "</details>"]
    return out


def _findings(assessment: Assessment) -> list[str]:
    sections: list[tuple[str, str, list[Finding]]] = [
        ("blocking-not-met", "Blocking: not met", [f for f in assessment.findings if f.blocks]),
        (
            "blocking-unknown",
            "Blocking: unknown",
            [f for f in assessment.findings if f.undecided],
        ),
        (
            "advisory",
            "Advisory",
            [
                f
                for f in assessment.findings
                if f.severity is Severity.ADVISORY
                and f.outcome in {Outcome.NOT_MET, Outcome.UNKNOWN}
            ],
        ),
        (
            "met",
            "Met and not applicable",
            [f for f in assessment.findings if f.outcome in {Outcome.MET, Outcome.NOT_APPLICABLE}],
        ),
    ]
    out = ["<h2>Findings</h2>"]
    number = 0
    for key, title, items in sections:
        if not items:
            continue
        out.append(f'<section class="findings" data-section="{key}">')
        out.append(f"<h3>{title} ({len(items)})</h3>")
        for finding in items:
            number += 1
            out.extend(_finding(finding, number))
        out.append("</section>")
    return out


def _changes(assessment: Assessment) -> list[str]:
    if not assessment.changes:
        return []
    out = ["<h2>Changes that would make the release conform</h2>", '<ol class="changes">']
    for change in assessment.changes:
        tag = "" if change.outcome is Outcome.NOT_MET else " <em>(missing information)</em>"
        resolves = ", ".join(f"<code>{_text(r)}</code>" for r in change.resolves)
        out.append(
            f'<li data-key="{_text(change.key)}">{_text(change.action)}{tag}'
            f'<div class="facts">resolves {resolves}</div></li>'
        )
    out.append("</ol>")
    return out


def _article(assessment: Assessment) -> list[str]:
    release = assessment.release
    who = ", ".join(_text(x) for x in (release.producer, release.version, release.date) if x)
    stamps = assessment.versions
    verdict = assessment.verdict
    out = [
        f'<article class="assessment" data-verdict="{verdict.value}">',
        f'<h1 class="release-name">{_text(release.name)}</h1>',
    ]
    if who:
        out.append(f'<p class="who">{who}</p>')
    out += [
        (
            f'<div class="verdict v-{verdict.value}" role="status">'
            f'<strong class="verdict-text">{_text(VERDICT_LINE[verdict])}</strong>'
            f"<span>{_text(assessment.summary)}</span></div>"
        ),
        f'<p class="mof">{_text(mof_line(assessment))}</p>',
        "<h2>Components</h2>",
        *_grid(assessment),
        *_findings(assessment),
        *_changes(assessment),
        (
            '<footer class="stamps"><p>'
            f"Checked against {_text(assessment.definition.name)} "
            f"{_text(assessment.definition.version)} "
            f"({_link(assessment.definition.url, 'text')}), policy "
            f"<code>{_text(assessment.policy.name)}</code>: {_text(assessment.policy.description)}"
            "</p><p>"
            f"osaid {_text(stamps.osaid)} &middot; license catalog {_text(stamps.license_catalog)} "
            f"(sha256 <code>{_text(stamps.license_catalog_sha256[:12])}</code>) &middot; SPDX "
            f"License List {_text(stamps.spdx_license_list)} &middot; report format "
            f"{_text(stamps.report_format)}</p></footer>"
        ),
        "</article>",
    ]
    return out


def render_html_page(assessments: Sequence[Assessment]) -> str:
    """Several assessments on one self-contained HTML page, with a summary on top."""
    if not assessments:
        title = "osaid: no release"
    elif len(assessments) == 1:
        only = assessments[0]
        title = f"{only.release.name}: {VERDICT_LINE[only.verdict]} (osaid)"
    else:
        worst = worst_verdict(a.verdict for a in assessments)
        title = f"{len(assessments)} releases, worst: {VERDICT_LINE[worst]} (osaid)"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        (
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        ),
        '<meta name="generator" content="osaid">',
        f"<title>{_text(title)}</title>",
        f"<style>{_css()}</style>",
        "</head>",
        "<body>",
    ]
    if len(assessments) > 1:
        out += [
            "<h1>osaid assessments</h1>",
            '<table class="summary"><tr><th>release</th><th>verdict</th><th>summary</th></tr>',
        ]
        out.extend(
            f'<tr data-verdict="{a.verdict.value}"><td>{_text(a.release.name)}</td>'
            f"<td>{_text(VERDICT_LINE[a.verdict])}</td><td>{_text(a.summary)}</td></tr>"
            for a in assessments
        )
        out.append("</table>")
    for assessment in assessments:
        out.extend(_article(assessment))
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def render_html(assessment: Assessment) -> str:
    """The assessment as a self-contained HTML page."""
    return render_html_page([assessment])
