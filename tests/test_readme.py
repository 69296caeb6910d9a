"""The README's Python example prints exactly what the README says it prints."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_example_output(monkeypatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n(.*?)```\n+```text\n(.*?)```", readme, re.S)
    assert match, "README needs a ```python block followed by its ```text output"
    code, expected = match.groups()
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    assert out.getvalue() == expected


def test_readme_setup_commands_match_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '.venv/bin/pip install -e ".[dev]" && .venv/bin/python -m pytest -q' in readme
    assert 'pip install --quiet -e ".[dev]"' in ci and "python -m pytest -q" in ci
    assert "followup-lint examples/thank-you-draft.txt" in readme
    assert os.path.isfile(ROOT / "examples" / "thank-you-draft.txt")
