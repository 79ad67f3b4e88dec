"""Print osaid's speed and memory figures (no thresholds: a benchmark, not a test).

Usage::

    python tasks/benchmark.py            # bundled releases, catalog, import time
    python tasks/benchmark.py --corpus   # also import every shared corpus record, if present

Figures printed: the cold import time of ``osaid``, the time to load and validate the
license catalog and the bundled releases, the time to score each bundled release (median
of repeated runs), throughput over all of them, and the peak memory of one full pass.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def import_time() -> float:
    """Wall time of a fresh interpreter importing osaid, minus a bare interpreter's."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = min(run("pass") for _ in range(3))
    return min(run("import osaid") for _ in range(3)) - bare


def main(argv: list[str]) -> int:
    """Run the measurements and print them."""
    print(f"python {sys.version.split()[0]}")
    print(f"import osaid (cold, net of interpreter start) {_ms(import_time())}")

    import osaid  # noqa: PLC0415 - after the subprocess measurement
    from osaid.bundled import names  # noqa: PLC0415
    from osaid.licensing.catalog import default_catalog  # noqa: PLC0415
    from osaid.reports import render  # noqa: PLC0415

    start = time.perf_counter()
    catalog = default_catalog()
    elapsed = time.perf_counter() - start
    print(f"load and validate license catalog ({len(catalog)} entries) {_ms(elapsed)}")

    start = time.perf_counter()
    releases = {name: osaid.load_bundled(name) for name in names()}
    print(f"load and validate {len(releases)} bundled releases {_ms(time.perf_counter() - start)}")

    per_release = {}
    for name, release in releases.items():
        runs = []
        for _ in range(20):
            start = time.perf_counter()
            osaid.score(release)
            runs.append(time.perf_counter() - start)
        per_release[name] = statistics.median(runs)
    slowest = max(per_release, key=per_release.__getitem__)
    print(
        f"score one release: median {_ms(statistics.median(per_release.values()))}, "
        f"slowest {slowest} {_ms(per_release[slowest])}"
    )

    start = time.perf_counter()
    rounds = 10
    for _ in range(rounds):
        for release in releases.values():
            osaid.score(release).model_dump_json()
    elapsed = time.perf_counter() - start
    count = rounds * len(releases)
    print(f"score and serialise {count} releases: {count / elapsed:8.1f} releases/s")

    tracemalloc.start()
    for release in releases.values():
        render(osaid.score(release), "text")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory scoring every bundled release once {peak / 1024 / 1024:8.2f} MiB")

    if "--corpus" in argv and CORPORA.is_dir():
        from osaid.importers import load  # noqa: PLC0415

        files = sorted(CORPORA.glob("mot/models/*.yml")) + sorted(CORPORA.glob("eosai/*.yaml"))
        start = time.perf_counter()
        for path in files:
            osaid.score(load(path).release)
        elapsed = time.perf_counter() - start
        print(
            f"import and score {len(files)} corpus records {_ms(elapsed)} "
            f"({len(files) / elapsed:.1f} records/s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
