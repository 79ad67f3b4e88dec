from __future__ import annotations

import json

import pytest

from osaid import (
    Assessment,
    Finding,
    Group,
    InvalidReleaseError,
    Outcome,
    Severity,
    UnknownDefinitionError,
    UnknownPolicyError,
    Verdict,
    __version__,
    score,
    verdict_of,
)
from osaid.licensing.catalog import default_catalog

from .builders import K, full_release

OPEN, NOT, INSUFFICIENT = (
    Verdict.OPEN_SOURCE_AI,
    Verdict.NOT_OPEN_SOURCE_AI,
    Verdict.INSUFFICIENT_INFORMATION,
)


def test_full_release_is_open_source_ai() -> None:
    assessment = score(full_release())
    assert assessment.verdict is OPEN
    assert assessment.changes == ()
    assert not assessment.blocking
    assert not assessment.undecided
    assert assessment.summary == "Every blocking requirement of the definition is met."
    assert {g.group: g.outcome for g in assessment.groups} == {
        Group.DATA_INFORMATION: Outcome.MET,
        Group.CODE: Outcome.MET,
        Group.PARAMETERS: Outcome.MET,
        Group.SYSTEM: Outcome.MET,
    }


@pytest.mark.parametrize(
    ("licenses", "verdict"),
    [
        ({K.PARAMETERS_FINAL: None}, INSUFFICIENT),
        ({K.PARAMETERS_FINAL: "LicenseRef-Foo"}, INSUFFICIENT),
        ({K.TRAINING_CODE: "GPL-3.0-only", K.INFERENCE_CODE: "GPL-3.0-only"}, OPEN),
        ({K.PARAMETERS_FINAL: "Apache-2.0 OR LicenseRef-Proprietary"}, OPEN),
        ({K.PARAMETERS_FINAL: "CC-BY-NC-4.0"}, NOT),
        ({K.PARAMETERS_FINAL: "CC-BY-SA-4.0"}, OPEN),
        ({K.DATA_CARD: "CC-BY-NC-4.0"}, NOT),
        ({K.INFERENCE_CODE: "CC0-1.0"}, NOT),
    ],
)
def test_license_variants(licenses: dict[K, str | None], verdict: Verdict) -> None:
    assert score(full_release(licenses=licenses)).verdict is verdict


def test_unknown_license_keeps_raw_string_in_evidence() -> None:
    assessment = score(full_release(licenses={K.PARAMETERS_FINAL: "LicenseRef-Foo"}))
    undecided = [f for f in assessment.undecided if f.component == K.PARAMETERS_FINAL]
    assert undecided
    values = {e.value for f in undecided for e in f.evidence}
    assert "LicenseRef-Foo" in values
    terms = next(f for f in undecided if f.rule_id == "PREF-PARAMS-TERMS")
    assert "'LicenseRef-Foo'" in terms.message


def test_non_commercial_weights_cite_osd_6() -> None:
    assessment = score(full_release(licenses={K.PARAMETERS_FINAL: "CC-BY-NC-4.0"}))
    blocking = assessment.blocking
    assert blocking
    assert all(f.component == K.PARAMETERS_FINAL for f in blocking)
    assert any(6 in f.osd_criteria for f in blocking)
    assert "OSD 6" in assessment.summary
    assert [c.key for c in assessment.changes] == ["relicense:parameters-final"]


def test_removing_a_required_component_never_conforms() -> None:
    for kind in (K.PARAMETERS_FINAL, K.ARCHITECTURE_CODE, K.INFERENCE_CODE, K.TRAINING_CODE):
        assert score(full_release(drop=(kind,))).verdict is INSUFFICIENT


def test_change_set_merges_findings_and_lists_failures_first() -> None:
    release = full_release(
        licenses={K.PARAMETERS_FINAL: "CC-BY-NC-4.0", K.TRAINING_CODE: None},
    )
    assessment = score(release)
    keys = [c.key for c in assessment.changes]
    assert keys[0] == "relicense:parameters-final"
    assert "state-license:training-code" in keys
    first = assessment.changes[0]
    assert first.outcome is Outcome.NOT_MET
    assert "PREF-PARAMS-TERMS:parameters-final" in first.resolves
    assert "FREEDOM-USE:parameters-final" in first.resolves
    assert len(keys) == len(set(keys))


def test_components_and_elements_tables() -> None:
    assessment = score(full_release(licenses={K.PARAMETERS_FINAL: "CC-BY-NC-4.0"}))
    rows = {c.kind: c for c in assessment.components}
    assert len(rows) == len(K)
    params = rows[K.PARAMETERS_FINAL]
    assert params.outcome is Outcome.NOT_MET
    assert params.terms == "CC-BY-NC-4.0"
    assert params.terms_status is not None
    assert params.decisive
    assert rows[K.MODEL_METADATA].outcome is Outcome.NOT_APPLICABLE
    assert rows[K.PARAMETERS_INTERMEDIATE].outcome is Outcome.UNKNOWN
    assert not rows[K.PARAMETERS_INTERMEDIATE].decisive
    assert all(e.outcome is Outcome.MET for e in assessment.data_information)


def test_version_stamps() -> None:
    assessment = score(full_release())
    stamps = assessment.versions
    assert stamps.osaid == __version__
    assert stamps.definition == "1.0"
    assert stamps.spdx_license_list == "3.28.0"
    assert stamps.license_catalog == default_catalog().version
    assert stamps.license_catalog_sha256 == default_catalog().digest
    assert stamps.report_format == "1"


def test_deterministic_and_byte_identical() -> None:
    first = score(full_release(licenses={K.PARAMETERS_FINAL: "LicenseRef-grok-2-community"}))
    second = score(full_release(licenses={K.PARAMETERS_FINAL: "LicenseRef-grok-2-community"}))
    assert first == second
    assert first.model_dump_json() == second.model_dump_json()


def test_json_contract() -> None:
    data = json.loads(
        score(full_release(licenses={K.PARAMETERS_FINAL: "CC-BY-NC-4.0"})).model_dump_json()
    )
    assert data["verdict"] == "not-open-source-ai"
    assert data["definition"]["name"] == "The Open Source AI Definition"
    assert data["definition"]["version"] == "1.0"
    assert set(data["versions"]) >= {"osaid", "definition", "license_catalog", "spdx_license_list"}
    finding = data["findings"][0]
    assert set(finding) >= {
        "rule_id", "component", "outcome", "severity", "osd_criteria", "freedoms",
        "message", "evidence", "remediation",
    }  # fmt: skip
    for item in data["findings"]:
        assert item["outcome"] in {"met", "not-met", "unknown", "not-applicable"}
        assert item["severity"] in {"blocking", "advisory"}
        assert all(1 <= c <= 10 for c in item["osd_criteria"])
        assert set(item["freedoms"]) <= {"use", "study", "modify", "share"}
    assert Assessment.model_validate_json(json.dumps(data)).verdict is NOT


def test_verdict_rule() -> None:
    def finding(outcome: Outcome, severity: Severity) -> Finding:
        return Finding(
            rule_id="X", component=K.TRAINING_CODE, group=Group.CODE,
            outcome=outcome, severity=severity, message="m",
        )  # fmt: skip

    assert verdict_of([]) is OPEN
    assert verdict_of([finding(Outcome.NOT_MET, Severity.ADVISORY)]) is OPEN
    assert verdict_of([finding(Outcome.UNKNOWN, Severity.ADVISORY)]) is OPEN
    assert verdict_of([finding(Outcome.UNKNOWN, Severity.BLOCKING)]) is INSUFFICIENT
    assert (
        verdict_of(
            [
                finding(Outcome.UNKNOWN, Severity.BLOCKING),
                finding(Outcome.NOT_MET, Severity.BLOCKING),
            ]
        )
        is NOT
    )


def test_remediation_only_on_failing_findings() -> None:
    for finding in score(full_release(licenses={K.PARAMETERS_FINAL: "LicenseRef-X"})).findings:
        if finding.outcome in {Outcome.MET, Outcome.NOT_APPLICABLE}:
            assert finding.remediation is None
        elif finding.severity is Severity.BLOCKING:
            assert finding.remediation is not None, finding


def test_score_accepts_mappings_and_rejects_bad_input() -> None:
    data = full_release().model_dump(mode="json")
    assert score(data).verdict is OPEN
    data["components"][0]["availability"] = "sometimes"
    with pytest.raises(InvalidReleaseError, match=r"components\[0\]\.availability"):
        score(data)
    with pytest.raises(TypeError, match="ModelRelease or a mapping"):
        score("grok-2.5")  # type: ignore[arg-type]


def test_policy_and_definition_arguments() -> None:
    release = full_release(licenses={K.PARAMETERS_FINAL: "CC-BY-4.0"})
    assert score(release, policy="default").verdict is OPEN
    assert score(release, policy="strict").verdict is NOT
    assert score(release, policy="STRICT").policy.name == "strict"
    with pytest.raises(UnknownPolicyError, match="did you mean 'strict'"):
        score(release, policy="strikt")
    with pytest.raises(UnknownDefinitionError):
        score(release, definition="2.0")
