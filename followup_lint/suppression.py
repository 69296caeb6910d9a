"""Inline suppression: ``followup-lint: disable=RULE`` comments in the linted text.

A directive sits alone on a line, inside an HTML comment or after ``#``, and may give
its reason after `` -- ``::

    <!-- followup-lint: disable=casual-tone,spelling -- our brand voice is informal -->
    # followup-lint: enable=casual-tone
    <!-- followup-lint: disable-next-line=pushy-phrasing -->

``disable`` switches rules (ids, family names, or ``all``) off from the next line until
a matching ``enable`` or the end of the text; ``disable-next-line`` covers the next
non-blank line only. A directive that suppressed nothing is reported by the
``unused-suppression`` rule so that stale ones get cleaned up; one that names no known
rule says so. Reading and applying directives is linear in the number of directives
and findings.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from followup_lint.layout import Layout
from followup_lint.model import Finding

_DIRECTIVE = re.compile(
    r"followup-lint\s*:\s*(disable-next-line|disable|enable)\s*=\s*([\w\-, ]+?)"
    r"(?:\s+--\s*(.*?))?\s*(?:-->|$)"
)
_NEXT_TEXT = re.compile(r"\S")
ALL = "all"


@dataclass
class Directive:
    """One suppression comment and the text range it covers."""

    start: int
    end: int
    action: str
    names: frozenset[str]
    ranges: list[tuple[int, int]] = field(default_factory=list)
    used: bool = False
    reason: str | None = None

    def covers(self, finding: Finding) -> bool:
        """True when the directive names the finding's rule and covers its position."""
        named = ALL in self.names or finding.rule in self.names or finding.family in self.names
        return named and any(start <= finding.start < end for start, end in self.ranges)

    def unused_message(self, known: Collection[str]) -> str:
        """What to say about a directive that suppressed nothing (never quotes the draft)."""
        written = f"'{self.action}={','.join(sorted(self.names))}'"
        unknown = sorted(n for n in self.names if n != ALL and n not in known)
        if unknown:
            names = ", ".join(f"'{n}'" for n in unknown)
            return (f"This {written} names no known rule or family ({names}); check the "
                    "spelling (see 'followup-lint rules').")
        return f"This {written} suppressed nothing; remove it."


def read_directives(text: str, layout: Layout) -> list[Directive]:
    """Directives in the text's directive lines, with the range each one covers."""
    directives: list[Directive] = []
    open_by_name: dict[str, list[Directive]] = {}
    for section in layout.spans("directive"):
        match = _DIRECTIVE.search(text, section.start, section.end)
        if match is None:
            continue
        action = match.group(1)
        names = frozenset(n.strip() for n in match.group(2).split(",") if n.strip())
        reason = (match.group(3) or "").strip() or None
        directive = Directive(section.start, section.end, action, names, reason=reason)
        line_end = text.find("\n", section.end)
        after = len(text) if line_end < 0 else line_end + 1
        if action == "disable-next-line":
            found = _NEXT_TEXT.search(text, after)
            start = len(text) if found is None else found.start()
            end = text.find("\n", start)
            directive.ranges.append((start, len(text) if end < 0 else end))
        elif action == "disable":
            directive.ranges.append((after, len(text)))
            for name in names:
                open_by_name.setdefault(name, []).append(directive)
        else:  # enable: close the matching open disables at this line
            closing = list(open_by_name) if ALL in names else [n for n in names
                                                                  if n in open_by_name]
            for name in closing:
                for disable in open_by_name.pop(name, []):
                    if disable.ranges[-1][1] == len(text):
                        disable.ranges[-1] = (disable.ranges[-1][0], section.start)
            directive.used = True  # an enable is never "unused"
        directives.append(directive)
    return directives


def apply_directives(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """Findings not covered by a directive; marks the directives that were used.

    One sweep over findings and directive ranges in text order: a finding is covered
    when an active directive names its rule, family or ``all``; each directive is marked
    used at most once per name it holds.
    """
    events = sorted(((start, end, d) for d in directives if d.action != "enable"
                     for start, end in d.ranges if end > start), key=lambda e: e[0])
    active: dict[str, dict[int, Directive]] = {}  # name -> directives covering the sweep
    expiry: dict[str, list[tuple[int, int]]] = {}  # name -> heap of (range end, id)
    unused: dict[str, dict[int, Directive]] = {}  # name -> active directives not yet used
    kept: list[Finding] = []
    k = 0
    for finding in sorted(findings, key=lambda f: f.start):
        while k < len(events) and events[k][0] <= finding.start:
            _start, end, directive = events[k]
            for name in directive.names:
                active.setdefault(name, {})[id(directive)] = directive
                heapq.heappush(expiry.setdefault(name, []), (end, id(directive)))
                if not directive.used:
                    unused.setdefault(name, {})[id(directive)] = directive
            k += 1
        covered = False
        for name in (finding.rule, finding.family, ALL):
            heap = expiry.get(name)
            while heap and heap[0][0] <= finding.start:
                _end, key = heapq.heappop(heap)
                active[name].pop(key, None)
                unused.get(name, {}).pop(key, None)
            if active.get(name):
                covered = True
                for directive in unused.pop(name, {}).values():
                    directive.used = True
        if not covered:
            kept.append(finding)
    order = {id(f): i for i, f in enumerate(findings)}
    return sorted(kept, key=lambda f: order[id(f)])
