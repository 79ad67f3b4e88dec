"""Cost bounds of hostile inputs: time and peak memory per format (a benchmark, not a test).

Usage::

    .venv/bin/python tasks/bench_inputs.py            # every case
    .venv/bin/python tasks/bench_inputs.py spdx hf    # only some formats

For each format osaid reads, builds documents at the size cap (one 10 MiB string; a list
filling 10 MiB) and with lists of 10,000 entries (the most osaid reads) and of 100,000,
writes each to a temporary file, and answers it as ``osaid score FILE --format json``
does: read, import, score, render (or refuse with an input error). Prints the wall time
(best of two runs) and the peak memory (tracemalloc, in a third run) of each, the answer,
and the target beside them: every input answered within about a second.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

from osaid import InvalidReleaseError, score
from osaid.importers import load
from osaid.release.validation import MAX_DOCUMENT_BYTES, MAX_DOCUMENT_ELEMENTS, MAX_LIST_ENTRIES
from osaid.reports import render

TARGET_SECONDS = 1.0
N = 100_000
CAP = MAX_DOCUMENT_BYTES
_MOT = {"framework": {"name": "Model Openness Framework"}}
_CDX_MODEL = {"type": "machine-learning-model", "name": "m", "bom-ref": "model"}
_SPDX = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"


def _fill(make: Callable[[int], object], budget: int = CAP - 4096) -> list[object]:
    """As many entries ``make(i)`` as fit in ``budget`` bytes of JSON."""
    size = len(json.dumps(make(budget))) + 2  # the longest entry, numbered past the count
    return [make(i) for i in range(budget // size)]


def _yaml_list(head: str, item: Callable[[int], str], count: int) -> str:
    return head + "".join(item(i) for i in range(count))


def cases() -> Iterator[tuple[str, str, str, Callable[[], str]]]:
    """(format, case, --from, document text builder)."""
    long = "x" * (CAP - 200)
    yield "native", "one 10 MiB string", "native", lambda: json.dumps({"name": long})
    yield (
        "mot",
        "one 10 MiB string",
        "mot",
        lambda: "framework: {name: Model Openness Framework}\nrelease:\n  name: " + long + "\n",
    )
    yield (
        "eosai",
        "one 10 MiB string",
        "eosai",
        lambda: "system: {name: x, notes: " + long + "}\nlicenses: {class: open}\n",
    )
    yield "hf", "one 10 MiB string", "hf", lambda: "---\nlicense: " + long + "\n---\n"
    yield (
        "cyclonedx",
        "one 10 MiB string",
        "cyclonedx",
        lambda: json.dumps(
            {"bomFormat": "CycloneDX", "components": [{**_CDX_MODEL, "description": long}]}
        ),
    )
    yield (
        "spdx",
        "one 10 MiB string",
        "spdx",
        lambda: json.dumps(
            {"@context": _SPDX, "@graph": [{"type": "ai_AIPackage", "spdxId": "p", "name": long}]}
        ),
    )
    for n in (MAX_LIST_ENTRIES, N):
        yield from _lists(n)
    yield (
        "native",
        "datasets filling 10 MiB",
        "native",
        lambda: json.dumps(
            {
                "name": "x",
                "training_datasets": _fill(lambda i: {"name": f"d{i}", "data_class": "public"}),
            }
        ),
    )
    yield (
        "mot",
        "components filling 10 MiB (JSON)",
        "mot",
        lambda: json.dumps(
            {**_MOT, "release": {"name": "x", "components": _fill(lambda i: {"name": f"c{i}"})}}
        ),
    )
    yield (
        "cyclonedx",
        "library components filling 10 MiB",
        "cyclonedx",
        lambda: json.dumps(
            {
                "bomFormat": "CycloneDX",
                "components": [
                    _CDX_MODEL,
                    *_fill(lambda i: {"type": "library", "name": f"lib{i}", "version": "1.0"}),
                ],
            }
        ),
    )
    yield (
        "cyclonedx",
        f"{MAX_DOCUMENT_ELEMENTS:,} library components",
        "cyclonedx",
        lambda: json.dumps(
            {
                "bomFormat": "CycloneDX",
                "components": [
                    _CDX_MODEL,
                    *(
                        {"type": "library", "name": f"lib{i}"}
                        for i in range(MAX_DOCUMENT_ELEMENTS - 1)
                    ),
                ],
            }
        ),
    )
    yield (
        "any",
        "over the cap by one byte",
        "native",
        lambda: json.dumps({"name": "x" * (CAP - 11)}),
    )


def _lists(n: int) -> Iterator[tuple[str, str, str, Callable[[], str]]]:
    """The cases of ``n``-entry lists, one or two per format."""
    yield (
        "native",
        f"{n:,} training datasets",
        "native",
        lambda: json.dumps(
            {
                "name": "x",
                "training_datasets": [{"name": f"d{i}", "data_class": "public"} for i in range(n)],
            }
        ),
    )
    yield (
        "mot",
        f"{n:,} components (YAML)",
        "mot",
        lambda: _yaml_list(
            "framework: {name: Model Openness Framework}\nrelease:\n  name: x\n  components:\n",
            lambda i: f"  - name: c{i}\n",
            n,
        ),
    )
    yield (
        "mot",
        f"{n:,} components (JSON)",
        "mot",
        lambda: json.dumps(
            {**_MOT, "release": {"name": "x", "components": [{"name": f"c{i}"} for i in range(n)]}}
        ),
    )
    yield (
        "eosai",
        f"{n:,} evidence links (YAML)",
        "eosai",
        lambda: _yaml_list(
            "system: {name: x}\nlicenses: {class: open}\ndatasheet:\n  class: open\n  link:\n",
            lambda i: f"  - https://example.org/{i}\n",
            n,
        ),
    )
    yield (
        "eosai",
        f"{n:,} evidence links (JSON)",
        "eosai",
        lambda: json.dumps(
            {
                "system": {"name": "x"},
                "licenses": {"class": "open"},
                "datasources_basemodel": {
                    "class": "open",
                    "link": [f"https://example.org/{i}" for i in range(n)],
                },
            }
        ),
    )
    yield (
        "hf",
        f"{n:,} datasets",
        "hf",
        lambda: (
            _yaml_list("---\nlicense: apache-2.0\ndatasets:\n", lambda i: f"- org/d{i}\n", n)
            + "---\n"
        ),
    )
    yield (
        "cyclonedx",
        f"{n:,} data components",
        "cyclonedx",
        lambda: json.dumps(
            {
                "bomFormat": "CycloneDX",
                "components": [_CDX_MODEL] + [{"type": "data", "name": f"d{i}"} for i in range(n)],
            }
        ),
    )
    yield "spdx", f"{n:,} trainedOn datasets", "spdx", lambda: json.dumps(
        {"@context": _SPDX, "@graph": [
            {"type": "ai_AIPackage", "spdxId": "p", "name": "m"},
            {"type": "Relationship", "relationshipType": "trainedOn", "from": "p",
             "to": [f"d{i}" for i in range(n)]},
            *({"type": "dataset_DatasetPackage", "spdxId": f"d{i}", "name": f"d{i}"}
              for i in range(n))]})  # fmt: skip


def answer(path: Path, fmt: str) -> str:
    """What ``osaid score PATH --from FMT --format json`` answers, in a few words."""
    try:
        release = load(path, fmt).release
    except InvalidReleaseError as exc:
        first = exc.problems[0]
        return f"error: {first.field + ': ' if first.field else ''}{first.problem}"[:90]
    assessment = score(release)
    render(assessment, "json")
    return f"{assessment.verdict.value} ({len(assessment.findings):,} findings)"


def measure(path: Path, fmt: str) -> tuple[float, float, str]:
    """Best wall time of two runs, peak MiB of a third, and the answer."""
    times = []
    for _ in range(2):
        start = time.perf_counter()
        result = answer(path, fmt)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    answer(path, fmt)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return min(times), peak, result


def main(argv: list[str]) -> int:
    """Run the cases and print one line each."""
    wanted = set(argv)
    print(f"size cap {CAP:,} bytes; target: every answer within ~{TARGET_SECONDS:g} s")
    print(f"{'format':10} {'case':36} {'bytes':>12} {'time':>8} {'peak':>9}  answer")
    slowest: dict[str, tuple[float, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt, case, source, build in cases():
            if wanted and fmt not in wanted:
                continue
            path = Path(folder) / "doc"
            path.write_text(build(), encoding="utf-8")
            size = path.stat().st_size
            seconds, peak, result = measure(path, source)
            flag = "" if seconds <= TARGET_SECONDS else "  (over target)"
            print(f"{fmt:10} {case:36} {size:12,} {seconds:7.2f}s {peak:7.1f}MiB  {result}{flag}")
            if seconds > slowest.get(fmt, (-1.0, ""))[0]:
                slowest[fmt] = (seconds, case)
        start = time.perf_counter()
        zero = answer(Path("/dev/zero"), "native")
        print(f"{'device':10} {'/dev/zero':36} {'-':>12} {time.perf_counter() - start:7.2f}s"
              f" {'-':>9}  {zero}")  # fmt: skip
    print("slowest per format:")
    for fmt, (seconds, case) in slowest.items():
        print(f"  {fmt:10} {seconds:6.2f}s  {case}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
