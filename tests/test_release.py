from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from osaid import (
    Availability,
    ComponentKind,
    DataClass,
    DataElement,
    LicenseTerms,
    ModelRelease,
)
from osaid.release.model import COMPONENTS, Requirement

from .builders import full_release


def _release(**fields: Any) -> ModelRelease:
    return ModelRelease.model_validate({"name": "m", **fields})


def test_minimal_release_and_defaults() -> None:
    release = _release()
    assert release.components == ()
    assert release.availability(ComponentKind.TRAINING_CODE) is Availability.NOT_STATED
    assert release.component(ComponentKind.TRAINING_CODE) is None


def test_every_kind_is_crosswalked() -> None:
    assert set(COMPONENTS) == set(ComponentKind)
    mof = {info.mof_name for info in COMPONENTS.values() if info.mof_name}
    assert len(mof) == 17  # the Model Openness Framework's 17 component names
    assert ComponentKind.PARAMETERS_FINAL.mof_name == "Model parameters (Final)"
    assert ComponentKind.OPTIMIZER_STATE.mof_name is None


def test_models_are_frozen_and_strict() -> None:
    release = full_release()
    with pytest.raises(ValidationError):
        release.name = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs"):
        _release(unknown=1)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "  "}, "at least 1 character"),
        (
            {"components": [{"kind": "training-code", "availability": "not-used"}]},
            "cannot be 'not-used'",
        ),
        (
            {
                "components": [
                    {"kind": "training-code", "availability": "public"},
                    {"kind": "training-code", "availability": "not-released"},
                ]
            },
            "listed twice",
        ),
        ({"components": [{"kind": "weights", "availability": "public"}]}, "Input should be"),
        (
            {"data_information": {"provenance": {"state": "not-applicable"}}},
            "cannot be 'not-applicable'",
        ),
        (
            {"data_information": {"scope": {"state": "disclosed", "where": ["training-code"]}}},
            "cannot carry",
        ),
        (
            {
                "training_datasets": [{"name": "PII set", "data_class": "unshareable"}],
                "data_information": {"unshareable_data": {"state": "not-applicable"}},
            },
            "contradicts the unshareable",
        ),
        (
            {
                "training_datasets": [{"name": "Web", "data_class": "public"}],
                "data_information": {"public_data_listing": {"state": "not-applicable"}},
            },
            "contradicts the public",
        ),
        ({"license": {}}, "give the license"),
        ({"license": {"expression": "MIT OR"}}, "Invalid license expression"),
        ({"license": {"expression": "Apache 2.0"}}, "did you mean 'Apache-2.0'"),
        ({"license": {"expression": "Our License 2"}}, "write SPDX identifiers"),
        ({"sources": [{"note": "x"}]}, "url or a title"),
        ({"date": "2025-13-01"}, "String should match pattern"),
    ],
)
def test_invalid_releases(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _release(**fields)


def test_not_used_allowed_where_optional() -> None:
    release = _release(components=[{"kind": "data-processing-code", "availability": "not-used"}])
    assert release.availability(ComponentKind.DATA_PROCESSING_CODE) is Availability.NOT_USED


def test_license_terms_normalise_and_special_values() -> None:
    assert LicenseTerms(expression="apache-2.0 or mit").expression == "Apache-2.0 OR MIT"
    assert LicenseTerms(expression="none").expression == "NONE"
    assert LicenseTerms(name="Apache 2.0").declared == "Apache 2.0"


def test_data_elements_map_to_fields() -> None:
    release = full_release()
    for element in DataElement:
        assert release.data_information.get(element).state.value == "disclosed"
    assert DataElement.THIRD_PARTY_DATA_LISTING.field == "third_party_data_listing"
    assert DataElement.LABELING.may_be_not_applicable
    assert not DataElement.PROVENANCE.may_be_not_applicable


def test_json_round_trip_and_schema() -> None:
    release = full_release(
        training_datasets=[
            {"name": "Web", "data_class": DataClass.PUBLIC, "locations": ["https://x"]}
        ]
    )
    again = ModelRelease.model_validate_json(release.model_dump_json())
    assert again == release
    schema = ModelRelease.model_json_schema()
    assert schema["additionalProperties"] is False
    assert "components" in schema["properties"]
    assert json.dumps(schema)  # serialisable
    described = schema["$defs"]["Component"]["properties"]["availability"]
    assert described["description"] == "How it can be obtained."


def test_schema_key_is_accepted() -> None:
    release = ModelRelease.model_validate(
        {"$schema": "https://example.org/schema.json", "name": "m"}
    )
    assert release.name == "m"


def test_required_kinds_table() -> None:
    required = {k for k, info in COMPONENTS.items() if info.requirement is Requirement.REQUIRED}
    assert required == {
        ComponentKind.PARAMETERS_FINAL,
        ComponentKind.ARCHITECTURE_CODE,
        ComponentKind.INFERENCE_CODE,
        ComponentKind.TRAINING_CODE,
    }
