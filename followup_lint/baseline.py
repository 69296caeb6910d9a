"""Finding identities that survive edits, for SARIF fingerprints and baseline files.

A finding is identified by its file, its rule and what it points at (the words of its
span, whitespace-normalised), never by its line or offset, so adding a paragraph above
it does not make it new. A finding that covers the whole message (a long span) is
identified by its rule and message instead. Identical findings in one file are told
apart by their occurrence index (1st, 2nd, ... in file order).

A baseline file records the identities of accepted findings; ``--baseline FILE``
reports only findings that are not in it (``--write-baseline FILE`` writes one). Keys
are hashes: a baseline never holds a draft's words.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint.errors import ConfigError

if TYPE_CHECKING:
    from followup_lint.formatters.common import Result
    from followup_lint.model import Finding

BASELINE_VERSION = 1
#: Spans longer than this (whole-message findings) are identified by rule and message.
_LONG_SPAN = 120


def _identity(path_key: str, text: str, finding: Finding, with_words: bool) -> str:
    words = " ".join(text[finding.start:finding.end].split())
    if not with_words or len(words) > _LONG_SPAN:
        words = f"message:{finding.message}"
    digest = hashlib.sha256(f"{path_key}\0{finding.rule}\0{words}".encode("utf-8",
                                                                           "surrogatepass"))
    return digest.hexdigest()[:32]


def identities(path_key: str, text: str, findings: Sequence[Finding], *,
               with_words: bool = True) -> list[tuple[str, int]]:
    """(identity, occurrence index from 1) per finding, in the given order.

    ``with_words=False`` identifies findings by rule and message only (for
    ``--no-excerpts``: no hash of a draft's words leaves the machine).
    """
    seen: Counter[str] = Counter()
    keys = []
    for finding in findings:
        key = _identity(path_key, text, finding, with_words)
        seen[key] += 1
        keys.append((key, seen[key]))
    return keys


def _path_key(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()


def write_baseline(file: Path, results: Sequence[Result]) -> int:
    """Write every finding of ``results`` to ``file``; returns how many were written."""
    root = file.resolve().parent
    entries: dict[str, dict[str, int]] = {}
    total = 0
    for result in results:
        path_key = _path_key(result.path, root)
        counts = Counter(key for key, _ in identities(path_key, result.source,
                                                      result.findings))
        if counts:
            entries[path_key] = dict(sorted(counts.items()))
            total += sum(counts.values())
    document = {"tool": "followup-lint", "version": BASELINE_VERSION,
                "files": dict(sorted(entries.items()))}
    try:
        file.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot write the baseline: {exc.strerror or exc}") from None
    return total


def read_baseline(file: Path) -> dict[str, dict[str, int]]:
    """The accepted findings of a baseline file: {path: {identity: count}}."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{file}: baseline file not found (write one with "
                          "--write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{file}: not a followup-lint baseline ({exc})") from None
    files = document.get("files") if isinstance(document, dict) else None
    if (not isinstance(files, dict) or document.get("version") != BASELINE_VERSION
            or not all(isinstance(v, dict) and all(isinstance(n, int) for n in v.values())
                       for v in files.values())):
        raise ConfigError(f"{file}: not a followup-lint baseline (version {BASELINE_VERSION} "
                          "expected, with a 'files' table of counts)")
    return files


def new_findings(file: Path, baseline: dict[str, dict[str, int]], result: Result
                 ) -> list[Finding]:
    """The findings of ``result`` that the baseline does not account for."""
    path_key = _path_key(result.path, file.resolve().parent)
    accepted = baseline.get(path_key, {})
    return [f for f, (key, occurrence) in zip(result.findings,
                                              identities(path_key, result.source,
                                                         result.findings))
            if occurrence > accepted.get(key, 0)]
