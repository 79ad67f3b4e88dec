"""The private pydantic base shared by every osaid model."""

from __future__ import annotations

from typing import Annotated, Any, Final

from annotated_types import MaxLen, MinLen
from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints

__all__ = ["ELLIPSIS", "SHORT_TEXT_MAX", "ClippedText", "Model", "NonEmptyStr", "ShortText", "clip"]


class Model(BaseModel):
    """Frozen, strict about unknown fields, and documented from attribute docstrings."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=True,
        validate_default=True,
        str_strip_whitespace=False,
    )


SHORT_TEXT_MAX: Final = 2000
"""The longest :data:`ShortText`, in characters."""

ELLIPSIS: Final = "\u2026"
"""What ends a value that :func:`clip` shortened."""

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), MinLen(1)]
"""A string with at least one non-blank character (surrounding blanks are removed)."""

ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT_TEXT_MAX),
    MaxLen(SHORT_TEXT_MAX),
]
"""A non-blank string of at most 2,000 characters: a paraphrase, a note, a title."""


def clip(text: str, limit: int = SHORT_TEXT_MAX) -> str:
    """``text`` stripped, and cut to ``limit`` characters with a visible ellipsis if longer.

    >>> clip("abcdef", 4)
    'abc…'
    >>> clip("  short  ")
    'short'
    """
    text = text.strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def _clip_value(value: Any) -> Any:
    return clip(value) if isinstance(value, str) else value


ClippedText = Annotated[ShortText, BeforeValidator(_clip_value)]
""":data:`ShortText` that osaid writes itself (messages, evidence): a longer value quoted
from the input is cut with an ellipsis instead of failing validation."""
