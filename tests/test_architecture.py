"""The pipeline's layering, as docs/architecture.md states it, checked on every module."""

from __future__ import annotations

import ast
import builtins
import importlib.resources
import io
import pathlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import osaid
from osaid.assessment import MappingBaseModels, Verdict, score
from osaid.bundled import load
from osaid.licensing.catalog import default_catalog
from osaid.licensing.spdx import spdx_table

SRC = Path(osaid.__file__).resolve().parent
FOUNDATION = {"_model", "_reuse", "_version", "errors", "sources"}

# layer -> the layers it may import (besides the foundation and itself).
ALLOWED: dict[str, set[str]] = {
    "licensing": set(),
    "release": {"licensing"},
    "policy": {"licensing"},
    "definitions": {"licensing"},
    "bundled": {"licensing", "release"},
    "importers": {"licensing", "release"},
    "analysis": {"licensing", "release", "policy"},
    "findings": {"licensing", "release"},
    "mof": {"licensing", "release"},
    "rules": {"licensing", "release", "policy", "definitions", "analysis", "findings"},
    "assessment": {
        "licensing", "release", "policy", "definitions", "analysis", "findings", "rules",
        "mof", "bundled",
    },
    "batch": {
        "licensing", "release", "policy", "definitions", "analysis", "findings", "rules",
        "mof", "assessment", "bundled", "importers",
    },
    "lenses": {
        "licensing", "release", "policy", "definitions", "analysis", "findings", "rules",
        "mof", "assessment", "bundled",
    },
    "reports": {
        "licensing", "release", "policy", "definitions", "analysis", "findings", "rules",
        "mof", "assessment", "lenses",
    },
}  # fmt: skip
ANYTHING = {"cli", "batch_cli", "strategies", "_hypothesis", "__init__", "__main__"}
CORE = ("analysis", "findings", "rules", "mof", "assessment", "lenses")
IO_MODULES = {"os", "io", "pathlib", "shutil", "importlib", "urllib", "socket", "subprocess"}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).with_suffix("")
        yield ".".join(("osaid", *relative.parts)), path


def _layer(module: str) -> str:
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module ``path`` imports, anywhere in the file, as absolute names."""
    return _imports_in(path.read_text(encoding="utf-8"), str(path))


def _imports_in(text: str, where: str) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{where}:{node.lineno}: use absolute imports"
            base = node.module or ""
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def test_every_module_has_a_layer() -> None:
    known = set(ALLOWED) | ANYTHING | FOUNDATION | {"data"}
    for module, _ in _modules():
        assert _layer(module) in known, f"{module} belongs to no layer of docs/architecture.md"


def _upward(module: str, imports: Iterator[tuple[int, str]]) -> list[str]:
    """The imports of ``module`` that the layer table does not allow."""
    layer = _layer(module)
    if layer in ANYTHING:
        return []
    allowed = FOUNDATION | {layer} | ALLOWED.get(layer, set())
    wrong = []
    for line, name in imports:
        parts = name.split(".")
        if parts[0] != "osaid" or len(parts) < 2 or parts[1] in allowed:
            continue
        if parts[1] not in ALLOWED and parts[1] not in ANYTHING and parts[1] not in FOUNDATION:
            continue  # a name the namespace re-exports (``from osaid import x``), not a module
        wrong.append(f"{module}:{line}: {layer} imports {name}")
    return wrong


def test_no_module_imports_a_later_pipeline_step() -> None:
    wrong = [line for module, path in _modules() for line in _upward(module, _imports(path))]
    assert not wrong, "\n".join(wrong)


def test_the_check_catches_upward_imports_anywhere() -> None:
    text = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from osaid.assessment import Assessment\n"
        "def f():\n    import osaid.reports.text\n"
        "from osaid.licensing.clauses import Clause\n"
    )
    found = _upward("osaid.rules.sample", _imports_in(text, "sample"))
    assert found == [
        "osaid.rules.sample:3: rules imports osaid.assessment",
        "osaid.rules.sample:3: rules imports osaid.assessment.Assessment",
        "osaid.rules.sample:5: rules imports osaid.reports.text",
    ]
    assert _upward("osaid.cli", _imports_in(text, "sample")) == []


def test_the_layer_table_is_the_documented_one() -> None:
    text = (SRC.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for layer in ALLOWED:
        assert f"`{layer}`" in text, layer


def test_the_scoring_core_imports_nothing_that_reads_files() -> None:
    wrong = []
    for module, path in _modules():
        if _layer(module) not in CORE:
            continue
        for line, name in _imports(path):
            if name.split(".")[0] in IO_MODULES:
                wrong.append(f"{path.relative_to(SRC)}:{line}: imports {name}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open":
                wrong.append(f"{path.relative_to(SRC)}:{node.lineno}: calls open()")
    assert not wrong, "\n".join(wrong)


def test_every_module_is_importable_in_its_package() -> None:
    names = {info.name for info in pkgutil.walk_packages(osaid.__path__, "osaid.")}
    assert {"osaid.licensing.spdx", "osaid.assessment.bases", "osaid.reports.sarif"} <= names


class _NoIOError(Exception):
    pass


def test_scoring_reads_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a resolver of its own, score() touches no file once the catalog is loaded."""
    base = load("llama-3.1")
    derivative = load("llama-3.2-vision")
    default_catalog()
    spdx_table()
    expected = score(derivative).model_dump_json()

    def refuse(*args: object, **kwargs: object) -> None:
        raise _NoIOError(repr(args))

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    monkeypatch.setattr(pathlib.Path, "read_text", refuse)
    monkeypatch.setattr(importlib.resources, "files", refuse)
    resolver = MappingBaseModels({derivative.base_model.name: base})  # type: ignore[union-attr]
    assessment = score(derivative, base_models=resolver)
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    assert assessment.model_dump_json() == expected
    with pytest.raises(_NoIOError):
        pathlib.Path("x").read_text()
