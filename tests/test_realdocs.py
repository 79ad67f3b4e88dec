"""Real public documents nobody here wrote, in every format osaid reads: the verdict and
the top reasons osaid must give for each, with the reasoning under OSAID 1.0.

The documents are in ``tests/realdocs`` (sources in its ``SOURCES.md``). Each row pins
what the document itself decides: a verdict is ``not-open-source-ai`` only when the
document's own fields say enough (a license, a gate, a component marked not included),
and ``insufficient-information`` when they do not; ``reasons`` are rule ids that must be
among the blocking findings (own or inherited), or for an undecided verdict among the
undecided ones. Licenses named only in a card's prose are noted, never judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from osaid import InvalidReleaseError, Verdict, score
from osaid.importers import ImportResult, load
from osaid.release import ComponentKind, NoteKind

ROOT = Path(__file__).parent / "realdocs"
NOT, INSUF = Verdict.NOT_OPEN_SOURCE_AI, Verdict.INSUFFICIENT_INFORMATION


@dataclass(frozen=True)
class Doc:
    path: str
    verdict: Verdict | None
    """None: the document is refused with an input error."""
    reasons: frozenset[str]
    why: str
    error: str = ""


def doc(path: str, verdict: Verdict | None, reasons: str, why: str, error: str = "") -> Doc:
    return Doc(path, verdict, frozenset(reasons.split()), why, error)


TRAINING_UNSTATED = "PREF-CODE-TRAINING PREF-DATA-INFO-DESCRIPTION"

DOCS = [
    # --- Hugging Face cards ---------------------------------------------------------------
    doc("hf/EleutherAI__pythia-6.9b.md", INSUF, TRAINING_UNSTATED,
        "Apache-2.0 weights and a public dataset, but a card cannot say whether training code "
        "and data information are released."),
    doc("hf/HuggingFaceTB__SmolLM-135M.md", INSUF, TRAINING_UNSTATED,
        "Apache-2.0 weights; code and data information not stated by the card."),
    doc("hf/LLM360__Amber.md", INSUF, TRAINING_UNSTATED,
        "Apache-2.0; the repositories it links in prose are not fields a card has."),
    doc("hf/MaziyarPanahi__Llama-3.1-8B-RainbowLight-EtherealMix-GGUF.md", INSUF,
        "PREF-PARAMS-TERMS PREF-DERIVATIVE-BASE",
        "No license key; a quantized copy (quantized_by) of a merge osaid does not know, so "
        "neither its own terms nor its base's are stated."),
    doc("hf/OpenPipe__mistral-ft-optimized-1227.md", INSUF,
        "PREF-DERIVATIVE-BASE PREF-CODE-TRAINING",
        "Apache-2.0 merge of four fine-tunes unknown to osaid."),
    doc("hf/Q-bert__Merged-AGI-7B.md", NOT, "PREF-PARAMS-TERMS FREEDOM-USE",
        "CC-BY-NC-4.0 on the weights: non-commercial only (OSD 1, 6)."),
    doc("hf/Qwen__Qwen1.5-7B.md", NOT, "PREF-PARAMS-TERMS FREEDOM-USE",
        "license_name tongyi-qianwen: a 100M-user threshold and a ban on improving other "
        "models (OSD 5, 6, 7)."),
    doc("hf/Reiterate3680__mini-magnum-12b-v1.1-GGUF.md", INSUF, "PREF-PARAMS-TERMS",
        "license: other with no name or link: the terms are unknown, kept as written."),
    doc("hf/TinyLlama__TinyLlama-1.1B-intermediate-step-1431k-3T.md", INSUF, TRAINING_UNSTATED,
        "Apache-2.0 with public datasets; code and data information not stated."),
    doc("hf/Yhyu13__LMCocktail-phi-2-v1.md", INSUF, "PREF-PARAMS-TERMS",
        "The license keys are written '-license', '-license_name': the Hub reads no license "
        "from them and neither does osaid (each is noted with 'did you mean')."),
    doc("hf/allenai__OLMo-7B.md", INSUF, TRAINING_UNSTATED,
        "Apache-2.0 and Dolma; the code and data information OLMo publishes are not card "
        "fields."),
    doc("hf/bartowski__gemma-2-2b-it-GGUF.md", NOT, "PREF-PARAMS-TERMS FREEDOM-USE",
        "license: gemma: the incorporated prohibited-use policy and remote restriction "
        "(OSD 6, 7); the gate itself says requests are processed immediately."),
    doc("hf/brucethemoose__Capybara-Tess-Yi-34B-200K-DARE-Ties.md", NOT,
        "PREF-PARAMS-TERMS FREEDOM-USE", "license_name yi-license (OSD 6, 7)."),
    doc("hf/deepseek-ai__deepseek-llm-7b-base.md", NOT, "PREF-PARAMS-TERMS FREEDOM-USE",
        "license_name deepseek: use restrictions that flow down (OSD 6, 7)."),
    doc("hf/meta-llama__Llama-2-7b-hf.md", NOT, "FREEDOM-USE",
        "No license key (the Llama 2 license is named only in prose, noted), but the gate text "
        "says requests are processed in 1-2 days and will not be approved without a Meta "
        "grant: access needs the publisher's approval."),
    doc("hf/meta-llama__Meta-Llama-3-8B.md", NOT, "PREF-PARAMS-TERMS FREEDOM-USE",
        "license_name llama3: 700M-user threshold and acceptable-use policy (OSD 5, 6, 7)."),
    doc("hf/michaelfeil__ct2fast-falcon-7b-instruct.md", INSUF, TRAINING_UNSTATED,
        "Apache-2.0; it calls itself a quantized copy only in prose, so no base is followed."),
    doc("hf/microsoft__phi-2.md", INSUF, TRAINING_UNSTATED,
        "MIT with a license_link to its own LICENSE file; code and data not stated."),
    doc("hf/mistralai__Mixtral-8x7B-v0.1.md", INSUF, TRAINING_UNSTATED,
        "Apache-2.0; the card states no training data."),
    doc("hf/sayakpaul__FLUX.1-merged.md", NOT, "PREF-PARAMS-TERMS FREEDOM-USE",
        "license_name flux-1-dev-non-commercial-license: non-commercial, revocable at will "
        "(OSD 1, 6, 7)."),
    doc("hf/tiiuae__falcon-11B.md", INSUF, "PREF-PARAMS-TERMS",
        "license: unknown; the TII Falcon License 2.0 is named only in the body (noted with "
        "its lines, not judged), so the weights' terms are not stated."),
    # --- CycloneDX -------------------------------------------------------------------------
    doc("cyclonedx/bom-examples__MLBOM-Model-Card-With-Dataset.json", INSUF,
        "PREF-PARAMS PREF-CODE-TRAINING",
        "The application's model (via dependencies) lists no license and no distribution; "
        "its internal datasets are unshareable, which OSAID allows."),
    doc("cyclonedx/bom-examples__MLBOM-Model-FoundationModels-gpt-4o.json", INSUF, "PREF-PARAMS",
        "A hosted model with no distribution and no license: nothing is stated."),
    doc("cyclonedx/bom-examples__MLBOM-Model-OpenSource-bert-base-cased.json", None, "",
        "Not valid JSON as published (a trailing comma in metadata).",
        error="not valid JSON"),
    doc("cyclonedx/cyclonedx-spec__valid-machine-learning-considerations-env-1.6.json", INSUF,
        "PREF-PARAMS", "Energy figures only; no license or distribution."),
    doc("cyclonedx/cyclonedx-spec__valid-machine-learning-considerations-env-1.7.json", INSUF,
        "PREF-PARAMS-TERMS", "As the 1.6 example, with a distribution: no license."),
    doc("cyclonedx/mlops-toxic-moderation__toxic-clf.json", INSUF, "PREF-PARAMS PREF-CODE-TRAINING",
        "A private registry model with no license; its dataset's license is a property in "
        "prose (Kaggle terms), kept unknown."),
    doc("cyclonedx/owasp-aibom-generator__expected_aibom-fixture.json", INSUF, TRAINING_UNSTATED,
        "Apache-2.0 (written apache-2.0) on the model the application names; the BOM's own "
        "distribution locates it; code and data not stated."),
    doc("cyclonedx/rust-aibom-generator__aeevnn_NaveenBhav.json", NOT,
        "PREF-DERIVATIVE-BASE PREF-PARAMS-TERMS",
        "The subject is NaveenBhav (metadata.component), not the first model; it depends on "
        "Llama-3.1-8B-Instruct, which the BOM lists under llama3.1, and that base's terms "
        "bind the adapter (OSD 5, 6, 7)."),
    doc("cyclonedx/rust-aibom-generator__tencent_HunyuanWorld-Voyager.json", NOT,
        "PREF-PARAMS-TERMS FREEDOM-USE",
        "tencent-hunyuanworld-voyager-community: excludes the EU, UK and South Korea, 1M-user "
        "threshold, training ban (OSD 3, 5, 6, 7)."),
    doc("cyclonedx/sko-demo__workshop-hosted-models.json", INSUF, "PREF-PARAMS",
        "An application using three hosted models, none named as its subject: the first is "
        "scored, with no license or distribution stated."),
    # --- SPDX 3 ----------------------------------------------------------------------------
    doc("spdx3/hf2spdx__Qwen_Qwen3-4B-Thinking-2507.element-list.spdx3.json", INSUF,
        TRAINING_UNSTATED,
        "Element-list shape; Apache-2.0; its dataset is a 'See model card' placeholder."),
    doc("spdx3/hf2spdx__google_gemma-3-4b-it.element-list.spdx3.json", NOT,
        "PREF-PARAMS-TERMS FREEDOM-USE",
        "Element-list shape; the licensing text names 'gemma' (OSD 3, 6, 7)."),
    doc("spdx3/hf2spdx__lightx2v_Qwen-Image-Lightning.element-list.spdx3.json", INSUF,
        TRAINING_UNSTATED, "Element-list shape; Apache-2.0; nothing on training."),
    doc("spdx3/spdx-examples__ai-example02-template.spdx3.json", INSUF, "PREF-PARAMS",
        "A template: empty fields, and its license relationships come from an element that "
        "is not in the graph."),
    doc("spdx3/spdx-examples__ai-example04-LegalBERT.spdx3.json", INSUF,
        "PREF-DERIVATIVE-BASE PREF-CODE-TRAINING",
        "Apache-2.0 fine-tune of bert-base-uncased (dependsOn a model package) on a "
        "registration dataset, which OSAID allows; code not stated."),
    doc("spdx3/spdx-examples__dataset-example01-draft.spdx3.json", None, "",
        "A dataset document: there is no model to judge.", error="describes 1 dataset(s) only"),
    doc("spdx3/spdx-examples__dataset-example01-owid-co2.spdx3.json", None, "",
        "A dataset document: there is no model to judge.", error="describes 1 dataset(s) only"),
    doc("spdx3/spdx-examples__dataset-example1-early-draft.spdx3.json", None, "",
        "An early-draft dataset document: no model.", error="describes 1 dataset(s) only"),
    # --- MOT -------------------------------------------------------------------------------
    doc("mot/BLOOM.old-schema.yml", NOT, "PREF-PARAMS-TERMS PREF-CODE-TRAINING",
        "Pre-2025 schema: BigScience RAIL on the weights, and training code 'Component not "
        "included'."),
    doc("mot/DeepSeek-V3.old-schema.yml", NOT, "PREF-PARAMS-TERMS PREF-CODE-TRAINING",
        "DeepSeek License Agreement on the weights; training code not included."),
    doc("mot/Falcon-180B.old-schema.yml", NOT, "PREF-CODE-LICENSE PREF-CODE-TRAINING",
        "Falcon-180B TII License on the architecture and inference code; training code not "
        "included. The weights are 'License not specified': included, terms not stated."),
    doc("mot/GPT-NeoX-20B.old-schema.yml", NOT, "PREF-CODE-TRAINING PREF-CODE-INFERENCE",
        "The record marks training and inference code 'Component not included' (GPT-NeoX "
        "publishes both: MOT's record is wrong, and osaid reports what it says)."),
    doc("mot/Llama-2-7B.current-schema.yml", NOT, "PREF-PARAMS-TERMS PREF-CODE-TRAINING",
        "Current schema: Llama 2 Community License; training code not listed (not included)."),
    doc("mot/Llama-2-7B.old-schema.yml", NOT, "PREF-PARAMS-TERMS PREF-CODE-LICENSE",
        "Llama 2 Community License on the weights and the architecture code; everything else "
        "'Pending evaluation' (not stated)."),
    doc("mot/Llama-3.1-8B.old-schema.yml", NOT, "PREF-PARAMS-TERMS PREF-CODE-TRAINING",
        "Llama 3.1 Community License; training code not included."),
    doc("mot/Mistral-7B-v0.1.old-schema.yml", INSUF, "PREF-CODE-TRAINING",
        "Apache-2.0 on two components; the other fourteen are 'Pending evaluation': MOT had "
        "not evaluated them, so nothing decides."),
    doc("mot/OLMO-7B.old-schema.yml", NOT, "PREF-CODE-SUPPORT-LIBS",
        "Apache-2.0 throughout, but the record marks supporting libraries and tools 'Component "
        "not included'; OSAID requires them when used."),
    doc("mot/mof_schema.old.json", None, "", "MOT's JSON Schema, not a record.",
        error="cannot tell the document's format"),
    doc("mot/pythia-6.9B.old-schema.yml", INSUF, "PREF-CODE-TRAINING",
        "Apache-2.0 on two components, fourteen 'Pending evaluation'."),
    doc("mot/sample_model.old-schema.yml", INSUF, "PREF-PARAMS PREF-CODE-TRAINING",
        "MOT's blank template: every license_name empty, so nothing is stated."),
    # --- EOSAI (the index's predecessor) ---------------------------------------------------
    doc("eosai/opening-up-chatgpt__llama-3.1.yaml", NOT, "PREF-PARAMS PREF-DATA-INFO-DESCRIPTION",
        "Data sources graded closed; weights partial."),
    doc("eosai/opening-up-chatgpt__mistral-7B.yaml", NOT, "PREF-DATA-INFO-DESCRIPTION",
        "Open weights under Apache-2.0, but training data graded closed."),
    doc("eosai/opening-up-chatgpt__olmo-7b-instruct.yaml", INSUF, "PREF-CODE-ARCHITECTURE",
        "Everything graded open, but EOSAI grades no architecture or inference code."),
]  # fmt: skip

FORMATS = ("hf", "cyclonedx", "spdx3", "mot", "eosai")


def _score(result: ImportResult) -> Verdict:
    bases = {b.name: b for b in result.base_models} or None
    return score(result.release, base_models=bases).verdict


def test_the_table_covers_every_document() -> None:
    on_disk = {str(p.relative_to(ROOT)) for f in FORMATS for p in (ROOT / f).iterdir()}
    assert {d.path for d in DOCS} == on_disk
    assert len(on_disk) >= 40
    for fmt in FORMATS:
        assert sum(d.path.startswith(f"{fmt}/") for d in DOCS) >= 3, fmt


@pytest.mark.parametrize("row", DOCS, ids=[d.path for d in DOCS])
def test_verdict_and_top_reasons(row: Doc) -> None:
    if row.verdict is None:
        with pytest.raises(InvalidReleaseError) as caught:
            load(ROOT / row.path)
        assert row.error in str(caught.value)
        return
    result = load(ROOT / row.path)
    bases = {b.name: b for b in result.base_models} or None
    assessment = score(result.release, base_models=bases)
    assert assessment.verdict is row.verdict, row.why
    pool = assessment.blocking if row.verdict is NOT else assessment.undecided
    found = {f.rule_id for f in pool}
    assert row.reasons <= found, (row.why, sorted(found))
    if row.verdict is INSUF:
        assert not assessment.blocking


def _noted(result: ImportResult, field: str) -> bool:
    return any(n.field is not None and n.field.startswith(field) for n in result.notes)


HF_READ = {
    "license", "license_name", "license_link", "datasets", "base_model", "base_model_relation",
    "quantized_by", "pipeline_tag", "model-index", "model_name", "gated",
}  # fmt: skip


@pytest.mark.parametrize("path", sorted((ROOT / "hf").glob("*.md")), ids=lambda p: p.name)
def test_no_card_field_is_dropped(path: Path) -> None:
    from osaid.importers.hf import front_matter

    card = front_matter(path.read_text(encoding="utf-8"))
    result = load(path)
    for key, value in card.items():
        if value in (None, "", [], {}) or key in HF_READ or str(key).startswith("extra_gated"):
            continue
        assert _noted(result, str(key)), key


MOT_RELEASE_READ = {
    "name", "version", "date", "type", "origin", "producer", "license", "components",
    "repository", "huggingface", "github",
}  # fmt: skip


@pytest.mark.parametrize("path", sorted((ROOT / "mot").glob("*.yml")), ids=lambda p: p.name)
def test_no_mot_field_is_dropped(path: Path) -> None:
    import yaml

    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    result = load(path)
    for key, value in record["release"].items():
        if value in (None, "", [], {}) or key in MOT_RELEASE_READ:
            continue
        assert _noted(result, f"release.{key}"), key
    kinds = {c.kind for c in result.release.components}
    if "license_name" in str(record):  # the pre-2025 schema lists all 17 components
        assert len(kinds) == 17 or result.release.name == "My-model"
        assert any("pre-2025 schema" in n.message for n in result.notes)


def test_mot_sentinels_mean_what_mot_meant() -> None:
    release = load(ROOT / "mot" / "Llama-3.1-8B.old-schema.yml").release
    training = release.component(ComponentKind.TRAINING_CODE)
    assert training is not None
    assert training.availability.value == "not-released"  # 'Component not included'
    report = release.component(ComponentKind.TECHNICAL_REPORT)
    assert report is not None
    assert report.availability.value == "public"  # 'License not specified': included
    assert report.license is not None
    assert report.license.expression == "NOASSERTION"  # ... its license not stated
    params = release.component(ComponentKind.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "LicenseRef-llama-3.1"
    assert params.license.url == "https://www.llama.com/llama3_1/license/"  # license_path
    assert any(s.url == "https://github.com/meta-llama/llama-models" for s in release.sources)
    mistral = load(ROOT / "mot" / "Mistral-7B-v0.1.old-schema.yml")
    pending = mistral.release.component(ComponentKind.TRAINING_CODE)
    assert pending is not None
    assert pending.availability.value == "not-stated"  # 'Pending evaluation'
    assert any("pending evaluation" in n.message for n in mistral.notes)


def test_the_subject_of_a_multi_model_bom_is_the_model_it_is_about() -> None:
    path = ROOT / "cyclonedx" / "rust-aibom-generator__aeevnn_NaveenBhav.json"
    result = load(path)
    assert result.release.name == "NaveenBhav"  # not DeepSeek-V3.1-Base, the first model
    assert result.release.base_model is not None
    assert result.release.base_model.name == "Llama-3.1-8B-Instruct"
    assert result.release.base_model.relation == "adapter"  # the generator's property
    assert {b.name for b in result.base_models} == {"DeepSeek-V3.1-Base", "Llama-3.1-8B-Instruct"}
    assert _score(result) is NOT
    other = load(path, component="DeepSeek-V3.1-Base")
    assert other.release.name == "DeepSeek-V3.1-Base"
    params = other.release.component(ComponentKind.PARAMETERS_FINAL)
    assert params is not None
    assert params.license is not None
    assert params.license.expression == "MIT"


def test_notes_say_which_spdx_shape_was_read() -> None:
    shapes = {
        "hf2spdx__lightx2v_Qwen-Image-Lightning.element-list.spdx3.json": "'element' list",
        "spdx-examples__ai-example04-LegalBERT.spdx3.json": "profile-prefixed",
        "spdx-examples__ai-example02-template.spdx3.json": "profile-prefixed",
    }
    for name, shape in shapes.items():
        result = load(ROOT / "spdx3" / name)
        read = [
            n.message
            for n in result.notes
            if n.kind is NoteKind.INFERRED and "read as" in n.message
        ]
        assert any(shape in m for m in read), (name, read)
