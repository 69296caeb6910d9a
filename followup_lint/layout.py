"""Email layout: find the subject, greeting, body, sign-off, signature and quoted text.

No spaCy segmenter understands email layout (the greeting is glued to the first
sentence, the closing to the signature), so the layout is read from the raw lines
first, in plain Python, before anything is parsed. Every span is a pair of offsets
into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

SectionName = Literal[
    "header", "subject", "greeting", "body", "sign-off", "signature", "quoted", "directive"
]

#: Sections whose words are the writer's own prose; rules look only here by default.
PROSE_SECTIONS: frozenset[str] = frozenset({"subject", "greeting", "body", "sign-off"})

_LINE = re.compile(r"[^\n]*\n?")
_HEADER = re.compile(r"(?i)^(subject|to|from|cc|bcc|date|sent|re|reply-to)\s*:")
_SUBJECT = re.compile(r"(?i)^subject\s*:[ \t]*")
_QUOTE_INTRO = re.compile(
    r"(?i)^\s*(on\s.{1,200}\s(wrote|schrieb|a écrit)\s*:\s*|-{2,}\s*original message\s*-{2,}\s*"
    r"|-{2,}\s*forwarded message\s*-{2,}\s*|from:\s.+)$"
)
_GREETING = re.compile(
    r"(?i)^\s*(dear|hi|hii+|hello|hey|heya|hiya|yo|sup|howdy|greetings|good\s+(morning|afternoon"
    r"|evening|day)|to\s+whom\s+(it|this)\s+(may\s+)?concerns?|salutations|respected|to\s+the\s+"
    r"(hiring|search|selection"
    r"|recruiting|interview|interviewing|person|panel|committee)\b|morning|afternoon|"
    r"att(n|ention)(?=\s*:))\b"
)
# "Sarah, thank you for ...": a capitalised name and a comma open the first line.
_VOCATIVE = re.compile(r"^\s*((?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+)?[A-Z][a-z'’-]+"
                       r"(?:\s+[A-Z][a-z'’-]+)?),\s+\S")
#: Words that open a sentence with a comma but are not a name ("However, ...").
_NOT_VOCATIVE = frozenset(
    "however yesterday today again also first second firstly finally thanks thank hello hi "
    "hey dear well so yes no unfortunately fortunately honestly overall meanwhile still "
    "instead otherwise additionally furthermore moreover again afterwards then now this that "
    "after before during as since while when although though if once in on at for with "
    "regards best sincerely cheers greetings".split()
)
#: Words a greeting may have when it is a line of its own ending in a comma.
_MAX_GREETING_LINE_WORDS = 10
#: Lines a letter's address and date blocks may take above the greeting.
_MAX_ADDRESS_LINES = 14
_DATE_LINE = re.compile(
    r"(?i)^\s*(\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})\s*$")
# Outlook's reply separator: a rule of underscores above a From: header.
_OUTLOOK_SEPARATOR = re.compile(r"^\s*_{10,}\s*$")
# A first line that is only a name and a comma ("Priya," / "Ms. Tanaka,") greets too.
_NAME_GREETING = re.compile(
    r"^\s*(?:(?:mr|mrs|ms|mx|miss|dr|prof|professor|judge|chef|coach)\.?\s+)?"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*$", re.IGNORECASE
)
_SIGN_OFF = re.compile(
    r"(?i)^\s*(best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest"
    r" regards|warm wishes|regards|many thanks|thanks again|thanks so much|thanks|thank you"
    r"( again| so much| kindly)?|thx|thnx|tnx|ty|sincerely( yours)?|yours (sincerely|truly|"
    r"faithfully)|respectfully( yours)?|cordially|cheers|all the best|with (appreciation|"
    r"gratitude|thanks)|gratefully|warmly|take care|talk soon|later|peace|xoxo|xo|love"
    r"|have a (great|good|nice) (day|week|weekend)|looking forward)[ \t]*[,.!]*[ \t]*$"
)
_NAME_LINE = re.compile(r"^\s*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}\s*$")
#: Lines that are not prose: HTML comments and ``# followup-lint: ...`` directives.
DIRECTIVE_LINE = re.compile(r"^\s*(?:<!--.*-->|#\s*followup-lint\s*:.*)\s*$")
_SIGNATURE_DELIMITER = re.compile(r"^--[ \t]?$")
_MAX_SIGNATURE_LINES = 5
#: A line wholly in brackets under the closing ("(signature here if mailing a hard copy)"):
#: a note on the signature, not prose.
_ASIDE_LINE = re.compile(r"^\s*[(\[][^()\[\]]*[)\]]\s*$")


@dataclass(frozen=True)
class Section:
    """A named region of the draft, as offsets into the original text."""

    name: SectionName
    start: int
    end: int


@dataclass
class Layout:
    """The sections of one email; `parse_end` is where the writer's own text stops."""

    sections: list[Section] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)
    parse_end: int = 0
    _starts: list[int] | None = field(default=None, repr=False)

    def section_at(self, offset: int) -> str | None:
        """Name of the section containing ``offset`` (None between sections)."""
        if self._starts is None:
            self._starts = [s.start for s in self.sections]
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.sections[index].end:
            return self.sections[index].name
        return None

    def spans(self, *names: str) -> list[Section]:
        """All sections with one of the given names, in text order."""
        return [s for s in self.sections if s.name in names]

    def first(self, name: str) -> Section | None:
        """The first section with this name, or None."""
        return next((s for s in self.sections if s.name == name), None)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # end of content, without the line break or a trailing \r
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        content = match.group().rstrip("\n")
        if content.endswith("\r"):
            content = content[:-1]
        lines.append(_Line(match.start(), match.start() + len(content), content))
    return lines


def _trimmed(line: _Line) -> tuple[int, int]:
    """Offsets of the line's content without surrounding whitespace."""
    lead = len(line.text) - len(line.text.lstrip())
    trail = len(line.text) - len(line.text.rstrip())
    return line.start + lead, line.end - trail


_QUOTE_MARKS = re.compile(r"[ \t]*(?:>[ \t]?)+")


def _unquoted_whole(lines: list[_Line]) -> list[_Line]:
    """A draft that is quotation from top to bottom ('>' before every line, as when a note
    is copied from a forum) is read through its quote marks: each line starts after them.
    A draft with any line of its own, or whose quotation quotes a reply ("On Monday, Dana
    wrote:"), keeps its '>' lines as quoted history."""
    content = [line for line in lines if not line.blank]
    if not content or not all(line.text.lstrip().startswith(">") for line in content):
        return lines
    unquoted = []
    for line in lines:
        marks = _QUOTE_MARKS.match(line.text)
        skip = marks.end() if marks else 0
        unquoted.append(_Line(line.start + skip, line.end, line.text[skip:]))
    if any(_QUOTE_INTRO.match(line.text) for line in unquoted):
        return lines  # "> On Monday, Dana wrote:": a reply with nothing of its own
    return unquoted


def _word_count(text: str) -> int:
    return len(text.split())


def read_layout(text: str) -> Layout:
    """Split an email into sections; every character of prose lands in exactly one section."""
    lines = _lines(text)
    layout = Layout(parse_end=len(text))
    if not lines:
        return layout
    sections: list[Section] = []
    lines = _unquoted_whole(lines)

    # Quoted history: '>' lines anywhere; an "On ... wrote:" line quotes everything after it.
    quoted = [False] * len(lines)
    seen_prose = False
    for i, line in enumerate(lines):
        if DIRECTIVE_LINE.match(line.text):
            sections.append(Section("directive", *_trimmed(line)))
            quoted[i] = True  # excluded from prose like quoted text, but kept in the parse
            continue
        if line.text.lstrip().startswith(">"):
            quoted[i] = True
        elif seen_prose and (_QUOTE_INTRO.match(line.text) or (
                _OUTLOOK_SEPARATOR.match(line.text) and i + 1 < len(lines)
                and _HEADER.match(lines[i + 1].text))):
            for j in range(i, len(lines)):
                quoted[j] = True
            break
        elif not line.blank and not _HEADER.match(line.text):
            seen_prose = True
    # The writer's text ends where an unbroken run of quoted/blank lines reaches the end.
    own_end = len(lines)
    while own_end > 0 and (quoted[own_end - 1] or lines[own_end - 1].blank):
        own_end -= 1
    if own_end < len(lines) and any(quoted[own_end:]):
        layout.parse_end = lines[own_end - 1].end if own_end else 0
    for i, line in enumerate(lines):
        if quoted[i] and not line.blank and not DIRECTIVE_LINE.match(line.text):
            sections.append(Section("quoted", line.start, line.end))

    # Header block at the top: Subject:, To:, From:, Date: lines.
    i = 0
    while i < own_end and lines[i].blank:
        i += 1
    while i < own_end and not quoted[i] and _HEADER.match(lines[i].text):
        subject = _SUBJECT.match(lines[i].text)
        if subject:
            sections.append(Section("header", lines[i].start, lines[i].start + subject.end()))
            value_start = lines[i].start + subject.end()
            _, value_end = _trimmed(lines[i])
            if value_end > value_start:
                sections.append(Section("subject", value_start, value_end))
        else:
            sections.append(Section("header", *_trimmed(lines[i])))
        i += 1
    first_own = i

    # Signature after a "-- " delimiter line.
    own_lines = [k for k in range(first_own, own_end) if not quoted[k]]
    signature_from = own_end
    for k in own_lines:
        if _SIGNATURE_DELIMITER.match(lines[k].text):
            signature_from = k
            break
    if signature_from < own_end:
        start = lines[signature_from].start
        end = lines[own_end - 1].end
        sections.append(Section("signature", start, end))
    content = [k for k in own_lines if k < signature_from and not lines[k].blank]
    if not content:
        layout.sections = sorted(sections, key=lambda s: s.start)
        return layout
    # A letter's address and date blocks above the greeting are not prose: short lines
    # (names, streets, towns, dates) followed, within a few lines, by a greeting.
    for pos, k in enumerate(content[:_MAX_ADDRESS_LINES + 1]):
        if _GREETING.match(lines[k].text) and pos > 0 and all(
                _word_count(lines[j].text) <= 8 and (
                    not lines[j].text.rstrip().endswith(".") or _word_count(lines[j].text) <= 4)
                or _DATE_LINE.match(lines[j].text) for j in content[:pos]):
            for j in content[:pos]:
                sections.append(Section("header", *_trimmed(lines[j])))
            content = content[pos:]
            break

    # Greeting: the first line, or its part up to the first comma when glued to a sentence.
    body_first = content[0]
    greeting_line = lines[content[0]]
    greeting_match = _GREETING.match(greeting_line.text)
    body_start_offset = None
    vocative = _VOCATIVE.match(greeting_line.text)
    if greeting_match is None and len(content) > 1 and _NAME_GREETING.match(greeting_line.text) \
            and greeting_line.text.strip()[:1].isupper():
        sections.append(Section("greeting", *_trimmed(greeting_line)))
        body_first = content[1]
    elif greeting_match is None and vocative and \
            vocative.group(1).split()[0].lower() not in _NOT_VOCATIVE and \
            not vocative.group(1).split()[0].lower().endswith("ly"):
        # "Sarah, thank you for...": the reader's name opens the first sentence.
        g_start = greeting_line.start + vocative.start(1)
        cut = greeting_line.start + vocative.end(1) + 1
        sections.append(Section("greeting", g_start, cut))
        rest = len(text[cut:greeting_line.end]) - len(text[cut:greeting_line.end].lstrip())
        body_start_offset = cut + rest
    elif greeting_match:
        g_start, g_end = _trimmed(greeting_line)
        stripped = greeting_line.text.strip()
        comma = re.search(r"[,:!]|\s[-–—]\s", greeting_line.text[greeting_match.end():])
        if _word_count(stripped) <= 6 or comma is None:
            if _word_count(stripped) <= 8:
                sections.append(Section("greeting", g_start, g_end))
                body_first = content[1] if len(content) > 1 else None
        else:
            cut = greeting_line.start + greeting_match.end() + comma.end()
            whole_line = not text[cut:greeting_line.end].strip() and len(content) > 1
            if _word_count(text[g_start:cut]) <= 6 or (
                    whole_line and _word_count(text[g_start:cut]) <= _MAX_GREETING_LINE_WORDS):
                # "Dear Hiring Manager at Riverside Veterinary Clinic," on a line of its own
                sections.append(Section("greeting", g_start, cut))
                rest = len(text[cut:greeting_line.end]) - len(text[cut:greeting_line.end].lstrip())
                body_start_offset = cut + rest

    # Sign-off: a closing line near the end, followed only by a short name block.
    remaining = [k for k in content if body_first is not None and k >= body_first]
    sign_off_index = None
    for pos in range(len(remaining) - 1, max(0, len(remaining) - 2 - _MAX_SIGNATURE_LINES), -1):
        line_text = lines[remaining[pos]].text
        closing = _SIGN_OFF.match(line_text) or (
            line_text.rstrip().endswith(",") and _word_count(line_text) <= 8
        )
        if closing:
            if all(_word_count(lines[t].text) <= 8 or _ASIDE_LINE.match(lines[t].text)
                   for t in remaining[pos + 1:]):
                sign_off_index = pos
            break
    if sign_off_index is None and len(remaining) > 1 and _NAME_LINE.match(
        lines[remaining[-1]].text
    ):
        # No closing words, but the message ends with the writer's name on its own line.
        sections.append(Section("signature", *_trimmed(lines[remaining[-1]])))
        remaining = remaining[:-1]
    body_lines = remaining if sign_off_index is None else remaining[:sign_off_index]
    if sign_off_index is not None:
        k = remaining[sign_off_index]
        sections.append(Section("sign-off", *_trimmed(lines[k])))
        tail = remaining[sign_off_index + 1:]
        if tail:
            start, _ = _trimmed(lines[tail[0]])
            _, end = _trimmed(lines[tail[-1]])
            sections.append(Section("signature", start, end))

    # Body: paragraphs of consecutive non-blank, non-quoted lines.
    if body_start_offset is not None:
        glued = lines[content[0]]
        _, end = _trimmed(glued)
        if end > body_start_offset:
            sections.append(Section("body", body_start_offset, end))
            layout.paragraph_starts.append(body_start_offset)
    previous = None
    for k in body_lines:
        if k == content[0] and body_start_offset is not None:
            previous = k
            continue
        start, end = _trimmed(lines[k])
        if previous is not None and previous == k - 1 and sections and sections[-1].name == "body":
            last = sections.pop()
            sections.append(Section("body", last.start, end))
        else:
            sections.append(Section("body", start, end))
            layout.paragraph_starts.append(start)
        previous = k
    layout.sections = sorted(sections, key=lambda s: s.start)
    return layout
