"""Print one SHA-256 per scored release, to check that a change to the core changes no answer.

Usage::

    python -m benchmarks.digest [COUNT] > digests.txt

Scores every bundled release and the first COUNT synthetic releases (default 10,000) and
prints, per release, the SHA-256 of its assessment's JSON. Run it before and after a change
to the scoring core and ``diff`` the outputs: identical files mean byte-identical JSON.
"""

from __future__ import annotations

import hashlib
import sys

import osaid
from benchmarks.synthetic import releases
from osaid.bundled import load, names
from osaid.release import ModelRelease


def main(argv: list[str]) -> int:
    """Print the digests."""
    count = int(argv[1]) if len(argv) > 1 else 10_000
    for name in names():
        text = osaid.score(load(name)).model_dump_json()
        print(f"bundled:{name} {hashlib.sha256(text.encode()).hexdigest()}")
    for index, document in enumerate(releases(count)):
        text = osaid.score(ModelRelease.model_validate_json(document)).model_dump_json()
        print(f"synthetic:{index} {hashlib.sha256(text.encode()).hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
