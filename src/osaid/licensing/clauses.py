"""Typed license clauses, the Open Source Definition criteria and the OSAID freedoms.

A :class:`Clause` is one provision of a license or policy that matters for openness:
what kind it is, where it sits, a paraphrase, which materials it binds (the model, code,
documentation, data, outputs, or all of them), which Open Source Definition criteria it
breaks, which OSAID freedoms it restricts, how severe that is, and whether the fact was
checked against the license text. Catalog entries and user-declared additional terms
are both built from clauses.

Every :class:`ClauseKind` carries defaults (criteria, freedoms, severity) recorded in
:data:`CLAUSE_KINDS`; a clause may override them when its text warrants it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Annotated, Any, Final

from pydantic import AfterValidator, model_validator

from osaid._model import Model, NonEmptyStr, ShortText

__all__ = [
    "CLAUSE_KINDS",
    "FREEDOMS",
    "LITIGATION_PRECEDENTS",
    "Clause",
    "ClauseCondition",
    "ClauseKind",
    "ClauseKindInfo",
    "Freedom",
    "Material",
    "OsdCriterion",
    "Severity",
]


def __dir__() -> list[str]:
    return __all__


class Freedom(StrEnum):
    """The four freedoms of OSAID 1.0 ("What is Open Source AI")."""

    USE = "use"
    STUDY = "study"
    MODIFY = "modify"
    SHARE = "share"


FREEDOMS: Final[tuple[Freedom, ...]] = tuple(Freedom)
"""The four freedoms in the definition's order (iterating the enum is slower)."""


class OsdCriterion(IntEnum):
    """The ten criteria of the Open Source Definition (https://opensource.org/osd)."""

    FREE_REDISTRIBUTION = 1
    SOURCE_CODE = 2
    DERIVED_WORKS = 3
    INTEGRITY_OF_AUTHORS_SOURCE = 4
    NO_DISCRIMINATION_AGAINST_PERSONS_OR_GROUPS = 5
    NO_DISCRIMINATION_AGAINST_FIELDS_OF_ENDEAVOR = 6
    DISTRIBUTION_OF_LICENSE = 7
    NOT_SPECIFIC_TO_A_PRODUCT = 8
    MUST_NOT_RESTRICT_OTHER_SOFTWARE = 9
    TECHNOLOGY_NEUTRAL = 10

    @property
    def title(self) -> str:
        """The criterion's heading, e.g. ``"No Discrimination Against Fields of Endeavor"``."""
        return _OSD_TITLES[self]

    @property
    def label(self) -> str:
        """A short label such as ``"OSD 6 (No Discrimination Against Fields of Endeavor)"``."""
        return f"OSD {int(self)} ({self.title})"


_OSD_TITLES = {
    OsdCriterion.FREE_REDISTRIBUTION: "Free Redistribution",
    OsdCriterion.SOURCE_CODE: "Source Code",
    OsdCriterion.DERIVED_WORKS: "Derived Works",
    OsdCriterion.INTEGRITY_OF_AUTHORS_SOURCE: "Integrity of The Author's Source Code",
    OsdCriterion.NO_DISCRIMINATION_AGAINST_PERSONS_OR_GROUPS: (
        "No Discrimination Against Persons or Groups"
    ),
    OsdCriterion.NO_DISCRIMINATION_AGAINST_FIELDS_OF_ENDEAVOR: (
        "No Discrimination Against Fields of Endeavor"
    ),
    OsdCriterion.DISTRIBUTION_OF_LICENSE: "Distribution of License",
    OsdCriterion.NOT_SPECIFIC_TO_A_PRODUCT: "License Must Not Be Specific to a Product",
    OsdCriterion.MUST_NOT_RESTRICT_OTHER_SOFTWARE: "License Must Not Restrict Other Software",
    OsdCriterion.TECHNOLOGY_NEUTRAL: "License Must Be Technology-Neutral",
}


class Severity(StrEnum):
    """How much a finding or clause weighs in the verdict.

    ``blocking``: the requirement is part of the definition, or the clause breaks an OSD
    criterion or an OSAID freedom. ``advisory``: worth knowing, but no criterion clearly
    forbids it.
    """

    BLOCKING = "blocking"
    ADVISORY = "advisory"


class Material(StrEnum):
    """What a clause binds: the kinds of material a license text distinguishes.

    AI licenses often treat their materials differently: the RAIL family restricts "the
    Model and Derivatives of the Model" and grants the accompanying code and documentation
    ("Complementary Material") plainly. A clause binds only the materials it names; a
    component is bound by a clause when the component's material is one of them.
    """

    MODEL = "model"
    """The trained model: final parameters, checkpoints, optimizer state."""
    CODE = "code"
    """Source code: architecture, inference, training, data processing, evaluation, tools."""
    DOCUMENTATION = "documentation"
    """Documents: model and data cards, papers, technical reports, evaluation results."""
    DATA = "data"
    """Datasets: training and evaluation data."""
    OUTPUTS = "outputs"
    """What running the model produces. A clause on outputs binds whoever runs the model,
    so it binds the model too."""
    ALL = "all"
    """Every material the text covers."""


_MATERIAL_ORDER = {material: index for index, material in enumerate(Material)}


def _materials(values: tuple[Material, ...]) -> tuple[Material, ...]:
    if not values:
        msg = "a clause binds at least one material (use 'all' for every material)"
        raise ValueError(msg)
    unique = set(values)
    if Material.ALL in unique and len(unique) > 1:
        msg = "'all' already covers every material; list it alone"
        raise ValueError(msg)
    return tuple(sorted(unique, key=_MATERIAL_ORDER.__getitem__))


LITIGATION_PRECEDENTS: tuple[str, ...] = (
    "Apache-2.0 section 3",
    "CPL-1.0 section 7",
    "APSL-2.0 section 12.1(c)",
)
"""The defensive-termination clauses of OSI-approved licenses that litigation-termination
clauses are compared with: Apache-2.0 section 3 (patent licenses end on a patent suit
claiming the work infringes), CPL-1.0 section 7 (patent rights end on a patent suit against
a contributor or claiming the program infringes) and APSL-2.0 section 12.1(c) (the whole
license ends on a patent suit against the licensor)."""


class ClauseCondition(StrEnum):
    """When a clause applies only to some releases under the license."""

    MULTIMODAL = "multimodal"
    """Only to models that take more than one modality (e.g. text and images)."""


class ClauseKind(StrEnum):
    """What a clause does. The defaults for each kind are in :data:`CLAUSE_KINDS`."""

    FIELD_OF_USE = "field-of-use"
    ACCEPTABLE_USE_POLICY = "acceptable-use-policy"
    USER_THRESHOLD = "user-threshold"
    SEPARATE_LICENSE_REQUIRED = "separate-license-required"
    NO_TRAINING_OTHER_MODELS = "no-training-other-models"
    NON_COMMERCIAL = "non-commercial"
    TERRITORIAL = "territorial"
    REMOTE_RESTRICTION = "remote-restriction"
    UNILATERAL_CHANGE = "unilateral-change"
    TERMINATION_AT_WILL = "termination-at-will"
    REVOCABLE_GRANT = "revocable-grant"
    LITIGATION_TERMINATION = "litigation-termination"
    NAMING_BRANDING = "naming-branding"
    ATTRIBUTION = "attribution"
    SHARE_ALIKE = "share-alike"
    FLOW_DOWN = "flow-down"
    NO_DISTRIBUTION = "no-distribution"
    NO_DERIVATIVES = "no-derivatives"
    NO_REVERSE_ENGINEERING = "no-reverse-engineering"
    NO_GUARDRAIL_CIRCUMVENTION = "no-guardrail-circumvention"
    APPROVAL_GATED_ACCESS = "approval-gated-access"
    CLICK_THROUGH = "click-through"
    DERIVATIVE_REPORTING = "derivative-reporting"
    NO_PATENT_GRANT = "no-patent-grant"
    LAW_COMPLIANCE = "law-compliance"
    TERMINATION_ON_BREACH = "termination-on-breach"
    ACCEPTANCE_BY_USE = "acceptance-by-use"
    GOVERNING_LAW = "governing-law"


@dataclass(frozen=True, slots=True)
class ClauseKindInfo:
    """The defaults and the reasoning behind one :class:`ClauseKind`.

    ``restrictive`` is false for kinds the Open Source Definition allows (attribution,
    share-alike, obeying the law): such clauses are recorded but produce no finding.
    """

    title: str
    osd: tuple[OsdCriterion, ...]
    freedoms: tuple[Freedom, ...]
    severity: Severity
    restrictive: bool
    rationale: str


_U, _S, _M, _H = Freedom.USE, Freedom.STUDY, Freedom.MODIFY, Freedom.SHARE
_B, _A = Severity.BLOCKING, Severity.ADVISORY
_O = OsdCriterion

CLAUSE_KINDS: dict[ClauseKind, ClauseKindInfo] = {
    ClauseKind.FIELD_OF_USE: ClauseKindInfo(
        "Field-of-use or behavioural restriction",
        (_O(6),),
        (_U, _M, _H),
        _B,
        True,
        "Forbidding uses (medical advice, military, surveillance ...) discriminates against "
        "fields of endeavor and removes the freedom to use for any purpose.",
    ),
    ClauseKind.ACCEPTABLE_USE_POLICY: ClauseKindInfo(
        "Acceptable-use policy made a condition of the grant",
        (_O(6),),
        (_U,),
        _B,
        True,
        "An acceptable-use policy is a list of forbidden fields of use; making it a condition "
        "of the grant limits the purposes the system may serve.",
    ),
    ClauseKind.USER_THRESHOLD: ClauseKindInfo(
        "User or revenue threshold",
        (_O(5),),
        (_U, _H),
        _B,
        True,
        "Withholding rights from licensees above a size (monthly users, revenue) "
        "discriminates against a group of persons.",
    ),
    ClauseKind.SEPARATE_LICENSE_REQUIRED: ClauseKindInfo(
        "Separate license required for some uses",
        (_O(7),),
        (_U,),
        _B,
        True,
        "Rights that depend on executing an additional license with the licensor fail "
        "'Distribution of License' and require asking permission.",
    ),
    ClauseKind.NO_TRAINING_OTHER_MODELS: ClauseKindInfo(
        "Ban on using the model or its outputs to train other models",
        (_O(6),),
        (_U, _M),
        _B,
        True,
        "Building other models is a field of endeavor; banning it limits both use and the "
        "freedom to modify for any purpose.",
    ),
    ClauseKind.NON_COMMERCIAL: ClauseKindInfo(
        "Non-commercial or research-only use",
        (_O(1), _O(6)),
        (_U, _M, _H),
        _B,
        True,
        "Barring commercial use or sale discriminates against business as a field of "
        "endeavor and restricts free redistribution.",
    ),
    ClauseKind.TERRITORIAL: ClauseKindInfo(
        "Territorial restriction",
        (_O(5),),
        (_U, _M, _H),
        _B,
        True,
        "Denying rights to people or companies in a region discriminates against a group "
        "of persons.",
    ),
    ClauseKind.REMOTE_RESTRICTION: ClauseKindInfo(
        "Licensor may restrict use remotely",
        (_O(7),),
        (_U,),
        _B,
        True,
        "osaid's reading: rights that the licensor can curtail after the fact are not fully "
        "attached to the distributed work, and use then depends on the licensor's consent.",
    ),
    ClauseKind.UNILATERAL_CHANGE: ClauseKindInfo(
        "Licensor may change the terms unilaterally",
        (_O(7),),
        (_U, _M, _H),
        _B,
        True,
        "osaid's reading: terms the licensor can rewrite (directly or through an "
        "incorporated, updatable policy) do not fix the rights attached to the work.",
    ),
    ClauseKind.TERMINATION_AT_WILL: ClauseKindInfo(
        "Licensor may terminate at will",
        (_O(7),),
        (_U, _M, _H),
        _B,
        True,
        "osaid's reading: a grant the licensor may end at any time for no cause leaves "
        "every use subject to the licensor's continued permission.",
    ),
    ClauseKind.REVOCABLE_GRANT: ClauseKindInfo(
        "Grant described as revocable, with no ground for revoking it",
        (_O(7),),
        (_U, _M, _H),
        _B,
        True,
        "osaid's reading: a grant called revocable that names no ground or procedure for "
        "revoking it can be withdrawn at any time, which is termination at will by another "
        "name; both are judged alike. A grant revocable only on stated grounds (breach, a "
        "lawsuit) is recorded as those grounds.",
    ),
    ClauseKind.LITIGATION_TERMINATION: ClauseKindInfo(
        "Termination on litigation",
        (),
        (_U,),
        _A,
        True,
        "Defensive termination exists in OSI-approved licenses (Apache-2.0 section 3, CPL-1.0 "
        "section 7, APSL-2.0 section 12.1(c)); a clause within those precedents is recorded "
        "only. A broader trigger (copyright or any intellectual-property claim, suits over "
        "outputs, suits against anyone) is more restrictive but not clearly forbidden: "
        "advisory, unless the policy makes such breadth blocking.",
    ),
    ClauseKind.NAMING_BRANDING: ClauseKindInfo(
        "Naming or branding duty",
        (),
        (_M, _H),
        _A,
        True,
        "OSD 4 lets a license require a different name for derived works; requiring the "
        "licensor's brand ('Built with X', a name prefix) goes beyond it but is not clearly "
        "forbidden.",
    ),
    ClauseKind.ATTRIBUTION: ClauseKindInfo(
        "Attribution or notice duty",
        (),
        (),
        _A,
        False,
        "Keeping notices and crediting authors is allowed by the Open Source Definition.",
    ),
    ClauseKind.SHARE_ALIKE: ClauseKindInfo(
        "Share-alike or copyleft",
        (),
        (),
        _A,
        False,
        "OSAID 1.0 allows terms that require modified versions to be released under the "
        "same terms.",
    ),
    ClauseKind.FLOW_DOWN: ClauseKindInfo(
        "Use restrictions must flow down to recipients",
        (_O(6),),
        (_M, _H),
        _B,
        True,
        "Copyleft of freedoms is allowed; copyleft of use restrictions carries the "
        "field-of-use discrimination into every derived work.",
    ),
    ClauseKind.NO_DISTRIBUTION: ClauseKindInfo(
        "No distribution",
        (_O(1), _O(3)),
        (_H,),
        _B,
        True,
        "Forbidding redistribution of the work or of modifications fails free "
        "redistribution and derived works.",
    ),
    ClauseKind.NO_DERIVATIVES: ClauseKindInfo(
        "No derivatives",
        (_O(3),),
        (_M, _H),
        _B,
        True,
        "Forbidding adapted versions fails the Derived Works criterion.",
    ),
    ClauseKind.NO_REVERSE_ENGINEERING: ClauseKindInfo(
        "No reverse engineering",
        (_O(2),),
        (_S, _M),
        _B,
        True,
        "osaid's reading: forbidding inspection of the distributed work removes the freedom "
        "to study it, which the Source Code criterion presupposes.",
    ),
    ClauseKind.NO_GUARDRAIL_CIRCUMVENTION: ClauseKindInfo(
        "Rights end if safety guardrails are removed",
        (_O(3),),
        (_M,),
        _B,
        True,
        "Making the grant depend on keeping the licensor's guardrails limits the freedom to "
        "modify the system, including its outputs.",
    ),
    ClauseKind.APPROVAL_GATED_ACCESS: ClauseKindInfo(
        "Access requires the licensor's approval",
        (_O(5), _O(7)),
        (_U,),
        _B,
        True,
        "Access granted case by case requires asking permission and can exclude persons.",
    ),
    ClauseKind.CLICK_THROUGH: ClauseKindInfo(
        "Click-through acceptance",
        (),
        (_U,),
        _A,
        True,
        "An automatic click-through grants access to everyone, but makes the terms a "
        "contract accepted before download.",
    ),
    ClauseKind.DERIVATIVE_REPORTING: ClauseKindInfo(
        "Reporting duty for derivatives",
        (),
        (_M, _H),
        _A,
        True,
        "A duty to publish reports about derived works burdens modification and sharing, "
        "though no criterion clearly forbids it.",
    ),
    ClauseKind.NO_PATENT_GRANT: ClauseKindInfo(
        "No patent license",
        (),
        (_U,),
        _A,
        True,
        "Withholding patent rights leaves users exposed, as some permissive licenses do; "
        "not a criterion failure on its face.",
    ),
    ClauseKind.LAW_COMPLIANCE: ClauseKindInfo(
        "Obey applicable law",
        (),
        (),
        _A,
        False,
        "Restating that users must obey the law (export control included) restricts nothing "
        "the law does not already restrict.",
    ),
    ClauseKind.TERMINATION_ON_BREACH: ClauseKindInfo(
        "Termination on breach",
        (),
        (),
        _A,
        False,
        "Rights that end when the licensee breaks the license's own conditions are how "
        "OSI-approved licenses work too (GPL-3.0 section 8, MPL-2.0 section 5.1); what "
        "matters is the conditions, which are recorded as clauses of their own.",
    ),
    ClauseKind.ACCEPTANCE_BY_USE: ClauseKindInfo(
        "Acceptance by download or use",
        (),
        (),
        _A,
        False,
        "Saying that downloading or using the work accepts the license grants access to "
        "everyone and adds no condition of its own (a download gate is judged separately).",
    ),
    ClauseKind.GOVERNING_LAW: ClauseKindInfo(
        "Governing law and venue",
        (),
        (),
        _A,
        False,
        "Choosing the law and the courts for disputes restricts no use; OSI-approved licenses "
        "do it too (MPL-2.0 section 8, EPL-1.0 section 7).",
    ),
}


_MAX_QUOTE = 400
_FREEDOM_ORDER = {freedom: index for index, freedom in enumerate(Freedom)}


def _sorted_unique(values: tuple[OsdCriterion, ...]) -> tuple[OsdCriterion, ...]:
    return tuple(sorted(set(values)))


def _in_freedom_order(values: tuple[Freedom, ...]) -> tuple[Freedom, ...]:
    return tuple(sorted(set(values), key=_FREEDOM_ORDER.__getitem__))


class Clause(Model):
    """One provision of a license or policy, typed for openness analysis.

    Criteria, freedoms and severity default to those of the clause kind; give them
    explicitly when the clause text warrants something else.
    """

    kind: ClauseKind
    """What the clause does."""
    section: NonEmptyStr | None = None
    """Where it sits in the text, e.g. ``"2.b"`` or ``"Attachment A, item 3"``."""
    summary: ShortText
    """A paraphrase of what the clause says."""
    quote: ShortText | None = None
    """At most one sentence quoted from the text, where the exact wording matters."""
    osd: Annotated[tuple[OsdCriterion, ...], AfterValidator(_sorted_unique)] = ()
    """The Open Source Definition criteria the clause breaks (empty: none clearly)."""
    freedoms: Annotated[tuple[Freedom, ...], AfterValidator(_in_freedom_order)] = ()
    """The OSAID freedoms the clause restricts."""
    severity: Severity = Severity.ADVISORY
    """``blocking`` if it breaks a criterion or freedom; ``advisory`` otherwise."""
    verified: bool = False
    """True when the clause was checked against the license text itself."""
    note: ShortText | None = None
    """Anything a reader needs to weigh the clause (a condition, an interpretation)."""
    condition: ClauseCondition | None = None
    """The clause applies only to releases that meet this condition (None: to all)."""
    materials: Annotated[tuple[Material, ...], AfterValidator(_materials)] = (Material.ALL,)
    """The materials the clause binds, as the text scopes it (default: all of them)."""
    broader_than_precedent: bool | None = None
    """For litigation-termination clauses: whether the trigger or the effect goes beyond
    every OSI-approved precedent (:data:`LITIGATION_PRECEDENTS`). True: broader (advisory,
    or blocking under a policy that says so); False: within a precedent (recorded only);
    None: not compared (reported as advisory)."""

    @model_validator(mode="before")
    @classmethod
    def _kind_defaults(cls, data: Any) -> Any:
        if isinstance(data, dict) and "kind" in data:
            try:
                info = CLAUSE_KINDS[ClauseKind(data["kind"])]
            except ValueError:
                return data  # the field validator reports the bad kind
            data = dict(data)
            data.setdefault("osd", info.osd)
            data.setdefault("freedoms", info.freedoms)
            data.setdefault("severity", info.severity)
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Clause:
        if self.severity is Severity.BLOCKING and not (self.osd or self.freedoms):
            msg = "a blocking clause must name the OSD criteria or the freedoms it breaks"
            raise ValueError(msg)
        if self.quote is not None and len(self.quote) > _MAX_QUOTE:
            msg = f"quote at most one sentence ({_MAX_QUOTE} characters); paraphrase the rest"
            raise ValueError(msg)
        if (
            self.broader_than_precedent is not None
            and self.kind is not ClauseKind.LITIGATION_TERMINATION
        ):
            msg = "broader_than_precedent applies only to litigation-termination clauses"
            raise ValueError(msg)
        return self

    @property
    def info(self) -> ClauseKindInfo:
        """The defaults and reasoning of this clause's kind."""
        return CLAUSE_KINDS[self.kind]

    @property
    def restrictive(self) -> bool:
        """Whether the clause restricts anything the Open Source Definition protects.

        A litigation-termination clause within an OSI-approved precedent restricts no more
        than OSI-approved licenses do, so it is recorded but not reported.
        """
        if self.kind is ClauseKind.LITIGATION_TERMINATION:
            return self.broader_than_precedent is not False
        return self.info.restrictive

    def binds(self, material: Material | None) -> bool:
        """Whether the clause binds ``material``.

        None stands for any material (a license judged on its own). A clause on outputs
        binds the model too, since running the model produces them.
        """
        if material is None or Material.ALL in self.materials or material in self.materials:
            return True
        return material is Material.MODEL and Material.OUTPUTS in self.materials

    @property
    def primary_freedom(self) -> Freedom | None:
        """The freedom whose rule reports this clause (its first restricted freedom)."""
        return self.freedoms[0] if self.freedoms else None
