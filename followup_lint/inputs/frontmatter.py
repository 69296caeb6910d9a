"""YAML front matter: a ``---`` block at the top of a template, read as YAML.

Keys that are Context fields (``company``, ``role``, ``interviewers``, ``topics``,
``kind``, ``interview_at``, ``sent_at``, ``decision_by``, ``previous_messages``,
``industry``; hyphens or underscores) fill the interview Context, at the top level or
nested under one ``interview:`` mapping. Every other key (``title``, ``tags``,
``subject``, ...) is kept by the template's own tooling and ignored here. Dates take
the usual human forms (``2026-03-02``, ``2026-03-02 14:30``, ``March 2, 2026``,
``2 Mar 2026 2:30 PM``, RFC 2822). Errors name the key and the expected form and never
quote the file's words (they may be shown in shared CI logs).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from followup_lint.inputs.decoding import decode
from followup_lint.inputs.source import Source
from followup_lint.model import Context

#: The key a template may nest its interview facts under.
NESTED_KEY = "interview"
_LIST_FIELDS = {"interviewers", "topics", "previous_messages"}
_DATE_FIELDS = {"interview_at", "sent_at", "decision_by", "previous_messages"}
_TEXT_FIELDS = {"company", "role", "industry"}
_DAY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
                "%A, %B %d, %Y", "%a, %b %d, %Y", "%Y/%m/%d", "%m/%d/%Y", "%d.%m.%Y")
_TIME_FORMATS = ("", " %H:%M", " %I:%M %p", " %I %p", " %I:%M%p", " %I%p", " at %H:%M",
                 " at %I:%M %p", " at %I %p", " at %I:%M%p", " at %I%p")
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*\r?$")
EXPECTED_DATE = "a date such as 2026-03-02, 2026-03-02 14:30 or 'March 2, 2026'"


class FrontMatterError(ValueError):
    """A front matter block that cannot be read; the message is safe to print."""


def parse_date(value: object) -> datetime:
    """A datetime from a YAML date/datetime or a human date string; ValueError if not."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(EXPECTED_DATE)
    text = " ".join(value.replace(",", ", ").split()).replace(" ,", ",")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for day in _DAY_FORMATS:
        for time in _TIME_FORMATS:
            try:
                return datetime.strptime(text, day + time)
            except ValueError:
                continue
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        raise ValueError(EXPECTED_DATE) from None


def _block(text: str) -> tuple[int, int, int] | None:
    """(YAML start, YAML end, draft start) of a leading ``---`` block, or None."""
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].rstrip("\r").rstrip() != "---":
        return None
    offset = first_end + 1
    while offset < len(text):
        end = text.find("\n", offset)
        line = text[offset:] if end < 0 else text[offset:end]
        if _FENCE.match(line):
            return first_end + 1, offset, len(text) if end < 0 else end + 1
        if end < 0:
            break
        offset = end + 1
    return None  # no closing fence: not front matter


def _field_value(name: str, value: Any) -> object:
    if value is None:
        return None
    if name in _LIST_FIELDS:
        items = value if isinstance(value, list) else (
            [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str)
            else [value])
        if name in _DATE_FIELDS:
            return [parse_date(item) for item in items]
        if not all(isinstance(item, (str, int, float)) for item in items):
            raise ValueError("a list of names or phrases")
        return [str(item) for item in items]
    if name in _DATE_FIELDS:
        return parse_date(value)
    if name == "kind":
        if value not in ("thank-you", "reminder"):
            raise ValueError("'thank-you' or 'reminder'")
        return value
    if name in _TEXT_FIELDS and not isinstance(value, (str, int, float)):
        raise ValueError("a single line of text")
    return str(value)


def _context_fields(data: dict[Any, Any]) -> dict[str, object]:
    fields: dict[str, object] = {}
    known = set(Context.model_fields)
    nested = data.get(NESTED_KEY)
    sources = [("", data)]
    if isinstance(nested, dict):
        sources.append((f"{NESTED_KEY}.", nested))
    for prefix, mapping in sources:
        for key, value in mapping.items():
            name = str(key).strip().replace("-", "_").lower()
            if name not in known:
                continue  # title, tags, subject...: the template's own business
            try:
                converted = _field_value(name, value)
            except ValueError as exc:
                raise FrontMatterError(
                    f"front matter key '{prefix}{key}': expected {exc}") from None
            if converted is not None:
                fields[name] = converted
    return fields


def read_front_matter(text: str) -> tuple[Context | None, int]:
    """(Context or None, offset where the draft starts) for a leading ``---`` block.

    Raises FrontMatterError for a block that is not a YAML mapping or holds a bad value.
    """
    bounds = _block(text)
    if bounds is None:
        return None, 0
    import yaml

    block_start, block_end, end = bounds
    try:
        data = yaml.safe_load(text[block_start:block_end])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
    if data is None:
        return None, end
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of 'key: value' lines")
    fields = _context_fields(data)
    if not fields:
        return None, end
    try:
        return Context.model_validate(fields), end
    except ValueError as exc:  # pragma: no cover - every field is converted above
        raise FrontMatterError(f"front matter: {exc}") from None


def open_text(path: str, data: bytes) -> Source | tuple[str, Context | None, int]:
    """The decoded text, its front matter's Context and where the body starts, for the
    readers of text formats; or a Source that says why the file cannot be read."""
    text, error = decode(data)
    if text is None:
        return Source(path, error=error)
    try:
        context, offset = read_front_matter(text)
    except FrontMatterError as exc:
        return Source(path, error=str(exc))
    return text, context, offset
