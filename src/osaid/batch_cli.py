"""``osaid score --batch``: stream many documents through the batch scorer.

Targets are JSON Lines files (``.jsonl``, ``.ndjson``) or ``-`` (one document a line),
directories (every document file in them, recursively, in name order), glob patterns, other
document files, and bundled release names. One JSON record a line comes out, in input
order; a target or line that cannot be read or scored is an error record with its
position, never a stop. A progress line goes to standard error when it is a terminal, and
a summary at the end.
"""

from __future__ import annotations

import glob
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TextIO

from osaid.batch import BatchError, BatchSummary, score_lines_to_json
from osaid.bundled import find as find_bundled
from osaid.release import MAX_DOCUMENT_BYTES

__all__ = ["DOCUMENT_SUFFIXES", "LINES_SUFFIXES", "expand", "file_mode", "run_batch"]


def __dir__() -> list[str]:
    return __all__


LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""Files read as JSON Lines: one document a line."""

DOCUMENT_SUFFIXES = frozenset({".json", ".jsonld", ".yml", ".yaml", ".md"})
"""Files a directory or glob contributes: one document each."""

_GLOB = frozenset("*?[")

Task = tuple[str | None, str | bytes | Path | BatchError]
"""A source label and its document (or why there is none)."""


def _lines(stream: IO[bytes], label: str) -> Iterator[Task]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"{label}:{number}"
        if len(raw) > MAX_DOCUMENT_BYTES:
            yield where, BatchError(kind="InvalidReleaseError", message="the line is too long")
            continue
        yield where, raw


def _documents_in(folder: Path) -> Iterator[Task]:
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES):
        if path.is_file():
            yield str(path), path


def _one(target: str, stdin: IO[bytes] | None) -> Iterator[Task]:
    if target == "-":
        if stdin is None:
            yield "-", BatchError(kind="TargetError", message="there is no standard input")
            return
        yield from _lines(stdin, "-")
        return
    path = Path(target)
    try:
        if path.is_dir():
            yield from _documents_in(path)
            return
        if path.is_file():
            if path.suffix.lower() in LINES_SUFFIXES:
                with path.open("rb") as stream:
                    yield from _lines(stream, target)
            else:
                yield target, path
            return
    except OSError as exc:
        yield target, BatchError(kind="TargetError", message=f"cannot read {target}: {exc}")
        return
    if _GLOB & set(target):
        matches = sorted(glob.glob(target, recursive=True))  # noqa: PTH207 - patterns
        if not matches:
            yield target, BatchError(kind="TargetError", message=f"no file matches {target}")
        for match in matches:
            if Path(match).is_file():
                yield from _one(match, stdin)
        return
    release = find_bundled(target)
    if release is None:
        message = f"no such file, pattern or bundled release: {target}"
        yield target, BatchError(kind="TargetError", message=message)
        return
    yield target, release.model_dump_json()


def expand(targets: Sequence[str], stdin: IO[bytes] | None = None) -> Iterator[Task]:
    """Every document the targets stand for, in order, as (source label, document)."""
    for target in targets:
        yield from _one(target, stdin)


def _count(targets: Sequence[str]) -> int | None:
    """How many documents the targets hold, when that is cheap to know (for the ETA)."""
    total = 0
    for target in targets:
        path = Path(target)
        if target == "-" or _GLOB & set(target):
            return None
        if path.is_file() and path.suffix.lower() in LINES_SUFFIXES:
            with path.open("rb") as stream:
                total += sum(1 for line in stream if line.strip())
        elif path.is_dir():
            total += sum(1 for _ in _documents_in(path))
        else:
            total += 1
    return total


class _Progress:
    """A progress line on standard error: count, rate and, when the total is known, ETA."""

    def __init__(self, stream: TextIO, total: int | None, *, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.count = 0

    def step(self) -> None:
        self.count += 1
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.5:
            return
        self.last = now
        elapsed = now - self.start
        rate = self.count / elapsed if elapsed > 0 else 0.0
        text = f"\rosaid: {self.count:,}"
        if self.total:
            text += f"/{self.total:,} ({self.count / self.total:.0%})"
        text += f"  {rate:,.0f}/s"
        if self.total and rate > 0:
            left = max(0.0, (self.total - self.count) / rate)
            text += f"  ETA {int(left // 60):d}:{int(left % 60):02d}"
        self.stream.write(text + "   ")
        self.stream.flush()

    def done(self) -> float:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
        return time.monotonic() - self.start


def _summary_line(summary: BatchSummary, seconds: float) -> str:
    rate = summary.records / seconds if seconds > 0 else 0.0
    verdicts = ", ".join(f"{n:,} {v}" for v, n in sorted(summary.verdicts.items())) or "none"
    text = (
        f"osaid: {summary.records:,} records in {seconds:.1f} s ({rate:,.0f}/s); "
        f"verdicts: {verdicts}"
    )
    if summary.errors:
        errors = ", ".join(f"{n:,} {k}" for k, n in sorted(summary.errors.items()))
        text += f"; errors: {errors}"
    return text + "\n"


def run_batch(
    targets: Sequence[str],
    *,
    jobs: int,
    findings: str,
    definition: str,
    policy: str,
    output: str | None,
    stdout: TextIO,
    stdin: IO[bytes] | None,
    quiet: bool,
    stderr: TextIO | None = None,
) -> tuple[BatchSummary, bool]:
    """Score every document of ``targets``; write one JSON record a line.

    Returns the summary and whether any record is an error.
    """
    err = sys.stderr if stderr is None else stderr
    total = _count(targets)
    progress = _Progress(err, total, enabled=not quiet and err.isatty())
    summary = BatchSummary()
    tasks = (
        (position, source, document)
        for position, (source, document) in enumerate(expand(targets, stdin))
    )
    sink, finish = _sink(output, stdout, quiet=quiet)
    completed = False
    records = score_lines_to_json(
        tasks, jobs=jobs, findings=findings, definition=definition, policy=policy
    )
    try:
        for line in records:
            summary.add(json.loads(line))
            sink.write(line + "\n")
            progress.step()
        completed = True
    finally:
        seconds = progress.done()
        finish(completed)
    if not quiet:
        err.write(_summary_line(summary, seconds))
    return summary, bool(summary.errors)


def file_mode(existing: int | None) -> int:
    """The permissions of a file osaid writes: those of the file it replaces, else the umask's.

    (A temporary file is created 0600; the file it becomes should not be.)
    """
    if existing is not None:
        return stat.S_IMODE(existing)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sink(
    output: str | None, stdout: TextIO, *, quiet: bool
) -> tuple[TextIO, Callable[[bool], None]]:
    """Where the records go, and what to call at the end (with whether the run completed).

    A file is written beside its target and renamed over it only when the run completes,
    with the target's permissions (a new file: the umask's), so an interrupted run leaves
    the target as it was.
    """
    if output in {None, "-"}:
        if quiet:
            sink = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - closed by finish
            return sink, lambda _completed: sink.close()
        return stdout, lambda _completed: stdout.flush()
    target = Path(str(output))
    if target.exists() and not target.is_file():
        # A device or FIFO (/dev/null, a pipe) is written into, never replaced by a file.
        stream = target.open("w", encoding="utf-8")
        return stream, lambda _completed: stream.close()
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    sink = os.fdopen(handle, "w", encoding="utf-8")

    def finish(completed: bool) -> None:  # noqa: FBT001 - one flag, passed positionally
        sink.close()
        if not completed:
            Path(temp).unlink(missing_ok=True)
            return
        Path(temp).chmod(file_mode(mode))
        Path(temp).replace(target)

    return sink, finish
