"""STAGE 5: Reports -> output formats (text, json, sarif, github, html)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from followup_lint.formatters.common import Options, Result, Skipped
from followup_lint.formatters.github import format_github
from followup_lint.formatters.html import format_html
from followup_lint.formatters.json_format import format_json
from followup_lint.formatters.sarif import format_sarif
from followup_lint.formatters.summary import format_summary
from followup_lint.formatters.text import format_text

Formatter = Callable[[Sequence[Result], Options], str]
FORMATTERS: dict[str, Formatter] = {
    "text": format_text, "json": format_json, "sarif": format_sarif, "github": format_github,
    "html": format_html,
    "summary": format_summary,
}

__all__ = ["FORMATTERS", "Formatter", "Options", "Result", "Skipped"]
