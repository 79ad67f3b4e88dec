"""The JSON report: the assessment as the public JSON contract."""

from __future__ import annotations

from osaid.assessment import Assessment

__all__ = ["render_json"]


def __dir__() -> list[str]:
    return __all__


def render_json(assessment: Assessment) -> str:
    """The assessment as JSON (the public contract), indented, with a final newline."""
    return assessment.model_dump_json(indent=2) + "\n"
