from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from osaid import Verdict, load_bundled, score
from osaid.reports import render_badge, render_html, render_html_page, render_markdown
from osaid.reports.badge import BADGE_COLOURS, badge_markdown, text_width
from osaid.reports.htmlpage import OUTCOME_COLOURS

from .builders import K, full_release

VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Checker(HTMLParser):
    """Collects tags, checks nesting, and records every attribute that could fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == [], checker.stack
    return checker


@pytest.mark.parametrize("name", ["pythia", "grok-2.5", "olmo-2", "llama-3.2-vision"])
def test_the_page_is_well_formed_and_self_contained(name: str) -> None:
    page = render_html(score(load_bundled(name)))
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    checker = parse(page)
    for tag, attrs in checker.tags:
        assert "src" not in attrs, tag  # nothing is loaded: no image, script, frame
        assert tag not in {"script", "link", "iframe", "img", "object", "embed"}
        if "href" in attrs:
            assert tag == "a"
            assert str(attrs["href"]).startswith(("https://", "http://"))
    assert "url(" not in page  # no CSS fetch either
    csp = next(a for t, a in checker.tags if t == "meta" and a.get("http-equiv"))
    assert csp["content"] == "default-src 'none'; style-src 'unsafe-inline'"


def test_the_page_shows_the_verdict_grid_findings_changes_and_stamps() -> None:
    assessment = score(load_bundled("grok-2.5"))
    page = render_html(assessment)
    text = " ".join(" ".join(parse(page).text).split())
    assert "NOT Open Source AI" in text
    assert 'class="verdict v-not-open-source-ai"' in page
    for group in ("parameters", "code", "data-information"):
        assert f'data-group="{group}"' in page
    cells = re.findall(r'<li class="cell o-([a-z-]+)[^"]*" data-outcome="([a-z-]+)"', page)
    assert {outcome for _, outcome in cells} >= {"met", "not-met", "unknown"}
    assert all(css == outcome for css, outcome in cells)
    assert page.count('<details class="finding') == len(assessment.findings)
    assert "Grok 2 Community License Agreement" in text
    assert "section 2.b" in text
    assert "Changes that would make the release conform" in text
    assert f"osaid {assessment.versions.osaid}" in text
    assert f"license catalog {assessment.versions.license_catalog}" in text
    for outcome, (background, _) in OUTCOME_COLOURS.items():
        assert f".o-{outcome.value}{{background:{background}" in page


def test_release_text_is_escaped_everywhere() -> None:
    name = 'Evil <b>bold</b> | "quote" & <script>alert(1)</script>'
    release = full_release(
        name=name,
        producer="<img src=x onerror=alert(1)>",
        licenses={K.PARAMETERS_FINAL: None},
    ).model_copy(update={})
    assessment = score(release)
    page = render_html(assessment)
    assert "<b>bold</b>" not in page
    assert "<script>" not in page
    assert "<img" not in page
    assert "Evil &lt;b&gt;bold&lt;/b&gt; | &quot;quote&quot; &amp; &lt;script&gt;" in page
    checker = parse(page)
    shown = " ".join(checker.text)
    assert 'Evil <b>bold</b> | "quote" & <script>alert(1)</script>' in shown
    markdown = render_markdown(assessment)
    assert "<b>" not in markdown
    assert "<script>" not in markdown
    assert '\\<b\\>bold\\</b\\> \\| "quote" \\& \\<script\\>alert(1)\\</script\\>' in markdown


def test_unsafe_links_are_shown_as_text() -> None:
    release = full_release()
    component = release.components[0].model_copy(update={"locations": ("javascript:alert(1)",)})
    release = release.model_copy(update={"components": (component, *release.components[1:])})
    page = render_html(score(release))
    assert 'href="javascript' not in page


def test_several_assessments_on_one_page() -> None:
    items = [score(load_bundled(n)) for n in ("pythia", "grok-2.5")]
    page = render_html_page(items)
    parse(page)
    assert page.count('<article class="assessment"') == 2
    assert '<table class="summary">' in page
    assert "2 releases, worst: NOT Open Source AI" in page


def test_markdown_says_when_met_findings_are_left_out() -> None:
    text = render_markdown(score(load_bundled("pythia")))
    assert re.search(r"_\d+ met and \d+ not-applicable findings are not listed", text)
    assessment = score(full_release())
    met_only = assessment.model_copy(
        update={"findings": tuple(f for f in assessment.findings if f.outcome.value == "met")}
    )
    text = render_markdown(met_only)
    assert "No finding is unmet or unknown." in text
    assert "| rule |" not in text
    assert f"_{len(met_only.findings)} met and 0 not-applicable findings are not listed" in text


@pytest.mark.parametrize(
    ("name", "verdict", "words"),
    [
        ("pythia", Verdict.OPEN_SOURCE_AI, "conforms"),
        ("grok-2.5", Verdict.NOT_OPEN_SOURCE_AI, "does not conform"),
        ("olmo-2", Verdict.INSUFFICIENT_INFORMATION, "insufficient information"),
    ],
)
def test_badge_is_valid_svg_in_the_verdict_colour(name: str, verdict: Verdict, words: str) -> None:
    assessment = score(load_bundled(name))
    assert assessment.verdict is verdict
    svg = render_badge(assessment)
    root = ET.fromstring(svg.encode())  # noqa: S314 - osaid's own output
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("aria-label") == f"OSAID 1.0: {words}"
    assert root.find("svg:title", ns).text == f"OSAID 1.0: {words}"  # type: ignore[union-attr]
    fills = [r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert BADGE_COLOURS[verdict] in fills
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts.count("OSAID 1.0") == 2
    assert texts.count(words) == 2
    width = int(root.get("width", "0"))
    assert width == round(text_width("OSAID 1.0") + 12) + round(text_width(words) + 12)
    assert "href" not in svg
    assert "<image" not in svg
    assert badge_markdown(assessment, "img/osaid badge.svg", link="https://example.org/r") == (
        f"[![OSAID 1.0: {words}](img/osaid%20badge.svg)](https://example.org/r)"
    )
