"""Bounded reads: files, FIFOs, devices, directories, odd paths."""

from __future__ import annotations

import io
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from osaid import InvalidReleaseError, read_release
from osaid.importers import load
from osaid.release.validation import MAX_DOCUMENT_BYTES, read_document, read_stream

posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and devices are POSIX")


def _problem(caught: pytest.ExceptionInfo[InvalidReleaseError]) -> str:
    return caught.value.problems[0].problem


@posix
def test_a_device_is_refused_after_the_cap_counted_in_bytes_read() -> None:
    with pytest.raises(InvalidReleaseError) as caught:
        read_document("/dev/zero")
    assert f"past {MAX_DOCUMENT_BYTES:,} bytes" in _problem(caught)
    with pytest.raises(InvalidReleaseError) as caught:
        load("/dev/null")
    assert "empty" in _problem(caught)


@posix
def test_a_fifo_with_no_writer_is_refused_after_the_timeout(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(InvalidReleaseError) as caught:
        read_release(fifo, timeout=0.2)
    assert time.monotonic() - start < 5
    assert "nothing to read for 0.2 s" in _problem(caught)


@posix
def test_a_fifo_whose_writer_comes_late_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def writer() -> None:
        time.sleep(0.2)
        with fifo.open("w", encoding="utf-8") as handle:
            handle.write('{"name": "from a fifo"}')

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert read_release(fifo, timeout=5).name == "from a fifo"
    finally:
        thread.join()


@posix
def test_odd_paths_are_refused_in_plain_words(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    cases: dict[str | Path, str] = {
        tmp_path: "it is a directory",
        tmp_path / "a": "a loop of symbolic links",
        tmp_path / ("x" * 300): "longer than the system allows",
        tmp_path / "missing.json": "no such file",
        f"{tmp_path}/nul\0byte": "NUL character",
    }
    for path, words in cases.items():
        with pytest.raises(InvalidReleaseError) as caught:
            load(path)
        assert words in _problem(caught), (path, caught.value.problems)
        assert caught.value.problems[0].problem.startswith("cannot read the file")


def test_a_large_regular_file_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(InvalidReleaseError) as caught:
        read_document(big)
    assert f"the file is {MAX_DOCUMENT_BYTES + 1:,} bytes" in _problem(caught)
    exact = tmp_path / "exact.json"
    exact.write_bytes(b" " * MAX_DOCUMENT_BYTES)
    assert len(read_document(exact)) == MAX_DOCUMENT_BYTES


def test_streams_are_read_within_the_cap() -> None:
    assert read_stream(io.BytesIO(b'{"name": "x"}')) == b'{"name": "x"}'
    with pytest.raises(InvalidReleaseError) as caught:
        read_stream(io.BytesIO(b" " * (MAX_DOCUMENT_BYTES + 1)), source="stdin")
    assert caught.value.source == "stdin"
    assert "goes on past" in _problem(caught)
