"""The readers by suffix: one module per format; a new format is one more module here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import followup_lint.inputs.eml as eml
import followup_lint.inputs.html as html
import followup_lint.inputs.md as md
import followup_lint.inputs.txt as txt
from followup_lint.inputs.source import Source

Reader = Callable[[str, bytes], Source]
_READERS: dict[str, Reader] = {
    suffix: module.read for module in (txt, md, html, eml) for suffix in module.SUFFIXES
}
#: Extensions linted when a directory is given.
DEFAULT_EXTENSIONS = tuple(_READERS)


def reader_for(path: str) -> Reader:
    """The reader for a path's suffix (plain text for any other suffix)."""
    return _READERS.get(Path(path).suffix.lower(), txt.read)
