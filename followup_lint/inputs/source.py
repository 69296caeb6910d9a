"""What every reader returns: a Source, and the map from linted text back to the file.

A reader turns the file as stored (``raw``: its bytes decoded to text) into the text the
linter reads (``text``: prose only, decoded, line ends as ``\\n``). ``Offsets`` records,
for every character of ``text``, the range of ``raw`` it came from, so a finding in a
quoted-printable e-mail, an HTML table cell or a Markdown list item is reported at the
line and column of the file as stored. ``Source.locate`` does that for a whole Report:
it is the only place findings are moved from linted text to file positions.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from followup_lint.offsets import with_utf16
from followup_lint.stamping import LineIndex as LineStarts  # one line index for every text

if TYPE_CHECKING:
    from followup_lint.model import Context, Report


class Offsets:
    """Builds linted text while recording, for each character, the raw range it came from.

    ``copy`` appends raw text verbatim (each character maps to itself); ``add`` appends
    characters decoded from a raw range (all of them map to that range) or synthesised
    at a raw position (an empty range: a line break for an HTML ``<p>``).
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts = array("q")
        self.ends = array("q")

    def __len__(self) -> int:
        return len(self.starts)

    def copy(self, text: str, raw_start: int) -> None:
        """Append ``text``, which is ``raw[raw_start:raw_start + len(text)]``."""
        if text:
            self.parts.append(text)
            self.starts.extend(range(raw_start, raw_start + len(text)))
            self.ends.extend(range(raw_start + 1, raw_start + len(text) + 1))

    def add(self, text: str, raw_start: int, raw_end: int | None = None) -> None:
        """Append ``text`` decoded from ``raw[raw_start:raw_end]`` (empty: synthesised)."""
        if text:
            end = raw_start if raw_end is None else raw_end
            self.parts.append(text)
            self.starts.extend([raw_start] * len(text))
            self.ends.extend([end] * len(text))

    def add_mapped(self, text: str, raw_starts: list[int], raw_ends: list[int]) -> None:
        """Append ``text`` whose k-th character comes from ``raw[raw_starts[k]:raw_ends[k]]``."""
        if text:
            self.parts.append(text)
            self.starts.extend(raw_starts)
            self.ends.extend(raw_ends)

    def extend(self, other: Offsets, text_map: Offsets | None = None) -> None:
        """Append another builder's text, its offsets mapped through ``text_map`` if given.

        ``text_map`` maps ``other``'s raw positions (say, offsets into a decoded HTML
        body) to this builder's raw positions (offsets into the e-mail file).
        """
        self.parts.append(other.text())
        if text_map is None:
            self.starts.extend(other.starts)
            self.ends.extend(other.ends)
            return
        for start, end in zip(other.starts, other.ends):
            self.starts.append(text_map.raw_start(start))
            self.ends.append(text_map.raw_end(end) if end > start else text_map.raw_start(end))

    def trailing_newlines(self) -> int:
        """How many line breaks the text built so far ends with (without joining it)."""
        count = 0
        for part in reversed(self.parts):
            stripped = part.rstrip("\n")
            count += len(part) - len(stripped)
            if stripped:
                break
        return count

    def is_empty(self) -> bool:
        """True when nothing has been added."""
        return not len(self.starts)

    def text(self) -> str:
        """The linted text built so far."""
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def raw_start(self, offset: int) -> int:
        """The raw position where the character at ``offset`` begins."""
        if offset < len(self.starts):
            return self.starts[offset]
        return self.ends[-1] if len(self.ends) else 0

    def raw_end(self, offset: int) -> int:
        """The raw position where the text ending at ``offset`` (exclusive) ends."""
        if offset <= 0 or not len(self.ends):
            return self.raw_start(0)
        return self.ends[min(offset, len(self.ends)) - 1]


@dataclass(frozen=True)
class Source:
    """One input: the text that is linted, the file's own text and the map between them.

    ``error`` is set (and ``text`` is None) when the file cannot be linted; ``exact`` is
    True when ``text == raw[offset:]``, so safe fixes can be written back.
    """

    path: str
    text: str | None = None
    raw: str | None = None
    error: str | None = None
    context: Context | None = None
    offsets: Offsets | None = field(default=None, compare=False, repr=False)
    offset: int = 0
    exact: bool = True

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The file range of the linted range ``[start, end)``."""
        if self.offsets is None:
            return start + self.offset, end + self.offset
        raw_start = self.offsets.raw_start(start)
        raw_end = self.offsets.raw_end(end) if end > start else raw_start
        return raw_start, max(raw_start, raw_end)

    def context_with(self, given: Context | None) -> Context | None:
        """The file's own Context (front matter, headers) with ``given``'s set fields on top."""
        if given is None or self.context is None:
            return given if given is not None else self.context
        base = self.context.model_dump(exclude_defaults=True)
        return type(given).model_validate({**base, **given.model_dump(exclude_defaults=True)})

    def locate(self, report: Report) -> Report:
        """The report with every finding positioned in the file as stored.

        Offsets, lines and columns then count characters of ``raw``; excerpts are
        ``raw[start:end]`` (empty when the report was redacted).
        """
        if self.raw is None or (self.offsets is None and self.offset == 0):
            return report
        lines = LineStarts(self.raw)
        findings = []
        for f in report.findings:
            start, end = self.to_raw(f.start, f.end)
            line, column = lines.position(start)
            end_line, end_column = lines.position(end)
            findings.append(f.model_copy(update={
                "start": start, "end": end, "line": line, "column": column,
                "end_line": end_line, "end_column": end_column,
                "excerpt": self.raw[start:end] if f.excerpt or f.start == f.end else "",
            }))
        return report.model_copy(update={"findings": with_utf16(self.raw, findings)})

