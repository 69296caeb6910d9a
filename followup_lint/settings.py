"""Settings files: ``.followup-lint.toml`` or ``[tool.followup-lint]`` in ``pyproject.toml``.

Found by searching up from each linted file, stopping at the repository root (the first
directory holding ``.git``) or the filesystem root; ``--config FILE`` overrides the search.
Keys mirror :class:`~followup_lint.config.Config` (with hyphens), plus what only the
command line uses: ``fail-on``, ``rule-dirs``, ``per-file-ignores``, ``extensions``,
``exclude`` / ``extend-exclude`` and ``respect-gitignore``.
Per-rule options are tables: ``[rules.too-long]`` / ``[tool.followup-lint.rules.too-long]``.
An unknown key is an error naming the file, the key and the allowed keys; an unknown
option names the file, the rule and the option.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from followup_lint.config import DEFAULT_MODEL, Config
from followup_lint.datafiles import describe, read_data_file, read_toml
from followup_lint.errors import ConfigError, FollowupLintError
from followup_lint.model import Mode, Severity

SETTINGS_FILE = ".followup-lint.toml"
PYPROJECT = "pyproject.toml"
#: The search for a settings file stops at a directory holding this (a repository root).
ROOT_MARKER = ".git"
TOOL_TABLE = "followup-lint"
#: Folders never walked (gitignore syntax); ``exclude`` replaces, ``extend-exclude`` adds.
DEFAULT_EXCLUDE = ("node_modules/", "venv/", "__pycache__/", "site-packages/", "build/",
                   "dist/")


class FileSettings(BaseModel):
    """The keys a settings file may hold."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    mode: Mode = "draft"
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity = Field(default=Severity.error, alias="fail-on")
    vocabulary: list[str] | str = Field(
        default_factory=list, description="Accepted words, or a path to a word list (one a line)."
    )
    rule_dirs: list[str] = Field(default_factory=list, alias="rule-dirs")
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    template_variables: list[str] = Field(default_factory=list, alias="template-variables")
    model: str = DEFAULT_MODEL
    extensions: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = Field(default_factory=list, alias="extend-exclude")
    respect_gitignore: bool = Field(default=True, alias="respect-gitignore")
    template_syntaxes: dict[str, str] = Field(default_factory=dict, alias="template-syntaxes")
    handwritten_note_for: list[str] | None = Field(default=None, alias="handwritten-note-for")
    preview: bool = False
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)


def allowed_keys() -> list[str]:
    """The keys a settings file accepts, as written in the file."""
    return sorted(f.alias or name for name, f in FileSettings.model_fields.items())


@dataclass
class Settings:
    """Resolved settings for a group of files: the Config plus command-line-only values."""

    config: Config = field(default_factory=Config)
    fail_on: Severity = Severity.error
    rule_dirs: tuple[Path, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extensions: tuple[str, ...] = ()
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    respect_gitignore: bool = True

    def excludes(self, path: Path, is_dir: bool) -> bool:
        """True when an ``exclude`` pattern matches ``path`` (relative to the settings root)."""
        if not self.exclude:
            return False
        try:
            relative = path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            relative = path.name
        return _exclude_spec(self.exclude).match_file(relative + ("/" if is_dir else ""))

    def ignored_for(self, path: str) -> set[str]:
        """Rules and families that ``per-file-ignores`` switches off for ``path``."""
        try:
            relative = Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        names: set[str] = set()
        for pattern, rules in self.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                names.update(rules)
        return names


@lru_cache(maxsize=64)
def _exclude_spec(patterns: tuple[str, ...]):  # noqa: ANN202 - pathspec is imported lazily
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


def _check_ignores(path: Path, per_file_ignores: dict[str, list[str]],
                   rule_dirs: tuple[Path, ...]) -> None:
    """Every name in ``per-file-ignores`` is a rule id, a family or ``all``."""
    names = {n for rules in per_file_ignores.values() for n in rules} - {"all"}
    if not names:
        return
    from followup_lint.datafiles import rules_dir
    from followup_lint.packs.loading import load_rules

    try:
        rules = load_rules([rules_dir(), *rule_dirs] if rule_dirs else None)
    except FollowupLintError:
        return  # the rule pack's own error is reported when the rules are loaded
    known = {r.id for r in rules} | {r.family for r in rules}
    unknown = sorted(names - known)
    if unknown:
        raise ConfigError(f"{path}: per-file-ignores: unknown rule or family "
                          f"{', '.join(map(repr, unknown))}; use rule ids, family names or "
                          "'all' (see 'followup-lint rules')")


def _table(path: Path) -> dict[str, Any] | None:
    data = read_toml(path, ConfigError, "settings")
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get(TOOL_TABLE)
        return table if isinstance(table, dict) else None
    return data


def load_settings(path: Path) -> Settings:
    """Read and validate one settings file."""
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.{TOOL_TABLE}] table")
    try:
        raw = FileSettings.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {describe(exc, allowed_keys())}") from None
    root = path.parent
    vocabulary = raw.vocabulary
    if isinstance(vocabulary, str):
        word_file = inside_root(path, "vocabulary", vocabulary)
        lines = read_data_file(word_file, ConfigError, "vocabulary").splitlines()
        vocabulary = [w.strip() for w in lines if w.strip() and not w.startswith("#")]
    rule_dirs = tuple(inside_root(path, "rule-dirs", d) for d in raw.rule_dirs)
    for directory in rule_dirs:
        if not directory.is_dir():
            raise ConfigError(f"{path}: rule-dirs: {directory} is not a directory")
    try:
        config = Config(
            mode=raw.mode, select=raw.select, ignore=raw.ignore, severity=raw.severity,
            model=raw.model, vocabulary=vocabulary, template_variables=raw.template_variables,
            handwritten_note_for=raw.handwritten_note_for, preview=raw.preview, rules=raw.rules,
            template_syntaxes=raw.template_syntaxes,
        )
    except ValidationError as exc:
        raise ConfigError(f"{path}: {describe(exc, allowed_keys())}") from None
    if raw.rules:
        _check_rule_options(path, config, rule_dirs)
    extensions = tuple(e if e.startswith(".") else f".{e}" for e in raw.extensions)
    _check_ignores(path, raw.per_file_ignores, rule_dirs)
    return Settings(
        config=config, fail_on=raw.fail_on,
        rule_dirs=rule_dirs,
        per_file_ignores={k: tuple(v) for k, v in raw.per_file_ignores.items()},
        extensions=extensions, root=root, source=path,
        exclude=tuple(raw.exclude) + tuple(raw.extend_exclude),
        respect_gitignore=raw.respect_gitignore,
    )


def inside_root(settings_file: Path, key: str, value: str) -> Path:
    """``value`` from a settings file as a path under the file's folder, links resolved.

    Settings are data a repository controls: a path outside the folder holding the
    settings file (``/etc``, ``../..``, a link out of it) is a ConfigError.
    """
    root = settings_file.parent.resolve()
    try:
        resolved = (root / value).resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise ConfigError(f"{settings_file}: {key}: cannot use {value!r}: {exc}") from None
    if resolved != root and root not in resolved.parents:
        raise ConfigError(f"{settings_file}: {key}: {value!r} is outside {root}; paths in "
                          "settings must stay inside the folder of the settings file")
    return resolved


def _check_rule_options(path: Path, config: Config, rule_dirs: tuple[Path, ...]) -> None:
    """Validate ``[rules.<id>]`` tables now, so that errors name this file."""
    from followup_lint.datafiles import rules_dir
    from followup_lint.packs.binding import bind_all
    from followup_lint.packs.loading import load_rules
    from followup_lint.selection import resolve_options

    try:
        resolve_options(bind_all(load_rules([rules_dir(), *rule_dirs])), config)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def find_settings_file(start: Path) -> Path | None:
    """The nearest settings file at or above ``start`` (a directory).

    The search ends at the repository root (a directory holding ``.git``, a folder or the
    file a git worktree has) so that nothing outside the repository changes its settings.
    """
    for directory in [start, *start.parents]:
        candidate = directory / SETTINGS_FILE
        if candidate.is_file():
            return candidate
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _table(pyproject) is not None:
            return pyproject
        if (directory / ROOT_MARKER).exists():
            return None
    return None


class SettingsResolver:
    """Settings for each linted path, discovered once per directory."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_settings(explicit) if explicit is not None else None
        self._by_dir: dict[Path, Settings] = {}
        self._by_file: dict[Path, Settings] = {}

    def for_path(self, path: str) -> Settings:
        """Settings that apply to ``path`` ('-' means the current directory)."""
        if self._explicit is not None:
            return self._explicit
        directory = Path.cwd() if path == "-" else Path(path).resolve().parent
        if directory not in self._by_dir:
            found = find_settings_file(directory)
            if found is None:
                self._by_dir[directory] = Settings()
            else:
                if found not in self._by_file:
                    self._by_file[found] = load_settings(found)
                self._by_dir[directory] = self._by_file[found]
        return self._by_dir[directory]
