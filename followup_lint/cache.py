"""Result cache for the command line: a re-run over unchanged files never loads spaCy.

A cached Report is keyed by everything that can change it: the package version, the
rule packs and word lists (their bytes), the effective Config, the Context and the
linted text. Entries are JSON files written atomically; an entry that cannot be read
or validated is treated as missing and rewritten.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from followup_lint import __version__
from followup_lint.config import Config
from followup_lint.model import Context, Report

DEFAULT_CACHE_DIR = ".followup-lint-cache"


@lru_cache(maxsize=16)
def _tree_digest(directories: tuple[str, ...]) -> str:
    """Digest of every file under the directories (rule packs, vocabulary)."""
    digest = hashlib.sha256()
    for directory in directories:
        root = Path(directory)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class ResultCache:
    """Reports on disk, keyed by content, configuration and version."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0

    def key(self, text: str, config: Config, context: Context | None,
            rule_dirs: Iterable[Path] = ()) -> str:
        """The cache key of one lint."""
        from followup_lint.datafiles import rules_dir

        rules = _tree_digest(tuple(str(d) for d in (rules_dir(), *rule_dirs)))
        digest = hashlib.sha256()
        for part in (__version__, rules, config.model_dump_json(),
                     context.model_dump_json() if context else "", text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Report | None:
        """The cached report, or None (missing, unreadable or corrupted)."""
        try:
            report = Report.model_validate_json(self._path(key).read_bytes())
        except (OSError, ValueError, ValidationError):
            self.misses += 1
            return None
        self.hits += 1
        return report

    def put(self, key: str, report: Report) -> None:
        """Store a report; a cache that cannot be written is silently skipped."""
        path = self._path(key)
        try:
            if not self.directory.is_dir():
                self.directory.mkdir(parents=True)
                (self.directory / ".gitignore").write_text("*\n", encoding="utf-8")
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(report.model_dump_json().encode("utf-8"))
            os.replace(temporary, path)
        except OSError:
            return
