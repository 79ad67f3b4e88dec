"""JSON Schemas of what osaid reads and writes: release documents and JSON reports.

:func:`report_schema` describes the JSON report (``osaid score --format json``,
``Assessment.model_dump_json()``); its ``$id`` names the report format version, which
every report also carries in ``versions.report_format``. :func:`release_schema` describes
native release documents and accepts what the loader accepts, the optional ``$schema``
key included. Some checks the loader makes span several fields or need osaid's own tables
(an SPDX expression's identifiers, a component kind listed twice); a schema cannot express
them, and :data:`CROSS_FIELD_CHECKS` lists them (docs/reports.md shows the list).
"""

from __future__ import annotations

from typing import Any, Final

from osaid.assessment import REPORT_FORMAT, Assessment
from osaid.release import ComponentKind, DataElement, ModelRelease
from osaid.release.model import DATA_INFORMATION_CARRIERS, Requirement

__all__ = [
    "CROSS_FIELD_CHECKS",
    "JSON_SCHEMA_DIALECT",
    "RELEASE_SCHEMA_ID",
    "REPORT_SCHEMA_ID",
    "release_schema",
    "report_schema",
]


def __dir__() -> list[str]:
    return __all__


JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of both schemas."""

_BASE: Final = "https://raw.githubusercontent.com/osaid/osaid/main/docs/schemas/"

REPORT_SCHEMA_ID: Final = f"{_BASE}report-{REPORT_FORMAT}.schema.json"
"""The ``$id`` of the report schema; it changes with the report format version."""

RELEASE_SCHEMA_ID: Final = f"{_BASE}release.schema.json"
"""The ``$id`` of the release-document schema."""

_ALWAYS: Final = frozenset({Requirement.REQUIRED, Requirement.CARRIER})

CROSS_FIELD_CHECKS: Final[tuple[tuple[str, str], ...]] = (
    ("components", "each component kind is listed at most once"),
    (
        "components[].availability",
        "'not-used' is refused for the required components and the documents that carry "
        "data information: "
        + ", ".join(k.value for k in ComponentKind if k.info.requirement in _ALWAYS),
    ),
    (
        "license, components[].license (and every LicenseTerms)",
        "at least one of 'expression' and 'name'",
    ),
    (
        "…license.expression",
        (
            "a valid SPDX license expression whose identifiers are in osaid's SPDX table (or "
            "LicenseRef-…), or NONE / NOASSERTION; it is normalised (case, spacing) on reading"
        ),
    ),
    (
        "data_information.<element>.where",
        "only documents that can carry data information: "
        + ", ".join(k.value for k in ComponentKind if k in DATA_INFORMATION_CARRIERS),
    ),
    (
        "data_information.<element>.state",
        "'not-applicable' only for "
        + ", ".join(e.value for e in DataElement if e.may_be_not_applicable),
    ),
    (
        "data_information.unshareable_data.state",
        "not 'not-applicable' when a training dataset is marked unshareable",
    ),
    (
        "data_information.public_data_listing.state",
        "not 'not-applicable' when a training dataset is marked open or public",
    ),
    ("sources[] (every Source)", "a url or a title"),
    (
        "every text field",
        (
            "surrounding blanks are removed before the length limits and date patterns are "
            "checked, and a text of blanks only is rejected; the schema checks the text as written"
        ),
    ),
)
"""Checks the loader makes that the release schema cannot express: (field, rule)."""


def report_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON report (one assessment), with ``$schema`` and ``$id``."""
    body = Assessment.model_json_schema(mode="serialization")
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": REPORT_SCHEMA_ID,
        "$comment": (
            f"osaid report format {REPORT_FORMAT} (versions.report_format). 'osaid score "
            "--format json' prints one per release (an array of them for several releases; "
            "one per line with --jsonl)."
        ),
        **body,
    }


def release_schema() -> dict[str, Any]:
    """The JSON Schema of native release documents, with ``$schema`` and ``$id``.

    It accepts an optional ``$schema`` member, as the loader does (the loader ignores it).
    """
    body = ModelRelease.model_json_schema(mode="validation")
    properties = {
        "$schema": {
            "type": "string",
            "format": "uri-reference",
            "description": "The schema the document follows; osaid ignores it when reading.",
        },
        **body.get("properties", {}),
    }
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": RELEASE_SCHEMA_ID,
        "$comment": (
            "The input of 'osaid score'. Some checks span several fields and are made only "
            "by the loader; docs/reports.md lists them."
        ),
        **{k: v for k, v in body.items() if k != "properties"},
        "properties": properties,
    }
