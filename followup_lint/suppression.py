"""Inline suppression: ``followup-lint: disable=RULE`` comments in the linted text.

A directive sits alone on a line, inside an HTML comment or after ``#``::

    <!-- followup-lint: disable=casual-tone,spelling -->
    # followup-lint: enable=casual-tone
    <!-- followup-lint: disable-next-line=pushy-phrasing -->

``disable`` switches rules (ids, family names, or ``all``) off from the next line until
a matching ``enable`` or the end of the text; ``disable-next-line`` covers the next
non-blank line only. A directive that suppressed nothing is reported by the
``unused-suppression`` rule so that stale ones get cleaned up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from followup_lint.layout import Layout
from followup_lint.model import Finding

_DIRECTIVE = re.compile(
    r"followup-lint\s*:\s*(disable-next-line|disable|enable)\s*=\s*([\w\-, ]+?)\s*(?:-->|$)"
)


@dataclass
class Directive:
    """One suppression comment and the text ranges it covers."""

    start: int
    end: int
    action: str
    names: frozenset[str]
    ranges: list[tuple[int, int]] = field(default_factory=list)
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        """True when the directive names the finding's rule and covers its position."""
        named = "all" in self.names or finding.rule in self.names or finding.family in self.names
        return named and any(start <= finding.start < end for start, end in self.ranges)


def read_directives(text: str, layout: Layout) -> list[Directive]:
    """Directives in the text's directive lines, with the ranges each one covers."""
    directives: list[Directive] = []
    open_disables: list[Directive] = []
    for section in layout.spans("directive"):
        line = text[section.start:section.end]
        match = _DIRECTIVE.search(line)
        if match is None:
            continue
        action = match.group(1)
        names = frozenset(n.strip() for n in match.group(2).split(",") if n.strip())
        directive = Directive(section.start, section.end, action, names)
        line_end = text.find("\n", section.end)
        after = len(text) if line_end < 0 else line_end + 1
        if action == "disable-next-line":
            rest = text[after:]
            skipped = len(rest) - len(rest.lstrip())
            start = after + skipped
            end = text.find("\n", start)
            directive.ranges.append((start, len(text) if end < 0 else end))
        elif action == "disable":
            directive.ranges.append((after, len(text)))
            open_disables.append(directive)
        else:  # enable: close the matching open disables at this line
            for disable in open_disables:
                closing = disable.names & names or ("all" in names)
                if closing and disable.ranges[-1][1] == len(text):
                    disable.ranges[-1] = (disable.ranges[-1][0], section.start)
            directive.used = True  # an enable is never "unused"
        directives.append(directive)
    return directives


def apply_directives(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """Findings not covered by a directive; marks the directives that were used."""
    kept = []
    for finding in findings:
        covering = [d for d in directives if d.action != "enable" and d.covers(finding)]
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(finding)
    return kept
