"""Plain text (``.txt`` and any extension a settings file adds): linted as it is.

A leading YAML front matter block is read into the Context and not linted.
"""

from __future__ import annotations

from followup_lint.inputs.decoding import decode
from followup_lint.inputs.frontmatter import FrontMatterError, read_front_matter
from followup_lint.inputs.source import Source

SUFFIXES = (".txt",)


def read(path: str, data: bytes) -> Source:
    """A plain-text Source: the text after any front matter, offsets shifted by it."""
    text, error = decode(data)
    if text is None:
        return Source(path, error=error)
    try:
        context, offset = read_front_matter(text)
    except FrontMatterError as exc:
        return Source(path, error=str(exc))
    return Source(path, text=text[offset:], raw=text, context=context, offset=offset)
