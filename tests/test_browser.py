"""The HTML report and the badge in a real headless browser (Chromium through WebDriver).

Needs Chromium, ChromeDriver and the ``browser`` extra (selenium): ``.ci/run`` installs
Debian's chromium and chromium-driver and sets ``OSAID_REQUIRE_BROWSER=1``, so there a
missing browser fails the run instead of skipping. Screenshots go to
``$OSAID_ARTIFACTS`` (``.ci/run`` prints their paths), or to pytest's temporary folder.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from osaid import load_bundled, score
from osaid.reports import render_badge, render_html
from osaid.reports.badge import BADGE_COLOURS
from osaid.reports.htmlpage import OUTCOME_COLOURS, VERDICT_COLOURS

from .builders import K, full_release

REQUIRED = os.environ.get("OSAID_REQUIRE_BROWSER") == "1"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1600",
    "--force-device-scale-factor=1",
)


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"OSAID_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install 'osaid[browser]')")
    binary = _find("chromium", "chromium-browser", "google-chrome")
    driver_path = _find("chromedriver")
    if binary is None or driver_path is None:
        _unavailable(
            "no Chromium and ChromeDriver on PATH (apt-get install chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = binary  # type: ignore[assignment]
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("OSAID_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def css_rgb(value: str) -> tuple[int, int, int]:
    inside = value[value.index("(") + 1 : value.index(")")]
    parts = [int(float(p)) for p in inside.split(",")[:3]]
    return (parts[0], parts[1], parts[2])


def png_pixels(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8
    assert colour in {2, 6}
    assert interlace == 0
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(chunks)
    stride = width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + best) & 0xFF
        rows.append(line)
        previous = line
    pixels = [
        [(row[x * channels], row[x * channels + 1], row[x * channels + 2]) for x in range(width)]
        for row in rows
    ]
    return width, height, pixels


def close(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def open_page(browser: Any, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    browser.get(path.as_uri())


def test_html_report_as_a_person_sees_it(browser: Any, artifacts: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    assessment = score(load_bundled("grok-2.5"))
    open_page(browser, tmp_path / "grok.html", render_html(assessment))
    verdict = browser.find_element(By.CSS_SELECTOR, ".verdict-text")
    assert verdict.text == "NOT Open Source AI"
    banner = browser.find_element(By.CSS_SELECTOR, ".verdict")
    assert css_rgb(banner.value_of_css_property("background-color")) == rgb(
        VERDICT_COLOURS[assessment.verdict]
    )
    cells = browser.find_elements(By.CSS_SELECTOR, "#grid li.cell")
    seen = set()
    for cell in cells:
        outcome = cell.get_attribute("data-outcome")
        background = css_rgb(cell.value_of_css_property("background-color"))
        expected = next(o for o in OUTCOME_COLOURS if o.value == outcome)
        assert background == rgb(OUTCOME_COLOURS[expected][0]), outcome
        assert cell.is_displayed()
        seen.add(outcome)
    assert {"met", "not-met", "unknown"} <= seen
    training = browser.find_element(By.CSS_SELECTOR, '#grid li[data-key="training-code"]')
    assert "not met" in training.text
    browser.save_screenshot(str(artifacts / "html-report.png"))

    # a finding opens on a click and shows its clause, evidence and citation
    finding = next(
        d
        for d in browser.find_elements(By.CSS_SELECTOR, 'details.finding[data-rule="FREEDOM-USE"]')
        if "section 2.b" in d.find_element(By.TAG_NAME, "summary").text
    )
    body = finding.find_element(By.CSS_SELECTOR, ".body")
    assert not body.is_displayed()
    assert finding.get_attribute("open") is None
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", finding)
    finding.find_element(By.TAG_NAME, "summary").click()
    assert finding.get_attribute("open") is not None
    assert body.is_displayed()
    shown = body.text
    assert "grok-2-community" in shown  # the clause's license, section and wording
    assert "2.b" in shown
    assert "You may not use the Materials" in shown
    assert "The Open Source AI Definition 1.0" in shown
    assert "To resolve:" in shown
    finding.screenshot(str(artifacts / "html-finding-open.png"))
    # the page loaded nothing from anywhere
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    footer = browser.find_element(By.CSS_SELECTOR, "footer.stamps").text
    assert f"osaid {assessment.versions.osaid}" in footer


def test_release_text_is_shown_as_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    name = "<b>Bold</b> | <i>x</i> <script>document.title='owned'</script>"
    release = full_release(name=name, licenses={K.PARAMETERS_FINAL: None})
    open_page(browser, tmp_path / "evil.html", render_html(score(release)))
    heading = browser.find_element(By.CSS_SELECTOR, "h1.release-name")
    assert heading.text == name
    assert heading.find_elements(By.CSS_SELECTOR, "b, i, script") == []
    assert browser.title == f"{name}: Insufficient information to tell (osaid)"
    assert browser.find_element(By.CSS_SELECTOR, ".verdict-text").text == (
        "Insufficient information to tell"
    )


@pytest.mark.parametrize("name", ["pythia", "grok-2.5", "olmo-2"])
def test_badge_renders_in_its_colour(
    browser: Any, artifacts: Path, tmp_path: Path, name: str
) -> None:
    from selenium.webdriver.common.by import By

    assessment = score(load_bundled(name))
    badge = tmp_path / f"{name}.svg"
    badge.write_text(render_badge(assessment), encoding="utf-8")
    page = (
        '<!DOCTYPE html><html><body style="margin:0;background:#fff">'
        f'<img id="badge" src="{badge.name}" alt="badge"></body></html>'
    )
    open_page(browser, tmp_path / f"{name}.html", page)
    image = browser.find_element(By.ID, "badge")
    loaded = browser.execute_script(
        "const i = arguments[0]; return [i.complete, i.naturalWidth, i.naturalHeight];", image
    )
    width = int(render_badge(assessment).split('width="', 1)[1].split('"', 1)[0])
    assert loaded == [True, width, 20], "the browser did not render the SVG"
    shot = artifacts / f"badge-{name}.png"
    image.screenshot(str(shot))
    png_width, png_height, pixels = png_pixels(shot.read_bytes())
    assert (png_width, png_height) == (width, 20)
    right = pixels[4][png_width - 4]
    left = pixels[4][3]
    assert close(right, rgb(BADGE_COLOURS[assessment.verdict])), right
    assert close(left, rgb("#555555")), left
