"""Result cache for the command line: a re-run over unchanged files never loads spaCy.

* **Key.** A cached Report is keyed by everything it depends on: a digest of the
  package's own code and data, the versions of spaCy, the pipeline package and the
  spelling and hyphenation libraries, the bytes of exactly the rule files loaded, the
  effective Config, the Context and the linted text.
* **Trust.** The cache usually sits in the project (see :func:`default_cache_dir`), where
  a pull request could commit entries. Every entry carries an HMAC made with a key
  kept outside the project (``~/.cache/followup-lint/cache-key``, created once with
  mode 0600), so an entry written or edited by anyone else counts as missing.
* **Links.** A cache folder (or entry) that is a symbolic link is never used: nothing is
  read through it or written through it.
* **Housekeeping.** Entries are JSON files written atomically; an entry that cannot be
  read, authenticated or validated is missing and rewritten. At most once a day, entries
  unused for :data:`MAX_AGE_DAYS` are removed, then the oldest until the cache is below
  :data:`MAX_BYTES`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pydantic import ValidationError

from followup_lint import __version__
from followup_lint.config import Config
from followup_lint.model import Context, Report

DEFAULT_CACHE_DIR = ".followup-lint-cache"
#: Entries not used for this many days are removed.
MAX_AGE_DAYS = 30
#: The cache is trimmed (oldest first) to below this many bytes.
MAX_BYTES = 64 * 1024 * 1024
#: Seconds between two prunings of one cache folder.
PRUNE_EVERY = 24 * 3600
_PRUNED_MARK = ".pruned"
#: Libraries whose version can change a report.
_LIBRARIES = ("spacy", "pyspellchecker", "pyphen", "pydantic")


def default_cache_dir(settings_file: Path | None, start: Path) -> Path:
    """Where the cache lives by default: beside the settings file, else at the git root
    above ``start``, else in ``start``."""
    if settings_file is not None:
        return settings_file.parent / DEFAULT_CACHE_DIR
    start = start.resolve()
    for directory in [start, *start.parents]:
        if (directory / ".git").exists():
            return directory / DEFAULT_CACHE_DIR
    return start / DEFAULT_CACHE_DIR


def _file_digest(path: Path) -> bytes:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError as exc:  # a file that vanished still changes the key
        return f"unreadable {exc.errno}".encode()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of the package's own files (code and data) and of the libraries' versions."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file() or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(_file_digest(path))
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}=={version}\0".encode())
    return digest.hexdigest()


@lru_cache(maxsize=16)
def _rules_digest(directories: tuple[str, ...]) -> str:
    """Digest of exactly the rule files loaded from ``directories``: each rule's TOML pack
    and the Python checks beside it (their bytes; a missing file counts as such)."""
    from followup_lint.packs.loading import load_rules

    digest = hashlib.sha256()
    for rule in load_rules([Path(d) for d in directories]):
        source = Path(str(rule.source))
        for path in (source, source.with_suffix(".py")):  # the pack and its checks
            digest.update(f"{rule.id}\0{path}\0".encode())
            digest.update(_file_digest(path))
    return digest.hexdigest()


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "followup-lint" / "cache-key"


@lru_cache(maxsize=1)
def local_key() -> bytes:
    """The secret that authenticates entries, kept outside any project; made on first use.

    When it cannot be read or made, a key for this process only is used (the cache then
    serves nothing a previous run wrote, but stays correct).
    """
    path = _key_file()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as stream:
            key = stream.read(65)
        if len(key) == 64:
            return key
    except OSError:
        pass
    key = secrets.token_hex(32).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(key)
    except FileExistsError:  # another process made it first: use theirs
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            if len(data) == 64 and not path.is_symlink():
                return data
    except OSError:
        pass
    return key


def _no_links(path: Path) -> bool:
    """True when ``path`` exists and is a real folder, not a link."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


class ResultCache:
    """Reports on disk, keyed by what they depend on and authenticated with a local key."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.writes = 0

    def key(self, text: str, config: Config, context: Context | None,
            rule_dirs: Iterable[Path] = ()) -> str:
        """The cache key of one lint."""
        from followup_lint.datafiles import rules_dir
        from followup_lint.nlp import model_version

        rules = _rules_digest(tuple(str(d) for d in (rules_dir(), *rule_dirs)))
        digest = hashlib.sha256()
        for part in (code_digest(), model_version(config.model), rules,
                     config.model_dump_json(), context.model_dump_json() if context else "",
                     text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    @staticmethod
    def _seal(key: str, body: bytes) -> bytes:
        return hmac.new(local_key(), key.encode() + b"\0" + body, "sha256").hexdigest().encode()

    def get(self, key: str) -> Report | None:
        """The cached report, or None (missing, unreadable, forged, corrupted or linked)."""
        path = self._path(key)
        report = None
        if _no_links(self.directory) and _no_links(path.parent):
            try:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                with os.fdopen(fd, "rb") as stream:
                    seal, _, body = stream.read().partition(b"\n")
                if hmac.compare_digest(seal, self._seal(key, body)):
                    report = Report.model_validate_json(body)
                    with contextlib.suppress(OSError):
                        os.utime(path)  # age counts from the last use
            except (OSError, ValueError, ValidationError):
                report = None
        return report

    def put(self, key: str, report: Report) -> None:
        """Store a report; a cache that cannot be written (or is a link) is skipped."""
        path = self._path(key)
        try:
            if not self.directory.exists() and not self.directory.is_symlink():
                self.directory.mkdir(parents=True)
                (self.directory / ".gitignore").write_text("*\n", encoding="utf-8")
            if not _no_links(self.directory):
                return
            if not path.parent.exists() and not path.parent.is_symlink():
                path.parent.mkdir()
            if not _no_links(path.parent):
                return
            body = report.model_dump_json().encode("utf-8")
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(self._seal(key, body) + b"\n" + body)
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
            self.writes += 1
        except OSError:
            return

    def prune(self, *, max_age_days: float = MAX_AGE_DAYS, max_bytes: int = MAX_BYTES,
              force: bool = False) -> int:
        """Remove old entries, then the oldest until below ``max_bytes``; returns how many.

        Runs at most once per :data:`PRUNE_EVERY` seconds unless ``force``.
        """
        if not _no_links(self.directory):
            return 0
        mark = self.directory / _PRUNED_MARK
        now = time.time()
        try:
            if not force and now - mark.stat().st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass
        entries = []
        for folder in self.directory.iterdir():
            if not _no_links(folder):
                continue
            for entry in folder.iterdir():
                with contextlib.suppress(OSError):
                    status = os.lstat(entry)
                    if stat.S_ISREG(status.st_mode):
                        entries.append((status.st_mtime, status.st_size, entry))
        entries.sort()
        total = sum(size for _, size, _ in entries)
        removed = 0
        for mtime, size, entry in entries:
            if now - mtime <= max_age_days * 86400 and total <= max_bytes:
                break
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
                total -= size
        with contextlib.suppress(OSError):
            mark.touch()
        return removed

