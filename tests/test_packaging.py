"""The wheel ships the rule packs and vocabulary, and they are found at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from followup_lint.datafiles import rules_dir

ROOT = Path(__file__).resolve().parents[1]


def test_rules_found_at_run_time() -> None:
    assert (rules_dir() / "tone" / "casual-tone.toml").is_file()
    assert (rules_dir() / "vocabulary" / "professional.txt").is_file()


@pytest.mark.slow
def test_wheel_contains_rule_files(tmp_path) -> None:
    pytest.importorskip("build")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path),
         str(ROOT)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    [wheel] = list(tmp_path.glob("followup_lint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*") if p.is_file()}
    assert shipped
    for name in shipped:
        assert f"followup_lint/{name}" in names, name
    assert "followup_lint/engine.py" in names
