"""The result cache: keyed on what a report depends on, forged entries refused, never
through a link, at the project root, pruned by age and size."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup_lint import Config, Severity, lint
from followup_lint.cache import DEFAULT_CACHE_DIR, ResultCache, _rules_digest, default_cache_dir

FAILING = "Hey Ana, thx for the tour!!\n"
CLEAN = "Dear Ana,\n\nThank you for the tour of the bakery on Tuesday.\n\nBest,\nKim\n"
PACKAGE = Path(__file__).resolve().parents[1] / "followup_lint"


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "followup_lint", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_a_forged_entry_cannot_make_a_failing_file_pass(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(FAILING, encoding="utf-8")
    first = cli(tmp_path, "--cache-dir", "c", "--format", "json", "note.txt")
    assert first.returncode == 1
    [entry] = list((tmp_path / "c").rglob("*.json"))
    seal = entry.read_bytes().partition(b"\n")[0]
    passing = lint(CLEAN)
    assert not passing.has_at_least(Severity.error)  # would exit 0 if it were served
    clean = passing.model_dump_json().encode()
    for forged in (clean, seal + b"\n" + clean):  # a bare report, or one under the old seal
        entry.write_bytes(forged)
        again = cli(tmp_path, "--cache-dir", "c", "--format", "json", "note.txt")
        assert again.returncode == 1
        assert json.loads(again.stdout) == json.loads(first.stdout)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_linked_cache_folder_is_never_used(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / ".git").mkdir(parents=True)
    outside.mkdir()
    (repo / DEFAULT_CACHE_DIR).symlink_to(outside, target_is_directory=True)
    (repo / "note.txt").write_text(FAILING, encoding="utf-8")
    result = cli(repo, "--format", "json", "note.txt")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert list(outside.iterdir()) == []


def test_cache_lives_at_the_project_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "notes" / "deep").mkdir(parents=True)
    (repo / ".git").mkdir()
    assert default_cache_dir(None, repo / "notes" / "deep") == repo.resolve() / DEFAULT_CACHE_DIR
    settings = repo / "notes" / ".followup-lint.toml"
    assert default_cache_dir(settings, repo / "notes" / "deep") == (
        repo / "notes" / DEFAULT_CACHE_DIR)
    (repo / "notes" / "deep" / "note.txt").write_text(FAILING, encoding="utf-8")
    cli(repo / "notes" / "deep", "--quiet", "note.txt")
    assert len(list((repo / DEFAULT_CACHE_DIR).rglob("*.json"))) == 1
    assert not (repo / "notes" / "deep" / DEFAULT_CACHE_DIR).exists()


def test_prune_by_age_then_size(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c")
    report = lint("Thanks!", config=Config(model="blank"))
    keys = [f"{i:02x}" * 32 for i in range(6)]
    now = time.time()
    for age_days, key in zip((40, 35, 3, 2, 1, 0), keys):
        cache.put(key, report)
        os.utime(cache._path(key), (now - age_days * 86400,) * 2)
    assert cache.prune(force=True) == 2  # the two older than 30 days
    assert [cache.get(k) is None for k in keys] == [True, True, False, False, False, False]
    size = cache._path(keys[-1]).stat().st_size
    assert cache.prune(max_bytes=2 * size, force=True) == 2  # then the oldest, to fit
    assert [cache.get(k) is None for k in keys[2:]] == [True, True, False, False]
    assert cache.prune() == 0  # at most once a day


def test_key_follows_rule_files_and_package_code(tmp_path: Path) -> None:
    # A rule in a linked rule folder: editing it changes the key.
    real = tmp_path / "real" / "custom"
    real.mkdir(parents=True)
    rule = PACKAGE.parent / "rules" / "structure"
    source = sorted(rule.glob("*.toml"))[0]
    text = source.read_text(encoding="utf-8")
    target = real / source.name
    target.write_text(text.replace('family = "structure"', 'family = "custom"'),
                      encoding="utf-8")
    if source.with_suffix(".py").is_file():  # a rule's Python checks travel with it
        shutil.copy(source.with_suffix(".py"), target.with_suffix(".py"))
    linked = tmp_path / "pack"
    linked.mkdir()
    (linked / "custom").symlink_to(real, target_is_directory=True)
    before = _rules_digest.__wrapped__((str(linked),))
    target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert _rules_digest.__wrapped__((str(linked),)) != before

    # A copy of the package: editing its code changes every key.
    copy = tmp_path / "site" / "followup_lint"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if not (copy / "rules").exists():
        shutil.copytree(PACKAGE.parent / "rules", copy / "rules")
    code = ("from followup_lint.cache import ResultCache; from followup_lint import Config; "
            "print(ResultCache(None).key('thx', Config(), None))")

    def key() -> str:
        return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                              text=True, timeout=120, check=True,
                              env={**os.environ, "PYTHONPATH": str(copy.parent)}).stdout
    where = subprocess.run([sys.executable, "-c", "import followup_lint as f; print(f.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(copy.parent)}).stdout
    assert where.strip() == str(copy / "__init__.py")
    first = key()
    assert first == key()
    check = copy / "engine.py"
    check.write_text(check.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert key() != first
