"""Past one machine: the Dask and Hugging Face ``datasets`` recipes give the batch's verdicts.

Both run on small local data (Dask's local scheduler; a local parquet file of model cards
in the shape of the public dumps of Hub cards: ``modelId`` and ``card`` columns).
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

import osaid
from osaid.batch import CARD_COLUMNS, score_cards, score_lines, score_many

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NAMES = ("olmo-1", "grok-2.5", "smollm2", "pythia", "gpt-4", "llama-3.2-vision")


def _write_lines(folder: Path, parts: int = 3) -> list[str]:
    lines = [osaid.load_bundled(name).model_dump_json() for name in NAMES]
    for part in range(parts):
        chunk = lines[part::parts]
        (folder / f"releases-{part}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return lines


def test_dask_bag_over_json_lines_partitions(tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    lines = _write_lines(tmp_path)
    bag = db.read_text(str(tmp_path / "releases-*.jsonl"))
    records = bag.map_partitions(score_lines, findings="none").compute(scheduler="processes")
    by_name = {json.loads(r)["release"]["name"]: json.loads(r)["verdict"] for r in records}
    plain = {
        r.release.name: r.verdict.value
        for r in score_many(lines, findings="none")
        if r.release is not None and r.verdict is not None
    }
    assert by_name == plain
    assert len(records) == len(NAMES)


def _cards() -> tuple[list[str], list[str]]:
    ids, cards = [], []
    for folder in sorted(FIXTURES.glob("hf_*")):
        ids.append(f"example/{folder.name}")
        cards.append((folder / "README.md").read_text(encoding="utf-8"))
    ids.append("example/broken")
    cards.append("a card with no front matter")
    return ids, cards


def test_datasets_map_over_a_parquet_dump_of_model_cards(tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    ids, cards = _cards()
    path = tmp_path / "cards.parquet"
    pq.write_table(pa.table({"modelId": ids, "card": cards}), path)
    ds = datasets.load_dataset(
        "parquet", data_files=str(path), split="train", cache_dir=str(tmp_path / "cache")
    )
    scored = ds.map(partial(score_cards), batched=True, batch_size=2, num_proc=2)
    assert set(CARD_COLUMNS) <= set(scored.column_names)
    expected = score_cards({"modelId": ids, "card": cards})
    assert scored["verdict"] == expected["verdict"]
    assert scored["error"][-1] is not None
    assert scored["verdict"][-1] is None
