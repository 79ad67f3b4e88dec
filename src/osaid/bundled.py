"""Real releases bundled with osaid, each a sourced release document.

:func:`names` lists them; :func:`load` returns one as a validated
:class:`~osaid.release.ModelRelease`. Names are forgiving: case, ``-``, ``_``, ``.`` and
blanks do not matter, and an unknown name raises
:class:`~osaid.errors.UnknownReleaseError` with the closest names.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final

from osaid.errors import UnknownReleaseError
from osaid.release import BaseModelRef, ModelRelease
from osaid.release.validation import parse_release

__all__ = ["BUNDLED_BASE_MODELS", "BundledBaseModels", "find", "load", "names", "resolve"]


def __dir__() -> list[str]:
    return __all__


def _folder() -> Traversable:
    return resources.files("osaid") / "data" / "releases"


def _fold(name: str) -> str:
    return re.sub(r"[\s._\-]+", "", name.strip().lower())


@cache
def names() -> tuple[str, ...]:
    """The names of the bundled releases, sorted."""
    return tuple(
        sorted(item.name[:-5] for item in _folder().iterdir() if item.name.endswith(".json"))
    )


@cache
def _index() -> dict[str, str]:
    """Every folded name of every bundled release (file name, name, aliases) to its file name."""
    index: dict[str, str] = {}
    for file_name in names():
        release = _load_file(file_name)
        for alias in (file_name, release.name, *release.aliases):
            index.setdefault(_fold(alias), file_name)
    return index


def _lookup(name: str) -> str | None:
    folded = _fold(name)
    for candidate in names():
        if _fold(candidate) == folded:
            return candidate
    return _index().get(folded)


def resolve(name: str) -> str:
    """The bundled release ``name`` refers to (by file name, release name or alias).

    :raises UnknownReleaseError: with the closest names when none matches.
    """
    found = _lookup(name)
    if found is not None:
        return found
    index = _index()
    close = difflib.get_close_matches(_fold(name), list(index), n=6, cutoff=0.5)
    suggestions = list(dict.fromkeys(index[c] for c in close))[:3]
    raise UnknownReleaseError(name, suggestions)


def find(name: str) -> ModelRelease | None:
    """The bundled release ``name`` refers to, or None (no error, no suggestions)."""
    found = _lookup(name)
    return None if found is None else _load_file(found)


@cache
def _load_file(file_name: str) -> ModelRelease:
    item = _folder() / f"{file_name}.json"
    return parse_release(item.read_bytes(), source=f"bundled release {file_name}")


def load(name: str) -> ModelRelease:
    """The bundled release ``name``, validated.

    >>> load("Grok_2.5").producer
    'xAI'
    """
    return _load_file(resolve(name))


class BundledBaseModels:
    """A base-model resolver over the bundled releases (the default of :func:`osaid.score`).

    >>> BUNDLED_BASE_MODELS.resolve(BaseModelRef(name="llama-3.1")).name
    'Llama 3.1 8B'
    >>> BUNDLED_BASE_MODELS.resolve(BaseModelRef(name="no such model")) is None
    True
    """

    def resolve(self, base: BaseModelRef) -> ModelRelease | None:
        """The bundled release named ``base.name`` (or by an alias), None if there is none."""
        return find(base.name)

    def __repr__(self) -> str:
        return "BUNDLED_BASE_MODELS"


BUNDLED_BASE_MODELS: Final = BundledBaseModels()
"""The releases bundled with osaid, as a base-model resolver."""
