"""The Model Openness Framework lens: a release's MOF class, computed as MOT computes it.

The Model Openness Framework (MOF, LF AI & Data, arXiv:2403.13784) ranks a release in three
cumulative classes by which of its 17 components are released under open licenses:
Class III (Open Model), Class II (Open Tooling Model) and Class I (Open Science Model). Its
Model Openness Tool (MOT, https://mot.isitopen.ai) publishes the class and three progress
figures for each model. :func:`mof_class` computes both from osaid's release model, by the
rules of MOT's evaluator (``web/modules/mof/src/ModelEvaluator.php`` and
``LicenseHandler.php`` of github:lfai/model_openness_tool at commit 8b5d30e, 2026-05-11),
each restated as a :class:`MofRule` with its citation.

The MOF class is a different question from the OSAID verdict: MOF counts released
components and open licenses; OSAID asks for the preferred form to make modifications and
reads every clause. osaid shows both, never one for the other.

Readings: by default (:attr:`MofReading.OSAID`) a component's license is the SPDX expression
osaid resolved (``Apache 2.0`` is Apache-2.0; ``A OR B`` is open if either branch is).
:attr:`MofReading.MOT` matches the license string as the source document wrote it against
SPDX identifiers exactly and case-sensitively, as MOT does, so that MOT's published classes
are reproduced to the digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from functools import partial
from typing import Final, Literal

from osaid._model import ClippedText, Model, NonEmptyStr, ShortText, clip
from osaid._reuse import Memo
from osaid.errors import InvalidLicenseExpression
from osaid.licensing.expressions import LicenseAnd, LicenseNode, LicenseOr, parse_expression
from osaid.licensing.spdx import spdx_license
from osaid.release import ComponentKind, LicenseTerms, ModelRelease

__all__ = [
    "MOF_COMPONENTS",
    "MOF_RULES",
    "MOT_OPEN_DATA_LICENSES",
    "MOT_TYPE_APPROPRIATE",
    "ContentType",
    "MofClass",
    "MofComponentResult",
    "MofComponentSpec",
    "MofComponentStatus",
    "MofProgress",
    "MofReading",
    "MofResult",
    "MofRule",
    "is_mof_open",
    "mof_class",
]


def __dir__() -> list[str]:
    return __all__


MOT_URL: Final = "https://github.com/lfai/model_openness_tool"
MOT_COMMIT: Final = "8b5d30e90a7c62d7d6ece48b91e69ff495920a4d"
MOF_PAPER: Final = "https://arxiv.org/abs/2403.13784"


class MofClass(IntEnum):
    """A MOF class; ``UNCLASSIFIED`` when not even Class III is complete."""

    UNCLASSIFIED = 0
    CLASS_I = 1
    CLASS_II = 2
    CLASS_III = 3

    @property
    def label(self) -> str:
        """MOT's label, e.g. ``"Class I - Open Science Model"``."""
        return _LABELS[self]


_LABELS = {
    MofClass.UNCLASSIFIED: "Unclassified",
    MofClass.CLASS_I: "Class I - Open Science Model",
    MofClass.CLASS_II: "Class II - Open Tooling Model",
    MofClass.CLASS_III: "Class III - Open Model",
}


class ContentType(StrEnum):
    """MOF's content type of a component, which decides the type-appropriate licenses."""

    CODE = "code"
    DATA = "data"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class MofComponentSpec:
    """One of MOF's 17 components (MOT ``mof.settings.yml``)."""

    kind: ComponentKind
    mof_id: int
    """MOT's component id."""
    name: str
    """MOF's name for it."""
    content_type: ContentType
    mof_class: Literal[1, 2, 3]
    """The class that first requires it (classes are cumulative: I includes II and III)."""
    required: bool
    """Whether the class requires it (optional components never affect the class)."""


_C, _D, _T = ContentType.CODE, ContentType.DATA, ContentType.DOCUMENT
_K = ComponentKind

_OPTIONAL = frozenset({_K.SAMPLE_OUTPUTS, _K.SUPPORTING_LIBRARIES, _K.MODEL_METADATA})


def _row(
    kind: ComponentKind, mof_id: int, name: str, content: ContentType, level: Literal[1, 2, 3]
) -> MofComponentSpec:
    return MofComponentSpec(kind, mof_id, name, content, level, required=kind not in _OPTIONAL)


MOF_COMPONENTS: Final[tuple[MofComponentSpec, ...]] = (
    _row(_K.ARCHITECTURE_CODE, 9, "Model architecture", _C, 3),
    _row(_K.PARAMETERS_FINAL, 10, "Model parameters (Final)", _D, 3),
    _row(_K.TECHNICAL_REPORT, 11, "Technical report", _T, 3),
    _row(_K.EVALUATION_RESULTS, 12, "Evaluation results", _T, 3),
    _row(_K.MODEL_CARD, 13, "Model card", _T, 3),
    _row(_K.DATA_CARD, 14, "Data card", _T, 3),
    _row(_K.SAMPLE_OUTPUTS, 20, "Sample model outputs", _T, 3),
    _row(_K.TRAINING_CODE, 7, "Training code", _C, 2),
    _row(_K.INFERENCE_CODE, 8, "Inference code", _C, 2),
    _row(_K.EVALUATION_CODE, 18, "Evaluation code", _C, 2),
    _row(_K.EVALUATION_DATA, 19, "Evaluation data", _D, 2),
    _row(_K.SUPPORTING_LIBRARIES, 22, "Supporting libraries and tools", _C, 2),
    _row(_K.DATASETS, 15, "Datasets", _D, 1),
    _row(_K.DATA_PROCESSING_CODE, 16, "Data preprocessing code", _C, 1),
    _row(_K.PARAMETERS_INTERMEDIATE, 24, "Model parameters (Intermediate)", _D, 1),
    _row(_K.RESEARCH_PAPER, 21, "Research paper", _T, 1),
    _row(_K.MODEL_METADATA, 17, "Model metadata", _D, 1),
)  # fmt: skip
"""MOF's 17 components with their MOT id, content type, class and whether it is required
(``web/modules/mof/config/install/mof.settings.yml``). osaid's optimizer state has no MOF
component of its own (MOF folds it into model metadata) and is not counted."""

MOT_OPEN_DATA_LICENSES: Final[frozenset[str]] = frozenset(
    {
        "CC0-1.0", "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-2.5-AU", "CC-BY-3.0",
        "CC-BY-3.0-AT", "CC-BY-3.0-AU", "CC-BY-3.0-DE", "CC-BY-3.0-IGO", "CC-BY-3.0-NL",
        "CC-BY-3.0-US", "CC-BY-4.0", "CC-BY-SA-1.0", "CC-BY-SA-2.0", "CC-BY-SA-2.0-UK",
        "CC-BY-SA-2.1-JP", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-3.0-AT", "CC-BY-SA-4.0",
        "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "ODC-PDDL-1.0",
        "ODC-By-1.0", "ODbL-1.0", "GFDL-1.3", "OGL-Canada-2.0", "OGL-UK-2.0", "OGL-UK-3.0",
    }
)  # fmt: skip
"""The 31 identifiers MOT counts as open data licenses (``LicenseHandler::OPEN_DATA_LICENSES``,
spellings as MOT writes them: ``ODC-PDDL-1.0`` is not an SPDX id, so SPDX's ``PDDL-1.0`` is
not open to MOT). MOT also counts ``OpenMDW-1.0`` (``OPEN_LICENSES``), and every license
SPDX marks OSI-approved or FSF-libre."""

MOT_TYPE_APPROPRIATE: Final[dict[ContentType, frozenset[str]]] = {
    _C: frozenset(
        {
            "0BSD", "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "Apache-1.0",
            "Apache-1.1", "Apache-2.0", "ECL-1.0", "ECL-2.0", "ISC", "MIT", "MIT-0",
            "MulanPSL-1.0", "MulanPSL-2.0", "NCSA", "UPL-1.0", "OpenMDW-1.0",
        }
    ),
    _D: frozenset(
        {"CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "C-UDA-1.0", "CC-PDDC", "CC0-1.0",
         "PDDL-1.0", "OpenMDW-1.0"}
    ),
    _T: frozenset(
        {"Apache-2.0", "CC-BY-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "FreeBSD-DOC", "CC-PDDC",
         "CC0-1.0", "OpenMDW-1.0"}
    ),
}  # fmt: skip
"""The licenses MOT's form offers per content type (``web/modules/mof/mof-licenses.json``):
an open license outside this list still counts, with a warning that the component should
have a type-appropriate license. Display only; it never changes the class."""


class MofRule(Model):
    """One rule of the MOF lens, with where it comes from."""

    id: NonEmptyStr
    title: ShortText
    source: ShortText
    """The MOF paper section or the MOT source file the rule restates."""
    url: NonEmptyStr


def _rule(rule_id: str, title: str, source: str, url: str) -> MofRule:
    return MofRule(id=rule_id, title=title, source=source, url=url)


_EVALUATOR = f"{MOT_URL}/blob/{MOT_COMMIT}/web/modules/mof/src/ModelEvaluator.php"
_LICENSES = f"{MOT_URL}/blob/{MOT_COMMIT}/web/modules/mof/src/LicenseHandler.php"

MOF_RULES: Final[dict[str, MofRule]] = {
    rule.id: rule
    for rule in (
        _rule(
            "MOF-COMPONENTS",
            "Classes are cumulative: Class II requires Class III's components and its own, "
            "Class I all of them; optional components never count.",
            "MOF paper, section 4 (the classes); MOT mof.settings.yml (class and required flag "
            "of each component); ModelEvaluator::evaluate",
            _EVALUATOR,
        ),
        _rule(
            "MOF-LICENSE-RESOLUTION",
            "A component's license is its own license, else the global license for its content "
            "type (code, data, document), else the release-wide license; none at all is "
            "'unlicensed'.",
            "ModelEvaluator::resolveLicense",
            _EVALUATOR,
        ),
        _rule(
            "MOF-OPEN-LICENSE",
            "A required component counts only if it is included under an open license: "
            "OSI-approved or FSF-libre in the SPDX list, one of MOT's open data licenses, or "
            "OpenMDW-1.0. Unlicensed and other licenses count as missing.",
            "LicenseHandler::isOpenSourceLicense; MOF paper, section 4.3 (open licenses)",
            _LICENSES,
        ),
        _rule(
            "MOF-TYPE-APPROPRIATE",
            "An open license outside the list MOT offers for the component's content type "
            "counts, with a warning.",
            "ModelEvaluator::evaluateComponents (not-type-appropriate); mof-licenses.json",
            _EVALUATOR,
        ),
        _rule(
            "MOF-TECHNICAL-REPORT",
            "A research paper stands in for a technical report that is not included: it is "
            "counted in Classes III and II with its own status, and Class I needs one fewer "
            "component.",
            "ModelEvaluator::handleTechnicalReportOmission and getProgress",
            _EVALUATOR,
        ),
        _rule(
            "MOF-PROGRESS",
            "A class's progress is the share of the required components counted, over all "
            "classes from III down to it; it is 0 if a less open class is not complete, and "
            "at most 100. The class is the most open one whose progress is 100.",
            "ModelEvaluator::getProgress and getClassification",
            _EVALUATOR,
        ),
    )
}
"""The rules of the lens, by id."""


class MofReading(StrEnum):
    """How a component's license string is read."""

    OSAID = "osaid"
    """The SPDX expression osaid resolved for the component (spellings resolved, ``OR`` open
    if a branch is, ``AND`` if every part is)."""
    MOT = "mot"
    """The license string as the source wrote it, matched exactly against SPDX ids, as MOT
    does (``Apache 2.0`` and ``BSD-3`` are then not open)."""


class MofComponentStatus(StrEnum):
    """A component's status in MOT's evaluation."""

    INCLUDED = "included"
    """Released under an open license."""
    MISSING = "missing"
    """Not released, or not stated."""
    UNLICENSED = "unlicensed"
    """Released with no license at all."""
    INVALID = "invalid"
    """Released under a license MOF does not count as open (or one that is not stated)."""


class MofComponentResult(Model):
    """How one MOF component fared."""

    component: ComponentKind
    mof_name: NonEmptyStr
    mof_class: Literal[1, 2, 3]
    required: bool
    content_type: ContentType
    status: MofComponentStatus
    license: ClippedText | None = None
    """The license as the lens read it; None when missing or unlicensed."""
    type_appropriate: bool | None = None
    """For an included component: whether its license is one MOT offers for its type."""
    stands_in_for: ComponentKind | None = None
    """Set on the research paper when it stands in for the technical report."""


class MofProgress(Model):
    """MOT's progress figure for one class."""

    mof_class: Literal[1, 2, 3]
    progress: float
    """0 to 100, as MOT computes it."""
    counted: int
    """Required components counted (included under an open license)."""
    required: int
    """Required components in this class and the less open ones."""
    missing: tuple[ComponentKind, ...] = ()
    """Required components of these classes that do not count, and why is in ``components``."""


class MofResult(Model):
    """A release's MOF class and MOT's three progress figures."""

    framework: Literal["Model Openness Framework"] = "Model Openness Framework"
    version: Literal["1.0"] = "1.0"
    reading: MofReading
    mof_class: MofClass
    label: NonEmptyStr
    """MOT's label for the class."""
    progress: tuple[MofProgress, ...]
    """Classes III, II and I, in that order."""
    components: tuple[MofComponentResult, ...]
    """The 17 components, in MOF order."""
    warnings: tuple[ClippedText, ...] = ()
    """Open licenses that are not type-appropriate (MOF-TYPE-APPROPRIATE)."""

    def progress_of(self, mof_class: int) -> float:
        """The progress figure of class 1, 2 or 3."""
        for item in self.progress:
            if item.mof_class == mof_class:
                return item.progress
        msg = f"no MOF class {mof_class}"
        raise ValueError(msg)


def _symbol_open(identifier: str, *, exact: bool) -> bool:
    if identifier in MOT_OPEN_DATA_LICENSES or identifier == "OpenMDW-1.0":
        return True
    found = spdx_license(identifier)
    if found is None or (exact and found.id != identifier):
        return False
    return found.osi_approved or found.fsf_libre


def is_mof_open(identifier: str) -> bool:
    """Whether MOT counts the SPDX identifier ``identifier`` (exact spelling) as open.

    >>> is_mof_open("Apache-2.0"), is_mof_open("CC-BY-4.0"), is_mof_open("CC-BY-NC-4.0")
    (True, True, False)
    >>> is_mof_open("apache-2.0"), is_mof_open("PDDL-1.0"), is_mof_open("OpenMDW-1.0")
    (False, False, True)
    """
    return _symbol_open(identifier, exact=True)


def _node_open(node: LicenseNode) -> bool:
    if isinstance(node, LicenseOr):
        return any(_node_open(part) for part in node.parts)
    if isinstance(node, LicenseAnd):
        return all(_node_open(part) for part in node.parts)
    return not node.is_ref and _symbol_open(node.key, exact=False)


def _license_text(terms: LicenseTerms, reading: MofReading) -> str:
    if reading is MofReading.MOT:
        return terms.name if terms.name is not None else str(terms.expression)
    return terms.expression if terms.expression is not None else str(terms.name)


def _status(
    terms: LicenseTerms | None, reading: MofReading
) -> tuple[MofComponentStatus, str | None, str | None]:
    """The status, the license as read, and (if open) the identifier to check for type."""
    if terms is None or terms.expression == "NONE":
        return MofComponentStatus.UNLICENSED, None, None
    text = _license_text(terms, reading)
    if reading is MofReading.MOT:
        if text.strip().lower() == "unlicensed":
            return MofComponentStatus.UNLICENSED, None, None
        if is_mof_open(text):
            return MofComponentStatus.INCLUDED, text, text
        return MofComponentStatus.INVALID, text, None
    if terms.expression is None or terms.expression == "NOASSERTION":
        return MofComponentStatus.INVALID, text, None
    try:
        tree = parse_expression(terms.expression).tree
    except InvalidLicenseExpression:  # pragma: no cover - validated on the release
        return MofComponentStatus.INVALID, text, None
    if not _node_open(tree):
        return MofComponentStatus.INVALID, text, None
    return MofComponentStatus.INCLUDED, text, text


def _type_appropriate(identifier: str, content_type: ContentType) -> bool:
    try:
        tree = parse_expression(identifier).tree
    except InvalidLicenseExpression:
        return identifier in MOT_TYPE_APPROPRIATE[content_type]
    names: list[str] = []

    def walk(node: LicenseNode) -> None:
        if isinstance(node, LicenseAnd | LicenseOr):
            for part in node.parts:
                walk(part)
        else:
            names.append(node.key)

    walk(tree)
    return any(name in MOT_TYPE_APPROPRIATE[content_type] for name in names)


def mof_class(release: ModelRelease, *, reading: MofReading | str = MofReading.OSAID) -> MofResult:
    """The release's MOF class and MOT's three progress figures.

    >>> import osaid
    >>> result = mof_class(osaid.load_bundled("grok-2.5"))
    >>> result.mof_class.label, [round(p.progress, 1) for p in result.progress]
    ('Unclassified', [16.7, 0.0, 0.0])
    """
    chosen = MofReading(reading)
    return _mof_class(release, chosen)


def _component_row(
    spec: MofComponentSpec, terms: LicenseTerms | None, *, released: bool, chosen: MofReading
) -> tuple[MofComponentResult, str | None]:
    """One component's result and its type-appropriateness warning, if any."""
    if not released:
        status, text, ident = MofComponentStatus.MISSING, None, None
    else:
        status, text, ident = _status(terms, chosen)
    appropriate = None
    warning = None
    if ident is not None:
        appropriate = _type_appropriate(ident, spec.content_type)
        if not appropriate:
            warning = (
                f"{spec.name} ({spec.content_type.value}) is under {clip(ident, 300)}, an "
                f"open license that is not among those MOT offers for "
                f"{spec.content_type.value}"
            )
    row = MofComponentResult(
        component=spec.kind,
        mof_name=spec.name,
        mof_class=spec.mof_class,
        required=spec.required,
        content_type=spec.content_type,
        status=status,
        license=text or None,
        type_appropriate=appropriate,
    )
    return row, warning


_ROWS: Final = Memo[tuple[MofComponentResult, str | None]]("mof-rows", 4_096)


def _mof_class(release: ModelRelease, chosen: MofReading) -> MofResult:
    rows: list[MofComponentResult] = []
    warnings: list[str] = []
    for spec in MOF_COMPONENTS:
        component = release.component(spec.kind)
        released = component is not None and component.availability.released
        terms = None
        if component is not None and released:
            terms = component.license if component.license is not None else release.license
        key = (spec.kind, released, None if terms is None else (terms.expression, terms.name))
        row, warning = _ROWS.get(
            (key, chosen), partial(_component_row, spec, terms, released=released, chosen=chosen)
        )
        rows.append(row)
        if warning is not None:
            warnings.append(warning)
    by_kind = {row.component: row for row in rows}
    report = by_kind[_K.TECHNICAL_REPORT]
    paper = by_kind[_K.RESEARCH_PAPER]
    substitute = (
        report.status is not MofComponentStatus.INCLUDED
        and paper.status is not MofComponentStatus.MISSING
    )
    if substitute:
        by_kind[_K.RESEARCH_PAPER] = paper.model_copy(update={"stands_in_for": _K.TECHNICAL_REPORT})
        rows = [by_kind[row.component] for row in rows]
    progress = tuple(_progress(level, rows, substitute=substitute) for level in (3, 2, 1))
    achieved = MofClass.UNCLASSIFIED
    for item in progress:
        if item.progress == 100.0:
            achieved = MofClass(item.mof_class)
    return MofResult(
        reading=chosen,
        mof_class=achieved,
        label=achieved.label,
        progress=progress,
        components=tuple(rows),
        warnings=tuple(warnings),
    )


def _required_at(level: int, rows: list[MofComponentResult]) -> list[MofComponentResult]:
    """The required components first required at exactly ``level``."""
    return [row for row in rows if row.required and row.mof_class == level]


def _counted_at(
    level: int, rows: list[MofComponentResult], *, substitute: bool
) -> list[ComponentKind]:
    """Required components of classes III down to ``level`` that count, as MOT lists them.

    With the substitution, the research paper counts in Classes III and II in place of the
    technical report (and in Class I as itself).
    """
    counted = [
        row.component
        for row in rows
        if row.required and row.mof_class >= level and row.status is MofComponentStatus.INCLUDED
    ]
    paper = next(row for row in rows if row.component is _K.RESEARCH_PAPER)
    if substitute and level > 1 and paper.status is MofComponentStatus.INCLUDED:
        counted.append(_K.RESEARCH_PAPER)
    return counted


def _progress(
    level: Literal[1, 2, 3], rows: list[MofComponentResult], *, substitute: bool
) -> MofProgress:
    total = 0
    counted: list[ComponentKind] = []
    stopped_at = level
    for i in (3, 2, 1):
        if i < level:
            break
        total += len(_required_at(i, rows))
        counted = _counted_at(i, rows, substitute=substitute)
        stopped_at = i
        if len(counted) < total:
            break
    missing = tuple(
        row.component
        for row in rows
        if row.required
        and row.mof_class >= level
        and row.component not in counted
        and not (substitute and row.component is _K.TECHNICAL_REPORT)
    )
    if stopped_at > level:
        return MofProgress(
            mof_class=level, progress=0.0, counted=len(counted), required=total, missing=missing
        )
    report = next(row for row in rows if row.component is _K.TECHNICAL_REPORT)
    paper = next(row for row in rows if row.component is _K.RESEARCH_PAPER)
    if (
        level == 1
        and report.status is not MofComponentStatus.INCLUDED
        and paper.status is MofComponentStatus.INCLUDED
    ):
        total -= 1
    value = min(100.0, len(counted) / total * 100) if total else 0.0
    return MofProgress(
        mof_class=level, progress=value, counted=len(counted), required=total, missing=missing
    )
