"""E-mail files as mail programs export them: every finding at its place in the file.

The messages are built here in the shapes Gmail, Outlook and Apple Mail produce
(encoded-word subjects, quoted-printable and base64 bodies, CRLF, multipart/alternative,
attachments, a reply separator); each finding's file span is decoded with the standard
library and must give back exactly the text the rule saw.
"""

from __future__ import annotations

import base64
import quopri
import re
from email.header import decode_header, make_header

import pytest

from followup_lint.inputs import read_bytes

BODY = ("Hi Ms. Okafor,\n\n"
        "Thank you for the conversation about the café’s loyalty app and Léa’s roadmap — "
        "it was a pleasure to hear how your team measures retention, and thx for the the "
        "tour of the Lisbon office.\n"
        "I was very intrested in the rollout plan for the kiosks.\n\n"
        "Best regards,\nSam Rivera\n")
HTML = ("<html><body><p>Hi Ms. Okafor,</p><p>Thank you for the conversation about the "
        "café’s loyalty app, thx!</p><p>Best regards,<br>Sam Rivera</p></body></html>")
ASCII_HTML = HTML.replace("’", "&rsquo;").replace("é", "&eacute;")


def _qp(text: str, charset: str) -> str:
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def _b64(text: str, charset: str = "utf-8") -> str:
    return base64.encodebytes(text.encode(charset)).decode("ascii")


def gmail() -> tuple[bytes, str]:
    encoded = base64.b64encode("Thx for the café interview".encode()).decode()
    subject = f"=?UTF-8?B?{encoded}?="
    raw = ("MIME-Version: 1.0\nDate: Tue, 3 Mar 2026 10:15:00 +0000\n"
           "Message-ID: <a1@mail.example>\n"
           f"Subject: {subject}\nFrom: Sam Rivera <sam@example.com>\nTo: Ada Okafor "
           "<ada@example.org>\nContent-Type: multipart/alternative; boundary=\"000000gm\"\n\n"
           "--000000gm\nContent-Type: text/plain; charset=\"UTF-8\"\n"
           f"Content-Transfer-Encoding: quoted-printable\n\n{_qp(BODY, 'utf-8')}\n"
           "--000000gm\nContent-Type: text/html; charset=\"UTF-8\"\n"
           f"Content-Transfer-Encoding: quoted-printable\n\n{_qp(HTML, 'utf-8')}\n"
           "--000000gm--\n")
    return raw.replace("\n", "\r\n").encode("ascii"), "quoted-printable"


def outlook() -> tuple[bytes, str]:
    body = BODY.replace("Léa’s", "Léa's").replace("’", "'").replace(" — ", " - ") + (
        "\n________________________________\nFrom: Ada Okafor <ada@example.org>\n"
        "Sent: Monday, March 2, 2026 4:02 PM\nSubject: Interview\n\nThanks for coming in.\n")
    raw = ("From: Sam Rivera <sam@example.com>\nTo: Ada Okafor <ada@example.org>\n"
           "Subject: =?iso-8859-1?Q?Thx_for_the_caf=E9?=\n =?iso-8859-1?Q?_interview_yesterday?=\n"
           "Date: Tue, 3 Mar 2026 10:15:00 +0000\nContent-Type: multipart/mixed;\n"
           "\tboundary=\"_004_OL_\"\nMIME-Version: 1.0\n\n--_004_OL_\n"
           "Content-Type: multipart/alternative;\n\tboundary=\"_000_OL_\"\n\n"
           "--_000_OL_\nContent-Type: text/plain; charset=\"iso-8859-1\"\n"
           f"Content-Transfer-Encoding: quoted-printable\n\n{_qp(body, 'iso-8859-1')}\n"
           "--_000_OL_\nContent-Type: text/html; charset=\"iso-8859-1\"\n"
           f"Content-Transfer-Encoding: quoted-printable\n\n{_qp(ASCII_HTML, 'iso-8859-1')}\n"
           "--_000_OL_--\n\n--_004_OL_\nContent-Type: application/pdf; name=\"resume.pdf\"\n"
           "Content-Disposition: attachment; filename=\"resume.pdf\"\n"
           f"Content-Transfer-Encoding: base64\n\n{_b64('thx thx thx not prose')}\n"
           "--_004_OL_--\n")
    return raw.replace("\n", "\r\n").encode("ascii"), "quoted-printable"


def apple_mail() -> tuple[bytes, str]:
    raw = ("From: Sam Rivera <sam@example.com>\nContent-Type: multipart/alternative;\n"
           "\tboundary=\"Apple-Mail=_5E1C\"\nMime-Version: 1.0 (Mac OS X Mail 16.0)\n"
           "Subject: =?utf-8?Q?Thx_for_the_caf=C3=A9_interview?=\n"
           "Date: Tue, 3 Mar 2026 10:15:00 +0000\nTo: Ada Okafor <ada@example.org>\n\n\n"
           "--Apple-Mail=_5E1C\nContent-Transfer-Encoding: base64\n"
           f"Content-Type: text/plain;\n\tcharset=utf-8\n\n{_b64(BODY)}\n"
           "--Apple-Mail=_5E1C\nContent-Transfer-Encoding: 7bit\n"
           f"Content-Type: text/html;\n\tcharset=us-ascii\n\n{ASCII_HTML}\n"
           "--Apple-Mail=_5E1C--\n")
    return raw.encode("ascii"), "base64"


def html_only() -> tuple[bytes, str]:
    raw = ("From: Sam Rivera <sam@example.com>\r\nSubject: Interview\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           + HTML + "\r\n")
    return raw.encode("utf-8"), "html"


SHAPES = {"gmail": gmail, "outlook": outlook, "apple-mail": apple_mail, "html-only": html_only}


def _charset(raw: str, start: int) -> str:
    found = re.findall(r'charset="?([\w-]+)', raw[:start])
    return found[-1] if found else "utf-8"


def _subject_span(raw: str, start: int, end: int) -> tuple[str, str]:
    """(the encoded words around the span, decoded; the span itself Q-decoded or '').

    A plain subject is its own decoding."""
    word = re.compile(r"=\?([^?]+)\?([QqBb])\?([^?]*)\?=")
    words = [m for m in word.finditer(raw, 0, raw.index("\n\n") if "\n\n" in raw
                                       else raw.index("\r\n\r\n")) if m.end() > start
             and m.start() < end]
    if not words:  # a plain ASCII subject
        return raw[start:end], raw[start:end]
    whole = str(make_header(decode_header(" ".join(m.group() for m in words))))
    inner = ""
    if len(words) == 1 and words[0].group(2) in "Qq" and words[0].start(3) <= start \
            and end <= words[0].end(3):
        inner = quopri.decodestring(raw[start:end].encode("ascii"), header=True).decode(
            words[0].group(1))
    return whole, inner


def _decoded(raw: str, start: int, end: int, encoding: str) -> str:
    """The file span decoded with the standard library (independently of the reader)."""
    span = raw[start:end]
    charset = _charset(raw, start)
    if encoding == "quoted-printable":
        return quopri.decodestring(span.encode("ascii")).decode(charset).replace("\r\n", "\n")
    if encoding == "base64":
        return base64.b64decode("".join(span.split())).decode(charset, errors="ignore")
    return span.replace("\r\n", "\n")


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_finding_points_at_its_text_in_the_file(shape: str, linter) -> None:
    data, encoding = SHAPES[shape]()
    source = read_bytes(f"{shape}.eml", data)
    assert source.error is None and source.text is not None
    assert source.context is not None and source.context.sent_at is not None or shape == "html-only"
    report = linter.lint(source.text, source.context)
    located = source.locate(report)
    assert len(report.findings) >= 2
    raw = source.raw or ""
    for seen, placed in zip(report.findings, located.findings):
        assert placed.excerpt == raw[placed.start:placed.end]
        line_start = raw.rfind("\n", 0, placed.start) + 1
        assert (placed.line, placed.column) == (raw.count("\n", 0, placed.start) + 1,
                                                placed.start - line_start + 1)
        if seen.end == seen.start or seen.end - seen.start > 200:
            continue  # whole-message findings: their span is the body, checked by its ends
        if placed.start < raw.index("\n\n" if "\r\n\r\n" not in raw else "\r\n\r\n"):
            whole, inner = _subject_span(raw, placed.start, placed.end)
            assert seen.excerpt in whole and inner in {"", seen.excerpt}, (seen, whole, inner)
            continue
        decoded = _decoded(raw, placed.start, placed.end, encoding)
        if encoding == "base64" and placed.start > raw.index("base64"):
            assert seen.excerpt in decoded, (seen.rule, seen.excerpt, decoded)
        elif encoding == "html":
            assert seen.excerpt.split()[0] in decoded, (seen.rule, seen.excerpt, decoded)
        else:
            assert decoded == seen.excerpt, (seen.rule, seen.excerpt, decoded)


def test_quoted_printable_subject_body_and_attachment(linter) -> None:
    data, _ = outlook()
    source = read_bytes("outlook.eml", data)
    text = source.text or ""
    assert text.startswith("Subject: Thx for the café interview yesterday\n\n")
    assert "not prose" not in text  # the attachment is not linted
    assert "Hi Ms. Okafor" in text and "<p>" not in text  # text/plain preferred to HTML
    report = source.locate(linter.lint(text, source.context))
    rules = {f.rule for f in report.findings}
    assert "unfilled-placeholder" not in rules  # Outlook's separator is not a slot
    raw = source.raw or ""
    typo = next(f for f in report.findings if f.rule == "spelling")
    assert typo.excerpt == "intrested"
    assert typo.line == raw.count("\n", 0, raw.index("intrested")) + 1
    assert all(f.line > 12 or f.excerpt.startswith(("=?", "Thx", "Subject")) or f.start == 0
               for f in report.findings)


def test_a_message_without_a_text_part_is_a_clear_error() -> None:
    raw = (b"Subject: hi\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
           b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           b"iVBORw0K\r\n--b--\r\n")
    assert read_bytes("x.eml", raw).error == "the message has no text part"


def test_damaged_messages_give_a_result_or_a_clear_error() -> None:
    import random

    rng = random.Random(7)
    inserts = [b"=", b"=?", b"?=", b"--", b"\r\n", b"\n\n", b"=\r\n", b"boundary=", b"\x00",
               b"=?utf-8?b?", b"charset=\x00x", b"\xff\xfe"]
    for shape in sorted(SHAPES):
        data = SHAPES[shape]()[0]
        for _ in range(60):
            damaged = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                at = rng.randrange(len(damaged))
                choice = rng.random()
                if choice < 0.4:
                    damaged[at] = rng.randrange(256)
                elif choice < 0.7:
                    del damaged[at:at + rng.randint(1, 50)]
                else:
                    damaged[at:at] = rng.choice(inserts)
            source = read_bytes("damaged.eml", bytes(damaged))
            if source.text is None:
                assert source.error, "an unreadable message says why"
                continue
            raw = source.raw or ""
            for start in range(0, len(source.text), 5):
                raw_start, raw_end = source.to_raw(start, min(len(source.text), start + 4))
                assert 0 <= raw_start <= raw_end <= len(raw)
