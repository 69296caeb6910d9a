"""Where the command line's results go: stdout in ``--format``, extra ``--write`` files,
and the ``--baseline`` filter that runs before both."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint.errors import ConfigError
from followup_lint.formatters import FORMATTERS, Options, Result, Skipped

if TYPE_CHECKING:
    from followup_lint.packs.schema import RuleSpec


def apply_baseline(file: Path, results: Sequence[Result]) -> list[Result]:
    """Results with the findings recorded in the baseline ``file`` left out."""
    from followup_lint.baseline import new_findings, read_baseline
    from followup_lint.report import recount

    baseline = read_baseline(file)
    return [replace(r, report=recount(r.report, new_findings(file, baseline, r)))
            for r in results]


def write_outputs(args: argparse.Namespace, results: Sequence[Result],
                  skipped: Sequence[Skipped], rules: tuple[RuleSpec, ...] = ()) -> bool:
    """Print the results in ``--format`` (to ``--output-file`` when given; nothing with
    ``--quiet``) and write every ``--write``. False when the output file cannot be written.

    ``rules`` is the rule metadata SARIF and the HTML report list (every rule that ran)."""
    from followup_lint.formatters.text import format_statistics
    from followup_lint.terminal import DEFAULT_WIDTH, output_width, use_colour

    to_file = args.output_file is not None
    options = Options(rules=rules, root=Path.cwd(), excerpts=not args.no_excerpts,
                      skipped=tuple(skipped),
                      width=DEFAULT_WIDTH if to_file else output_width(sys.stdout))
    for name, file in args.write:
        mode = "a" if name == "summary" else "w"
        try:
            with open(file, mode, encoding="utf-8") as stream:
                stream.write(FORMATTERS[name](results, options))
        except OSError as exc:
            raise ConfigError(f"{file}: cannot write the {name} output: "
                              f"{exc.strerror or exc}") from None
    if args.quiet and not to_file:
        return True
    if args.statistics:
        output = format_statistics(results, args.format)
    else:
        shown = replace(options, colour=use_colour(args.color, None if to_file else sys.stdout))
        output = FORMATTERS[args.format](results, shown)
    if not to_file:
        sys.stdout.write(output)
        sys.stdout.flush()
        return True
    try:
        Path(args.output_file).write_text(output, encoding="utf-8")
    except OSError as exc:
        print(f"followup-lint: cannot write {args.output_file}: {exc.strerror or exc}",
              file=sys.stderr)
        return False
    return True
