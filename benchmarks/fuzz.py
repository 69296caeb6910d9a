"""Fuzz run: lint many mutated drafts and check the invariants on every report.

Each draft is a synthetic follow-up email (``drafts.make_drafts``) with random
mutations: control characters, lone surrogates, long symbol and emoji runs, CR, CRLF
and lone-CR line ends, zero-width and right-to-left marks, placeholders, suppression
comments, quoted history, doubled words, random code points. For every report:

* no exception, and every draft gets a report (``lint_many`` is never aborted);
* ``0 <= start <= end <= len(text)``, ``text[start:end] == excerpt`` (on the text as
  linted: lone surrogates read as U+FFFD), line and column agree with the line ends
  (LF, CRLF, lone CR), findings sorted;
* every 25th draft: linted alone equals linted in the batch;
* every 10th draft with a safe fix: ``fix_until_stable`` (the ``--fix`` loop) runs, the
  fixed text is linted and checked the same way; drafts still holding a safe fix after
  it (a cycle, or the round limit) are counted.

    python benchmarks/fuzz.py --n 10000 --ignore spelling   # full model, a summary
    python benchmarks/fuzz.py --n 1000 --model blank        # every rule, spelling too

Exit code 1 when any invariant failed (the first failures are printed).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drafts import make_drafts  # noqa: E402

from followup_lint import Config, Linter  # noqa: E402
from followup_lint.fixes import fix_until_stable, safe_edits  # noqa: E402

PIECES = [
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u200b", "\u200d", "\u202e", "\ufeff",
    "\ud800", "\udfff", "\r", "\r\n", "\n\n", "\t", "  ", "=" * 300, "😀" * 200,
    "-=" * 150, "!!!", "??", "...", "[Company]", "{{first_name}}", "XXX", "____",
    "<!-- followup-lint: disable=casual-tone -->", "# followup-lint: disable-next-line=spelling",
    "> On Monday Ana wrote:\n> hi", "-- \nSam", "thx", "the the", "to to to", "recieve",
    "ASAP!!", "e\u0301", "Привет", "世界", "مرحبا", "👩‍💻", "\u00a0", "https://example.com/x?y=1",
]


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(0, 6)):
        where = rng.randint(0, len(text))
        roll = rng.random()
        if roll < 0.55:
            piece = rng.choice(PIECES)
        elif roll < 0.75:
            piece = "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 8)))
        elif roll < 0.9:  # delete a stretch
            text = text[:where] + text[where + rng.randint(1, 40):]
            continue
        else:  # duplicate a stretch (doubled words and lines)
            stretch = text[where:where + rng.randint(1, 30)]
            piece = stretch
        text = text[:where] + piece + text[where:]
    return text


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column, lines ending at LF, CRLF or a lone CR (independent of
    the engine's LineIndex)."""
    line, start, i = 1, 0, 0
    while i < offset:
        char = text[i]
        if char == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 >= offset:
                break
            i += 1
            char = "\n"
        if char in "\r\n":
            line, start = line + 1, i + 1
        i += 1
    return line, offset - start + 1


def violations(text: str, report) -> list[str]:
    linted = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    found = []
    keys = [(f.start, f.end, f.rule) for f in report.findings]
    if keys != sorted(keys):
        found.append("findings not sorted")
    for f in report.findings:
        if not 0 <= f.start <= f.end <= len(text):
            found.append(f"{f.rule}: span {f.start}-{f.end} outside 0-{len(text)}")
            continue
        if linted[f.start:f.end] != f.excerpt:
            found.append(f"{f.rule}: excerpt {f.excerpt!r} != {linted[f.start:f.end]!r}")
        if (f.line, f.column) != line_column(text, f.start):
            found.append(f"{f.rule}: line/column {(f.line, f.column)} != "
                         f"{line_column(text, f.start)}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--model", default=None, help="pipeline name or 'blank'")
    parser.add_argument("--ignore", default="", metavar="RULES",
                        help="comma-separated rules to skip (spelling costs up to a second "
                        "per unknown short word, and mutations make many)")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    base = make_drafts(min(args.n, 2_000), args.seed)
    texts = [mutate(base[i % len(base)], rng) for i in range(args.n)]
    ignore = tuple(r for r in args.ignore.split(",") if r)
    config = Config(ignore=ignore, **({"model": args.model} if args.model else {}))
    linter = Linter(config)
    started = time.perf_counter()
    failures: list[str] = []
    findings = fixes = capped = 0
    reports = list(linter.lint_many(texts))
    if len(reports) != len(texts):
        failures.append(f"{len(texts)} drafts, {len(reports)} reports")
    for i, (text, report) in enumerate(zip(texts, reports)):
        findings += len(report.findings)
        failures += [f"draft {i}: {v}" for v in violations(text, report)]
        if i % 25 == 0 and linter.lint(text) != report:
            failures.append(f"draft {i}: linted alone differs from the batch")
        if i % 10 == 0 and safe_edits(report.findings):
            fixed, edits = fix_until_stable(text, report.findings,
                                            lambda t: linter.lint(t).findings)
            fixes += len(edits)
            again = linter.lint(fixed)
            failures += [f"draft {i} fixed: {v}" for v in violations(fixed, again)]
            capped += bool(safe_edits(again.findings))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    skipped = f", ignoring {', '.join(ignore)}" if ignore else ""
    print(f"fuzz: {len(texts):,} drafts ({config.model}{skipped}), {findings:,} findings, "
          f"{fixes:,} fixes applied, {capped} fix runs stopped at a cycle or the round "
          f"limit, {len(failures)} violations, {seconds:.0f} s, peak RSS {peak:.0f} MB")
    for failure in failures[:20]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
