"""Benchmark the Dask batch: 1 and 2 local workers against in-process ``lint_many``.

    python benchmarks/scale.py                 # 20,000 generated drafts (about 15 min on 2 cores)
    python benchmarks/scale.py --n 2000        # a quick check of the script
    python benchmarks/scale.py --json          # a JSON object instead of the tables

In one run, on the same drafts (``make_drafts(n)`` written to one Parquet file):

* ``in-process`` -- ``Linter().lint_many(texts)`` in this process, after a warm-up;
* ``1 worker`` / ``2 workers`` -- ``run_batch`` on a ``LocalCluster`` of 1 or 2 worker
  processes (one thread each), from Parquet to the two Parquet data sets; the clock
  starts once the workers have loaded the model, so it measures the steady state
  (start-up is reported apart);
* ``scheduler`` -- the round trip of 1,000 no-op tasks on the 2-worker cluster;
* memory -- RSS of every worker sampled about ten times during its run, and its peak.

Needs the dask extra (``pip install -e ".[dask]"``). Needs 2 free cores for fair
figures: the load average before each part is printed with it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from drafts import make_drafts  # noqa: E402


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _rss() -> dict[str, int]:
    """This process's current and peak RSS, in bytes (run on a worker)."""
    import resource

    import psutil

    return {"rss": psutil.Process().memory_info().rss,
            "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def _warm(job: Any) -> int:
    """Build this worker's Linter and load the model (run on a worker)."""
    from followup_lint.scale.job import linter_for

    linter, _, _ = linter_for(job)
    linter.lint("Dear Lena,\n\nThank you for the tour.\n\nBest,\nSam")
    return os.getpid()


def _noop(i: int) -> int:
    return i


def in_process(texts: list[str], batch_size: int) -> dict[str, Any]:
    from followup_lint import Linter

    linter = Linter()
    list(linter.lint_many(texts[:64], batch_size=batch_size))  # warm-up: model, caches
    load = _load()
    started = time.perf_counter()
    count = sum(1 for _ in linter.lint_many(texts, batch_size=batch_size))
    seconds = time.perf_counter() - started
    return {"drafts": count, "seconds": round(seconds, 2),
            "docs_per_s": round(count / seconds, 1), "load_before": load}


def on_cluster(workers: int, source: Path, out: Path, partition_rows: int,
               batch_size: int, n: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from followup_lint.scale.batch import run_batch
    from followup_lint.scale.job import LintJob

    load = _load()
    started = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        job = LintJob.create(batch_size=batch_size)
        client.run(_warm, job)
        startup = time.perf_counter() - started
        samples: list[dict[str, dict[str, int]]] = []
        every = max(1, (n // partition_rows) // 10)
        done = [0]

        def sample(partition: Any, skipped: bool) -> None:
            done[0] += 1
            if done[0] % every == 0:
                samples.append(client.run(_rss))

        summary = run_batch(client, source, out, job=job, partition_rows=partition_rows,
                            on_partition=sample)
        assert not summary.failed, summary.failed
        result: dict[str, Any] = {
            "workers": workers, "drafts": summary.linted, "seconds": round(summary.seconds, 2),
            "docs_per_s": round(summary.linted / summary.seconds, 1),
            "startup_s": round(startup, 2), "load_before": load,
            "partitions": summary.partitions,
        }
        per_worker: dict[str, list[int]] = {}
        for snapshot in samples:
            for address, values in snapshot.items():
                per_worker.setdefault(address, []).append(values["rss"])
        final = client.run(_rss)
        result["rss_mb"] = [[round(r / 2**20) for r in series] for series in per_worker.values()]
        result["peak_rss_mb"] = [round(v["peak"] / 2**20) for v in final.values()]
        if workers == 2:
            tasks = 1000
            begin = time.perf_counter()
            client.gather(client.map(_noop, range(tasks), pure=False))
            result["scheduler_ms_per_task"] = round(
                (time.perf_counter() - begin) * 1000 / tasks, 3)
        result["output_bytes"] = sum(p.stat().st_size for table in ("findings", "drafts")
                                     for p in (out / table).glob("*.parquet"))
        return result
    finally:
        client.close()
        cluster.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="number of drafts")
    parser.add_argument("--partition-rows", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = make_drafts(args.n)
    results: dict[str, Any] = {
        "n": args.n, "partition_rows": args.partition_rows, "batch_size": args.batch_size,
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "characters": sum(map(len, texts)),
    }
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "drafts.parquet"
        pq.write_table(pa.table({"id": list(range(args.n)), "text": texts}), source)
        results["in_process"] = in_process(texts, args.batch_size)
        for workers in (1, 2):
            results[f"workers_{workers}"] = on_cluster(
                workers, source, Path(folder) / f"out{workers}", args.partition_rows,
                args.batch_size, args.n)
        one, two = results["workers_1"], results["workers_2"]
        results["identical_output"] = all(
            (Path(folder) / "out1" / rel).read_bytes() == (Path(folder) / "out2" / rel).read_bytes()
            for rel in (p.relative_to(Path(folder) / "out1")
                        for table in ("findings", "drafts")
                        for p in (Path(folder) / "out1" / table).glob("*.parquet")))
    results["two_over_one"] = round(two["docs_per_s"] / one["docs_per_s"], 2)
    results["one_over_in_process"] = round(one["docs_per_s"]
                                           / results["in_process"]["docs_per_s"], 2)
    results["load_after"] = _load()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{args.n:,} drafts ({results['characters']:,} characters), partitions of "
          f"{args.partition_rows} rows, nlp.pipe batches of {args.batch_size}\n")
    print("| contender | docs/s | seconds | start-up s | load before |")
    print("|---|---|---|---|---|")
    ip = results["in_process"]
    print(f"| in-process `lint_many` | {ip['docs_per_s']} | {ip['seconds']} | - | "
          f"{ip['load_before']} |")
    for result in (one, two):
        print(f"| `run_batch`, {result['workers']} worker(s) | {result['docs_per_s']} | "
              f"{result['seconds']} | {result['startup_s']} | {result['load_before']} |")
    print(f"\n2 workers / 1 worker: {results['two_over_one']}x; "
          f"1 worker / in-process: {results['one_over_in_process']}x; "
          f"identical output from 1 and 2 workers: {results['identical_output']}")
    print(f"scheduler round trip: {two['scheduler_ms_per_task']} ms per no-op task")
    print(f"output: {one['output_bytes']:,} bytes of Parquet "
          f"({one['output_bytes'] / args.n:.0f} bytes per draft)")
    for result in (one, two):
        print(f"RSS MB per worker, {result['workers']} worker(s), sampled during the run: "
              f"{result['rss_mb']}; peak {result['peak_rss_mb']}")
    print(f"load average after: {results['load_after']}")


if __name__ == "__main__":
    main()
