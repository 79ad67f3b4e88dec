"""The release model: what a publisher declares about an AI model release, validated.

Takes a release document (JSON text or a parsed mapping); gives a frozen
:class:`ModelRelease`: components with availability, locations and license terms, the
data-information elements, training datasets, and a source for each fact. Nothing here
is judged.

- :mod:`osaid.release.model`: the types.
- :mod:`osaid.release.validation`: reading and validating documents, with errors that name
  the field and the problem.
"""

from __future__ import annotations

from osaid.release.model import (
    AdditionalTerms,
    Attestation,
    Availability,
    BaseModelRef,
    Component,
    ComponentInfo,
    ComponentKind,
    DataClass,
    DataElement,
    DataInformation,
    Disclosure,
    DisclosureState,
    Group,
    ImportNote,
    LicenseField,
    LicenseTerms,
    Modality,
    ModelRelease,
    NoteKind,
    Requirement,
    TrainingDataset,
    TrainingStage,
)
from osaid.release.validation import (
    MAX_DOCUMENT_BYTES,
    parse_release,
    problems_from,
    read_document,
    read_release,
)

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "AdditionalTerms",
    "Attestation",
    "Availability",
    "BaseModelRef",
    "Component",
    "ComponentInfo",
    "ComponentKind",
    "DataClass",
    "DataElement",
    "DataInformation",
    "Disclosure",
    "DisclosureState",
    "Group",
    "ImportNote",
    "LicenseField",
    "LicenseTerms",
    "Modality",
    "ModelRelease",
    "NoteKind",
    "Requirement",
    "TrainingDataset",
    "TrainingStage",
    "parse_release",
    "problems_from",
    "read_document",
    "read_release",
]


def __dir__() -> list[str]:
    return __all__
