"""Each rule, table-driven: a release in, the outcomes of that rule's findings out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from packaging.version import Version
from pydantic import ValidationError

from osaid import (
    AdditionalTerms,
    Attestation,
    Availability,
    Clause,
    ClauseKind,
    ComponentKind,
    DataClass,
    DataInformation,
    Disclosure,
    DisclosureState,
    Finding,
    Freedom,
    LicenseTerms,
    ModelRelease,
    Outcome,
    Severity,
    score,
)
from osaid.definitions import COVERED_ELSEWHERE, get_definition
from osaid.errors import UnknownDefinitionError
from osaid.rules import RULES, get_rule, rules_for

from .builders import K, component, disclosed, full_release

MET, NOT, UNK, NA = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE


def findings(release: ModelRelease, rule_id: str, policy: str = "default") -> list[Finding]:
    return [f for f in score(release, policy=policy).findings if f.rule_id == rule_id]


def outcomes(release: ModelRelease, rule_id: str, **kw: Any) -> dict[str, Outcome]:
    return {str(f.component): f.outcome for f in findings(release, rule_id, **kw)}


def test_registry() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert [r.id for r in rules_for("1.0")] == ids
    assert rules_for(Version("2.0")) == rules_for("2.0")
    assert get_rule("PREF-PARAMS").spec.citation.version == "1.0"
    for rule in RULES:
        spec = rule.spec
        assert spec.title.endswith("?"), spec.id
        if spec.id.startswith("OSAID-"):  # osaid's own bookkeeping, not a requirement
            assert spec.severity is Severity.ADVISORY
            continue
        assert spec.citation.url.startswith("https://opensource.org/ai")
        assert len(spec.citation.excerpt) < 300


def test_every_requirement_is_accounted_for() -> None:
    spec_ids = {
        "FREEDOM-USE", "FREEDOM-STUDY", "FREEDOM-MODIFY", "FREEDOM-SHARE",
        "PREF-DATA-INFO-SUFFICIENT", "PREF-DATA-INFO-TERMS", "PREF-DATA-INFO-DESCRIPTION",
        "PREF-DATA-INFO-UNSHAREABLE", "PREF-DATA-INFO-PROVENANCE", "PREF-DATA-INFO-SCOPE",
        "PREF-DATA-INFO-ACQUISITION", "PREF-DATA-INFO-LABELING", "PREF-DATA-INFO-PROCESSING",
        "PREF-DATA-INFO-PUBLIC-LISTING", "PREF-DATA-INFO-THIRDPARTY-LISTING",
        "PREF-CODE-LICENSE", "PREF-CODE-DATA-PROCESSING", "PREF-CODE-TRAINING",
        "PREF-CODE-VALIDATION-TESTING", "PREF-CODE-SUPPORT-LIBS", "PREF-CODE-INFERENCE",
        "PREF-CODE-ARCHITECTURE", "PREF-PARAMS", "PREF-PARAMS-TERMS", "PREF-PARAMS-CHECKPOINTS",
    }  # fmt: skip
    covered = {c.requirement for c in COVERED_ELSEWHERE}
    assert spec_ids <= {rule.id for rule in RULES}
    assert spec_ids.isdisjoint(covered)
    assert {"FREEDOM-ELEMENTS", "PREF-PRECONDITION", "TERMS-COPYLEFT-OK"} <= covered


def test_definition_lookup() -> None:
    assert get_definition("v1").version == "1.0"
    assert get_definition("1.0.0").version == "1.0"
    with pytest.raises(UnknownDefinitionError, match=r"did you mean '1\.0'"):
        get_definition("0.0.9")
    with pytest.raises(UnknownDefinitionError):
        get_definition("latest")


@pytest.mark.parametrize(
    ("availability", "expected"),
    [
        (Availability.PUBLIC, MET),
        (Availability.GATED_CLICK_THROUGH, MET),
        (Availability.GATED_APPROVAL, MET),
        (Availability.NOT_RELEASED, NOT),
        (Availability.NOT_STATED, UNK),
    ],
)
def test_availability_rules(availability: Availability, expected: Outcome) -> None:
    release = full_release(availability={K.TRAINING_CODE: availability})
    assert outcomes(release, "PREF-CODE-TRAINING") == {"training-code": expected}


def test_missing_component_is_unknown_not_failed() -> None:
    release = full_release(drop=(K.PARAMETERS_FINAL,))
    assert outcomes(release, "PREF-PARAMS") == {"parameters-final": UNK}
    assert findings(release, "PREF-PARAMS-TERMS") == []


def test_not_used_is_not_applicable() -> None:
    release = full_release(availability={K.DATA_PROCESSING_CODE: Availability.NOT_USED})
    assert outcomes(release, "PREF-CODE-DATA-PROCESSING") == {"data-processing-code": NA}


def test_validation_code_falls_back_on_training_code() -> None:
    release = full_release(drop=(K.EVALUATION_CODE,))
    found = findings(release, "PREF-CODE-VALIDATION-TESTING")
    assert [f.outcome for f in found] == [MET]
    assert "judged with the training code" in (found[0].evidence[0].note or "")
    release = full_release(
        drop=(K.EVALUATION_CODE,), availability={K.TRAINING_CODE: Availability.NOT_RELEASED}
    )
    assert outcomes(release, "PREF-CODE-VALIDATION-TESTING") == {"evaluation-code": UNK}


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Apache-2.0", MET),
        ("GPL-3.0-only", MET),
        ("CC-BY-4.0", NOT),
        ("LicenseRef-grok-2-community", NOT),
        ("LicenseRef-Mine", UNK),
        ("NONE", NOT),
        ("NOASSERTION", UNK),
        (None, UNK),
    ],
)
def test_code_license(expression: str | None, expected: Outcome) -> None:
    release = full_release(licenses={K.INFERENCE_CODE: expression})
    assert outcomes(release, "PREF-CODE-LICENSE")["inference-code"] is expected


def test_release_wide_license_is_inherited() -> None:
    release = full_release(licenses={K.TRAINING_CODE: None}, license={"expression": "MIT"})
    found = [f for f in findings(release, "PREF-CODE-LICENSE") if f.component == K.TRAINING_CODE]
    assert found[0].outcome is MET
    assert found[0].evidence[0].field == "license"
    assert found[0].evidence[0].note == "inherited from the release-wide license"


@pytest.mark.parametrize(
    ("expression", "policy", "expected"),
    [
        ("Apache-2.0", "default", MET),
        ("CDLA-Permissive-2.0", "default", MET),
        ("CDLA-Permissive-2.0", "strict", NOT),
        ("CC-BY-NC-4.0", "default", NOT),
        ("AML", "default", NOT),
        ("LicenseRef-Foo", "default", UNK),
        ("NONE", "default", NOT),
        (None, "default", UNK),
    ],
)
def test_params_terms(expression: str | None, policy: str, expected: Outcome) -> None:
    release = full_release(licenses={K.PARAMETERS_FINAL: expression})
    assert outcomes(release, "PREF-PARAMS-TERMS", policy=policy) == {"parameters-final": expected}


def test_params_without_any_license_cite_the_faq() -> None:
    found = findings(full_release(licenses={K.PARAMETERS_FINAL: "NONE"}), "PREF-PARAMS-TERMS")
    assert "explicit statement" in found[0].message
    assert found[0].remediation is not None


def test_checkpoints_are_advisory() -> None:
    release = full_release()
    found = findings(release, "PREF-PARAMS-CHECKPOINTS")
    assert {f.severity for f in found} == {Severity.ADVISORY}
    assert {f.outcome for f in found} == {UNK}
    with_ckpt = full_release(licenses={K.PARAMETERS_INTERMEDIATE: "Apache-2.0"})
    assert outcomes(with_ckpt, "PREF-PARAMS-CHECKPOINTS")["parameters-intermediate"] is MET


@pytest.mark.parametrize(
    ("disclosure", "expected"),
    [
        (Disclosure(state=DisclosureState.DISCLOSED, where=(K.DATA_CARD,)), MET),
        (Disclosure(state=DisclosureState.DISCLOSED, locations=("https://x/#data",)), MET),
        (Disclosure(state=DisclosureState.DISCLOSED, where=(K.RESEARCH_PAPER,)), UNK),
        (Disclosure(state=DisclosureState.PARTIAL, where=(K.DATA_CARD,)), NOT),
        (Disclosure(state=DisclosureState.NOT_DISCLOSED), NOT),
        (Disclosure(state=DisclosureState.NOT_STATED), UNK),
    ],
)
def test_data_element_rules(disclosure: Disclosure, expected: Outcome) -> None:
    info = disclosed().model_copy(update={"provenance": disclosure})
    release = full_release(data_information=info)
    assert outcomes(release, "PREF-DATA-INFO-PROVENANCE") == {"provenance": expected}


def test_disclosure_in_an_unreleased_document_fails() -> None:
    info = disclosed().model_copy(
        update={"scope": Disclosure(state=DisclosureState.DISCLOSED, where=(K.RESEARCH_PAPER,))}
    )
    release = full_release(
        data_information=info,
        licenses={K.RESEARCH_PAPER: None},
        availability={K.RESEARCH_PAPER: Availability.NOT_RELEASED},
    )
    assert outcomes(release, "PREF-DATA-INFO-SCOPE") == {"scope": NOT}


def test_labeling_may_be_not_applicable() -> None:
    info = disclosed().model_copy(
        update={"labeling": Disclosure(state=DisclosureState.NOT_APPLICABLE)}
    )
    assert outcomes(full_release(data_information=info), "PREF-DATA-INFO-LABELING") == {
        "labeling": NA
    }


def test_public_listing_inferred_from_datasets() -> None:
    info = disclosed().model_copy(update={"public_data_listing": Disclosure()})
    datasets = [{"name": "The Pile", "data_class": DataClass.PUBLIC, "locations": ["https://pile"]}]
    release = full_release(data_information=info, training_datasets=datasets)
    found = findings(release, "PREF-DATA-INFO-PUBLIC-LISTING")
    assert [f.outcome for f in found] == [MET]
    assert found[0].evidence[-1].value == "The Pile"
    without_location = [{"name": "Secret", "data_class": DataClass.PUBLIC}]
    release = full_release(data_information=info, training_datasets=without_location)
    assert outcomes(release, "PREF-DATA-INFO-PUBLIC-LISTING") == {"public-data-listing": UNK}


def _terms_findings(release: ModelRelease) -> dict[str, Finding]:
    return {str(f.component): f for f in findings(release, "PREF-DATA-INFO-TERMS")}


def test_data_terms_every_carrier_counts_when_none_is_said_complete() -> None:
    # A CC-BY data card beside a paper whose license osaid cannot judge: the paper may hold
    # part of the account, so its terms decide too.
    info = disclosed(where=(K.DATA_CARD, K.RESEARCH_PAPER))
    release = full_release(data_information=info, licenses={K.RESEARCH_PAPER: "LicenseRef-arXiv"})
    found = _terms_findings(release)
    assert found["data-card"].outcome is MET
    assert found["research-paper"].outcome is UNK
    assert found["research-paper"].severity is Severity.BLOCKING
    assert "no document is said to hold the complete account" in found["research-paper"].message
    assert score(release).verdict.value == "insufficient-information"


def test_data_terms_a_complete_account_under_open_terms_is_enough() -> None:
    info = disclosed(where=(K.DATA_CARD, K.RESEARCH_PAPER), complete_in=(K.DATA_CARD,))
    release = full_release(data_information=info, licenses={K.RESEARCH_PAPER: "LicenseRef-arXiv"})
    found = _terms_findings(release)
    assert found["data-card"].outcome is MET
    assert found["research-paper"].outcome is UNK
    assert found["research-paper"].severity is Severity.ADVISORY
    notes = [e.note or "" for e in found["research-paper"].evidence]
    assert any("complete account" in n and "data card" in n for n in notes)
    assert score(release).verdict.value == "open-source-ai"


def test_data_terms_a_restricted_complete_account_fails_whatever_summarises_it() -> None:
    info = disclosed(where=(K.DATA_CARD, K.RESEARCH_PAPER), complete_in=(K.DATA_CARD,))
    release = full_release(
        data_information=info,
        licenses={K.DATA_CARD: "CC-BY-NC-4.0", K.RESEARCH_PAPER: "CC-BY-4.0"},
    )
    found = _terms_findings(release)
    assert found["data-card"].outcome is NOT
    assert found["data-card"].severity is Severity.BLOCKING
    assert "it holds the complete account" in found["data-card"].message
    assert found["research-paper"].outcome is MET
    assert score(release).verdict.value == "not-open-source-ai"


def test_data_terms_a_restricted_card_beside_an_open_paper_fails() -> None:
    # The split the definition forbids: one open document does not make a restricted one
    # carrying the same elements acceptable. The finding names the document that fails.
    info = disclosed(where=(K.DATA_CARD, K.RESEARCH_PAPER))
    release = full_release(
        data_information=info,
        licenses={K.DATA_CARD: "CC-BY-NC-4.0", K.RESEARCH_PAPER: "CC-BY-4.0"},
    )
    found = _terms_findings(release)
    assert found["research-paper"].outcome is MET
    failing = found["data-card"]
    assert (failing.outcome, failing.severity) == (NOT, Severity.BLOCKING)
    assert failing.message.startswith("Data card: CC-BY-NC-4.0 is not acceptable")
    assert score(release).verdict.value == "not-open-source-ai"


def test_data_terms_a_split_complete_account_needs_every_part() -> None:
    both = (K.DATA_CARD, K.RESEARCH_PAPER)
    info = disclosed(where=(*both, K.MODEL_CARD), complete_in=both)
    open_parts = full_release(
        data_information=info,
        licenses={K.RESEARCH_PAPER: "CC-BY-4.0", K.MODEL_CARD: "LicenseRef-unknown-card-terms"},
    )
    found = _terms_findings(open_parts)
    assert found["model-card"].severity is Severity.ADVISORY
    assert score(open_parts).verdict.value == "open-source-ai"
    one_part_unknown = full_release(
        data_information=info,
        licenses={K.RESEARCH_PAPER: "LicenseRef-arXiv", K.MODEL_CARD: "CC-BY-4.0"},
    )
    assert _terms_findings(one_part_unknown)["research-paper"].severity is Severity.BLOCKING
    assert score(one_part_unknown).verdict.value == "insufficient-information"


def test_data_terms_an_unreleased_complete_account_leaves_every_carrier_deciding() -> None:
    info = disclosed(where=(K.DATA_CARD, K.RESEARCH_PAPER), complete_in=(K.DATA_CARD,))
    release = full_release(
        data_information=info,
        availability={K.DATA_CARD: Availability.NOT_RELEASED},
        licenses={K.RESEARCH_PAPER: "LicenseRef-arXiv"},
    )
    found = _terms_findings(release)
    assert "data-card" not in found
    assert found["research-paper"].severity is Severity.BLOCKING


def test_data_terms_one_document_alone_decides() -> None:
    only_paper = full_release(
        data_information=disclosed(where=(K.RESEARCH_PAPER,)),
        licenses={K.RESEARCH_PAPER: "LicenseRef-arXiv"},
    )
    found = _terms_findings(only_paper)
    assert found["research-paper"].severity is Severity.BLOCKING
    assert score(only_paper).verdict.value == "insufficient-information"


@pytest.mark.parametrize(
    ("where", "complete_in", "problem"),
    [
        ((K.DATA_CARD,), (K.RESEARCH_PAPER,), "complete_in names research-paper"),
        ((K.DATA_CARD,), (K.DATA_CARD, K.DATA_CARD), "lists a component twice"),
        ((), (K.DATA_CARD,), "complete_in names data-card"),
    ],
)
def test_complete_in_must_name_carriers_of_the_element(
    where: tuple[ComponentKind, ...], complete_in: tuple[ComponentKind, ...], problem: str
) -> None:
    with pytest.raises(ValidationError, match=problem):
        Disclosure(state=DisclosureState.DISCLOSED, where=where, complete_in=complete_in)


def test_data_terms_not_applicable_without_disclosures() -> None:
    info = disclosed().model_copy(
        update={
            f: Disclosure(state=DisclosureState.NOT_DISCLOSED) for f in DataInformation.model_fields
        }
    )
    found = findings(full_release(data_information=info), "PREF-DATA-INFO-TERMS")
    assert [(str(f.component), f.outcome) for f in found] == [("system", NA)]


def test_attestation() -> None:
    assert outcomes(full_release(), "PREF-DATA-INFO-SUFFICIENT") == {"system": UNK}
    yes = Attestation(reviewer="R", date=dt.date(2025, 1, 2), sufficient=True)
    assert outcomes(full_release(attestation=yes), "PREF-DATA-INFO-SUFFICIENT") == {"system": MET}
    no = Attestation(reviewer="R", date=dt.date(2025, 1, 2), sufficient=False, statement="thin")
    found = findings(full_release(attestation=no), "PREF-DATA-INFO-SUFFICIENT")
    assert found[0].outcome is NOT
    assert found[0].severity is Severity.BLOCKING


def test_open_data_rule_only_under_its_policy() -> None:
    datasets = [{"name": "Open set", "data_class": DataClass.OPEN}]
    release = full_release(training_datasets=datasets)
    assert findings(release, "FAQ-OPEN-DATA-SHARED") == []
    assert outcomes(release, "FAQ-OPEN-DATA-SHARED", policy="open-data") == {"datasets": NOT}
    shared = full_release(
        training_datasets=[
            {"name": "Open set", "data_class": DataClass.OPEN, "locations": ["https://d"]}
        ]
    )
    assert outcomes(shared, "FAQ-OPEN-DATA-SHARED", policy="open-data") == {"datasets": MET}
    assert outcomes(full_release(), "FAQ-OPEN-DATA-SHARED", policy="open-data") == {"datasets": UNK}
    released = full_release(licenses={K.DATASETS: "ODC-By-1.0"})
    assert outcomes(released, "FAQ-OPEN-DATA-SHARED", policy="open-data") == {"datasets": MET}


def _policy_terms(*kinds: ClauseKind) -> LicenseTerms:
    extra = AdditionalTerms(
        name="Usage policy", clauses=tuple(Clause(kind=k, summary=f"{k} clause") for k in kinds)
    )
    return LicenseTerms(expression="Apache-2.0", additional_terms=(extra,))


def test_freedom_rules_report_each_clause_once_under_its_first_freedom() -> None:
    params = component(K.PARAMETERS_FINAL).model_copy(
        update={
            "license": _policy_terms(
                ClauseKind.NO_TRAINING_OTHER_MODELS, ClauseKind.NO_DISTRIBUTION
            )
        }
    )
    release = full_release().model_copy(
        update={"components": (params, *full_release(drop=(K.PARAMETERS_FINAL,)).components)}
    )
    use = [f for f in findings(release, "FREEDOM-USE") if f.component == K.PARAMETERS_FINAL]
    share = [f for f in findings(release, "FREEDOM-SHARE") if f.component == K.PARAMETERS_FINAL]
    modify = [f for f in findings(release, "FREEDOM-MODIFY") if f.component == K.PARAMETERS_FINAL]
    assert [(f.outcome, f.freedoms) for f in use] == [(NOT, (Freedom.USE, Freedom.MODIFY))]
    assert [(f.outcome, f.freedoms) for f in share] == [(NOT, (Freedom.SHARE,))]
    assert [f.outcome for f in modify] == [MET]
    assert use[0].remediation is not None
    assert use[0].remediation.key == "withdraw:usage-policy"


def test_freedom_rules_cover_study() -> None:
    release = full_release(licenses={K.INFERENCE_CODE: None}).model_copy()
    code = component(K.INFERENCE_CODE).model_copy(
        update={"license": _policy_terms(ClauseKind.NO_REVERSE_ENGINEERING)}
    )
    release = release.model_copy(
        update={
            "components": (*[c for c in release.components if c.kind is not K.INFERENCE_CODE], code)
        }
    )
    study = outcomes(release, "FREEDOM-STUDY")
    assert study["inference-code"] is NOT
    assert study["training-code"] is MET


@pytest.mark.parametrize(
    ("availability", "severity"),
    [
        (Availability.GATED_APPROVAL, Severity.BLOCKING),
        (Availability.ON_REQUEST, Severity.BLOCKING),
        (Availability.GATED_CLICK_THROUGH, Severity.ADVISORY),
    ],
)
def test_gates_are_reported_under_use(availability: Availability, severity: Severity) -> None:
    release = full_release(availability={K.PARAMETERS_FINAL: availability})
    gate = [
        f
        for f in findings(release, "FREEDOM-USE")
        if f.component == K.PARAMETERS_FINAL and f.outcome is NOT
    ]
    assert len(gate) == 1
    assert gate[0].severity is severity
    assert gate[0].remediation is not None
    assert gate[0].remediation.key == "ungate:parameters-final"


def test_freedoms_unknown_for_unknown_terms() -> None:
    release = full_release(licenses={K.TRAINING_CODE: "LicenseRef-Mystery"})
    for rule in ("FREEDOM-USE", "FREEDOM-STUDY", "FREEDOM-MODIFY", "FREEDOM-SHARE"):
        assert outcomes(release, rule)["training-code"] is UNK


def test_freedoms_fail_without_license() -> None:
    release = full_release(licenses={K.TRAINING_CODE: "NONE"})
    assert outcomes(release, "FREEDOM-SHARE")["training-code"] is NOT


def test_optional_components_are_not_judged() -> None:
    release = full_release(licenses={K.MODEL_CARD: "LicenseRef-grok-2-community"})
    assert all(f.component != K.MODEL_CARD for f in score(release).findings)
    assert score(release).verdict.value == "open-source-ai"


def test_checkpoint_terms_are_advisory() -> None:
    release = full_release(licenses={K.PARAMETERS_INTERMEDIATE: "CC-BY-NC-4.0"})
    found = [
        f for f in findings(release, "FREEDOM-USE") if f.component == K.PARAMETERS_INTERMEDIATE
    ]
    assert found
    assert {f.severity for f in found} == {Severity.ADVISORY}
    assert score(release).verdict.value == "open-source-ai"


def test_evidence_names_clause_and_source() -> None:
    release = full_release(licenses={K.PARAMETERS_FINAL: "CC-BY-NC-4.0"})
    found = [f for f in findings(release, "FREEDOM-USE") if f.outcome is NOT]
    evidence = found[0].evidence[0]
    assert evidence.license == "cc-by-nc-4.0"
    assert evidence.section == "1(i), 2(a)(1)"
    assert evidence.verified is True
    assert evidence.url is not None
    assert evidence.field == "components[0].license"


@pytest.mark.parametrize("kind", [K.ARCHITECTURE_CODE, K.INFERENCE_CODE, K.SUPPORTING_LIBRARIES])
def test_each_code_rule_sees_its_own_component(kind: ComponentKind) -> None:
    rule = {
        K.ARCHITECTURE_CODE: "PREF-CODE-ARCHITECTURE",
        K.INFERENCE_CODE: "PREF-CODE-INFERENCE",
        K.SUPPORTING_LIBRARIES: "PREF-CODE-SUPPORT-LIBS",
    }[kind]
    release = full_release(availability={kind: Availability.NOT_RELEASED})
    assert outcomes(release, rule) == {kind.value: NOT}
