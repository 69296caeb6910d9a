"""Run the console script as a real subprocess, isolated from the checkout and the machine.

Every CLI test runs in a folder of its own that is marked as a repository root (it holds
``.git``), so the settings search never looks above it, and without the shared result
cache: ``--no-cache`` is added unless the test names its own ``--cache-dir``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

#: Commands that take no PATH (the cache flags would be read as a rule name or refused).
_NO_PATH_COMMANDS = ("rules", "explain")


def command() -> list[str]:
    """The installed ``followup-lint`` script of this interpreter, or ``python -m``."""
    exe = shutil.which("followup-lint", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "followup_lint"]


def make_root(folder: Path) -> Path:
    """Mark ``folder`` as a repository root so the settings search stops there."""
    (folder / ".git").mkdir(parents=True, exist_ok=True)
    return folder


def isolated_args(args: tuple[str, ...] | list[str]) -> list[str]:
    """The arguments with ``--no-cache`` added unless the test chose a cache of its own."""
    args = list(args)
    if args[:1] and args[0] in _NO_PATH_COMMANDS:
        return args
    if "--no-cache" in args or "--cache-dir" in args:
        return args
    return ["--no-cache", *args]


def cli(*args: str, cwd: Path, stdin: str | None = None, env: dict | None = None,
        timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``followup-lint ARGS`` in ``cwd`` (a test's own folder, made a root)."""
    if not (cwd / ".git").exists():
        make_root(cwd)
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([*command(), *isolated_args(args)], input=stdin,
                          capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env=environment)
