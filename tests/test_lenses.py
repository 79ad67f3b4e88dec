"""Plans, diffs and comparisons on real bundled releases."""

from __future__ import annotations

import pytest

import osaid
from osaid import ComponentKind, Verdict
from osaid.errors import UnknownFormatError
from osaid.lenses import (
    ChangeKind,
    ChangeType,
    DiscloseElement,
    PublishComponent,
    RelicenseComponent,
    UngateComponent,
    WithdrawTerms,
    apply_changes,
    compare,
    diff,
    plan,
)
from osaid.mof import MofClass
from osaid.release import AdditionalTerms, Availability, LicenseTerms

from .builders import full_release


def _without(plan_changes: tuple[object, ...], index: int) -> list[object]:
    return [c for i, c in enumerate(plan_changes) if i != index]


def test_grok_plan_applied_conforms_and_every_change_is_needed() -> None:
    grok = osaid.load_bundled("grok-2.5")
    result = plan(grok)
    assert result.verdict_before is Verdict.NOT_OPEN_SOURCE_AI
    assert result.verified
    assert result.achievable
    assert not result.out_of_hands
    assert not result.remaining
    kinds = {c.kind for c in result.changes}
    assert ChangeKind.RELICENSE in kinds  # the Grok 2 license and the AUP on the weights
    relicensed = {c.component for c in result.changes if isinstance(c, RelicenseComponent)}
    assert ComponentKind.PARAMETERS_FINAL in relicensed
    published = {c.component for c in result.changes if isinstance(c, PublishComponent)}
    assert ComponentKind.TRAINING_CODE in published
    assert osaid.score(apply_changes(grok, result.changes)).verdict is Verdict.OPEN_SOURCE_AI
    for index in range(len(result.changes)):
        fewer = apply_changes(grok, _without(result.changes, index))  # type: ignore[arg-type]
        assert osaid.score(fewer).verdict is not Verdict.OPEN_SOURCE_AI, result.changes[index]


def test_a_conforming_release_needs_no_change() -> None:
    result = plan(osaid.load_bundled("olmo-1"))
    assert result.changes == ()
    assert result.verified


def test_an_api_only_system_can_still_publish_everything() -> None:
    result = plan(osaid.load_bundled("gpt-4"))
    assert result.achievable
    assert not result.out_of_hands
    published = {c.component for c in result.changes if isinstance(c, PublishComponent)}
    assert ComponentKind.PARAMETERS_FINAL in published


def test_what_a_derivative_inherits_is_out_of_the_publishers_hands() -> None:
    result = plan(osaid.load_bundled("llama-3.2-vision"))
    assert not result.achievable
    assert not result.verified
    assert result.out_of_hands
    assert all("Llama 3.1 8B" in item.reason for item in result.out_of_hands)
    assert set(result.remaining) == {item.finding for item in result.out_of_hands}


def test_a_gate_and_additional_terms_are_withdrawn_not_relicensed() -> None:
    base = full_release()
    params = base.component(ComponentKind.PARAMETERS_FINAL)
    assert params is not None
    policy_terms = AdditionalTerms(name="Example usage policy", ref="xai-aup")
    gated = params.model_copy(
        update={
            "availability": Availability.GATED_APPROVAL,
            "license": LicenseTerms(expression="Apache-2.0", additional_terms=(policy_terms,)),
        }
    )
    others = tuple(c for c in base.components if c.kind is not ComponentKind.PARAMETERS_FINAL)
    release = base.model_copy(update={"components": (*others, gated)})
    result = plan(release)
    assert result.verified
    assert {type(c) for c in result.changes} == {UngateComponent, WithdrawTerms}
    withdrawn = next(c for c in result.changes if isinstance(c, WithdrawTerms))
    assert withdrawn.terms == "Example usage policy"


def test_undisclosed_data_information_is_disclosed_in_an_open_carrier() -> None:
    result = plan(osaid.load_bundled("grok-2.5"))
    disclosures = [c for c in result.changes if isinstance(c, DiscloseElement)]
    assert len(disclosures) == 9
    assert {c.carrier for c in disclosures} == {ComponentKind.DATA_CARD}
    assert all(c.license == "CC-BY-4.0" for c in disclosures)


def test_the_strict_policy_plans_osi_approved_licenses_for_documents() -> None:
    result = plan(osaid.load_bundled("grok-2.5"), policy="strict")
    assert result.verified
    disclosures = [c for c in result.changes if isinstance(c, DiscloseElement)]
    assert {c.license for c in disclosures} == {"Apache-2.0"}


def test_plan_json_round_trips() -> None:
    result = plan(osaid.load_bundled("grok-2.5"))
    again = type(result).model_validate_json(result.model_dump_json())
    assert again == result


def test_phi_2_relicensing_flips_the_license_findings_not_the_verdict() -> None:
    before, after = osaid.load_bundled("phi-2-2023-12"), osaid.load_bundled("phi-2")
    result = diff(before, after)
    assert not result.verdict_changed
    assert result.verdict_after is Verdict.NOT_OPEN_SOURCE_AI
    license_facts = [f for f in result.facts if f.field == "components.parameters-final.license"]
    assert license_facts
    assert license_facts[0].change is ChangeType.CHANGED
    assert license_facts[0].after is not None
    assert "MIT" in license_facts[0].after
    flipped = {(f.rule_id, f.component): (f.before, f.after) for f in result.flips}
    assert flipped[("PREF-PARAMS-TERMS", "parameters-final")] == (
        osaid.Outcome.NOT_MET,
        osaid.Outcome.MET,
    )
    # Data information is still missing: no data-information rule flipped to met.
    element_rules = [
        f
        for f in result.flips
        if f.rule_id.startswith("PREF-DATA-INFO") and f.rule_id != "PREF-DATA-INFO-TERMS"
    ]
    assert element_rules
    assert all(f.after is not osaid.Outcome.MET for f in element_rules)
    after_assessment = osaid.score(after)
    assert any(
        f.blocks and f.rule_id.startswith("PREF-DATA-INFO") for f in after_assessment.findings
    )


def test_a_release_diffed_with_itself_is_empty() -> None:
    grok = osaid.load_bundled("grok-2.5")
    result = diff(grok, grok)
    assert result.facts == ()
    assert result.flips == ()
    assert result.findings == ()


def test_comparison_rows_and_sorting() -> None:
    names = ("grok-2.5", "olmo-1", "smollm2", "gpt-4")
    releases = [osaid.load_bundled(n) for n in names]
    table = compare(releases)
    assert [r.release for r in table.rows] == [r.name for r in releases]
    by_verdict = compare(releases, sort="verdict")
    assert by_verdict.rows[0].verdict is Verdict.OPEN_SOURCE_AI
    assert by_verdict.rows[-1].verdict is Verdict.NOT_OPEN_SOURCE_AI
    grok = next(r for r in table.rows if r.release == "Grok 2.5")
    assessment = osaid.score(releases[0])
    assert sum(g.not_met for g in grok.groups) == len(assessment.blocking)
    assert grok.mof_class is MofClass.UNCLASSIFIED
    by_code = compare(releases, sort="code")
    counts = [r.count(osaid.Group.CODE).not_met for r in by_code.rows]
    assert counts == sorted(counts)
    with pytest.raises(UnknownFormatError, match="sort key"):
        compare(releases, sort="size")


def test_every_report_format_shows_the_mof_class_beside_the_verdict() -> None:
    import json

    from osaid.reports import render
    from osaid.reports.htmlpage import render_html_page

    assessment = osaid.score(osaid.load_bundled("grok-2.5"))
    for fmt in ("text", "markdown"):
        assert "MOF class" in render(assessment, fmt)
    assert "MOF class" in render_html_page([assessment])
    sarif = json.loads(render(assessment, "sarif"))
    summary = sarif["runs"][0]["properties"]["assessments"][0]
    assert summary["mofClass"] == 0
    assert summary["mofLabel"] == "Unclassified"
    assert json.loads(render(assessment, "json"))["mof"]["label"] == "Unclassified"


def test_cli_plan_diff_and_compare() -> None:
    import io
    import json

    from osaid.cli import main

    out = io.StringIO()
    assert main(["plan", "grok-2.5", "--format", "json"], stdout=out) == 0
    assert json.loads(out.getvalue())["verdict_after"] == "open-source-ai"
    assert main(["plan", "llama-3.2-vision"], stdout=io.StringIO()) == 1  # out of hands
    out = io.StringIO()
    assert main(["diff", "phi-2-2023-12", "phi-2", "--format", "markdown"], stdout=out) == 0
    assert "PREF-PARAMS-TERMS" in out.getvalue()
    out = io.StringIO()
    assert main(["compare", "grok-2.5", "olmo-1", "--sort", "verdict"], stdout=out) == 0
    first_row = out.getvalue().splitlines()[2]
    assert first_row.startswith("OLMo")
    assert main(["compare", "grok-2.5", "no-such-release"], stdout=io.StringIO()) == 2
