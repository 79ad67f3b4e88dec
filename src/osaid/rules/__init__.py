"""OSAID rules: one record plus one pure function per atomic requirement.

Each :class:`Rule` pairs a :class:`RuleSpec` (id, yes/no question, citation of the
definition, rationale, remediation, the definition versions it belongs to) with a pure
function from a :class:`RuleContext` (the release, its analysed terms and the policy) to
findings. Rules do no I/O and never raise on a valid release.

:data:`RULES` lists every rule osaid knows; :func:`rules_for` picks those of one
definition version using ``packaging`` version specifiers, so a later definition can
reuse a rule unchanged or replace it.
"""

from __future__ import annotations

from functools import cache

from packaging.version import Version

from osaid.rules._base import BaseResult, Check, Citation, Rule, RuleContext, RuleSpec
from osaid.rules.code import CODE_RULES
from osaid.rules.data import DATA_RULES, carriers_of, needed_carriers
from osaid.rules.derivative import DERIVATIVE_RULES, inherit_remediation
from osaid.rules.freedoms import FREEDOM_RULES
from osaid.rules.imports import IMPORT_RULES
from osaid.rules.parameters import PARAMETER_RULES

__all__ = [
    "RULES",
    "BaseResult",
    "Check",
    "Citation",
    "Rule",
    "RuleContext",
    "RuleSpec",
    "carriers_of",
    "get_rule",
    "inherit_remediation",
    "needed_carriers",
    "rules_for",
]


def __dir__() -> list[str]:
    return __all__


RULES: tuple[Rule, ...] = (
    *PARAMETER_RULES,
    *CODE_RULES,
    *DATA_RULES,
    *FREEDOM_RULES,
    *DERIVATIVE_RULES,
    *IMPORT_RULES,
)
"""Every rule, in the order findings are reported."""

_BY_ID = {rule.id: rule for rule in RULES}
if len(_BY_ID) != len(RULES):  # pragma: no cover - guards against a duplicated id
    raise RuntimeError("duplicate rule ids")


def rules_for(version: Version | str) -> tuple[Rule, ...]:
    """The rules that belong to definition ``version``, in reporting order."""
    wanted = version if isinstance(version, Version) else Version(version)
    return _rules_for(wanted)


@cache
def _rules_for(version: Version) -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if rule.spec.applies(version))


def get_rule(rule_id: str) -> Rule:
    """The rule with id ``rule_id``.

    :raises KeyError: if there is no such rule.
    """
    return _BY_ID[rule_id]
