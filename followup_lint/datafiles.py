"""The project's data files: where the shipped rule packs are, and reading TOML (rule packs,
settings) with errors users can act on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from followup_lint.errors import FollowupLintError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def read_toml(path: Path, error: type[FollowupLintError], what: str) -> dict[str, Any]:
    """Parse a TOML file; unreadable or invalid files raise ``error`` naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read {what}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: invalid TOML: {exc}") from None


def describe(exc: ValidationError, allowed_keys: list[str] | None = None) -> str:
    """One line per problem: the key's dotted path and the reason."""
    parts = []
    for item in exc.errors():
        where = ".".join(str(p) for p in item["loc"]) or "(top level)"
        if item["type"] == "extra_forbidden" and allowed_keys is not None:
            parts.append(f"unknown key {where!r}; allowed keys: {', '.join(allowed_keys)}")
        else:
            parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def rules_dir() -> Path:
    """The shipped rule packs: inside the installed package, or at the repository top level."""
    installed = Path(__file__).resolve().parent / "rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "rules"
