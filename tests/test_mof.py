"""The MOF lens reproduces MOT's classes and progress figures."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import osaid
from osaid.importers import import_mot, load
from osaid.mof import (
    MOF_COMPONENTS,
    MofClass,
    MofComponentStatus,
    MofReading,
    is_mof_open,
    mof_class,
)
from osaid.release import Availability, Component, ComponentKind, LicenseTerms

from .builders import full_release

DATA = Path(__file__).resolve().parent / "data" / "mot_fixtures.json"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "mot" / "models"
FIXTURES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["fixtures"]


def _mot_document(fixture: dict[str, Any]) -> dict[str, Any]:
    return {
        "framework": {"name": "Model Openness Framework", "version": "1.0"},
        "release": {
            "name": fixture["name"],
            "producer": "MOT test data",
            "license": {key: {"name": value} for key, value in fixture["licenses"].items()},
            "components": fixture["components"],
        },
    }


@pytest.mark.parametrize("reading", list(MofReading))
@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["name"][:40] for f in FIXTURES])
def test_every_mot_fixture_is_reproduced(fixture: dict[str, Any], reading: MofReading) -> None:
    release = import_mot(_mot_document(fixture)).release
    result = mof_class(release, reading=reading)
    assert int(result.mof_class) == fixture["class"]
    for level in (1, 2, 3):
        assert result.progress_of(level) == pytest.approx(fixture["progress"][str(level)])


def test_the_fixtures_cover_every_class_and_the_substitution() -> None:
    classes = Counter(f["class"] for f in FIXTURES)
    assert set(classes) == {0, 1, 2, 3}
    with_paper_only = [
        f
        for f in FIXTURES
        if any(c["name"] == "Research paper" for c in f["components"])
        and not any(c["name"] == "Technical report" for c in f["components"])
    ]
    assert with_paper_only


def test_seventeen_components_and_cumulative_counts() -> None:
    assert len(MOF_COMPONENTS) == 17
    assert len({c.kind for c in MOF_COMPONENTS}) == 17
    required = Counter(c.mof_class for c in MOF_COMPONENTS if c.required)
    assert (required[3], required[3] + required[2], sum(required.values())) == (6, 10, 14)


def test_open_licenses_as_mot_counts_them() -> None:
    assert is_mof_open("Apache-2.0")
    assert is_mof_open("GPL-3.0-only")
    assert is_mof_open("CC-BY-4.0")
    assert is_mof_open("ODC-By-1.0")
    assert is_mof_open("OpenMDW-1.0")
    assert is_mof_open("GFDL-1.3-only")  # FSF-libre, not OSI
    assert not is_mof_open("CC-BY-NC-4.0")
    assert not is_mof_open("PDDL-1.0")  # MOT spells it ODC-PDDL-1.0
    assert not is_mof_open("apache-2.0")  # exact spelling


def _with(kind: ComponentKind, expression: str | None, *, name: str | None = None) -> Any:
    release = full_release()
    terms = (
        None
        if expression is None and name is None
        else LicenseTerms(expression=expression, name=name)
    )
    others = [c for c in release.components if c.kind is not kind]
    component = Component(kind=kind, availability=Availability.PUBLIC, license=terms)
    return release.model_copy(update={"components": (*others, component), "license": None})


def test_statuses_follow_the_terms() -> None:
    k = ComponentKind.PARAMETERS_FINAL
    row = {r.component: r for r in mof_class(_with(k, "MIT OR CC-BY-NC-4.0")).components}
    assert row[k].status is MofComponentStatus.INCLUDED
    row = {r.component: r for r in mof_class(_with(k, "MIT AND CC-BY-NC-4.0")).components}
    assert row[k].status is MofComponentStatus.INVALID
    row = {r.component: r for r in mof_class(_with(k, "NONE")).components}
    assert row[k].status is MofComponentStatus.UNLICENSED
    row = {r.component: r for r in mof_class(_with(k, None)).components}
    assert row[k].status is MofComponentStatus.UNLICENSED
    row = {r.component: r for r in mof_class(_with(k, "LicenseRef-llama-3.1")).components}
    assert row[k].status is MofComponentStatus.INVALID


def test_the_mot_reading_matches_the_string_as_written() -> None:
    k = ComponentKind.ARCHITECTURE_CODE
    release = _with(k, "Apache-2.0", name="Apache 2.0")
    default = {r.component: r for r in mof_class(release).components}
    strict = {r.component: r for r in mof_class(release, reading="mot").components}
    assert default[k].status is MofComponentStatus.INCLUDED
    assert strict[k].status is MofComponentStatus.INVALID
    assert strict[k].license == "Apache 2.0"


def test_type_appropriate_warning_never_changes_the_class() -> None:
    release = _with(ComponentKind.PARAMETERS_FINAL, "Apache-2.0")
    result = mof_class(release)
    row = next(r for r in result.components if r.component is ComponentKind.PARAMETERS_FINAL)
    assert row.type_appropriate is False  # weights are 'data' to MOF
    assert any("Model parameters (Final)" in w for w in result.warnings)


def test_a_release_conforming_to_osaid_need_not_have_a_mof_class() -> None:
    # MOF also requires evaluation results and data, which OSAID does not; osaid's Pythia
    # record does not list them, so it is unclassified while it is Open Source AI.
    pythia = osaid.load_bundled("pythia")
    result = mof_class(pythia)
    assert osaid.score(pythia).verdict is osaid.Verdict.OPEN_SOURCE_AI
    assert result.mof_class is MofClass.UNCLASSIFIED
    missing = result.progress[0].missing
    assert ComponentKind.EVALUATION_RESULTS in missing


def test_a_mot_class_i_record_is_class_i() -> None:
    document: dict[str, Any] = {
        "framework": {"name": "Model Openness Framework", "version": "1.0"},
        "release": {
            "name": "Open Everything",
            "producer": "Example",
            "license": {"distribution": {"name": "Apache-2.0"}, "document": {"name": "CC-BY-4.0"}},
            "components": [{"name": c.name} for c in MOF_COMPONENTS if c.required],
        },
    }
    result = mof_class(import_mot(document).release)
    assert result.mof_class is MofClass.CLASS_I
    assert [p.progress for p in result.progress] == [100.0, 100.0, 100.0]
    document["release"]["components"] = [
        c for c in document["release"]["components"] if c["name"] != "Datasets"
    ]
    result = mof_class(import_mot(document).release)
    assert result.mof_class is MofClass.CLASS_II
    assert result.progress_of(1) == pytest.approx(13 / 14 * 100)


def test_bundled_releases_carry_their_class_in_the_assessment() -> None:
    assert mof_class(osaid.load_bundled("grok-2.5")).mof_class is MofClass.UNCLASSIFIED
    assessment = osaid.score(osaid.load_bundled("olmo-1"))
    assert assessment.mof == mof_class(osaid.load_bundled("olmo-1"))
    assert assessment.mof.label == assessment.mof.mof_class.label


@pytest.mark.corpus
def test_the_corpus_reproduces_mots_class_counts() -> None:
    if not CORPUS.exists():
        pytest.skip("the shared MOT corpus is not beside the project")
    counts: dict[MofReading, Counter[int]] = {r: Counter() for r in MofReading}
    differing = set()
    for path in sorted(CORPUS.glob("*.yml")):
        release = load(path).release
        results = {r: mof_class(release, reading=r) for r in MofReading}
        for reading, result in results.items():
            counts[reading][int(result.mof_class)] += 1
        # The readings may differ in progress (spellings), never in class on this corpus.
        assert results[MofReading.OSAID].mof_class == results[MofReading.MOT].mof_class, path
        if results[MofReading.OSAID].progress != results[MofReading.MOT].progress:
            differing.add(path.stem)
    for reading in MofReading:
        assert counts[reading] == Counter({0: 242, 1: 14, 2: 1, 3: 16}), reading
    # docs/peers.md lists every record whose progress the two readings disagree on.
    peers = (Path(__file__).resolve().parent.parent / "docs" / "peers.md").read_text("utf-8")
    section = peers.split("## The MOF class, computed by osaid", 1)[1]
    listed = {line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| ")}
    listed -= {"MOT record", "---"}
    assert listed == differing
