from __future__ import annotations

import pytest

from osaid.analysis import TermsStatus, analyse_terms
from osaid.licensing.clauses import Clause, ClauseKind, OsdCriterion
from osaid.policy import DEFAULT, STRICT, Policy
from osaid.release import AdditionalTerms, Group, LicenseTerms

A, R, U = TermsStatus.ACCEPTED, TermsStatus.REJECTED, TermsStatus.UNKNOWN
P, C, D = Group.PARAMETERS, Group.CODE, Group.DATA_INFORMATION


@pytest.mark.parametrize(
    ("expression", "group", "policy", "status"),
    [
        ("Apache-2.0", P, DEFAULT, A),
        ("Apache-2.0", C, DEFAULT, A),
        ("GPL-3.0-only", C, DEFAULT, A),
        ("CC-BY-4.0", P, DEFAULT, A),
        ("CC-BY-4.0", D, DEFAULT, A),
        ("CC-BY-4.0", C, DEFAULT, R),
        ("CC-BY-4.0", P, STRICT, R),
        ("CDLA-Permissive-2.0", P, DEFAULT, A),
        ("OpenMDW-1.0", P, DEFAULT, A),
        ("ODC-By-1.0", D, DEFAULT, A),
        ("CC-BY-SA-4.0", D, DEFAULT, A),
        ("CC-BY-NC-4.0", P, DEFAULT, R),
        ("AML", P, DEFAULT, R),
        ("WTFPL", C, DEFAULT, R),
        ("LicenseRef-Foo", P, DEFAULT, U),
        ("Apache-2.0 OR LicenseRef-Proprietary", P, DEFAULT, A),
        ("Apache-2.0 AND LicenseRef-Proprietary", P, DEFAULT, U),
        ("CC-BY-NC-4.0 OR LicenseRef-Proprietary", P, DEFAULT, U),
        ("CC-BY-NC-4.0 AND LicenseRef-Proprietary", P, DEFAULT, R),
        ("MIT AND CC-BY-NC-4.0", P, DEFAULT, R),
        ("GPL-2.0-or-later WITH Classpath-exception-2.0", C, DEFAULT, A),
        ("GPL-2.0+", C, DEFAULT, A),
        ("GPL-2.0", C, DEFAULT, A),
        ("LicenseRef-grok-2-community", P, DEFAULT, R),
        ("LicenseRef-scancode-xai-cla-2025", C, DEFAULT, R),
        ("Apache-2.0 OR LicenseRef-grok-2-community", P, DEFAULT, A),
        ("DocumentRef-x:LicenseRef-grok-2-community", P, DEFAULT, R),
    ],
)
def test_status(expression: str, group: Group, policy: Policy, status: TermsStatus) -> None:
    analysis = analyse_terms(LicenseTerms(expression=expression), group=group, policy=policy)
    assert analysis.status is status
    assert analysis.declared == expression


def test_none_and_noassertion_and_missing() -> None:
    assert analyse_terms(None, group=P, policy=DEFAULT).status is TermsStatus.NOT_STATED
    terms = LicenseTerms(expression="noassertion")
    assert analyse_terms(terms, group=P, policy=DEFAULT).status is TermsStatus.NOT_STATED
    terms = LicenseTerms(expression="NONE")
    assert analyse_terms(terms, group=P, policy=DEFAULT).status is TermsStatus.NO_LICENSE


def test_unknown_keeps_raw_string() -> None:
    analysis = analyse_terms(LicenseTerms(expression="LicenseRef-Foo"), group=P, policy=DEFAULT)
    assert analysis.unknown_labels == ("LicenseRef-Foo",)


def test_unresolvable_name_stays_unknown() -> None:
    analysis = analyse_terms(LicenseTerms(name="Our Model License v2"), group=P, policy=DEFAULT)
    assert analysis.status is TermsStatus.UNKNOWN
    assert analysis.unknown_labels == ("Our Model License v2",)


@pytest.mark.parametrize(
    ("name", "status"),
    [("Grok 2 Community License", R), ("apache-2.0", A), ("Apache License 2.0", A)],
)
def test_names_resolve(name: str, status: TermsStatus) -> None:
    analysis = analyse_terms(LicenseTerms(name=name), group=P, policy=DEFAULT)
    assert analysis.status is status
    assert any("resolved to" in note for note in analysis.notes)


def test_cc_by_nc_cites_osd_6() -> None:
    analysis = analyse_terms(LicenseTerms(expression="CC-BY-NC-4.0"), group=P, policy=DEFAULT)
    assert OsdCriterion(6) in analysis.osd
    kinds = {ref.clause.kind for ref in analysis.restrictive_clauses}
    assert ClauseKind.NON_COMMERCIAL in kinds


def test_or_reports_chosen_branch_only() -> None:
    analysis = analyse_terms(
        LicenseTerms(expression="MIT OR LicenseRef-grok-2-community"), group=P, policy=DEFAULT
    )
    assert [j.label for j in analysis.judgements] == ["MIT"]
    assert analysis.clauses == ()


def test_grok_versions_differ() -> None:
    first = analyse_terms(
        LicenseTerms(expression="LicenseRef-grok-2-community", version="2025-08-23"),
        group=P,
        policy=DEFAULT,
    )
    kinds = {ref.clause.kind for ref in first.restrictive_clauses}
    assert ClauseKind.USER_THRESHOLD in kinds
    assert ClauseKind.ACCEPTABLE_USE_POLICY not in kinds
    assert OsdCriterion(5) in first.osd
    revised = analyse_terms(
        LicenseTerms(expression="LicenseRef-grok-2-community", version="2025-08-23+d60cbe2"),
        group=P,
        policy=DEFAULT,
    )
    assert ClauseKind.ACCEPTABLE_USE_POLICY in {r.clause.kind for r in revised.restrictive_clauses}


def test_unknown_version_is_noted_not_silent() -> None:
    analysis = analyse_terms(
        LicenseTerms(expression="LicenseRef-grok-2-community", version="v7"),
        group=P,
        policy=DEFAULT,
    )
    assert analysis.status is R
    assert any("not in osaid's catalog" in note for note in analysis.notes)


def _extra(*kinds: ClauseKind, ref: str | None = None) -> AdditionalTerms:
    return AdditionalTerms(
        name="Usage policy",
        ref=ref,
        clauses=tuple(Clause(kind=k, summary="s") for k in kinds),
    )


def test_additional_terms_layer_on_a_clean_license() -> None:
    clean = LicenseTerms(
        expression="Apache-2.0", additional_terms=(_extra(ClauseKind.LAW_COMPLIANCE),)
    )
    assert analyse_terms(clean, group=P, policy=DEFAULT).status is A
    dirty = LicenseTerms(
        expression="Apache-2.0", additional_terms=(_extra(ClauseKind.FIELD_OF_USE),)
    )
    analysis = analyse_terms(dirty, group=P, policy=DEFAULT)
    assert analysis.status is R
    assert all(ref.additional for ref in analysis.restrictive_clauses)
    advisory = LicenseTerms(
        expression="Apache-2.0", additional_terms=(_extra(ClauseKind.NAMING_BRANDING),)
    )
    assert analyse_terms(advisory, group=P, policy=DEFAULT).status is A


def test_additional_terms_by_catalog_ref_and_unknown() -> None:
    by_ref = LicenseTerms(expression="MIT", additional_terms=(_extra(ref="xai-aup"),))
    assert analyse_terms(by_ref, group=C, policy=DEFAULT).status is R
    unknown = LicenseTerms(expression="MIT", additional_terms=(_extra(ref="no-such-policy"),))
    analysis = analyse_terms(unknown, group=C, policy=DEFAULT)
    assert analysis.status is U
    assert analysis.unknown_labels == ("Usage policy",)
    nothing = LicenseTerms(expression="MIT", additional_terms=(_extra(),))
    assert analyse_terms(nothing, group=C, policy=DEFAULT).status is U


def test_inherited_terms_are_recorded() -> None:
    analysis = analyse_terms(
        LicenseTerms(expression="MIT"), group=C, policy=DEFAULT, field="license", inherited=True
    )
    assert analysis.inherited
    assert analysis.field == "license"


def test_deprecated_id_is_noted() -> None:
    analysis = analyse_terms(LicenseTerms(expression="GPL-2.0"), group=C, policy=DEFAULT)
    assert any("deprecated" in note for note in analysis.notes)
