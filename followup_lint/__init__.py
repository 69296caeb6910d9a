"""followup_lint: a linter for job-interview follow-up emails.

    >>> from followup_lint import lint
    >>> report = lint("Hey, thx for the interview!!")
    >>> [f.rule for f in report.findings]  # doctest: +SKIP
    >>> from followup_lint import lint_file
    >>> report = lint_file("notes/thanks.eml")  # doctest: +SKIP

``lint_file`` reads ``.txt``, ``.md``, ``.html`` and ``.eml`` files (see
``followup_lint.inputs``) and reports findings where they are in the file as stored.

Importing the package is cheap: spaCy and the model load on the first ``lint()``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from followup_lint.config import Config
from followup_lint.errors import (
    ConfigError,
    FollowupLintError,
    InputError,
    InputTooLargeError,
    ModelNotInstalledError,
    RulePackError,
)
from followup_lint.fixes import apply_fixes
from followup_lint.model import Context, Finding, Metrics, Report, Severity, Suggestion
from followup_lint.offsets import utf16_offset

if TYPE_CHECKING:
    from followup_lint.engine import Linter

__version__ = "0.1.0"
__all__ = [
    "Config", "ConfigError", "Context", "Finding", "FollowupLintError", "InputError",
    "InputTooLargeError", "Linter", "Metrics",
    "ModelNotInstalledError", "Report", "RulePackError", "Severity", "Suggestion",
    "apply_fixes", "lint", "lint_file", "utf16_offset", "__version__",
]

def __getattr__(name: str) -> object:
    if name == "Linter":
        from followup_lint.engine import Linter

        return Linter
    raise AttributeError(f"module 'followup_lint' has no attribute {name!r}")


def lint(text: str, *, context: Context | None = None, config: Config | None = None) -> Report:
    """Lint one follow-up draft and return its Report.

    A Linter per distinct Config is built on first use and reused, so repeated calls
    pay the model load once; at most ``engine.MAX_CACHED_LINTERS`` are kept (least
    recently used go first), so a service with many per-user configs keeps flat memory.
    """
    if not isinstance(text, str):
        raise TypeError(f"lint() expects the draft as str, got {type(text).__name__}")
    return _linter(config).lint(text, context)


def _linter(config: Config | None) -> Linter:
    from followup_lint.engine import shared_linter

    return shared_linter(config or Config())


def lint_file(path: str | os.PathLike[str], *, context: Context | None = None,
              config: Config | None = None) -> Report:
    """Lint one file and return its Report, positioned in the file as stored.

    The reader is chosen by the suffix (``.txt``, ``.md``, ``.html``, ``.eml``; others
    are plain text). Front matter and e-mail headers give a Context; ``context``
    fields, when given, override it. Offsets, lines, columns and excerpts count
    characters of the file's decoded text (a finding in a quoted-printable e-mail points
    at the encoded characters). Raises InputError when the file cannot be linted.
    """
    from followup_lint.inputs import read_source

    source = read_source(os.fspath(path))
    if source.error is not None or source.text is None:
        raise InputError(f"{source.path}: {source.error}")
    report = _linter(config).lint(source.text, source.context_with(context))
    return source.locate(report)
