"""The shape of the code: no import cycle, and every Python rule bound to exactly one pack."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from followup_lint.datafiles import rules_dir
from followup_lint.packs.binding import MODULE_PREFIX, bind
from followup_lint.packs.loading import load_rules, misplaced_files

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "followup_lint"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(source: str, package: str | None = None) -> set[str]:
    """Every module imported anywhere in ``source`` (function bodies included), except
    under ``if TYPE_CHECKING:``, which never runs."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level and package:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def import_graph() -> dict[str, set[str]]:
    """followup_lint module -> the followup_lint modules it imports."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = {m for m in imports_of(path.read_text(encoding="utf-8"), package)
                       if m in files and m != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path [a, b, ..., a], or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    source = "import x\nif TYPE_CHECKING:\n    import y\ndef f():\n    from z import w\n"
    assert imports_of(source) == {"x", "z", "z.w"}


def test_no_import_cycle() -> None:
    graph = import_graph()
    assert "followup_lint.engine" in graph and graph["followup_lint.engine"]
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


RULE_MODULES = sorted(rules_dir().glob("*/*.py"))


def test_every_rule_module_has_a_python_pack_and_back() -> None:
    specs = {s.id: s for s in load_rules()}
    assert RULE_MODULES
    for module in RULE_MODULES:
        spec = specs.get(module.stem)
        assert spec is not None and spec.python, f"{module} is not bound to a pack"
        assert spec.family == module.parent.name
    for spec in specs.values():
        if spec.python:
            assert Path(spec.source).with_suffix(".py").is_file(), spec.id
            rule = bind(spec, None)
            assert callable(rule.run) and rule.module is not None
    assert misplaced_files(rules_dir()) == []


@pytest.mark.parametrize("module", RULE_MODULES, ids=[m.stem for m in RULE_MODULES])
def test_rule_modules_import_nothing_back(module: Path) -> None:
    imported = imports_of(module.read_text(encoding="utf-8"))
    backwards = {m for m in imported if m.startswith(MODULE_PREFIX) or m.startswith((
        "followup_lint.engine", "followup_lint.findings", "followup_lint.packs",
        "followup_lint.selection", "followup_lint.cli"))}
    assert not backwards, f"{module.name} imports {sorted(backwards)}"


def test_the_package_never_imports_a_rule_module() -> None:
    for path in PACKAGE.rglob("*.py"):
        imported = imports_of(path.read_text(encoding="utf-8"))
        assert not any(m.startswith(MODULE_PREFIX) for m in imported), path
