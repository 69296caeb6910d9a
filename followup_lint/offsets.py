"""Character offsets -> UTF-16 code units, as JavaScript and the Language Server Protocol count.

Python counts characters (code points); UTF-16 counts a character outside the Basic
Multilingual Plane (most emoji, some CJK) as two units. Reports carry both, so a web
page or an editor can place a finding without re-reading the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from followup_lint.model import Finding

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Offset (characters) -> offset (UTF-16 code units), built once per text."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def offset(self, index: int) -> int:
        """UTF-16 units before character ``index``."""
        return index + bisect_left(self.astral, index) if self.astral else index


def utf16_offset(text: str, index: int) -> int:
    """UTF-16 units before character ``index`` of ``text`` (one-off; see Utf16Index)."""
    return Utf16Index(text[:index]).offset(index)


def with_utf16(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """The findings with ``start_utf16`` and ``end_utf16`` set for ``text``."""
    index = Utf16Index(text)
    return [f.model_copy(update={"start_utf16": index.offset(f.start),
                                 "end_utf16": index.offset(f.end)}) for f in findings]
