"""Find the files to lint and read them safely: clear errors, never a traceback.

Each input becomes a Source: the text that is linted, the file's own text, and a map
between the two, so that findings in an ``.html`` or ``.eml`` file, or below a front
matter block, still point at the right line and column of the file.

* Plain text and Markdown are linted as they are.
* Front matter: a template may start with a block of ``key: value`` lines between two
  ``---`` lines; the keys are Context fields (``company``, ``role``, ``interviewers``,
  ``topics``, ``kind``, ``interview_at``, ...), lists are comma-separated or in ``[...]``.
* ``.html``: tags are dropped (block tags become line breaks), entities decoded,
  ``<script>``/``<style>``/``<head>`` skipped; every text character maps back.
* ``.eml``: parsed with the standard library; ``Subject`` and ``Date`` feed the subject
  line and ``sent_at``; the text/plain part (or the HTML part, converted) is linted.
"""

from __future__ import annotations

import email
import email.policy
import glob
import sys
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from pydantic import ValidationError

from followup_lint.datafiles import describe
from followup_lint.model import Context

#: Extensions linted when a directory is given.
DEFAULT_EXTENSIONS = (".txt", ".md", ".eml", ".html")
#: Bytes sniffed for NUL characters to tell binary files from text.
_SNIFF = 8192
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One input: the linted text, the file's text, and how offsets map between them.

    ``pieces`` are ``(text_start, text_end, raw_start)`` runs where the linted text is a
    verbatim copy of the file; characters outside them (line breaks for HTML block tags,
    a synthesised Subject line) map to the nearest copied position.
    """

    path: str
    text: str | None = None
    raw: str | None = None
    error: str | None = None
    context: Context | None = None
    pieces: tuple[tuple[int, int, int], ...] = ()
    exact: bool = True  # linted text == raw[offset:], so fixes can be written back

    def to_raw(self, offset: int) -> int:
        """Map an offset of the linted text to an offset of the file's text."""
        if not self.pieces:
            return offset
        index = bisect_right([p[0] for p in self.pieces], offset) - 1
        if index < 0:
            return self.pieces[0][2]
        start, end, raw_start = self.pieces[index]
        return raw_start + min(offset, end) - start


@dataclass
class _Builder:
    """Accumulates linted text while recording which parts are verbatim copies."""

    parts: list[str] = field(default_factory=list)
    pieces: list[tuple[int, int, int]] = field(default_factory=list)
    length: int = 0

    def copy(self, text: str, raw_start: int) -> None:
        if text:
            self.pieces.append((self.length, self.length + len(text), raw_start))
            self.add(text)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _decode(data: bytes, path: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, error) for raw bytes."""
    if b"\x00" in data[:_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "binary file (contains NUL bytes), not linted"
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
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


# -- front matter ------------------------------------------------------------------

_LIST_FIELDS = {"interviewers", "topics", "previous_messages"}


def _front_matter_value(key: str, value: str) -> object:
    value = value.strip()
    if key in _LIST_FIELDS:
        inner = value[1:-1] if value.startswith("[") and value.endswith("]") else value
        return [item.strip().strip("'\"") for item in inner.split(",") if item.strip()]
    return value.strip("'\"") or None


def split_front_matter(text: str) -> tuple[Context | None, int, str | None]:
    """(context, offset where the draft starts, error) for a leading ``---`` block."""
    first_line_end = text.find("\n")
    if not text.startswith("---") or text[:first_line_end].strip() != "---":
        return None, 0, None
    lines, offset = [], first_line_end + 1
    while offset <= len(text):
        end = text.find("\n", offset)
        line = text[offset:] if end < 0 else text[offset:end]
        next_offset = len(text) if end < 0 else end + 1
        if line.strip() == "---":
            fields: dict[str, object] = {}
            for entry in lines:
                if not entry.strip() or entry.lstrip().startswith("#"):
                    continue
                key, sep, value = entry.partition(":")
                if not sep:
                    return None, 0, f"front matter line {entry.strip()!r} is not 'key: value'"
                name = key.strip().replace("-", "_")
                fields[name] = _front_matter_value(name, value)
            try:
                return Context.model_validate(fields), next_offset, None
            except ValidationError as exc:
                return None, 0, f"front matter: {describe(exc)}"
        lines.append(line)
        if end < 0:
            break
        offset = next_offset
    return None, 0, None  # no closing '---': not front matter


# -- HTML --------------------------------------------------------------------------

_BLOCK_BREAKS = {"p": "\n\n", "div": "\n\n", "br": "\n", "li": "\n", "tr": "\n",
                 "h1": "\n\n", "h2": "\n\n", "h3": "\n\n", "h4": "\n\n", "h5": "\n\n",
                 "h6": "\n\n", "table": "\n\n", "ul": "\n\n", "ol": "\n\n",
                 "blockquote": "\n\n", "hr": "\n\n", "section": "\n\n", "article": "\n\n"}
_SKIPPED = {"script", "style", "head", "title", "template", "noscript"}


class _HtmlText(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.builder = _Builder()
        self.skip_depth = 0
        self.line_starts = [0] + [i + 1 for i, c in enumerate(raw) if c == "\n"]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _break(self, tag: str) -> None:
        brk = _BLOCK_BREAKS.get(tag)
        if brk and self.skip_depth == 0:
            text = self.builder.text()
            if text and not text.endswith(brk):
                self.builder.add(brk)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED:
            self.skip_depth += 1
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self.skip_depth:
            self.skip_depth -= 1
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self.skip_depth == 0:
            self.builder.copy(data, self._offset())

    def _entity(self, source: str) -> None:
        if self.skip_depth == 0:
            start = self._offset()
            self.builder.pieces.append((self.builder.length, self.builder.length + 1, start))
            self.builder.add(unescape(source)[:1] or " ")

    def handle_comment(self, data: str) -> None:
        # Suppression directives survive as lines of their own; other comments are dropped.
        if "followup-lint" in data and self.skip_depth == 0:
            start = self._offset()
            self.builder.add("\n")
            self.builder.copy(f"<!--{data}-->", start)
            self.builder.add("\n")

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")


def html_to_text(raw: str) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Visible text of an HTML document and its offset map back into ``raw``."""
    parser = _HtmlText(raw)
    parser.feed(raw)
    parser.close()
    return parser.builder.text(), tuple(parser.builder.pieces)


# -- e-mail ------------------------------------------------------------------------


def _read_eml(path: str, data: bytes) -> Source:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        subject = str(message.get("subject", "") or "")
        date_header = message.get("date")
        sent_at: datetime | None = None
        if date_header:
            try:
                sent_at = parsedate_to_datetime(str(date_header))
            except (TypeError, ValueError):
                sent_at = None
        part = message.get_body(preferencelist=("plain", "html"))
        body = "" if part is None else part.get_content()
        is_html = part is not None and part.get_content_type() == "text/html"
    except (LookupError, ValueError, AttributeError, TypeError, UnicodeError) as exc:
        return Source(path, error=f"cannot parse the message: {exc}")
    if not isinstance(body, str):
        return Source(path, error="the message has no text part")
    charset = (part.get_content_charset() if part is not None else None) or "utf-8"
    raw = _decode_loosely(data, charset)
    builder = _Builder()
    if subject:
        builder.add("Subject: ")
        subject_at = raw.find(subject)
        if subject_at >= 0:
            builder.copy(subject, subject_at)
        else:
            builder.add(subject)
        builder.add("\n\n")
    body_text = body
    body_pieces: tuple[tuple[int, int, int], ...] = ()
    if is_html:
        body_text, html_pieces = html_to_text(body)
        body_at = raw.find(body)
        if body_at >= 0:
            body_pieces = tuple((s, e, body_at + r) for s, e, r in html_pieces)
    else:
        body_pieces = _line_pieces(body, raw)
    offset = builder.length
    builder.add(body_text)
    builder.pieces.extend((s + offset, e + offset, r) for s, e, r in body_pieces)
    return Source(path, text=builder.text(), raw=raw, pieces=tuple(builder.pieces),
                  exact=False, context=Context(sent_at=sent_at) if sent_at else None)


def _decode_loosely(data: bytes, charset: str) -> str:
    """The message file as text for display and position mapping (never fails)."""
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("latin-1")


def _line_pieces(body: str, raw: str) -> tuple[tuple[int, int, int], ...]:
    """Map a decoded body onto the file line by line (the file may use CRLF line ends)."""
    exact_at = raw.find(body)
    if exact_at >= 0:
        return ((0, len(body), exact_at),)
    crlf = "\r\n" in raw
    body_at = raw.find(body.replace("\n", "\r\n")) if crlf else -1
    if body_at < 0:
        return ()
    pieces, text_at, raw_at = [], 0, body_at
    for line in body.split("\n"):
        if line:
            pieces.append((text_at, text_at + len(line), raw_at))
        text_at += len(line) + 1
        raw_at += len(line) + (2 if crlf else 1)
    return tuple(pieces)


# -- reading -----------------------------------------------------------------------


def read_source(path: str) -> Source:
    """Read one path ('-' is standard input) into a Source."""
    if path == "-":
        data = sys.stdin.buffer.read()
        display = "<stdin>"
    else:
        display = path
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            return Source(path, error="no such file")
        except IsADirectoryError:
            return Source(path, error="is a directory")
        except OSError as exc:
            return Source(path, error=f"cannot read: {exc.strerror or exc}")
    suffix = Path(path).suffix.lower()
    if suffix == ".eml":
        return _read_eml(display, data)
    text, error = _decode(data, display)
    if text is None:
        return Source(display, error=error)
    context, offset, fm_error = split_front_matter(text)
    if fm_error:
        return Source(display, error=fm_error)
    if suffix in {".html", ".htm"}:
        body, pieces = html_to_text(text[offset:])
        return Source(display, text=body, raw=text, context=context, exact=False,
                      pieces=tuple((s, e, r + offset) for s, e, r in pieces))
    pieces = ((0, len(text) - offset, offset),) if offset else ()
    return Source(display, text=text[offset:], raw=text, context=context, pieces=pieces)


def expand_paths(paths: list[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
                 ) -> Iterator[str]:
    """Named files, globs, and files with a known extension under named directories.

    Symbolic links found in a directory (to files or folders) are skipped: no loops, and
    nothing outside the tree is read or rewritten by ``--fix``; results are sorted.
    """
    for raw in paths:
        if raw != "-" and _GLOB_CHARS & set(raw) and not Path(raw).exists():
            matches = sorted(glob.glob(raw, recursive=True))
            if matches:
                yield from expand_paths(matches, extensions)
                continue
        path = Path(raw)
        if raw != "-" and path.is_dir():
            yield from (str(p) for p in _walk(path, extensions))
        else:
            yield raw


def _walk(root: Path, extensions: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") and entry != root:
                continue
            if entry.is_symlink():
                continue  # never followed: no loops, nothing read or fixed outside the tree
            if entry.is_dir():
                stack.append(entry)
            elif entry.suffix.lower() in extensions and entry.is_file():
                found.append(entry)
    return sorted(found)
