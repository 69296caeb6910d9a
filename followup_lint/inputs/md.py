"""Markdown (``.md``, ``.markdown``) read with a CommonMark parser (markdown-it-py).

Only prose is linted: paragraphs and list items (without their markers), with link
text kept and link targets, images, inline code and inline HTML left out. Headings,
code blocks, tables, thematic breaks and HTML comments are not prose and are left out,
except suppression directives (``<!-- followup-lint: ... -->``, or ``# followup-lint:
...``, which Markdown reads as a heading), which stay on lines of their own. Block
quotes are kept as quoted text. Template slots (``*|FNAME|*``, ``[topic]``) are
protected from Markdown's own meaning of ``*`` and ``[...]``. Every character maps back
to its place in the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup_lint.inputs.frontmatter import open_text
from followup_lint.inputs.source import LineStarts, Offsets, Source
from followup_lint.templates import find_slots

if TYPE_CHECKING:
    from markdown_it.token import Token

SUFFIXES = (".md", ".markdown")
_SKIPPED_INLINE = {"code_inline", "html_inline", "image"}
_MARKUP = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}


def _parser():  # noqa: ANN202 - markdown_it is imported lazily
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _mask(text: str) -> str:
    """``text`` with template slots replaced by letters, so Markdown leaves them alone."""
    slots = find_slots(text)
    if not slots:
        return text
    parts, position = [], 0
    for start, end in slots:
        parts.append(text[position:start])
        parts.append("x" * (end - start))
        position = end
    parts.append(text[position:])
    return "".join(parts)


class _Writer:
    def __init__(self, raw: str, masked: str, base: int) -> None:
        self.raw = raw
        self.masked = masked
        self.base = base
        self.lines = LineStarts(masked)
        self.out = Offsets()

    def line_range(self, line: int) -> tuple[int, int]:
        start = self.lines.starts[line] if line < len(self.lines.starts) else len(self.masked)
        end = self.masked.find("\n", start)
        return start, len(self.masked) if end < 0 else end

    def separate(self, brk: str) -> None:
        """End the text so far with at least ``brk`` (one or two line breaks)."""
        missing = len(brk) - self.out.trailing_newlines()
        if not self.out.is_empty() and missing > 0:
            self.out.add("\n" * missing, self.out.raw_end(len(self.out)))

    def copy(self, start: int, end: int) -> None:
        self.out.copy(self.raw[self.base + start:self.base + end], self.base + start)

    def copy_lines(self, token: Token) -> None:
        """Copy the source lines of a block token verbatim (quotes, directives)."""
        assert token.map is not None
        first, _ = self.line_range(token.map[0])
        _, last = self.line_range(token.map[1] - 1)
        self.copy(first, last)

    def inline(self, token: Token) -> None:
        """Copy the prose of an inline token, locating each piece in the source."""
        assert token.map is not None
        # Where each line of the inline content starts in the (masked) source.
        content = token.content
        where: list[int] = []  # content offset -> source offset, per line start
        line_starts = [0]
        for i, line in enumerate(content.split("\n")):
            start, end = self.line_range(token.map[0] + i)
            found = self.masked.find(line, start, end + 1) if line else start
            where.append(found if found >= 0 else start)
            line_starts.append(line_starts[-1] + len(line) + 1)

        def source_at(offset: int) -> int:
            index = max(0, min(len(where) - 1, _line_of(line_starts, offset)))
            return where[index] + offset - line_starts[index]

        cursor = 0
        children = token.children or []
        skip_depth = 0
        for child in children:
            kind = child.type
            if kind == "link_open" and child.markup == "autolink":
                skip_depth += 1
            elif kind == "link_close" and child.markup == "autolink":
                skip_depth -= 1
                close = content.find(">", cursor)
                cursor = close + 1 if close >= 0 else cursor
            elif skip_depth:
                continue
            elif kind == "text":
                found = content.find(child.content, cursor)
                if found < 0:
                    self.out.add(child.content, self.base + source_at(cursor))
                    continue
                for piece_start, piece_end in _line_pieces(content, found,
                                                           found + len(child.content)):
                    self.copy(source_at(piece_start), source_at(piece_start) +
                              piece_end - piece_start)
                cursor = found + len(child.content)
            elif kind in {"softbreak", "hardbreak"}:
                newline = content.find("\n", cursor)
                if newline >= 0:
                    self.out.add("\n", self.base + source_at(newline))
                    cursor = newline + 1
            elif kind in _MARKUP:
                if content.startswith(child.markup, cursor):
                    cursor += len(child.markup)
            elif kind == "link_close":
                cursor = _past_link_target(content, cursor)
            elif kind in _SKIPPED_INLINE:
                cursor = _past_inline(content, cursor, child)

    def write(self, tokens: list[Token]) -> Offsets:
        depth_quote = 0
        skip_depth = 0
        for i, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open" and _is_directive(tokens, i) and not skip_depth:
                self.separate("\n")
                self.copy_lines(token)
                self.separate("\n")
                skip_depth += 1
            elif kind in {"heading_open", "table_open"}:
                skip_depth += 1
            elif kind in {"heading_close", "table_close"}:
                skip_depth -= 1
                self.separate("\n\n")
            elif kind == "blockquote_open":
                if depth_quote == 0 and skip_depth == 0:
                    self.separate("\n\n")
                    self.copy_lines(token)
                depth_quote += 1
            elif kind == "blockquote_close":
                depth_quote -= 1
            elif skip_depth or depth_quote:
                continue
            elif kind == "paragraph_open":
                self.separate("\n" if token.hidden else "\n\n")
            elif kind == "inline":
                self.inline(token)
            elif kind == "html_block" and "followup-lint" in token.content:
                self.separate("\n")
                self.copy_lines(token)
                self.separate("\n")
        return self.out


def _is_directive(tokens: list[Token], index: int) -> bool:
    """A ``# followup-lint: ...`` line, which Markdown reads as a heading."""
    inline = tokens[index + 1] if index + 1 < len(tokens) else None
    return (tokens[index].markup == "#" and inline is not None
            and inline.content.lstrip().startswith("followup-lint"))


def _line_of(line_starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(line_starts, offset) - 1


def _line_pieces(content: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, position = [], start
    while True:
        newline = content.find("\n", position, end)
        if newline < 0:
            pieces.append((position, end))
            return pieces
        pieces.append((position, newline))
        position = newline + 1


def _past_link_target(content: str, cursor: int) -> int:
    """Past ``](target "title")`` or ``][ref]`` at the cursor (the link text is done)."""
    if not content.startswith("]", cursor):
        return cursor
    after = cursor + 1
    if content.startswith("(", after):
        depth, position = 0, after
        while position < len(content):
            char = content[position]
            if char == "\\":
                position += 2
                continue
            depth += char == "("
            depth -= char == ")"
            position += 1
            if depth == 0:
                return position
        return after
    if content.startswith("[", after):
        close = content.find("]", after)
        return close + 1 if close >= 0 else after
    return after


def _past_inline(content: str, cursor: int, child: Token) -> int:
    if child.type == "image":
        start = content.find("![", cursor)
        if start < 0:
            return cursor
        close = content.find("]", start)
        return _past_link_target(content, close) if close >= 0 else cursor
    text = child.content
    found = content.find(text, cursor)
    if found < 0:
        return cursor
    end = found + len(text)
    if child.type == "code_inline":
        end += len(child.markup)
    return end


def read(path: str, data: bytes) -> Source:
    """A Markdown Source (YAML front matter allowed)."""
    opened = open_text(path, data)
    if isinstance(opened, Source):
        return opened
    text, context, offset = opened
    masked = _mask(text[offset:])
    offsets = _Writer(text, masked, offset).write(_parser().parse(masked))
    return Source(path, text=offsets.text(), raw=text, context=context, offsets=offsets,
                  exact=False)
