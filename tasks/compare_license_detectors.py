"""Compare license-text detectors on a labelled corpus (figures for docs/repository-checks.md).

Two steps, so that each detector can run in the environment it is installed in:

    # 1. write the corpus (needs osaid; the ScanCode texts need osaid[licensetext])
    python tasks/compare_license_detectors.py corpus /tmp/license-corpus
    # 2. score a detector on it
    python tasks/compare_license_detectors.py run /tmp/license-corpus --detector scancode
    python tasks/compare_license_detectors.py run /tmp/license-corpus --detector phrases
    /path/to/askalono-venv/bin/python tasks/compare_license_detectors.py \
        run /tmp/license-corpus --detector askalono      # needs only pyaskalono

The corpus: the real texts in tests/fixtures/sourced/licenses; the texts ScanCode ships
for every catalog entry that lists a ScanCode key, and for common open licenses; and two
variants real repositories carry (Apache-2.0 without its appendix, a license with a
policy pasted below it). Each text is labelled with the SPDX id or catalog id it is.
A detector's answer is right when it names that label, wrong when it names something
else with a score at or above its own threshold, and "none" otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCED = ROOT / "tests" / "fixtures" / "sourced" / "licenses"
OPEN = (
    "apache-2.0",
    "mit",
    "bsd-new",
    "bsd-simplified",
    "mpl-2.0",
    "gpl-3.0",
    "lgpl-2.1",
    "cc-by-4.0",
    "cc-by-sa-4.0",
    "cc0-1.0",
    "odc-by-1.0",
    "odbl-1.0",
    "cdla-permissive-2.0",
    "openmdw-1.0",
)
ASKALONO_THRESHOLD = 0.8  # askalono's own "confident" score
Answers = dict[str, tuple[str | None, float, float]]


def _corpus(out: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from osaid.licensing.catalog import default_catalog  # noqa: PLC0415
    from osaid.licensing.names import ResolutionKind, resolve_license  # noqa: PLC0415

    out.mkdir(parents=True, exist_ok=True)
    labels: dict[str, str] = {}

    def put(name: str, text: str, label: str) -> None:
        (out / name).write_text(text, encoding="utf-8")
        labels[name] = label

    apache = (SOURCED / "pythia.LICENSE").read_text(encoding="utf-8")
    llama = (SOURCED / "llama-3.1.LICENSE").read_text(encoding="utf-8")
    aup = (SOURCED / "llama-3.1.USE_POLICY.md").read_text(encoding="utf-8")
    put("real-pythia-apache", apache, "Apache-2.0")
    put("real-apache-no-appendix", apache[: apache.index("   APPENDIX")], "Apache-2.0")
    put("real-llama-3.1", llama, "llama-3.1")
    put("real-llama-3.1-aup", aup, "llama-3.1-aup")
    put("real-llama-3.1-with-aup", llama + "\n\n" + aup, "llama-3.1")
    try:
        import licensedcode  # noqa: PLC0415

        folder = Path(licensedcode.__file__).parent / "data" / "licenses"
    except ImportError:
        folder = None
    if folder is not None:
        db_spdx: dict[str, str] = {}
        for key in OPEN:
            raw = (folder / f"{key}.LICENSE").read_text(encoding="utf-8")
            found = re.search(r"^spdx_license_key: (\S+)$", raw, re.MULTILINE)
            db_spdx[key] = found.group(1) if found else key
            if db_spdx[key].startswith("LicenseRef-scancode-"):  # listed by SPDX since
                spdx = resolve_license(key)
                if spdx.kind is ResolutionKind.SPDX and spdx.expression:
                    db_spdx[key] = spdx.expression
            put(f"scancode-{key}", re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S), db_spdx[key])
        for entry in default_catalog().values():
            for key in entry.scancode_keys:
                file = folder / f"{key}.LICENSE"
                if file.is_file() and entry.spdx_id is None:
                    raw = file.read_text(encoding="utf-8")
                    text = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
                    put(f"scancode-{key}", text, entry.id)
    (out / "labels.json").write_text(json.dumps(labels, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(labels)} texts written to {out}")


def _askalono(texts: dict[str, str]) -> Answers:
    import askalono  # noqa: PLC0415 - pyaskalono

    out = {}
    for name, text in texts.items():
        start = time.perf_counter()
        found = askalono.identify(text)
        took = time.perf_counter() - start
        accepted = found.name if found.score >= ASKALONO_THRESHOLD else None
        out[name] = (accepted, round(found.score * 100, 1), took)
        print(f"  {name}: {found.name} {found.score:.3f}", file=sys.stderr)
    return out


def _osaid(texts: dict[str, str], *, phrases_only: bool) -> Answers:
    sys.path.insert(0, str(ROOT / "src"))
    from osaid.importers.license_text import (  # noqa: PLC0415
        DetectorHit,
        default_detector,
        identify_license_text,
    )

    class Nothing:
        name = "none"

        def detect(self, text: str) -> list[DetectorHit]:
            del text
            return []

        def knows(self, key: str) -> bool:
            del key
            return False

    detector = Nothing() if phrases_only else default_detector()
    if detector is None:
        sys.exit("osaid[licensetext] is not installed")
    out = {}
    for name, text in texts.items():
        start = time.perf_counter()
        found = identify_license_text(text, detector=detector)
        took = time.perf_counter() - start
        labels = [m.catalog_id or m.expression for m in found.matches]
        score = max((m.score for m in found.matches), default=0.0)
        out[name] = ("+".join(labels) if labels else None, score, took)
    return out


def _run(corpus: Path, detector: str) -> None:
    labels: dict[str, str] = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    texts = {name: (corpus / name).read_text(encoding="utf-8") for name in labels}
    start = time.perf_counter()
    if detector == "askalono":
        answers = _askalono(texts)
    else:
        answers = _osaid(texts, phrases_only=detector == "phrases")
    total = time.perf_counter() - start
    right = wrong = none = 0
    for name, label in sorted(labels.items()):
        answer, score, took = answers[name]
        if answer is None:
            none += 1
            verdict = "none"
        elif label.lower() in answer.lower().split("+"):
            right += 1
            verdict = "right"
        else:
            wrong += 1
            verdict = "WRONG"
        print(f"{verdict:5}  {name:45} expected {label:22} got {answer} ({score}, {took:.2f} s)")
    print(
        f"\n{detector}: {right} right, {wrong} wrong, {none} not identified, of {len(labels)}; "
        f"{total:.1f} s in all (first call included)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus")
    corpus.add_argument("folder", type=Path)
    run = commands.add_parser("run")
    run.add_argument("folder", type=Path)
    run.add_argument("--detector", choices=["scancode", "phrases", "askalono"], required=True)
    args = parser.parse_args()
    if args.command == "corpus":
        _corpus(args.folder)
    else:
        _run(args.folder, args.detector)


if __name__ == "__main__":
    main()
