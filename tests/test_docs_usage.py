"""The examples in docs/usage.md, executed: each prints what the page says it prints.

The page's example files (``note.txt``, ``contoso.md``, ...) are written from the page
itself into a fresh folder (a repository root of its own, so no settings file above it
applies, and with its own result cache). Then:

* every ```python block is run there; when a ```text block follows it, the printed
  output must equal it;
* every ```console block is run command by command (``$ ...`` lines, in bash, with this
  environment's ``followup-lint`` first on PATH); the lines after a command are its
  output (stdout and stderr as they interleave), where a line ``...`` stands for any
  number of lines and ``...`` inside a line for any text.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import make_root

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")

_FILE = re.compile(r"`([\w.-]+)`( \([^)]*\))?:\n\n```text\n(.*?)```", re.S)
_BLOCK = re.compile(r"```(python|console)\n(.*?)```(?:\n+```text\n(.*?)```)?", re.S)


def example_files() -> dict[str, bytes]:
    files = {}
    for name, note, body in _FILE.findall(PAGE):
        if "." not in name:
            continue
        if "CRLF" in note:
            body = body.replace("\n", "\r\n")
        files[name] = body.encode("latin-1" if "ISO-8859-1" in note else "utf-8")
    return files


BLOCKS = [(kind, code, output) for kind, code, output in _BLOCK.findall(PAGE)]
PYTHON = [(code, output) for kind, code, output in BLOCKS if kind == "python"]
CONSOLE = [code for kind, code, _ in BLOCKS if kind == "console"]


@pytest.fixture()
def page_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_root(tmp_path)
    for name, data in example_files().items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_page_defines_its_example_files() -> None:
    assert {"note.txt", "chen.txt", "contoso.md", "note.html", "reply.eml"} <= set(
        example_files())


@pytest.mark.parametrize(("code", "expected"), PYTHON,
                         ids=[f"python-{i}" for i in range(len(PYTHON))])
def test_python_example(page_folder: Path, code: str, expected: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "docs/usage.md", "exec"), {})  # noqa: S102 - the page's example
    if expected:
        assert _matches(expected.splitlines(), out.getvalue().splitlines()), out.getvalue()


def _commands(block: str) -> list[tuple[str, list[str]]]:
    commands: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    return commands


def _line_pattern(expected: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in expected.split("...")))


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; ``...`` alone stands for any lines, inside a line for any text."""
    if not expected:
        return not actual
    first, rest = expected[0], expected[1:]
    if first.strip() == "...":
        return any(_matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual or not _line_pattern(first).fullmatch(actual[0]):
        return False
    return _matches(rest, actual[1:])


_END = "@@end-of-command@@"


@pytest.mark.parametrize("block", CONSOLE, ids=[f"console-{i}" for i in range(len(CONSOLE))])
def test_console_example(page_folder: Path, block: str) -> None:
    env = {**os.environ, "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    commands = _commands(block)
    # One shell for the block, so `cd` and `echo $?` work as in a terminal.
    script = "".join(f"{command}\n__status=$?\nprintf '\\n{_END}\\n'\n(exit $__status)\n"
                     for command, _ in commands)
    result = subprocess.run(["bash", "-c", script], cwd=page_folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            timeout=1200)
    outputs = [chunk.removesuffix("\n").removeprefix("\n")
               for chunk in result.stdout.split(f"{_END}\n")]
    for (command, expected), output in zip(commands, outputs):
        actual = output.splitlines()
        assert _matches(expected, actual), (
            f"$ {command}\n--- expected\n" + "\n".join(expected) + "\n--- got\n"
            + "\n".join(actual))
    assert len(outputs) == len(commands) + 1, result.stdout
