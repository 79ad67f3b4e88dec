"""The license vocabulary: SPDX identifiers and expressions, clause kinds, the catalog, names.

Takes license strings as publishers write them; gives the typed terms the release model
declares and the analysis judges. Nothing here looks at a release.

- :mod:`osaid.licensing.spdx`: osaid's SPDX License List table (OSI approval, deprecation)
  and the open data licenses the default policy accepts.
- :mod:`osaid.licensing.expressions`: SPDX license expressions parsed into trees.
- :mod:`osaid.licensing.clauses`: clause kinds, the OSD criteria and the OSAID freedoms.
- :mod:`osaid.licensing.catalog`: custom AI licenses and policies, clause by clause.
- :mod:`osaid.licensing.names`: what people write for a license, resolved to an SPDX
  expression or a catalog entry.
"""

from __future__ import annotations

from osaid.licensing.catalog import (
    CATALOG_VERSION,
    CatalogEntry,
    LicenseCatalog,
    LicenseVersion,
    default_catalog,
)
from osaid.licensing.clauses import Clause, ClauseKind, Freedom, OsdCriterion, Severity
from osaid.licensing.expressions import LicenseExpression, parse_expression
from osaid.licensing.names import Resolution, ResolutionKind, resolve_hf_license, resolve_license
from osaid.licensing.spdx import (
    OPEN_DATA_LICENSES,
    SpdxLicense,
    is_open_data_license,
    is_osi_approved,
    spdx_license,
    spdx_table,
)

__all__ = [
    "CATALOG_VERSION",
    "OPEN_DATA_LICENSES",
    "CatalogEntry",
    "Clause",
    "ClauseKind",
    "Freedom",
    "LicenseCatalog",
    "LicenseExpression",
    "LicenseVersion",
    "OsdCriterion",
    "Resolution",
    "ResolutionKind",
    "Severity",
    "SpdxLicense",
    "default_catalog",
    "is_open_data_license",
    "is_osi_approved",
    "parse_expression",
    "resolve_hf_license",
    "resolve_license",
    "spdx_license",
    "spdx_table",
]


def __dir__() -> list[str]:
    return __all__
