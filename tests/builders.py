"""Small builders for releases used across the tests."""

from __future__ import annotations

from typing import Any

from osaid import (
    Availability,
    Component,
    ComponentKind,
    DataInformation,
    Disclosure,
    DisclosureState,
    LicenseTerms,
    ModelRelease,
)

K = ComponentKind

FULL_LICENSES: dict[ComponentKind, str] = {
    K.PARAMETERS_FINAL: "Apache-2.0",
    K.ARCHITECTURE_CODE: "Apache-2.0",
    K.INFERENCE_CODE: "MIT",
    K.TRAINING_CODE: "Apache-2.0",
    K.DATA_PROCESSING_CODE: "Apache-2.0",
    K.EVALUATION_CODE: "MIT",
    K.SUPPORTING_LIBRARIES: "Apache-2.0",
    K.DATA_CARD: "CC-BY-4.0",
}


def component(
    kind: ComponentKind,
    expression: str | None = None,
    availability: Availability = Availability.PUBLIC,
    **extra: Any,
) -> Component:
    """A component of ``kind`` under ``expression`` (None: license not stated)."""
    terms = None if expression is None else LicenseTerms(expression=expression)
    return Component(
        kind=kind,
        availability=availability,
        license=terms,
        locations=(f"https://example.org/{kind.value}",),
        **extra,
    )


def disclosed(
    *,
    where: tuple[ComponentKind, ...] = (K.DATA_CARD,),
    complete_in: tuple[ComponentKind, ...] = (),
) -> DataInformation:
    """Every data-information element disclosed in ``where`` (complete in ``complete_in``)."""
    shown = Disclosure(state=DisclosureState.DISCLOSED, where=where, complete_in=complete_in)
    return DataInformation(**dict.fromkeys(DataInformation.model_fields, shown))


def full_release(
    *,
    licenses: dict[ComponentKind, str | None] | None = None,
    drop: tuple[ComponentKind, ...] = (),
    availability: dict[ComponentKind, Availability] | None = None,
    **extra: Any,
) -> ModelRelease:
    """A release with every required component under open terms (it conforms).

    ``licenses`` overrides a component's expression (None: not stated); ``drop`` leaves
    components out; ``availability`` overrides availabilities.
    """
    chosen: dict[ComponentKind, str | None] = dict(FULL_LICENSES)
    chosen.update(licenses or {})
    parts = [
        component(kind, expression, (availability or {}).get(kind, Availability.PUBLIC))
        for kind, expression in chosen.items()
        if kind not in drop
    ]
    fields: dict[str, Any] = {"name": "Example model", "producer": "Example Lab"}
    fields.update(extra)
    fields.setdefault("data_information", disclosed())
    return ModelRelease(components=tuple(parts), **fields)
