"""Hypothesis entry point: teach ``st.from_type`` about osaid's models.

Registered under the ``hypothesis`` entry-point group, this hook runs when Hypothesis
is imported (never when osaid is), so that ``st.from_type(osaid.ModelRelease)`` draws
valid releases out of the box. The strategies are imported only when first resolved,
so importing :mod:`osaid.strategies` (which imports Hypothesis) cannot loop back here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []


def _resolver(name: str, **kwargs: Any) -> Any:
    def resolve(_: type) -> SearchStrategy[Any]:
        from osaid import strategies  # noqa: PLC0415 - imported on first use

        factory = getattr(strategies, name)
        strategy: SearchStrategy[Any] = factory(**kwargs)
        return strategy

    return resolve


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - only when Hypothesis runs

    from osaid.licensing.clauses import Clause  # noqa: PLC0415
    from osaid.release import (  # noqa: PLC0415
        AdditionalTerms,
        Component,
        DataInformation,
        Disclosure,
        LicenseTerms,
        ModelRelease,
    )

    st.register_type_strategy(ModelRelease, _resolver("model_releases"))
    st.register_type_strategy(Component, _resolver("components", acceptable=None))
    st.register_type_strategy(LicenseTerms, _resolver("license_terms", kind="any"))
    st.register_type_strategy(AdditionalTerms, _resolver("additional_terms"))
    st.register_type_strategy(Clause, _resolver("clauses"))
    st.register_type_strategy(Disclosure, _resolver("disclosures"))
    st.register_type_strategy(DataInformation, _resolver("data_informations"))
