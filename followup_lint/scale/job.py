"""What every task needs to lint: the Config and the rule packs, validated once on the client.

A :class:`LintJob` is small (the Config as JSON and the bytes of any extra rule pack
files) and is shipped with each task. On a worker, :func:`linter_for` builds one
Linter per worker process and job digest on first use and hands the same one to every
later partition: the spaCy model loads once per process, and the Linter itself is
never pickled.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint import __version__
from followup_lint.config import Config
from followup_lint.errors import FollowupLintError

if TYPE_CHECKING:
    from followup_lint.cache import ResultCache
    from followup_lint.engine import Linter


class WorkerMismatchError(FollowupLintError):
    """A worker runs another followup-lint version (or other shipped rules) than the client."""


def _shipped_rules_digest() -> str:
    from followup_lint.datafiles import rules_dir

    return _digest_files(_rule_files(rules_dir()))


def _rule_files(directory: Path) -> tuple[tuple[str, bytes], ...]:
    """Every rule pack file (TOML pack and Python module) under ``directory`` as
    (relative path, bytes), sorted."""
    return tuple((p.relative_to(directory).as_posix(), p.read_bytes())
                 for p in sorted([*directory.glob("*/*.toml"), *directory.glob("*/*.py")]))


def _digest_files(files: Iterable[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class LintJob:
    """The settings of a data-set lint, as they travel to the workers.

    Build it with :meth:`LintJob.create` (which validates everything on the client).
    ``cache_dir``: use the result cache there on the workers (off by default: a data
    set is rarely linted twice with the same settings, and the cache costs a file per
    draft).
    """

    config_json: str
    rule_packs: tuple[tuple[tuple[str, bytes], ...], ...] = ()
    version: str = __version__
    shipped_rules: str = ""
    batch_size: int = 32
    cache_dir: str | None = None
    digest: str = field(default="", compare=False)

    @classmethod
    def create(cls, config: Config | None = None, *, rule_dirs: Iterable[Path] = (),
               batch_size: int = 32, cache_dir: str | Path | None = None) -> LintJob:
        """Validate the settings here, once (bad rule packs or rule names raise now)."""
        from followup_lint.datafiles import rules_dir
        from followup_lint.engine import Linter

        config = config or Config()
        extra = [Path(d) for d in rule_dirs]
        Linter(config, rule_dirs=[rules_dir(), *extra] if extra else None)  # validates
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        job = cls(
            config_json=config.model_dump_json(),
            rule_packs=tuple(_rule_files(d) for d in extra),
            shipped_rules=_shipped_rules_digest(),
            batch_size=batch_size,
            cache_dir=None if cache_dir is None else str(cache_dir),
        )
        return job.with_digest()

    def with_digest(self) -> LintJob:
        digest = hashlib.sha256()
        for part in (self.config_json, self.version, self.shipped_rules, str(self.batch_size),
                     self.cache_dir or "", *(_digest_files(p) for p in self.rule_packs)):
            digest.update(part.encode() + b"\0")
        return LintJob(self.config_json, self.rule_packs, self.version, self.shipped_rules,
                       self.batch_size, self.cache_dir, digest.hexdigest())

    @property
    def output_digest(self) -> str:
        """Digest of what decides the output (not the batch size or the cache)."""
        digest = hashlib.sha256()
        for part in (self.config_json, self.version, self.shipped_rules,
                     *(_digest_files(p) for p in self.rule_packs)):
            digest.update(part.encode() + b"\0")
        return digest.hexdigest()

    @property
    def config(self) -> Config:
        return Config.model_validate_json(self.config_json)


# -- on the worker -------------------------------------------------------------------

_linters: dict[str, Linter] = {}
_job_locks: dict[str, threading.Lock] = {}
_caches: dict[str, ResultCache | None] = {}
_rule_roots: dict[str, list[Path]] = {}
_lock = threading.Lock()
#: How many Linters this process has built (read by the tests and the benchmark).
builds = 0


def _unpack_rules(job: LintJob) -> list[Path]:
    """Write the shipped rule packs to a private folder of this process, once per job."""
    roots = []
    base = Path(tempfile.mkdtemp(prefix=f"followup-lint-rules-{job.digest[:12]}-"))
    for index, files in enumerate(job.rule_packs):
        root = base / str(index)
        for name, data in files:
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        roots.append(root)
    return roots


def linter_for(job: LintJob) -> tuple[Linter, ResultCache | None, threading.Lock]:
    """This process's Linter (and result cache) for ``job``, built on first use."""
    global builds
    with _lock:
        linter = _linters.get(job.digest)
        if linter is None:
            if job.version != __version__ or job.shipped_rules != _shipped_rules_digest():
                raise WorkerMismatchError(
                    f"worker pid {os.getpid()} runs followup-lint {__version__} with other "
                    f"shipped rules or version than the client ({job.version}); install the "
                    "same followup-lint on the client and every worker")
            from followup_lint.datafiles import rules_dir
            from followup_lint.engine import Linter

            roots = _unpack_rules(job) if job.rule_packs else []
            linter = Linter(job.config, rule_dirs=[rules_dir(), *roots] if roots else None)
            _rule_roots[job.digest] = roots
            cache = None
            if job.cache_dir is not None:
                from followup_lint.cache import ResultCache

                cache = ResultCache(Path(job.cache_dir))
            _linters[job.digest], _caches[job.digest] = linter, cache
            builds += 1
        return linter, _caches[job.digest], _job_locks.setdefault(job.digest, threading.Lock())


def rule_roots(job: LintJob) -> list[Path]:
    """The extra rule folders of ``job`` in this process (for the result cache key)."""
    return _rule_roots.get(job.digest, [])


def worker_state() -> dict[str, int]:
    """Linters held and built by this process (``client.run(worker_state)`` in tests)."""
    return {"pid": os.getpid(), "linters": len(_linters), "builds": builds}
