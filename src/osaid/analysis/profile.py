"""How a catalog license fares on its own, as the terms of each component group.

:func:`license_profile` judges one catalog entry (or policy) as if it were the terms of a
parameters, a code and a data-information component (the model, its code and its
documentation, each judged by the clauses that bind it); ``osaid licenses`` and the
catalog pages show the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from osaid.analysis.terms import ClauseRef, TermsAnalysis, TermsStatus, analyse_terms
from osaid.licensing.catalog import CatalogEntry, LicenseCatalog, LicenseVersion, default_catalog
from osaid.licensing.clauses import Freedom, Material, OsdCriterion
from osaid.policy import Policy
from osaid.release import AdditionalTerms, Group, LicenseTerms

__all__ = ["LicenseProfile", "license_profile"]


def __dir__() -> list[str]:
    return __all__


_GROUP_MATERIALS: dict[Group, Material] = {
    Group.PARAMETERS: Material.MODEL,
    Group.CODE: Material.CODE,
    Group.DATA_INFORMATION: Material.DOCUMENTATION,
}
"""The material a profile judges for each group: the weights, the code, the documents."""


@dataclass(frozen=True, slots=True)
class LicenseProfile:
    """How a catalog license (or policy) fares for each component group under a policy."""

    entry: CatalogEntry
    version: LicenseVersion
    status: dict[Group, TermsStatus]
    """The judgment of the terms for parameters, code and data information."""
    osd: tuple[OsdCriterion, ...]
    """The OSD criteria its blocking clauses break (for any material)."""
    freedoms: tuple[Freedom, ...]
    """The freedoms its blocking clauses restrict (for any material)."""
    clauses: tuple[ClauseRef, ...]
    """Every clause of the text (incorporated policies included), whatever it binds."""


def license_profile(
    entry: CatalogEntry,
    *,
    version: str | None = None,
    policy: Policy,
    multimodal: bool | None = True,
    catalog: LicenseCatalog | None = None,
) -> LicenseProfile:
    """Judge a catalog entry on its own, as the terms of a parameters, code and data component.

    ``multimodal`` defaults to True so that clauses limited to multimodal models count.
    A policy entry is judged as additional terms layered on an OSI-approved license. Each
    group is judged for its material (weights, code, documents); the clauses, criteria and
    freedoms listed are those of the whole text.
    """
    catalog = default_catalog() if catalog is None else catalog
    text = entry.find_version(version) or entry.latest
    if entry.kind.value == "policy":
        terms = LicenseTerms(
            expression="MIT",
            additional_terms=(
                AdditionalTerms(name=entry.name, ref=entry.id, version=text.version),
            ),
        )
    else:
        terms = LicenseTerms(expression=entry.licenseref, version=text.version)
    status: dict[Group, TermsStatus] = {}
    for group, material in _GROUP_MATERIALS.items():
        status[group] = analyse_terms(
            terms,
            group=group,
            policy=policy,
            multimodal=multimodal,
            material=material,
            catalog=catalog,
        ).status
    analysis: TermsAnalysis = analyse_terms(
        terms, group=Group.PARAMETERS, policy=policy, multimodal=multimodal, catalog=catalog
    )
    return LicenseProfile(
        entry=entry,
        version=text,
        status=status,
        osd=analysis.osd,
        freedoms=analysis.freedoms,
        clauses=analysis.clauses,
    )
