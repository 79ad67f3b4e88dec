"""Where scoring finds the base model of a derived release.

A release that names a ``base_model`` inherits what its base lacks, so scoring needs the
base. It asks a :class:`BaseModels` resolver, passed to :func:`osaid.score`, and never
looks anything up itself. A resolver returns the base as a release (scored alongside the
derivative) or as an assessment made earlier (reused as it is, when it was made against
the same definition version and policy), or None when it does not know the base.

The default resolver is :data:`osaid.bundled.BUNDLED_BASE_MODELS` (the releases bundled
with osaid); a hub plugs in its own store::

    class HubBases:
        def resolve(self, base: BaseModelRef) -> ModelRelease | Assessment | None:
            return my_store.get(base.name)

    osaid.score(release, base_models=HubBases())
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, Protocol, runtime_checkable

from osaid.assessment.results import Assessment
from osaid.release import BaseModelRef, ModelRelease

__all__ = ["NO_BASE_MODELS", "BaseModels", "ChainedBaseModels", "MappingBaseModels"]


def __dir__() -> list[str]:
    return __all__


@runtime_checkable
class BaseModels(Protocol):
    """Resolves the base model a derived release names."""

    def resolve(self, base: BaseModelRef) -> ModelRelease | Assessment | None:
        """The base model ``base`` refers to, as a release or an assessment; None if unknown."""
        ...


def _fold(name: str) -> str:
    return re.sub(r"[\s._\-]+", "", name.strip().lower())


class MappingBaseModels:
    """Base models from a mapping of names to releases or assessments.

    A name matches exactly first, then ignoring case, blanks, ``-``, ``_`` and ``.``.
    """

    def __init__(self, releases: Mapping[str, ModelRelease | Assessment]) -> None:
        self._exact = dict(releases)
        self._folded: dict[str, ModelRelease | Assessment] = {}
        for name, value in self._exact.items():
            self._folded.setdefault(_fold(name), value)

    def resolve(self, base: BaseModelRef) -> ModelRelease | Assessment | None:
        """The entry named ``base.name``, or None."""
        found = self._exact.get(base.name)
        return found if found is not None else self._folded.get(_fold(base.name))


class ChainedBaseModels:
    """Asks each resolver in turn; the first answer wins."""

    def __init__(self, *resolvers: BaseModels) -> None:
        self.resolvers = resolvers

    def resolve(self, base: BaseModelRef) -> ModelRelease | Assessment | None:
        """The first resolver's answer that is not None."""
        for resolver in self.resolvers:
            found = resolver.resolve(base)
            if found is not None:
                return found
        return None


class _NoBaseModels:
    def resolve(self, base: BaseModelRef) -> None:
        del base

    def __repr__(self) -> str:
        return "NO_BASE_MODELS"


NO_BASE_MODELS: Final[BaseModels] = _NoBaseModels()
"""A resolver that knows no base model: every base is reported unknown."""
