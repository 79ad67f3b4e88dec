"""Restate MOT's evaluator fixtures as osaid's own test data.

Usage::

    python tasks/restate_mot_fixtures.py ../shared/corpora/mot/test_data

MOT (github:lfai/model_openness_tool, ``Test_Data/``) ships 27 synthetic records and the
class and per-class progress its evaluator gives each (``expected_results.json``). This
script keeps only the facts the MOF lens reads (each record's global licenses, its
components and their licenses) and the expected figures, and writes them to
``tests/data/mot_fixtures.json``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "tests" / "data" / "mot_fixtures.json"
SOURCE = (
    "github:lfai/model_openness_tool Test_Data/expected_results.json at commit "
    "8b5d30e90a7c62d7d6ece48b91e69ff495920a4d"
)


def restate(folder: Path) -> dict[str, object]:
    """The fixtures' facts and expected results."""
    text = (folder / "expected_results.json").read_text(encoding="utf-8")
    data = json.loads(re.sub(r",(\s*[}\]])", r"\1", text))  # MOT's dump has trailing commas
    models = dict(data)["models"]
    out = []
    for model in sorted(models, key=lambda m: m["release"]["name"]):
        release = model["release"]
        licenses = {
            key: value["name"]
            for key, value in (release.get("license") or {}).items()
            if isinstance(value, dict) and value.get("name")
        }
        components = []
        for item in release.get("components", []):
            entry = {"name": item["name"]}
            if "license" in item:
                entry["license"] = item["license"]
            components.append(entry)
        classification = model["classification"]
        out.append(
            {
                "name": release["name"],
                "licenses": licenses,
                "components": components,
                "class": classification["class"],
                "progress": {k: round(float(v), 6) for k, v in classification["progress"].items()},
            }
        )
    return {"source": SOURCE, "fixtures": out}


def main(argv: list[str]) -> int:
    """Write the restated fixtures."""
    if len(argv) != 2:
        sys.stderr.write(__doc__ or "")
        return 2
    result = restate(Path(argv[1]))
    TARGET.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET} ({len(result['fixtures'])} fixtures)\n")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
