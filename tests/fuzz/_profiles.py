"""Hypothesis settings profiles of the fuzz suite.

``fuzz`` (the default, what CI runs) gives every fuzz test its share of about 11,500
examples in all; ``fuzz-long`` gives twenty times as many. Choose with the environment::

    OSAID_FUZZ_PROFILE=fuzz-long .venv/bin/python -m pytest tests/fuzz -p no:cacheprovider

Each test asks for ``fuzz_settings(weight)``: its weight times the profile's base count.
No deadline: speed is measured by ``tasks/bench_inputs.py``, never by a timed test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

__all__ = ["PROFILE", "fuzz_settings"]

_SUPPRESS = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.large_base_example,
]
settings.register_profile(
    "fuzz", max_examples=100, deadline=None, suppress_health_check=_SUPPRESS, print_blob=True
)
settings.register_profile(
    "fuzz-long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=_SUPPRESS,
    print_blob=True,
)

PROFILE = os.environ.get("OSAID_FUZZ_PROFILE", "fuzz")
"""The profile in force (``fuzz`` or ``fuzz-long``)."""


def fuzz_settings(weight: float) -> settings:
    """The settings of one fuzz test: ``weight`` times the profile's example count."""
    base = settings.get_profile(PROFILE)
    return settings(base, max_examples=max(1, round(base.max_examples * weight)))
