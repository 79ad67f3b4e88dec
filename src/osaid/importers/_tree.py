"""What a model repository's file names say: weights, checkpoints, code, license files.

Shared by the repository importer (a local snapshot) and the Hub API importer (the
``siblings`` file list). Only names are read here; license texts are read elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Final

from osaid.release import ComponentKind

__all__ = ["LicenseFileRole", "TreeFacts", "classify_paths", "license_file_role"]

_WEIGHTS: Final = frozenset(
    {
        ".safetensors",
        ".bin",
        ".gguf",
        ".ggml",
        ".pt",
        ".pth",
        ".ckpt",
        ".h5",
        ".onnx",
        ".msgpack",
        ".tflite",
        ".pdparams",
        ".keras",
        ".nemo",
        ".mlmodel",
    }
)
_NOT_WEIGHTS: Final = re.compile(
    r"^(training_args\.bin|rng_state[^/]*\.pth|scheduler\.pt|tokenizer\.bin|.*\.index\.json)$"
)
_OPTIMIZER: Final = re.compile(r"(optimizer|optim_states?|optim\.|_optim[._])")
_INTERMEDIATE_DIR: Final = re.compile(
    r"^(checkpoint[-_]?\d+|global[-_]?step\d+|step[-_]?\d+|iter[-_]?\d+|ckpt[-_]?\d+|"
    r"stage\d+[-_]step\d+.*|.*[-_]step\d+.*|intermediate.*|checkpoints?)$"
)
_INTERMEDIATE_FILE: Final = re.compile(r"([-_.](step|iter|epoch)[-_]?\d+)")
_SOURCE: Final = frozenset(
    {".py", ".sh", ".ipynb", ".rs", ".c", ".cc", ".cpp", ".cu", ".jl", ".lua", ".js", ".ts", ".go"}
)
_CONFIG: Final = frozenset({".yaml", ".yml", ".toml", ".json", ".cfg", ".ini", ".jsonnet"})
_SKIP_SEGMENTS: Final = frozenset({"test", "tests", "docs", "doc", "third_party", "vendor"})
_SAMPLE: Final = re.compile(r"^(sample|example|demo|tutorial)s?[-_]")

_CODE_RULES: Final[tuple[tuple[ComponentKind, re.Pattern[str]], ...]] = (
    (
        ComponentKind.DATA_PROCESSING_CODE,
        re.compile(
            r"(prepare[-_]?\w*data|data[-_]?prep|preprocess|data[-_]?process|tokeni[sz]e[-_]|"
            r"dedup|build[-_]?dataset|dataset[-_]?creation|make[-_]?dataset|filter[-_]?data)"
        ),
    ),
    (
        ComponentKind.TRAINING_CODE,
        re.compile(
            r"^(pre)?train|(^|[-_/])(train|training|pretrain(ing)?|finetun\w*|sft|dpo)([-_./]|$)"
        ),
    ),
    (
        ComponentKind.EVALUATION_CODE,
        re.compile(r"(^|[-_/])(eval|evaluat\w*|benchmark\w*)([-_./]|$)"),
    ),
    (
        ComponentKind.ARCHITECTURE_CODE,
        re.compile(r"(^modeling[-_]|^configuration[-_]|^model\.py$|(^|/)models?/|architecture)"),
    ),
    (
        ComponentKind.INFERENCE_CODE,
        re.compile(
            r"(^|[-_/])(inference|generat\w*|chat|serve|server|predict|completion)([-_./]|$)"
        ),
    ),
)


class LicenseFileRole(StrEnum):
    """What a license-like file is, by its name."""

    LICENSE = "license"
    """Terms for everything the scope does not narrow."""
    POLICY = "policy"
    """An acceptable-use or usage policy layered on the license."""
    NOTICE = "notice"
    """Attribution notices."""


_LICENSE_NAME: Final = re.compile(r"^(licen[cs]e|copying)", re.I)
_POLICY_NAME: Final = re.compile(
    r"^use[-_ ]?policy|acceptable[-_ ]?use|(^|[-_.])aup([-_.]|$)", re.I
)
_NOTICE_NAME: Final = re.compile(r"^notice", re.I)


def license_file_role(name: str) -> LicenseFileRole | None:
    """The role of a file named ``name`` (a base name), None if it is not a license file."""
    if _POLICY_NAME.search(name):
        return LicenseFileRole.POLICY
    if _LICENSE_NAME.match(name):
        return LicenseFileRole.LICENSE
    if _NOTICE_NAME.match(name):
        return LicenseFileRole.NOTICE
    return None


@dataclass
class TreeFacts:
    """What the file names of a repository show."""

    final_weights: list[str] = field(default_factory=list)
    intermediate: list[str] = field(default_factory=list)
    optimizer: list[str] = field(default_factory=list)
    code: dict[ComponentKind, list[str]] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)
    """Scripts named as samples or examples, not taken as the release's own code."""
    license_files: list[str] = field(default_factory=list)
    nested_license_files: list[str] = field(default_factory=list)
    """License files below the top level (vendored code, submodules): not applied."""
    data_cards: list[str] = field(default_factory=list)
    papers: list[str] = field(default_factory=list)
    croissant: list[str] = field(default_factory=list)
    card: str | None = None
    release_document: str | None = None
    files: int = 0


_RELEASE_DOCS: Final = ("osaid.yaml", "osaid.yml", "osaid.json")
_CROISSANT: Final = re.compile(r"(^croissant.*|.*[-_.]croissant)\.json(ld)?$|\.jsonld$")
_DATA_CARD: Final = re.compile(r"^(datasheet|data[-_]?card|dataset[-_]?card)[^/]*\.(md|pdf|txt)$")
_PAPER: Final = re.compile(r"^(paper|technical[-_]?report|tech[-_]?report)[^/]*\.pdf$")


def _code_kind(path: PurePosixPath) -> ComponentKind | None:
    lowered = str(path).lower()
    name = path.name.lower()
    for kind, pattern in _CODE_RULES:
        if pattern.search(name) or pattern.search(lowered):
            return kind
    return None


def classify_paths(paths: Iterable[str]) -> TreeFacts:
    """Sort repository paths (POSIX, relative to the root) into what they show."""
    facts = TreeFacts()
    for raw in sorted(paths):
        path = PurePosixPath(raw)
        facts.files += 1
        name = path.name
        lowered = name.lower()
        top = len(path.parts) == 1
        parents = [p.lower() for p in path.parts[:-1]]
        suffix = path.suffix.lower()
        if top and lowered == "readme.md":
            facts.card = raw
            continue
        if top and lowered in _RELEASE_DOCS and facts.release_document is None:
            facts.release_document = raw
            continue
        if license_file_role(name) is not None:
            (facts.license_files if top else facts.nested_license_files).append(raw)
            continue
        if _CROISSANT.search(lowered) and ("croissant" in str(path).lower()):
            facts.croissant.append(raw)
            continue
        if _DATA_CARD.match(lowered):
            facts.data_cards.append(raw)
            continue
        if _PAPER.match(lowered):
            facts.papers.append(raw)
            continue
        if suffix in _WEIGHTS and not _NOT_WEIGHTS.match(lowered):
            if _OPTIMIZER.search(lowered) or any("optim" in p for p in parents):
                facts.optimizer.append(raw)
            elif any(_INTERMEDIATE_DIR.match(p) for p in parents) or _INTERMEDIATE_FILE.search(
                lowered
            ):
                facts.intermediate.append(raw)
            else:
                facts.final_weights.append(raw)
            continue
        if any(p in _SKIP_SEGMENTS for p in parents):
            continue
        if suffix in _SOURCE or (suffix in _CONFIG and not top):
            kind = _code_kind(path)
            if kind is None:
                continue
            if _SAMPLE.match(lowered):
                facts.samples.append(raw)
                continue
            if suffix in _CONFIG and kind is not ComponentKind.TRAINING_CODE:
                continue  # configs only count as training configurations
            facts.code.setdefault(kind, []).append(raw)
    return facts
