"""Properties of the installed package: import hygiene, typing marker, public surface."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import osaid

MODULES = sorted(
    {"osaid"}
    | {
        info.name
        for info in pkgutil.walk_packages(osaid.__path__, "osaid.")
        if info.name != "osaid.__main__"
    }
)


def test_import_does_not_pull_test_or_yaml_dependencies() -> None:
    code = (
        "import sys, osaid; "
        "print(','.join(m for m in ('hypothesis', 'pytest', 'yaml') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_every_module_declares_its_public_names() -> None:
    assert "osaid.licensing.spdx" in MODULES
    for name in MODULES:
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), name
        for symbol in module.__all__:
            assert hasattr(module, symbol), (name, symbol)


def test_typed_marker_is_shipped() -> None:
    assert (Path(osaid.__file__).parent / "py.typed").exists()


def test_errors_for_bad_input_are_value_errors() -> None:
    for error in (
        osaid.InvalidReleaseError,
        osaid.InvalidLicenseExpression,
        osaid.UnknownReleaseError,
        osaid.UnknownPolicyError,
        osaid.UnknownDefinitionError,
    ):
        assert issubclass(error, osaid.OsaidError)
        assert issubclass(error, ValueError)


def test_generated_docs_are_current() -> None:
    root = Path(__file__).resolve().parent.parent
    script = root / "tasks" / "gen_docs.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_release_format_example_is_valid_and_conforms() -> None:
    import re

    root = Path(__file__).resolve().parent.parent
    text = (root / "docs" / "release-format.md").read_text(encoding="utf-8")
    example = re.findall(r"```json\n(.*?)```", text, re.DOTALL)[0]
    assessment = osaid.score(osaid.parse_release(example))
    assert assessment.verdict is osaid.Verdict.OPEN_SOURCE_AI


def test_base_model_resolver_example_in_the_docs_runs() -> None:
    import re

    root = Path(__file__).resolve().parent.parent
    text = (root / "docs" / "index.md").read_text(encoding="utf-8")
    example = next(
        b for b in re.findall(r"```python\n(.*?)```", text, re.DOTALL) if "HubBases" in b
    )
    namespace: dict[str, object] = {}
    exec(compile(example, "docs/index.md", "exec"), namespace)  # noqa: S102 - our own docs
    assessment = namespace["assessment"]
    assert isinstance(assessment, osaid.Assessment)
    default = osaid.score(osaid.load_bundled("llama-3.2-vision"))
    assert assessment.model_dump_json() == default.model_dump_json()
    assert any(f.inherited_from == "Llama 3.1 8B" for f in assessment.findings)


def test_import_osaid_is_lazy_and_every_public_name_resolves() -> None:
    code = "import sys, osaid; print(sorted(m for m in sys.modules if m.startswith('osaid')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['osaid', 'osaid._version']"
    for name in osaid.__all__:
        value = getattr(osaid, name)
        if name == "__version__":
            continue
        module, attr = osaid._EXPORTS[name]
        assert value is getattr(importlib.import_module(module), attr), name
    assert getattr(osaid, "importers").InputFormat.MOT.value == "mot"  # noqa: B009
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = osaid.nope  # type: ignore[attr-defined]  # mypy knows there is no such name


def test_field_descriptions_are_current_and_reach_the_schema() -> None:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, str(root / "tasks" / "gen_descriptions.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    schema = osaid.ModelRelease.model_json_schema()
    assert (
        schema["properties"]["name"]["description"] == 'The release\'s name, e.g. ``"Grok 2.5"``.'
    )
    component = schema["$defs"]["Component"]["properties"]["availability"]
    assert component["description"] == "How it can be obtained."
