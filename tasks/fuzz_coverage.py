"""Coverage-guided fuzzing of osaid's parsers and importers with atheris (libFuzzer).

Usage::

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python tasks/fuzz_coverage.py -max_total_time=600      # ten minutes
    .venv/bin/python tasks/fuzz_coverage.py crash-<sha1>               # replay one input

The first byte of an input picks the entry point (``load_text`` with each ``--from``
format or detection, ``front_matter``, ``parse_release``); the rest is the document's
text. The corpus starts from the test fixtures, the bundled releases and the shared
corpora (``.fuzz-corpus/``, not committed). An input that raises anything but a
documented osaid error, or an error that names no field where it should, is a crash;
libFuzzer saves it as ``crash-*``. Inputs slower than ``-timeout`` seconds (default
here: 5) are reported as ``timeout-*``. Every finding, once fixed, is kept as a regression
case in ``tests/fuzz/regressions/`` (replayed by ``tests/fuzz/test_regressions.py``).
Any other libFuzzer flag can be passed (``-jobs``, ``-max_len`` ...).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris
from atheris.import_hook import instrument_imports

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with instrument_imports(include=["osaid"]):
    import osaid.importers  # noqa: F401 - instrumented before the harness imports it

from tests.fuzz._docs import dump_json, dump_yaml, seeds  # noqa: E402
from tests.fuzz._harness import ENTRY_POINTS, one_input  # noqa: E402

CORPUS = ROOT / ".fuzz-corpus"


def _seed_corpus() -> None:
    if CORPUS.exists():
        return
    CORPUS.mkdir()
    for index, seed in enumerate(seeds()):
        entry = ENTRY_POINTS.index(seed.fmt) if seed.fmt in ENTRY_POINTS else 0
        body = dump_json(seed.data)
        if seed.fmt in {"mot", "eosai"}:
            body = dump_yaml(seed.data)
        elif seed.fmt == "hf":
            body = f"---\n{dump_yaml(seed.data)}---\n"
        (CORPUS / f"seed-{index:04d}").write_bytes(bytes([entry]) + body.encode("utf-8"))


def main() -> None:
    """Run libFuzzer over ``one_input``."""
    args = list(sys.argv)
    replay = any(Path(a).is_file() for a in args[1:])
    if not replay:
        _seed_corpus()
        if not any(a.startswith("-timeout=") for a in args):
            args.append("-timeout=5")
        if not any(Path(a).is_dir() for a in args[1:]):
            args.append(str(CORPUS))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
