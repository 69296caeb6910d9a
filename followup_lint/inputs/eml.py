"""E-mail messages (``.eml``): the Subject and the text of the message body.

The message is read with the standard library (``email``, ``policy.default``) and its
MIME structure is walked over the file's own text, so that every linted character keeps
its place in the file through each encoding a mail program may use: RFC 2047 encoded
words in the Subject (``=?UTF-8?Q?...?=``, folded over several lines), quoted-printable
bodies (soft line breaks ``=`` and escapes ``=E2=80=99``), base64 bodies (a finding
points at the base64 characters that hold it) and CRLF line ends.
``multipart/alternative`` prefers the text/plain part (the HTML part is read when it is
the only one); attachments and forwarded messages are ignored. The ``Date`` header
becomes the Context's ``sent_at``.
"""

from __future__ import annotations

import binascii
import codecs
import email
import email.policy
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.parser import HeaderParser
from email.utils import parsedate_to_datetime

from followup_lint.inputs.html import html_text
from followup_lint.inputs.source import Offsets, Source
from followup_lint.model import Context

SUFFIXES = (".eml",)
_BLANK_LINE = re.compile(r"\r?\n\r?\n")
_SUBJECT = re.compile(r"(?im)^subject[ \t]*:[ \t]*")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_QP_TOKEN = re.compile(r"=\r?\n|=[0-9A-Fa-f]{2}|\r?\n|[^=\r\n]+|[=\r]")
_CRLF = re.compile(r"\r\n")
_HEX = re.compile(r"[0-9A-Fa-f]{2}")
_B64 = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
_MAX_DEPTH = 20


@dataclass
class _Part:
    """One MIME part: its headers and where its body is in the file's text."""

    headers: EmailMessage
    body_start: int
    body_end: int
    children: list[_Part] = field(default_factory=list)


def _parse_part(raw: str, start: int, end: int, depth: int = 0) -> _Part:
    blank = _BLANK_LINE.search(raw, start, end)
    if raw.startswith(("\r\n", "\n"), start):
        header_end, body_start = start, raw.index("\n", start) + 1
    elif blank is None:
        header_end, body_start = end, end
    else:
        header_end, body_start = blank.start(), blank.end()
    headers = HeaderParser(policy=email.policy.default).parsestr(raw[start:header_end])
    part = _Part(headers, body_start, end)  # type: ignore[arg-type]
    boundary = headers.get_boundary() if headers.get_content_maintype() == "multipart" else None
    if boundary and depth < _MAX_DEPTH:
        delimiter = re.compile(rf"(?m)^--{re.escape(boundary)}(--)?[ \t]*\r?$")
        previous: int | None = None
        for match in delimiter.finditer(raw, body_start, end):
            if previous is not None:
                # The line break before a delimiter belongs to the delimiter.
                stop = match.start()
                stop -= 2 if raw.startswith("\r\n", stop - 2) else (1 if stop > previous else 0)
                part.children.append(_parse_part(raw, previous, max(previous, stop), depth + 1))
            if match.group(1):
                previous = None
                break
            previous = min(end, match.end() + (2 if raw.startswith("\r\n", match.end()) else 1))
        if previous is not None and previous < end:
            part.children.append(_parse_part(raw, previous, end, depth + 1))
    return part


def _leaves(part: _Part) -> list[_Part]:
    if part.headers.get_content_maintype() == "multipart":
        return [leaf for child in part.children for leaf in _leaves(child)]
    return [part]


def _body_part(root: _Part) -> _Part | None:
    """The part to lint: the first text/plain body part, else the first text/html one."""
    candidates = [p for p in _leaves(root)
                  if p.headers.get_content_type() in {"text/plain", "text/html"}
                  and p.headers.get_content_disposition() != "attachment"]
    for wanted in ("text/plain", "text/html"):
        for part in candidates:
            if part.headers.get_content_type() == wanted:
                return part
    return None


def _charset(name: str | None) -> str:
    name = (name or "utf-8").strip().lower()
    if name in {"us-ascii", "ascii"}:
        return "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


class _Decoder:
    """Decodes bytes, each with its raw range, into Offsets; CRLF becomes LF."""

    def __init__(self, out: Offsets, charset: str) -> None:
        self.out = out
        self.decoder = codecs.getincrementaldecoder(charset)(errors="replace")
        self.charset = charset
        self.pending: int | None = None  # raw start of bytes not yet decoded
        self.cr: tuple[int, int] | None = None  # a held '\r' (raw range)

    def emit(self, chars: str, start: int, end: int) -> None:
        """Characters decoded from ``raw[start:end]``."""
        for char in chars:
            if self.cr is not None:
                cr_start, cr_end = self.cr
                self.cr = None
                if char == "\n":
                    self.out.add("\n", cr_start, end)
                    continue
                self.out.add("\n", cr_start, cr_end)
            if char == "\r":
                self.cr = (start, end)
            else:
                self.out.add(char, start, end)

    def byte(self, value: int, start: int, end: int) -> None:
        if self.pending is None:
            self.pending = start
        chars = self.decoder.decode(bytes((value,)))
        if chars:
            self.emit(chars, self.pending, end)
            self.pending = None

    def text(self, chars: str, start: int) -> None:
        """Literal characters ``raw[start:start + len(chars)]`` (already text)."""
        self.flush()
        if self.cr is None:  # the common cases in bulk: no CR, or CRLF line ends
            position = 0
            for line_end in _CRLF.finditer(chars):
                self.out.copy(chars[position:line_end.start()], start + position)
                self.out.add("\n", start + line_end.start(), start + line_end.end())
                position = line_end.end()
            chars, start = chars[position:], start + position
            if "\r" not in chars:
                self.out.copy(chars, start)
                return
        for i, char in enumerate(chars):
            self.emit(char, start + i, start + i + 1)

    def flush(self) -> None:
        tail = self.decoder.decode(b"", final=True)
        if tail and self.pending is not None:
            self.emit(tail, self.pending, self.pending)
        self.pending = None
        self.decoder.reset()

    def close(self) -> None:
        self.flush()
        if self.cr is not None:
            self.out.add("\n", *self.cr)
            self.cr = None


def _base64(decoder: _Decoder, raw: str, start: int, end: int) -> None:
    """Decode base64 text in ``raw[start:end]``; each byte maps to its four characters."""
    positions = [i for i in range(start, end) if ord(raw[i]) < 128 and ord(raw[i]) in _B64]
    encoded = "".join(raw[i] for i in positions)
    usable = len(encoded) - len(encoded) % 4
    try:
        data = binascii.a2b_base64(encoded[:usable].encode("ascii"))
    except (binascii.Error, ValueError):
        data = b""

    text_and_starts = _char_starts(data, decoder.charset)
    if text_and_starts is None:  # a multi-byte charset or bad bytes: byte by byte
        for k, value in enumerate(data):
            quad = (k // 3) * 4
            decoder.byte(value, positions[quad], positions[min(quad + 3, len(positions) - 1)] + 1)
        return
    text, starts = text_and_starts
    decoder.flush()
    starts.append(len(data))
    last = len(positions) - 1
    raw_starts = [positions[(b // 3) * 4] for b in starts[:-1]]
    raw_ends = [positions[min(((b - 1) // 3) * 4 + 3, last)] + 1 for b in starts[1:]]
    if "\r" not in text and decoder.cr is None:
        decoder.out.add_mapped(text, raw_starts, raw_ends)  # in bulk
        return
    for char, raw_start, raw_end in zip(text, raw_starts, raw_ends):
        decoder.emit(char, raw_start, raw_end)


def _char_starts(data: bytes, charset: str) -> tuple[str, list[int]] | None:
    """The text of ``data`` and the byte where each character starts, for UTF-8 and
    single-byte charsets that decode cleanly; None otherwise."""
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None
    if len(text) == len(data):
        return text, list(range(len(data)))
    if codecs.lookup(charset).name != "utf-8":
        return None
    starts = [i for i, value in enumerate(data) if value & 0xC0 != 0x80]
    return (text, starts) if len(starts) == len(text) else None


def _quoted_printable(decoder: _Decoder, raw: str, start: int, end: int,
                      underscore_space: bool = False) -> None:
    for match in _QP_TOKEN.finditer(raw, start, end):
        token = match.group()
        at = match.start()
        if token.startswith("=") and len(token) == 3 and _HEX.fullmatch(token, 1):
            decoder.byte(int(token[1:], 16), at, match.end())
        elif token.startswith("=") and token.strip("=\r\n") == "" and len(token) > 1:
            continue  # a soft line break
        elif underscore_space and "_" in token:
            for i, char in enumerate(token):
                decoder.text(" " if char == "_" else char, at + i)
        else:
            decoder.text(token, at)


def _decode_body(raw: str, part: _Part) -> Offsets:
    out = Offsets()
    decoder = _Decoder(out, _charset(part.headers.get_content_charset()))
    encoding = str(part.headers.get("content-transfer-encoding", "")).strip().lower()
    if encoding == "base64":
        _base64(decoder, raw, part.body_start, part.body_end)
    elif encoding == "quoted-printable":
        _quoted_printable(decoder, raw, part.body_start, part.body_end)
    else:
        decoder.text(raw[part.body_start:part.body_end], part.body_start)
    decoder.close()
    return out


def _subject(raw: str, header_end: int) -> tuple[Offsets, int] | None:
    """The decoded Subject with its raw positions, and where the header line starts."""
    match = _SUBJECT.search(raw, 0, header_end)
    if match is None:
        return None
    end = match.end()
    while end < header_end:
        line_end = raw.find("\n", end)
        if line_end < 0 or line_end + 1 >= header_end or raw[line_end + 1] not in " \t":
            end = header_end if line_end < 0 else min(line_end, header_end)
            break
        end = line_end + 1
    end = end - 1 if end > match.end() and raw[end - 1] == "\r" else end
    out = Offsets()
    position = match.end()
    previous_word_end: int | None = None
    for word in _ENCODED_WORD.finditer(raw, match.end(), end):
        between = raw[position:word.start()]
        if not (previous_word_end is not None and not between.strip()):
            _plain_header_text(out, raw, position, word.start())
        decoder = _Decoder(out, _charset(word.group(1).split("*")[0]))
        if word.group(2).lower() == "b":
            _base64(decoder, raw, word.start(3), word.end(3))
        else:
            _quoted_printable(decoder, raw, word.start(3), word.end(3), underscore_space=True)
        decoder.close()
        position = previous_word_end = word.end()
    _plain_header_text(out, raw, position, end)
    return out, match.start()


def _plain_header_text(out: Offsets, raw: str, start: int, end: int) -> None:
    """Unfolded header text: a line break followed by a space or tab is removed."""
    position = start
    for fold in _FOLD.finditer(raw, start, end):
        out.copy(raw[position:fold.start()], position)
        position = fold.end()
    out.copy(raw[position:end], position)


def _sent_at(message: EmailMessage) -> datetime | None:
    value = message.get("date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None


def read(path: str, data: bytes) -> Source:
    """An e-mail Source: ``Subject: ...``, a blank line, then the chosen body part."""
    try:
        return _read(path, data)
    except (LookupError, ValueError, AttributeError, TypeError, UnicodeError,
            IndexError) as exc:
        return Source(path, error=f"cannot parse the message: {exc}")


def _read(path: str, data: bytes) -> Source:
    message = email.message_from_bytes(data, policy=email.policy.default)
    sent_at = _sent_at(message)
    raw = data.decode("utf-8", errors="replace")
    root = _parse_part(raw, 0, len(raw))
    part = _body_part(root)
    if part is not None and str(part.headers.get("content-transfer-encoding", "")).strip(
    ).lower() in {"8bit", "binary", ""}:
        charset = _charset(part.headers.get_content_charset())
        if charset != "utf-8":
            raw = data.decode(charset, errors="replace")
            root = _parse_part(raw, 0, len(raw))
            part = _body_part(root)
    if part is None:
        return Source(path, error="the message has no text part")
    out = Offsets()
    subject = _subject(raw, root.body_start)
    if subject is not None and subject[0].text().strip():
        value, header_start = subject
        out.add("Subject: ", header_start, header_start + len("Subject:"))
        out.extend(value)
        out.add("\n\n", out.raw_end(len(out)))
    body = _decode_body(raw, part)
    if part.headers.get_content_type() == "text/html":
        out.extend(html_text(body.text()), body)
    else:
        out.extend(body)
    return Source(path, text=out.text(), raw=raw, offsets=out, exact=False,
                  context=Context(sent_at=sent_at) if sent_at else None)
