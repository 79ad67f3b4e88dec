"""Name resolution, table-driven with the spellings found in real model records."""

from __future__ import annotations

import pytest

from osaid.licensing.names import (
    ResolutionKind,
    resolve_hf_license,
    resolve_license,
    resolve_license_url,
)

S, C, N, NS, U = (
    ResolutionKind.SPDX,
    ResolutionKind.CATALOG,
    ResolutionKind.NO_LICENSE,
    ResolutionKind.NOT_STATED,
    ResolutionKind.UNKNOWN,
)

# Strings as they appear in Model Openness Tool records (restated here as fixtures).
MOT_STRINGS = [
    ("unlicensed", N, "NONE"),
    ("Apache-2.0", S, "Apache-2.0"),
    ("Undisclosed", NS, "NOASSERTION"),
    ("MIT", S, "MIT"),
    ("CC-BY-4.0", S, "CC-BY-4.0"),
    ("BSD-3", S, "BSD-3-Clause"),
    ("Apache 2.0", S, "Apache-2.0"),
    ("Apache license 2.0", S, "Apache-2.0"),
    ("apache-2.0", S, "Apache-2.0"),
    ("MIT license", S, "MIT"),
    ("MIT License", S, "MIT"),
    ("CC BY-SA 4.0", S, "CC-BY-SA-4.0"),
    ("CC-BY-SA-4.0", S, "CC-BY-SA-4.0"),
    ("CDLA-Permissive-2.0", S, "CDLA-Permissive-2.0"),
    ("ODC-By-1.0", S, "ODC-By-1.0"),
    ("3D-Slicer-1.0", S, "3D-Slicer-1.0"),
    ("CC-BY-NC-4.0", S, "CC-BY-NC-4.0"),
    ("Creative Commons Attribution Non Commercial 4.0", S, "CC-BY-NC-4.0"),
    ("arXiv.org perpetual non-exclusive license 1.0", C, "LicenseRef-arxiv-nonexclusive-distrib"),
    ("arXiv.org perpetual, non-exclusive license 1.0", C, "LicenseRef-arxiv-nonexclusive-distrib"),
    ("arXiv.org - Non-exclusive license", C, "LicenseRef-arxiv-nonexclusive-distrib"),
    ("arxiv non exclusive", C, "LicenseRef-arxiv-nonexclusive-distrib"),
    ("", NS, "NOASSERTION"),
    ("BSD", U, None),
    ("Proprietary", U, None),
    ("Other License", U, None),
    ("Component not include", U, None),
    ("https://arxiv.org/pdf/2401.06066", U, None),
    ('datasets with "mit" “apache-2”, “bsd-3-clause”', U, None),
    ("commercial use restrcitions; Apache 2.0, TeleChat模型社区许可协议", U, None),
]


@pytest.mark.parametrize(("text", "kind", "expression"), MOT_STRINGS)
def test_record_spellings(text: str, kind: ResolutionKind, expression: str | None) -> None:
    found = resolve_license(text)
    assert found.kind is kind
    assert found.expression == expression
    assert found.raw == text
    assert found.known is (kind is not U)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("mit AND (apache-2.0 OR bsd-2-clause)", "MIT AND (Apache-2.0 OR BSD-2-Clause)"),
        ("GPLv3", "GPL-3.0-only"),
        ("Apache License, Version 2.0", "Apache-2.0"),
        ("Creative Commons Attribution 4.0 International", "CC-BY-4.0"),
        ("odc-by", "ODC-By-1.0"),
        ("c-uda", "C-UDA-1.0"),
        ("LicenseRef-scancode-xai-cla-2025", "LicenseRef-grok-2-community"),
        ("xai-cla-2025", "LicenseRef-grok-2-community"),
        ("grok2-community", "LicenseRef-grok-2-community"),
        ("  'MIT'  ", "MIT"),
    ],
)
def test_other_spellings(text: str, expression: str) -> None:
    assert resolve_license(text).expression == expression


def test_catalog_entry_is_returned() -> None:
    found = resolve_license("Creative Commons Attribution Non Commercial 4.0")
    assert found.entry is not None
    assert found.entry.id == "cc-by-nc-4.0"
    assert resolve_license("MIT").entry is None


@pytest.mark.parametrize(
    ("license_id", "name", "link", "expression", "kind"),
    [
        ("apache-2.0", None, None, "Apache-2.0", S),
        ("grok2-community", None, None, "LicenseRef-grok-2-community", C),
        (["apache-2.0", "cc-by-4.0"], None, None, "Apache-2.0 AND CC-BY-4.0", S),
        (["apache-2.0", "mystery"], None, None, None, U),
        ([], None, None, "NOASSERTION", NS),
        ("unknown", None, None, "NOASSERTION", NS),
        (None, None, None, "NOASSERTION", NS),
        (None, "MIT", None, "MIT", S),
        ("other", "grok2-community", None, "LicenseRef-grok-2-community", C),
        ("other", "coqui-public-model-license", "https://coqui.ai/cpml", None, U),
        ("other", None, "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
         "LicenseRef-arxiv-nonexclusive-distrib", C),
        ("other", None, None, None, U),
        ("odc-by", None, None, "ODC-By-1.0", S),
    ],
)  # fmt: skip
def test_hugging_face_ids(
    license_id: str | list[str] | None,
    name: str | None,
    link: str | None,
    expression: str | None,
    kind: ResolutionKind,
) -> None:
    found = resolve_hf_license(license_id, license_name=name, license_link=link)
    assert found.kind is kind
    assert found.expression == expression


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://creativecommons.org/licenses/by/4.0/legalcode", "CC-BY-4.0"),
        # A ported text the SPDX list names keeps its port; one it does not name falls back.
        ("https://creativecommons.org/licenses/by/3.0/de/", "CC-BY-3.0-DE"),
        ("https://creativecommons.org/licenses/by/2.0/xx", "CC-BY-2.0"),
        ("http://www.apache.org/licenses/LICENSE-2.0.txt", "Apache-2.0"),
        ("https://spdx.org/licenses/BSD-3-Clause.html", "BSD-3-Clause"),
        ("https://opensource.org/license/mit/", "MIT"),
        ("https://example.org/our-terms", None),
        ("not a url", None),
    ],
)
def test_license_urls_resolve_to_what_they_name(url: str, expected: str | None) -> None:
    found = resolve_license_url(url)
    assert found.expression == expected
    assert found.known is (expected is not None)
