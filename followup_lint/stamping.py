"""Hit -> Finding: the engine's stamp of rule id, family, severity, position and excerpt.

A rule says only where and what (a :class:`~followup_lint.rule.Hit`); the stamp adds
what the rule must not decide: the configured severity, 1-based line and column,
the excerpt (or nothing, when redacting), and whether the rule ran degraded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from followup_lint.config import Config
from followup_lint.model import Finding
from followup_lint.packs.schema import RuleSpec
from followup_lint.rule import Hit

#: A line ends at LF, CRLF or a lone CR (old Mac files, some pasted text).
_LINE_END = re.compile(r"\r\n?|\n")


class LineIndex:
    """Offset -> (line, column), both 1-based, built once per text."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset``."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


@dataclass(frozen=True)
class Stamper:
    """Stamps the hits of one draft (its line index is built once, shared by every stamp)."""

    text: str
    lines: LineIndex
    config: Config
    degraded: frozenset[str]
    #: The whole-message anchor (the first body sentence): a computed check's hit exactly
    #: there speaks about the message, not about those words.
    anchor: tuple[int, int] | None = None

    def stamp(self, rule: RuleSpec, hit: Hit) -> Finding:
        """The Finding for ``hit`` of ``rule``."""
        line, column = self.lines.position(hit.start)
        end_line, end_column = self.lines.position(hit.end)
        message, excerpt, suggestions = hit.message, self.text[hit.start:hit.end], hit.suggestions
        if self.config.redact:
            for fragment in sorted({q for q in hit.quoted if q}, key=len, reverse=True):
                message = message.replace(fragment, "…")
            excerpt, suggestions = "", ()
        return Finding(
            rule=rule.id,
            family=rule.family,
            severity=self.config.severity.get(rule.id) or hit.severity or rule.severity,
            message=message,
            start=hit.start,
            end=hit.end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            excerpt=excerpt,
            suggestions=suggestions,
            degraded=rule.id in self.degraded,
            scope="message" if (rule.python or rule.engine) and (hit.start, hit.end) in (
                (0, 0), self.anchor) else "span",
        )
