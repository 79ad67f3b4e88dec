"""The badge: a small SVG in the style of shields.io, for a README or a model card.

``OSAID 1.0 | conforms`` (green), ``does not conform`` (red) or ``insufficient
information`` (yellow). The SVG is self-contained (no font, image or link is fetched),
carries a ``<title>`` and an ``aria-label`` for screen readers, and sizes its text with
``textLength`` so that it looks the same whatever font the viewer substitutes.
"""

from __future__ import annotations

from typing import Final
from xml.sax.saxutils import escape, quoteattr

from osaid.assessment import Assessment, Verdict

__all__ = [
    "BADGE_COLOURS",
    "BADGE_WORDS",
    "badge_label",
    "badge_markdown",
    "render_badge",
    "text_width",
]


def __dir__() -> list[str]:
    return __all__


BADGE_WORDS: Final[dict[Verdict, str]] = {
    Verdict.OPEN_SOURCE_AI: "conforms",
    Verdict.NOT_OPEN_SOURCE_AI: "does not conform",
    Verdict.INSUFFICIENT_INFORMATION: "insufficient information",
}
"""The right-hand text of the badge, per verdict."""

BADGE_COLOURS: Final[dict[Verdict, str]] = {
    Verdict.OPEN_SOURCE_AI: "#44cc11",
    Verdict.NOT_OPEN_SOURCE_AI: "#e05d44",
    Verdict.INSUFFICIENT_INFORMATION: "#dfb317",
}
"""The right-hand colour, per verdict (shields.io's brightgreen, red and yellow)."""

_LABEL_COLOUR: Final = "#555555"

# Advance widths of Verdana at 11px, in pixels, for the characters a badge shows; others
# count as the width of "m" (wide enough never to overflow).
_WIDTHS: Final[dict[str, float]] = {
    " ": 3.87, ".": 3.64, ":": 4.54, "-": 4.29, "(": 4.58, ")": 4.58, "|": 4.54,
    "0": 6.99, "1": 6.99, "2": 6.99, "3": 6.99, "4": 6.99, "5": 6.99, "6": 6.99,
    "7": 6.99, "8": 6.99, "9": 6.99,
    "A": 7.52, "B": 7.54, "C": 7.68, "D": 8.47, "E": 6.95, "F": 6.32, "G": 8.52,
    "H": 8.27, "I": 4.63, "J": 4.94, "K": 7.64, "L": 6.15, "M": 9.13, "N": 8.23,
    "O": 8.66, "P": 6.63, "Q": 8.66, "R": 7.65, "S": 7.52, "T": 6.78, "U": 8.05,
    "V": 7.52, "W": 10.87, "X": 7.53, "Y": 6.77, "Z": 7.53,
    "a": 6.6, "b": 6.85, "c": 5.73, "d": 6.85, "e": 6.55, "f": 3.87, "g": 6.85,
    "h": 6.96, "i": 3.02, "j": 3.79, "k": 6.51, "l": 3.02, "m": 10.7, "n": 6.96,
    "o": 6.68, "p": 6.85, "q": 6.85, "r": 4.69, "s": 5.73, "t": 4.33, "u": 6.96,
    "v": 6.51, "w": 9.0, "x": 6.51, "y": 6.51, "z": 5.73,
}  # fmt: skip
_PAD: Final = 6.0


def text_width(text: str) -> float:
    """The width of ``text`` in Verdana at 11px, in pixels (approximately)."""
    return sum(_WIDTHS.get(char, _WIDTHS["m"]) for char in text)


def badge_label(assessment: Assessment) -> tuple[str, str]:
    """The two texts of the badge: ``("OSAID 1.0", "conforms")``."""
    return f"OSAID {assessment.definition.version}", BADGE_WORDS[assessment.verdict]


def _round(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def render_badge(assessment: Assessment) -> str:
    """The badge for ``assessment`` as an SVG document."""
    label, message = badge_label(assessment)
    colour = BADGE_COLOURS[assessment.verdict]
    label_text = text_width(label)
    message_text = text_width(message)
    left = round(label_text + 2 * _PAD)
    right = round(message_text + 2 * _PAD)
    width = left + right
    title = f"{label}: {message}"
    # shields.io draws text at 10x scale for sub-pixel placement; so does this badge.
    texts = []
    for text, start, span in ((label, 0, left), (message, left, right)):
        x = _round((start + span / 2) * 10)
        length = _round(text_width(text) * 10)
        body = escape(text)
        texts.append(
            f'<text aria-hidden="true" x="{x}" y="150" fill="#010101" fill-opacity=".3" '
            f'transform="scale(.1)" textLength="{length}">{body}</text>'
            f'<text x="{x}" y="140" transform="scale(.1)" fill="#fff" '
            f'textLength="{length}">{body}</text>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f"aria-label={quoteattr(title)}>"
        f"<title>{escape(title)}</title>"
        '<linearGradient id="s" x2="0" y2="100%">'
        '<stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
        '<stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#r)"><rect width="{left}" height="20" fill="{_LABEL_COLOUR}"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{colour}"/>'
        f'<rect width="{width}" height="20" fill="url(#s)"/></g>'
        '<g fill="#fff" text-anchor="middle" '
        'font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" '
        f'font-size="110">{"".join(texts)}</g>'
        "</svg>\n"
    )


def badge_markdown(assessment: Assessment, path: str, *, link: str | None = None) -> str:
    """The Markdown that shows the badge at ``path`` (linked to ``link`` when given).

    >>> from osaid import load_bundled, score
    >>> badge_markdown(score(load_bundled("pythia")), "osaid-badge.svg")
    '![OSAID 1.0: conforms](osaid-badge.svg)'
    """
    label, message = badge_label(assessment)
    image = f"![{label}: {message}]({_md_url(path)})"
    return f"[{image}]({_md_url(link)})" if link else image


def _md_url(url: str) -> str:
    """A link target Markdown reads as one: spaces and parentheses written as %-escapes."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
