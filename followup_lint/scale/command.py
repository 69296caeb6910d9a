"""``followup-lint batch INPUT --out DIR``: arguments, the cluster, progress and summary.

Exit codes: 0 every partition written; 2 usage, input or settings errors, or some
partitions failed (the others are written; rerun the same command to retry them).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERROR = 0, 2
EXTRA_HINT = "followup-lint batch needs the dask extra: pip install 'followup-lint[dask]'"


def _parser() -> argparse.ArgumentParser:
    from followup_lint.flags import positive_int as _positive_int

    parser = argparse.ArgumentParser(
        prog="followup-lint batch",
        description="Lint a data set of drafts (Parquet, JSON Lines or CSV) on a Dask "
        "cluster; writes the Parquet data sets DIR/findings/ and DIR/drafts/.")
    parser.add_argument("input", metavar="INPUT",
                        help="a .parquet file or folder of them, a .jsonl or a .csv file")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder")
    parser.add_argument("--text-column", default="text", metavar="NAME")
    parser.add_argument("--id-column", default="id", metavar="NAME")
    parser.add_argument("--context-column", action="append", default=[],
                        metavar="FIELD=COLUMN",
                        help="fill a Context field (company, role, interviewers, topics, kind, "
                        "interview_at, sent_at, ...) from a column; columns named like a "
                        "field are used without this")
    parser.add_argument("--no-auto-context", action="store_true",
                        help="use only the --context-column mappings")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                       help="start a local cluster of N worker processes (default 1)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="use an existing Dask cluster (tcp://host:8786)")
    parser.add_argument("--partition-rows", type=_positive_int, metavar="N",
                        help="drafts per partition (default 1000)")
    parser.add_argument("--batch-size", type=_positive_int, default=32, metavar="N",
                        help="drafts per nlp.pipe batch inside a partition")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="let the workers use the result cache in DIR (off by default)")
    parser.add_argument("--config", metavar="FILE", help="settings file")
    parser.add_argument("--mode", choices=["draft", "template"])
    parser.add_argument("--select", action="append", metavar="RULES")
    parser.add_argument("--ignore", action="append", metavar="RULES")
    parser.add_argument("--model")
    parser.add_argument("--preview", action="store_true",
                        help="also run rules in preview (new, not yet trusted)")
    parser.add_argument("--vocabulary", action="append", metavar="WORDS")
    parser.add_argument("--no-excerpts", action="store_true",
                        help="keep the drafts' own words out of the findings")
    parser.add_argument("--max-chars", type=_positive_int, metavar="N",
                        help="longer drafts become error rows (default 2,000,000)")
    show = parser.add_mutually_exclusive_group()
    show.add_argument("--progress", action="store_true",
                      help="show the progress bar even when stderr is not a terminal")
    show.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    return parser


def _context_columns(values: list[str]) -> dict[str, str]:
    mapping = {}
    for value in values:
        field_name, sep, column = value.partition("=")
        if not sep or not field_name.strip() or not column.strip():
            raise ValueError(f"--context-column takes FIELD=COLUMN, got {value!r}")
        mapping[field_name.strip()] = column.strip()
    return mapping


def _client(args: argparse.Namespace) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _print_summary(summary: Any, out: Path) -> None:
    print(f"followup-lint batch: {summary.drafts:,} drafts in {summary.partitions} "
          f"partitions ({summary.written} written, {summary.skipped} already there, "
          f"{len(summary.failed)} failed) -> {out}")
    rate = summary.linted / summary.seconds if summary.seconds else 0.0
    print(f"linted now: {summary.linted:,} drafts in {summary.seconds:.1f} s "
          f"({rate:.1f} drafts/s)")
    verdicts = ", ".join(f"{v} {n:,}" for v, n in sorted(summary.verdicts.items()))
    print(f"verdicts: {verdicts or 'none'}; drafts not linted (error rows): "
          f"{summary.error_rows:,}")
    print(f"findings: {sum(summary.findings.values()):,}")
    width = max((len(r) for r in summary.findings), default=0)
    for rule, count in sorted(summary.findings.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {rule:<{width}}  {count:,}")


def main(argv: Sequence[str]) -> int:
    """Run ``followup-lint batch``; returns the exit code."""
    args = _parser().parse_args(list(argv))
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print(f"followup-lint: {EXTRA_HINT}", file=sys.stderr)
        return EXIT_ERROR
    from followup_lint.errors import FollowupLintError
    from followup_lint.flags import effective_settings as _effective
    from followup_lint.scale.batch import DEFAULT_PARTITION_ROWS, run_batch
    from followup_lint.scale.job import LintJob
    from followup_lint.settings import SettingsResolver

    args.fail_on = None
    try:
        resolver = SettingsResolver(Path(args.config) if args.config else None)
        settings = _effective(resolver.for_path(args.input), args)
        job = LintJob.create(settings.config, rule_dirs=settings.rule_dirs,
                             batch_size=args.batch_size, cache_dir=args.cache_dir)
        context_columns = _context_columns(args.context_column)
    except FollowupLintError as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ValueError as exc:
        print(f"followup-lint: invalid option: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if not Path(args.input).exists():  # before paying for a cluster
        print(f"followup-lint: {args.input}: no such file or folder", file=sys.stderr)
        return EXIT_ERROR
    out = Path(args.out)
    bar = None
    client = cluster = None
    show_bar = not args.quiet and (args.progress or sys.stderr.isatty())

    def connect() -> Any:
        nonlocal client, cluster
        client, cluster = _client(args)
        return client

    def on_plan(partitions: list[Any]) -> None:
        nonlocal bar
        if show_bar:
            from tqdm import tqdm

            bar = tqdm(total=sum(p.rows for p in partitions), unit="drafts",
                       desc="followup-lint batch", file=sys.stderr)

    def on_partition(partition: Any, skipped: bool) -> None:
        if bar is not None:
            bar.update(partition.rows)

    try:
        summary = run_batch(
            connect, Path(args.input), out, job=job, text_column=args.text_column,
            id_column=args.id_column, context_columns=context_columns,
            auto_context=not args.no_auto_context,
            partition_rows=args.partition_rows or DEFAULT_PARTITION_ROWS,
            on_plan=on_plan, on_partition=on_partition)
    except FollowupLintError as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"followup-lint: cannot reach the cluster or the files: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("followup-lint: interrupted; rerun the same command to finish the missing "
              "partitions", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    if not args.quiet:
        _print_summary(summary, out)
    for index, reason in summary.failed:
        print(f"followup-lint: partition {index} failed: {reason}", file=sys.stderr)
    if summary.failed:
        print("followup-lint: rerun the same command to retry the failed partitions",
              file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK
