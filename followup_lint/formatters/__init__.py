"""STAGE 5: Reports -> output formats. Each formatter takes (path, text, report) triples."""

from __future__ import annotations

from followup_lint.formatters.json_format import format_json
from followup_lint.formatters.text import format_text

FORMATTERS = {"text": format_text, "json": format_json}

__all__ = ["FORMATTERS", "format_json", "format_text"]
