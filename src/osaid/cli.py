"""The ``osaid`` command: a thin shell over the library.

Exit codes (the public contract): 0 the release is Open Source AI; 1 it is not; 3 there
is not enough information to tell; 2 usage or input error (a message on stderr, never a
traceback). With several targets, the exit code is the worst verdict's: 1 if any release
is not Open Source AI, else 3 if any lacks information, else 0.

Targets are bundled release names, files, directories (read as a model repository
snapshot, :func:`osaid.load_repository`), or ``-`` for standard input. Pipes, FIFOs and
character devices are read as streams (up to the document size limit); block devices and
sockets are refused with a message saying what they are. Reports go to
standard output, or with ``-o FILE`` to a file written atomically (a temporary file in
the same folder, then renamed), never over one of the inputs.
"""

from __future__ import annotations

import argparse
import errno
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, Final, TextIO

from osaid import bundled
from osaid._version import __version__
from osaid.analysis import license_profile
from osaid.assessment import Assessment, Verdict, score
from osaid.definitions import DEFINITIONS
from osaid.errors import (
    InputProblem,
    InvalidReleaseError,
    OsaidError,
    UnknownLicenseError,
    UnknownReleaseError,
)
from osaid.importers import InputFormat, import_repository, load_text
from osaid.importers.croissant import with_croissant
from osaid.importers.repository import repository_fact_files
from osaid.lenses import SORT_KEYS, compare, diff, plan
from osaid.licensing.catalog import default_catalog
from osaid.licensing.names import Resolution, hub_licenses, resolve_hf_license, resolve_license
from osaid.policy import POLICIES, get_policy
from osaid.release import ModelRelease
from osaid.release.positions import index_document
from osaid.release.validation import MAX_DOCUMENT_BYTES
from osaid.reports import (
    ReportFormat,
    SarifArtifact,
    badge_markdown,
    release_schema,
    render_badge,
    render_html_page,
    render_json,
    render_license,
    render_license_list,
    render_markdown,
    render_sarif_log,
    render_text,
    report_schema,
)
from osaid.reports._common import rule_doc_url, worst_verdict
from osaid.reports.lenses import LENS_FORMATS, render_comparison, render_diff, render_plan
from osaid.reports.licenses import license_data, license_list_data
from osaid.reports.sarif import artifact_uri
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

STDIN: Final = "-"
"""The target (and ``-o`` value) that means standard input (output)."""

DEFAULT_BADGE: Final = "osaid-badge.svg"
"""Where ``osaid badge`` writes the SVG unless told otherwise."""

_INPUT_FORMATS = tuple(f.value for f in InputFormat)
_DOCUMENT_SUFFIXES = frozenset({".json", ".jsonld", ".yml", ".yaml", ".md"})
_MAX_SHOWN = 80
_NAME_MAX = 255


class UsageError(OsaidError):
    """The command line was used wrongly."""


class TargetError(OsaidError):
    """A target cannot be read: it does not exist, or is not a document."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors name the program and exit with the usage code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_input_options(cmd: argparse.ArgumentParser, *, scoring: bool) -> None:
    cmd.add_argument(
        "--from",
        dest="source_format",
        choices=_INPUT_FORMATS,
        default=None,
        help="input format of file and stdin targets (default: detected; native osaid JSON "
        "otherwise); a bundled release is already native",
    )
    cmd.add_argument(
        "--stdin-name",
        metavar="NAME",
        default=None,
        help="a file name for standard input: used in messages, to detect the format "
        "(README.md is a model card) and as the SARIF artifact",
    )
    cmd.add_argument(
        "--component",
        metavar="REF",
        default=None,
        help="in a CycloneDX or SPDX document that lists several models, the one to read "
        "(bom-ref, spdxId, name or group/name); default: the model the document is about",
    )
    if scoring:
        cmd.add_argument(
            "--definition",
            choices=sorted(DEFINITIONS),
            default="1.0",
            help="definition version (default: 1.0)",
        )
        cmd.add_argument(
            "--policy",
            choices=sorted(POLICIES),
            default="default",
            help="policy preset (default: default)",
        )


def _add_output_options(cmd: argparse.ArgumentParser, *, default: str | None = None) -> None:
    where = f"(default: {default})" if default else "instead of standard output"
    cmd.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default=default,
        help=f"write to FILE {where}; '-' is standard output. The file is replaced "
        "atomically and never one of the inputs",
    )
    cmd.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print nothing on standard output (a file given with -o is still written; "
        "errors still go to stderr)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="osaid",
        description=(
            "Tell whether an AI model release is Open Source AI under the OSI's Open Source "
            "AI Definition, and exactly why."
        ),
        epilog=(
            "exit codes: 0 Open Source AI; 1 not Open Source AI; 3 not enough information "
            "to tell; 2 usage or input error. Colour only on a terminal, never with NO_COLOR."
        ),
    )
    parser.add_argument("--version", action="version", version=f"osaid {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    score_cmd = commands.add_parser(
        "score",
        help="score releases (bundled names, files, or - for stdin)",
        description=(
            "Score releases against the definition. Each TARGET is a bundled release name "
            "(see 'osaid catalog'), a release file, or '-' for standard input. With several "
            "targets the reports follow one another (JSON: an array; --jsonl: one line each; "
            "SARIF and HTML: one document) and the exit code is the worst verdict's."
        ),
    )
    score_cmd.add_argument(
        "targets", metavar="TARGET", nargs="+", help="bundled release name, file path, or -"
    )
    score_cmd.add_argument(
        "--format",
        dest="fmt",
        choices=[f.value for f in ReportFormat],
        default=None,
        help="output format (default: text)",
    )
    score_cmd.add_argument(
        "--jsonl",
        action="store_true",
        help="JSON Lines: one assessment per line (implies --format json)",
    )
    batch = score_cmd.add_argument_group(
        "batch scoring",
        "With --batch, TARGETs may also be JSON Lines files (.jsonl, .ndjson; '-' reads JSON "
        "Lines from stdin), directories and glob patterns; one JSON record a line comes out, "
        "in input order, and a document that cannot be scored is an error record, never a "
        "stop. The exit code is the worst verdict's, or 2 if any record is an error.",
    )
    batch.add_argument(
        "--batch", action="store_true", help="score many documents, one JSON record a line"
    )
    batch.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for --batch (default: every core)",
    )
    batch.add_argument(
        "--findings",
        choices=["all", "blocking", "none"],
        default="all",
        help="how much of each assessment a --batch record keeps (default: all)",
    )
    _add_input_options(score_cmd, scoring=True)
    _add_output_options(score_cmd)
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
            "SPDX 3 document (a file, or '-' for standard input), and print the osaid "
            "release it becomes, with the notes on what was assumed, inferred, normalised or "
            "left unmapped."
        ),
    )
    import_cmd.add_argument("file", metavar="FILE", help="the document to read, or -")
    _add_input_options(import_cmd, scoring=False)
    _add_output_options(import_cmd)

    badge_cmd = commands.add_parser(
        "badge",
        help="write an SVG badge for a release and print its Markdown",
        description=(
            "Score TARGET and write a badge ('OSAID 1.0 | conforms', 'does not conform' or "
            "'insufficient information') as SVG, then print the Markdown that shows it. "
            "Exits 0 once the badge is written, whatever the verdict."
        ),
    )
    badge_cmd.add_argument("target", metavar="TARGET", help="bundled release name, file, or -")
    badge_cmd.add_argument(
        "--link", metavar="URL", default=None, help="make the badge in the Markdown a link to URL"
    )
    _add_input_options(badge_cmd, scoring=True)
    _add_output_options(badge_cmd, default=DEFAULT_BADGE)

    catalog_cmd = commands.add_parser("catalog", help="list the bundled releases with verdicts")
    catalog_cmd.add_argument(
        "--policy", choices=sorted(POLICIES), default="default", help="policy preset"
    )
    _add_format_option(catalog_cmd)

    licenses_cmd = commands.add_parser(
        "licenses",
        help="list the license catalog, or explain one license clause by clause",
        description=(
            "Without arguments, list every license and policy osaid knows with how it fares "
            "for parameters, code and data. 'show ID' explains one; 'resolve TEXT' shows "
            "what a license string, Hugging Face id or license URL resolves to; 'hub' walks "
            "the Hugging Face Hub's license table."
        ),
    )
    licenses_cmd.add_argument(
        "action", nargs="?", choices=["list", "show", "resolve", "hub"], default="list"
    )
    licenses_cmd.add_argument("name", nargs="?", metavar="ID_OR_TEXT", help="license id or text")
    licenses_cmd.add_argument("--version", dest="license_version", help="license version to show")
    licenses_cmd.add_argument(
        "--policy", choices=sorted(POLICIES), default="default", help="policy preset"
    )
    _add_format_option(licenses_cmd)

    rules_cmd = commands.add_parser("rules", help="list the rules of a definition version")
    rules_cmd.add_argument("--definition", choices=sorted(DEFINITIONS), default="1.0")
    _add_format_option(rules_cmd)

    _add_lens_commands(commands)

    schema_cmd = commands.add_parser("schema", help="print a JSON Schema")
    schema_cmd.add_argument(
        "which",
        choices=["release", "report", "assessment"],
        nargs="?",
        default="release",
        help="release documents (default), or JSON reports ('assessment' is another name "
        "for 'report')",
    )
    return parser


def _add_lens_commands(commands: Any) -> None:
    """The plan, diff and compare commands."""
    plan_cmd = commands.add_parser(
        "plan",
        help="the smallest verified set of changes after which a release conforms",
        description=(
            "Compute the changes (publish, relicense, ungate, withdraw terms, disclose) after "
            "which TARGET conforms, apply them to a copy and score it again; every change "
            "listed is needed. What no change to the release can fix is listed as out of the "
            "publisher's hands. Exits 0 when the plan makes the release conform, 1 when it "
            "cannot, 2 on input errors."
        ),
    )
    plan_cmd.add_argument("target", metavar="TARGET", help="bundled release name, file, or -")
    _add_input_options(plan_cmd, scoring=True)
    _add_lens_format(plan_cmd)
    _add_output_options(plan_cmd)

    diff_cmd = commands.add_parser(
        "diff",
        help="what changed between two releases, and which findings flipped",
        description=(
            "Compare BEFORE and AFTER: the declared facts that changed, the findings that "
            "flipped, the verdicts and MOF classes. Exits 0 whatever the verdicts."
        ),
    )
    diff_cmd.add_argument("before", metavar="BEFORE", help="bundled release name, file, or -")
    diff_cmd.add_argument("after", metavar="AFTER", help="bundled release name, file, or -")
    _add_input_options(diff_cmd, scoring=True)
    _add_lens_format(diff_cmd)
    _add_output_options(diff_cmd)

    compare_cmd = commands.add_parser(
        "compare",
        help="one row per release: verdict, MOF class, blocking findings per group",
        description="Compare releases side by side. Exits 0 whatever the verdicts.",
    )
    compare_cmd.add_argument(
        "targets", metavar="TARGET", nargs="+", help="bundled release name, file, or -"
    )
    compare_cmd.add_argument(
        "--sort",
        choices=list(SORT_KEYS),
        default="input",
        help="sort the rows (default: input order)",
    )
    _add_input_options(compare_cmd, scoring=True)
    _add_lens_format(compare_cmd)
    _add_output_options(compare_cmd)


def _add_lens_format(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--format",
        dest="fmt",
        choices=list(LENS_FORMATS),
        default="text",
        help="output format (default: text)",
    )


def _add_format_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--format",
        dest="fmt",
        choices=["text", "json"],
        default="text",
        help="output format (default: text)",
    )


# --- reading targets -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Input:
    """A target, read and imported."""

    label: str
    """What messages call it: the path as given, the stdin name, or the bundled name."""
    release: ModelRelease
    path: str | None = None
    """The file it was read from (None for standard input and bundled releases)."""
    text: str | None = None
    """The document's text (None for bundled releases)."""
    source_format: str | None = None
    """The format it was read as."""
    stdin: bool = False
    identity: tuple[int, int] | None = None
    """The device and inode it was read from, when that is a file (for ``-o`` checks)."""
    bases: tuple[ModelRelease, ...] = ()
    """Base models the document itself describes (scored with the release)."""
    root: str | None = None
    """The folder, for a repository snapshot (read from its files)."""


def _shown(target: str) -> str:
    """A target as messages show it: shortened when very long."""
    if len(target) <= _MAX_SHOWN:
        return target
    return f"{target[: _MAX_SHOWN // 2]}...{target[-_MAX_SHOWN // 4 :]} ({len(target)} characters)"


def _looks_like_path(target: str) -> bool:
    return any(ch in target for ch in "/\\") or Path(target).suffix.lower() in _DOCUMENT_SUFFIXES


def _stat_problem(target: str, exc: OSError) -> str:
    code = exc.errno
    if code == errno.ELOOP:
        return f"{_shown(target)}: too many levels of symbolic links (a symbolic link loop?)"
    if code == errno.ENAMETOOLONG:
        longest = max((len(os.fsencode(part)) for part in Path(target).parts), default=0)
        if longest > _NAME_MAX:
            return (
                f"{_shown(target)}: a part of the path is {longest:,} bytes long; file and "
                f"folder names have at most {_NAME_MAX} bytes"
            )
        return f"{_shown(target)}: the path is too long for the file system"
    if code in {errno.EACCES, errno.EPERM}:
        return f"{_shown(target)}: permission denied"
    if code == errno.ENOTDIR:
        return f"no such file: {_shown(target)} (a part of the path is not a directory)"
    return f"{_shown(target)}: cannot read it: {exc.strerror or exc}"


def _kind_of(mode: int) -> str | None:
    """What a file of ``mode`` is, when it is not something osaid reads."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return None
    return "not a regular file"  # pragma: no cover - door files and the like


def _read_stream(stream: IO[bytes], label: str) -> bytes:
    """At most :data:`MAX_DOCUMENT_BYTES` from a file, pipe or device, or an error."""
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        msg = (
            f"the input is larger than {MAX_DOCUMENT_BYTES:,} bytes; osaid reads documents "
            f"up to {MAX_DOCUMENT_BYTES:,} bytes"
        )
        raise InvalidReleaseError([InputProblem("", msg)], source=label)
    return data


def _read_file(target: str) -> bytes:
    """The bytes of the file (or stream) at ``target``; errors say what it is instead."""
    try:
        mode = Path(target).stat().st_mode
    except FileNotFoundError:
        link = Path(target)
        if link.is_symlink():
            msg = (
                f"{_shown(target)} is a symbolic link to {str(link.readlink())!r}, which "
                "does not exist"
            )
            raise TargetError(msg) from None
        msg = f"no such file: {_shown(target)}"
        raise TargetError(msg) from None
    except OSError as exc:
        raise TargetError(_stat_problem(target, exc)) from None
    size = Path(target).stat().st_size if stat.S_ISREG(mode) else 0
    if size > MAX_DOCUMENT_BYTES:
        msg = (
            f"the file is {size:,} bytes; osaid reads documents up to {MAX_DOCUMENT_BYTES:,} bytes"
        )
        raise InvalidReleaseError([InputProblem("", msg)], source=target)
    kind = _kind_of(mode)
    if kind is not None:
        hint = ""
        if kind == "a directory" and (Path(target) / "README.md").is_file():
            hint = f"; for its model card, pass {Path(target) / 'README.md'}"
        msg = f"{_shown(target)} is {kind}, not a release document{hint}"
        raise TargetError(msg)
    try:
        with open(target, "rb") as stream:  # noqa: PTH123 - a FIFO or device too
            return _read_stream(stream, target)
    except OSError as exc:
        raise TargetError(_stat_problem(target, exc)) from None


def _on_disk(target: str) -> bool:
    """Whether ``target`` should be read as a path rather than looked up as a bundled name.

    True when something is there (a dangling link counts), or when looking fails for a
    reason worth reporting; a name too long to be a file is looked up unless it has a
    slash or a document suffix.
    """
    try:
        os.lstat(target)
    except FileNotFoundError:
        return False
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return _looks_like_path(target)
        return True
    return True


def _load_input(target: str, args: argparse.Namespace, stdin: IO[bytes] | None) -> _Input:
    fmt: str | None = args.source_format
    if target == STDIN:
        label = args.stdin_name or "<stdin>"
        if stdin is None:
            msg = "'-' reads standard input, and there is none"
            raise TargetError(msg)
        raw = _read_stream(stdin, label)
        item = _import(raw, label, args.stdin_name, fmt, path=None, stdin=True,
                       component=args.component)  # fmt: skip
        return replace(item, identity=_identity_of_stream(stdin))
    if not _on_disk(target):
        found = bundled.find(target)
        if found is not None:
            if fmt not in {None, InputFormat.NATIVE.value} or args.component is not None:
                flag = (
                    f"--from {fmt}"
                    if fmt not in {None, InputFormat.NATIVE.value}
                    else ("--component")
                )
                msg = (
                    f"{flag} reads files and standard input; {target!r} is a bundled "
                    "release, already in osaid's own format"
                )
                raise UsageError(msg)
            return _Input(label=target, release=found, source_format=InputFormat.NATIVE.value)
        if _looks_like_path(target):
            msg = f"no such file: {_shown(target)}"
            raise TargetError(msg)
        try:
            bundled.resolve(target)
        except UnknownReleaseError as exc:
            raise UnknownReleaseError(_shown(target), exc.suggestions) from None
    if _is_dir(target):
        return _load_repository(target, fmt)
    raw = _read_file(target)
    item = _import(raw, target, target, fmt, path=target, stdin=False, component=args.component)
    if item.release.croissant:
        item = replace(item, release=with_croissant(item.release, Path(target).parent))
    return replace(item, identity=_identity(target))


def _is_dir(target: str) -> bool:
    """Whether ``target`` is a directory (a path too long to look at is not)."""
    try:
        return stat.S_ISDIR(Path(target).stat().st_mode)
    except OSError:
        return False


def _load_repository(target: str, fmt: str | None) -> _Input:
    """A directory target: a local snapshot of a model repository."""
    if fmt is not None:
        msg = (
            f"--from {fmt} reads files and standard input; {_shown(target)} is a directory, "
            "read as a model repository"
        )
        raise UsageError(msg)
    result = import_repository(target)
    return _Input(
        label=target, release=result.release, source_format=result.source_format, root=target
    )


def _repository_artifact(release: ModelRelease, root: str) -> SarifArtifact:
    """Results point at the snapshot's files, the card (or the folder) when no file backs them."""
    files = repository_fact_files(release, root)
    card = Path(root) / "README.md"
    fallback = artifact_uri(str(card)) if card.is_file() else artifact_uri(root.rstrip("/") + "/")
    pairs = tuple((field, artifact_uri(str(Path(root) / rel))) for field, rel in files.items())
    return SarifArtifact(fallback, files=pairs)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        found = Path(path).stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _identity_of_stream(stream: IO[bytes]) -> tuple[int, int] | None:
    """The file behind a stream (``osaid score - < release.json``), if it is a regular file."""
    try:
        found = os.fstat(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    return (found.st_dev, found.st_ino) if stat.S_ISREG(found.st_mode) else None


def _import(
    raw: bytes,
    label: str,
    name: str | None,
    fmt: str | None,
    *,
    path: str | None,
    stdin: bool,
    component: str | None = None,
) -> _Input:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidReleaseError(
            [InputProblem("", f"not UTF-8 text: {exc.reason}")], source=label
        ) from None
    try:
        result = load_text(text, fmt, name=name, component=component)
    except InvalidReleaseError as exc:
        if exc.source is None or not exc.source.startswith(label):
            where = f"{label} ({exc.source})" if exc.source else label
            raise InvalidReleaseError(exc.problems, source=where) from None
        raise
    return _Input(
        label=label,
        release=result.release,
        path=path,
        text=text,
        source_format=result.source_format,
        stdin=stdin,
        bases=result.base_models,
    )


def _load_all(
    targets: Sequence[str], args: argparse.Namespace, stdin: IO[bytes] | None
) -> list[_Input]:
    """Every target read, or an error listing each target that could not be."""
    if sum(t == STDIN for t in targets) > 1:
        msg = "'-' (standard input) can be given only once"
        raise UsageError(msg)
    loaded: list[_Input] = []
    errors: list[str] = []
    for target in targets:
        try:
            loaded.append(_load_input(target, args, stdin))
        except UsageError:
            raise
        except OsaidError as exc:
            errors.append(str(exc))
    if errors:
        if len(errors) == 1:
            raise OsaidError(errors[0])
        listed = "\n".join(f"  {n}. {e}" for n, e in enumerate(errors, start=1))
        msg = f"{len(errors)} of {len(targets)} targets cannot be read:\n{listed}"
        raise OsaidError(msg)
    return loaded


# --- writing ---------------------------------------------------------------------------


def _same_file(output: str, inputs: Sequence[_Input]) -> _Input | None:
    """The input that ``output`` is (by path, symbolic link or hard link), if any."""
    target = _identity(output)
    if target is None:
        return None
    return next((item for item in inputs if item.identity == target), None)


def _write(text: str, output: str | None, stdout: TextIO, inputs: Sequence[_Input] = ()) -> None:
    """Write to stdout (``None`` or ``-``), or replace ``output`` atomically."""
    if output is None or output == STDIN:
        stdout.write(text)
        return
    clash = _same_file(output, inputs)
    if clash is not None:
        msg = f"refusing to write over the input {clash.label}; choose another -o file"
        raise UsageError(msg)
    try:
        mode = Path(output).stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OsaidError(f"cannot write {_shown(output)}: {_stat_problem(output, exc)}") from None
    if mode is not None and stat.S_ISDIR(mode):
        msg = f"cannot write {_shown(output)}: it is a directory"
        raise OsaidError(msg)
    try:
        if mode is not None and not stat.S_ISREG(mode):
            # a device or a FIFO (/dev/null, /dev/stdout): write to it, never replace it
            with open(output, "w", encoding="utf-8", newline="") as stream:  # noqa: PTH123
                stream.write(text)
            return
        _replace_atomically(Path(os.path.realpath(output)), text, mode)
    except OSError as exc:
        msg = f"cannot write {_shown(output)}: {exc.strerror or exc}"
        raise OsaidError(msg) from None


def _replace_atomically(target: Path, text: str, mode: int | None) -> None:
    """Write ``text`` to a temporary file beside ``target``, then rename it over ``target``."""
    from osaid.batch_cli import file_mode  # noqa: PLC0415 - the batch module loads on use

    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, file_mode(mode))  # noqa: PTH101 - a path string from mkstemp
        os.replace(temporary, target)  # noqa: PTH105
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _colour(stdout: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR (https://no-color.org) or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stdout, "isatty", None)
    return bool(isatty is not None and isatty())


# --- commands --------------------------------------------------------------------------


def _sarif_artifact(item: _Input) -> SarifArtifact | None:
    if item.root is not None:
        return _repository_artifact(item.release, item.root)
    if item.text is None:
        return None
    if item.path is not None:
        uri = artifact_uri(item.path)
    elif item.label != "<stdin>":
        uri = artifact_uri(item.label)
    else:
        return None
    positions = index_document(item.text)
    if item.source_format == InputFormat.NATIVE.value:
        return SarifArtifact(uri, fields=positions)
    return SarifArtifact(uri, note_fields=positions)


def _report(
    fmt: ReportFormat, items: Sequence[tuple[_Input, Assessment]], *, jsonl: bool, color: bool
) -> str:
    assessments = [a for _, a in items]
    if fmt is ReportFormat.JSON:
        if jsonl:
            return "".join(a.model_dump_json() + "\n" for a in assessments)
        if len(assessments) == 1:
            return render_json(assessments[0])
        return json.dumps([a.model_dump(mode="json") for a in assessments], indent=2,
                          ensure_ascii=False) + "\n"  # fmt: skip
    if fmt is ReportFormat.SARIF:
        return render_sarif_log([(a, _sarif_artifact(i)) for i, a in items])
    if fmt is ReportFormat.HTML:
        return render_html_page(assessments)
    if fmt is ReportFormat.MARKDOWN:
        return "\n---\n\n".join(render_markdown(a) for a in assessments)
    rule = "\n" + "=" * 100 + "\n\n"
    return rule.join(render_text(a, color=color) for a in assessments)


def _batch(args: argparse.Namespace, streams: _IO) -> int:
    from osaid.batch import default_jobs  # noqa: PLC0415 - only batch runs need it
    from osaid.batch_cli import run_batch  # noqa: PLC0415

    if args.fmt not in {None, ReportFormat.JSON.value}:
        msg = f"--batch writes JSON Lines; it does not go with --format {args.fmt}"
        raise UsageError(msg)
    if args.source_format not in {None, InputFormat.NATIVE.value} or args.stdin_name:
        msg = "--batch detects each document's format; --from and --stdin-name do not apply"
        raise UsageError(msg)
    if args.component is not None:
        msg = "--component names a model in one document; it does not go with --batch"
        raise UsageError(msg)
    jobs = default_jobs() if args.jobs is None else args.jobs
    if jobs < 1:
        msg = f"--jobs takes a number of processes of 1 or more, not {jobs}"
        raise UsageError(msg)
    if args.output not in {None, STDIN}:
        target = Path(args.output).resolve()
        for name in args.targets:
            if name != STDIN and Path(name).exists() and Path(name).resolve() == target:
                msg = f"-o {args.output} would overwrite the input {name}"
                raise UsageError(msg)
    summary, failed = run_batch(
        args.targets,
        jobs=jobs,
        findings=args.findings,
        definition=args.definition,
        policy=args.policy,
        output=args.output,
        stdout=streams.stdout,
        stdin=streams.stdin,
        quiet=args.quiet,
    )
    if args.exit_zero:
        return 0
    if failed:
        return EXIT_USAGE
    verdicts = [Verdict(v) for v in summary.verdicts]
    return EXIT_CODES[worst_verdict(verdicts)] if verdicts else 0


def _score(args: argparse.Namespace, streams: _IO) -> int:
    if args.batch:
        return _batch(args, streams)
    if args.jobs is not None or args.findings != "all":
        msg = "--jobs and --findings go with --batch"
        raise UsageError(msg)
    fmt_name = args.fmt
    if args.jsonl:
        if fmt_name not in {None, ReportFormat.JSON.value}:
            msg = f"--jsonl writes JSON Lines; it does not go with --format {fmt_name}"
            raise UsageError(msg)
        fmt_name = ReportFormat.JSON.value
    fmt = ReportFormat(fmt_name or ReportFormat.TEXT.value)
    inputs = _load_all(args.targets, args, streams.stdin)
    items = [
        (item, score(item.release, definition=args.definition, policy=args.policy,
                     base_models={b.name: b for b in item.bases} or None))
        for item in inputs
    ]  # fmt: skip
    to_terminal = args.output in {None, STDIN} and not args.quiet
    color = fmt is ReportFormat.TEXT and to_terminal and _colour(streams.stdout)
    text = _report(fmt, items, jsonl=args.jsonl, color=color)
    if not (args.quiet and args.output in {None, STDIN}):
        _write(text, args.output, streams.stdout, inputs)
    if args.exit_zero:
        return 0
    return EXIT_CODES[worst_verdict(a.verdict for _, a in items)]


def _emit(text: str, args: argparse.Namespace, streams: _IO, inputs: Sequence[_Input]) -> None:
    if not (args.quiet and args.output in {None, STDIN}):
        _write(text, args.output, streams.stdout, inputs)


def _plan(args: argparse.Namespace, streams: _IO) -> int:
    item = _load_input(args.target, args, streams.stdin)
    result = plan(item.release, definition=args.definition, policy=args.policy)
    _emit(render_plan(result, args.fmt), args, streams, [item])
    return 0 if result.verified else 1


def _diff(args: argparse.Namespace, streams: _IO) -> int:
    before, after = _load_all([args.before, args.after], args, streams.stdin)
    result = diff(before.release, after.release, definition=args.definition, policy=args.policy)
    _emit(render_diff(result, args.fmt), args, streams, [before, after])
    return 0


def _compare(args: argparse.Namespace, streams: _IO) -> int:
    inputs = _load_all(args.targets, args, streams.stdin)
    table = compare(
        [item.release for item in inputs],
        sort=args.sort,
        definition=args.definition,
        policy=args.policy,
    )
    _emit(render_comparison(table, args.fmt), args, streams, inputs)
    return 0


def _import_cmd(args: argparse.Namespace, streams: _IO) -> int:
    item = _load_input(args.file, args, streams.stdin)
    text = item.release.model_dump_json(indent=2, exclude_defaults=True) + "\n"
    if not (args.quiet and args.output in {None, STDIN}):
        _write(text, args.output, streams.stdout, [item])
    return 0


def _badge(args: argparse.Namespace, streams: _IO) -> int:
    item = _load_input(args.target, args, streams.stdin)
    assessment = score(item.release, definition=args.definition, policy=args.policy)
    svg = render_badge(assessment)
    if not (args.quiet and args.output == STDIN):
        _write(svg, args.output, streams.stdout, [item])
    if args.output != STDIN and not args.quiet:
        streams.stdout.write(badge_markdown(assessment, args.output, link=args.link) + "\n")
    return 0


def _json_out(data: Any, stdout: TextIO) -> None:
    stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _catalog(args: argparse.Namespace, streams: _IO) -> int:
    rows = []
    for name in bundled.names():
        assessment = score(bundled.load(name), policy=args.policy)
        rows.append((name, assessment))
    if args.fmt == "json":
        _json_out(
            [
                {
                    "name": name,
                    "release": a.release.model_dump(mode="json"),
                    "verdict": a.verdict.value,
                    "summary": a.summary,
                    "policy": a.policy.name,
                    "definition": a.definition.version,
                }
                for name, a in rows
            ],
            streams.stdout,
        )
        return 0
    width = max((len(name) for name, _ in rows), default=4)
    verdict_width = max((len(a.verdict.value) for _, a in rows), default=7)
    for name, a in rows:
        streams.stdout.write(
            f"{name.ljust(width)}  {a.verdict.value.ljust(verdict_width)}  {a.summary}\n"
        )
    return 0


def _licenses(args: argparse.Namespace, streams: _IO) -> int:
    catalog = default_catalog()
    policy = get_policy(args.policy)
    as_json = args.fmt == "json"
    if args.action == "list":
        profiles = [license_profile(entry, policy=policy) for entry in catalog.values()]
        if as_json:
            _json_out(license_list_data(profiles), streams.stdout)
        else:
            streams.stdout.write(render_license_list(profiles))
        return 0
    if args.action == "hub":
        return _hub_table(as_json, streams)
    if not args.name:
        msg = f"'osaid licenses {args.action}' needs a license id or text"
        raise UsageError(msg)
    if args.action == "resolve":
        found = resolve_license(args.name)
        if as_json:
            _json_out(_resolution_data(args.name, found), streams.stdout)
            return 0
        target = found.expression or "unknown (kept as written)"
        version = f" (version {found.version})" if found.version else ""
        streams.stdout.write(
            f"{args.name!r} -> {target}{version} [{found.kind.value}; {found.how}]\n"
        )
        return 0
    entry = catalog.get_entry(args.name)
    if args.license_version is not None and entry.find_version(args.license_version) is None:
        labels = [f"{entry.id}@{v.version}" for v in entry.versions]
        raise UnknownLicenseError(f"{entry.id}@{args.license_version}", labels)
    profile = license_profile(entry, version=args.license_version, policy=policy)
    if as_json:
        _json_out(license_data(profile), streams.stdout)
    else:
        streams.stdout.write(render_license(profile))
    return 0


def _resolution_data(text: str, found: Resolution) -> dict[str, Any]:
    return {
        "text": text,
        "expression": found.expression,
        "kind": found.kind.value,
        "how": found.how,
        "entry": found.entry.id if found.entry is not None else None,
        "version": found.version,
    }


def _hub_table(as_json: bool, streams: _IO) -> int:  # noqa: FBT001
    """Every id of the Hugging Face Hub's license table, resolved or with why it is not."""
    table = hub_licenses()
    rows = [(row, resolve_hf_license(row.id)) for row in table]
    if as_json:
        _json_out(
            {
                "source": table.source,
                "licenses": [
                    {**_resolution_data(row.id, found), "name": row.name, "why": row.unknown}
                    for row, found in rows
                ],
            },
            streams.stdout,
        )
        return 0
    width = max(len(row.id) for row, _ in rows)
    streams.stdout.write(f"Hugging Face Hub license table ({len(rows)} ids; {table.source})\n\n")
    for row, found in rows:
        target = found.expression or f"unknown: {row.unknown or found.how}"
        streams.stdout.write(f"{row.id.ljust(width)}  {target}\n")
    return 0


def _rules(args: argparse.Namespace, streams: _IO) -> int:
    rules = rules_for(args.definition)
    if args.fmt == "json":
        _json_out(
            [{**r.spec.model_dump(mode="json"), "help_uri": rule_doc_url(r.id)} for r in rules],
            streams.stdout,
        )
        return 0
    for rule in rules:
        spec = rule.spec
        streams.stdout.write(f"{spec.id}  [{spec.group.value}, {spec.severity.value}]\n")
        streams.stdout.write(f"    {spec.title}\n")
        streams.stdout.write(f"    {spec.citation.section}: {spec.citation.excerpt}\n")
    return 0


def _schema(args: argparse.Namespace, streams: _IO) -> int:
    schema = release_schema() if args.which == "release" else report_schema()
    _json_out(schema, streams.stdout)
    return 0


@dataclass(frozen=True, slots=True)
class _IO:
    stdout: TextIO
    stdin: IO[bytes] | None


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace, _IO], int]]] = {
    "score": _score,
    "import": _import_cmd,
    "badge": _badge,
    "catalog": _catalog,
    "licenses": _licenses,
    "rules": _rules,
    "schema": _schema,
    "plan": _plan,
    "diff": _diff,
    "compare": _compare,
}


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stdin: IO[bytes] | None = None,
) -> int:
    """Run the command line; return the exit code.

    :param stdout: where reports go (default: ``sys.stdout``).
    :param stdin: the bytes ``-`` reads (default: ``sys.stdin.buffer``).
    """
    out = sys.stdout if stdout is None else stdout
    source = getattr(sys.stdin, "buffer", None) if stdin is None else stdin
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args, _IO(stdout=out, stdin=source))
    except OsaidError as exc:
        sys.stderr.write(f"osaid: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `osaid score x | head`
        return 0
    except KeyboardInterrupt:  # Ctrl-C: exit 130, as a shell does
        sys.stderr.write("osaid: interrupted\n")
        return 130
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
