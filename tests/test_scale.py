"""Linting a data set on Dask: a real LocalCluster with 2 worker processes, small data.

The batch output must equal ``Linter.lint_many`` on the same drafts, be the same from
Parquet, JSON Lines and CSV, survive a worker process killed mid-run, skip what a
previous run wrote, and turn bad drafts into error rows.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import dask
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster
from rulepacks import write_rule

from followup_lint import Config, Context
from followup_lint.scale import FINDINGS_SCHEMA, LintJob, lint_frame
from followup_lint.scale.batch import BatchError, run_batch
from followup_lint.scale.job import worker_state

N_DRAFTS = 160
PARTITION_ROWS = 40
MARKER = "KABOOM"

OPENERS = ["Dear {name},", "Hi {name},", "Hello {name},", "hey {name}!!"]
SENTENCES = [
    "Thank you for meeting with me on {day} about the {role} opening.",
    "thx so much for the chat yesterday!!",
    "I enjoyed hearing how your team plans the {topic} work next quarter.",
    "Our talk about {topic} made me even more keen on the role.",
    "I am a hard worker and a team player who thinks outside the box.",
    "Please let me know by Friday whether I got the job.",
    "I beleive my background in logistics fits the role well.",
    "If there is anything else you need from me, I am happy to send it.",
    "I look forward to hearing about next steps.",
    "I wanted to follow up on my application for the {role} role.",
]
CLOSINGS = ["Best regards,\nSam Ortiz", "Thanks,\nPriya", "Cheers,\nJo", "Sincerely,\nAlex Kim"]
NAMES = ["Ms. Okafor", "Daniel", "Mr. Brandt", "Lena"]
ROLES = ["data analyst", "nurse manager", "backend engineer", "store lead"]
TOPICS = ["inventory forecasting", "patient intake", "the billing migration", "staff rotas"]


def _rows(n: int) -> list[dict]:
    """Drafts with ids and some context columns (filled on some rows only)."""
    rng = random.Random(12)
    rows = []
    for i in range(n):
        slots = {"name": rng.choice(NAMES), "role": rng.choice(ROLES),
                 "topic": rng.choice(TOPICS), "day": rng.choice(["Monday", "Tuesday"])}
        body = " ".join(s.format(**slots) for s in rng.sample(SENTENCES, rng.randint(2, 5)))
        text = f"{rng.choice(OPENERS).format(**slots)}\n\n{body}\n\n{rng.choice(CLOSINGS)}\n"
        rows.append({
            "id": i, "text": text,
            "company": "Northwind Clinics" if i % 3 == 0 else None,
            "topics": [slots["topic"], "pay bands"] if i % 5 == 0 else None,
            "kind": "reminder" if i % 7 == 0 else None,
        })
    return rows


def _context(row: dict) -> Context | None:
    fields = {k: row[k] for k in ("company", "topics", "kind") if row[k] is not None}
    return Context(**fields) if fields else None


# The pack's Python check travels to the workers with the pack (LintJob ships both).
EXPLODING_MODULE = f"""
from followup_lint.rule import RuleOptions

NEEDS = frozenset()


class Options(RuleOptions):
    pass


def check(draft, options):
    if {MARKER!r} in draft.text:
        raise RuntimeError("boom on purpose")
    return iter(())
"""


@pytest.fixture(scope="module")
def client():
    """A real local cluster: 2 worker processes, one thread each; always closed."""
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> dict:
    """The same drafts as Parquet, JSON Lines and CSV, and the reference batch output."""
    folder = tmp_path_factory.mktemp("scale-data")
    rows = _rows(N_DRAFTS)
    parquet = folder / "drafts.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet, row_group_size=64)
    jsonl = folder / "drafts.jsonl"
    jsonl.write_text("".join(json.dumps({k: v for k, v in r.items() if v is not None}) + "\n"
                             for r in rows), encoding="utf-8")
    csv_path = folder / "drafts.csv"  # the first partition only: CSV costs one more lint
    with csv_path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows[:PARTITION_ROWS]:
            writer.writerow({**row, "topics": ", ".join(row["topics"] or [])})
    return {"rows": rows, "parquet": parquet, "jsonl": jsonl, "csv": csv_path}


@pytest.fixture(scope="module")
def reference(client, data, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scale-reference") / "out"
    summary = run_batch(client, data["parquet"], out, job=LintJob.create(),
                        partition_rows=PARTITION_ROWS)
    assert summary.written == summary.partitions == N_DRAFTS // PARTITION_ROWS
    assert not summary.failed
    return out


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for table in ("findings", "drafts") for p in sorted((out / table).iterdir())}


def _table(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / name).to_pylist()


def test_batch_from_parquet_equals_lint_many(client, data, reference, linter) -> None:
    rows = data["rows"]
    reports = list(linter.lint_many([r["text"] for r in rows], [_context(r) for r in rows]))
    drafts = _table(reference, "drafts")
    findings = _table(reference, "findings")
    assert [d["id"] for d in drafts] == [str(r["id"]) for r in rows]
    assert sorted(_files(reference)) == [
        f"{t}/part-{i:05d}.parquet" for t in ("drafts", "findings") for i in range(4)]
    for draft, report in zip(drafts, reports):
        assert draft["error"] is None
        assert (draft["verdict"], draft["score"], draft["kind"], draft["findings"]) == (
            report.verdict, report.score, report.kind, len(report.findings))
        assert draft["words"] == report.metrics.words
    expected = [
        (str(r["id"]), f.rule, f.severity.value, f.message, f.start, f.end, f.line, f.column,
         f.excerpt, [s.replacement for s in f.suggestions])
        for r, report in zip(rows, reports) for f in report.findings
    ]
    got = [(f["id"], f["rule"], f["severity"], f["message"], f["start"], f["end"], f["line"],
            f["column"], f["excerpt"], [s["replacement"] for s in json.loads(f["suggestions"])])
           for f in findings]
    assert got == expected
    assert {"casual-tone", "spelling", "pushy-phrasing"} <= {f[1] for f in got}
    # The context columns reached the linter: the kind column overrides the inferred kind.
    assert [d["kind_inferred"] for d in drafts] == [r["kind"] is None for r in rows]
    # One Linter per worker process, never rebuilt for a later partition.
    states = client.run(worker_state)
    assert all(s["builds"] == s["linters"] >= 1 for s in states.values())


def test_json_lines_and_csv_give_the_same_files(client, data, reference, tmp_path) -> None:
    out = tmp_path / "jsonl"
    summary = run_batch(client, data["jsonl"], out, job=LintJob.create(),
                        partition_rows=PARTITION_ROWS)
    assert not summary.failed and summary.drafts == N_DRAFTS
    assert _files(out) == _files(reference)
    # CSV (drafts with line breaks inside quoted fields; lists as comma-separated text).
    out = tmp_path / "csv"
    summary = run_batch(client, data["csv"], out, job=LintJob.create(),
                        partition_rows=PARTITION_ROWS)
    assert not summary.failed and summary.drafts == PARTITION_ROWS
    first = {name: data for name, data in _files(reference).items() if "part-00000" in name}
    assert _files(out) == first


def test_a_killed_worker_is_retried_and_the_output_is_complete(client, data, reference,
                                                                 tmp_path) -> None:
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed = []

    def kill_once(partition, skipped) -> None:
        if not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(partition.index)

    out = tmp_path / "out"
    summary = run_batch(client, data["parquet"], out, job=LintJob.create(),
                        partition_rows=PARTITION_ROWS, on_partition=kill_once)
    assert killed and not summary.failed and summary.written == summary.partitions
    assert victim not in client.run(os.getpid).values()
    assert _files(out) == _files(reference)


def test_a_rerun_writes_only_the_missing_partitions(client, data, reference, tmp_path) -> None:
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    # An interruption: partition 1 was never written, partition 3 died between its files.
    for name in ("findings/part-00001.parquet", "drafts/part-00001.parquet",
                 "drafts/part-00003.parquet"):
        (out / name).unlink()
    (out / "findings" / ".part-00001.parquet.dead.tmp").write_bytes(b"half a file")
    before = {name: (out / name).stat().st_mtime_ns for name in _files(out)}
    summary = run_batch(client, data["parquet"], out, job=LintJob.create(),
                        partition_rows=PARTITION_ROWS)
    assert (summary.written, summary.skipped, summary.failed) == (2, 2, [])
    assert summary.linted == 2 * PARTITION_ROWS and summary.drafts == N_DRAFTS
    after = {name: (out / name).stat().st_mtime_ns for name in _files(out)}
    rewritten = {name for name in after if before.get(name) != after[name]}
    assert rewritten == {"findings/part-00001.parquet", "drafts/part-00001.parquet",
                         "findings/part-00003.parquet", "drafts/part-00003.parquet"}
    assert _files(out) == _files(reference)
    assert not list((out / "findings").glob(".*"))
    # Other settings over the same folder are refused before anything is linted.
    with pytest.raises(BatchError, match="another input or other settings"):
        run_batch(client, data["parquet"], out, job=LintJob.create(Config(mode="template")),
                  partition_rows=PARTITION_ROWS)


def test_bad_drafts_become_error_rows_and_the_partition_is_kept(client, tmp_path) -> None:
    rules = write_rule(tmp_path / "rules", "exploding-on-marker", module=EXPLODING_MODULE)
    good = "Dear Lena,\n\nThank you for the tour of the warehouse.\n\nBest,\nSam\n"
    texts = [good.encode(), f"Hi Lena,\n\nthx!! {MARKER}\n\nSam\n".encode(), b"\xff\xfe\x00bad",
             None, ("Thank you for the interview. " * 200).encode(), good.encode()]
    table = pa.table({"id": [f"r{i}" for i in range(len(texts))],
                      "text": pa.array(texts, pa.binary()),
                      "kind": [None, None, None, None, None, "letter"]})
    source = tmp_path / "hostile.parquet"
    pq.write_table(table, source)
    job = LintJob.create(Config(max_chars=3000), rule_dirs=[rules])
    out = tmp_path / "out"
    summary = run_batch(client, source, out, job=job, partition_rows=3)
    assert not summary.failed and summary.drafts == len(texts)
    drafts = {d["id"]: d for d in _table(out, "drafts")}
    assert drafts["r0"]["error"] is None and drafts["r0"]["verdict"] is not None
    assert drafts["r1"]["error"] is None and drafts["r1"]["verdict"] == "do-not-send"
    assert drafts["r2"]["error"].startswith("undecodable: not valid UTF-8")
    assert drafts["r3"]["error"].startswith("no text")
    assert drafts["r4"]["error"].startswith(f"oversized: {len(texts[4]):,} characters")
    assert drafts["r5"]["error"].startswith("invalid context: kind")
    assert summary.error_rows == 4
    findings = _table(out, "findings")
    rules_of_r1 = {f["rule"] for f in findings if f["id"] == "r1"}
    assert "internal-error" in rules_of_r1 and "casual-tone" in rules_of_r1
    internal = next(f for f in findings if f["rule"] == "internal-error")
    assert "exploding-on-marker" in internal["message"] and "boom" in internal["message"]
    assert not {f["id"] for f in findings} & {"r2", "r3", "r4", "r5"}


def test_lint_frame_is_lazy_and_equals_lint_many(client, data, linter) -> None:
    rows = data["rows"][:30]
    frame = pd.DataFrame({"draft_id": [r["id"] for r in rows], "body": [r["text"] for r in rows],
                          "employer": [r["company"] for r in rows]})
    hostile = pd.DataFrame({"draft_id": [900, 901], "body": ["ok \ud800 there", 42],
                            "employer": [None, None]})
    frame = pd.concat([frame, hostile], ignore_index=True)
    linted = lint_frame(frame, text_column="body", id_column="draft_id",
                        context_columns={"company": "employer"})
    assert isinstance(linted.findings, dd.DataFrame) and isinstance(linted.drafts, dd.DataFrame)
    assert list(linted.findings.columns) == FINDINGS_SCHEMA.names  # known before computing
    findings, drafts = dask.compute(linted.findings, linted.drafts)
    reports = list(linter.lint_many(
        [r["text"] for r in rows],
        [Context(company=r["company"]) if r["company"] else None for r in rows]))
    assert list(drafts["id"]) == [str(r["id"]) for r in rows] + ["900", "901"]
    assert list(drafts["verdict"][:30]) == [r.verdict for r in reports]
    assert list(drafts["error"][30:]) == [
        "undecodable: surrogates not allowed at character 3",
        "not text: the text column holds int"]
    expected = [(str(r["id"]), f.rule, f.start, f.end, f.excerpt)
                for r, report in zip(rows, reports) for f in report.findings]
    assert list(findings[["id", "rule", "start", "end", "excerpt"]].itertuples(
        index=False, name=None)) == expected


def test_batch_command_runs_and_reports(client, tmp_path) -> None:
    """The command line in a real subprocess, on the running cluster (--scheduler)."""
    source = tmp_path / "drafts.jsonl"
    rows = _rows(12)
    source.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n"
                              for r in rows), encoding="utf-8")
    command = [sys.executable, "-m", "followup_lint", "batch", str(source), "--out",
               str(tmp_path / "out"), "--scheduler", client.scheduler.address,
               "--partition-rows", "5"]
    first = subprocess.run([*command, "--progress"], capture_output=True, text=True,
                           cwd=tmp_path, timeout=300)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "12/12 [" in first.stderr  # the progress bar reached the end
    assert "12 drafts in 3 partitions (3 written, 0 already there, 0 failed)" in first.stdout
    assert "Traceback" not in first.stderr
    assert len(list((tmp_path / "out" / "drafts").glob("part-*.parquet"))) == 3
    # The rerun finds every partition written and starts no cluster at all.
    rerun = [*command[:7], "--workers", "1", *command[9:]]
    again = subprocess.run(rerun, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "(0 written, 3 already there, 0 failed)" in again.stdout
    assert again.stdout.split("\n")[2:] == first.stdout.split("\n")[2:]  # same counts
    missing = subprocess.run([*command[:4], str(tmp_path / "nope.jsonl"), *command[5:]],
                             capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_column = subprocess.run([*command, "--text-column", "body"], capture_output=True,
                               text=True, cwd=tmp_path, timeout=300)
    assert no_column.returncode == 2 and "Traceback" not in no_column.stderr
    assert "no text column 'body'; the input has: 'id', 'text'" in no_column.stderr
