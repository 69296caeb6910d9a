"""Command line: argv -> settings -> Linter -> formatter -> exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it (or, with
``--diff``, fixes to make); 2 usage, configuration or input errors (the other files
are still linted and reported). ``--help``, ``--version``, ``rules`` and ``explain``
never import spaCy. ``rules`` and ``explain`` include the packs of the settings file's
``rule-dirs``; ``check-rules DIR`` validates a rule pack directory and runs its examples.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint import __version__
from followup_lint.errors import FollowupLintError
from followup_lint.fileview import filter_ignored as _filter_ignored
from followup_lint.fileview import rule_dirs as _rule_dirs
from followup_lint.fileview import sending_now
from followup_lint.flags import effective_settings, positive_int
from followup_lint.model import Context, Severity

if TYPE_CHECKING:
    from followup_lint.engine import Linter
    from followup_lint.formatters import Skipped
    from followup_lint.inputs import Source
    from followup_lint.model import Report
    from followup_lint.packs.schema import RuleSpec
    from followup_lint.settings import Settings, SettingsResolver

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Show a progress line on a terminal from this many files on.
PROGRESS_FROM = 50
#: Characters of drafts each extra ``--jobs`` process must have to lint before it pays
#: for its own start-up (loading spaCy and the model, ~2 s; single-process linting runs
#: at ~50,000 characters a second, see docs/performance.md). Below it one process is used.
PARALLEL_MIN_CHARS = 120_000


def _format_file(value: str) -> tuple[str, str]:
    from followup_lint.formatters import FORMATTERS

    name, sep, file = value.partition("=")
    if not sep or name not in FORMATTERS or not file:
        raise argparse.ArgumentTypeError(
            f"expected FORMAT=FILE with FORMAT one of {', '.join(FORMATTERS)}, got {value!r}")
    return name, file


def _sarif_rules(jobs: list[_Job]) -> tuple[RuleSpec, ...]:
    """Every rule of every settings group that ran (for SARIF's rule metadata)."""
    from followup_lint.packs.loading import load_rules

    found = {r.id: r for j in jobs for r in load_rules(_rule_dirs(j.settings))}
    return tuple(found[k] for k in sorted(found)) or load_rules()


def _shown(path: str) -> str:
    """A path as printed on stderr: control characters escaped (no forged CI commands)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


def _date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date I can read; use an ISO 8601 date such as 2026-03-04, "
            "2026-03-04T14:30 or 2026-03-04T14:30+01:00") from None


#: Flags that cannot be combined: each pair would silently make one of them do nothing.
CONFLICTS = (
    ("fix", "diff"), ("diff", "statistics"), ("diff", "output_file"), ("quiet", "statistics"),
    ("exit_zero", "fail_on"),
)


def _check_conflicts(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    for first, second in CONFLICTS:
        if getattr(args, first) and getattr(args, second):
            parser.error(f"--{first.replace('_', '-')} and --{second.replace('_', '-')} "
                         "cannot be used together")
    if args.diff and args.format != "text":
        parser.error(f"--diff prints a diff and cannot be combined with --format {args.format}")
    if args.statistics and args.format not in ("text", "json"):
        parser.error(f"--statistics prints text or json, not --format {args.format}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup-lint",
        description="Lint job-interview follow-up emails (thank-you notes and reminders). "
        "Subcommands: 'followup-lint rules [--format json]' lists every rule, "
        "'followup-lint explain RULE' shows one with examples, 'followup-lint lsp' runs the "
        "language server for editors, 'followup-lint batch INPUT --out DIR' lints a data set "
        "on Dask.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files, directories or globs to lint; '-' reads standard input")
    parser.add_argument("--version", action="version", version=f"followup-lint {__version__}")
    from followup_lint.formatters import FORMATTERS

    parser.add_argument("--format", choices=list(FORMATTERS), default="text",
                        help="output format; 'html' writes one self-contained page (use with "
                        "--output-file); 'summary' is a Markdown table for CI job summaries")
    parser.add_argument("--output-file", "-o", metavar="FILE",
                        help="write the output to FILE instead of standard output")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour the text output (auto: on a terminal, honouring NO_COLOR "
                        "and FORCE_COLOR)")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when there are findings (2 still means an error)")
    parser.add_argument("--write", action="append", default=[], metavar="FORMAT=FILE",
                        type=_format_file,
                        help="also write the results in FORMAT to FILE (repeatable; "
                        "'summary' is appended, as $GITHUB_STEP_SUMMARY expects)")
    parser.add_argument("--baseline", metavar="FILE",
                        help="report only findings that are not in this baseline file")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="write every finding to this baseline file (exits 0)")
    parser.add_argument("--no-gitignore", action="store_true",
                        help="lint files in directories even when .gitignore ignores them")
    parser.add_argument("--fail-on", choices=[s.value for s in Severity],
                        help="exit 1 when a finding is at or above this severity "
                        "(default: error, or the settings file's fail-on)")
    parser.add_argument("--mode", choices=["draft", "template"])
    parser.add_argument("--select", action="append", metavar="RULES",
                        help="comma-separated rule ids or families to run")
    parser.add_argument("--ignore", action="append", metavar="RULES",
                        help="comma-separated rule ids or families to skip")
    parser.add_argument("--config", metavar="FILE",
                        help="settings file to use instead of searching for one")
    parser.add_argument("--model", help="installed spaCy pipeline, or 'blank' for the fast mode")
    parser.add_argument("--preview", action="store_true",
                        help="also run rules in preview (new, not yet trusted)")
    parser.add_argument("--vocabulary", action="append", metavar="WORDS",
                        help="comma-separated extra words the spelling rule accepts")
    parser.add_argument("--statistics", action="store_true",
                        help="print counts per rule instead of each finding (text or json)")
    parser.add_argument("--quiet", action="store_true", help="print nothing; only the exit code")
    parser.add_argument("--fix", action="store_true",
                        help="apply safe fixes to the files in place, then report what is left")
    parser.add_argument("--diff", action="store_true",
                        help="show the safe fixes as a unified diff instead of applying them")
    parser.add_argument("--no-excerpts", action="store_true",
                        help="keep the drafts' own words out of the output (for shared CI logs)")
    parser.add_argument("--max-chars", type=positive_int, metavar="N",
                        help="longest draft accepted, in characters (default 2,000,000)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the "
                        "result cache")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="where cached results live (default: .followup-lint-cache "
                        "beside the settings file, else at the git root, else here)")
    parser.add_argument("--jobs", type=positive_int, default=1, metavar="N",
                        help="lint files in N parallel processes (output order is stable)")
    context = parser.add_argument_group("context (overrides front matter and e-mail headers)")
    context.add_argument("--company")
    context.add_argument("--role")
    context.add_argument("--interviewer", action="append", default=[], metavar="NAME")
    context.add_argument("--topic", action="append", default=[], metavar="TOPIC")
    context.add_argument("--kind", choices=["thank-you", "reminder"])
    context.add_argument("--interview-at", type=_date, metavar="ISO-DATE")
    context.add_argument("--sent-at", type=_date, metavar="ISO-DATE")
    context.add_argument("--decision-by", type=_date, metavar="ISO-DATE")
    context.add_argument("--previous-message", action="append", default=[],
                         type=_date, metavar="ISO-DATE")
    context.add_argument("--industry")
    return parser


def _all_rules(config_file: str | None = None) -> tuple[RuleSpec, ...]:
    """Shipped rules plus those of the settings file's ``rule-dirs``."""
    from followup_lint.packs.loading import load_rules
    from followup_lint.settings import SettingsResolver

    settings = SettingsResolver(Path(config_file) if config_file else None).for_path("-")
    return load_rules(_rule_dirs(settings))




def _list_rules(config_file: str | None, output_format: str = "text") -> int:
    rules = _all_rules(config_file)
    if output_format == "json":
        import json

        print(json.dumps([{
            "id": r.id, "family": r.family, "severity": r.severity.value, "summary": r.summary,
            "rationale": " ".join(r.rationale.split()),
        } for r in rules], indent=2, ensure_ascii=False))
        return EXIT_OK
    width = max(len(r.id) for r in rules)
    for rule in rules:
        status = " (preview)" if rule.status == "preview" else ""
        print(f"{rule.id:<{width}}  {rule.family:<12}  {rule.severity.value:<7}  "
              f"{rule.summary}{status}")
    return EXIT_OK


def _explain(rule_id: str, config_file: str | None) -> int:
    from followup_lint.reference import option_rows

    rules = {r.id: r for r in _all_rules(config_file)}
    rule = rules.get(rule_id)
    if rule is None:
        print(f"followup-lint: unknown rule {rule_id!r}; see 'followup-lint rules'",
              file=sys.stderr)
        return EXIT_ERROR
    print(f"{rule.id} ({rule.family}, default severity {rule.severity.value}, "
          f"{rule.status} since {rule.since})\n")
    print(rule.summary + "\n")
    print(" ".join(rule.rationale.split()) + "\n")
    options = option_rows(rule)
    if options:
        print(f"Options ([rules.{rule.id}] in a settings file):")
        for name, default, meaning in options:
            print(f"  {name} = {default}: {meaning}")
        print()
    if rule.examples is None:
        return EXIT_OK
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


def _subcommand(args_list: list[str]) -> int | None:
    """Run ``rules``, ``explain RULE`` or ``check-rules DIR`` (each may take ``--config
    FILE``); None when the arguments are not a subcommand."""
    name = args_list[0] if args_list else None
    if name not in {"rules", "explain", "check-rules"}:
        return None
    rest, config_file, output_format = list(args_list[1:]), None, "text"
    if name == "rules" and "--format" in rest:
        at = rest.index("--format")
        output_format = rest[at + 1] if at + 1 < len(rest) else ""
        if output_format not in ("text", "json"):
            print("followup-lint: rules --format takes text or json", file=sys.stderr)
            return EXIT_ERROR
        del rest[at:at + 2]
    if "--config" in rest:
        at = rest.index("--config")
        if at + 1 >= len(rest):
            print("followup-lint: --config needs a FILE", file=sys.stderr)
            return EXIT_ERROR
        config_file = rest[at + 1]
        del rest[at:at + 2]
    usage = {"rules": (0, "rules [--format json]"), "explain": (1, "explain RULE"),
             "check-rules": (1, "check-rules DIR")}[name]
    if len(rest) != usage[0]:
        print(f"usage: followup-lint {usage[1]} [--config FILE]", file=sys.stderr)
        return EXIT_ERROR
    try:
        if name == "rules":
            return _list_rules(config_file, output_format)
        if name == "explain":
            return _explain(rest[0], config_file)
        from followup_lint.packs.checking import check_pack_dir

        problems = check_pack_dir(Path(rest[0]))
    except FollowupLintError as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for problem in problems:
        print(problem)
    if problems:
        print(f"followup-lint: {len(problems)} problem(s) in {rest[0]}", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"followup-lint: {rest[0]}: every rule pack is valid and its examples hold",
          file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(args_list)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python's exit-time flush
        # of standard output from raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS


def _main(args_list: list[str]) -> int:
    if args_list[:1] == ["batch"]:  # a data set on Dask: followup_lint/scale/
        from followup_lint.scale.command import main as batch_main

        return batch_main(args_list[1:])
    if args_list[:1] == ["lsp"]:
        from followup_lint.lsp import serve

        return serve(args_list[1:])
    done = _subcommand(args_list)
    if done is not None:
        return done
    parser = _parser()
    args = parser.parse_args(args_list)
    _check_conflicts(parser, args)
    if not args.paths:
        parser.print_usage(sys.stderr)
        print("followup-lint: give at least one PATH (or '-' for standard input)",
              file=sys.stderr)
        return EXIT_ERROR
    try:
        return _run(args)
    except FollowupLintError as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ValueError as exc:  # a flag value the settings model rejects
        print(f"followup-lint: invalid option: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


# -- settings and context -----------------------------------------------------------


def _context(args: argparse.Namespace, source: Source) -> Context | None:
    flags = {
        "company": args.company, "role": args.role, "interviewers": args.interviewer or None,
        "topics": args.topic or None, "kind": args.kind, "interview_at": args.interview_at,
        "sent_at": args.sent_at, "decision_by": args.decision_by,
        "previous_messages": args.previous_message or None, "industry": args.industry,
    }
    given = {k: v for k, v in flags.items() if v is not None}
    context = source.context_with(Context.model_validate(given) if given else None)
    return sending_now(context) if context is not None else None




# -- linting ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    index: int
    source: Source
    settings: Settings
    context: Context | None


def _linter_for(settings: Settings) -> Linter:
    from followup_lint.engine import shared_linter

    return shared_linter(settings.config, _rule_dirs(settings))


def _lint_jobs(jobs: list[_Job]) -> list[Report]:
    """Lint jobs in order, batching consecutive jobs that share settings."""
    reports: list[Report] = []
    start = 0
    while start < len(jobs):
        end = start
        while end < len(jobs) and jobs[end].settings is jobs[start].settings:
            end += 1
        batch = jobs[start:end]
        linter = _linter_for(batch[0].settings)
        reports += linter.lint_many([j.source.text or "" for j in batch],
                                    [j.context for j in batch])
        start = end
    return reports


def _lint_all(jobs: list[_Job], processes: int, progress: bool) -> list[Report]:
    work = sum(len(j.source.text or "") for j in jobs)
    processes = min(processes, 1 + work // PARALLEL_MIN_CHARS)
    if processes <= 1 or len(jobs) < 2 * processes:
        if not progress:
            return _lint_jobs(jobs)
        reports = []
        for i in range(0, len(jobs), 25):
            reports += _lint_jobs(jobs[i:i + 25])
            print(f"\rfollowup-lint: {len(reports)}/{len(jobs)} files", end="", file=sys.stderr)
        print(file=sys.stderr)
        return reports
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, -(-len(jobs) // (processes * 4)))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    reports = []
    with ProcessPoolExecutor(max_workers=processes) as pool:
        for chunk_reports in pool.map(_lint_jobs, chunks):
            reports += chunk_reports
            if progress:
                print(f"\rfollowup-lint: {len(reports)}/{len(jobs)} files", end="",
                      file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    return reports






def _fix(jobs: list[_Job], reports: list[Report], show_diff: bool
         ) -> tuple[list[_Job], bool, bool]:
    """Apply (or show) safe fixes until none is left (see fixes.fix_until_stable).

    Returns the jobs to lint again, whether any text changed and whether a write failed.
    Fixes are found without redaction (``--no-excerpts`` only hides words in output).
    """
    from followup_lint.fixes import fix_until_stable
    from followup_lint.writeback import WriteError, write_fixed

    changed, failed, relint = False, False, []
    writes: list[tuple[_Job, str, str, list]] = []
    for job, report in zip(jobs, reports):
        source = job.source
        if source.text is None or source.raw is None:
            continue
        settings = replace(job.settings, config=job.settings.config.model_copy(
            update={"redact": False}))
        linter, ignored = _linter_for(settings), job.settings.ignored_for(source.path)

        def lint_text(text: str, job: _Job = job, linter: Linter = linter,
                      ignored: set[str] = ignored) -> list:
            report = next(linter.lint_many([text], [job.context]))
            return list(_filter_ignored(report, ignored).findings)

        findings = lint_text(source.text) if job.settings.config.redact else report.findings
        if not any(s.safe for f in findings for s in f.suggestions):
            continue
        if not source.exact or source.path == "<stdin>":
            print(f"followup-lint: {source.path}: fixes are only written to plain text files",
                  file=sys.stderr)
            continue
        text, edits = fix_until_stable(source.text, findings, lint_text)
        if not edits:
            continue
        offset = len(source.raw) - len(source.text)
        fixed = source.raw[:offset] + text
        changed = True
        if show_diff:
            sys.stdout.writelines(difflib.unified_diff(
                source.raw.splitlines(keepends=True), fixed.splitlines(keepends=True),
                fromfile=source.path, tofile=source.path))
            continue
        writes.append((job, fixed, text, edits))
    for job, fixed, text, edits in writes:  # the write phase: no linting in between
        try:
            write_fixed(job.source.path, job.source.raw or "", fixed)
        except WriteError as exc:
            print(f"followup-lint: {exc}", file=sys.stderr)
            failed = True
            continue
        rules = ", ".join(sorted({e.rule for e in edits}))
        print(f"followup-lint: {job.source.path}: fixed {len(edits)} ({rules})",
              file=sys.stderr)
        relint.append(replace(job, source=replace(job.source, raw=fixed, text=text)))
    return relint, changed, failed


def _cached_lint(jobs: list[_Job], args: argparse.Namespace) -> list[Report]:
    """Reports for all jobs: from the cache where possible, linting (and storing) the rest."""
    from followup_lint.cache import ResultCache, default_cache_dir

    caches: dict[Path, ResultCache] = {}

    def cache_for(job: _Job) -> ResultCache | None:
        if args.no_cache:
            return None
        folder = Path(args.cache_dir) if args.cache_dir else default_cache_dir(
            job.settings.source, Path.cwd())
        return caches.setdefault(folder, ResultCache(folder))

    found: list[Report | None] = [None] * len(jobs)
    keys: list[str] = []
    for job in jobs:
        cache = cache_for(job)
        if cache is not None:
            keys.append(cache.key(job.source.text or "", job.settings.config, job.context,
                                  job.settings.rule_dirs))
            found[job.index] = cache.get(keys[-1])
    missing = [job for job in jobs if found[job.index] is None]
    progress = sys.stderr.isatty() and len(missing) >= PROGRESS_FROM and not args.quiet
    for job, report in zip(missing, _lint_all(missing, args.jobs, progress)):
        found[job.index] = report
        cache = cache_for(job)
        if cache is not None:
            cache.put(keys[job.index], report)
    for cache in caches.values():
        if cache.writes:
            cache.prune()
    return [r for r in found if r is not None]


def _read_inputs(args: argparse.Namespace, settings_for: Callable[[str], Settings],
                 resolver: SettingsResolver) -> tuple[list[_Job], list[Skipped]]:
    """Jobs for the files to lint, and the files that cannot be linted (with reasons)."""
    from followup_lint.formatters import Skipped
    from followup_lint.inputs import DEFAULT_EXTENSIONS, expand_paths, read_source

    extensions = DEFAULT_EXTENSIONS + tuple(
        e for p in args.paths if p != "-" and Path(p).is_dir()
        for e in resolver.for_path(str(Path(p) / "_")).extensions)

    def excluded(path: Path, is_dir: bool) -> bool:
        return resolver.for_path(str(path / "_") if is_dir else str(path)).excludes(path, is_dir)

    gitignore = not args.no_gitignore and resolver.for_path("-").respect_gitignore
    jobs: list[_Job] = []
    skipped: list[Skipped] = []
    for path in expand_paths(args.paths, extensions, excluded=excluded, gitignore=gitignore):
        source = read_source(path)
        settings = settings_for(path) if source.error is None else None
        if settings is not None and len(source.text or "") > settings.config.max_chars:
            source = replace(source, error=f"{len(source.text or ''):,} characters is over the "
                             f"limit of {settings.config.max_chars:,} (--max-chars)")
        if source.error is not None or settings is None:
            print(f"followup-lint: {_shown(source.path)}: {source.error}", file=sys.stderr)
            skipped.append(Skipped(source.path, source.error or "not linted"))
            continue
        jobs.append(_Job(len(jobs), source, settings, _context(args, source)))
    return jobs, skipped


def _run(args: argparse.Namespace) -> int:
    from followup_lint.formatters import Result
    from followup_lint.outputs import apply_baseline, write_outputs
    from followup_lint.settings import SettingsResolver

    resolver = SettingsResolver(Path(args.config) if args.config else None)
    effective: dict[int, Settings] = {}

    def settings_for(path: str) -> Settings:
        found = resolver.for_path(path)
        if id(found) not in effective:
            effective[id(found)] = effective_settings(found, args)
        return effective[id(found)]

    if args.baseline:  # a bad baseline file stops the run before anything is linted
        from followup_lint.baseline import read_baseline

        read_baseline(Path(args.baseline))
    jobs, skipped = _read_inputs(args, settings_for, resolver)
    input_errors = bool(skipped)
    reports = [_filter_ignored(r, j.settings.ignored_for(j.source.path))
               for j, r in zip(jobs, _cached_lint(jobs, args))]
    if args.fix or args.diff:
        relint, changed, failed = _fix(jobs, reports, show_diff=args.diff)
        input_errors = input_errors or failed
        if args.diff:
            return EXIT_FINDINGS if changed else (EXIT_ERROR if input_errors else EXIT_OK)
        if relint:
            again = {j.index: _filter_ignored(r, j.settings.ignored_for(j.source.path))
                     for j, r in zip(relint, _lint_jobs(relint))}
            jobs = [next((r for r in relint if r.index == j.index), j) for j in jobs]
            reports = [again.get(j.index, r) for j, r in zip(jobs, reports)]

    results = [Result(job.source.path, job.source.raw or job.source.text or "",
                      job.source.locate(report), exact=job.source.exact)
               for job, report in zip(jobs, reports)]
    if args.write_baseline:
        from followup_lint.baseline import write_baseline

        count = write_baseline(Path(args.write_baseline), results)
        print(f"followup-lint: wrote {count} finding(s) to {_shown(args.write_baseline)}",
              file=sys.stderr)
        return EXIT_ERROR if input_errors else EXIT_OK
    if args.baseline:
        results = apply_baseline(Path(args.baseline), results)
    wants_rules = {"sarif", "html"} & {args.format, *(name for name, _ in args.write)}
    if not write_outputs(args, results, skipped, _sarif_rules(jobs) if wants_rules else ()):
        return EXIT_ERROR
    if input_errors:
        return EXIT_ERROR
    failing = any(r.report.has_at_least(j.settings.fail_on) for j, r in zip(jobs, results))
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK
