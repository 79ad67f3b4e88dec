"""The command line in pipelines: stdin, several targets, output files, special files."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from osaid.cli import main

from .builders import K, full_release

ROOT = Path(__file__).resolve().parent.parent
RELEASES = ROOT / "src" / "osaid" / "data" / "releases"
FIXTURES = ROOT / "tests" / "fixtures"


class Terminal(io.StringIO):
    """A stdout that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(*argv: str, stdin: bytes = b"", stdout: io.StringIO | None = None) -> tuple[int, str]:
    out = io.StringIO() if stdout is None else stdout
    code = main(list(argv), stdout=out, stdin=io.BytesIO(stdin))
    return code, out.getvalue()


def release_file(tmp_path: Path, name: str, **overrides: object) -> Path:
    path = tmp_path / name
    path.write_text(full_release(**overrides).model_dump_json(), encoding="utf-8")  # type: ignore[arg-type]
    return path


# --- standard input --------------------------------------------------------------------


def test_a_dash_reads_standard_input_for_score_and_import(
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = (RELEASES / "grok-2.5.json").read_bytes()
    code, out = run("score", "-", "--format", "sarif", stdin=document)
    assert code == 1
    log = json.loads(out)
    assert log["runs"][0]["properties"]["verdict"] == "not-open-source-ai"
    assert "artifacts" not in log["runs"][0]  # no file name, no physical location
    code, out = run("import", "-", stdin=(FIXTURES / "mot_llama.yml").read_bytes())
    assert code == 0
    assert json.loads(out)["import_notes"]
    code, out = run("score", "-", stdin=b"{not json")
    assert code == 2
    assert "<stdin>" in capsys.readouterr().err


def test_stdin_name_detects_a_model_card_and_anchors_sarif() -> None:
    card = (FIXTURES / "hf_apache" / "README.md").read_bytes()
    code, out = run(
        "score", "-", "--stdin-name", "models/x/README.md", "--format", "sarif", stdin=card
    )
    assert code in {0, 1, 3}
    run_ = json.loads(out)["runs"][0]
    assert run_["artifacts"][0]["location"]["uri"] == "models/x/README.md"
    # The card's first '# ' heading names the release (the folder 'x' is its alias).
    assert run_["properties"]["assessments"][0]["release"] == "A model card with only a license"


def test_stdin_can_be_given_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("score", "-", "-", stdin=b"{}")[0] == 2
    assert "can be given only once" in capsys.readouterr().err


def test_a_real_pipe_into_a_subprocess() -> None:
    document = (RELEASES / "pythia.json").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "osaid", "score", "-", "--format", "sarif"],
        input=document,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["version"] == "2.1.0"


def test_a_pipe_given_as_a_path_is_read_as_a_stream() -> None:
    read_end, write_end = os.pipe()
    document = (RELEASES / "olmo-2.json").read_bytes()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as stream:
            stream.write(document)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "osaid", "score", f"/dev/fd/{read_end}", "--format", "json"],
            pass_fds=(read_end,),
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        writer.join()
        os.close(read_end)
    assert done.returncode == 3, done.stderr
    assert json.loads(done.stdout)["verdict"] == "insufficient-information"


def test_a_fifo_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "release.fifo"
    os.mkfifo(fifo)
    document = release_file(tmp_path, "r.json").read_bytes()

    def feed() -> None:
        with fifo.open("wb") as stream:
            stream.write(document)

    writer = threading.Thread(target=feed)
    writer.start()
    code, out = run("score", str(fifo), "--format", "json")
    writer.join()
    assert code == 0
    assert json.loads(out)["verdict"] == "open-source-ai"


# --- several targets -------------------------------------------------------------------


def test_several_targets_give_an_array_and_the_worst_exit_code(tmp_path: Path) -> None:
    good = release_file(tmp_path, "a.json")
    unknown = release_file(tmp_path, "u.json", licenses={K.PARAMETERS_FINAL: None})
    mot = FIXTURES / "mot_llama.yml"
    code, out = run("score", str(good), str(mot), "--format", "json")
    items = json.loads(out)
    assert [a["verdict"] for a in items] == ["open-source-ai", "not-open-source-ai"]
    assert code == 1
    assert run("score", str(good), str(unknown), "--format", "json")[0] == 3
    assert run("score", str(unknown), "grok-2.5", str(good), "-q")[0] == 1
    assert run("score", str(good), "pythia", "-q")[0] == 0
    assert run("score", str(good), "grok-2.5", "-q", "--exit-zero")[0] == 0
    code, out = run("score", str(good), "--format", "json")
    assert isinstance(json.loads(out), dict)  # one target: one object, as before


def test_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("score", "pythia", "grok-2.5", "olmo-2", "--jsonl")
    lines = out.splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["verdict"] for line in lines] == [
        "open-source-ai",
        "not-open-source-ai",
        "insufficient-information",
    ]
    assert code == 1
    assert run("score", "pythia", "--jsonl", "--format", "json")[0] == 0
    assert run("score", "pythia", "--jsonl", "--format", "sarif")[0] == 2
    assert "--jsonl" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "markdown", "sarif", "html"])
def test_several_targets_in_every_format(fmt: str) -> None:
    code, out = run("score", "pythia", "grok-2.5", "--format", fmt)
    assert code == 1
    assert "Pythia" in out
    assert "Grok 2.5" in out
    if fmt == "sarif":
        log = json.loads(out)
        assert len(log["runs"]) == 1
        assert len(log["runs"][0]["properties"]["assessments"]) == 2
    if fmt == "html":
        assert out.count("<html") == 1
        assert out.count('<article class="assessment"') == 2


def test_every_unreadable_target_is_reported_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = release_file(tmp_path, "a.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    output = tmp_path / "out.json"
    code, out = run("score", str(good), str(bad), "missing.json", "-o", str(output))
    assert code == 2
    assert out == ""
    assert not output.exists()
    err = capsys.readouterr().err
    assert "2 of 3 targets cannot be read" in err
    assert "bad.json" in err
    assert "not valid JSON" in err
    assert "no such file: missing.json" in err


# --- output ----------------------------------------------------------------------------


def test_dash_output_is_stdout(tmp_path: Path) -> None:
    code, out = run("score", "pythia", "--format", "json", "-o", "-")
    assert code == 0
    assert json.loads(out)["release"]["name"] == "Pythia"


def test_output_never_overwrites_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = release_file(tmp_path, "r.json")
    before = source.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(source)
    hard = tmp_path / "hard.json"
    os.link(source, hard)
    for output in (source, link, hard):
        assert run("score", str(source), "-o", str(output))[0] == 2
        assert "refusing to write over the input" in capsys.readouterr().err
        assert source.read_bytes() == before
    mot = tmp_path / "m.yml"
    mot.write_bytes((FIXTURES / "mot_llama.yml").read_bytes())
    assert run("import", str(mot), "-o", str(mot))[0] == 2
    assert run("badge", str(source), "-o", str(source))[0] == 2
    assert source.read_bytes() == before


def test_output_is_replaced_atomically_keeping_mode_and_links(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert run("score", "pythia", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("Pythia")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]  # no temporary left
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    alias = tmp_path / "alias.json"
    alias.symlink_to(real)
    assert run("score", "pythia", "--format", "json", "-o", str(alias))[0] == 0
    assert alias.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["verdict"] == "open-source-ai"
    fresh = tmp_path / "fresh.json"
    assert run("score", "pythia", "--format", "json", "-o", str(fresh))[0] == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_output_to_a_device_writes_to_it_and_never_replaces_it(tmp_path: Path) -> None:
    assert run("score", "pythia", "-o", os.devnull)[0] == 0
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)
    assert run("score", "pythia", "-o", str(tmp_path))[0] == 2
    assert run("score", "pythia", "-o", str(tmp_path / "no" / "dir.txt"))[0] == 2
    assert list(tmp_path.iterdir()) == []


def test_quiet_prints_nothing_but_keeps_the_exit_code_and_the_file(tmp_path: Path) -> None:
    assert run("score", "grok-2.5", "-q") == (1, "")
    output = tmp_path / "r.md"
    assert run("score", "grok-2.5", "-q", "--format", "markdown", "-o", str(output)) == (1, "")
    assert output.read_text(encoding="utf-8").startswith("# Grok 2.5")
    assert run("import", str(FIXTURES / "mot_open.yml"), "-q") == (0, "")
    assert run("badge", "pythia", "-q", "-o", str(tmp_path / "b.svg")) == (0, "")
    assert (tmp_path / "b.svg").exists()


# --- colour ----------------------------------------------------------------------------


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    _, coloured = run("score", "grok-2.5", stdout=Terminal())
    assert "\x1b[31m" in coloured
    assert "\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == run("score", "grok-2.5")[1]
    _, plain = run("score", "grok-2.5")
    assert "\x1b[" not in plain
    _, as_json = run("score", "grok-2.5", "--format", "json", stdout=Terminal())
    assert "\x1b[" not in as_json
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("score", "grok-2.5", stdout=Terminal())[1]
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert "\x1b[" not in run("score", "grok-2.5", stdout=Terminal())[1]


# --- what a target is ------------------------------------------------------------------


def test_special_files_are_named_for_what_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a directory is a model repository snapshot (docs/repository-checks.md)
    code, out = run("score", str(tmp_path))
    assert code == 3
    assert "no README.md model card" in out
    card = tmp_path / "model"
    card.mkdir()
    (card / "README.md").write_bytes((FIXTURES / "hf_apache" / "README.md").read_bytes())
    code, out = run("score", str(card), "--format", "json")
    assert code == 3
    assert '"verdict": "insufficient-information"' in out
    assert run("score", str(card), "--from", "hf")[0] == 2
    assert "is a directory, read as a model repository" in capsys.readouterr().err
    assert run("score", os.devnull)[0] == 2
    assert "the document is empty" in capsys.readouterr().err
    if Path("/dev/zero").exists():
        assert run("score", "/dev/zero")[0] == 2
        assert (
            "larger than 10,485,760 bytes; osaid reads documents up to" in capsys.readouterr().err
        )
    sock_path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(sock_path))
        assert run("score", str(sock_path))[0] == 2
        assert "is a socket, not a release document" in capsys.readouterr().err
    finally:
        server.close()
    block = next(
        (p for p in Path("/dev").iterdir() if p.exists() and stat.S_ISBLK(p.stat().st_mode)),
        None,
    )
    if block is not None:
        assert run("score", str(block))[0] == 2
        assert "is a block device" in capsys.readouterr().err


def test_long_names_loops_and_dangling_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_part = "x" * 300
    assert run("score", str(tmp_path / f"{long_part}.json"))[0] == 2
    err = capsys.readouterr().err
    assert "a part of the path is 305 bytes long" in err
    assert "at most 255 bytes" in err
    assert long_part not in err  # the message shortens it
    assert run("score", long_part)[0] == 2
    assert "unknown bundled release" in capsys.readouterr().err
    loop_a, loop_b = tmp_path / "a.json", tmp_path / "b.json"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    assert run("score", str(loop_a))[0] == 2
    assert "symbolic link loop" in capsys.readouterr().err
    dangling = tmp_path / "gone.json"
    dangling.symlink_to(tmp_path / "nothing-here.json")
    assert run("score", str(dangling))[0] == 2
    assert "is a symbolic link to" in capsys.readouterr().err
    inside_a_file = release_file(tmp_path, "r.json") / "x.json"
    assert run("score", str(inside_a_file))[0] == 2
    assert "a part of the path is not a directory" in capsys.readouterr().err


def test_from_with_a_bundled_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("score", "grok-2.5", "--from", "mot")[0] == 2
    assert "'grok-2.5' is a bundled release" in capsys.readouterr().err
    assert run("score", "grok-2.5", "--from", "native", "-q")[0] == 1


# --- the other commands ----------------------------------------------------------------


def test_badge_writes_svg_and_prints_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run("badge", "grok-2.5")
    assert code == 0  # the badge was written, whatever the verdict
    assert out == "![OSAID 1.0: does not conform](osaid-badge.svg)\n"
    assert (tmp_path / "osaid-badge.svg").read_text(encoding="utf-8").startswith("<?xml")
    _, out = run("badge", "pythia", "-o", "docs b.svg", "--link", "https://example.org/x")
    assert out == "[![OSAID 1.0: conforms](docs%20b.svg)](https://example.org/x)\n"
    _, out = run("badge", "olmo-2", "-o", "-")
    assert out.startswith("<?xml")
    assert "insufficient information" in out


def test_json_for_catalog_rules_and_licenses() -> None:
    code, out = run("catalog", "--format", "json")
    assert code == 0
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["grok-2.5"]["verdict"] == "not-open-source-ai"
    assert rows["grok-2.5"]["release"]["producer"] == "xAI"
    code, out = run("rules", "--format", "json")
    assert code == 0
    rules = json.loads(out)
    terms = next(r for r in rules if r["id"] == "PREF-PARAMS-TERMS")
    assert terms["help_uri"].endswith("rules.md#pref-params-terms")
    assert terms["citation"]["section"]
    code, out = run("licenses", "--format", "json")
    assert code == 0
    entries = {e["id"]: e for e in json.loads(out)}
    assert entries["grok-2-community"]["status"]["parameters"] == "rejected"
    assert entries["grok-2-community"]["blocking_clauses_per_osd_criterion"]["6"] >= 1
    code, out = run("licenses", "show", "grok-2-community", "--format", "json")
    assert code == 0
    shown = json.loads(out)
    assert shown["entry"]["id"] == "grok-2-community"
    assert any(c["clause"]["kind"] == "no-training-other-models" for c in shown["clauses_in_force"])
    code, out = run("licenses", "resolve", "Apache 2.0", "--format", "json")
    assert code == 0
    assert json.loads(out)["expression"] == "Apache-2.0"


def test_text_report_counts_match_its_bullets() -> None:
    for name in ("grok-2.5", "llama-3.2-vision", "olmo-2", "gemma-2"):
        _, out = run("score", name)
        sections = re.split(r"\n\n", out)
        for section in sections:
            head = section.splitlines()[0]
            found = re.match(r"^(Blocking: not met|Blocking: unknown|Advisory) \((\d+)", head)
            if not found:
                continue
            bullets = sum(line.startswith("  - ") for line in section.splitlines())
            items = re.search(r"in (\d+) items\)$", head)
            assert bullets == int(items.group(1) if items else found.group(2)), (name, head)
        tally = re.search(r"(\d+) findings: (.*?)\.", " ".join(out.split()))
        assert tally is not None
        counted = sum(
            int(n)
            for n in re.findall(r"(\d+) (?:met|not met|unknown|not applicable)", tally.group(2))
        )
        assert counted == int(tally.group(1))


def test_messages_read_as_sentences() -> None:
    _, out = run("score", "grok-2.5", "--format", "json")
    messages = {f["message"] for f in json.loads(out)["findings"]}
    assert "The release does not say whether the intermediate checkpoints are released." in messages
    assert "Training code is not released." in messages
    assert "The release does not disclose the provenance of the data." in messages
    _, out = run("score", "olmo-2", "--format", "json")
    messages = {f["message"] for f in json.loads(out)["findings"]}
    assert (
        "The release does not state the license of the research paper, so osaid cannot tell "
        "whether anyone may use it."
    ) in messages
    for message in messages:
        assert message[0].isupper() or message.startswith("osaid"), message
        assert message.endswith("."), message


def test_output_never_overwrites_the_file_behind_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = release_file(tmp_path, "r.json")
    before = source.read_bytes()
    with source.open("rb") as stream:
        code = main(["score", "-", "-o", str(source)], stdout=io.StringIO(), stdin=stream)
    assert code == 2
    assert "refusing to write over the input <stdin>" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_a_dash_without_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["score", "-"], stdout=io.StringIO()) == 2
    assert "there is none" in capsys.readouterr().err
    assert main(["score", "pythia", "-q"], stdout=io.StringIO()) == 0
