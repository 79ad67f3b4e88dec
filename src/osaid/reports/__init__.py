"""Reports: an assessment rendered for the people and tools that read it.

Takes an :class:`~osaid.assessment.Assessment`; gives text. Every renderer is a pure
function of the assessment (plus the static rule records, and for SARIF where each field
sits in the input document, which the caller passes in) and never re-judges: it only
arranges what the assessment already says. One module a format:

- :mod:`osaid.reports.text`: a report a person scans in a terminal.
- :mod:`osaid.reports.jsondoc`: the assessment as the public JSON contract.
- :mod:`osaid.reports.markdown`: GitHub-flavoured Markdown.
- :mod:`osaid.reports.sarif`: SARIF 2.1.0 for code scanning.
- :mod:`osaid.reports.htmlpage`: a self-contained HTML page.
- :mod:`osaid.reports.badge`: a shields-style SVG badge.
- :mod:`osaid.reports.schemas`: the JSON Schemas of reports and release documents.
- :mod:`osaid.reports.licenses`: the license catalog, listed or one entry at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Final

from osaid.assessment import Assessment
from osaid.errors import UnknownFormatError
from osaid.reports.badge import badge_markdown, render_badge
from osaid.reports.htmlpage import render_html, render_html_page
from osaid.reports.jsondoc import render_json
from osaid.reports.licenses import render_license, render_license_list
from osaid.reports.markdown import render_markdown
from osaid.reports.sarif import SarifArtifact, render_sarif, render_sarif_log
from osaid.reports.schemas import release_schema, report_schema
from osaid.reports.text import render_text

__all__ = [
    "FORMATS",
    "ReportFormat",
    "SarifArtifact",
    "badge_markdown",
    "release_schema",
    "render",
    "render_badge",
    "render_html",
    "render_html_page",
    "render_json",
    "render_license",
    "render_license_list",
    "render_markdown",
    "render_sarif",
    "render_sarif_log",
    "render_text",
    "report_schema",
]


def __dir__() -> list[str]:
    return __all__


class ReportFormat(StrEnum):
    """The output formats."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    HTML = "html"


FORMATS: Final[dict[ReportFormat, Callable[[Assessment], str]]] = {
    ReportFormat.TEXT: render_text,
    ReportFormat.JSON: render_json,
    ReportFormat.MARKDOWN: render_markdown,
    ReportFormat.SARIF: render_sarif,
    ReportFormat.HTML: render_html,
}
"""The renderer of each format."""


def render(
    assessment: Assessment,
    fmt: ReportFormat | str = ReportFormat.TEXT,
    *,
    artifact: SarifArtifact | str | None = None,
) -> str:
    """Render ``assessment`` in format ``fmt``.

    :param artifact: the release document (its path, or a :class:`SarifArtifact` with
        where each field sits), used by SARIF for result locations.
    :raises UnknownFormatError: if ``fmt`` names no format.
    """
    try:
        chosen = ReportFormat(fmt)
    except ValueError:
        raise UnknownFormatError(str(fmt), [f.value for f in ReportFormat]) from None
    if chosen is ReportFormat.SARIF:
        return render_sarif(assessment, artifact=artifact)
    return FORMATS[chosen](assessment)
