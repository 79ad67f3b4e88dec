"""The SARIF 2.1.0 report, for code-scanning dashboards (GitHub code scanning among them).

One log, one run, one result per finding that is not met or unknown. How an outcome and a
severity become SARIF's ``kind`` and ``level`` (section 3.27.9 and 3.27.10 of the standard,
which allow a level other than ``none`` only on a ``fail``):

============== =========== ========== ========
outcome        severity    kind       level
============== =========== ========== ========
not met        blocking    ``fail``   ``error``
not met        advisory    ``fail``   ``note``
unknown        blocking    ``review`` ``none``
unknown        advisory    ``review`` ``none``
============== =========== ========== ========

Met and not-applicable findings are left out (the JSON report has them). Each result
carries ``partialFingerprints`` that stay the same from run to run, the component as a
logical location and, when the release came from a file, a physical location: the line of
the member the finding's evidence names, from its key to the end of that line, when the
document's :class:`PositionIndex` knows it (a native document, or the import notes of an
imported one); line 1 otherwise (code scanning needs a line). A release read from a
repository snapshot points each result at the file behind its evidence (the ``LICENSE``
for a terms finding, the weight file for the weights, the card for the rest), since code
scanning refuses a result without a file. There are no ``fixes``: osaid proposes changes
in words, not edits to the document; the change is in the result's message and its
``remediation`` property.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Final
from urllib.parse import quote

from osaid._version import __version__
from osaid.assessment import Assessment
from osaid.findings import Finding, Outcome
from osaid.licensing.clauses import Severity
from osaid.release.positions import PositionIndex, Span
from osaid.reports._common import rule_doc_url, worst_verdict
from osaid.rules import RULES
from osaid.rules.imports import NOTES

__all__ = [
    "FINGERPRINT_KEY",
    "SARIF_SCHEMA",
    "SarifArtifact",
    "artifact_uri",
    "render_sarif",
    "render_sarif_log",
    "sarif_kind_level",
]


def __dir__() -> list[str]:
    return __all__


SARIF_SCHEMA: Final = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""The ``$schema`` of every log: the OASIS SARIF 2.1.0 schema (errata 01)."""

FINGERPRINT_KEY: Final = "osaidFinding/v1"
"""The ``partialFingerprints`` key osaid fills."""


@dataclass(frozen=True, slots=True)
class SarifArtifact:
    """The document a release was read from, for the results' physical locations.

    :param uri: the document as a URI reference (see :func:`artifact_uri`).
    :param fields: where each release field sits in the document, when the document is
        a native release (its paths are the release's own).
    :param note_fields: where each field named by an import note sits, when the document
        was imported from another format (the notes name that format's paths).
    :param files: for a release read from several files (a repository snapshot), the file
        behind each release field, as pairs of a field (``components[0].license``) and the
        file's URI reference; a result points at the file behind its evidence, else at
        ``uri`` (the snapshot's card).
    """

    uri: str
    fields: PositionIndex | None = None
    note_fields: PositionIndex | None = None
    files: tuple[tuple[str, str], ...] = ()


def artifact_uri(path: str) -> str:
    """A file path as a SARIF ``artifactLocation.uri``: relative paths stay relative.

    >>> artifact_uri("releases/my model.json")
    'releases/my%20model.json'
    >>> artifact_uri("/srv/release.json")
    'file:///srv/release.json'
    """
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix(), safe="/")
    return quote(pure.as_posix(), safe="/")


def sarif_kind_level(finding: Finding) -> tuple[str, str] | None:
    """The SARIF ``kind`` and ``level`` of a finding; None for met and not-applicable ones."""
    if finding.outcome is Outcome.NOT_MET:
        return "fail", "error" if finding.severity is Severity.BLOCKING else "note"
    if finding.outcome is Outcome.UNKNOWN:
        return "review", "none"
    return None


def _rules() -> list[dict[str, Any]]:
    out = []
    for rule in RULES:
        spec = rule.spec
        cite = spec.citation
        source = f"{cite.document} {cite.version}, {cite.section}: {cite.excerpt}"
        out.append(
            {
                "id": spec.id,
                "name": spec.id.title().replace("-", ""),
                "shortDescription": {"text": spec.title},
                "fullDescription": {"text": spec.rationale},
                "help": {
                    "text": f"{spec.remediation} Source: {source} ({cite.url})",
                    "markdown": (
                        f"{spec.remediation}\n\n**Source:** {source} "
                        f"([{cite.document}]({cite.url}))"
                    ),
                },
                "helpUri": rule_doc_url(spec.id),
                "defaultConfiguration": {
                    "level": "error" if spec.severity is Severity.BLOCKING else "note"
                },
                "properties": {
                    "tags": ["osaid", spec.group.value],
                    "group": spec.group.value,
                    "citation": cite.model_dump(),
                },
            }
        )
    return out


def _region(span: Span) -> dict[str, int]:
    """The member's first line, from its key: the whole member when it fits on that line."""
    region = {"startLine": span.start_line, "startColumn": span.start_column}
    if span.end_line == span.start_line:
        region["endColumn"] = span.end_column
    return region


def _field_span(finding: Finding, artifact: SarifArtifact) -> Span | None:
    """Where in the document the finding's evidence sits, if the index knows it."""
    if finding.inherited_from is not None:
        return None  # its evidence is about the base model's document
    index = artifact.note_fields if finding.rule_id == NOTES.id else artifact.fields
    if index is None:
        return None
    for evidence in finding.evidence:
        if evidence.field:
            found = index.locate(evidence.field)
            if found is not None:
                return found[1]
    return None


_STEP = re.compile(r"(?:\.[^.\[\]]+|\[[^\]]*\])$")


def _file_for(finding: Finding, files: Mapping[str, str]) -> str | None:
    """The file behind the finding's evidence: its field, or the nearest field it is in."""
    if finding.inherited_from is not None:
        return None  # its evidence is about the base model's files
    for evidence in finding.evidence:
        field = evidence.field
        while field:
            found = files.get(field)
            if found is not None:
                return found
            shorter = _STEP.sub("", field)
            if shorter == field:
                break
            field = shorter
    return None


def _fingerprint(release: str, finding: Finding, seen: dict[str, int]) -> str:
    evidence = [(e.field, e.license, e.license_version, e.section) for e in finding.evidence]
    identity = json.dumps(
        [release, finding.rule_id, str(finding.component), finding.inherited_from, evidence]
    )
    ordinal = seen.get(identity, 0)
    seen[identity] = ordinal + 1
    return hashlib.sha256(f"{identity}#{ordinal}".encode()).hexdigest()[:32]


def _result(
    assessment: Assessment,
    finding: Finding,
    *,
    artifact: SarifArtifact | None,
    artifact_index: Callable[[str], int],
    rule_index: dict[str, int],
    seen: dict[str, int],
) -> dict[str, Any] | None:
    kind_level = sarif_kind_level(finding)
    if kind_level is None:
        return None
    kind, level = kind_level
    release = assessment.release.name
    location: dict[str, Any] = {}
    if artifact is not None:
        uri = _file_for(finding, dict(artifact.files)) if artifact.files else None
        span = _field_span(finding, artifact) if uri is None else None
        uri = artifact.uri if uri is None else uri
        location["physicalLocation"] = {
            "artifactLocation": {"uri": uri, "index": artifact_index(uri)},
            "region": _region(span) if span is not None else {"startLine": 1},
        }
    location["logicalLocations"] = [
        {
            "name": str(finding.component),
            "fullyQualifiedName": f"{release}/{finding.component}",
            "kind": "module",
        }
    ]
    text = finding.message
    properties: dict[str, Any] = {
        "release": release,
        "component": str(finding.component),
        "group": finding.group.value,
        "outcome": finding.outcome.value,
        "severity": finding.severity.value,
        "osdCriteria": [int(c) for c in finding.osd_criteria],
        "freedoms": [f.value for f in finding.freedoms],
        "evidence": [e.model_dump(exclude_none=True) for e in finding.evidence],
    }
    if finding.remediation is not None:
        text = f"{text} To resolve: {finding.remediation.action}"
        properties["remediation"] = finding.remediation.model_dump()
    if finding.inherited_from is not None:
        properties["inheritedFrom"] = finding.inherited_from
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index[finding.rule_id],
        "kind": kind,
        "level": level,
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(release, finding, seen)},
        "properties": properties,
    }


def render_sarif_log(items: Sequence[tuple[Assessment, SarifArtifact | str | None]]) -> str:
    """Several assessments as one SARIF 2.1.0 log: one run, every release's results.

    Each item pairs an assessment with the document it was read from (a
    :class:`SarifArtifact`, a file path, or None for a release that is not a file).
    """
    rules = _rules()
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    artifact_ids: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    seen: dict[str, int] = {}

    def artifact_index(uri: str) -> int:
        if uri not in artifact_ids:
            artifact_ids[uri] = len(artifacts)
            artifacts.append({"location": {"uri": uri}, "roles": ["analysisTarget"]})
        return artifact_ids[uri]

    for assessment, given in items:
        artifact = SarifArtifact(artifact_uri(given)) if isinstance(given, str) else given
        if artifact is not None:
            artifact_index(artifact.uri)
        for finding in assessment.findings:
            result = _result(
                assessment,
                finding,
                artifact=artifact,
                artifact_index=artifact_index,
                rule_index=rule_index,
                seen=seen,
            )
            if result is not None:
                results.append(result)
        summary: dict[str, Any] = {
            "release": assessment.release.name,
            "verdict": assessment.verdict.value,
            "summary": assessment.summary,
            "mofClass": int(assessment.mof.mof_class),
            "mofLabel": assessment.mof.label,
            "mofProgress": {str(p.mof_class): p.progress for p in assessment.mof.progress},
        }
        if artifact is not None:
            summary["artifact"] = artifact.uri
        summaries.append(summary)
    first = items[0][0] if items else None
    properties: dict[str, Any] = {}
    if first is not None:
        properties["verdict"] = worst_verdict([a.verdict for a, _ in items]).value
    properties["assessments"] = summaries
    if first is not None:
        properties["definition"] = first.definition.model_dump()
        properties["policy"] = first.policy.name
        properties["versions"] = first.versions.model_dump()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "osaid",
                "version": first.versions.osaid if first is not None else __version__,
                "informationUri": "https://github.com/osaid/osaid",
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
    }
    if artifacts:
        run["artifacts"] = artifacts
    run["results"] = results
    run["properties"] = properties
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def render_sarif(assessment: Assessment, *, artifact: SarifArtifact | str | None = None) -> str:
    """The findings that are not met or unknown, as a SARIF 2.1.0 log.

    :param artifact: the release document (a :class:`SarifArtifact`, or its path), so
        that code-scanning services can anchor each result to a file and a line.
    """
    return render_sarif_log([(assessment, artifact)])
