"""Batch scoring: many documents in, one result per document out, in order, on every core.

Takes an iterable of documents (JSON Lines text, file paths, parsed mappings or
releases); gives one :class:`BatchRecord` per document, in input order, whatever went
wrong with the others: a document that cannot be read or scored becomes a record with
its position and the error, never a stop. :func:`score_many` runs in this process or on
``jobs`` worker processes; :func:`score_lines` is the pure function a distributed engine
maps over partitions (Dask, Hugging Face ``datasets``; see ``docs/performance.md``).

A record can carry every finding, only the blocking ones, or none (``findings``): a
corpus of a million releases then stays a few GB of JSON Lines rather than tens.
"""

from __future__ import annotations

import json
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from osaid._model import ClippedText, Model, NonEmptyStr
from osaid.assessment import Assessment, BaseModels, ReleaseRef, Verdict, score
from osaid.errors import InputProblem, InvalidReleaseError, OsaidError
from osaid.findings import Finding
from osaid.importers import import_document, load
from osaid.policy import DEFAULT, Policy
from osaid.release import ModelRelease

__all__ = [
    "CARD_COLUMNS",
    "BatchError",
    "BatchRecord",
    "BatchSummary",
    "FindingsLevel",
    "default_jobs",
    "record_of",
    "score_cards",
    "score_lines",
    "score_lines_to_json",
    "score_many",
    "summarise",
]


def __dir__() -> list[str]:
    return __all__


class FindingsLevel(StrEnum):
    """How much of each assessment a record keeps."""

    ALL = "all"
    """The whole assessment, as ``osaid score --format json`` gives it."""
    BLOCKING = "blocking"
    """The verdict, the summary, the MOF class and the blocking findings not met or unknown."""
    NONE = "none"
    """The verdict, the summary, the MOF class and the counts only."""


class BatchError(Model):
    """Why one document gave no assessment."""

    kind: NonEmptyStr
    """The error's class, e.g. ``InvalidReleaseError``."""
    message: ClippedText
    """What is wrong, naming the field where the input has one."""


class BatchRecord(Model):
    """The result for one document of a batch."""

    position: int
    """The document's position in the input, from 0 (the line number minus 1 for JSON Lines)."""
    source: ClippedText | None = None
    """Where the document came from (a path, ``path:line``), when known."""
    verdict: Verdict | None = None
    """The verdict; None when the document could not be scored."""
    release: ReleaseRef | None = None
    summary: ClippedText | None = None
    mof_class: int | None = None
    """The MOF class (0 for unclassified)."""
    blocking_not_met: int = 0
    blocking_unknown: int = 0
    findings: tuple[Finding, ...] | None = None
    """With ``findings="blocking"``: the blocking findings not met or unknown."""
    assessment: Assessment | None = None
    """With ``findings="all"``: the whole assessment."""
    error: BatchError | None = None


@dataclass(frozen=True, slots=True)
class _Task:
    position: int
    source: str | None
    document: str | bytes | Path | Mapping[str, Any] | ModelRelease | BatchError


_MAX_LINE: Final = 10 * 1024 * 1024


def record_of(
    position: int,
    source: str | None,
    assessment: Assessment,
    findings: FindingsLevel | str = FindingsLevel.ALL,
) -> BatchRecord:
    """The record of one assessment, keeping as much as ``findings`` says."""
    level = FindingsLevel(findings)
    blocking = tuple(f for f in assessment.findings if f.blocks or f.undecided)
    return BatchRecord(
        position=position,
        source=source,
        verdict=assessment.verdict,
        release=assessment.release,
        summary=assessment.summary,
        mof_class=int(assessment.mof.mof_class),
        blocking_not_met=sum(f.blocks for f in blocking),
        blocking_unknown=sum(f.undecided for f in blocking),
        findings=blocking if level is FindingsLevel.BLOCKING else None,
        assessment=assessment if level is FindingsLevel.ALL else None,
    )


def _error(position: int, source: str | None, exc: Exception) -> BatchRecord:
    message = str(exc).strip() or type(exc).__name__
    if len(message) > 2000:
        message = message[:1999] + "…"
    return BatchRecord(
        position=position,
        source=source,
        error=BatchError(kind=type(exc).__name__, message=message),
    )


def _release_of(document: str | bytes | Path | Mapping[str, Any] | ModelRelease) -> ModelRelease:
    if isinstance(document, ModelRelease):
        return document
    if isinstance(document, Path):
        return load(document).release
    if isinstance(document, str | bytes):
        if len(document) > _MAX_LINE:
            problem = InputProblem("", f"the document is longer than {_MAX_LINE:,} bytes")
            raise InvalidReleaseError([problem])
        try:
            parsed = json.loads(document)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InvalidReleaseError([InputProblem("", f"not valid JSON: {exc}")]) from None
        except (RecursionError, ValueError) as exc:
            why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
            raise InvalidReleaseError([InputProblem("", f"not readable JSON: {why}")]) from None
        return import_document(parsed).release
    return import_document(document).release


@dataclass(frozen=True, slots=True)
class _Options:
    definition: str
    policy: Policy | str
    base_models: BaseModels | Mapping[str, ModelRelease | Assessment] | None
    findings: FindingsLevel


def _run(task: _Task, options: _Options) -> BatchRecord:
    if isinstance(task.document, BatchError):
        return BatchRecord(position=task.position, source=task.source, error=task.document)
    try:
        release = _release_of(task.document)
        assessment = score(
            release,
            definition=options.definition,
            policy=options.policy,
            base_models=options.base_models,
        )
    except (OsaidError, ValueError, TypeError) as exc:
        return _error(task.position, task.source, exc)
    return record_of(task.position, task.source, assessment, options.findings)


def _run_chunk(chunk: Sequence[_Task], options: _Options) -> list[BatchRecord]:
    return [_run(task, options) for task in chunk]


def _run_chunk_json(chunk: Sequence[_Task], options: _Options) -> list[str]:
    return [_run(task, options).model_dump_json(exclude_none=True) for task in chunk]


def _tasks(
    documents: Iterable[str | bytes | Path | Mapping[str, Any] | ModelRelease],
    sources: Iterable[str | None] | None,
) -> Iterator[_Task]:
    names = iter(sources) if sources is not None else None
    for position, document in enumerate(documents):
        source = next(names, None) if names is not None else None
        if source is None and isinstance(document, Path):
            source = str(document)
        yield _Task(position, source, document)


def _chunks(tasks: Iterator[_Task], size: int) -> Iterator[list[_Task]]:
    chunk: list[_Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pipelined(
    chunks: Iterator[list[_Task]],
    work: Callable[[Sequence[_Task], _Options], list[Any]],
    options: _Options,
    jobs: int,
) -> Iterator[Any]:
    """Results of ``work`` over ``chunks`` on ``jobs`` processes, in input order.

    At most a few chunks are in flight, so memory stays flat however long the input is.
    """
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[Any]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(work, chunk, options))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def score_many(
    documents: Iterable[str | bytes | Path | Mapping[str, Any] | ModelRelease],
    *,
    jobs: int | None = 1,
    definition: str = "1.0",
    policy: Policy | str = DEFAULT,
    base_models: BaseModels | Mapping[str, ModelRelease | Assessment] | None = None,
    findings: FindingsLevel | str = FindingsLevel.ALL,
    sources: Iterable[str | None] | None = None,
    chunksize: int = 64,
) -> Iterator[BatchRecord]:
    """Score every document, yielding one record per document in input order.

    A document is JSON text (one JSON Lines line: a native release or any JSON format osaid
    reads, detected), a path (any format, detected), a parsed mapping, or a release.

    :param jobs: worker processes (None: every core; 1: this process). With more than one,
        ``base_models`` must be picklable (the default, the bundled releases, is).
    :param findings: how much of each assessment a record keeps (:class:`FindingsLevel`).
    :param sources: a name for each document (a path, ``file:line``), recorded in its record.
    :param chunksize: documents sent to a worker at a time.

    >>> import osaid
    >>> records = list(score_many([osaid.load_bundled("olmo-1"), "{not json"], findings="none"))
    >>> [(r.position, r.verdict, r.error and r.error.kind) for r in records]
    [(0, <Verdict.OPEN_SOURCE_AI: 'open-source-ai'>, None), (1, None, 'InvalidReleaseError')]
    """
    options = _Options(definition, policy, base_models, FindingsLevel(findings))
    workers = default_jobs() if jobs is None else jobs
    if workers < 1:
        msg = f"jobs must be at least 1, not {jobs}"
        raise ValueError(msg)
    tasks = _tasks(documents, sources)
    if workers == 1:
        for task in tasks:
            yield _run(task, options)
        return
    yield from _pipelined(_chunks(tasks, chunksize), _run_chunk, options, workers)


def score_lines(
    lines: Iterable[str],
    *,
    findings: FindingsLevel | str = FindingsLevel.NONE,
    definition: str = "1.0",
    policy: str = "default",
    start: int = 0,
) -> list[str]:
    """Score JSON Lines in this process and return one JSON record per line, in order.

    The pure function a distributed engine maps over partitions: records are plain JSON
    text, so they travel between workers without osaid's types. Blank lines are skipped
    (their positions still count).

    :param start: the position of the first line (the partition's offset).
    """
    options = _Options(definition, policy, None, FindingsLevel(findings))
    out = []
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        task = _Task(start + offset, None, line)
        out.append(_run(task, options).model_dump_json(exclude_none=True))
    return out


def score_lines_to_json(
    tasks: Iterable[tuple[int, str | None, str | bytes | Path | BatchError]],
    *,
    jobs: int,
    findings: FindingsLevel | str,
    definition: str = "1.0",
    policy: Policy | str = DEFAULT,
    chunksize: int = 64,
) -> Iterator[str]:
    """The CLI's path: (position, source, document) in, one JSON record per document out.

    A :class:`BatchError` in place of a document (a target that could not be read) comes
    out as its error record.
    """
    options = _Options(definition, policy, None, FindingsLevel(findings))
    stream = (_Task(p, s, d) for p, s, d in tasks)
    if jobs == 1:
        for task in stream:
            yield _run(task, options).model_dump_json(exclude_none=True)
        return
    yield from _pipelined(_chunks(stream, chunksize), _run_chunk_json, options, jobs)


CARD_COLUMNS: Final = ("verdict", "summary", "mof_class", "blocking_not_met", "blocking_unknown",
                       "error")  # fmt: skip
"""The columns :func:`score_cards` adds to a batch of model cards."""


def score_cards(
    batch: Mapping[str, Sequence[Any]],
    *,
    card_column: str = "card",
    id_column: str | None = "modelId",
    definition: str = "1.0",
    policy: str = "default",
) -> dict[str, list[Any]]:
    """Score a batch of Hugging Face model cards, for ``datasets.Dataset.map(batched=True)``.

    ``batch`` maps column names to equal-length lists, as ``datasets`` passes them; the
    card's text (front matter and body) is in ``card_column`` and the repository id, used
    as the release name when the card has none, in ``id_column``. Public dumps of Hub cards
    have these columns (``modelId``, ``card``). Returns the :data:`CARD_COLUMNS`, one value
    per card; a card that cannot be read gets its error and None elsewhere.
    """
    from osaid.importers.hf import front_matter  # noqa: PLC0415 - keeps the worker import light

    cards = batch[card_column]
    ids = batch[id_column] if id_column is not None and id_column in batch else [None] * len(cards)
    out: dict[str, list[Any]] = {column: [] for column in CARD_COLUMNS}
    for card, model_id in zip(cards, ids, strict=True):
        try:
            metadata = front_matter(str(card or ""))
            release = import_document(metadata, "hf", name=model_id).release
            record = record_of(0, model_id, score(release, definition=definition, policy=policy))
        except (OsaidError, ValueError, TypeError) as exc:
            record = _error(0, model_id, exc)
        out["verdict"].append(record.verdict.value if record.verdict else None)
        out["summary"].append(record.summary)
        out["mof_class"].append(record.mof_class)
        out["blocking_not_met"].append(record.blocking_not_met)
        out["blocking_unknown"].append(record.blocking_unknown)
        out["error"].append(record.error.message if record.error else None)
    return out


@dataclass
class BatchSummary:
    """Counts over a batch, for the end-of-run summary."""

    records: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, record: Mapping[str, Any]) -> None:
        """Count one record (as its JSON mapping)."""
        self.records += 1
        error = record.get("error")
        if error:
            self.errors[str(error.get("kind"))] += 1
        else:
            self.verdicts[str(record.get("verdict"))] += 1


def summarise(records: Iterable[BatchRecord]) -> BatchSummary:
    """Verdict and error counts over ``records``."""
    summary = BatchSummary()
    for record in records:
        summary.add(record.model_dump(mode="json", exclude_none=True))
    return summary
