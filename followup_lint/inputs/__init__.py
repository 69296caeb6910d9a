"""STAGE 0: files -> Sources. One reader per format, chosen by the file's suffix.

Each module here reads one format and returns a :class:`Source`: the text that is
linted, the file's own text, and for every linted character its place in the file, so
findings are reported where they are in the file as stored. A new format is one module
with ``SUFFIXES`` and ``read(path, data) -> Source``, listed in ``registry.py``. Suffixes
without a reader (added with ``extensions`` in the settings) are read as plain text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import followup_lint.inputs.txt as txt
from followup_lint.inputs.paths import expand_paths
from followup_lint.inputs.registry import DEFAULT_EXTENSIONS, Reader, reader_for
from followup_lint.inputs.source import Offsets, Source


def read_bytes(path: str, data: bytes, *, suffix: str | None = None) -> Source:
    """A Source from bytes already read; ``suffix`` picks the reader (default: the path's)."""
    return reader_for(suffix if suffix is not None else path)(path, data)


def read_source(path: str) -> Source:
    """Read one path ('-' is standard input, read as plain text) into a Source."""
    if path == "-":
        return txt.read("<stdin>", sys.stdin.buffer.read())
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Source(path, error="no such file")
    except IsADirectoryError:
        return Source(path, error="is a directory")
    except OSError as exc:
        return Source(path, error=f"cannot read: {exc.strerror or exc}")
    return read_bytes(path, data)

__all__ = ["DEFAULT_EXTENSIONS", "Offsets", "Reader", "Source", "expand_paths",
           "read_bytes", "read_source", "reader_for"]
