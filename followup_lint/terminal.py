"""Terminal helpers: colour choice, width, and safe display of a draft's characters.

A draft is untrusted text: an escape sequence in it must not move the cursor or change
colours when its line is shown, so control characters are printed as visible escapes.
Columns are counted in display cells (``wcwidth``): an emoji or a CJK character takes
two, a combining accent none, so the caret under a finding stays under it.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Mapping

from wcwidth import wcwidth

#: Width used when the output is not a terminal (a file, a pipe, a CI log).
DEFAULT_WIDTH = 100
MIN_WIDTH = 40
TAB = "    "


def use_colour(choice: str, stream: object, env: Mapping[str, str] | None = None) -> bool:
    """``--color always|never|auto``; auto honours NO_COLOR, then FORCE_COLOR, then isatty."""
    if choice in ("always", "never"):
        return choice == "always"
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def output_width(stream: object) -> int:
    """The terminal's width when writing to one, else DEFAULT_WIDTH."""
    isatty = getattr(stream, "isatty", None)
    if isatty and isatty():
        return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    return DEFAULT_WIDTH


def _is_control(char: str) -> bool:
    # Cc: C0/C1 controls and DEL; Cf: invisible formatting, e.g. bidi overrides.
    return unicodedata.category(char) in ("Cc", "Cf") and char not in "\u200d\u00ad"


def display(char: str) -> tuple[str, int]:
    """How one character of a draft is shown, and how many cells that takes."""
    if char == "\t":
        return TAB, len(TAB)
    if _is_control(char):
        shown = f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
        return shown, len(shown)
    cells = wcwidth(char)
    if cells < 0:  # pragma: no cover - every non-printable is a control above
        shown = f"\\u{ord(char):04x}"
        return shown, len(shown)
    return char, cells


def safe_text(text: str) -> str:
    """``text`` with control characters made visible (for messages and suggestions)."""
    return "".join(display(c)[0] if c != "\n" else " " for c in text)


def cells(text: str) -> int:
    """Display width of ``text`` as ``display`` shows it."""
    return sum(display(c)[1] for c in text)
