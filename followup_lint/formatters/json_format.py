"""Machine-readable output: one JSON document with a schema version, files and a summary.

The document's JSON Schema is ``docs/output.schema.json`` (written by ``python -m
followup_lint.reference docs/``; a test keeps it in sync).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import BaseModel, Field

from followup_lint.formatters.common import Options, Result
from followup_lint.model import SCHEMA_VERSION, Report


class FileResult(BaseModel):
    """The report for one linted file; positions are in the file's own text."""

    path: str
    report: Report


class SkippedFile(BaseModel):
    """A file that was not linted, and why."""

    path: str
    reason: str


class Summary(BaseModel):
    """Totals over all files."""

    files: int
    skipped: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0


class OutputDocument(BaseModel):
    """What ``followup-lint --format json`` prints."""

    schema_version: str = SCHEMA_VERSION
    files: list[FileResult] = Field(default_factory=list)
    skipped: list[SkippedFile] = Field(
        default_factory=list, description="Files that were not linted (the run exits 2).")
    summary: Summary


def build_document(results: Sequence[Result], options: Options | None = None
                   ) -> OutputDocument:
    """The output document for the results (and the files that were skipped)."""
    skipped = [SkippedFile(path=s.path, reason=s.reason)
               for s in (options.skipped if options else ())]
    summary = Summary(files=len(results), skipped=len(skipped))
    for result in results:
        for f in result.findings:
            setattr(summary, f.severity.value, getattr(summary, f.severity.value) + 1)
    return OutputDocument(files=[FileResult(path=r.path, report=r.report) for r in results],
                          skipped=skipped, summary=summary)


def format_json(results: Sequence[Result], options: Options) -> str:
    """The results as one JSON document."""
    data = build_document(results, options).model_dump(mode="json")
    if not options.excerpts:
        for entry in data["files"]:
            for finding in entry["report"]["findings"]:
                finding["excerpt"] = ""
                finding["suggestions"] = []
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def output_schema() -> str:
    """The JSON Schema of the output document."""
    return json.dumps(OutputDocument.model_json_schema(), indent=2, sort_keys=True) + "\n"
