"""HTML (``.html``, ``.htm``, and the HTML part of an e-mail): the visible text.

Tags are dropped (block tags and table cells become line breaks, so cells never run
together), entities decoded, ``<script>``/``<style>``/``<head>`` skipped. HTML comments
are dropped except suppression directives, which stay on lines of their own. Every
character of the text maps back to its place in the file.
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from followup_lint.inputs.frontmatter import open_text
from followup_lint.inputs.source import LineStarts, Offsets, Source

SUFFIXES = (".html", ".htm")
_PARAGRAPH = "\n\n"
_BREAKS = {"br": "\n", "li": "\n", "tr": "\n", "td": "\n", "th": "\n", "dt": "\n", "dd": "\n",
           **{tag: _PARAGRAPH for tag in (
               "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl",
               "blockquote", "hr", "section", "article", "header", "footer", "pre")}}
_SKIPPED = {"script", "style", "head", "title", "template", "noscript"}


class _HtmlText(HTMLParser):
    def __init__(self, raw: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.out = Offsets()
        self.skip_depth = 0
        self.lines = LineStarts(raw)
        self.base = base
        self.markup = raw

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.base + self.lines.starts[line - 1] + column

    def _break(self, tag: str) -> None:
        brk = _BREAKS.get(tag)
        if brk and self.skip_depth == 0 and not self.out.is_empty():
            missing = len(brk) - self.out.trailing_newlines()
            if missing > 0:
                self.out.add("\n" * missing, self._offset())

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED:
            self.skip_depth += 1
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self.skip_depth:
            self.skip_depth -= 1
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        local = self._offset() - self.base
        if not self.markup.startswith(data, local):
            # At the end of a malformed document the parser hands over the rest of the
            # text without moving its position: that rest ends the markup.
            local = len(self.markup) - len(data) if self.markup.endswith(data) else -1
        if local >= 0:
            self.out.copy(data, self.base + local)
        else:
            self.out.add(data, self.base + len(self.markup))

    def _entity(self, source: str) -> None:
        if self.skip_depth == 0:
            start = self._offset()
            self.out.add(unescape(source)[:1] or " ", start, start + len(source))

    def handle_comment(self, data: str) -> None:
        if "followup-lint" not in data or self.skip_depth:
            return
        start = self._offset()
        comment = f"<!--{data}-->"
        if not self.markup.startswith(comment, start - self.base):
            return  # a malformed comment ('<!-...>', '</!...>') is not a directive
        self.out.add("\n", start)
        self.out.copy(comment, start)
        self.out.add("\n", start + len(comment))

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """A ``<![...`` section the standard parser cannot read is skipped, not raised."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")


def html_text(raw: str, start: int = 0) -> Offsets:
    """The visible text of ``raw[start:]`` with each character's place in ``raw``."""
    markup = raw[start:]
    parser = _HtmlText(markup, start)
    parser.feed(markup)
    parser.close()
    return parser.out


def read(path: str, data: bytes) -> Source:
    """An HTML Source (front matter allowed before the markup)."""
    opened = open_text(path, data)
    if isinstance(opened, Source):
        return opened
    text, context, offset = opened
    offsets = html_text(text, offset)
    return Source(path, text=offsets.text(), raw=text, context=context, offsets=offsets,
                  exact=False)
