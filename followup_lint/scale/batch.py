"""``followup-lint batch``: lint a data set file partition by partition on a Dask cluster.

1. Plan (client): JSON Lines and CSV are converted once, streaming, to a Parquet file
   under ``DIR/_staged/`` (a CSV field may hold line breaks, so neither can be cut into
   byte ranges safely); Parquet is read where it is. The rows are cut into partitions
   of ``partition_rows`` rows, each a list of (file, row group, slice) pieces.
2. Lint (workers): each task reads its pieces, lints them (:func:`lint_table`) and
   writes ``DIR/findings/part-NNNNN.parquet`` then ``DIR/drafts/part-NNNNN.parquet``,
   each to a temporary name first and renamed, so a file is either whole or absent.
3. Rerun: a partition whose two files exist is skipped. ``DIR/_batch.json`` records the
   input and settings; a rerun with another input or other settings is refused.

The same input and settings give the same files, byte for byte: partitions and rows
keep the input order, the Parquet writer options are fixed, and no file holds a time.
Workers must see the input and ``DIR`` under the same paths as the client.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from followup_lint.errors import FollowupLintError
from followup_lint.scale.job import LintJob
from followup_lint.scale.tables import Columns, lint_table

PARQUET_SUFFIXES = (".parquet", ".pq")
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
CSV_SUFFIXES = (".csv",)
#: Rows per partition: about 15 s of linting on one core, small enough to retry cheaply.
DEFAULT_PARTITION_ROWS = 1000
MANIFEST = "_batch.json"
#: Fixed writer options: part of the byte-for-byte promise.
WRITE_OPTIONS: dict[str, Any] = {
    "compression": "zstd", "compression_level": 3, "use_dictionary": True,
    "write_statistics": True, "version": "2.6", "data_page_size": 1 << 20,
}


class BatchError(FollowupLintError):
    """The input cannot be read or the output folder belongs to another run."""


@dataclass(frozen=True)
class Piece:
    """Rows ``start:stop`` of one row group of one Parquet file."""

    path: str
    row_group: int
    start: int
    stop: int


@dataclass(frozen=True)
class Partition:
    index: int
    rows: int
    pieces: tuple[Piece, ...]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}.parquet"


@dataclass
class Summary:
    """What a batch run produced; ``linted``/``seconds`` cover this run only."""

    partitions: int = 0
    written: int = 0
    skipped: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)
    drafts: int = 0
    error_rows: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)
    linted: int = 0
    seconds: float = 0.0

    def add(self, stats: dict[str, Any]) -> None:
        self.drafts += stats["drafts"]
        self.error_rows += stats["error_rows"]
        self.findings.update(stats["findings"])
        self.verdicts.update(stats["verdicts"])


# -- planning (client) ---------------------------------------------------------------


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return hashlib.sha256(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()


def _parquet_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in PARQUET_SUFFIXES
                       and not any(part.startswith(("_", ".")) for part in
                                   p.relative_to(path).parts))
        if not files:
            raise BatchError(f"{path}: no Parquet files in this folder")
        return files
    return [path]


def _stage(path: Path, out: Path, partition_rows: int) -> Path:
    """A JSON Lines or CSV file converted to Parquet (once; reused by reruns)."""
    import pyarrow.csv as pacsv
    import pyarrow.json as pajson

    staged = out / "_staged" / f"input-{_fingerprint(path)[:16]}.parquet"
    if staged.exists():
        return staged
    staged.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary_name(staged)
    try:
        if path.suffix.lower() in CSV_SUFFIXES:
            reader = pacsv.open_csv(
                path, parse_options=pacsv.ParseOptions(newlines_in_values=True))
        else:
            reader = pajson.open_json(path)
        writer = None
        for batch in reader:
            if writer is None:
                writer = pq.ParquetWriter(temporary, batch.schema, **WRITE_OPTIONS)
            writer.write_table(pa.Table.from_batches([batch]), row_group_size=partition_rows)
        if writer is None:
            raise BatchError(f"{path}: the file holds no rows")
        writer.close()
        os.replace(temporary, staged)
    except (pa.ArrowException, OSError, UnicodeDecodeError) as exc:
        raise BatchError(f"{path}: cannot read: {exc}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return staged


def plan(input_path: Path, out: Path, partition_rows: int = DEFAULT_PARTITION_ROWS
         ) -> tuple[list[str], list[Partition], str]:
    """(input column names, partitions, input fingerprint) for a data set file or folder."""
    if partition_rows < 1:
        raise BatchError(f"partition rows must be at least 1, got {partition_rows}")
    if not input_path.exists():
        raise BatchError(f"{input_path}: no such file or folder")
    suffix = input_path.suffix.lower()
    if input_path.is_dir() or suffix in PARQUET_SUFFIXES:
        files = _parquet_files(input_path)
        fingerprint = hashlib.sha256("".join(_fingerprint(f) for f in files).encode())
        fingerprint_text = fingerprint.hexdigest()
    elif suffix in JSON_SUFFIXES + CSV_SUFFIXES:
        fingerprint_text = _fingerprint(input_path)
        files = [_stage(input_path, out, partition_rows)]
    else:
        raise BatchError(f"{input_path}: unknown input format; use Parquet "
                         f"({', '.join(PARQUET_SUFFIXES)}), JSON Lines "
                         f"({', '.join(JSON_SUFFIXES)}) or CSV (.csv)")
    try:
        metas = [(str(f), pq.ParquetFile(f).metadata) for f in files]
        names = pq.read_schema(files[0]).names
    except (pa.ArrowException, OSError) as exc:
        raise BatchError(f"{input_path}: cannot read as Parquet: {exc}") from None
    partitions: list[Partition] = []
    pieces: list[Piece] = []
    rows = 0
    for file_path, meta in metas:
        for group in range(meta.num_row_groups):
            size, start = meta.row_group(group).num_rows, 0
            while start < size:
                take = min(size - start, partition_rows - rows)
                pieces.append(Piece(file_path, group, start, start + take))
                rows += take
                start += take
                if rows == partition_rows:
                    partitions.append(Partition(len(partitions), rows, tuple(pieces)))
                    pieces, rows = [], 0
    if pieces:
        partitions.append(Partition(len(partitions), rows, tuple(pieces)))
    return names, partitions, fingerprint_text


def _check_manifest(out: Path, record: dict[str, Any]) -> None:
    path = out / MANIFEST
    if path.exists():
        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = None
        if previous != record:
            raise BatchError(
                f"{out} holds results of another input or other settings ({MANIFEST} "
                "differs); use a new --out folder or delete this one")
        return
    _write_atomically(path, json.dumps(record, indent=2, sort_keys=True).encode() + b"\n")


# -- a partition (worker) ------------------------------------------------------------


def _temporary_name(path: Path) -> Path:
    """A unique hidden name next to ``path`` (readers of the data set skip dot files)."""
    return path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"


def _write_atomically(path: Path, data: bytes | pa.Table) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary_name(path)
    try:
        if isinstance(data, bytes):
            temporary.write_bytes(data)
        else:
            pq.write_table(data, temporary, **WRITE_OPTIONS)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _read(partition: Partition, names: Sequence[str]) -> pa.Table:
    tables = []
    files: dict[str, pq.ParquetFile] = {}
    for piece in partition.pieces:
        source = files.get(piece.path) or files.setdefault(piece.path, pq.ParquetFile(piece.path))
        group = source.read_row_group(piece.row_group, columns=list(names))
        tables.append(group.slice(piece.start, piece.stop - piece.start))
    return pa.concat_tables(tables, promote_options="permissive")


def _stats(findings: pa.Table, drafts: pa.Table) -> dict[str, Any]:
    errors = drafts.column("error").to_pylist()
    return {
        "drafts": drafts.num_rows,
        "error_rows": sum(e is not None for e in errors),
        "findings": dict(Counter(findings.column("rule").to_pylist())),
        "verdicts": dict(Counter(v for v in drafts.column("verdict").to_pylist() if v)),
    }


def run_partition(partition: Partition, columns: Columns, job: LintJob, out: str
                  ) -> dict[str, Any]:
    """Read, lint and write one partition; returns its counts (runs on a worker)."""
    findings, drafts = lint_table(_read(partition, columns.needed), columns, job)
    _write_atomically(Path(out) / "findings" / partition.name, findings)
    _write_atomically(Path(out) / "drafts" / partition.name, drafts)
    return _stats(findings, drafts)


def _remove_leftovers(out: Path) -> None:
    """Temporary files of a worker that died while writing (no task of this run is live)."""
    for table in ("findings", "drafts"):
        for leftover in (out / table).glob(".part-*.tmp"):
            leftover.unlink(missing_ok=True)


def _done(out: Path, partition: Partition) -> bool:
    return all((out / table / partition.name).is_file() for table in ("findings", "drafts"))


def _stats_of_written(out: Path, partition: Partition) -> dict[str, Any]:
    return _stats(pq.read_table(out / "findings" / partition.name, columns=["rule"]),
                  pq.read_table(out / "drafts" / partition.name, columns=["verdict", "error"]))


# -- the run (client) ----------------------------------------------------------------


def run_batch(
    client: Any,
    input_path: Path,
    out: Path,
    *,
    job: LintJob,
    text_column: str = "text",
    id_column: str = "id",
    context_columns: dict[str, str] | None = None,
    auto_context: bool = True,
    partition_rows: int = DEFAULT_PARTITION_ROWS,
    on_plan: Callable[[list[Partition]], None] | None = None,
    on_partition: Callable[[Partition, bool], None] | None = None,
) -> Summary:
    """Lint ``input_path`` into ``out`` on ``client``'s cluster; returns the summary.

    ``client`` is a ``distributed.Client``, or a function returning one: it is then
    called only if some partition is left to lint (a finished rerun starts no cluster).

    ``on_plan(partitions)`` is called once the input is planned, and
    ``on_partition(partition, skipped)`` as each partition is found written or
    finishes (for a progress bar). A partition whose task fails is listed in
    ``Summary.failed``; the others are still written, and a rerun retries the failed ones.
    """
    from distributed import as_completed

    input_path, out = input_path.resolve(), out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    names, partitions, fingerprint = plan(input_path, out, partition_rows)
    try:
        columns = Columns.resolve(names, text=text_column, id=id_column,
                                  context=context_columns, auto_context=auto_context)
    except ValueError as exc:
        raise BatchError(f"{input_path}: {exc}") from None
    _check_manifest(out, {
        "input": fingerprint, "settings": job.output_digest, "partition_rows": partition_rows,
        "partitions": len(partitions), "columns": [columns.id, columns.text,
                                                   [list(c) for c in columns.context]],
    })
    _remove_leftovers(out)
    summary = Summary(partitions=len(partitions))
    if on_plan:
        on_plan(partitions)
    todo = []
    for partition in partitions:
        if _done(out, partition):
            summary.skipped += 1
            summary.add(_stats_of_written(out, partition))
            if on_partition:
                on_partition(partition, True)
        else:
            todo.append(partition)
    started = time.perf_counter()
    if todo and callable(client) and not hasattr(client, "submit"):
        client = client()
    futures = {
        client.submit(run_partition, p, columns, job, str(out), pure=False, retries=1,
                      key=f"followup-lint-{job.output_digest[:12]}-{fingerprint[:8]}-{p.index}"): p
        for p in todo
    }
    for future in as_completed(futures) if futures else ():
        partition = futures[future]
        try:
            stats = future.result()
        except Exception as exc:  # noqa: BLE001 - report it; the rerun retries the partition
            summary.failed.append((partition.index, f"{type(exc).__name__}: {exc}"))
        else:
            summary.written += 1
            summary.linted += stats["drafts"]
            summary.add(stats)
        if on_partition:
            on_partition(partition, False)
        future.release()
    summary.seconds = time.perf_counter() - started
    summary.failed.sort()
    return summary
