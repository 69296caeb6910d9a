"""The command line's entry point called in this process: fixes, the cache and each format.

The subprocess tests (test_cli*.py, test_promises_cli.py) are the real thing; these call
the same ``main(argv)`` in-process so that they are quick enough to run for every mutant
in a mutation run (docs/testing.md). Each works in its own folder with its own cache.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import make_root

from followup_lint.cli import main

NOTE = ("Dear Ms. Ruiz,\r\n\r\nThank you for the  the tour of the Denver warehouse.\r\n"
        "I loved the  demo, and I recieved the schedule.\r\n\r\nBest regards,\r\nSam\r\n")
FIXED = ("Dear Ms. Ruiz,\r\n\r\nThank you for the tour of the Denver warehouse.\r\n"
         "I loved the demo, and I recieved the schedule.\r\n\r\nBest regards,\r\nSam\r\n")


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_root(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "note.txt").write_bytes(NOTE.encode("utf-8"))
    return tmp_path


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main(["--no-cache", *args] if "--cache-dir" not in args else list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_fix_rewrites_only_safe_fixes_keeping_crlf(folder: Path, capsys) -> None:
    code, out, err = run(capsys, "--fix", "note.txt")
    assert (folder / "note.txt").read_bytes() == FIXED.encode("utf-8")
    assert "note.txt: fixed 2 (punctuation-spacing, repeated-word)" in err
    assert code == 1 and "recieved" in out  # the spelling error has no safe fix: reported
    assert "repeated-word" not in out and "punctuation-spacing" not in out


def test_diff_shows_fixes_and_writes_nothing(folder: Path, capsys) -> None:
    code, out, _ = run(capsys, "--diff", "note.txt")
    assert code == 1
    assert (folder / "note.txt").read_bytes() == NOTE.encode("utf-8")
    removed = [line for line in out.splitlines() if line.startswith("-") and
               not line.startswith("---")]
    added = [line for line in out.splitlines() if line.startswith("+") and
             not line.startswith("+++")]
    assert removed == ["-Thank you for the  the tour of the Denver warehouse.",
                       "-I loved the  demo, and I recieved the schedule."]
    assert added == ["+Thank you for the tour of the Denver warehouse.",
                     "+I loved the demo, and I recieved the schedule."]
    (folder / "note.txt").write_bytes(FIXED.encode("utf-8"))
    assert run(capsys, "--diff", "note.txt")[0] == 0


def _plant(entry: Path, old: str, new: str) -> None:
    """Rewrite a cache entry's report and seal it again with the local key (an edit that
    is not sealed is a miss: see test_cache.py)."""
    from followup_lint.cache import ResultCache
    from followup_lint.model import Report

    _, _, body = entry.read_bytes().partition(b"\n")
    report = Report.model_validate_json(body.decode("utf-8").replace(old, new, 1))
    ResultCache(entry.parent.parent).put(entry.stem, report)


def test_cache_entry_is_served_until_the_text_changes(folder: Path, capsys) -> None:
    args = ("--format", "json", "--cache-dir", "c", "note.txt")
    code, first, _ = run(capsys, *args)
    assert (folder / "c" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    [entry] = (folder / "c").rglob("*.json")
    message = json.loads(first)["files"][0]["report"]["findings"][0]["message"]
    entry.write_text(entry.read_text(encoding="utf-8").replace(message, "PLANTED", 1),
                     encoding="utf-8")
    assert "PLANTED" not in run(capsys, *args)[1]  # an unsealed edit is not served
    _plant(entry, message, "PLANTED")
    assert "PLANTED" in run(capsys, *args)[1]
    entry.write_text("{ not json", encoding="utf-8")  # unreadable: linted again, rewritten
    assert run(capsys, *args)[1] == first
    assert json.loads(entry.read_bytes().partition(b"\n")[2])["findings"]
    (folder / "note.txt").write_bytes(FIXED.encode("utf-8"))
    changed = run(capsys, *args)[1]
    assert changed != first and len(list((folder / "c").rglob("*.json"))) == 2


def test_json_format(folder: Path, capsys) -> None:
    code, out, _ = run(capsys, "--format", "json", "note.txt", "note.txt")
    document = json.loads(out)
    assert [f["path"] for f in document["files"]] == ["note.txt", "note.txt"]
    report = document["files"][0]["report"]
    assert document["summary"] == {
        "files": 2, "error": sum(f["report"]["counts"]["error"] for f in document["files"]),
        "warning": sum(f["report"]["counts"]["warning"] for f in document["files"]),
        "info": sum(f["report"]["counts"]["info"] for f in document["files"]), "skipped": 0}
    spelling = next(f for f in report["findings"] if f["rule"] == "spelling")
    assert (spelling["line"], spelling["column"], spelling["excerpt"]) == (4, 26, "recieved")
    assert spelling["severity"] == "error" and spelling["suggestions"][0]["replacement"]


def test_github_format(folder: Path, capsys) -> None:
    _, out, _ = run(capsys, "--format", "github", "note.txt")
    lines = out.splitlines()
    spelling = next(line for line in lines if "spelling" in line)
    assert spelling.startswith("::error file=note.txt,line=4,col=26,endLine=4,endColumn=34,"
                               "title=spelling (error)::")
    warning = next(line for line in lines if "repeated-word" in line)
    assert warning.startswith("::warning file=note.txt,line=3,col=15,")
    assert all(line.startswith("::") for line in lines)


def test_sarif_format(folder: Path, capsys) -> None:
    _, out, _ = run(capsys, "--format", "sarif", "note.txt")
    run_ = json.loads(out)["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    result = next(r for r in run_["results"] if r["ruleId"] == "spelling")
    assert ids[result["ruleIndex"]] == "spelling" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"],
            region["endColumn"]) == (4, 26, 4, 34)
    levels = {r["ruleId"]: r["level"] for r in run_["results"]}
    assert levels["repeated-word"] == "warning"


def test_text_format(folder: Path, capsys) -> None:
    _, out, _ = run(capsys, "note.txt")
    lines = out.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("note.txt:4:26: error "
                                                                     "spelling ")))
    assert lines[at + 1] == "  |"
    assert lines[at + 2] == "4 | I loved the  demo, and I recieved the schedule."
    assert lines[at + 3] == "  |" + " " * 26 + "^" * 8


# -- details that mutation testing found untested ------------------------------------


def test_fix_goes_on_past_a_finding_without_a_safe_fix(folder: Path, capsys) -> None:
    (folder / "a.txt").write_text("I recieved the the schedule.\n", encoding="utf-8")
    run(capsys, "--fix", "a.txt")
    assert (folder / "a.txt").read_text(encoding="utf-8") == "I recieved the schedule.\n"


def test_fix_applies_adjacent_fixes(folder: Path, capsys) -> None:
    (folder / "a.txt").write_text("Thank you for the tour , , and more.\n", encoding="utf-8")
    _, _, err = run(capsys, "--fix", "a.txt")
    assert (folder / "a.txt").read_text(encoding="utf-8") == "Thank you for the tour, and more.\n"
    assert "fixed 2" in err


def test_github_escapes_file_names_and_ends_with_a_newline(folder: Path, capsys) -> None:
    name = "notes, v2: 100%.txt"
    (folder / name).write_text("thx for the tour\n", encoding="utf-8")
    _, out, _ = run(capsys, "--format", "github", name)
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert all("file=notes%2C v2%3A 100%25.txt," in line for line in out.splitlines())
    (folder / "clean.txt").write_text("", encoding="utf-8")
    assert run(capsys, "--format", "github", "--select", "spelling", "clean.txt")[1] == ""

    from followup_lint.formatters.github import escape_data, escape_property

    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_cache_key_includes_the_context(folder: Path, capsys) -> None:
    (folder / "a.txt").write_text("Dear Ms. Alverez,\n\nThank you for the tour.\n",
                                  encoding="utf-8")
    with_name = run(capsys, "--format", "json", "--cache-dir", "c", "--interviewer",
                    "Maria Alvarez", "a.txt")[1]
    without = run(capsys, "--format", "json", "--cache-dir", "c", "a.txt")[1]
    rules = [[f["rule"] for f in json.loads(out)["files"][0]["report"]["findings"]]
             for out in (with_name, without)]
    assert "context-mismatch" in rules[0] and "context-mismatch" not in rules[1]


def test_cache_dir_is_created_with_its_parents(folder: Path, capsys) -> None:
    run(capsys, "--cache-dir", "deep/er/cache", "note.txt")
    cache = folder / "deep" / "er" / "cache"
    assert (cache / ".gitignore").is_file() and len(list(cache.rglob("*.json"))) == 1
    assert not list(cache.rglob("*.tmp"))
