"""Every crash class found by fuzzing, kept as a regression case.

The table holds one example of each class reported in the issue and found by the fuzz
suite; ``regressions/`` holds the inputs the coverage-guided harness found
(``tasks/fuzz_coverage.py``), replayed through the same entry points.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from osaid import InvalidReleaseError, parse_release, score
from osaid.importers import import_document, import_mot, load_text
from osaid.reports import ReportFormat, render

from ._harness import one_input
from ._oracle import check_error

REGRESSIONS = Path(__file__).parent / "regressions"

_CDX_MODEL = {"type": "machine-learning-model", "name": "m"}
_SPDX_CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"
_MOT = {"framework": {"name": "Model Openness Framework"}}
_DATASETS = '{"kind": "datasets", "availability": "public"}'


@pytest.mark.parametrize(
    ("document", "fmt", "field", "phrase"),
    [
        # documents that are not mappings (AttributeError)
        ([], "cyclonedx", "", "a CycloneDX BOM is a JSON object"),
        (1, "spdx", "", "an SPDX 3 document is a JSON-LD object"),
        ("x", "cyclonedx", "", "found text"),
        # lists where an identifier is expected (TypeError: unhashable)
        ({"@context": _SPDX_CONTEXT, "@graph": [{"type": "ai_AIPackage", "spdxId": ["a"]}]},
         "spdx", "@graph[0].spdxId", "expected an identifier"),
        ({"bomFormat": "CycloneDX", "components": [{**_CDX_MODEL, "bom-ref": ["a"]}]},
         "cyclonedx", "components[0].bom-ref", "expected an identifier"),
        ({"bomFormat": "CycloneDX", "components": [
            {**_CDX_MODEL, "modelCard": {"modelParameters": {"datasets": [{"ref": ["a"]}]}}}]},
         "cyclonedx", "components[0].modelCard.modelParameters.datasets[0].ref",
         "expected an identifier"),
        ({"bomFormat": "CycloneDX", "components": [_CDX_MODEL, {"type": "data", "name": ["x"]}]},
         "cyclonedx", "components[1].name", "expected text"),
        ({"bomFormat": "CycloneDX", "components": [{"type": ["data"]}]},
         "cyclonedx", "components[0].type", "expected an identifier"),
        # a huge integer given by a Python caller (ValueError from str())
        ({**_MOT, "release": {"name": "x", "version": 10**5000}}, "mot", "release.version",
         "an integer of more than"),
        ({"framework": {"name": 10**5000}, "release": {"name": "x"}}, "mot", None, None),
        ({"@context": 10**5000, "@graph": []}, None, "", "cannot tell"),
        # a single item where a list is expected keeps its own field
        ({**_MOT, "release": {"name": "x", "components": "Datasets"}}, "mot",
         "release.components", "expected a mapping"),
        # values that validate in the input but not in osaid's types (leaked ValidationError)
        ({**_MOT, "release": {"name": "x", "date": "2024-13-01"}}, "mot", None, None),
        ({"system": {"name": "x", "releasedate": "2024-05-99"}, "licenses": {}}, "eosai", None,
         None),
        ({"system": {"name": "x", "notes": "n" * 3000}, "licenses": {}}, "eosai", None, None),
        ({**_MOT, "release": {"name": "x", "components": [
            {"name": "Model parameters (Final)", "license": "x" * 2000}]}}, "mot", None, None),
        ({"license": [f"l{i}" for i in range(700)]}, "hf", None, None),
        ({"bomFormat": "CycloneDX", "specVersion": "9" * 3000, "components": [_CDX_MODEL]},
         "cyclonedx", None, None),
        ({"name": "x", "": 1}, "native", '[""]', "unknown field"),
        ({"legacy": 1, "project": {"name": "x"}, "opencode": {"class": ["open"]}}, "eosai",
         "opencode.class", "expected text"),
    ],
)  # fmt: skip
def test_crash_classes_are_input_errors_or_imports(
    document: object, fmt: str | None, field: str | None, phrase: str | None
) -> None:
    if field is not None:
        with pytest.raises(InvalidReleaseError) as caught:
            import_document(document, fmt, name="doc")
        check_error(caught.value, None)
        problems = caught.value.problems
        assert any(p.field == field and str(phrase) in p.problem for p in problems), problems
        return
    result = import_document(document, fmt, name="doc")
    assessment = score(result.release)
    for fmt_ in ReportFormat:
        assert render(assessment, fmt_)


@pytest.mark.parametrize(
    ("text", "fmt", "field", "phrase"),
    [
        ('{"name": "x", "version": ' + "1" * 5000 + "}", "native", "version", "5,000 digits"),
        ("release:\n  name: x\n  version: " + "1" * 5000 + "\n", "mot", "release.version",
         "5,000 digits"),
        ("release:\n  name: x\n  date: 2024-13-01\n", "mot", "release.date", "as a date"),
        ("release:\n  name: x\n  date: 2024-02-30\n", "mot", "release.date", "as a date"),
        ("release: {name: !!int }\n", "mot", "release.name", "as an integer"),
        ("release: {name: !!int abc}\n", "mot", "release.name", "as an integer"),
        ("release: {name: !!timestamp abc}\n", "mot", "release.name", "as a date"),
        ("release: {name: !!bool abc}\n", "mot", "release.name", "as a boolean"),
        ("release: {name: !!float abc}\n", "mot", "release.name", "as a number"),
        ('release: {name: "\\U00110000"}\n', "mot", "", "not valid YAML"),
        ("release: &a {name: x, components: [*a]}\n", "mot", "release.components",
         "refers to a value that contains it"),
        ("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9)),
         "mot", "a4", "expands to more than"),
        ("x:\n" + "- 1\n" * 60_000, "mot", "", "holds more than"),
        ("x:\n" + "- !!str a\n" * 60_000, "mot", "", "holds more than"),
        ('{"name": "\\ud800"}', "native", "name", "unpaired surrogate"),
        ('{"name": "x", "\\udc80": 1}', "native", '["\\udc80"]', "unpaired surrogate"),
        ('{"name": "x", "components": [' + ", ".join([_DATASETS] * 2) + "]}", "native",
         "components[1]", "is listed twice"),
    ],
)  # fmt: skip
def test_parser_crash_classes_name_the_field(text: str, fmt: str, field: str, phrase: str) -> None:
    with pytest.raises(InvalidReleaseError) as caught:
        load_text(text, fmt)
    check_error(caught.value, None)
    problems = caught.value.problems
    assert any(p.field == field and phrase in p.problem for p in problems), problems


def test_importer_functions_raise_only_input_errors() -> None:
    with pytest.raises(InvalidReleaseError) as caught:
        import_mot({"release": {"name": "x", "components": [{"name": ["Datasets"]}]}})
    assert caught.value.problems[0].field == "release.components[0].name"
    assert import_mot({"release": {"name": "x", "date": "2024-13-01"}}).release.date is None


def test_long_values_score() -> None:
    release = parse_release(
        {
            "name": "x",
            "base_model": {"name": "b" * 2001},
            "components": [
                {
                    "kind": "parameters-final",
                    "availability": "public",
                    "license": {"expression": "LicenseRef-" + "a" * 1990},
                }
            ],
        }
    )
    assessment = score(release)
    assert any(
        f.message.endswith("…") or "…" in json.dumps(f.model_dump()) for f in assessment.findings
    )


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*")), ids=lambda p: p.name)
def test_harness_findings_stay_fixed(path: Path) -> None:
    one_input(path.read_bytes())
