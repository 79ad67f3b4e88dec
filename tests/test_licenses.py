from __future__ import annotations

import pickle

import pytest

from osaid.errors import InvalidLicenseExpression
from osaid.licensing.expressions import LicenseAnd, LicenseOr, LicenseSymbol, parse_expression
from osaid.licensing.spdx import (
    OPEN_DATA_LICENSES,
    is_open_data_license,
    is_osi_approved,
    spdx_license,
    spdx_table,
)


def test_table_restates_spdx_3_28_counts() -> None:
    table = spdx_table()
    assert table.version == "3.28.0"
    assert table.release_date == "2026-02-20"
    rows = list(table.by_id.values())
    assert len(rows) == 727
    assert sum(1 for r in rows if r.deprecated) == 32
    osi = [r for r in rows if r.osi_approved]
    assert len(osi) == 149
    assert sum(1 for r in osi if not r.deprecated) == 136


@pytest.mark.parametrize(
    ("identifier", "osi"),
    [
        ("Apache-2.0", True),
        ("mit", True),
        ("GPL-3.0-only", True),
        ("GPL-2.0", True),  # deprecated, still flagged OSI-approved by SPDX
        ("OSC-1.0", True),  # new in 3.28, unknown to packaging's bundled list
        ("CC-BY-4.0", False),
        ("CC0-1.0", False),
        ("AML", False),
        ("any-OSI", False),
        ("LicenseRef-x", False),
        ("not-a-license", False),
    ],
)
def test_osi_flags(identifier: str, *, osi: bool) -> None:
    assert is_osi_approved(identifier) is osi


def test_open_data_licenses_are_spdx_ids_and_not_osi() -> None:
    for identifier in OPEN_DATA_LICENSES:
        found = spdx_license(identifier)
        assert found is not None, identifier
        assert found.id == identifier
        assert not found.osi_approved
        assert is_open_data_license(identifier.lower())
    assert not is_open_data_license("CC-BY-NC-4.0")
    assert not is_open_data_license("Apache-2.0")


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("mit and (apache-2.0 or bsd-2-clause)", "MIT AND (Apache-2.0 OR BSD-2-Clause)"),
        ("(MIT)", "MIT"),
        ("MIT\tOR\nApache-2.0", "MIT OR Apache-2.0"),
        ("openmdw-1.0", "OpenMDW-1.0"),
        (
            "gpl-2.0-or-later with classpath-exception-2.0",
            "GPL-2.0-or-later WITH Classpath-exception-2.0",
        ),
        ("GPL-2.0+", "GPL-2.0+"),
        ("licenseref-my-license", "LicenseRef-my-license"),
        (
            "DocumentRef-spdx-doc:LicenseRef-custom AND MIT",
            "DocumentRef-spdx-doc:LicenseRef-custom AND MIT",
        ),
        ("((MIT OR Apache-2.0) AND ISC)", "(MIT OR Apache-2.0) AND ISC"),
        ("MIT OR Apache-2.0 AND ISC", "MIT OR Apache-2.0 AND ISC"),
    ],
)
def test_normalizes(raw: str, normalized: str) -> None:
    assert parse_expression(raw).normalized == normalized


def test_precedence_and_tree() -> None:
    tree = parse_expression("MIT OR Apache-2.0 AND GPL-2.0+ WITH Classpath-exception-2.0").tree
    assert isinstance(tree, LicenseOr)
    first, second = tree.parts
    assert first == LicenseSymbol("MIT")
    assert isinstance(second, LicenseAnd)
    assert second.parts[1] == LicenseSymbol(
        "GPL-2.0", or_later=True, exception="Classpath-exception-2.0"
    )


def test_symbols_and_refs() -> None:
    expression = parse_expression("Apache-2.0 OR LicenseRef-Proprietary")
    keys = [s.key for s in expression.symbols()]
    assert keys == ["Apache-2.0", "LicenseRef-Proprietary"]
    assert expression.symbols()[1].is_ref
    assert expression.symbols()[1].spdx is None
    assert expression.symbols()[0].spdx is not None


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("MIT OR", "Invalid license expression"),
        ("(MIT", "Invalid license expression"),
        ("Apache 2.0", "Invalid license expression"),
        ("llama2", "Unknown license"),
        ("Apache-2.0 WITH MIT", "Unknown license exception"),
        ("LicenseRef-foo_bar", "Invalid licenseref"),
        ("LicenseRef-x+", "Invalid licenseref"),
        ("MIT WITH Classpath-exception-2.0 WITH LLVM-exception", "Invalid license expression"),
        ("NONE", "field values"),
        ("noassertion", "field values"),
        ("(" * 40 + "MIT" + ")" * 40, "nested deeper"),
        ("MIT OR " * 1000 + "MIT", "longer than"),
    ],
)
def test_rejects(raw: str, reason: str) -> None:
    with pytest.raises(InvalidLicenseExpression, match=reason) as caught:
        parse_expression(raw)
    assert isinstance(caught.value, ValueError)


def test_rejects_non_strings() -> None:
    with pytest.raises(InvalidLicenseExpression, match="expected a string"):
        parse_expression(123)  # type: ignore[arg-type]


def test_error_pickles() -> None:
    with pytest.raises(InvalidLicenseExpression) as caught:
        parse_expression("MIT OR")
    clone = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own object
    assert clone.expression == "MIT OR"
    assert clone.reason == caught.value.reason


def test_spdx_table_matches_the_shared_license_list() -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    source = root.parent / "shared" / "data" / "spdx-licenses.json"
    if not source.exists():
        pytest.skip("the shared SPDX license list is not beside the project")
    done = subprocess.run(
        [sys.executable, str(root / "tasks" / "update_spdx.py"), str(source), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
