"""Generate the field descriptions of osaid's models from their attribute docstrings.

Usage::

    python tasks/gen_descriptions.py          # rewrite src/osaid/data/descriptions.json
    python tasks/gen_descriptions.py --check  # exit 1 if it is out of date

Each field of a model is documented by the string literal right below it in the source.
Reading those strings at import time (pydantic's ``use_attribute_docstrings``) means parsing
the source of every model whenever osaid is imported; osaid reads them here instead, once,
and its JSON Schemas take the descriptions from the generated table.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"
TARGET = ROOT / "osaid" / "data" / "descriptions.json"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _field_docstrings(node: ast.ClassDef) -> dict[str, str]:
    out: dict[str, str] = {}
    body = node.body
    for current, following in itertools.pairwise(body):
        if not (isinstance(current, ast.AnnAssign) and isinstance(current.target, ast.Name)):
            continue
        if (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            out[current.target.id] = _clean(following.value.value)
    return out


def _clean(text: str) -> str:
    return inspect.cleandoc(text)


def table() -> dict[str, dict[str, str]]:
    """``module.Class`` -> {field: description} for every class with field docstrings."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted((ROOT / "osaid").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = _module_name(path)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                fields = _field_docstrings(node)
                if fields:
                    out[f"{module}.{node.name}"] = fields
    return dict(sorted(out.items()))


def render() -> str:
    """The JSON text of the table."""
    return json.dumps(table(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    """Rewrite the table, or with --check report whether it is current."""
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            sys.stderr.write(f"{TARGET} is out of date; run python tasks/gen_descriptions.py\n")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
