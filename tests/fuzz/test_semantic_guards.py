"""Semantic guards: hostile license strings never earn a better verdict than they should."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from osaid import (
    Availability,
    Component,
    ComponentKind,
    LicenseTerms,
    ModelRelease,
    Outcome,
    Verdict,
    score,
)
from osaid.importers import ImportResult, import_document
from osaid.licensing.catalog import default_catalog
from osaid.licensing.clauses import Severity
from osaid.licensing.names import ResolutionKind, resolve_license
from osaid.release import Requirement
from osaid.strategies import model_releases, spdx_ids

from ._docs import Seed, mutated
from ._oracle import answer
from ._profiles import fuzz_settings

_KNOWN_WORDS = st.sampled_from(
    ["Apache", "MIT", "GPL", "BSD", "license", "open", "2.0", "CC", "BY", "free", "llama", "-"]
)
unknown_strings = st.one_of(
    st.text(min_size=1, max_size=60),
    st.lists(_KNOWN_WORDS | st.text(max_size=5), min_size=1, max_size=6).map(" ".join),
).filter(lambda s: resolve_license(s).kind is ResolutionKind.UNKNOWN and bool(s.strip()))


def _with_parameter_terms(release: ModelRelease, terms: LicenseTerms) -> ModelRelease:
    parts = tuple(
        c.model_copy(update={"license": terms}) if c.kind is ComponentKind.PARAMETERS_FINAL else c
        for c in release.components
    )
    return release.model_copy(update={"components": parts})


@fuzz_settings(3)
@given(model_releases(conforming=True), unknown_strings)
def test_an_unknown_license_string_is_never_met(release: ModelRelease, raw: str) -> None:
    terms = LicenseTerms(name=raw.strip()[:2000])
    assessment = score(_with_parameter_terms(release, terms))
    findings = [
        f
        for f in assessment.findings
        if f.rule_id == "PREF-PARAMS-TERMS" and f.component is ComponentKind.PARAMETERS_FINAL
    ]
    assert findings
    assert all(f.outcome is not Outcome.MET for f in findings)
    assert assessment.verdict is not Verdict.OPEN_SOURCE_AI


@fuzz_settings(4)
@given(unknown_strings)
def test_an_unknown_license_string_through_an_importer_is_never_met(raw: str) -> None:
    record = {
        "framework": {"name": "Model Openness Framework"},
        "release": {
            "name": "m",
            "components": [{"name": "Model parameters (Final)", "license": raw}],
        },
    }
    result = import_document(record, "mot")
    component = result.release.component(ComponentKind.PARAMETERS_FINAL)
    assert component is not None
    if component.availability is Availability.NOT_RELEASED:
        return  # the string said "component not included"
    findings = [
        f for f in score(result.release).findings if f.component is ComponentKind.PARAMETERS_FINAL
    ]
    assert all(f.outcome is not Outcome.MET for f in findings if f.rule_id == "PREF-PARAMS-TERMS")


def _known_names() -> list[str]:
    names: list[str] = []
    for entry in default_catalog().values():
        names += [entry.id, *entry.aliases]
    return sorted(set(names))


_HOMOGLYPHS = {
    "a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445",
    "A": "\u0391", "B": "\u0392", "C": "\u0421", "E": "\u0395", "H": "\u041d", "I": "\u0406",
    "M": "\u041c", "N": "\u039d", "O": "\u039f", "P": "\u0420", "T": "\u0422", "L": "\u216c",
    "-": "\u2010", "1": "\u0661", "0": "\u0660", "2": "\uff12", ".": "\u2024",
}  # fmt: skip
_BLANKS = [" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\n"]
_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@st.composite
def look_alikes(draw: st.DrawFn) -> tuple[str, str]:
    """A known license string and a variant: case, odd blanks, a homoglyph, an invisible."""
    original = draw(spdx_ids() | st.sampled_from(_known_names()))
    variant = original
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        how = draw(st.sampled_from(["case", "pad", "blanks", "homoglyph", "invisible"]))
        if how == "case":
            variant = draw(st.sampled_from([variant.upper(), variant.lower(), variant.swapcase()]))
        elif how == "pad":
            variant = draw(st.sampled_from(_BLANKS)) + variant + draw(st.sampled_from(_BLANKS))
        elif how == "blanks" and " " in variant:
            variant = variant.replace(" ", draw(st.sampled_from(_BLANKS)))
        elif how == "homoglyph":
            spots = [i for i, ch in enumerate(variant) if ch in _HOMOGLYPHS]
            if spots:
                i = draw(st.sampled_from(spots))
                variant = variant[:i] + _HOMOGLYPHS[variant[i]] + variant[i + 1 :]
        elif how == "invisible":
            i = draw(st.integers(min_value=0, max_value=len(variant)))
            variant = variant[:i] + draw(st.sampled_from(_INVISIBLE)) + variant[i:]
    return original, variant


@fuzz_settings(10)
@given(look_alikes())
def test_look_alikes_resolve_to_the_same_license_or_stay_unknown(case: tuple[str, str]) -> None:
    original, variant = case
    expected = resolve_license(original)
    assume(expected.kind is not ResolutionKind.UNKNOWN)
    found = resolve_license(variant)
    assert found.kind is ResolutionKind.UNKNOWN or found.expression == expected.expression, (
        f"{variant!r} resolved to {found.expression}, but {original!r} is {expected.expression}"
    )


def _assert_verdict_follows(release: ModelRelease) -> None:
    assessment = score(release)
    blocking = [f for f in assessment.findings if f.severity is Severity.BLOCKING]
    if any(f.outcome is Outcome.NOT_MET for f in blocking):
        assert assessment.verdict is Verdict.NOT_OPEN_SOURCE_AI
    elif any(f.outcome is Outcome.UNKNOWN for f in blocking):
        assert assessment.verdict is Verdict.INSUFFICIENT_INFORMATION
    else:
        assert assessment.verdict is Verdict.OPEN_SOURCE_AI


@fuzz_settings(6)
@given(mutated())
def test_no_fuzzed_release_with_a_blocking_failure_is_open_source_ai(
    case: tuple[Seed, Any],
) -> None:
    seed, data = case
    result = answer(lambda: import_document(data, seed.fmt, name="fuzzed"))
    if isinstance(result, ImportResult):
        _assert_verdict_follows(result.release)


_REQUIRED = [k for k in ComponentKind if k.info.requirement is Requirement.REQUIRED]


@fuzz_settings(2)
@given(model_releases(), st.sampled_from(_REQUIRED), unknown_strings)
def test_a_required_component_under_unknown_terms_never_conforms(
    release: ModelRelease, kind: ComponentKind, raw: str
) -> None:
    parts = [c for c in release.components if c.kind is not kind]
    terms = LicenseTerms(name=raw.strip()[:2000])
    parts.append(Component(kind=kind, availability=Availability.PUBLIC, license=terms))
    changed = release.model_copy(update={"components": tuple(parts)})
    _assert_verdict_follows(changed)
    assert score(changed).verdict is not Verdict.OPEN_SOURCE_AI
