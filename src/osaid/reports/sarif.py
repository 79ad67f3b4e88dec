"""The SARIF 2.1.0 report, for code-scanning dashboards."""

from __future__ import annotations

import json
from typing import Any

from osaid.assessment import Assessment
from osaid.findings import Finding, Outcome
from osaid.licensing.clauses import Severity
from osaid.rules import RULES

__all__ = ["render_sarif"]


def __dir__() -> list[str]:
    return __all__


def _sarif_location(
    assessment: Assessment, finding: Finding, artifact: str | None
) -> dict[str, Any]:
    location: dict[str, Any] = {
        "logicalLocations": [
            {
                "name": str(finding.component),
                "fullyQualifiedName": f"{assessment.release.name}/{finding.component}",
                "kind": "module",
            }
        ]
    }
    if artifact is not None:
        location["physicalLocation"] = {
            "artifactLocation": {"uri": artifact},
            "region": {"startLine": 1},
        }
    return location


_SARIF_LEVEL = {
    (Severity.BLOCKING, Outcome.NOT_MET): "error",
    (Severity.BLOCKING, Outcome.UNKNOWN): "warning",
    (Severity.ADVISORY, Outcome.NOT_MET): "note",
    (Severity.ADVISORY, Outcome.UNKNOWN): "note",
}


def render_sarif(assessment: Assessment, *, artifact: str | None = None) -> str:
    """The findings that are not met or unknown, as a SARIF 2.1.0 log.

    :param artifact: the path of the release document, so that code-scanning services can
        anchor each result to a file (they require a physical location).
    """
    specs = [rule.spec for rule in RULES]
    index = {spec.id: i for i, spec in enumerate(specs)}
    rules = [
        {
            "id": spec.id,
            "name": spec.id.title().replace("-", ""),
            "shortDescription": {"text": spec.title},
            "fullDescription": {"text": spec.rationale},
            "help": {
                "text": f"{spec.remediation} ({spec.citation.document} {spec.citation.version}, "
                f"{spec.citation.section}: {spec.citation.excerpt})"
            },
            "helpUri": spec.citation.url,
            "defaultConfiguration": {
                "level": "error" if spec.severity is Severity.BLOCKING else "note"
            },
        }
        for spec in specs
    ]
    results: list[dict[str, Any]] = []
    for finding in assessment.findings:
        level = _SARIF_LEVEL.get((finding.severity, finding.outcome))
        if level is None:
            continue
        result: dict[str, Any] = {
            "ruleId": finding.rule_id,
            "ruleIndex": index[finding.rule_id],
            "level": level,
            "kind": "fail" if finding.outcome is Outcome.NOT_MET else "review",
            "message": {"text": finding.message},
            "locations": [_sarif_location(assessment, finding, artifact)],
            "properties": {
                "outcome": finding.outcome.value,
                "severity": finding.severity.value,
                "osdCriteria": [int(c) for c in finding.osd_criteria],
                "freedoms": [f.value for f in finding.freedoms],
            },
        }
        if finding.remediation is not None:
            result["fixes"] = [
                {"description": {"text": finding.remediation.action}, "artifactChanges": []}
            ]
            result["properties"]["remediation"] = finding.remediation.key
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "osaid",
                        "version": assessment.versions.osaid,
                        "informationUri": "https://github.com/osaid/osaid",
                        "rules": rules,
                    }
                },
                "results": results,
                "properties": {
                    "verdict": assessment.verdict.value,
                    "definition": assessment.definition.model_dump(),
                    "policy": assessment.policy.name,
                    "versions": assessment.versions.model_dump(),
                },
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"
