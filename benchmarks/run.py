"""Print osaid's speed and memory figures, each beside its target.

Usage::

    python -m benchmarks.run                 # every figure (a few minutes)
    python -m benchmarks.run --quick         # smaller sets, for a first look
    python -m benchmarks.run --only import   # one section: import, score, batch, memory

A benchmark, not a test: it prints what it measures and never fails on a slow machine.
Figures that compare two things are ratios measured within one run, interleaved and
repeated, because the machine may be shared and its load may change from one minute to the
next; the medians of the repeats are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Fresh interpreters run as on a user's machine: with bytecode caches (an environment that
# forbids writing them would add the compilation of every module to every start).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


def _line(label: str, value: str, target: str = "") -> None:
    verdict = ""
    print(f"  {label:<58} {value:>16}   {target}{verdict}")


def _median_of(runs: int, work: Callable[[], float]) -> float:
    return statistics.median(work() for _ in range(runs))


def machine() -> None:
    """Print the machine and the versions."""
    import pydantic  # noqa: PLC0415

    import osaid  # noqa: PLC0415

    print("machine")
    _line("python", platform.python_version())
    _line("platform", platform.platform(terse=True))
    _line("cores (os.cpu_count)", str(os.cpu_count()))
    _line("load average (1 min)", f"{os.getloadavg()[0]:.2f}")
    _line("osaid", osaid.__version__)
    _line("pydantic", pydantic.VERSION)


def section_import(repeats: int) -> None:
    """``import osaid`` against ``import pydantic``, in fresh interpreters, interleaved."""
    codes = {
        "bare": "pass",
        "pydantic": "import pydantic; from pydantic import BaseModel",
        "osaid": "import osaid",
        "osaid + first score": "import osaid; osaid.score(osaid.load_bundled('grok-2.5'))",
    }
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(repeats):
        for name, code in codes.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
            times[name].append(time.perf_counter() - start)
    median = {name: statistics.median(values) for name, values in times.items()}
    bare = median["bare"]
    for code in codes.values():  # write the bytecode caches before timing
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    print(f"import ({repeats} fresh interpreters each, interleaved; medians, net of a bare start)")
    for name in ("pydantic", "osaid", "osaid + first score"):
        _line(f"{name}", f"{(median[name] - bare) * 1000:.1f} ms")
    ratio = (median["osaid"] - bare) / max(median["pydantic"] - bare, 1e-9)
    _line("import osaid / import pydantic", f"{ratio:.2f}x", "target <= 1.3x")


def _documents(count: int) -> list[str]:
    from benchmarks.synthetic import releases  # noqa: PLC0415

    return list(releases(count))


def _bundled_documents() -> list[bytes]:
    from osaid.bundled import names  # noqa: PLC0415

    folder = ROOT / "src" / "osaid" / "data" / "releases"
    return [(folder / f"{name}.json").read_bytes() for name in names()]


def _validate_and_score(documents: Sequence[str | bytes], rounds: int) -> tuple[float, float]:
    """Median seconds to validate all documents, and to score them once validated.

    Each round starts with empty caches, so a round scores every document once, cold for
    whatever it has not seen in that round.
    """
    import osaid  # noqa: PLC0415
    from osaid._reuse import clear_caches  # noqa: PLC0415
    from osaid.release import ModelRelease  # noqa: PLC0415

    validate: list[float] = []
    scoring: list[float] = []
    for _ in range(rounds):
        clear_caches()
        start = time.perf_counter()
        releases = [ModelRelease.model_validate_json(doc) for doc in documents]
        validate.append(time.perf_counter() - start)
        start = time.perf_counter()
        for release in releases:
            osaid.score(release)
        scoring.append(time.perf_counter() - start)
    return statistics.median(validate), statistics.median(scoring)


def section_score(count: int, rounds: int) -> None:
    """Scoring against validating, on the bundled set and on distinct synthetic releases."""
    import osaid  # noqa: PLC0415
    from osaid._reuse import reuse  # noqa: PLC0415

    osaid.score(osaid.load_bundled("grok-2.5"))  # build every model's schema first
    print(f"score ({rounds} rounds each, caches emptied before each round; medians)")
    bundled = _bundled_documents()
    v, s = _validate_and_score(bundled, rounds * 3)
    _line(f"bundled set ({len(bundled)}): validate", f"{v / len(bundled) * 1e6:.0f} us/release")
    _line(f"bundled set ({len(bundled)}): score", f"{s / len(bundled) * 1e6:.0f} us/release")
    _line("bundled set: (validate + score) / validate", f"{(v + s) / v:.2f}x", "target <= 1.5x")
    documents = _documents(count)
    v, s = _validate_and_score(documents, rounds)
    _line(f"synthetic set ({count:,} distinct): validate", f"{v / count * 1e6:.0f} us/release")
    _line(f"synthetic set ({count:,} distinct): score", f"{s / count * 1e6:.0f} us/release")
    _line("synthetic set: (validate + score) / validate", f"{(v + s) / v:.2f}x", "target <= 1.5x")
    _line("synthetic set: score-only throughput, one core", f"{count / s:,.0f} releases/s",
          "target >= 20,000/s")  # fmt: skip
    with reuse(enabled=False):
        _, off = _validate_and_score(documents[: max(count // 10, 100)], 1)
    per = off / max(count // 10, 100)
    _line("synthetic set, reuse switched off: score", f"{per * 1e6:.0f} us/release")


# A child's peak RSS, measured by a small wrapper process: a child started straight from
# this process would inherit its high-water mark (Linux keeps the larger of the parent's
# and the child's in ``ru_maxrss`` across fork and exec), and this process holds the
# benchmark's corpora. The wrapper's own footprint (about 10 MiB) is the floor.
_PEAK_WRAPPER = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(done.returncode, peak)\n"
)


def _peak_rss_mib(command: Sequence[str]) -> float:
    """Peak RSS of the largest process ``command`` runs (itself or one of its workers)."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_WRAPPER, *command],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
    )
    code, peak = done.stdout.split()
    if code not in {"0", "1", "3"}:  # osaid's verdict exit codes; 2 is a usage error
        msg = f"{' '.join(command)} exited with {code}"
        raise RuntimeError(msg)
    return int(peak) / 1024


_SCORE_STREAM = (
    "import sys, osaid\n"
    "from benchmarks.synthetic import releases\n"
    "from osaid.release import ModelRelease\n"
    "for doc in releases(int(sys.argv[1])):\n"
    "    osaid.score(ModelRelease.model_validate_json(doc)).model_dump_json()\n"
)


def section_memory(counts: Sequence[int]) -> None:
    """Peak RSS while streaming releases through score() and JSON, in fresh processes."""
    print("memory (peak RSS of a fresh process scoring N distinct releases, streamed)")
    peaks = []
    for count in counts:
        peak = _peak_rss_mib([sys.executable, "-c", _SCORE_STREAM, str(count)])
        peaks.append(peak)
        _line(f"{count:,} releases", f"{peak:.0f} MiB")
    if len(peaks) > 1:
        _line("growth from the smallest to the largest run", f"{peaks[-1] / peaks[0]:.2f}x",
              "target: flat (about 1x)")  # fmt: skip


def _run_cli(args: list[str], stdin: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "osaid", *args],
        input=stdin,
        text=True,
        capture_output=True,
        check=False,
        env=ENV,
    )
    return time.perf_counter() - start


def section_batch(count: int) -> None:
    """``osaid score --batch`` over JSON Lines with one and two jobs, and per-file calls."""
    documents = _documents(count)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "releases.jsonl"
        path.write_text("\n".join(documents) + "\n", encoding="utf-8")
        print(f"batch ({count:,} synthetic releases as JSON Lines; median of 3, interleaved)")
        one: list[float] = []
        two: list[float] = []
        for _ in range(3):
            one.append(_run_cli(["score", "--batch", str(path), "--jobs", "1", "--findings",
                                 "none", "-o", os.devnull]))  # fmt: skip
            two.append(_run_cli(["score", "--batch", str(path), "--jobs", "2", "--findings",
                                 "none", "-o", os.devnull]))  # fmt: skip
        t1, t2 = statistics.median(one), statistics.median(two)
        _line("--jobs 1", f"{count / t1:,.0f} releases/s")
        _line("--jobs 2", f"{count / t2:,.0f} releases/s")
        _line("--jobs 2 / --jobs 1", f"{t1 / t2:.2f}x", "target >= 1.7x on 2 cores")
        single = Path(folder) / "one.json"
        single.write_text(documents[0], encoding="utf-8")
        per_file = statistics.median(_run_cli(["score", str(single), "--format", "json"])
                                     for _ in range(5))  # fmt: skip
        _line("osaid score FILE, once per file (process start included)",
              f"{per_file * 1000:.0f} ms/file")  # fmt: skip
        _line("osaid score --batch, per release (--jobs 1)", f"{t1 / count * 1000:.2f} ms")
        for jobs in ("1", "2"):
            command = [sys.executable, "-m", "osaid", "score", "--batch", str(path)]
            command += ["--jobs", jobs, "--findings", "none", "-o", os.devnull]
            peak = _peak_rss_mib(command)
            _line(f"osaid score --batch --jobs {jobs}: peak RSS of the largest process",
                  f"{peak:.0f} MiB")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sections asked for and print their figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sets, fewer repeats")
    parser.add_argument(
        "--only",
        choices=["import", "score", "batch", "memory"],
        action="append",
        help="run only these sections (repeatable)",
    )
    args = parser.parse_args(argv)
    sections = set(args.only or ["import", "score", "batch", "memory"])
    quick = args.quick
    machine()
    if "import" in sections:
        section_import(5 if quick else 12)
    if "score" in sections:
        section_score(2_000 if quick else 10_000, 2 if quick else 3)
    if "batch" in sections:
        section_batch(2_000 if quick else 20_000)
    if "memory" in sections:
        section_memory((1_000, 10_000) if quick else (10_000, 100_000))
    print(json.dumps({"done": True}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
