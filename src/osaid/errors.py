"""Every exception osaid raises on purpose.

All of them derive from :class:`OsaidError`. Errors caused by bad input also derive
from :class:`ValueError`, so ``except ValueError`` keeps working for callers that do not
know osaid; lookups of names that do not exist also derive from :class:`LookupError`.
Each error carries structured attributes (the field, the offending value) so that tools
can point at the problem without parsing the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "InputProblem",
    "InvalidLicenseExpression",
    "InvalidReleaseError",
    "OsaidError",
    "UnknownDefinitionError",
    "UnknownFormatError",
    "UnknownLicenseError",
    "UnknownPolicyError",
    "UnknownReleaseError",
]


def __dir__() -> list[str]:
    return __all__


class OsaidError(Exception):
    """Base class of every error raised by osaid."""


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One problem found in an input document.

    ``field`` is a dotted path into the document (``components[0].license.expression``);
    ``problem`` says what is wrong with the value found there.
    """

    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.field}: {self.problem}" if self.field else self.problem


class InvalidLicenseExpression(OsaidError, ValueError):  # noqa: N818 - mirrors packaging's name
    """A string is not a valid SPDX license expression.

    >>> from osaid.licensing.expressions import parse_expression
    >>> parse_expression("MIT OR")
    Traceback (most recent call last):
    ...
    osaid.errors.InvalidLicenseExpression: invalid SPDX license expression 'MIT OR': ...
    """

    def __init__(self, expression: str, reason: str) -> None:
        self.expression = expression
        self.reason = reason
        super().__init__(f"invalid SPDX license expression {expression!r}: {reason}")

    def __reduce__(self) -> tuple[type[InvalidLicenseExpression], tuple[str, str]]:
        return (type(self), (self.expression, self.reason))


class InvalidReleaseError(OsaidError, ValueError):
    """A release document does not describe a valid release.

    ``problems`` lists every problem found, each naming its field.
    """

    def __init__(self, problems: Sequence[InputProblem], *, source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        where = f" in {source}" if source else ""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}{where}"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_invalid_release, (self.problems, self.source))


def _rebuild_invalid_release(
    problems: tuple[InputProblem, ...], source: str | None
) -> InvalidReleaseError:
    return InvalidReleaseError(problems, source=source)


class _UnknownNameError(OsaidError, LookupError, ValueError):
    """A name was looked up that osaid does not know; ``suggestions`` may help."""

    kind = "name"

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = ""
        if self.suggestions:
            hint = "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(f"unknown {self.kind} {name!r}{hint}")

    def __str__(self) -> str:
        # LookupError would otherwise render the message with quotes (KeyError style).
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.name, self.suggestions))


class UnknownDefinitionError(_UnknownNameError):
    """No rule set is registered for the requested definition version."""

    kind = "definition version"


class UnknownPolicyError(_UnknownNameError):
    """No policy preset has the requested name."""

    kind = "policy"


class UnknownReleaseError(_UnknownNameError):
    """No bundled release has the requested name."""

    kind = "bundled release"


class UnknownLicenseError(_UnknownNameError):
    """No license catalog entry has the requested identifier."""

    kind = "license"


class UnknownFormatError(_UnknownNameError):
    """No input or output format has the requested name."""

    kind = "format"
