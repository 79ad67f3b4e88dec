"""The ``osaid`` command: a thin shell over the library.

Exit codes (the public contract): 0 the release is Open Source AI; 1 it is not; 3 there
is not enough information to tell; 2 usage or input error (a message on stderr, never a
traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TextIO

from osaid import bundled
from osaid._version import __version__
from osaid.analysis import license_profile
from osaid.assessment import Assessment, Verdict, score
from osaid.definitions import DEFINITIONS
from osaid.errors import OsaidError, UnknownLicenseError, UnknownReleaseError
from osaid.importers import InputFormat
from osaid.importers import load as import_file
from osaid.licensing.catalog import default_catalog
from osaid.licensing.names import resolve_license
from osaid.policy import POLICIES, get_policy
from osaid.release import ModelRelease
from osaid.reports import ReportFormat, render, render_license, render_license_list
from osaid.rules import rules_for

__all__ = ["EXIT_CODES", "main"]


def __dir__() -> list[str]:
    return __all__


EXIT_CODES: Final[dict[Verdict, int]] = {
    Verdict.OPEN_SOURCE_AI: 0,
    Verdict.NOT_OPEN_SOURCE_AI: 1,
    Verdict.INSUFFICIENT_INFORMATION: 3,
}
"""The exit code of ``osaid score`` for each verdict."""

EXIT_USAGE: Final = 2
"""The exit code for usage and input errors."""

_INPUT_FORMATS = tuple(f.value for f in InputFormat)
_DOCUMENT_SUFFIXES = frozenset({".json", ".jsonld", ".yml", ".yaml", ".md"})


class UsageError(OsaidError):
    """The command line was used wrongly."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors name the program and exit with the usage code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="osaid",
        description=(
            "Tell whether an AI model release is Open Source AI under the OSI's Open Source "
            "AI Definition, and exactly why."
        ),
        epilog=(
            "exit codes: 0 Open Source AI; 1 not Open Source AI; 3 not enough information "
            "to tell; 2 usage or input error"
        ),
    )
    parser.add_argument("--version", action="version", version=f"osaid {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    score_cmd = commands.add_parser(
        "score",
        help="score a release (a bundled name or a file)",
        description=(
            "Score a release against the definition. TARGET is a bundled release name "
            "(see 'osaid catalog') or a release file."
        ),
    )
    score_cmd.add_argument("target", metavar="TARGET", help="bundled release name or file path")
    score_cmd.add_argument(
        "--format",
        dest="fmt",
        choices=[f.value for f in ReportFormat],
        default=ReportFormat.TEXT.value,
        help="output format (default: text)",
    )
    score_cmd.add_argument(
        "--from",
        dest="source_format",
        choices=_INPUT_FORMATS,
        default=None,
        help="input format of a file TARGET (default: detected; native osaid JSON otherwise)",
    )
    score_cmd.add_argument(
        "--definition",
        choices=sorted(DEFINITIONS),
        default="1.0",
        help="definition version (default: 1.0)",
    )
    score_cmd.add_argument(
        "--policy",
        choices=sorted(POLICIES),
        default="default",
        help="policy preset (default: default)",
    )
    score_cmd.add_argument(
        "--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout"
    )
    score_cmd.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 whatever the verdict (input errors still exit 2)",
    )

    import_cmd = commands.add_parser(
        "import",
        help="convert a document to an osaid release (JSON, with import notes)",
        description=(
            "Read a MOT or EOSAI record, a Hugging Face model card, a CycloneDX ML-BOM or an "
            "SPDX 3 document, and print the osaid release it becomes, with the notes on what "
            "was assumed, inferred, normalised or left unmapped."
        ),
    )
    import_cmd.add_argument("file", metavar="FILE", help="the document to read")
    import_cmd.add_argument(
        "--from",
        dest="source_format",
        choices=_INPUT_FORMATS,
        default=None,
        help="input format (default: detected)",
    )
    import_cmd.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE instead of stdout"
    )

    catalog_cmd = commands.add_parser("catalog", help="list the bundled releases with verdicts")
    catalog_cmd.add_argument(
        "--policy", choices=sorted(POLICIES), default="default", help="policy preset"
    )

    licenses_cmd = commands.add_parser(
        "licenses",
        help="list the license catalog, or explain one license clause by clause",
        description=(
            "Without arguments, list every license and policy osaid knows with how it fares "
            "for parameters, code and data. 'show ID' explains one; 'resolve TEXT' shows "
            "what a license string resolves to."
        ),
    )
    licenses_cmd.add_argument(
        "action", nargs="?", choices=["list", "show", "resolve"], default="list"
    )
    licenses_cmd.add_argument("name", nargs="?", metavar="ID_OR_TEXT", help="license id or text")
    licenses_cmd.add_argument("--version", dest="license_version", help="license version to show")
    licenses_cmd.add_argument(
        "--policy", choices=sorted(POLICIES), default="default", help="policy preset"
    )

    rules_cmd = commands.add_parser("rules", help="list the rules of a definition version")
    rules_cmd.add_argument("--definition", choices=sorted(DEFINITIONS), default="1.0")

    schema_cmd = commands.add_parser("schema", help="print a JSON Schema")
    schema_cmd.add_argument(
        "which",
        choices=["release", "assessment"],
        nargs="?",
        default="release",
        help="the schema of release documents (default) or of assessments",
    )
    return parser


def _load(target: str, source_format: str | None) -> ModelRelease:
    path = Path(target)
    if path.is_file():
        return import_file(path, source_format).release
    if path.exists():
        msg = f"{target} is a directory, not a release file"
        raise OsaidError(msg)
    try:
        return bundled.load(target)
    except UnknownReleaseError as exc:
        if any(ch in target for ch in "/\\") or path.suffix.lower() in _DOCUMENT_SUFFIXES:
            msg = f"no such file: {target}"
            raise OsaidError(msg) from None
        raise exc from None


def _write(text: str, output: str | None, stdout: TextIO) -> None:
    if output is None:
        stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        msg = f"cannot write {output}: {exc.strerror or exc}"
        raise OsaidError(msg) from None


def _score(args: argparse.Namespace, stdout: TextIO) -> int:
    release = _load(args.target, args.source_format)
    assessment: Assessment = score(release, definition=args.definition, policy=args.policy)
    artifact = args.target if Path(args.target).is_file() else None
    _write(render(assessment, args.fmt, artifact=artifact), args.output, stdout)
    return 0 if args.exit_zero else EXIT_CODES[assessment.verdict]


def _import(args: argparse.Namespace, stdout: TextIO) -> int:
    path = Path(args.file)
    if not path.is_file():
        msg = f"no such file: {args.file}"
        raise OsaidError(msg)
    result = import_file(path, args.source_format)
    _write(
        result.release.model_dump_json(indent=2, exclude_defaults=True) + "\n", args.output, stdout
    )
    return 0


def _catalog(args: argparse.Namespace, stdout: TextIO) -> int:
    rows = []
    for name in bundled.names():
        assessment = score(bundled.load(name), policy=args.policy)
        rows.append((name, assessment.verdict.value, assessment.summary))
    width = max((len(r[0]) for r in rows), default=4)
    verdict_width = max((len(r[1]) for r in rows), default=7)
    for name, verdict, summary in rows:
        stdout.write(f"{name.ljust(width)}  {verdict.ljust(verdict_width)}  {summary}\n")
    return 0


def _licenses(args: argparse.Namespace, stdout: TextIO) -> int:
    catalog = default_catalog()
    policy = get_policy(args.policy)
    if args.action == "list":
        profiles = [license_profile(entry, policy=policy) for entry in catalog.values()]
        stdout.write(render_license_list(profiles))
        return 0
    if not args.name:
        msg = f"'osaid licenses {args.action}' needs a license id or text"
        raise UsageError(msg)
    if args.action == "resolve":
        found = resolve_license(args.name)
        target = found.expression or "unknown (kept as written)"
        stdout.write(f"{args.name!r} -> {target} [{found.kind.value}; {found.how}]\n")
        return 0
    entry = catalog.get_entry(args.name)
    if args.license_version is not None and entry.find_version(args.license_version) is None:
        labels = [f"{entry.id}@{v.version}" for v in entry.versions]
        raise UnknownLicenseError(f"{entry.id}@{args.license_version}", labels)
    profile = license_profile(entry, version=args.license_version, policy=policy)
    stdout.write(render_license(profile))
    return 0


def _rules(args: argparse.Namespace, stdout: TextIO) -> int:
    for rule in rules_for(args.definition):
        spec = rule.spec
        stdout.write(f"{spec.id}  [{spec.group.value}, {spec.severity.value}]\n")
        stdout.write(f"    {spec.title}\n")
        stdout.write(f"    {spec.citation.section}: {spec.citation.excerpt}\n")
    return 0


def _schema(args: argparse.Namespace, stdout: TextIO) -> int:
    import json  # noqa: PLC0415 - only this command needs it

    model = ModelRelease if args.which == "release" else Assessment
    stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")
    return 0


_COMMANDS = {
    "score": _score,
    "import": _import,
    "catalog": _catalog,
    "licenses": _licenses,
    "rules": _rules,
    "schema": _schema,
}


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    out = sys.stdout if stdout is None else stdout
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args, out)
    except OsaidError as exc:
        sys.stderr.write(f"osaid: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `osaid score x | head`
        return 0
    except Exception as exc:  # the CLI never shows a traceback
        if os.environ.get("OSAID_DEBUG"):
            raise
        sys.stderr.write(
            f"osaid: internal error: {type(exc).__name__}: {exc}\n"
            "Please report it; set OSAID_DEBUG=1 to see the traceback.\n"
        )
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
