"""Derived releases inherit what their base model lacks."""

from __future__ import annotations

from typing import Any

import pytest

from osaid import (
    NO_BASE_MODELS,
    Assessment,
    Availability,
    BaseModelRef,
    Disclosure,
    DisclosureState,
    ModelRelease,
    Outcome,
    Verdict,
    load_bundled,
    score,
)

from .builders import K, disclosed, full_release


def _derivative(base: str, **extra: Any) -> ModelRelease:
    return full_release(name="Derived", base_model=BaseModelRef(name=base), **extra)


def _base(name: str = "Base", **extra: Any) -> ModelRelease:
    return full_release(name=name, **extra)


def test_open_base_keeps_an_open_derivative_open() -> None:
    assessment = score(_derivative("Base"), base_models={"Base": _base()})
    assert assessment.verdict is Verdict.OPEN_SOURCE_AI
    base = [f for f in assessment.findings if f.rule_id == "PREF-DERIVATIVE-BASE"]
    assert [f.outcome for f in base] == [Outcome.MET]
    assert not [f for f in assessment.findings if f.inherited_from]


def test_restrictive_base_terms_carry_into_an_apache_fine_tune() -> None:
    base = _base(licenses={K.PARAMETERS_FINAL: "LicenseRef-llama-3.1"})
    assessment = score(_derivative("Base"), base_models={"Base": base})
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    inherited = [f for f in assessment.findings if f.inherited_from == "Base"]
    assert inherited
    assert all(f.message.startswith("Inherited from base model Base:") for f in inherited)
    assert any(f.rule_id == "PREF-PARAMS-TERMS" for f in inherited)
    assert any(5 in f.osd_criteria for f in inherited)
    own = [f for f in assessment.blocking if f.inherited_from is None]
    assert [f.rule_id for f in own] == ["PREF-DERIVATIVE-BASE"]
    assert [c.key for c in assessment.changes] == ["base:Base"]


def test_undisclosed_base_data_carries_over() -> None:
    info = disclosed().model_copy(
        update={"provenance": Disclosure(state=DisclosureState.NOT_DISCLOSED)}
    )
    assessment = score(_derivative("Base"), base_models={"Base": _base(data_information=info)})
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    inherited = {(f.rule_id, str(f.component)) for f in assessment.blocking if f.inherited_from}
    assert inherited == {("PREF-DATA-INFO-PROVENANCE", "provenance")}


def test_base_inference_code_is_not_inherited() -> None:
    base = _base(availability={K.INFERENCE_CODE: Availability.NOT_RELEASED})
    assessment = score(_derivative("Base"), base_models={"Base": base})
    assert assessment.verdict is Verdict.OPEN_SOURCE_AI


def test_gates_on_the_base_are_not_inherited() -> None:
    base = _base(availability={K.PARAMETERS_FINAL: Availability.GATED_APPROVAL})
    assert score(base).verdict is Verdict.NOT_OPEN_SOURCE_AI
    assert score(_derivative("Base"), base_models={"Base": base}).verdict is Verdict.OPEN_SOURCE_AI


def test_unknown_base_leaves_the_verdict_open() -> None:
    assessment = score(_derivative("Mystery-7B"))
    assert assessment.verdict is Verdict.INSUFFICIENT_INFORMATION
    finding = next(f for f in assessment.undecided if f.rule_id == "PREF-DERIVATIVE-BASE")
    assert "unknown to osaid" in finding.message
    assert finding.remediation is not None
    assert finding.remediation.key == "describe-base:Mystery-7B"


def test_base_chains_and_cycles() -> None:
    grand = _base("Grand", licenses={K.PARAMETERS_FINAL: "CC-BY-NC-4.0"})
    middle = full_release(name="Middle", base_model=BaseModelRef(name="Grand"))
    child = full_release(name="Child", base_model=BaseModelRef(name="Middle"))
    assessment = score(child, base_models={"Grand": grand, "Middle": middle})
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    sources = {f.inherited_from for f in assessment.findings if f.inherited_from}
    assert sources == {"Middle", "Grand"}
    a = full_release(name="A", base_model=BaseModelRef(name="B"))
    b = full_release(name="B", base_model=BaseModelRef(name="A"))
    looped = score(a, base_models={"A": a, "B": b})
    assert looped.verdict is Verdict.INSUFFICIENT_INFORMATION
    assert any("cycle" in f.message for f in looped.undecided)


def test_bundled_base_is_found_by_name() -> None:
    assessment = score(_derivative("grok-2.5"))
    assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    assert any(f.inherited_from == "Grok 2.5" for f in assessment.blocking)


class _Counting:
    """A hub-style resolver: answers from its own store and counts the questions."""

    def __init__(self, store: dict[str, ModelRelease | Assessment]) -> None:
        self.store = store
        self.asked: list[str] = []

    def resolve(self, base: BaseModelRef) -> ModelRelease | Assessment | None:
        self.asked.append(base.name)
        return self.store.get(base.name)


def test_a_custom_resolver_supplies_the_base() -> None:
    derivative = load_bundled("llama-3.2-vision")
    assert derivative.base_model is not None
    hub = _Counting({derivative.base_model.name: load_bundled("llama-3.1")})
    assessment = score(derivative, base_models=hub)
    assert hub.asked == [derivative.base_model.name]
    assert assessment.model_dump_json() == score(derivative).model_dump_json()


def test_a_custom_resolver_is_not_backed_by_the_bundled_releases() -> None:
    hub = _Counting({})
    assessment = score(_derivative("grok-2.5"), base_models=hub)
    assert hub.asked == ["grok-2.5"]
    assert not any(f.inherited_from for f in assessment.findings)
    base_finding = next(f for f in assessment.findings if f.rule_id == "PREF-DERIVATIVE-BASE")
    assert base_finding.outcome is Outcome.UNKNOWN
    assert assessment.verdict is Verdict.INSUFFICIENT_INFORMATION


def test_no_base_models_leaves_every_base_unknown() -> None:
    assessment = score(_derivative("grok-2.5"), base_models=NO_BASE_MODELS)
    assert assessment.verdict is Verdict.INSUFFICIENT_INFORMATION


def test_a_stored_base_assessment_is_reused() -> None:
    base = _base(licenses={K.PARAMETERS_FINAL: "CC-BY-NC-4.0"})
    stored = score(base)
    from_release = score(_derivative("Base"), base_models={"Base": base})
    from_assessment = score(_derivative("Base"), base_models=_Counting({"Base": stored}))
    assert from_assessment.model_dump_json() == from_release.model_dump_json()
    assert from_assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI


def test_a_stored_assessment_under_another_policy_is_not_used() -> None:
    stored = score(_base(), policy="strict")
    assessment = score(_derivative("Base"), base_models={"Base": stored})
    base_finding = next(f for f in assessment.findings if f.rule_id == "PREF-DERIVATIVE-BASE")
    assert base_finding.outcome is Outcome.UNKNOWN
    assert "policy 'strict'" in base_finding.message


def test_mapping_names_match_loosely_then_fall_back_to_bundled() -> None:
    assessment = score(_derivative("base"), base_models={"Base": _base()})
    assert assessment.verdict is Verdict.OPEN_SOURCE_AI
    fallback = score(_derivative("grok-2.5"), base_models={"Other": _base()})
    assert any(f.inherited_from == "Grok 2.5" for f in fallback.blocking)


def test_the_old_bases_keyword_still_works_and_warns() -> None:
    with pytest.warns(DeprecationWarning, match="base_models"):
        assessment = score(_derivative("Base"), bases={"Base": _base()})
    assert assessment.verdict is Verdict.OPEN_SOURCE_AI


def test_a_wrong_resolver_type_is_refused() -> None:
    with pytest.raises(TypeError, match="resolve"):
        score(_derivative("Base"), base_models=["Base"])  # type: ignore[arg-type]
