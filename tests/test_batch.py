"""Batch scoring: order, errors in place, compact records, several jobs, the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import osaid
from osaid.batch import BatchRecord, FindingsLevel, score_cards, score_lines, score_many
from osaid.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MOT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "mot" / "models"


def _documents() -> list[str]:
    names = ("olmo-1", "grok-2.5", "smollm2", "llama-3.2-vision")
    return [osaid.load_bundled(n).model_dump_json() for n in names]


def test_records_come_in_input_order_with_errors_in_place() -> None:
    docs = [*_documents()[:2], "{not json", '{"name": "x", "components": [{"kind": 1}]}']
    records = list(score_many(docs, findings="none"))
    assert [r.position for r in records] == [0, 1, 2, 3]
    assert records[0].verdict is osaid.Verdict.OPEN_SOURCE_AI
    assert records[1].verdict is osaid.Verdict.NOT_OPEN_SOURCE_AI
    assert records[2].error is not None
    assert "not valid JSON" in records[2].error.message
    assert records[3].error is not None
    assert "components[0].kind" in records[3].error.message


def test_findings_levels_keep_what_they_say() -> None:
    doc = _documents()[1]
    (full,) = score_many([doc], findings=FindingsLevel.ALL)
    (blocking,) = score_many([doc], findings="blocking")
    (bare,) = score_many([doc], findings="none")
    assert full.assessment is not None
    assert full.assessment == osaid.score(osaid.load_bundled("grok-2.5"))
    assert blocking.assessment is None
    wanted = tuple(f for f in full.assessment.findings if f.blocks or f.undecided)
    assert blocking.findings == wanted
    assert bare.findings is None
    assert bare.assessment is None
    assert bare.blocking_not_met == len(full.assessment.blocking)
    assert len(bare.model_dump_json()) < len(blocking.model_dump_json())
    assert len(blocking.model_dump_json()) < len(full.model_dump_json())


def test_two_jobs_give_the_same_records_in_the_same_order() -> None:
    docs = _documents() * 3 + ["[]"]
    one = [r.model_dump_json() for r in score_many(docs, jobs=1, findings="blocking")]
    two = [r.model_dump_json() for r in score_many(docs, jobs=2, findings="blocking", chunksize=2)]
    assert one == two
    assert [json.loads(r)["position"] for r in two] == list(range(len(docs)))


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(score_many(_documents(), jobs=0))


def test_score_lines_is_plain_json_per_line() -> None:
    lines = [*_documents()[:2], "", "{oops"]
    out = score_lines(lines, start=10)
    assert len(out) == 3
    records = [BatchRecord.model_validate_json(line) for line in out]
    assert [r.position for r in records] == [10, 11, 13]
    assert records[2].error is not None


def test_score_cards_reads_hub_model_cards() -> None:
    cards = [
        (FIXTURES / name / "README.md").read_text("utf-8") for name in ("hf_apache", "hf_other")
    ]
    out = score_cards({"modelId": ["org/a", "org/b", "org/c"], "card": [*cards, "no front matter"]})
    assert (
        out["verdict"][0]
        == osaid.score(
            osaid.importers.load(FIXTURES / "hf_apache" / "README.md").release
        ).verdict.value
    )
    assert out["verdict"][2] is None
    assert out["error"][2] is not None
    assert len(out["summary"]) == 3


def _run(args: list[str], stdin: bytes = b"") -> tuple[int, list[dict[str, object]]]:
    out = io.StringIO()
    code = main(args, stdout=out, stdin=io.BytesIO(stdin))
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_cli_batch_over_json_lines_directories_and_names(tmp_path: Path) -> None:
    lines = tmp_path / "releases.jsonl"
    lines.write_text("\n".join(_documents()[:2]) + "\n\n{bad\n", encoding="utf-8")
    code, records = _run(
        ["score", "--batch", str(lines), str(FIXTURES), "pythia", "--jobs", "1", "--quiet"]
    )
    assert code == 2  # one line is not JSON
    assert records == []  # --quiet writes nothing on stdout
    code, records = _run(["score", "--batch", str(lines), str(FIXTURES), "pythia", "-j", "1"])
    assert code == 2  # one line is not JSON
    assert [r["position"] for r in records] == list(range(len(records)))
    assert records[0]["source"] == f"{lines}:1"
    assert records[2]["source"] == f"{lines}:4"
    assert "error" in records[2]
    assert records[-1]["source"] == "pythia"
    assert records[-1]["verdict"] == "open-source-ai"
    assert any(str(r["source"]).endswith("mot_open.yml") for r in records)


def test_cli_batch_reads_json_lines_from_stdin(tmp_path: Path) -> None:
    stdin = ("\n".join(_documents()) + "\n").encode()
    code, records = _run(["score", "--batch", "-", "--findings", "none", "-j", "2"], stdin)
    assert code == 1  # the worst verdict: not Open Source AI
    assert [r["source"] for r in records] == ["-:1", "-:2", "-:3", "-:4"]
    out = tmp_path / "out.jsonl"
    code, _ = _run(["score", "--batch", "-", "-o", str(out), "-j", "1"], stdin)
    assert code == 1
    assert len(out.read_text("utf-8").splitlines()) == 4


def test_cli_batch_refuses_what_does_not_fit(tmp_path: Path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(_documents()[0] + "\n", encoding="utf-8")
    assert main(["score", "--batch", str(lines), "--format", "text"]) == 2
    assert main(["score", "--batch", str(lines), "-o", str(lines)]) == 2
    assert main(["score", "grok-2.5", "--jobs", "2"]) == 2
    assert main(["score", "--batch", str(lines), "--jobs", "0"]) == 2


@pytest.mark.corpus
def test_cli_batch_on_the_mot_corpus_is_the_same_with_one_and_two_jobs(tmp_path: Path) -> None:
    if not MOT.exists():
        pytest.skip("the shared MOT corpus is not beside the project")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for jobs, out in (("1", one), ("2", two)):
        main(["score", "--batch", str(MOT), "--findings", "blocking", "-j", jobs, "-o", str(out)])
    first, second = one.read_text("utf-8"), two.read_text("utf-8")
    assert first == second
    records = [json.loads(line) for line in first.splitlines()]
    assert len(records) == len(list(MOT.glob("*.yml")))
    assert all("error" not in r for r in records)


def test_cli_batch_writes_into_a_device_and_never_replaces_it(tmp_path: Path) -> None:
    import os
    import stat

    lines = tmp_path / "in.jsonl"
    lines.write_text(_documents()[0] + "\n", encoding="utf-8")
    assert main(["score", "--batch", str(lines), "-o", os.devnull, "-j", "1"]) == 0
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text("utf-8")))
    reader.start()
    assert main(["score", "--batch", str(lines), "-o", str(fifo), "-j", "1"]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0].splitlines()[0])["verdict"] == "open-source-ai"


def test_cli_batch_output_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    lines = tmp_path / "in.jsonl"
    lines.write_text(_documents()[0] + "\n", encoding="utf-8")
    fresh = tmp_path / "new.jsonl"
    before = os.umask(0o022)
    try:
        assert main(["score", "--batch", str(lines), "-o", str(fresh), "-j", "1"]) == 0
    finally:
        os.umask(before)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not the 0600 of a temporary file
    kept = tmp_path / "kept.jsonl"
    kept.write_text("old\n", encoding="utf-8")
    kept.chmod(0o640)
    assert main(["score", "--batch", str(lines), "-o", str(kept), "-j", "1"]) == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert json.loads(kept.read_text(encoding="utf-8"))["verdict"] == "open-source-ai"


def test_an_interrupted_batch_leaves_the_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import osaid.batch_cli

    def interrupted(tasks: object, **_: object) -> object:
        yield json.dumps({"position": 0, "verdict": "open-source-ai"})
        raise KeyboardInterrupt

    monkeypatch.setattr(osaid.batch_cli, "score_lines_to_json", interrupted)
    lines = tmp_path / "in.jsonl"
    lines.write_text(_documents()[0] + "\n", encoding="utf-8")
    target = tmp_path / "results.jsonl"
    target.write_text("earlier results\n", encoding="utf-8")
    assert main(["score", "--batch", str(lines), "-o", str(target), "-j", "1", "--quiet"]) == 130
    assert target.read_text(encoding="utf-8") == "earlier results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "results.jsonl"]
