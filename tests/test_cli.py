from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from osaid.cli import EXIT_CODES, main

from .builders import K, full_release


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_exit_codes_follow_the_verdict(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", full_release().model_dump_json())
    assert run("score", good)[0] == 0
    unknown = full_release(licenses={K.PARAMETERS_FINAL: None}).model_dump_json()
    assert run("score", write(tmp_path, "u.json", unknown))[0] == 3
    assert run("score", "grok-2.5")[0] == 1
    assert run("score", "grok-2.5", "--exit-zero")[0] == 0
    assert set(EXIT_CODES.values()) == {0, 1, 3}


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "sarif"])
def test_formats(fmt: str) -> None:
    code, out = run("score", "grok-2.5", "--format", fmt)
    assert code == 1
    if fmt in {"json", "sarif"}:
        assert json.loads(out)
    else:
        assert "Grok 2.5" in out


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out = run("score", "grok-2.5", "--format", "json", "-o", str(target))
    assert code == 1
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["verdict"] == "not-open-source-ai"


def test_policy_option(tmp_path: Path) -> None:
    data = full_release(licenses={K.PARAMETERS_FINAL: "CC-BY-4.0"}).model_dump_json()
    path = write(tmp_path, "cc.json", data)
    assert run("score", path)[0] == 0
    assert run("score", path, "--policy", "strict")[0] == 1


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{bad", "not valid JSON"),
        ('{"name": "m", "componentz": []}', "componentz: unknown field; did you mean 'components'"),
        (
            '{"name": "m", "license": {"expression": "Apache 2.0"}}',
            "license.expression: Invalid license expression",
        ),
        (
            '{"name": "m", "components": [{"kind": "x", "availability": "public"}]}',
            "components[0].kind",
        ),
    ],
)
def test_bad_input_exits_2_with_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: str, message: str
) -> None:
    code, out = run("score", write(tmp_path, "bad.json", document))
    assert code == 2
    assert out == ""
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_unknown_names_and_paths(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("score", "grok3")[0] == 2
    assert "did you mean 'grok-2.5'" in capsys.readouterr().err
    assert run("score", "missing/file.json")[0] == 2
    assert "no such file" in capsys.readouterr().err
    assert run("score", "record.yml")[0] == 2
    assert "no such file: record.yml" in capsys.readouterr().err


def test_directory_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a directory is a model repository snapshot; an empty one says nothing
    assert run("score", str(tmp_path))[0] == 3
    assert run("score", str(tmp_path), "--from", "native")[0] == 2
    assert "a directory, read as a model repository" in capsys.readouterr().err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("score", "grok-2.5", "-o", str(tmp_path / "no" / "such" / "dir.txt"))[0] == 2
    assert "cannot write" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["score", "grok-2.5", "--format", "xml"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main([]) == 2


def test_other_commands() -> None:
    code, out = run("catalog")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "not-open-source-ai" in lines["grok-2.5"]
    assert "open-source-ai" in lines["pythia"].split()
    code, out = run("rules")
    assert code == 0
    assert "PREF-PARAMS-TERMS" in out
    assert "FREEDOM-USE" in out
    code, out = run("schema")
    assert json.loads(out)["title"] == "ModelRelease"
    code, out = run("schema", "assessment")
    assert json.loads(out)["title"] == "Assessment"


def test_internal_errors_never_show_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import osaid.cli

    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(osaid.cli, "score", boom)
    monkeypatch.delenv("OSAID_DEBUG", raising=False)
    assert run("score", "grok-2.5")[0] == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: kaboom" in err
    assert "Traceback" not in err


def test_module_entry_point_runs_in_a_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "osaid", "score", "grok-2.5", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["verdict"] == "not-open-source-ai"
    done = subprocess.run(
        [sys.executable, "-m", "osaid", "score", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("osaid: error:")
    assert "Traceback" not in done.stderr


def test_licenses_list_show_resolve(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("licenses")
    assert code == 0
    assert out.splitlines()[0].split()[:6] == ["id", "kind", "parameters", "code", "data", "OSD"]
    grok = next(line for line in out.splitlines() if line.startswith("grok-2-community "))
    assert "rejected" in grok
    # OSD 3 by the AUP's guardrail clause, OSD 6 by six clauses (AUP included), OSD 7 by
    # three (the revocable grant, the live AUP link, the AUP's own update right)
    assert "3x1, 6x6, 7x3" in grok
    code, out = run("licenses", "show", "Grok 2 Community License")
    assert code == 0
    assert (
        "no-training-other-models (section 2.b; binds all; blocking; OSD 6; use, modify; verified)"
        in out
    )
    assert "xAI Acceptable Use Policy" in out
    assert "Sources" in out
    code, out = run("licenses", "show", "grok-2-community", "--version", "2025-08-23")
    assert "user-threshold" in out
    assert run("licenses", "show", "grok-2-community", "--version", "9")[0] == 2
    assert "grok-2-community@9" in capsys.readouterr().err
    code, out = run("licenses", "resolve", "Apache 2.0")
    assert out.startswith("'Apache 2.0' -> Apache-2.0 [spdx;")
    code, out = run("licenses", "resolve", "Our Terms")
    assert "unknown (kept as written)" in out
    assert run("licenses", "show")[0] == 2
    assert "needs a license id" in capsys.readouterr().err
    assert run("licenses", "show", "no-such-license")[0] == 2
    assert "unknown license 'no-such-license'" in capsys.readouterr().err
