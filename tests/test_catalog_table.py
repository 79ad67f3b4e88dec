"""Every catalogued license: the OSD criteria and freedoms its blocking clauses yield.

The expectations restate osaid's reading of each text (see docs/catalog.md). Where they
differ from the research table they were checked against, the reason is recorded in the
catalog entry's notes and on the catalog issue.
"""

from __future__ import annotations

import pytest

from osaid.analysis import TermsStatus, license_profile
from osaid.licensing.catalog import default_catalog
from osaid.licensing.clauses import Severity
from osaid.licensing.names import ResolutionKind, resolve_hf_license, resolve_license
from osaid.policy import DEFAULT
from osaid.release import Group

U, S, M, H = "use", "study", "modify", "share"
UMS = {U, M, H}

EXPECTED: list[tuple[str, str | None, set[int], set[str]]] = [
    ("grok-2-community", "2025-08-23", {5, 6, 7}, UMS),
    ("grok-2-community", "2025-08-23+d60cbe2", {3, 6, 7}, UMS),
    ("grok-2-community", "2025-11-04", {3, 6, 7}, UMS),
    ("llama-1", None, {1, 3, 5, 6, 7}, UMS),
    ("llama-2", None, {5, 6, 7}, UMS),
    ("llama-3", None, {5, 6, 7}, UMS),
    ("llama-3.1", None, {5, 6, 7}, UMS),
    ("llama-3.2", None, {3, 5, 6, 7}, UMS),
    ("llama-3.3", None, {3, 5, 6, 7}, UMS),
    ("llama-4", None, {3, 5, 6, 7}, UMS),
    ("gemma", None, {3, 6, 7}, UMS),
    ("bigscience-rail-1.0", None, {6, 7}, UMS),
    ("bigscience-openrail-m", None, {6, 7}, UMS),
    ("bigcode-openrail-m", None, {6, 7}, UMS),
    ("creativeml-openrail-m", None, {6, 7}, UMS),
    ("creativeml-openrail-plusplus-m", None, {6, 7}, UMS),
    ("openrail", None, {6}, UMS),
    ("mistral-mrl", None, {1, 5, 6, 7}, UMS),
    ("mistral-mnpl", None, {1, 6, 7}, UMS),
    ("falcon-180b-tii", None, {6, 7}, UMS),
    ("falcon-2-tii", None, {6, 7}, UMS),
    ("stability-ai-community", None, {5, 6, 7}, UMS),
    ("tongyi-qianwen", None, {5, 6, 7}, UMS),
    ("qwen", None, {5, 7}, {U, H}),
    ("qwen-research", None, {1, 6, 7}, UMS),
    ("deepseek-license", None, {6, 7}, UMS),
    ("yi-license", "1.0", {1, 6, 7}, UMS),
    ("yi-license", "2.1", {6, 7}, UMS),
    ("microsoft-research-license", None, {1, 2, 3, 6}, {U, S, M, H}),
    ("nvidia-open-model", "2024-06-14", {7}, UMS),
    ("nvidia-open-model", "2025-04-28", {3, 6, 7}, UMS),
    ("nvidia-open-model", "2025-10-24", {3, 6, 7}, UMS),
    ("apple-sample-code", None, set(), set()),
    ("apple-amlr", None, {1, 6, 7}, UMS),
    ("cc-by-nc-4.0", None, {1, 6}, UMS),
    ("cc-by-nc-sa-4.0", None, {1, 6}, UMS),
    ("cc-by-nd-4.0", None, {3}, {H}),
    ("cc-by-nc-nd-4.0", None, {1, 3, 6}, UMS),
    ("ai2-impact-lr", None, {6}, UMS),
    ("ai2-impact-mr", None, {1, 5, 6, 7}, UMS),
    ("ai2-impact-hr", None, {1, 5, 6, 7}, UMS),
    ("arxiv-nonexclusive-distrib", None, {1, 3}, {M, H}),
    ("gpt-oss-usage-policy", None, set(), set()),
]


@pytest.mark.parametrize(("entry_id", "version", "osd", "freedoms"), EXPECTED)
def test_criteria_and_freedoms(
    entry_id: str, version: str | None, osd: set[int], freedoms: set[str]
) -> None:
    entry = default_catalog().get_entry(entry_id)
    profile = license_profile(entry, version=version, policy=DEFAULT)
    assert {int(c) for c in profile.osd} == osd
    assert {f.value for f in profile.freedoms} == freedoms
    expected = TermsStatus.ACCEPTED if entry_id == "gpt-oss-usage-policy" else TermsStatus.REJECTED
    wanted = {Group.PARAMETERS: expected, Group.CODE: expected, Group.DATA_INFORMATION: expected}
    wanted.update(GROUP_STATUS.get(entry_id, {}))
    assert profile.status == wanted


_A, _U = TermsStatus.ACCEPTED, TermsStatus.UNKNOWN
GROUP_STATUS: dict[str, dict[Group, TermsStatus]] = {
    # RAIL licenses grant their Complementary Material (code and documentation) plainly;
    # the use restrictions bind the Model. Code still needs an OSI-approved license.
    "bigscience-rail-1.0": {Group.DATA_INFORMATION: _A},
    "bigscience-openrail-m": {Group.DATA_INFORMATION: _A},
    "creativeml-openrail-m": {Group.DATA_INFORMATION: _A},
    "creativeml-openrail-plusplus-m": {Group.DATA_INFORMATION: _A},
    "deepseek-license": {Group.DATA_INFORMATION: _A},
    # "Explanatory documentation is not licensed under this license."
    "bigcode-openrail-m": {Group.DATA_INFORMATION: _U},
    # ImpACT artifacts are data and models, "excluding Code".
    "ai2-impact-lr": {Group.CODE: _U},
    "ai2-impact-mr": {Group.CODE: _U},
    "ai2-impact-hr": {Group.CODE: _U},
}
"""Groups whose status differs from the rest because of the materials the text covers."""


def test_every_license_in_the_issue_is_catalogued() -> None:
    catalog = default_catalog()
    licenses = {e for e, *_ in EXPECTED}
    policies = {
        "xai-aup", "llama-2-aup", "llama-3-aup", "llama-3.1-aup", "llama-3.2-aup",
        "llama-3.3-aup", "llama-4-aup", "gemma-prohibited-use-policy", "falcon-aup",
        "stability-aup",
    }  # fmt: skip
    assert licenses | policies == set(catalog)


def test_every_entry_is_sourced_and_every_clause_typed() -> None:
    for entry in default_catalog().values():
        for text in entry.versions:
            assert text.url.startswith("http"), (entry.id, text.version)
            assert text.sources, (entry.id, text.version)
            for clause in text.clauses:
                if not clause.osd:
                    assert clause.severity is Severity.ADVISORY or not clause.restrictive, (
                        entry.id,
                        clause,
                    )
                if clause.severity is Severity.BLOCKING:
                    assert clause.osd, (entry.id, clause)


def test_every_name_resolves_to_its_entry() -> None:
    catalog = default_catalog()
    for entry in catalog.values():
        names = [entry.id, entry.licenseref, *entry.aliases, *entry.hf_ids]
        names += [f"LicenseRef-scancode-{k}" for k in entry.scancode_keys]
        for name in names:
            found = resolve_license(name)
            assert found.entry is not None, (entry.id, name)
            assert found.entry.id == entry.id, (entry.id, name)
        for hf_id in entry.hf_ids:
            assert resolve_hf_license(hf_id).entry == entry
            assert resolve_hf_license("other", license_name=hf_id).entry == entry


@pytest.mark.parametrize(
    ("hf_id", "entry_id"),
    [
        ("llama2", "llama-2"), ("llama3", "llama-3"), ("llama3.1", "llama-3.1"),
        ("llama3.2", "llama-3.2"), ("llama3.3", "llama-3.3"), ("llama4", "llama-4"),
        ("gemma", "gemma"), ("bigscience-bloom-rail-1.0", "bigscience-rail-1.0"),
        ("bigscience-openrail-m", "bigscience-openrail-m"),
        ("openrail++", "creativeml-openrail-plusplus-m"),
        ("creativeml-openrail-m", "creativeml-openrail-m"),
        ("bigcode-openrail-m", "bigcode-openrail-m"),
        ("openrail", "openrail"), ("grok2-community", "grok-2-community"),
        ("apple-ascl", "apple-sample-code"),
        ("apple-amlr", "apple-amlr"), ("cc-by-nc-4.0", "cc-by-nc-4.0"), ("mrl", "mistral-mrl"),
        ("mnpl", "mistral-mnpl"), ("qwen", "qwen"), ("qwen-research", "qwen-research"),
        ("tongyi-qianwen", "tongyi-qianwen"), ("deepseek", "deepseek-license"),
        ("yi-license", "yi-license"), ("nvidia-open-model-license", "nvidia-open-model"),
        ("microsoft-research-license", "microsoft-research-license"),
    ],
)  # fmt: skip
def test_hugging_face_license_ids(hf_id: str, entry_id: str) -> None:
    found = resolve_hf_license(hf_id)
    assert found.entry is not None
    assert found.entry.id == entry_id


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("Gemma Terms of Use", "gemma"),
        ("Llama 2 Community License", "llama-2"),
        ("Meta Llama 3 Community License Agreement", "llama-3"),
        ("Llama 3 Community License", "llama-3"),
        ("Llama 3.1 Community License", "llama-3.1"),
        ("Llama 3.2 Community License", "llama-3.2"),
        ("OpenRAIL", "openrail"),
        ("apple-sample-code-license", "apple-sample-code"),
        ("DeepSeek License Agreement", "deepseek-license"),
        ("Qwen License Agreement", "qwen"),
        ("BigCode OpenRAIL-M v1 license agreement", "bigcode-openrail-m"),
        ("NVIDIA Open Model License", "nvidia-open-model"),
        ("Falcon-180B TII License", "falcon-180b-tii"),
        ("TII Falcon License 2.0", "falcon-2-tii"),
        ("BigScience-BLOOM-RAIL-1.0", "bigscience-rail-1.0"),
        ("Creative Commons Attribution Non Commercial Share Alike 4.0", "cc-by-nc-sa-4.0"),
        ("LicenseRef-scancode-llama-2-license-2023", "llama-2"),
    ],
)
def test_spellings_from_model_records(text: str, entry_id: str) -> None:
    found = resolve_license(text)
    assert found.entry is not None, text
    assert found.entry.id == entry_id


@pytest.mark.parametrize("expression", ["Apache-2.0", "MIT"])
def test_permissive_releases_yield_nothing(expression: str) -> None:
    # Grok-1 (Apache-2.0) and gpt-oss (Apache-2.0 plus a law-only usage policy).
    from osaid.analysis import analyse_terms
    from osaid.release import AdditionalTerms, LicenseTerms

    for extra in ((), (AdditionalTerms(name="gpt-oss usage policy", ref="gpt-oss-usage-policy"),)):
        terms = LicenseTerms(expression=expression, additional_terms=extra)
        analysis = analyse_terms(terms, group=Group.PARAMETERS, policy=DEFAULT)
        assert analysis.status is TermsStatus.ACCEPTED
        assert analysis.osd == ()
        assert analysis.freedoms == ()
        assert not analysis.restrictive_clauses


def test_llama_output_clause_changed_between_3_and_3_1() -> None:
    catalog = default_catalog()

    def kinds(entry_id: str) -> set[str]:
        entry = catalog.get_entry(entry_id)
        return {item.clause.kind.value for item in catalog.clauses(entry, entry.latest)}

    assert "no-training-other-models" in kinds("llama-3")
    assert "no-training-other-models" not in kinds("llama-3.1")
    assert "naming-branding" in kinds("llama-3.1")


def test_eu_clause_applies_only_to_multimodal_models() -> None:
    entry = default_catalog().get_entry("llama-3.2")
    vision = license_profile(entry, policy=DEFAULT, multimodal=True)
    text = license_profile(entry, policy=DEFAULT, multimodal=False)
    territorial = [r for r in vision.clauses if r.clause.kind.value == "territorial"]
    assert territorial
    assert not [r for r in text.clauses if r.clause.kind.value == "territorial"]
    unknown = license_profile(entry, policy=DEFAULT, multimodal=None)
    assert any(r.conditional for r in unknown.clauses)


def test_old_creative_commons_versions_judged_by_their_family() -> None:
    from osaid.analysis import analyse_terms
    from osaid.release import LicenseTerms

    analysis = analyse_terms(
        LicenseTerms(expression="CC-BY-NC-SA-3.0"), group=Group.PARAMETERS, policy=DEFAULT
    )
    assert analysis.status is TermsStatus.REJECTED
    assert {int(c) for c in analysis.osd} == {1, 6}
    assert any("same license family" in note for note in analysis.notes)


def test_unknown_stays_unknown() -> None:
    assert resolve_license("Databricks Open Model License").kind is ResolutionKind.UNKNOWN


def test_every_clause_states_the_materials_it_binds() -> None:
    # The default is "all"; the bundled catalog states it for every clause, so that each
    # scope is a decision read off the text rather than a default.
    import json
    from importlib import resources

    folder = resources.files("osaid") / "data" / "licenses"
    for item in folder.iterdir():
        if not item.name.endswith(".json"):
            continue
        data = json.loads(item.read_text(encoding="utf-8"))
        for text in data["versions"]:
            for clause in text.get("clauses", []):
                assert clause.get("materials"), (item.name, text["version"], clause["kind"])


def test_every_litigation_clause_is_compared_with_the_precedents() -> None:
    for entry in default_catalog().values():
        for text in entry.versions:
            for clause in text.clauses:
                if clause.kind.value == "litigation-termination":
                    assert clause.broader_than_precedent is not None, (entry.id, text.version)
