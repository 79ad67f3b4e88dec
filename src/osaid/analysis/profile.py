"""How a catalog license fares on its own, as the terms of each component group.

:func:`license_profile` judges one catalog entry (or policy) as if it were the terms of a
parameters, a code and a data-information component; ``osaid licenses`` and the catalog
pages show the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from osaid.analysis.terms import ClauseRef, TermsAnalysis, TermsStatus, analyse_terms
from osaid.licensing.catalog import CatalogEntry, LicenseCatalog, LicenseVersion, default_catalog
from osaid.licensing.clauses import Freedom, OsdCriterion
from osaid.policy import Policy
from osaid.release import AdditionalTerms, Group, LicenseTerms

__all__ = ["LicenseProfile", "license_profile"]


def __dir__() -> list[str]:
    return __all__


@dataclass(frozen=True, slots=True)
class LicenseProfile:
    """How a catalog license (or policy) fares for each component group under a policy."""

    entry: CatalogEntry
    version: LicenseVersion
    status: dict[Group, TermsStatus]
    """The judgment of the terms for parameters, code and data information."""
    osd: tuple[OsdCriterion, ...]
    """The OSD criteria its blocking clauses break."""
    freedoms: tuple[Freedom, ...]
    """The freedoms its blocking clauses restrict."""
    clauses: tuple[ClauseRef, ...]
    """Every clause in force (incorporated policies included)."""


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
    A policy entry is judged as additional terms layered on an OSI-approved license.
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
    analysis: TermsAnalysis | None = None
    for group in (Group.PARAMETERS, Group.CODE, Group.DATA_INFORMATION):
        analysis = analyse_terms(
            terms, group=group, policy=policy, multimodal=multimodal, catalog=catalog
        )
        status[group] = analysis.status
    assert analysis is not None
    return LicenseProfile(
        entry=entry,
        version=text,
        status=status,
        osd=analysis.osd,
        freedoms=analysis.freedoms,
        clauses=analysis.clauses,
    )
