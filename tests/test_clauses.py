from __future__ import annotations

import pytest
from pydantic import ValidationError

from osaid.licensing.clauses import (
    CLAUSE_KINDS,
    Clause,
    ClauseKind,
    Freedom,
    OsdCriterion,
    Severity,
)


def test_every_kind_has_consistent_defaults() -> None:
    assert set(CLAUSE_KINDS) == set(ClauseKind)
    for kind, info in CLAUSE_KINDS.items():
        if info.severity is Severity.BLOCKING:
            assert info.osd, f"{kind} blocks without naming an OSD criterion"
            assert info.freedoms, kind
        if not info.osd:
            assert info.severity is Severity.ADVISORY, kind
        if not info.restrictive:
            assert not info.osd, kind
            assert not info.freedoms, kind


def test_defaults_fill_in_from_kind() -> None:
    clause = Clause(kind=ClauseKind.NO_TRAINING_OTHER_MODELS, summary="No training other models.")
    assert clause.osd == (OsdCriterion(6),)
    assert clause.freedoms == (Freedom.USE, Freedom.MODIFY)
    assert clause.severity is Severity.BLOCKING
    assert clause.primary_freedom is Freedom.USE
    assert clause.restrictive


def test_explicit_values_win_and_are_ordered() -> None:
    clause = Clause.model_validate(
        {
            "kind": "field-of-use",
            "summary": "x",
            "osd": [7, 6, 6],
            "freedoms": ["share", "use"],
            "severity": "advisory",
        }
    )
    assert clause.osd == (OsdCriterion(6), OsdCriterion(7))
    assert clause.freedoms == (Freedom.USE, Freedom.SHARE)
    assert clause.severity is Severity.ADVISORY


def test_blocking_clause_must_name_what_it_breaks() -> None:
    with pytest.raises(ValidationError, match="must name the OSD criteria"):
        Clause(kind=ClauseKind.ATTRIBUTION, summary="x", severity=Severity.BLOCKING)


def test_quote_is_short() -> None:
    with pytest.raises(ValidationError, match="quote at most one sentence"):
        Clause(kind=ClauseKind.ATTRIBUTION, summary="x", quote="y" * 401)


def test_bad_kind_is_reported() -> None:
    with pytest.raises(ValidationError, match="kind"):
        Clause.model_validate({"kind": "not-a-kind", "summary": "x"})


def test_osd_titles() -> None:
    assert OsdCriterion(6).label == "OSD 6 (No Discrimination Against Fields of Endeavor)"
    assert all(c.title for c in OsdCriterion)
