"""Rules for the parameters group of OSAID 1.0's preferred form."""

from __future__ import annotations

from collections.abc import Iterator

from osaid.analysis import TermsStatus
from osaid.findings import Finding
from osaid.licensing.clauses import Severity
from osaid.release import ComponentKind, Group
from osaid.rules._base import Citation, Rule, RuleContext, RuleSpec, component_key, terms_key
from osaid.rules._common import availability_finding, terms_finding

__all__ = ["PARAMETER_RULES"]

_SECTION = "Preferred form to make modifications to machine-learning systems: Parameters"

PARAMS = RuleSpec(
    id="PREF-PARAMS",
    title="Are the model parameters (weights and configuration) released?",
    group=Group.PARAMETERS,
    citation=Citation(
        section=_SECTION,
        excerpt=(
            "The preferred form must include the model parameters, such as weights or other "
            "configuration settings."
        ),
    ),
    rationale=(
        "Without the parameters there is no model to use, study, modify or share; an "
        "API-only system cannot be Open Source AI."
    ),
    remediation="Publish the final parameters for download.",
)

PARAMS_TERMS = RuleSpec(
    id="PREF-PARAMS-TERMS",
    title="Are the parameters offered under OSI-approved terms?",
    group=Group.PARAMETERS,
    citation=Citation(
        section=_SECTION,
        excerpt=(
            "Parameters shall be made available under OSI-approved terms; the FAQ adds that "
            "an explicit statement that they are freely available must accompany them."
        ),
    ),
    rationale=(
        "The OSI has published no list of approved terms for parameters; the policy says "
        "which licenses count. Weights with no license or dedication at all fail, since "
        "the FAQ asks for an explicit grant; weights whose terms are not stated are unknown."
    ),
    remediation="Offer the parameters under acceptable terms with no use restrictions.",
)

CHECKPOINTS = RuleSpec(
    id="PREF-PARAMS-CHECKPOINTS",
    title="Are intermediate checkpoints and the final optimizer state released?",
    group=Group.PARAMETERS,
    citation=Citation(
        section=_SECTION,
        excerpt=(
            "The parameters 'might include' checkpoints from key intermediate stages of "
            "training and the final optimizer state."
        ),
    ),
    rationale=(
        "The definition gives these as examples, not requirements, so their absence never "
        "decides the verdict; releasing them helps others study and continue training."
    ),
    remediation="Publish intermediate checkpoints and the optimizer state, where kept.",
    severity=Severity.ADVISORY,
)


def _params(ctx: RuleContext) -> Iterator[Finding]:
    yield availability_finding(PARAMS, ctx, ComponentKind.PARAMETERS_FINAL)


def _params_terms(ctx: RuleContext) -> Iterator[Finding]:
    kind = ComponentKind.PARAMETERS_FINAL
    analysis = ctx.terms.get(kind)
    if analysis is None:
        return  # PREF-PARAMS reports parameters that are not released
    finding = terms_finding(
        PARAMS_TERMS, ctx, kind, analysis, what=f"accepted under the {ctx.policy.name} policy"
    )
    if analysis.status is TermsStatus.NO_LICENSE:
        finding = finding.model_copy(
            update={
                "message": (
                    f"{finding.message} The OSAID FAQ asks for an explicit statement, "
                    "shipped with the parameters, that they are freely available."
                )
            }
        )
    yield finding


def _checkpoints(ctx: RuleContext) -> Iterator[Finding]:
    for kind in (ComponentKind.PARAMETERS_INTERMEDIATE, ComponentKind.OPTIMIZER_STATE):
        yield availability_finding(CHECKPOINTS, ctx, kind)


PARAMETER_RULES = (
    Rule(PARAMS, _params, key=lambda ctx: component_key(ctx, ComponentKind.PARAMETERS_FINAL)),
    Rule(
        PARAMS_TERMS, _params_terms, key=lambda ctx: terms_key(ctx, ComponentKind.PARAMETERS_FINAL)
    ),
    Rule(
        CHECKPOINTS,
        _checkpoints,
        key=lambda ctx: (
            component_key(ctx, ComponentKind.PARAMETERS_INTERMEDIATE),
            component_key(ctx, ComponentKind.OPTIMIZER_STATE),
        ),
    ),
)
