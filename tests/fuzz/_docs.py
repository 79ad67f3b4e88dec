"""Documents to fuzz with: real seeds of every format, hostile values, and mutations.

Seeds are the test fixtures, the bundled releases and, when the shared research corpora
sit beside the project, every MOT and EOSAI record in them. A mutation deletes a key,
changes a value's type, or puts a hostile value (a huge string or number, odd unicode,
deep nesting, a long list) at a random path of a seed.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from osaid.importers.hf import front_matter

__all__ = [
    "BIG_INT_TOKEN",
    "Seed",
    "dump_json",
    "dump_yaml",
    "hostile_values",
    "json_values",
    "mutated",
    "paths_of",
    "seeds",
]

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CORPORA = ROOT.parent / "shared" / "corpora"
RELEASES = ROOT / "src" / "osaid" / "data" / "releases"


@dataclass(frozen=True)
class Seed:
    """A real document: its format, a name, and the parsed data."""

    fmt: str
    name: str
    data: Any


def _fixture_format(path: Path) -> str:
    name = path.name
    if path.name == "README.md":
        return "hf"
    for prefix, fmt in (("mot", "mot"), ("eosai", "eosai"), ("cyclonedx", "cyclonedx")):
        if name.startswith(prefix):
            return fmt
    return "spdx"


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    if path.suffix == ".md":
        return dict(front_matter(text))
    return yaml.load(text, Loader=yaml.CSafeLoader)


@functools.cache
def seeds() -> tuple[Seed, ...]:
    """Every seed document (the shared corpora only when present)."""
    found: list[Seed] = []
    fixtures = sorted(FIXTURES.glob("*.*")) + sorted(FIXTURES.glob("*/README.md"))
    found += [Seed(_fixture_format(p), p.name, _read(p)) for p in fixtures]
    found += [Seed("native", p.stem, _read(p)) for p in sorted(RELEASES.glob("*.json"))]
    found += [Seed("mot", p.name, _read(p)) for p in sorted(CORPORA.glob("mot/models/*.yml"))]
    found += [Seed("eosai", p.name, _read(p)) for p in sorted(CORPORA.glob("eosai/*.yaml"))]
    return tuple(s for s in found if isinstance(s.data, dict))


@functools.cache
def _keys() -> tuple[str, ...]:
    """Every mapping key in the seeds: fuzzed documents use them to reach deep code."""
    out: set[str] = set()
    for seed in seeds():
        for path, _ in paths_of(seed.data):
            if path and isinstance(path[-1], str):
                out.add(path[-1])
    return tuple(sorted(out))


def paths_of(data: Any) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) of a parsed document, the document itself first."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))


BIG_INT_TOKEN = "\x00big-integer\x00"  # noqa: S105 - a placeholder, not a secret
"""A string that :func:`dump_json` and :func:`dump_yaml` write as a 5,000-digit integer."""

_BIG_DIGITS = "7" * 5000

_UNICODE = [
    "\u0410pache-2.0",  # Cyrillic A
    "MIT\u200b",  # zero-width space
    "\u202eTIM",  # right-to-left override
    "Apache\u00a02.0",  # no-break space
    "\uff4d\uff49\uff54",  # full-width "mit"
    "\ufeffMIT",  # byte order mark
    "e\u0301",  # combining accent
    "\U0001f600" * 50,
    "\x00",
    "\t\r\n",
    "\u2028",
    "",
    " ",
]


def hostile_values() -> st.SearchStrategy[Any]:
    """Values that broke, or could break, a reader: huge, odd, deep, long, wrong type."""
    big_text = st.sampled_from(["x" * 2001, "LicenseRef-" + "a" * 1990, "é" * 3000, "a " * 6000])
    return st.one_of(
        st.sampled_from(_UNICODE),
        big_text,
        st.just(BIG_INT_TOKEN),
        st.sampled_from([10**40, -(2**63), 2**64, 1e308, -0.0, float("inf"), True, False, None]),
        st.sampled_from(["2024-13-01", "2024-02-30", "0000", "2024-1-1", "soon", "NOASSERTION"]),
        st.sampled_from(["NONE", "other", "unknown", "MIT OR", "(", "LicenseRef-", "AND"]),
        st.integers(min_value=2, max_value=600).map(lambda n: [["x"]] * n),  # a long list
        st.integers(min_value=50, max_value=400).map(_nested),  # deep nesting
        st.sampled_from([[], {}, [None], [{}], {"": ""}, [[[]]]]),
    )


def _nested(depth: int) -> Any:
    value: Any = "core"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


def json_values(*, max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Arbitrary JSON-shaped values, with keys drawn from the seeds' keys too."""
    keys = st.one_of(st.sampled_from(_keys() or ("name",)), st.text(max_size=8))
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=30),
        hostile_values(),
    )
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6)
        ),
        max_leaves=max_leaves,
    )


_OPS = ("delete", "replace", "hostile", "wrap-list", "wrap-map", "repeat", "retype")


@st.composite
def mutated(draw: st.DrawFn, *, formats: tuple[str, ...] | None = None) -> tuple[Seed, Any]:
    """A seed (of one of ``formats``) and a mutated deep copy of its data."""
    pool = [s for s in seeds() if formats is None or s.fmt in formats]
    seed = draw(st.sampled_from(pool))
    data = copy.deepcopy(seed.data)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        candidates = list(paths_of(data))
        path, value = candidates[draw(st.integers(min_value=0, max_value=len(candidates) - 1))]
        op = draw(st.sampled_from(_OPS))
        if op == "delete" and path:
            _delete(data, path)
            continue
        if op == "replace":
            new: Any = draw(json_values(max_leaves=8))
        elif op == "wrap-list":
            new = [value]
        elif op == "wrap-map":
            new = {draw(st.sampled_from(_keys() or ("name",))): value}
        elif op == "repeat":
            new = [value] * draw(st.integers(min_value=2, max_value=300))
        elif op == "retype":
            new = draw(st.sampled_from([str(value)[:50], 1, 1.5, True, None, [], {}]))
        else:
            new = draw(hostile_values())
        if not path:
            data = new
        else:
            _set(data, path, new)
    return seed, data


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def _delete(data: Any, path: tuple[Any, ...]) -> None:
    parent = _parent(data, path)
    del parent[path[-1]]


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    _parent(data, path)[path[-1]] = value


def dump_json(data: Any) -> str:
    """JSON text of ``data``, with :data:`BIG_INT_TOKEN` written as a huge integer."""
    text = json.dumps(data, default=str)
    return text.replace(json.dumps(BIG_INT_TOKEN), _BIG_DIGITS)


def dump_yaml(data: Any) -> str:
    """YAML text of ``data``, with :data:`BIG_INT_TOKEN` written as a huge integer."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    token = yaml.safe_dump(BIG_INT_TOKEN).removesuffix("\n...\n").strip()
    return text.replace(token, _BIG_DIGITS)
