"""Bytes -> text for every reader: byte-order marks, UTF-8, binary files, clear errors."""

from __future__ import annotations

#: Bytes sniffed for NUL characters to tell binary files from text.
SNIFF = 8192
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, error) for a file's bytes."""
    if b"\x00" in data[:SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "binary file (contains NUL bytes), not linted"
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as exc:
                return None, f"invalid {codec} text: {exc.reason} at byte {exc.start}"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, (f"not valid UTF-8 ({exc.reason} at byte {exc.start}); "
                      "save the file as UTF-8")
