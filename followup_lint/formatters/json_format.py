"""Machine-readable output: one JSON document with a schema version and a summary."""

from __future__ import annotations

import json
from collections.abc import Sequence

from followup_lint.model import SCHEMA_VERSION, Report


def format_json(results: Sequence[tuple[str, str, Report]], *, colour: bool = False) -> str:
    """``{"schema_version", "files": [{"path", "report"}], "summary": {...}}``."""
    files = [{"path": path, "report": report.model_dump(mode="json")}
             for path, _text, report in results]
    summary = {"files": len(results), "error": 0, "warning": 0, "info": 0}
    for _path, _text, report in results:
        for f in report.findings:
            summary[f.severity.value] += 1
    document = {"schema_version": SCHEMA_VERSION, "files": files, "summary": summary}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
