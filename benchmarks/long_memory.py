"""Peak memory of linting one long draft, in a fresh process.

    python benchmarks/long_memory.py --chars 2000000

Prints the draft's length, the time, the process's peak RSS after one warm-up lint and
after the long one, and the number of findings. Figures are in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import long_draft  # noqa: E402

from followup_lint import Config, Linter  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    linter = Linter(Config(model=args.model) if args.model else Config())
    linter.lint("Thank you for the tour.")
    warm = peak_mb()
    text = long_draft(args.chars, 3)
    started = time.perf_counter()
    report = linter.lint(text)
    print(f"{len(text):,} characters: {time.perf_counter() - started:.1f} s, peak RSS "
          f"{peak_mb():.0f} MB (after warm-up {warm:.0f} MB), {len(report.findings):,} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
