"""``followup-lint check-rules DIR``: validate a rule pack directory and run its examples.

Reports, one line each: misplaced pack files; packs that do not validate or whose
Python module is missing or broken; ``fail`` examples the rule does not flag, ``pass``
examples it does; and ``fix`` examples whose safe fixes do not give the expected text.
Every problem is collected (not only the first), so one run shows them all.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from followup_lint.config import Config
from followup_lint.datafiles import rules_dir
from followup_lint.errors import FollowupLintError, RulePackError
from followup_lint.fixes import apply_edits, safe_edits
from followup_lint.packs.binding import bind
from followup_lint.packs.loading import load_rule_file, misplaced_files
from followup_lint.packs.schema import Example, RuleSpec


def _valid_specs(directory: Path, problems: list[str]) -> list[RuleSpec]:
    specs: list[RuleSpec] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*/*.toml")):
        try:
            spec = load_rule_file(path)
            bind(spec, None)  # imports and checks the Python module, if any
        except RulePackError as exc:
            problems.append(str(exc))
            continue
        if spec.id in seen:
            problems.append(f"{path}: duplicate rule id {spec.id!r} (also in {seen[spec.id]})")
            continue
        seen[spec.id] = str(path)
        specs.append(spec)
    return specs


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."


def check_pack_dir(directory: Path) -> list[str]:
    """Every problem found in the rule packs under ``directory`` (empty: all good)."""
    if not directory.is_dir():
        raise RulePackError(f"{directory}: rule directory not found")
    problems = misplaced_files(directory)
    specs = _valid_specs(directory, problems)
    if not specs:
        if not problems:
            problems.append(f"{directory}: no rule packs at <dir>/<family>/<rule-id>.toml")
        return problems
    with tempfile.TemporaryDirectory(prefix="followup-lint-check-") as scratch:
        # Only the valid packs are linted with, so one bad file does not hide the
        # examples of the others.
        for spec in specs:
            source = Path(spec.source)
            target = Path(scratch) / spec.family
            target.mkdir(exist_ok=True)
            for path in (source, source.with_suffix(".py")):
                if path.is_file():
                    shutil.copyfile(path, target / path.name)
        shipped = directory.resolve() == rules_dir().resolve()
        dirs = [Path(scratch)] if shipped else [rules_dir(), Path(scratch)]
        _run_examples(specs, dirs, problems)
    return problems


def _run_examples(specs: list[RuleSpec], dirs: list[Path], problems: list[str]) -> None:
    from followup_lint.engine import Linter

    linters: dict[str, Linter] = {}

    def linter(mode: str) -> Linter:
        if mode not in linters:
            # Preview rules are checked too; only this directory's rules run.
            config = Config(mode=mode, preview=True, select=[s.id for s in specs])
            linters[mode] = Linter(config, rule_dirs=dirs)
        return linters[mode]

    try:
        for spec in specs:
            if spec.examples is None:
                continue
            cases: list[tuple[Example, bool]] = [(e, True) for e in spec.examples.fail]
            cases += [(e, False) for e in spec.examples.pass_]
            for example, should_fire in cases:
                report = linter(example.mode).lint(example.text, example.context)
                fired = spec.id in {f.rule for f in report.findings}
                if fired != should_fire:
                    what = "is not flagged" if should_fire else "is flagged"
                    problems.append(f"{spec.source}: {'fail' if should_fire else 'pass'} "
                                    f"example {_short(example.text)!r} {what}")
            for fix in spec.examples.fix:
                report = linter(fix.mode).lint(fix.input, fix.context)
                edits = safe_edits(f for f in report.findings if f.rule == spec.id)
                fixed = apply_edits(fix.input, edits)
                if fixed != fix.output:
                    problems.append(f"{spec.source}: fix example {_short(fix.input)!r} gives "
                                    f"{_short(fixed)!r}, expected {_short(fix.output)!r}")
    except FollowupLintError as exc:  # e.g. a clash with a shipped rule id
        problems.append(str(exc))
