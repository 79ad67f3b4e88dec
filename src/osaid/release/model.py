"""The release model's types: what a publisher declares about an AI model release.

Nothing here is judged. A :class:`ModelRelease` lists the release's components (their
availability, location and license terms), the data information elements of OSAID 1.0,
the training datasets with their data classes, and a source for each fact. License
analysis and the rules read it; they never change it.

The component kinds follow the three groups of OSAID 1.0's "preferred form to make
modifications" (data information, code, parameters) and cross-walk to the 17 component
names of the Model Openness Framework (:attr:`ComponentKind.mof_name`).

"Not stated" and "not released" are different facts: a component that the input does
not mention, or marks ``not-stated``, is unknown; a component marked ``not-released`` is
known to be missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import AfterValidator, Field, model_validator

from osaid._model import Model, NonEmptyStr, ShortText
from osaid.errors import InvalidLicenseExpression
from osaid.licensing.clauses import Clause, Material
from osaid.licensing.expressions import parse_expression
from osaid.licensing.names import ResolutionKind, resolve_license
from osaid.sources import PartialDate, Source

__all__ = [
    "ELEMENTS",
    "KINDS",
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
]


def __dir__() -> list[str]:
    return __all__


class Group(StrEnum):
    """The component groups of OSAID 1.0's preferred form, plus the rest."""

    DATA_INFORMATION = "data-information"
    CODE = "code"
    PARAMETERS = "parameters"
    OTHER = "other"
    """Components OSAID 1.0 does not require (model card, evaluation results ...)."""
    SYSTEM = "system"
    """Findings about the release as a whole."""


class Requirement(StrEnum):
    """How OSAID 1.0 treats a component kind."""

    REQUIRED = "required"
    """Part of the preferred form: "must include"."""
    IF_USED = "if-used"
    """Required when the release used such a thing ("if used, this must include")."""
    CARRIER = "carrier"
    """A document that can carry data information; required through the data-information rules."""
    EXAMPLE = "example"
    """Given as an example ("might include"): advisory only."""
    OPTIONAL = "optional"
    """Not required by the definition."""


class ComponentKind(StrEnum):
    """A kind of component a release can include."""

    PARAMETERS_FINAL = "parameters-final"
    PARAMETERS_INTERMEDIATE = "parameters-intermediate"
    OPTIMIZER_STATE = "optimizer-state"
    ARCHITECTURE_CODE = "architecture-code"
    INFERENCE_CODE = "inference-code"
    TRAINING_CODE = "training-code"
    DATA_PROCESSING_CODE = "data-processing-code"
    EVALUATION_CODE = "evaluation-code"
    SUPPORTING_LIBRARIES = "supporting-libraries"
    DATASETS = "datasets"
    DATA_CARD = "data-card"
    RESEARCH_PAPER = "research-paper"
    TECHNICAL_REPORT = "technical-report"
    MODEL_CARD = "model-card"
    EVALUATION_DATA = "evaluation-data"
    EVALUATION_RESULTS = "evaluation-results"
    SAMPLE_OUTPUTS = "sample-outputs"
    MODEL_METADATA = "model-metadata"

    @property
    def info(self) -> ComponentInfo:
        """The group, requirement and Model Openness Framework name of this kind."""
        return COMPONENTS[self]

    @property
    def group(self) -> Group:
        """The OSAID group this kind belongs to."""
        return self.info.group

    @property
    def mof_name(self) -> str | None:
        """The Model Openness Framework component name, if MOF has one."""
        return self.info.mof_name

    @property
    def label(self) -> str:
        """A readable name, e.g. ``"Training code"``."""
        return self.info.title

    @property
    def material(self) -> Material:
        """The material a license text would call this component (model, code ...)."""
        return self.info.material


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    """Facts about one :class:`ComponentKind`."""

    title: str
    group: Group
    requirement: Requirement
    mof_name: str | None
    material: Material
    """What a license text would call it: the clauses that bind this material apply."""


_K = ComponentKind
_G = Group
_R = Requirement
_M = Material

COMPONENTS: Final[dict[ComponentKind, ComponentInfo]] = {
    _K.PARAMETERS_FINAL: ComponentInfo(
        "Model parameters (final)", _G.PARAMETERS, _R.REQUIRED, "Model parameters (Final)", _M.MODEL
    ),
    _K.PARAMETERS_INTERMEDIATE: ComponentInfo(
        "Intermediate checkpoints",
        _G.PARAMETERS,
        _R.EXAMPLE,
        "Model parameters (Intermediate)",
        _M.MODEL,
    ),
    _K.OPTIMIZER_STATE: ComponentInfo("Optimizer state", _G.PARAMETERS, _R.EXAMPLE, None, _M.MODEL),
    _K.ARCHITECTURE_CODE: ComponentInfo(
        "Model architecture code", _G.CODE, _R.REQUIRED, "Model architecture", _M.CODE
    ),
    _K.INFERENCE_CODE: ComponentInfo(
        "Inference code", _G.CODE, _R.REQUIRED, "Inference code", _M.CODE
    ),
    _K.TRAINING_CODE: ComponentInfo(
        "Training code", _G.CODE, _R.REQUIRED, "Training code", _M.CODE
    ),
    _K.DATA_PROCESSING_CODE: ComponentInfo(
        "Data processing code", _G.CODE, _R.IF_USED, "Data preprocessing code", _M.CODE
    ),
    _K.EVALUATION_CODE: ComponentInfo(
        "Validation and testing code", _G.CODE, _R.IF_USED, "Evaluation code", _M.CODE
    ),
    _K.SUPPORTING_LIBRARIES: ComponentInfo(
        "Supporting libraries and tools (tokenizers, hyperparameter search)",
        _G.CODE,
        _R.IF_USED,
        "Supporting libraries and tools",
        _M.CODE,
    ),
    _K.DATASETS: ComponentInfo(
        "Training datasets", _G.DATA_INFORMATION, _R.OPTIONAL, "Datasets", _M.DATA
    ),
    _K.DATA_CARD: ComponentInfo(
        "Data card", _G.DATA_INFORMATION, _R.CARRIER, "Data card", _M.DOCUMENTATION
    ),
    _K.RESEARCH_PAPER: ComponentInfo(
        "Research paper", _G.DATA_INFORMATION, _R.CARRIER, "Research paper", _M.DOCUMENTATION
    ),
    _K.TECHNICAL_REPORT: ComponentInfo(
        "Technical report", _G.DATA_INFORMATION, _R.CARRIER, "Technical report", _M.DOCUMENTATION
    ),
    _K.MODEL_CARD: ComponentInfo(
        "Model card", _G.OTHER, _R.OPTIONAL, "Model card", _M.DOCUMENTATION
    ),
    _K.EVALUATION_DATA: ComponentInfo(
        "Evaluation data", _G.OTHER, _R.OPTIONAL, "Evaluation data", _M.DATA
    ),
    _K.EVALUATION_RESULTS: ComponentInfo(
        "Evaluation results", _G.OTHER, _R.OPTIONAL, "Evaluation results", _M.DOCUMENTATION
    ),
    _K.SAMPLE_OUTPUTS: ComponentInfo(
        "Sample model outputs", _G.OTHER, _R.OPTIONAL, "Sample model outputs", _M.OUTPUTS
    ),
    _K.MODEL_METADATA: ComponentInfo(
        "Model metadata", _G.OTHER, _R.OPTIONAL, "Model metadata", _M.DOCUMENTATION
    ),
}
"""The component table: group, requirement, MOF name and material of every kind."""

KINDS: Final[tuple[ComponentKind, ...]] = tuple(ComponentKind)
"""Every component kind, in table order (iterating the enum is slower)."""

# Documents that can carry data information (plus the datasets, which describe themselves
# through their cards, and the model card, where many publishers put it).
DATA_INFORMATION_CARRIERS: Final = frozenset(
    {_K.DATA_CARD, _K.RESEARCH_PAPER, _K.TECHNICAL_REPORT, _K.DATASETS, _K.MODEL_CARD}
)


class Availability(StrEnum):
    """How a component can be obtained."""

    PUBLIC = "public"
    """Downloadable by anyone, no questions asked."""
    GATED_CLICK_THROUGH = "gated-click-through"
    """Downloadable after accepting terms; access is granted automatically."""
    GATED_APPROVAL = "gated-approval"
    """Downloadable only once the publisher approves the request."""
    ON_REQUEST = "on-request"
    """Available only by asking the publisher."""
    NOT_RELEASED = "not-released"
    """Known not to be released."""
    NOT_STATED = "not-stated"
    """The input does not say (the same as leaving the component out)."""
    NOT_USED = "not-used"
    """No such thing was used (only for kinds OSAID requires "if used" or not at all)."""

    @property
    def released(self) -> bool:
        """Whether the component can be obtained in some way."""
        return self in _RELEASED


_RELEASED = frozenset(
    {
        Availability.PUBLIC,
        Availability.GATED_CLICK_THROUGH,
        Availability.GATED_APPROVAL,
        Availability.ON_REQUEST,
    }
)


def _check_expression(value: str) -> str:
    if value.strip().upper() in {"NONE", "NOASSERTION"}:
        return value.strip().upper()
    try:
        return parse_expression(value).normalized
    except InvalidLicenseExpression as exc:
        hint = ""
        resolution = resolve_license(value)
        if resolution.kind is not ResolutionKind.UNKNOWN and resolution.expression:
            hint = f"; did you mean {resolution.expression!r}?"
        elif "LicenseRef-" not in value:
            hint = (
                "; write SPDX identifiers (e.g. Apache-2.0) or LicenseRef-<name>, or give the "
                "license as written in 'name' instead"
            )
        raise ValueError(exc.reason + hint) from None


LicenseField = Annotated[str, AfterValidator(_check_expression)]
"""An SPDX license expression, normalised; or ``NONE`` (no license at all) or
``NOASSERTION`` (not stated)."""


class AdditionalTerms(Model):
    """Terms layered on top of a license: a usage policy, a gate, a naming rule.

    Name a catalog entry in ``ref`` (``"xai-aup"``), declare the clauses yourself, or both.
    Terms that are neither in the catalog nor described by clauses are judged unknown.
    """

    name: NonEmptyStr
    """What the terms are called, e.g. ``"gpt-oss usage policy"``."""
    ref: NonEmptyStr | None = None
    """The catalog id of the terms, when osaid's catalog has them."""
    url: NonEmptyStr | None = None
    """Where the terms can be read."""
    version: NonEmptyStr | None = None
    """Version or date of the terms as they applied to the release."""
    clauses: tuple[Clause, ...] = ()
    """The clauses of the terms, typed."""
    sources: tuple[Source, ...] = ()
    """Where the facts about these terms come from."""


class LicenseTerms(Model):
    """The legal terms a component is offered under.

    Give an SPDX ``expression`` (custom licenses as ``LicenseRef-<name>``), or the
    license's ``name`` as the publisher wrote it, or both. ``NONE`` says there is no
    license or dedication at all; ``NOASSERTION`` says the terms are not stated.
    """

    expression: LicenseField | None = None
    """SPDX license expression, e.g. ``"Apache-2.0 OR MIT"``, ``"LicenseRef-grok-2-community"``."""
    name: ShortText | None = None
    """The license as the publisher names it (``"Apache 2.0"``, ``"Llama 2 Community License"``)."""
    url: NonEmptyStr | None = None
    """Where the license text can be read."""
    version: NonEmptyStr | None = None
    """Version or date of the license text the release was published under."""
    additional_terms: tuple[AdditionalTerms, ...] = ()
    """Further terms that apply on top of the license."""
    sources: tuple[Source, ...] = ()
    """Where the facts about these terms come from."""

    @model_validator(mode="after")
    def _says_something(self) -> LicenseTerms:
        if self.expression is None and self.name is None:
            msg = "give the license as an SPDX 'expression' or its 'name' (or both)"
            raise ValueError(msg)
        return self

    @property
    def declared(self) -> str:
        """The terms as declared: the expression, else the name."""
        return self.expression if self.expression is not None else str(self.name)


class Component(Model):
    """One component of a release: what it is, whether and where it is available, its terms."""

    kind: ComponentKind
    """What the component is."""
    availability: Availability
    """How it can be obtained."""
    locations: tuple[NonEmptyStr, ...] = ()
    """Where it can be obtained (URLs or identifiers such as ``hf:org/repo``)."""
    license: LicenseTerms | None = None
    """The terms it is offered under; None when not stated (the release-wide license applies)."""
    description: ShortText | None = None
    """What the component contains."""
    sources: tuple[Source, ...] = ()
    """Where the facts about this component come from."""

    @model_validator(mode="after")
    def _not_used_only_where_optional(self) -> Component:
        requirement = self.kind.info.requirement
        if self.availability is Availability.NOT_USED and requirement in {
            Requirement.REQUIRED,
            Requirement.CARRIER,
        }:
            msg = (
                f"'{self.kind}' cannot be 'not-used': OSAID 1.0 requires it for every "
                "machine-learning system (say 'not-released' if it is not published)"
            )
            raise ValueError(msg)
        return self


class DisclosureState(StrEnum):
    """Whether a data-information element is disclosed."""

    DISCLOSED = "disclosed"
    """Disclosed, for all the training data."""
    PARTIAL = "partial"
    """Disclosed for some of the training data only."""
    NOT_DISCLOSED = "not-disclosed"
    """Known not to be disclosed."""
    NOT_STATED = "not-stated"
    """The input does not say."""
    NOT_APPLICABLE = "not-applicable"
    """Nothing to disclose (e.g. no labeling was used)."""


class DataElement(StrEnum):
    """The data-information elements OSAID 1.0 lists."""

    DESCRIPTION = "description"
    UNSHAREABLE_DATA = "unshareable-data"
    PROVENANCE = "provenance"
    SCOPE = "scope"
    ACQUISITION = "acquisition"
    LABELING = "labeling"
    PROCESSING = "processing"
    PUBLIC_DATA_LISTING = "public-data-listing"
    THIRD_PARTY_DATA_LISTING = "third-party-data-listing"

    @property
    def field(self) -> str:
        """The attribute of :class:`DataInformation` holding this element."""
        return _ELEMENT_FIELDS[self]

    @property
    def phrase(self) -> str:
        """The element as a noun phrase, e.g. ``"the provenance of the data"``."""
        return _ELEMENT_TITLES[self]

    @property
    def label(self) -> str:
        """The element as a heading, e.g. ``"The provenance of the data"``."""
        phrase = _ELEMENT_TITLES[self]
        return phrase[0].upper() + phrase[1:]

    @property
    def may_be_not_applicable(self) -> bool:
        """Whether the element can have nothing to disclose."""
        return self in _MAY_BE_NA


ELEMENTS: Final[tuple[DataElement, ...]] = tuple(DataElement)
"""Every data-information element, in definition order (iterating the enum is slower)."""

_ELEMENT_FIELDS: Final = {element: element.value.replace("-", "_") for element in ELEMENTS}

_ELEMENT_TITLES = {
    DataElement.DESCRIPTION: "a complete description of all training data",
    DataElement.UNSHAREABLE_DATA: "a description of the unshareable training data",
    DataElement.PROVENANCE: "the provenance of the data",
    DataElement.SCOPE: "the scope and characteristics of the data",
    DataElement.ACQUISITION: "how the data was obtained and selected",
    DataElement.LABELING: "the labeling procedures",
    DataElement.PROCESSING: "the data processing and filtering methods",
    DataElement.PUBLIC_DATA_LISTING: (
        "a list of all publicly available training data and where to get it"
    ),
    DataElement.THIRD_PARTY_DATA_LISTING: (
        "a list of all training data obtainable from third parties and where to get it"
    ),
}
_MAY_BE_NA = frozenset(
    {
        DataElement.UNSHAREABLE_DATA,
        DataElement.LABELING,
        DataElement.PUBLIC_DATA_LISTING,
        DataElement.THIRD_PARTY_DATA_LISTING,
    }
)


class Disclosure(Model):
    """Whether and where one data-information element is disclosed.

    OSAID asks for the *complete* account of each element under acceptable terms. When
    several documents carry an element, ``complete_in`` says which of them hold that
    complete account; the others only summarise or repeat it, and their terms do not
    decide the verdict. When the release does not say, every document carrying the
    element must be under acceptable terms.
    """

    state: DisclosureState = DisclosureState.NOT_STATED
    """Whether the element is disclosed."""
    where: tuple[ComponentKind, ...] = ()
    """The release components that carry the disclosure (data card, paper, report ...)."""
    complete_in: tuple[ComponentKind, ...] = ()
    """The components in ``where`` that hold the complete account of the element.

    One component: that document alone is complete, and the others in ``where`` summarise
    or repeat it. Several: the complete account is split between them, and each must be
    under acceptable terms. Empty (the default): the release does not say, and every
    component in ``where`` must be under acceptable terms."""
    locations: tuple[NonEmptyStr, ...] = ()
    """URLs or sections where the disclosure can be read."""
    note: ShortText | None = None
    """What is disclosed, or what is missing."""
    sources: tuple[Source, ...] = ()
    """Where this fact comes from."""

    @model_validator(mode="after")
    def _carriers_only(self) -> Disclosure:
        wrong = [kind.value for kind in self.where if kind not in DATA_INFORMATION_CARRIERS]
        if wrong:
            allowed = ", ".join(sorted(k.value for k in DATA_INFORMATION_CARRIERS))
            msg = f"{', '.join(wrong)} cannot carry data information (use one of: {allowed})"
            raise ValueError(msg)
        outside = [kind.value for kind in self.complete_in if kind not in self.where]
        if outside:
            msg = (
                f"complete_in names {', '.join(outside)}, which 'where' does not list; the "
                "complete account must be one of the documents that carry the element"
            )
            raise ValueError(msg)
        if len(set(self.complete_in)) != len(self.complete_in):
            msg = "complete_in lists a component twice"
            raise ValueError(msg)
        return self


class DataInformation(Model):
    """The data-information elements of OSAID 1.0, each with its disclosure."""

    description: Disclosure = Field(default_factory=Disclosure)
    """A complete description of all data used for training."""
    unshareable_data: Disclosure = Field(default_factory=Disclosure)
    """A description of the unshareable data used, if any."""
    provenance: Disclosure = Field(default_factory=Disclosure)
    """Where the data came from."""
    scope: Disclosure = Field(default_factory=Disclosure)
    """The data's scope and characteristics."""
    acquisition: Disclosure = Field(default_factory=Disclosure)
    """How the data was obtained and selected."""
    labeling: Disclosure = Field(default_factory=Disclosure)
    """The labeling procedures, if labeling was used."""
    processing: Disclosure = Field(default_factory=Disclosure)
    """The data processing and filtering methods."""
    public_data_listing: Disclosure = Field(default_factory=Disclosure)
    """A list of all publicly available training data and where to obtain it."""
    third_party_data_listing: Disclosure = Field(default_factory=Disclosure)
    """A list of all training data obtainable from third parties and where to obtain it."""

    @model_validator(mode="after")
    def _not_applicable_only_where_allowed(self) -> DataInformation:
        for element in ELEMENTS:
            disclosure = self.get(element)
            if disclosure.state is DisclosureState.NOT_APPLICABLE and (
                not element.may_be_not_applicable
            ):
                msg = (
                    f"{element.field}: '{element.value}' cannot be 'not-applicable'; every "
                    "machine-learning system has training data to describe"
                )
                raise ValueError(msg)
        return self

    def get(self, element: DataElement) -> Disclosure:
        """The disclosure of ``element``."""
        disclosure: Disclosure = getattr(self, element.field)
        return disclosure


class DataClass(StrEnum):
    """The classes of training data in the OSAID FAQ."""

    OPEN = "open"
    """Data that can be copied, preserved, modified and reshared."""
    PUBLIC = "public"
    """Data others can access as long as it stays available."""
    OBTAINABLE = "obtainable"
    """Data that can be obtained, possibly for a fee."""
    UNSHAREABLE = "unshareable"
    """Data that cannot be shared (personal, licensed, confidential ...)."""


class TrainingStage(StrEnum):
    """Where in training a dataset was used."""

    PRE_TRAINING = "pre-training"
    FINE_TUNING = "fine-tuning"
    PREFERENCE_TUNING = "preference-tuning"
    OTHER = "other"


class TrainingDataset(Model):
    """One dataset used to train the model."""

    name: NonEmptyStr
    """The dataset's name."""
    data_class: DataClass
    """Its class under the OSAID FAQ."""
    stages: tuple[TrainingStage, ...] = ()
    """The training stages it was used in."""
    locations: tuple[NonEmptyStr, ...] = ()
    """Where it can be obtained."""
    license: LicenseTerms | None = None
    """The terms the dataset is available under, if stated."""
    description: ShortText | None = None
    """What the dataset contains."""
    sources: tuple[Source, ...] = ()
    """Where the facts about this dataset come from."""


class Attestation(Model):
    """A reviewer's judgment that the data information is (or is not) sufficient.

    OSAID asks for data information detailed enough that "a skilled person" can build a
    substantially equivalent system; no program can decide that. osaid reports the
    attestation as given.
    """

    reviewer: NonEmptyStr
    """Who reviewed the data information."""
    date: dt.date
    """When."""
    sufficient: bool
    """The reviewer's conclusion."""
    statement: ShortText | None = None
    """The reasoning, briefly."""
    url: NonEmptyStr | None = None
    """Where the full review can be read."""


class BaseModelRef(Model):
    """The model a release was derived from (fine-tune, quantization, distillation ...)."""

    name: NonEmptyStr
    """The base model's name (a bundled release name where osaid has one)."""
    relation: NonEmptyStr = "fine-tune"
    """How the release derives from it."""
    url: NonEmptyStr | None = None
    """Where the base model is published."""
    sources: tuple[Source, ...] = ()
    """Where this fact comes from."""


class NoteKind(StrEnum):
    """What an importer did with a fact of the source document."""

    ASSUMED = "assumed"
    """osaid filled in a fact the source does not state, by a stated reading."""
    INFERRED = "inferred"
    """osaid derived a fact from others in the source (e.g. checklist components)."""
    NORMALISED = "normalised"
    """osaid rewrote a value into its canonical form (a license spelling)."""
    UNMAPPED = "unmapped"
    """The source says something osaid's release model has no place for."""


class ImportNote(Model):
    """What an importer assumed, inferred, normalised or could not map."""

    source_format: NonEmptyStr
    """The format the release was imported from (``mot``, ``eosai``, ``hf`` ...)."""
    kind: NoteKind
    """What happened to the fact."""
    field: NonEmptyStr | None = None
    """Where in the source document the fact sits."""
    message: ShortText
    """What the importer did, in one sentence."""


class Modality(StrEnum):
    """A kind of input or output a model handles."""

    TEXT = "text"
    CODE = "code"
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"
    OTHER = "other"


class ModelRelease(Model):
    """An AI model release as its publisher declares it."""

    name: NonEmptyStr
    """The release's name, e.g. ``"Grok 2.5"``."""
    aliases: tuple[NonEmptyStr, ...] = ()
    """Other names of the release: family names, Hugging Face repository ids."""
    producer: NonEmptyStr | None = None
    """Who published it."""
    version: NonEmptyStr | None = None
    """The release's version, if it has one."""
    date: PartialDate | None = None
    """When it was released."""
    description: ShortText | None = None
    """What the release is."""
    modalities: tuple[Modality, ...] = ()
    """The input modalities the model takes (empty: not stated)."""
    base_model: BaseModelRef | None = None
    """The model this release derives from, if any."""
    license: LicenseTerms | None = None
    """Release-wide terms, applied to every component whose own terms are not stated."""
    components: tuple[Component, ...] = ()
    """The components; a kind that is not listed is not stated."""
    data_information: DataInformation = Field(default_factory=DataInformation)
    """The data-information elements and their disclosure."""
    training_datasets: tuple[TrainingDataset, ...] = ()
    """The datasets used in training, as far as stated."""
    attestation: Attestation | None = None
    """A reviewer's judgment of whether the data information is sufficient."""
    sources: tuple[Source, ...] = ()
    """Where the release-level facts come from."""
    import_notes: tuple[ImportNote, ...] = ()
    """What an importer assumed, inferred, normalised or could not map."""
    croissant: tuple[NonEmptyStr, ...] = ()
    """Croissant dataset metadata files (JSON-LD) describing the training datasets: paths
    relative to the release document (or repository), or URLs. ``osaid.importers.load`` and
    ``osaid.load_repository`` read the local ones into the datasets and data information;
    URLs are kept as references and not fetched."""

    @model_validator(mode="before")
    @classmethod
    def _drop_schema_key(cls, data: Any) -> Any:
        if isinstance(data, dict) and "$schema" in data:
            data = {key: value for key, value in data.items() if key != "$schema"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> ModelRelease:
        seen: set[ComponentKind] = set()
        for index, component in enumerate(self.components):
            if component.kind in seen:
                msg = (
                    f"components[{index}]: '{component.kind}' is listed twice; describe each "
                    "kind once (several repositories go in 'locations', several licenses in "
                    "one expression)"
                )
                raise ValueError(msg)
            seen.add(component.kind)
        unshareable = [
            d.name for d in self.training_datasets if d.data_class is DataClass.UNSHAREABLE
        ]
        state = self.data_information.unshareable_data.state
        if unshareable and state is DisclosureState.NOT_APPLICABLE:
            msg = (
                "data_information.unshareable_data: 'not-applicable' contradicts the "
                f"unshareable training datasets listed ({', '.join(unshareable)})"
            )
            raise ValueError(msg)
        public = [
            d.name
            for d in self.training_datasets
            if d.data_class in {DataClass.OPEN, DataClass.PUBLIC}
        ]
        state = self.data_information.public_data_listing.state
        if public and state is DisclosureState.NOT_APPLICABLE:
            msg = (
                "data_information.public_data_listing: 'not-applicable' contradicts the "
                f"public training datasets listed ({', '.join(public)})"
            )
            raise ValueError(msg)
        return self

    @property
    def multimodal(self) -> bool | None:
        """Whether the model takes more than one modality (code counts as text).

        None when the release does not state its modalities.
        """
        if not self.modalities:
            return None
        kinds = {Modality.TEXT if m is Modality.CODE else m for m in self.modalities}
        return len(kinds) > 1

    def component(self, kind: ComponentKind) -> Component | None:
        """The component of ``kind``, or None when the release does not list it."""
        for component in self.components:
            if component.kind is kind:
                return component
        return None

    def availability(self, kind: ComponentKind) -> Availability:
        """The availability of ``kind`` (``not-stated`` when it is not listed)."""
        component = self.component(kind)
        return Availability.NOT_STATED if component is None else component.availability
