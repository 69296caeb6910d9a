"""The project's data files: where the shipped rule packs are, and reading TOML (rule packs,
settings) with errors users can act on."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from followup_lint.errors import FollowupLintError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


#: Largest settings file, rule pack or word list read (a link to /dev/zero, a huge file
#: or a device never ties the linter up).
MAX_DATA_BYTES = 4 * 1024 * 1024


def read_data_file(path: Path, error: type[FollowupLintError], what: str,
                   limit: int = MAX_DATA_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes; else ``error``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise error(f"{path}: cannot read {what}: not a regular file")
        with os.fdopen(os.dup(fd), "rb") as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise error(f"{path}: cannot read {what}: larger than {limit:,} bytes")
        return data.decode("utf-8")
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: cannot read {what}: not UTF-8 ({exc.reason})") from None
    finally:
        os.close(fd)


def read_toml(path: Path, error: type[FollowupLintError], what: str) -> dict[str, Any]:
    """Parse a TOML file; unreadable or invalid files raise ``error`` naming the file."""
    text = read_data_file(path, error, what)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise error(f"{path}: invalid TOML: nested too deeply") from None


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
