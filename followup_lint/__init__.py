"""followup_lint: a linter for job-interview follow-up emails.

    >>> from followup_lint import lint
    >>> report = lint("Hey, thx for the interview!!")
    >>> [f.rule for f in report.findings]  # doctest: +SKIP

Importing the package is cheap: spaCy and the model load on the first ``lint()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup_lint.config import Config
from followup_lint.errors import (
    ConfigError,
    FollowupLintError,
    InputTooLargeError,
    ModelNotInstalledError,
    RulePackError,
)
from followup_lint.model import Context, Finding, Metrics, Report, Severity, Suggestion

if TYPE_CHECKING:
    from followup_lint.engine import Linter

__version__ = "0.1.0"
__all__ = [
    "Config", "ConfigError", "Context", "Finding", "FollowupLintError", "InputTooLargeError",
    "Linter", "Metrics",
    "ModelNotInstalledError", "Report", "RulePackError", "Severity", "Suggestion", "lint",
    "__version__",
]

def __getattr__(name: str) -> object:
    if name == "Linter":
        from followup_lint.engine import Linter

        return Linter
    raise AttributeError(f"module 'followup_lint' has no attribute {name!r}")


def lint(text: str, *, context: Context | None = None, config: Config | None = None) -> Report:
    """Lint one follow-up draft and return its Report.

    A Linter per distinct Config is built on first use and reused, so repeated calls
    pay the model load once.
    """
    if not isinstance(text, str):
        raise TypeError(f"lint() expects the draft as str, got {type(text).__name__}")
    from followup_lint.engine import shared_linter

    return shared_linter(config or Config()).lint(text, context)
