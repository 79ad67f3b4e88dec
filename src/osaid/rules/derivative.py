"""The rule for derived models: a fine-tune inherits what its base model lacks.

The definition asks for a complete description of all data used for training and the
complete code used to train the system. For a model derived from another (fine-tuned,
distilled, merged), that training includes the base model's, and the base model's terms
keep applying to the derived weights. The assessment copies the base's unresolved findings
into the derivative, marked with ``inherited_from``; this rule states the base's verdict.
"""

from __future__ import annotations

from collections.abc import Iterator

from osaid.findings import SYSTEM, Evidence, Finding, Outcome, Remediation
from osaid.release import Group
from osaid.rules._base import Citation, Rule, RuleContext, RuleSpec

__all__ = ["DERIVATIVE_RULES", "inherit_remediation"]

BASE = RuleSpec(
    id="PREF-DERIVATIVE-BASE",
    title="Does the base model of this derived release meet the definition?",
    group=Group.SYSTEM,
    citation=Citation(
        section="Preferred form to make modifications to machine-learning systems",
        excerpt=(
            "Data information must describe all data used for training, and the code must be "
            "the complete code used to train the system; a derived model's training includes "
            "its base model's."
        ),
    ),
    rationale=(
        "A fine-tune under Apache-2.0 of a model under restrictive terms, or of a model whose "
        "training data is undisclosed, does not escape either: the base's terms bind the "
        "derived weights, and its training is part of the derived model's."
    ),
    remediation="Build on a base model that is Open Source AI, or describe the base fully.",
)


def inherit_remediation(base: str) -> Remediation:
    """The one change that resolves every finding inherited from ``base``."""
    return Remediation(
        key=f"base:{base}",
        action=(
            f"Build on a base model that is Open Source AI, or have {base} resolve what it "
            "lacks (the findings inherited from it)."
        ),
    )


def _check(ctx: RuleContext) -> Iterator[Finding]:
    declared = ctx.release.base_model
    if declared is None:
        return
    base = ctx.base
    evidence = [Evidence(field="base_model.name", value=declared.name, url=declared.url)]
    if base is None or base.release is None or base.verdict is None:
        problem = base.problem if base is not None and base.problem else "unknown to osaid"
        yield BASE.finding(
            SYSTEM,
            Outcome.UNKNOWN,
            f"Base model {declared.name!r} is {problem}, so its terms, code and data "
            "information cannot be checked.",
            evidence=evidence,
            remediation=Remediation(
                key=f"describe-base:{declared.name}",
                action=(
                    f"Describe the base model {declared.name!r} (its terms, code and data "
                    "information), or name one osaid bundles."
                ),
            ),
        )
        return
    evidence.append(Evidence(value=base.release, note=f"{base.verdict}: {base.summary}"))
    if base.verdict == "open-source-ai":
        yield BASE.finding(
            SYSTEM, Outcome.MET, f"Base model {base.release} is Open Source AI.", evidence=evidence
        )
        return
    if base.inherited == "open-source-ai":
        yield BASE.finding(
            SYSTEM,
            Outcome.MET,
            f"Base model {base.release} is {base.verdict}, but only for parts this release "
            "replaces (its weights, architecture or inference code, or a download gate).",
            evidence=evidence,
        )
        return
    outcome = Outcome.NOT_MET if base.inherited == "not-open-source-ai" else Outcome.UNKNOWN
    yield BASE.finding(
        SYSTEM,
        outcome,
        f"Base model {base.release} is {base.verdict}; what it lacks applies to this release "
        "too (see the findings inherited from it).",
        evidence=evidence,
        remediation=inherit_remediation(base.release),
    )


DERIVATIVE_RULES = (Rule(BASE, _check, key=lambda ctx: (ctx.release.base_model, ctx.base)),)
