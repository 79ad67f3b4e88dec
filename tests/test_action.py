"""The GitHub Action and the pre-commit hooks: their steps run here, with the same commands.

The steps that call other actions (setup-python, cache, upload-sarif) and the install step
need a GitHub runner and the network; the test checks what they are given and runs every
other step as GitHub would (``bash -eo pipefail``), with the inputs, ``GITHUB_OUTPUT`` and
``GITHUB_STEP_SUMMARY`` a runner provides, and the ``osaid`` of this environment on PATH.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.repo_trees import llama_tree, pythia_tree, weights_only_tree

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
SARIF_SCHEMA = ROOT.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
_EXPR = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


class Runner:
    """Runs the composite action's steps the way a GitHub runner does."""

    def __init__(self, tmp: Path, inputs: dict[str, str]) -> None:
        defaults = {str(k): str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
        self.inputs: dict[str, str] = {**defaults, **inputs}
        self.temp = tmp / "runner-temp"
        self.temp.mkdir()
        self.summary = tmp / "summary.md"
        self.summary.touch()
        self.outputs: dict[str, dict[str, str]] = {}
        self.skipped: list[dict[str, Any]] = []
        self._restore_cache()

    def _restore_cache(self) -> None:
        """What actions/cache does on a hit: ScanCode's index is where the steps look."""
        index = os.environ.get("SCANCODE_LICENSE_INDEX_CACHE")
        if index is None:
            try:
                import scancode_config
            except ImportError:
                return
            index = str(scancode_config.licensedcode_cache_dir)
        (self.temp / "osaid-scancode-index").symlink_to(index, target_is_directory=True)

    def value(self, expression: str) -> str:
        scope, _, name = expression.partition(".")
        if scope == "inputs":
            return self.inputs[name]
        if scope == "runner":
            return {"temp": str(self.temp), "os": "Linux"}[name]
        if scope == "steps":
            step, _, rest = name.partition(".outputs.")
            return self.outputs.get(step, {}).get(rest, "")
        raise AssertionError(expression)

    def expand(self, text: str) -> str:
        return _EXPR.sub(lambda m: self.value(m.group(1)), text)

    def condition(self, step: dict[str, Any]) -> bool:
        condition = step.get("if")
        if condition is None:
            return True
        match = re.fullmatch(r"inputs\.([\w-]+) == '(\w+)'", condition)
        assert match is not None, condition
        return bool(self.inputs[match.group(1)] == match.group(2))

    def run(self, cwd: Path) -> int:
        bin_dir = str(Path(sys.executable).parent)
        for step in ACTION["runs"]["steps"]:
            if not self.condition(step):
                continue
            if "uses" in step or step["name"].startswith("Install osaid"):
                self.skipped.append(step)
                continue
            output = self.temp / f"output-{len(self.outputs)}"
            output.touch()
            env = {
                **os.environ,
                "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
                "GITHUB_OUTPUT": str(output),
                "GITHUB_STEP_SUMMARY": str(self.summary),
                **{k: self.expand(str(v)) for k, v in step.get("env", {}).items()},
            }
            done = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],  # noqa: S607
                cwd=cwd,
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=600,
            )
            lines = [line for line in output.read_text().splitlines() if "=" in line]
            self.outputs[step.get("id", step["name"])] = {
                key: value for key, _, value in (line.partition("=") for line in lines)
            }
            if done.returncode != 0:
                self.stderr = done.stdout + done.stderr
                return done.returncode
        return 0


def _action(tmp_path: Path, tree: Path, **inputs: str) -> tuple[Runner, int]:
    runner = Runner(tmp_path, {"path": str(tree), **inputs})
    return runner, runner.run(tree)


@pytest.fixture
def no_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs without license-text identification, where the test is about the action only."""
    monkeypatch.setenv("OSAID_LICENSE_DETECTOR", "none")


def test_the_action_is_composite_with_the_documented_steps() -> None:
    assert ACTION["runs"]["using"] == "composite"
    uses = [s["uses"] for s in ACTION["runs"]["steps"] if "uses" in s]
    assert uses == [
        "actions/setup-python@v5",
        "actions/cache@v4",
        "github/codeql-action/upload-sarif@v3",
    ]
    install = next(s for s in ACTION["runs"]["steps"] if s["name"].startswith("Install"))
    assert (
        'pip install --disable-pip-version-check "osaid[licensetext]${OSAID_VERSION}"'
        in (install["run"])
    )
    upload = next(s for s in ACTION["runs"]["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ steps.score.outputs.sarif-file }}"
    cache = next(s for s in ACTION["runs"]["steps"] if "cache" in s.get("uses", ""))
    score_step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "score")
    assert cache["with"]["path"] == score_step["env"]["SCANCODE_LICENSE_INDEX_CACHE"]
    documented = (ROOT / "docs" / "repository-checks.md").read_text(encoding="utf-8")
    for name in ACTION["inputs"]:
        if name != "install":
            assert f"`{name}`" in documented, name


def test_a_llama_repository_fails_the_job_with_sarif_and_a_summary(tmp_path: Path) -> None:
    tree = llama_tree(tmp_path)
    runner, code = _action(tmp_path, tree)
    assert code == 1
    score = runner.outputs["score"]
    assert score["verdict"] == "not-open-source-ai"
    assert score["exit-code"] == "1"
    sarif = json.loads(Path(score["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["results"]
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("#")
    assert "Llama" in summary
    assert "::error title=osaid::the release is not-open-source-ai" in runner.stderr
    assert [s["name"] for s in runner.skipped] == [
        "Set up Python",
        "Install osaid with license-text identification",
        "Cache ScanCode's license index",
        "Upload SARIF to code scanning",
    ]


@pytest.mark.usefixtures("no_detector")
def test_the_sarif_report_is_valid(tmp_path: Path) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip("the SARIF schema is in ../shared, which is absent")
    import jsonschema

    runner, _ = _action(tmp_path, llama_tree(tmp_path), **{"fail-on": "never"})
    sarif = json.loads(Path(runner.outputs["score"]["sarif-file"]).read_text(encoding="utf-8"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("never", 0), ("not-open-source-ai", 0), ("insufficient-information", 1), ("sometimes", 2)],
)
@pytest.mark.usefixtures("no_detector")
def test_fail_on_with_an_undecided_repository(tmp_path: Path, fail_on: str, code: int) -> None:
    runner, exit_code = _action(tmp_path, weights_only_tree(tmp_path), **{"fail-on": fail_on})
    assert runner.outputs["score"]["verdict"] == "insufficient-information"
    assert exit_code == code


def test_an_open_repository_passes(tmp_path: Path) -> None:
    tree = pythia_tree(tmp_path)
    runner, code = _action(tmp_path, tree, **{"fail-on": "insufficient-information"})
    verdict = runner.outputs["score"]["verdict"]
    from osaid.importers.license_text import default_detector

    if default_detector() is None:  # the LICENSE is not identified: the code's terms unknown
        assert (verdict, code) == ("insufficient-information", 1)
    else:
        assert (verdict, code) == ("open-source-ai", 0)


@pytest.mark.usefixtures("no_detector")
def test_an_input_error_stops_the_action(tmp_path: Path) -> None:
    tree = weights_only_tree(tmp_path)
    (tree / "osaid.json").write_text("{", encoding="utf-8")
    runner, code = _action(tmp_path, tree)
    assert code == 2
    assert "::error title=osaid::osaid could not score" in runner.stderr


def test_pre_commit_hooks_run_the_documented_command(tmp_path: Path) -> None:
    hooks = {hook["id"]: hook for hook in HOOKS}
    assert set(hooks) == {"osaid", "osaid-fast"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        assert hook["always_run"] is True
    assert hooks["osaid"]["additional_dependencies"] == ["scancode-toolkit-mini>=32.5,<33"]
    tree = llama_tree(tmp_path)
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    for hook_id, expected in (("osaid-fast", "no license detector is installed"),):
        argv = hooks[hook_id]["entry"].split()
        assert shutil.which(argv[0], path=env["PATH"]) is not None
        done = subprocess.run(
            argv, cwd=tree, env=env, capture_output=True, text=True, check=False, timeout=600
        )
        assert done.returncode == 1
        assert expected in done.stdout
