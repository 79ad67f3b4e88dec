"""SPDX license expressions: parse, normalise, and walk them.

:func:`parse_expression` turns an SPDX license expression into a tree of
:class:`LicenseSymbol`, :class:`LicenseAnd` and :class:`LicenseOr` nodes. Parsing goes
through :func:`packaging.licenses.canonicalize_license_expression`, but osaid's own
table of identifiers (:mod:`osaid.licensing.spdx`) is authoritative: identifiers that
packaging's older bundled list does not know yet (``OpenMDW-1.0``, ``WordNet`` ...) are
accepted, and every error packaging raises becomes an osaid
:class:`~osaid.errors.InvalidLicenseExpression`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from packaging.licenses import InvalidLicenseExpression as _PackagingInvalid
from packaging.licenses import canonicalize_license_expression

from osaid._reuse import Memo
from osaid.errors import InvalidLicenseExpression
from osaid.licensing.spdx import SpdxLicense, spdx_license, spdx_table

__all__ = [
    "MAX_EXPRESSION_LENGTH",
    "LicenseAnd",
    "LicenseExpression",
    "LicenseNode",
    "LicenseOr",
    "LicenseSymbol",
    "parse_expression",
]


def __dir__() -> list[str]:
    return __all__


MAX_EXPRESSION_LENGTH: Final = 4096
"""Longest license expression osaid accepts, in characters."""

_MAX_DEPTH: Final = 32


@dataclass(frozen=True, slots=True)
class LicenseSymbol:
    """One license in an expression: an SPDX identifier or a ``LicenseRef-``.

    ``or_later`` records a trailing ``+``; ``exception`` a ``WITH`` exception.
    """

    key: str
    """``Apache-2.0``, ``LicenseRef-grok-2-community`` or ``DocumentRef-d:LicenseRef-x``."""
    or_later: bool = False
    exception: str | None = None

    @property
    def is_ref(self) -> bool:
        """Whether the symbol is a ``LicenseRef-`` (possibly behind a ``DocumentRef-``)."""
        return "LicenseRef-" in self.key

    @property
    def spdx(self) -> SpdxLicense | None:
        """The SPDX facts about the identifier, or None for a ``LicenseRef-``."""
        return None if self.is_ref else spdx_license(self.key)

    def __str__(self) -> str:
        text = self.key + ("+" if self.or_later else "")
        return f"{text} WITH {self.exception}" if self.exception else text


@dataclass(frozen=True, slots=True)
class LicenseAnd:
    """Every part applies at once (``A AND B``)."""

    parts: tuple[LicenseNode, ...]

    def __str__(self) -> str:
        return " AND ".join(_wrap(part, LicenseOr) for part in self.parts)


@dataclass(frozen=True, slots=True)
class LicenseOr:
    """The recipient may choose any part (``A OR B``)."""

    parts: tuple[LicenseNode, ...]

    def __str__(self) -> str:
        return " OR ".join(str(part) for part in self.parts)


LicenseNode = LicenseSymbol | LicenseAnd | LicenseOr
"""A node of a parsed expression."""


def _wrap(node: LicenseNode, kind: type) -> str:
    return f"({node})" if isinstance(node, kind) else str(node)


@dataclass(frozen=True, slots=True)
class LicenseExpression:
    """A parsed, normalised SPDX license expression."""

    raw: str
    """The expression as given."""
    normalized: str
    """The expression with canonical identifiers and operators."""
    tree: LicenseNode
    """The parsed tree."""

    def symbols(self) -> tuple[LicenseSymbol, ...]:
        """Every license symbol in the expression, left to right."""
        out: list[LicenseSymbol] = []
        _collect(self.tree, out)
        return tuple(out)

    def __str__(self) -> str:
        return self.normalized


def _collect(node: LicenseNode, out: list[LicenseSymbol]) -> None:
    if isinstance(node, LicenseSymbol):
        out.append(node)
        return
    for part in node.parts:
        _collect(part, out)


_TOKEN = re.compile(r"\s*(\(|\)|[^\s()]+)")
_DOCREF = re.compile(r"^DocumentRef-[A-Za-z0-9.\-]+:LicenseRef-[A-Za-z0-9.\-]+$", re.IGNORECASE)
_OPERATORS = frozenset({"and", "or", "with"})
_OPEN, _CLOSE = "(", ")"
_PARENS = frozenset({_OPEN, _CLOSE})


def parse_expression(expression: str) -> LicenseExpression:
    """Parse and normalise an SPDX license expression (each distinct string is parsed once).

    Identifiers are matched without regard to case and rewritten as SPDX spells them;
    ``AND``, ``OR`` and ``WITH`` bind as the SPDX specification says (``WITH`` tightest,
    then ``AND``, then ``OR``).

    >>> str(parse_expression("mit and (apache-2.0 or OpenMDW-1.0)"))
    'MIT AND (Apache-2.0 OR OpenMDW-1.0)'
    >>> parse_expression("Apache 2.0")
    Traceback (most recent call last):
    ...
    osaid.errors.InvalidLicenseExpression: invalid SPDX license expression 'Apache 2.0': ...

    :raises InvalidLicenseExpression: if ``expression`` is not a valid SPDX expression.
    """
    if isinstance(expression, str):
        return _PARSED.get(expression, lambda: _parse(expression))
    return _parse(expression)


_PARSED: Final = Memo[LicenseExpression]("license-expressions", 4_096)


def _parse(expression: str) -> LicenseExpression:
    if not isinstance(expression, str):
        raise InvalidLicenseExpression(repr(expression), "expected a string")
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise InvalidLicenseExpression(
            expression[:40] + "...", f"longer than {MAX_EXPRESSION_LENGTH} characters"
        )
    if not expression.strip():
        raise InvalidLicenseExpression(expression, "the expression is empty")
    if expression.strip().upper() in {"NONE", "NOASSERTION"}:
        raise InvalidLicenseExpression(
            expression,
            "NONE and NOASSERTION are SPDX field values, not license expressions "
            "(use them alone as a license field)",
        )
    tokens = _TOKEN.findall(expression)
    substituted, placeholders = _substitute(tokens)
    try:
        canonical = canonicalize_license_expression(" ".join(substituted))
    except _PackagingInvalid as exc:
        raise InvalidLicenseExpression(expression, _reason(exc, placeholders)) from None
    except (KeyError, AttributeError, TypeError, IndexError) as exc:  # packaging bugs
        raise InvalidLicenseExpression(expression, f"not parseable ({exc!r})") from None
    normalized = " ".join(placeholders.get(tok.lower(), tok) for tok in _TOKEN.findall(canonical))
    normalized = normalized.replace("( ", "(").replace(" )", ")")
    tree = _Parser(_TOKEN.findall(normalized), expression).parse()
    return LicenseExpression(raw=expression, normalized=str(tree), tree=tree)


def _substitute(tokens: list[str]) -> tuple[list[str], dict[str, str]]:
    """Swap identifiers packaging may not know for LicenseRefs it accepts.

    Known SPDX identifiers are rewritten as osaid's table spells them; the mapping
    from placeholder (lower-cased, as packaging returns it) back to the identifier is
    returned alongside.
    """
    prefix = "licenseref-osaid-slot"
    joined = " ".join(tokens).lower()
    while prefix in joined:
        prefix += "x"
    out: list[str] = []
    placeholders: dict[str, str] = {}
    table = spdx_table().by_id
    previous = ""
    for token in tokens:
        low = token.lower()
        if previous == "with" or low in _OPERATORS or token in _PARENS:
            out.append(token)
        else:
            plus = token.endswith("+") and len(token) > 1
            base = token[:-1] if plus else token
            row = table.get(base.lower())
            if row is not None or _DOCREF.match(base):
                replacement = row.id if row is not None else base
                slot = f"{prefix}{len(placeholders)}"
                placeholders[slot] = replacement + ("+" if plus else "")
                out.append(slot)
            else:
                out.append(token)
        previous = low
    return out, placeholders


def _reason(exc: Exception, placeholders: dict[str, str]) -> str:
    text = str(exc)
    for slot, ident in placeholders.items():
        text = text.replace(slot, ident)
    if "Unknown license:" in text:
        text += (
            " (not an SPDX identifier; write a custom license as LicenseRef-<name> or give "
            "its name in the 'name' field)"
        )
    return text


class _Parser:
    """Recursive descent over a canonical token list (the grammar is already checked)."""

    def __init__(self, tokens: list[str], raw: str) -> None:
        self.tokens = tokens
        self.pos = 0
        self.raw = raw
        self.depth = 0

    def parse(self) -> LicenseNode:
        node = self._or()
        if self.pos != len(self.tokens):
            raise InvalidLicenseExpression(self.raw, f"unexpected {self.tokens[self.pos]!r}")
        return node

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _or(self) -> LicenseNode:
        parts = [self._and()]
        while self._peek() == "OR":
            self.pos += 1
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else LicenseOr(tuple(parts))

    def _and(self) -> LicenseNode:
        parts = [self._atom()]
        while self._peek() == "AND":
            self.pos += 1
            parts.append(self._atom())
        return parts[0] if len(parts) == 1 else LicenseAnd(tuple(parts))

    def _atom(self) -> LicenseNode:
        token = self._peek()
        if token is None:
            raise InvalidLicenseExpression(self.raw, "the expression ends too early")
        if token == _OPEN:
            self.depth += 1
            if self.depth > _MAX_DEPTH:
                raise InvalidLicenseExpression(self.raw, f"nested deeper than {_MAX_DEPTH}")
            self.pos += 1
            node = self._or()
            if self._peek() != ")":
                raise InvalidLicenseExpression(self.raw, "unbalanced parentheses")
            self.pos += 1
            self.depth -= 1
            return node
        self.pos += 1
        plus = token.endswith("+") and len(token) > 1
        key = token[:-1] if plus else token
        exception = None
        if self._peek() == "WITH":
            self.pos += 1
            exception = self._peek()
            if exception is None:
                raise InvalidLicenseExpression(self.raw, "WITH needs an exception")
            self.pos += 1
        return LicenseSymbol(key=key, or_later=plus, exception=exception)
