"""License texts identified by ScanCode (the extra) and by the catalog's recorded phrases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osaid.importers.license_text import (
    DETECTOR_MIN_SCORE,
    DetectorHit,
    IdentificationStatus,
    default_detector,
    identify_license_text,
    match_catalog_phrases,
    normalise_text,
)
from osaid.licensing.catalog import EntryKind, default_catalog
from tests.repo_trees import LICENSES, detector_or_skip

APACHE = (LICENSES / "pythia.LICENSE").read_text(encoding="utf-8")
LLAMA = (LICENSES / "llama-3.1.LICENSE").read_text(encoding="utf-8")
AUP = (LICENSES / "llama-3.1.USE_POLICY.md").read_text(encoding="utf-8")


class Silent:
    """A detector that finds nothing: what is left to the catalog phrases."""

    name = "silent 0"

    def detect(self, text: str) -> list[DetectorHit]:
        del text
        return []

    def knows(self, key: str) -> bool:
        del key
        return False


class Fixed(Silent):
    """A detector that reports fixed hits."""

    def __init__(self, *hits: DetectorHit) -> None:
        self.hits = list(hits)

    def detect(self, text: str) -> list[DetectorHit]:
        del text
        return self.hits


# --------------------------------------------------------------------- with ScanCode


@pytest.mark.parametrize(
    ("text", "expression", "catalog_id", "detector"),
    [
        (APACHE, "Apache-2.0", None, "scancode"),
        (LLAMA, "LicenseRef-llama-3.1", "llama-3.1", "scancode"),
        (AUP, None, "llama-3.1-aup", "catalog-phrases"),
    ],
    ids=["apache", "llama-3.1", "llama-3.1-aup"],
)
def test_real_texts(
    text: str, expression: str | None, catalog_id: str | None, detector: str
) -> None:
    detector_or_skip()
    found = identify_license_text(text)
    assert found.status is IdentificationStatus.IDENTIFIED
    assert found.expression == expression
    (match,) = found.matches
    assert match.catalog_id == catalog_id
    assert match.detector == detector
    assert match.score == 100
    assert found.detector is not None
    assert found.detector.startswith("scancode-toolkit ")


def test_the_policy_scancode_reads_weakly_is_left_to_the_phrases() -> None:
    detector_or_skip()
    found = identify_license_text(AUP)
    assert "weaker detections left out" in found.note
    assert found.policies[0].kind is EntryKind.POLICY


def test_a_policy_pasted_below_the_license_keeps_both() -> None:
    detector_or_skip()
    found = identify_license_text(LLAMA + "\n\n" + AUP)
    assert found.expression == "LicenseRef-llama-3.1"
    assert [m.catalog_id for m in found.policies] == ["llama-3.1-aup"]


def _scancode_texts() -> list[tuple[str, str]]:
    """(catalog id, ScanCode key) for every catalog entry whose text ScanCode ships."""
    detector = default_detector()
    if detector is None:
        return []
    import licensedcode

    folder = Path(licensedcode.__file__).parent / "data" / "licenses"
    out = []
    for entry in default_catalog().values():
        for key in entry.scancode_keys:
            if (folder / f"{key}.LICENSE").is_file():
                out.append((entry.id, key))
    return out


def test_every_catalog_license_scancode_ships_maps_back_to_its_entry() -> None:
    """ScanCode's own copy of each text identifies the catalog entry that lists its key."""
    detector_or_skip()
    import licensedcode

    folder = Path(licensedcode.__file__).parent / "data" / "licenses"
    pairs = _scancode_texts()
    assert len(pairs) >= 25
    wrong = []
    for entry_id, key in pairs:
        raw = (folder / f"{key}.LICENSE").read_text(encoding="utf-8")
        text = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.DOTALL)
        found = identify_license_text(text)
        ids = {m.catalog_id for m in found.matches}
        if entry_id not in ids:
            wrong.append((entry_id, key, found.expression, found.note))
    assert wrong == []


def test_plain_prose_is_not_recognised() -> None:
    detector_or_skip()
    found = identify_license_text("This folder holds the weights of a small model.\n")
    assert found.status is IdentificationStatus.NOT_RECOGNISED
    assert found.expression is None


# ------------------------------------------------------------------ without the extra


def test_without_a_detector_nothing_is_identified() -> None:
    found = identify_license_text(LLAMA, detector=None)
    assert found.status is IdentificationStatus.NO_DETECTOR
    assert found.matches == ()
    assert found.expression is None
    assert "pip install 'osaid[licensetext]'" in found.note


def test_the_switch_hides_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OSAID_LICENSE_DETECTOR", "none")
    assert default_detector() is None
    assert identify_license_text(APACHE).status is IdentificationStatus.NO_DETECTOR


def test_an_unknown_detector_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown detector"):
        identify_license_text(APACHE, detector="askalono")


# ----------------------------------------------------------- the detector's results


def test_hits_below_the_threshold_or_unnamed_are_left_out() -> None:
    weak = DetectorHit("Apache-2.0", "apache-2.0", DETECTOR_MIN_SCORE - 1)
    unnamed = DetectorHit("LicenseRef-scancode-unknown", "unknown", 100, unknown=True)
    found = identify_license_text("text", detector=Fixed(weak, unnamed))
    assert found.status is IdentificationStatus.NOT_RECOGNISED
    assert "apache-2.0 (score 79)" in found.note


def test_scancode_keys_become_catalog_refs() -> None:
    hit = DetectorHit("LicenseRef-scancode-llama-2-license-2023", "llama-2-license-2023", 99.5)
    found = identify_license_text("text", detector=Fixed(hit))
    assert found.expression == "LicenseRef-llama-2"
    assert found.matches[0].catalog_id == "llama-2"
    other = DetectorHit("LicenseRef-scancode-not-in-catalog", "not-in-catalog", 100)
    assert identify_license_text("t", detector=Fixed(other)).expression == (
        "LicenseRef-scancode-not-in-catalog"
    )
    newer = DetectorHit("LicenseRef-scancode-openmdw-1.0", "openmdw-1.0", 100)
    assert identify_license_text("t", detector=Fixed(newer)).expression == "OpenMDW-1.0"
    both = DetectorHit("Apache-2.0 AND MIT", "apache-2.0 AND mit", 100)
    assert identify_license_text("t", detector=Fixed(both)).expression == "Apache-2.0 AND MIT"


# ------------------------------------------------------------------ catalog phrases


def test_phrases_tell_the_llama_31_policy_from_the_llama_3_one() -> None:
    """Llama 2, 3 and 3.1 record the same phrase; the text's own title decides."""
    found = identify_license_text(AUP, detector=Silent())
    assert found.status is IdentificationStatus.IDENTIFIED
    (match,) = found.matches
    assert match.catalog_id == "llama-3.1-aup"
    assert match.score == 100
    assert "1 of 1 recorded phrases" in match.detail
    assert "its name" in match.detail
    assert "threshold 50" in match.detail
    ranked = [m.catalog_id for m in match_catalog_phrases(AUP)]
    assert ranked[0] == "llama-3.1-aup"
    assert "llama-3-aup" in ranked[1:]  # the same phrase, but not its name


def test_the_phrase_alone_without_a_name_is_ambiguous() -> None:
    phrase = AUP[AUP.index("Military, warfare") : AUP.index("Department of State") + 19]
    found = identify_license_text(
        f"You agree not to use the model for: {phrase}.", detector=Silent()
    )
    assert found.status is IdentificationStatus.AMBIGUOUS
    assert {"llama-2-aup", "llama-3-aup", "llama-3.1-aup"} <= set(found.candidates)


def test_below_the_threshold_nothing_is_matched() -> None:
    one_of_three = LLAMA[
        LLAMA.index("you must request a license") : LLAMA.index("sole discretion") + 15
    ]
    assert match_catalog_phrases(one_of_three) == []


def test_phrases_survive_reflowing_and_markup() -> None:
    quote = (
        "If you use the Llama Materials or any outputs or results of the Llama Materials to "
        "create, train, fine tune, or otherwise improve an AI model, which is distributed or "
        "made available, you shall also include “Llama” at the beginning of any such AI model "
        "name."
    )
    reflowed = "**" + quote.replace(" ", "\n   ").replace("“", '"').replace("”", '"') + "**"
    assert normalise_text(reflowed) == normalise_text(quote)


@given(st.text(max_size=200))
def test_normalising_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.sampled_from(["\n", "  ", "\t", " \n\n "]))
def test_line_breaks_do_not_change_the_match(gap: str) -> None:
    text = AUP.replace(" ", gap)
    assert [m.catalog_id for m in match_catalog_phrases(text)][:1] == ["llama-3.1-aup"]
