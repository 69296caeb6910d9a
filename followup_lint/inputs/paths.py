"""Which files to lint: named files, globs, and known extensions under named directories.

Directories are walked in sorted order without following symbolic links to directories
(no loops) and without entering hidden folders. Two filters apply:

* ``exclude`` patterns (gitignore syntax, relative to the settings file's folder) from
  the settings; they apply to named files too, so pre-commit and CI agree;
* ``.gitignore`` files (and ``.git/info/exclude``) of the repository around the walked
  directory, unless switched off; a file named on the command line is always linted.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterator
from pathlib import Path

#: Where ``exclude`` patterns are matched: (path, is_dir) -> True to leave the path out.
Excluder = Callable[[Path, bool], bool]
_GLOB_CHARS = frozenset("*?[")


def expand_paths(paths: list[str], extensions: tuple[str, ...] | None = None, *,
                 excluded: Excluder | None = None, gitignore: bool = False) -> Iterator[str]:
    """Paths to lint, in order; ``excluded`` and ``.gitignore`` files leave some out."""
    if extensions is None:
        from followup_lint.inputs.registry import DEFAULT_EXTENSIONS

        extensions = DEFAULT_EXTENSIONS
    ignores = GitIgnores() if gitignore else None
    for raw in paths:
        if raw != "-" and _GLOB_CHARS & set(raw) and not Path(raw).exists():
            matches = sorted(glob.glob(raw, recursive=True))
            if matches:
                yield from expand_paths(matches, extensions, excluded=excluded,
                                        gitignore=gitignore)
                continue
        path = Path(raw)
        if raw != "-" and path.is_dir():
            yield from (str(p) for p in _walk(path, extensions, excluded, ignores))
        elif raw == "-" or excluded is None or not excluded(path, False):
            yield raw


def _walk(root: Path, extensions: tuple[str, ...], excluded: Excluder | None,
          ignores: GitIgnores | None) -> list[Path]:
    found: list[Path] = []
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") and entry != root:
                continue
            if entry.is_symlink():
                continue  # never followed: no loops, nothing read or fixed outside the tree
            is_dir = entry.is_dir()
            if excluded is not None and excluded(entry, is_dir):
                continue
            if ignores is not None and ignores.ignored(entry, is_dir):
                continue
            if is_dir:
                stack.append(entry)
            elif entry.suffix.lower() in extensions and entry.is_file():
                found.append(entry)
    return sorted(found)


class GitIgnores:
    """``.gitignore`` matching the way git does it: deeper files win, ``!`` re-includes."""

    def __init__(self) -> None:
        self._specs: dict[Path, object | None] = {}
        self._roots: dict[Path, Path | None] = {}

    def _root(self, directory: Path) -> Path | None:
        if directory not in self._roots:
            self._roots[directory] = next(
                (d for d in (directory, *directory.parents) if (d / ".git").exists()), None)
        return self._roots[directory]

    def _spec(self, directory: Path, root: Path) -> object | None:
        if directory not in self._specs:
            from pathspec import GitIgnoreSpec

            lines: list[str] = []
            files = [directory / ".gitignore"]
            if directory == root:
                files.insert(0, root / ".git" / "info" / "exclude")
            for file in files:
                try:
                    lines += file.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue
            self._specs[directory] = GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[directory]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """True when git would ignore ``path``."""
        absolute = path.absolute()
        root = self._root(absolute.parent)
        if root is None:
            return False
        chain = [absolute.parent, *absolute.parent.parents]
        chain = list(reversed(chain[:chain.index(root) + 1]))
        verdict = False
        for directory in chain:
            spec = self._spec(directory, root)
            if spec is None:
                continue
            relative = absolute.relative_to(directory).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(relative)  # type: ignore[attr-defined]
            if result.include is not None:
                verdict = result.include
        return verdict
