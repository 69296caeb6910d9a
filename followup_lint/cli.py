"""Command line: argv -> Config -> Linter -> formatter -> exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
configuration or input errors (other files are still linted and reported).
``--help``, ``--version``, ``rules`` and ``explain`` never import spaCy.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime

from followup_lint import __version__
from followup_lint.config import DEFAULT_MODEL, Config
from followup_lint.errors import FollowupLintError
from followup_lint.model import Context, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup-lint",
        description="Lint job-interview follow-up emails (thank-you notes and reminders). "
        "Subcommands: 'rules' lists every rule, 'explain RULE' shows one.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories to lint; '-' reads standard input")
    parser.add_argument("--version", action="version", version=f"followup-lint {__version__}")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--fail-on", choices=[s.value for s in Severity], default="error",
                        help="exit 1 when a finding is at or above this severity (default: error)")
    parser.add_argument("--mode", choices=["draft", "template"], default="draft")
    parser.add_argument("--select", action="append", metavar="RULES",
                        help="comma-separated rule ids or families to run")
    parser.add_argument("--ignore", action="append", metavar="RULES",
                        help="comma-separated rule ids or families to skip")
    parser.add_argument("--model", default=DEFAULT_MODEL,
                        help="installed spaCy pipeline, or 'blank' for the fast mode")
    parser.add_argument("--vocabulary", action="append", metavar="WORDS",
                        help="comma-separated extra words the spelling rule accepts")
    context = parser.add_argument_group("context (sharper checks when given)")
    context.add_argument("--company")
    context.add_argument("--role")
    context.add_argument("--interviewer", action="append", default=[], metavar="NAME")
    context.add_argument("--topic", action="append", default=[], metavar="TOPIC")
    context.add_argument("--kind", choices=["thank-you", "reminder"])
    context.add_argument("--interview-at", type=datetime.fromisoformat, metavar="ISO-DATE")
    context.add_argument("--sent-at", type=datetime.fromisoformat, metavar="ISO-DATE")
    context.add_argument("--industry")
    parser.add_argument("--quiet", action="store_true", help="print nothing; only the exit code")
    return parser


def _list_rules() -> int:
    from followup_lint.ruleset import load_rules

    rules = load_rules()
    width = max(len(r.id) for r in rules)
    for rule in rules:
        print(f"{rule.id:<{width}}  {rule.family:<12}  {rule.severity.value:<7}  {rule.summary}")
    return EXIT_OK


def _explain(rule_id: str) -> int:
    from followup_lint.ruleset import load_rules

    rules = {r.id: r for r in load_rules()}
    rule = rules.get(rule_id)
    if rule is None:
        print(f"followup-lint: unknown rule {rule_id!r}; see 'followup-lint rules'",
              file=sys.stderr)
        return EXIT_ERROR
    print(f"{rule.id} ({rule.family}, default severity {rule.severity.value})\n")
    print(rule.summary + "\n")
    print(rule.rationale.strip() + "\n")
    for title, examples in (("Flagged:", rule.examples.fail),
                            ("Not flagged:", rule.examples.pass_)):
        print(title)
        for example in examples:
            if example.context is not None or example.mode != "draft":
                extra = example.context.model_dump(mode="json", exclude_defaults=True) \
                    if example.context else {}
                print(f"  (mode {example.mode}; context {extra})")
            print("  - " + example.text.replace("\n", "\n    "))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["rules"]:
        return _list_rules()
    if args_list[:1] == ["explain"]:
        if len(args_list) != 2:
            print("usage: followup-lint explain RULE", file=sys.stderr)
            return EXIT_ERROR
        return _explain(args_list[1])
    args = _parser().parse_args(args_list)
    if not args.paths:
        _parser().print_usage(sys.stderr)
        print("followup-lint: give at least one PATH (or '-' for standard input)",
              file=sys.stderr)
        return EXIT_ERROR
    try:
        config = Config(
            mode=args.mode, select=_split(args.select), ignore=_split(args.ignore),
            model=args.model, vocabulary=_split(args.vocabulary),
        )
        context = Context(
            company=args.company, role=args.role, interviewers=args.interviewer,
            topics=args.topic, kind=args.kind, interview_at=args.interview_at,
            sent_at=args.sent_at, industry=args.industry,
        )
        return _run(args, config, context)
    except FollowupLintError as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ValueError as exc:  # pydantic validation of flags
        print(f"followup-lint: invalid option: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _run(args: argparse.Namespace, config: Config, context: Context) -> int:
    from followup_lint.engine import Linter
    from followup_lint.formatters import FORMATTERS
    from followup_lint.formatters.text import use_colour
    from followup_lint.inputs import expand_paths, read_source

    sources = [read_source(p) for p in expand_paths(args.paths)]
    input_errors = False
    for source in sources:
        if source.error is not None:
            input_errors = True
            print(f"followup-lint: {source.path}: {source.error}", file=sys.stderr)
    readable = [s for s in sources if s.text is not None]
    linter = Linter(config)
    reports = linter.lint_many([s.text or "" for s in readable], context)
    results = [(s.path, s.text or "", r) for s, r in zip(readable, reports)]
    if not args.quiet:
        formatter = FORMATTERS[args.format]
        sys.stdout.write(formatter(results, colour=use_colour(sys.stdout)))
    if input_errors:
        return EXIT_ERROR
    failing = any(r.has_at_least(args.fail_on) for _p, _t, r in results)
    return EXIT_FINDINGS if failing else EXIT_OK
