"""The command line on repository snapshots, Hub API documents and Croissant references."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

from osaid.cli import main
from tests.repo_trees import CROISSANT, HUB_API, llama_tree, weights_only_tree

if TYPE_CHECKING:
    import pytest


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out, stdin=io.BytesIO(b""))
    return code, out.getvalue()


def test_score_a_directory(tmp_path: Path) -> None:
    code, out = run("score", str(llama_tree(tmp_path)), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["verdict"] == "not-open-source-ai"
    code, out = run("score", str(weights_only_tree(tmp_path)), "--format", "markdown")
    assert code == 3
    assert "insufficient" in out.lower()


def test_import_a_directory(tmp_path: Path) -> None:
    code, out = run("import", str(weights_only_tree(tmp_path)))
    assert code == 0
    release = json.loads(out)
    assert release["name"] == "weights-only"
    assert any(n["source_format"] == "repository" for n in release["import_notes"])


def test_from_hub_api() -> None:
    target = str(HUB_API / "meta-llama__Llama-3.2-3B.json")
    code, out = run("score", target, "--from", "hub-api", "--format", "json")
    assert code == 1
    assert json.loads(out)["verdict"] == "not-open-source-ai"
    assert run("score", target, "--format", "json")[0] == 1  # detected


def test_a_release_file_reads_its_croissant_files(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dices.json").write_bytes((CROISSANT / "dices-350.json").read_bytes())
    release = tmp_path / "release.json"
    release.write_text(json.dumps({"name": "X", "croissant": ["data/dices.json"]}), "utf-8")
    code, out = run("score", str(release), "--format", "json")
    assert code == 3
    findings = {f["rule_id"]: f for f in json.loads(out)["findings"]}
    acquisition = findings["PREF-DATA-INFO-ACQUISITION"]
    assert acquisition["outcome"] == "met"
    assert acquisition["evidence"][0]["url"] == "data/dices.json#rai:dataCollection"


def test_a_missing_croissant_file_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = tmp_path / "release.json"
    release.write_text(json.dumps({"name": "X", "croissant": ["nope.json"]}), "utf-8")
    assert run("score", str(release))[0] == 2
    err = capsys.readouterr().err
    assert "croissant[0]" in err
    assert "no such Croissant file" in err
    assert "Traceback" not in err
