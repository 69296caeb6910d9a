"""One self-contained HTML page: every draft shown as written, findings highlighted in place.

The page has no external assets and makes no request (a Content-Security-Policy forbids
it): CSS and the small filter script are inline, allowed by their hashes. The draft text
only ever reaches the page through Jinja2's autoescaping, so a hostile draft (``<script>``,
``javascript:`` links, ``</textarea>``) is shown as text and cannot run or break the page.
The template is ``followup_lint/templates/report.html.j2``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from followup_lint import __version__
from followup_lint.fixes import safe_edits
from followup_lint.formatters.common import Options, Result
from followup_lint.model import Finding, Severity

_ORDER = {s.value: s.rank for s in Severity}


@dataclass
class Segment:
    """A stretch of the draft's text and the findings that cover it (indices)."""

    text: str
    findings: list[int] = field(default_factory=list)
    severity: str = ""
    #: Findings that start here (links from the list of findings jump to them).
    anchors: list[int] = field(default_factory=list)


def segments(text: str, findings: Sequence[Finding]) -> list[Segment]:
    """Cut ``text`` at every finding boundary; empty findings become empty segments."""
    spans = [(i, f) for i, f in enumerate(findings) if f.scope == "span"]
    cuts = sorted({0, len(text), *(min(f.start, len(text)) for _, f in spans),
                   *(min(f.end, len(text)) for _, f in spans)})
    out: list[Segment] = []
    seen: set[int] = set()

    def add(piece: str, covering: list[int]) -> None:
        segment = Segment(piece, covering)
        if covering:
            segment.severity = max((findings[i].severity.value for i in covering),
                                   key=_ORDER.__getitem__)
            segment.anchors = [i for i in covering if i not in seen]
            seen.update(segment.anchors)
        out.append(segment)

    for a, b in zip(cuts, cuts[1:] + [None]):
        empty = [i for i, f in spans if f.start == f.end == a]
        if empty:
            add("", empty)
        if b is None:
            break
        add(text[a:b], [i for i, f in spans if f.start <= a and f.end >= b and f.start < f.end])
    return out


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("followup_lint", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _asset(name: str) -> str:
    return (files("followup_lint") / "templates" / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def format_html(results: Sequence[Result], options: Options) -> str:
    """The report page for all results."""
    env = _environment()
    style, script = _asset("report.css"), _asset("report.js")
    rules = {rule.id: rule for rule in options.rules}
    files = []
    for n, result in enumerate(results):
        fixable = {(e.start, e.end, e.rule) for e in safe_edits(result.findings)}
        findings = [{
            "id": f"{n}-{i}", "finding": f, "fixable": (f.start, f.end, f.rule) in fixable,
            "summary": rules[f.rule].summary if f.rule in rules else "",
        } for i, f in enumerate(result.findings)]
        counts = {s.value: sum(f.severity is s for f in result.findings) for s in Severity}
        files.append({
            "n": n, "path": result.path, "report": result.report, "counts": counts,
            "findings": findings,
            "segments": segments(result.source, result.findings) if options.excerpts else [],
        })
    used_rules = sorted({f.rule for r in results for f in r.findings})
    totals = {s.value: sum(f["counts"][s.value] for f in files) for s in Severity}
    return env.get_template("report.html.j2").render(
        files=files, rules=used_rules, totals=totals, version=__version__,
        style=style, script=script, excerpts=options.excerpts,
        csp=f"default-src 'none'; style-src {_csp_hash(style)}; "
            f"script-src {_csp_hash(script)}; img-src data:; form-action 'none'; "
            "base-uri 'none'",
    )
