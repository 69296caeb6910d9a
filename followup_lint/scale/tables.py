"""One partition of rows -> a findings table and a drafts table (pyarrow), on a worker.

Every input row gives exactly one drafts row. A draft that cannot be linted (no text,
bytes that are not UTF-8, unpaired surrogates, longer than ``Config.max_chars``, an
invalid context value) gets its reason in the ``error`` column and no findings; a
rule that raises on a draft becomes an ``internal-error`` finding (the engine does
that) and the draft's other findings are kept. The rest of the partition is always
linted, in ``nlp.pipe`` batches through ``Linter.lint_many``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import pyarrow as pa
from pydantic import ValidationError

from followup_lint.datafiles import describe
from followup_lint.model import Context, Report
from followup_lint.scale.job import LintJob, linter_for, rule_roots

#: Context fields a column may fill; list fields accept lists or comma-separated text.
CONTEXT_FIELDS = tuple(Context.model_fields)
_LIST_FIELDS = {name for name, f in Context.model_fields.items()
                if "list" in str(f.annotation)}

FINDINGS_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("rule", pa.string()),
    ("family", pa.string()),
    ("severity", pa.string()),
    ("message", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("line", pa.int64()),
    ("column", pa.int64()),
    ("end_line", pa.int64()),
    ("end_column", pa.int64()),
    ("excerpt", pa.string()),
    ("suggestions", pa.string()),  # JSON list of {replacement, description, safe}
    ("degraded", pa.bool_()),
])

DRAFTS_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("kind", pa.string()),
    ("kind_inferred", pa.bool_()),
    ("verdict", pa.string()),
    ("score", pa.int64()),
    ("findings", pa.int64()),
    ("errors", pa.int64()),
    ("warnings", pa.int64()),
    ("infos", pa.int64()),
    ("words", pa.int64()),
    ("sentences", pa.int64()),
    ("questions", pa.int64()),
    ("specific_details", pa.int64()),
    ("reading_grade", pa.float64()),
    ("error", pa.string()),  # why the draft was not linted; null when it was
])


@dataclass(frozen=True)
class Columns:
    """Which input columns hold the id, the text and the context fields."""

    text: str = "text"
    id: str = "id"
    context: tuple[tuple[str, str], ...] = ()  # (Context field, column)

    @classmethod
    def resolve(cls, names: Sequence[str], *, text: str = "text", id: str = "id",
                context: Mapping[str, str] | None = None, auto_context: bool = True
                ) -> Columns:
        """Check the columns exist; by default a column named like a Context field fills it.

        Raises ValueError naming the missing column and the ones there are.
        """
        present = list(names)

        def need(column: str, what: str) -> None:
            if column not in present:
                raise ValueError(f"no {what} column {column!r}; the input has: "
                                 f"{', '.join(map(repr, present)) or 'no columns'}")

        need(text, "text")
        need(id, "id")
        mapping = {f: f for f in CONTEXT_FIELDS if f in present} if auto_context else {}
        for field_name, column in (context or {}).items():
            if field_name not in CONTEXT_FIELDS:
                raise ValueError(f"unknown context field {field_name!r}; known: "
                                 f"{', '.join(CONTEXT_FIELDS)}")
            need(column, f"{field_name} context")
            mapping[field_name] = column
        mapping = {f: c for f, c in mapping.items() if c not in (text, id)}
        return cls(text, id, tuple(sorted(mapping.items())))

    @property
    def needed(self) -> list[str]:
        return list(dict.fromkeys([self.id, self.text, *(c for _, c in self.context)]))


# -- one row -------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    """None, NaN, and pandas' NA / NaT (without importing pandas)."""
    if value is None or type(value).__name__ in {"NAType", "NaTType"}:
        return True
    return isinstance(value, float) and math.isnan(value)


def _text_or_error(value: Any, max_chars: int) -> tuple[str | None, str | None]:
    if _missing(value):
        return None, "no text: the text column is empty for this row"
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, (f"undecodable: not valid UTF-8 ({exc.reason} at byte {exc.start})")
    if not isinstance(value, str):
        return None, f"not text: the text column holds {type(value).__name__}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return None, f"undecodable: {exc.reason} at character {exc.start}"
    if len(value) > max_chars:
        return None, (f"oversized: {len(value):,} characters is over the limit of "
                      f"{max_chars:,} (Config.max_chars)")
    return value, None


def _context_value(field_name: str, value: Any) -> Any:
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()  # numpy arrays and scalars from pandas
    if isinstance(value, str) and field_name in _LIST_FIELDS:
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value


def _context_or_error(row: dict[str, Any]) -> tuple[Context | None, str | None]:
    fields = {k: _context_value(k, v) for k, v in row.items()
              if not _missing(v) and not (isinstance(v, str) and not v.strip())}
    if not fields:
        return None, None
    try:
        return Context.model_validate(fields), None
    except ValidationError as exc:
        return None, f"invalid context: {describe(exc)}"


# -- the partition -------------------------------------------------------------------


def _lint(job: LintJob, texts: list[str], contexts: list[Context | None]
          ) -> list[Report | str]:
    """Reports in order; a draft the engine cannot lint at all gives its error text."""
    linter, cache, lock = linter_for(job)
    keys: list[str] = []
    found: list[Report | str | None] = [None] * len(texts)
    if cache is not None:
        for i, (text, context) in enumerate(zip(texts, contexts)):
            keys.append(cache.key(text, linter.config, context, rule_roots(job)))
            found[i] = cache.get(keys[-1])
    todo = [i for i, r in enumerate(found) if r is None]
    with lock:
        try:
            reports: list[Report | str] = list(linter.lint_many(
                [texts[i] for i in todo], [contexts[i] for i in todo],
                batch_size=job.batch_size))
        except Exception:  # noqa: BLE001 - find the draft that broke the batch, keep the rest
            reports = []
            for i in todo:
                try:
                    reports.append(linter.lint(texts[i], contexts[i]))
                except Exception as exc:  # noqa: BLE001
                    reports.append(f"lint failed: {type(exc).__name__}: {exc}")
    for i, report in zip(todo, reports):
        found[i] = report
        if cache is not None and isinstance(report, Report):
            cache.put(keys[i], report)
    return [r for r in found if r is not None]


def lint_table(table: pa.Table, columns: Columns, job: LintJob) -> tuple[pa.Table, pa.Table]:
    """(findings, drafts) for the rows of an Arrow table, in row order."""
    return lint_rows({c: table.column(c).to_pylist() for c in columns.needed}, columns, job)


def lint_rows(values: Mapping[str, Sequence[Any]], columns: Columns, job: LintJob
              ) -> tuple[pa.Table, pa.Table]:
    """(findings, drafts) for rows given as one list of Python values per column."""
    max_chars = job.config.max_chars
    ids = [None if _missing(v) else str(v) for v in values[columns.id]]
    raw_texts = values[columns.text]
    context_values = {f: values[c] for f, c in columns.context}
    errors: list[str | None] = []
    texts: list[str] = []
    contexts: list[Context | None] = []
    valid: list[int] = []
    for i, raw in enumerate(raw_texts):
        text, error = _text_or_error(raw, max_chars)
        context = None
        if error is None:
            context, error = _context_or_error({f: v[i] for f, v in context_values.items()})
        errors.append(error)
        if error is None and text is not None:
            valid.append(i)
            texts.append(text)
            contexts.append(context)
    results: dict[int, Report | str] = dict(zip(valid, _lint(job, texts, contexts)))
    findings: dict[str, list[Any]] = {name: [] for name in FINDINGS_SCHEMA.names}
    drafts: dict[str, list[Any]] = {name: [] for name in DRAFTS_SCHEMA.names}
    for i, draft_id in enumerate(ids):
        result = results.get(i)
        if isinstance(result, str):
            errors[i] = result
        report = result if isinstance(result, Report) else None
        _add_draft(drafts, draft_id, report, errors[i])
        for f in report.findings if report is not None else ():
            for name, value in (
                ("id", draft_id), ("rule", f.rule), ("family", f.family),
                ("severity", f.severity.value), ("message", f.message), ("start", f.start),
                ("end", f.end), ("line", f.line), ("column", f.column),
                ("end_line", f.end_line), ("end_column", f.end_column),
                ("excerpt", f.excerpt),
                ("suggestions", json.dumps([s.model_dump() for s in f.suggestions],
                                           ensure_ascii=False, sort_keys=True)),
                ("degraded", f.degraded),
            ):
                findings[name].append(value)
    return (pa.Table.from_pydict(findings, schema=FINDINGS_SCHEMA),
            pa.Table.from_pydict(drafts, schema=DRAFTS_SCHEMA))


def _add_draft(drafts: dict[str, list[Any]], draft_id: str | None, report: Report | None,
               error: str | None) -> None:
    counts = {s.value: n for s, n in report.counts.items()} if report is not None else {}
    metrics = report.metrics if report is not None else None
    values = {
        "id": draft_id,
        "kind": report.kind if report else None,
        "kind_inferred": report.kind_inferred if report else None,
        "verdict": report.verdict if report else None,
        "score": report.score if report else None,
        "findings": len(report.findings) if report else None,
        "errors": counts.get("error", 0) if report else None,
        "warnings": counts.get("warning", 0) if report else None,
        "infos": counts.get("info", 0) if report else None,
        "words": metrics.words if metrics else None,
        "sentences": metrics.sentences if metrics else None,
        "questions": metrics.questions if metrics else None,
        "specific_details": metrics.specific_details if metrics else None,
        "reading_grade": metrics.reading_grade if metrics else None,
        "error": error,
    }
    for name, value in values.items():
        drafts[name].append(value)
