"""Croissant dataset metadata as data information, on real files of the Croissant repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osaid import (
    ComponentKind,
    DataClass,
    DataElement,
    DisclosureState,
    InvalidReleaseError,
    ModelRelease,
    NoteKind,
    Outcome,
    score,
)
from osaid.importers import load
from osaid.importers.croissant import (
    ELEMENT_FIELDS,
    apply_croissant,
    load_croissant,
    read_croissant,
)
from tests.repo_trees import CROISSANT

ELEMENT_RULES = {
    DataElement.DESCRIPTION: "PREF-DATA-INFO-DESCRIPTION",
    DataElement.PROVENANCE: "PREF-DATA-INFO-PROVENANCE",
    DataElement.SCOPE: "PREF-DATA-INFO-SCOPE",
    DataElement.ACQUISITION: "PREF-DATA-INFO-ACQUISITION",
    DataElement.LABELING: "PREF-DATA-INFO-LABELING",
    DataElement.PROCESSING: "PREF-DATA-INFO-PROCESSING",
}


def _release_with(tmp_path: Path, *files: str, extra: dict[str, Any] | None = None) -> Path:
    for name in files:
        (tmp_path / name).write_bytes((CROISSANT / name).read_bytes())
    document = {"name": "Example", "croissant": list(files), **(extra or {})}
    path = tmp_path / "release.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _outcomes(release: ModelRelease) -> dict[str, Outcome]:
    return {
        f.rule_id: f.outcome for f in score(release).findings if f.rule_id.startswith("PREF-DATA")
    }


def test_dices_turns_the_data_information_it_carries_from_unknown_to_met(tmp_path: Path) -> None:
    before = _outcomes(ModelRelease(name="Example"))
    release = load(_release_with(tmp_path, "dices-350.json")).release
    assessment = score(release)
    after = {f.rule_id: f for f in assessment.findings}
    carried = {
        DataElement.DESCRIPTION: "sc:description",
        DataElement.PROVENANCE: "rai:dataCollectionRawData",
        DataElement.SCOPE: "rai:dataBiases",
        DataElement.ACQUISITION: "rai:dataCollection",
        DataElement.LABELING: "rai:dataAnnotationProtocol",
    }
    for element, field in carried.items():
        rule = ELEMENT_RULES[element]
        assert before[rule] is Outcome.UNKNOWN
        finding = after[rule]
        assert finding.outcome is Outcome.MET, finding.message
        evidence = finding.evidence[0]
        assert evidence.url == f"dices-350.json#{field}"
        assert evidence.note is not None
        assert evidence.note.startswith(f"Croissant {field} in dices-350.json")
    # the file has no processing field: that element stays not stated, never "not disclosed"
    assert after["PREF-DATA-INFO-PROCESSING"].outcome is Outcome.UNKNOWN
    # the dataset's location gives the public-data listing
    assert before["PREF-DATA-INFO-PUBLIC-LISTING"] is Outcome.UNKNOWN
    assert after["PREF-DATA-INFO-PUBLIC-LISTING"].outcome is Outcome.MET
    # the data card (the Croissant file) is under the dataset's open license
    terms = [f for f in assessment.findings if f.rule_id == "PREF-DATA-INFO-TERMS"]
    assert [(f.component, f.outcome) for f in terms] == [("data-card", Outcome.MET)]
    dataset = release.training_datasets[0]
    assert dataset.name == "DICES-350_dataset"
    assert dataset.data_class is DataClass.OPEN
    assert dataset.license is not None
    assert dataset.license.expression == "CC-BY-SA-4.0"
    assert dataset.locations == ("https://github.com/google-research-datasets/dices-dataset/",)
    assert any("no sdLicense" in n.message for n in release.import_notes)


def test_a_hub_generated_file_without_license_or_rai_fields_adds_a_dataset_only(
    tmp_path: Path,
) -> None:
    release = load(_release_with(tmp_path, "data-provenance-initiative.json")).release
    (dataset,) = release.training_datasets
    assert dataset.data_class is DataClass.PUBLIC
    assert dataset.license is None
    for element in ELEMENT_FIELDS:
        assert release.data_information.get(element).state is DisclosureState.NOT_STATED
    card = release.component(ComponentKind.DATA_CARD)
    assert card is not None
    assert card.license is None
    # the Hub's truncated summary is not taken as a description
    assert dataset.description is not None
    unmapped = [n.message for n in release.import_notes if n.kind is NoteKind.UNMAPPED]
    assert any("sc:keywords" in m for m in unmapped)


def test_gpt3_unknown_license_sd_license_and_old_namespace(tmp_path: Path) -> None:
    item = load_croissant(CROISSANT / "gpt-3.json", where="gpt-3.json")
    assert item.licenses == ("unknown",)
    assert item.sd_license == "https://www.apache.org/licenses/LICENSE-2.0"
    release = load(_release_with(tmp_path, "gpt-3.json")).release
    assert release.training_datasets[0].license is None
    card = release.component(ComponentKind.DATA_CARD)
    assert card is not None
    assert card.license is not None
    assert card.license.expression == "Apache-2.0"
    notes = [n.message for n in release.import_notes]
    assert any("license 'unknown' says nothing" in m for m in notes)
    assert any("read as Apache-2.0" in m for m in notes)


def test_a_field_missing_from_one_file_leaves_the_element_not_stated(tmp_path: Path) -> None:
    release = load(_release_with(tmp_path, "dices-350.json", "gpt-3.json")).release
    assert release.data_information.description.state is DisclosureState.DISCLOSED
    assert release.data_information.acquisition.state is DisclosureState.NOT_STATED
    assert any(
        "for some training datasets only" in n.message and "gpt-3" in n.message
        for n in release.import_notes
    )
    assert len(release.training_datasets) == 2


def test_declared_facts_win_over_croissant(tmp_path: Path) -> None:
    extra = {
        "data_information": {"acquisition": {"state": "partial", "note": "as declared"}},
        "training_datasets": [{"name": "DICES-350_dataset", "data_class": "unshareable"}],
    }
    release = load(_release_with(tmp_path, "dices-350.json", extra=extra)).release
    assert release.data_information.acquisition.state is DisclosureState.PARTIAL
    assert release.data_information.acquisition.note == "as declared"
    assert [d.data_class for d in release.training_datasets] == [DataClass.UNSHAREABLE]


def test_applying_twice_changes_nothing_more(tmp_path: Path) -> None:
    item = load_croissant(CROISSANT / "dices-350.json", where="dices-350.json")
    once = apply_croissant(ModelRelease(name="X"), [item])
    twice = apply_croissant(once, [item])
    assert twice.training_datasets == once.training_datasets
    assert twice.data_information == once.data_information
    card = twice.component(ComponentKind.DATA_CARD)
    assert card is not None
    assert card.locations == ("dices-350.json",)


@pytest.mark.parametrize(
    "key",
    [
        "rai:dataCollection",
        "http://mlcommons.org/croissant/RAI/dataCollection",
        "dataCollection",
        "cr:dataCollection",
    ],
)
def test_keys_are_read_compact_prefixed_or_expanded(key: str) -> None:
    context = {
        "@vocab": "https://schema.org/",
        "rai": "http://mlcommons.org/croissant/RAI/",
        "cr": "http://mlcommons.org/croissant/",
        "dataCollection": {"@id": "rai:dataCollection"},
    }
    document = {"@context": context, "@type": "sc:Dataset", "name": "d", key: "by survey"}
    item = read_croissant(document, where="x.json")
    assert item.fields["rai:dataCollection"] == "by survey"


@given(
    key=st.sampled_from(["sc:license", "license", "https://schema.org/license", "schema:license"]),
    value=st.text(min_size=1, max_size=40).filter(lambda t: t.strip() != ""),
)
def test_every_form_of_a_key_reads_the_same_value(key: str, value: str) -> None:
    document = {"@type": "Dataset", "name": "d", key: value}
    assert read_croissant(document, where="x").licenses == (value.strip(),)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ([], "JSON object"),
        ({"@type": "sc:Person", "name": "x"}, "expected a Croissant dataset"),
        ({"@type": "sc:Dataset"}, "needs a name"),
        ({"@type": "sc:Dataset", "name": "x", "license": 3.5j}, "unexpected complex"),
    ],
)
def test_bad_croissant_documents(document: Any, problem: str) -> None:
    with pytest.raises(InvalidReleaseError, match=problem):
        read_croissant(document, where="x.json")


def test_unreadable_croissant_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InvalidReleaseError, match="not valid JSON"):
        load_croissant(bad)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe{")
    with pytest.raises(InvalidReleaseError, match="not UTF-8"):
        load_croissant(binary)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
        ("https://creativecommons.org/licenses/by-nc-sa/4.0/", "CC-BY-NC-SA-4.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("https://spdx.org/licenses/MIT.html", "MIT"),
        ("https://opendatacommons.org/licenses/by/1-0/", "ODC-By-1.0"),
        ("https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0"),
        ("https://creativecommons.org/licenses/by/3.0/de/", "CC-BY-3.0-DE"),
        ("creativecommons.org/licenses/by-sa/4.0", "CC-BY-SA-4.0"),
        ("https://cdla.dev/permissive-2-0/", "CDLA-Permissive-2.0"),
    ],
)
def test_license_urls(url: str, expected: str) -> None:
    document = {"@type": "sc:Dataset", "name": "d", "license": url, "distribution": []}
    release = apply_croissant(ModelRelease(name="X"), [read_croissant(document, where="d.json")])
    terms = release.training_datasets[0].license
    assert terms is not None
    assert terms.expression == expected
