"""Find the files to lint and read them safely: clear errors, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Extensions linted when a directory is given.
DEFAULT_EXTENSIONS = (".txt", ".md", ".eml", ".html")
#: Bytes sniffed for NUL characters to tell binary files from text.
_SNIFF = 8192


@dataclass(frozen=True)
class Source:
    """One input: its display path and its text, or the reason it could not be read."""

    path: str
    text: str | None = None
    error: str | None = None


def _decode(data: bytes, path: str) -> Source:
    if b"\x00" in data[:_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Source(path, error="binary file (contains NUL bytes), not linted")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return Source(path, text=data.decode(codec))
            except UnicodeDecodeError as exc:
                return Source(path, error=f"invalid {codec} text: {exc.reason} at byte {exc.start}")
    try:
        return Source(path, text=data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Source(path, error=f"not valid UTF-8 ({exc.reason} at byte {exc.start}); "
                                  "save the file as UTF-8")


def read_source(path: str) -> Source:
    """Read one path ('-' is standard input) into a Source."""
    if path == "-":
        return _decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Source(path, error="no such file")
    except IsADirectoryError:
        return Source(path, error="is a directory")
    except OSError as exc:
        return Source(path, error=f"cannot read: {exc.strerror or exc}")
    return _decode(data, path)


def expand_paths(paths: list[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
                 ) -> Iterator[str]:
    """Files named directly, and files with a known extension under named directories."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in extensions and p.is_file()
            )
            yield from (str(p) for p in found)
        else:
            yield raw
