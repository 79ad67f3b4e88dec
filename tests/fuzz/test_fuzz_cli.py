"""Fuzz the command line with mutated documents written to files."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from osaid.cli import main

from ._docs import Seed, dump_json, dump_yaml, mutated
from ._profiles import fuzz_settings


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv, stdout=out)
    return code, out.getvalue(), err.getvalue()


def _check(code: int, out: str, err: str) -> None:
    assert code in {0, 1, 2, 3}, (code, err)
    assert "internal error" not in err, err
    assert "Traceback" not in err, err
    if code == 2:
        assert err.startswith("osaid: error: "), err
        assert not out
    else:
        assert out


@fuzz_settings(3)
@given(
    mutated(),
    st.sampled_from(("json", "yaml")),
    st.sampled_from(("text", "json", "markdown", "sarif")),
    st.booleans(),
)
def test_cli_score_and_import(
    case: tuple[Seed, Any],
    syntax: str,
    fmt: str,
    name_it: bool,  # noqa: FBT001 - drawn by Hypothesis
) -> None:
    seed, data = case
    text = dump_json(data) if syntax == "json" else dump_yaml(data)
    if seed.fmt == "hf" and syntax == "yaml":
        text, suffix = f"---\n{text}---\n", ".md"
    else:
        suffix = f".{syntax}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_text(text, encoding="utf-8")
        source = ["--from", seed.fmt] if name_it else []
        _check(*_run(["score", str(path), "--format", fmt, *source]))
        _check(*_run(["import", str(path), *source]))
