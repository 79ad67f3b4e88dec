"""The analysed terms of every released component of a release.

:func:`analyse_release_terms` applies :func:`~osaid.analysis.terms.analyse_terms` to each
released component, letting a component with no terms of its own take the release-wide
``license``, and judging each component only by the clauses that bind its material (the
model, code, documentation ...). The rules read its result; they never analyse terms
themselves.
"""

from __future__ import annotations

from osaid.analysis.terms import TermsAnalysis, analyse_terms
from osaid.licensing.catalog import LicenseCatalog
from osaid.policy import Policy
from osaid.release import ComponentKind, ModelRelease
from osaid.release.model import KINDS

__all__ = ["analyse_release_terms"]


def __dir__() -> list[str]:
    return __all__


def analyse_release_terms(
    release: ModelRelease, policy: Policy, *, catalog: LicenseCatalog | None = None
) -> dict[ComponentKind, TermsAnalysis]:
    """The analysed terms of every released component, in component order.

    A component with no terms of its own takes the release-wide ``license``.
    """
    out: dict[ComponentKind, TermsAnalysis] = {}
    for index, component in enumerate(release.components):
        if not component.availability.released:
            continue
        terms, field, inherited = component.license, f"components[{index}].license", False
        if terms is None and release.license is not None:
            terms, field, inherited = release.license, "license", True
        out[component.kind] = analyse_terms(
            terms,
            group=component.kind.group,
            policy=policy,
            field=field,
            inherited=inherited,
            multimodal=release.multimodal,
            material=component.kind.material,
            catalog=catalog,
        )
    return {kind: out[kind] for kind in KINDS if kind in out}
