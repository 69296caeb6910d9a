"""Plain text (``.txt`` and any extension a settings file adds): linted as it is.

A leading YAML front matter block is read into the Context and not linted.
"""

from __future__ import annotations

from followup_lint.inputs.frontmatter import open_text
from followup_lint.inputs.source import Source

SUFFIXES = (".txt",)


def read(path: str, data: bytes) -> Source:
    """A plain-text Source: the text after any front matter, offsets shifted by it."""
    opened = open_text(path, data)
    if isinstance(opened, Source):
        return opened
    text, context, offset = opened
    return Source(path, text=text[offset:], raw=text, context=context, offset=offset)
