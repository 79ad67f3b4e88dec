"""Rules for the code group of OSAID 1.0's preferred form."""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from osaid.findings import Evidence, Finding, Outcome
from osaid.release import Availability, ComponentKind, Group
from osaid.rules._base import (
    Check,
    Citation,
    Rule,
    RuleContext,
    RuleSpec,
    component_key,
    terms_key,
)
from osaid.rules._common import availability_finding, terms_finding

__all__ = ["CODE_RULES"]

_SECTION = "Preferred form to make modifications to machine-learning systems: Code"
_K = ComponentKind


def _spec(rule_id: str, kind: ComponentKind, question: str, excerpt: str, why: str) -> RuleSpec:
    return RuleSpec(
        id=rule_id,
        title=question,
        group=Group.CODE,
        citation=Citation(section=_SECTION, excerpt=excerpt),
        rationale=why,
        remediation=f"Publish the {kind.label.lower()} under an OSI-approved license.",
    )


ARCHITECTURE = _spec(
    "PREF-CODE-ARCHITECTURE",
    _K.ARCHITECTURE_CODE,
    "Is the model architecture code released?",
    "The code must include the model architecture.",
    "The architecture is part of the model itself; without it the parameters cannot be "
    "loaded, studied or modified.",
)
INFERENCE = _spec(
    "PREF-CODE-INFERENCE",
    _K.INFERENCE_CODE,
    "Is the code for running inference released?",
    "The code must include the code for running inference.",
    "Running the system is the first freedom; the code to do so must be open too.",
)
TRAINING = _spec(
    "PREF-CODE-TRAINING",
    _K.TRAINING_CODE,
    "Is the training code, with the arguments and settings used, released?",
    "The code must include training, with the code arguments and settings that were used, "
    "and must fully specify how training was done.",
    "The FAQ explains that, unlike compilers, training code is not standardised: without "
    "it a skilled person cannot rebuild or meaningfully modify the system.",
)
DATA_PROCESSING = _spec(
    "PREF-CODE-DATA-PROCESSING",
    _K.DATA_PROCESSING_CODE,
    "Is the code that processed and filtered the training data released (if any was used)?",
    "If used, the code must include data processing and filtering, and must fully specify "
    "how the data was processed and filtered.",
    "How the data was cleaned, deduplicated and filtered shapes the model as much as the "
    "data does.",
)
VALIDATION = _spec(
    "PREF-CODE-VALIDATION-TESTING",
    _K.EVALUATION_CODE,
    "Is the validation and testing code released (if any was used)?",
    "If used, the code must include validation and testing.",
    "The OSI 1.0 checklist groups this with training ('training, validation and testing "
    "code'); when the release says nothing separate about it, osaid judges it with the "
    "training code and says so.",
)
SUPPORT = _spec(
    "PREF-CODE-SUPPORT-LIBS",
    _K.SUPPORTING_LIBRARIES,
    "Are the supporting libraries (tokenizers, hyperparameter search code) released (if used)?",
    "If used, the code must include supporting libraries such as tokenizers and "
    "hyperparameter search code.",
    "Tokenizers and search code are part of how the system was built and how it runs.",
)
LICENSE = RuleSpec(
    id="PREF-CODE-LICENSE",
    title="Is every released piece of code under an OSI-approved license?",
    group=Group.CODE,
    citation=Citation(
        section=_SECTION,
        excerpt="The complete source code shall be made available under OSI-approved licenses.",
    ),
    rationale=(
        "For code the definition says 'licenses', not 'terms': only licenses the OSI has "
        "approved qualify, whatever the policy says about parameters and data."
    ),
    remediation="Release the code under an OSI-approved license.",
)


def _availability(spec: RuleSpec, kind: ComponentKind) -> Check:
    def check(ctx: RuleContext) -> Iterator[Finding]:
        yield availability_finding(spec, ctx, kind)

    return check


def _validation(ctx: RuleContext) -> Iterator[Finding]:
    kind = _K.EVALUATION_CODE
    training = ctx.availability(_K.TRAINING_CODE)
    if ctx.availability(kind) is Availability.NOT_STATED and training.released:
        yield VALIDATION.finding(
            kind,
            Outcome.MET,
            "Validation and testing code: taken to ship with the released training code, "
            "as the OSI 1.0 checklist groups them.",
            evidence=(
                Evidence(
                    field=f"{ctx.field(kind)}.availability",
                    value=Availability.NOT_STATED.value,
                    note="not stated separately; judged with the training code",
                ),
                Evidence(field=f"{ctx.field(_K.TRAINING_CODE)}.availability", value=training),
            ),
        )
        return
    yield availability_finding(VALIDATION, ctx, kind)


def _license(ctx: RuleContext) -> Iterator[Finding]:
    for kind in ctx.released(Group.CODE):
        yield terms_finding(LICENSE, ctx, kind, ctx.terms[kind], what="an OSI-approved license")


def _availability_rule(spec: RuleSpec, kind: ComponentKind) -> Rule:
    return Rule(spec, _availability(spec, kind), key=lambda ctx: component_key(ctx, kind))


def _code_terms_key(ctx: RuleContext) -> Hashable:
    return tuple((kind, terms_key(ctx, kind)) for kind in ctx.released(Group.CODE))


CODE_RULES = (
    _availability_rule(ARCHITECTURE, _K.ARCHITECTURE_CODE),
    _availability_rule(INFERENCE, _K.INFERENCE_CODE),
    _availability_rule(TRAINING, _K.TRAINING_CODE),
    _availability_rule(DATA_PROCESSING, _K.DATA_PROCESSING_CODE),
    Rule(
        VALIDATION,
        _validation,
        key=lambda ctx: (
            component_key(ctx, _K.EVALUATION_CODE),
            component_key(ctx, _K.TRAINING_CODE),
        ),
    ),
    _availability_rule(SUPPORT, _K.SUPPORTING_LIBRARIES),
    Rule(LICENSE, _license, key=_code_terms_key),
)
