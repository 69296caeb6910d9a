"""Find and validate rule packs: ``<dir>/<family>/<rule-id>.toml`` (and ``<rule-id>.py``).

A TOML or Python file anywhere else in a rule directory is an error naming the file and
where it belongs, never silently ignored; other files (word lists, READMEs) are data.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from followup_lint.datafiles import describe, read_toml, rules_dir
from followup_lint.errors import RulePackError
from followup_lint.packs.schema import RuleSpec

#: Files a rule directory may hold only as ``<family>/<rule-id>.<suffix>``.
PACK_SUFFIXES = (".toml", ".py")


def load_rule_file(path: Path) -> RuleSpec:
    """Read and validate one rule pack file; errors name the file, the key and the reason."""
    data = read_toml(path, RulePackError, "rule pack")
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as exc:
        raise RulePackError(f"{path}: {describe(exc)}") from None
    if spec.id != path.stem:
        raise RulePackError(f"{path}: id {spec.id!r} must match the file name {path.stem!r}")
    if spec.family != path.parent.name:
        raise RulePackError(
            f"{path}: family {spec.family!r} must match its folder {path.parent.name!r}")
    module = path.with_suffix(".py")
    if spec.python and not module.is_file():
        raise RulePackError(f"{path}: 'python = true' but its module {module} is missing")
    if not spec.python and module.is_file():
        raise RulePackError(f"{module}: a rule module whose pack {path.name} does not say "
                            "'python = true'")
    return spec.model_copy(update={"source": str(path)})


def misplaced_files(directory: Path) -> list[str]:
    """Problems with pack files not at ``<family>/<rule-id>.toml`` (or ``.py`` beside one)."""
    problems = []
    for path in sorted(directory.rglob("*")):
        if path.suffix not in PACK_SUFFIXES or not path.is_file() or "__pycache__" in path.parts:
            continue
        depth = len(path.relative_to(directory).parts)
        if depth != 2:
            problems.append(f"{path}: a rule pack file must be at <dir>/<family>/<rule-id>"
                            f"{path.suffix}; this one is not loaded")
        elif path.suffix == ".py" and not path.with_suffix(".toml").is_file():
            problems.append(f"{path}: a rule module needs its pack "
                            f"{path.with_suffix('.toml').name} beside it")
    return problems


def load_rules(directories: Iterable[Path] | None = None) -> tuple[RuleSpec, ...]:
    """Load every ``<family>/<rule-id>.toml`` under the given directories (default: shipped)."""
    dirs = [rules_dir()] if directories is None else list(directories)
    return _load_rules_cached(tuple(str(d) for d in dirs))


@lru_cache(maxsize=8)
def _load_rules_cached(dirs: tuple[str, ...]) -> tuple[RuleSpec, ...]:
    specs: dict[str, RuleSpec] = {}
    for directory in map(Path, dirs):
        if not directory.is_dir():
            raise RulePackError(f"{directory}: rule directory not found")
        problems = misplaced_files(directory)
        if problems:
            raise RulePackError(problems[0])
        for path in sorted(directory.glob("*/*.toml")):
            spec = load_rule_file(path)
            if spec.id in specs:
                raise RulePackError(f"{path}: duplicate rule id {spec.id!r} (also in "
                                    f"{specs[spec.id].source})")
            specs[spec.id] = spec
    for spec in specs.values():
        unknown = sorted(set(spec.superseded_by + spec.model_superseded_by) - set(specs))
        if unknown:
            raise RulePackError(f"{spec.source}: superseded by unknown rule(s) "
                                f"{', '.join(unknown)}; known rules: {', '.join(sorted(specs))}")
    return tuple(specs[k] for k in sorted(specs))
