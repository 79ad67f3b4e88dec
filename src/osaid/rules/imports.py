"""Import notes become advisory findings, so a reader sees what an importer assumed.

Not a requirement of the definition: osaid's own record of how facts were obtained when
a release was read from another format (MOT, EOSAI, a model card, an SBOM).
"""

from __future__ import annotations

from collections.abc import Iterator

from osaid.findings import SYSTEM, Evidence, Finding, Outcome
from osaid.licensing.clauses import Severity
from osaid.release import Group, NoteKind
from osaid.rules._base import Citation, Rule, RuleContext, RuleSpec

__all__ = ["IMPORT_RULES"]

NOTES = RuleSpec(
    id="OSAID-IMPORT-NOTES",
    title="Did the release come from another format without assumptions?",
    group=Group.SYSTEM,
    citation=Citation(
        document="osaid importers",
        version="1",
        section="Import notes",
        excerpt=(
            "Facts an importer assumed, inferred, normalised or could not map when reading a "
            "release from another format."
        ),
        url="https://github.com/osaid/osaid/blob/main/docs/importers.md",
    ),
    rationale=(
        "Peer formats record less than the definition asks, and record it differently; "
        "every reading osaid applies is shown so that a reviewer can check it."
    ),
    remediation="Check the assumed facts against the release and correct the record.",
    severity=Severity.ADVISORY,
)

_OUTCOME = {
    NoteKind.ASSUMED: Outcome.UNKNOWN,
    NoteKind.INFERRED: Outcome.UNKNOWN,
    NoteKind.UNMAPPED: Outcome.UNKNOWN,
    NoteKind.NORMALISED: Outcome.MET,
}


def _check(ctx: RuleContext) -> Iterator[Finding]:
    for note in ctx.release.import_notes:
        yield NOTES.finding(
            SYSTEM,
            _OUTCOME[note.kind],
            f"{note.kind.value.capitalize()} ({note.source_format}): {note.message}",
            evidence=(Evidence(field=note.field, note=f"import note from {note.source_format}"),),
        )


IMPORT_RULES = (Rule(NOTES, _check, key=lambda ctx: ctx.release.import_notes),)
