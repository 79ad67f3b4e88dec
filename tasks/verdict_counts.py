"""Count verdicts across the bundled releases and the shared research corpora.

Usage::

    python tasks/verdict_counts.py [CORPORA] [--detail]

CORPORA defaults to ``../shared/corpora`` beside the checkout (273 MOT records in
``mot/models``, 193 EOSAI records in ``eosai``). ``--detail`` prints one line per record,
so that two checkouts can be compared with ``diff``.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from osaid import ModelRelease, load_bundled, score
from osaid.bundled import names
from osaid.importers import InputFormat, load

_SKIP = {"a_submission_template.yaml", "A_sample.yaml"}


def _sets(corpora: Path) -> dict[str, list[tuple[str, Callable[[], ModelRelease]]]]:
    def bundled(name: str) -> Callable[[], ModelRelease]:
        return lambda: load_bundled(name)

    def imported(path: Path, fmt: InputFormat) -> Callable[[], ModelRelease]:
        return lambda: load(path, fmt).release

    return {
        "bundled": [(n, bundled(n)) for n in names()],
        "mot": [
            (p.name, imported(p, InputFormat.MOT))
            for p in sorted((corpora / "mot" / "models").glob("*.yml"))
        ],
        "eosai": [
            (p.name, imported(p, InputFormat.EOSAI))
            for p in sorted((corpora / "eosai").glob("*.yaml"))
            if p.name not in _SKIP
        ],
    }


def main(argv: list[str]) -> int:
    """Print the verdict counts of each set (and each record with ``--detail``)."""
    detail = "--detail" in argv
    args = [a for a in argv if a != "--detail"]
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
    corpora = Path(args[0]) if args else default
    for label, items in _sets(corpora).items():
        counts: Counter[str] = Counter()
        for name, get in items:
            verdict = score(get()).verdict.value
            counts[verdict] += 1
            if detail:
                sys.stdout.write(f"  {label}\t{name}\t{verdict}\n")
        sys.stdout.write(f"{label} {len(items)} {dict(sorted(counts.items()))}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
