"""One input of the coverage-guided harness (``tasks/fuzz_coverage.py``), without atheris.

Shared with ``test_regressions.py``, which replays every input the harness found.
"""

from __future__ import annotations

from osaid import InvalidReleaseError, parse_release, score
from osaid.errors import UnknownFormatError
from osaid.importers import load_text
from osaid.importers.hf import front_matter
from osaid.reports import render

from ._oracle import check_error

__all__ = ["ENTRY_POINTS", "one_input"]

ENTRY_POINTS = (None, "native", "mot", "eosai", "hf", "cyclonedx", "spdx", "front-matter", "parse")
"""What the first byte of an input picks (modulo their number)."""


def one_input(data: bytes) -> None:
    """Run one input through the entry point its first byte picks.

    :raises AssertionError: or any other exception, when osaid answers wrongly.
    """
    if not data:
        return
    entry = ENTRY_POINTS[data[0] % len(ENTRY_POINTS)]
    try:
        text = data[1:].decode("utf-8")
    except UnicodeDecodeError:
        text = data[1:].decode("utf-8", "surrogateescape")  # a caller's odd str
    try:
        if entry == "front-matter":
            front_matter(text)
            return
        if entry == "parse":
            parse_release(text)
            return
        result = load_text(text, entry, name="fuzzed.json" if text[:1] in "{[" else "fuzzed")
    except InvalidReleaseError as exc:
        check_error(exc, None)
        str(exc).encode("utf-8")  # printable as it is
        return
    except UnknownFormatError:
        return
    if data[0] % 4 == 0:  # a quarter of the imports are scored and rendered too
        render(score(result.release), "json")
