"""Bad input gets a clear error or a graceful result: never a traceback, never lost data."""

from __future__ import annotations

import pytest

from followup_lint import Config, Linter, RulePackError
from followup_lint.inputs import read_source
from followup_lint.packs.loading import load_rules

TEXTS = {
    "empty": "",
    "whitespace": " \n\t\r\n  \n",
    "control characters": "Thank you\x00 for the\x07 tour\x1b of the lab.\x0c",
    "mixed scripts": "Спасибо за интервью. 感谢您的时间。 شكرا. Thank you for the Tokyo tour.",
    "emoji only": "👍🏽🎉👩‍💻",
    "lone surrogate-free odd unicode": "e\u0301 \u200b\u2028\u2029 \ufeffThanks.",
    "one long word": "a" * 5000,
    "only punctuation": "!!!???...,,,;;;" * 50,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_odd_text_is_linted_gracefully(linter, name: str) -> None:
    text = TEXTS[name]
    report = linter.lint(text)
    for f in report.findings:
        assert text[f.start:f.end] == f.excerpt


def test_empty_draft_is_never_ready(linter) -> None:
    for text in ("", "   \n "):
        report = linter.lint(text)
        assert [(f.rule, f.start, f.end, f.excerpt) for f in report.findings] == [
            ("too-short", 0, 0, "")]
        assert report.verdict == "do-not-send"


def test_one_megabyte_draft(linter) -> None:
    paragraph = ("Thank you for the tour of the Lisbon office and the talk about the billing "
                 "migration. I recieve your notes gladly!!\n\n")
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    report = linter.lint(text)
    spelling = [f for f in report.findings if f.rule == "spelling"]
    assert len(spelling) == text.count("recieve")
    assert all(text[f.start:f.end] == f.excerpt for f in report.findings)
    assert report.findings[-1].line > 10_000


def test_invalid_utf8_and_binary_files(tmp_path) -> None:
    invalid = tmp_path / "latin1.txt"
    invalid.write_bytes("Caf\xe9 interview".encode("latin-1"))
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Thank you for the tour.".encode("utf-16"))
    assert "UTF-8" in (read_source(str(invalid)).error or "")
    assert "binary" in (read_source(str(binary)).error or "")
    assert read_source(str(utf16)).text == "Thank you for the tour."
    assert read_source(str(tmp_path / "missing.txt")).error == "no such file"


def write_rule(root, family: str, rule_id: str, body: str):
    folder = root / family
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{rule_id}.toml"
    path.write_text(body, encoding="utf-8")
    return path


VALID = """
id = "my-rule"
family = "custom"
severity = "warning"
summary = "s"
rationale = "r"
[[match]]
kind = "phrase"
message = "m"
phrases = ["synergy"]
[examples]
fail = ["synergy", "more synergy"]
pass = ["fine", "also fine"]
"""


@pytest.mark.parametrize(("body", "reason"), [
    ("id = [", "invalid TOML"),
    (VALID.replace('severity = "warning"', 'severity = "fatal"'), "severity"),
    (VALID.replace('kind = "phrase"', 'kind = "python"'), "kind"),
    (VALID + "\nexecute = 'os.system'\n", "execute"),
    (VALID.replace('kind = "phrase"', 'kind = "regex"').replace(
        'phrases = ["synergy"]', 'regex = "(unclosed"'), "invalid regex"),
    (VALID.replace('fail = ["synergy", "more synergy"]', 'fail = ["one"]'), "fail"),
    (VALID.replace('id = "my-rule"', 'id = "other-rule"'), "file name"),
])
def test_broken_rule_packs_name_file_and_reason(tmp_path, body: str, reason: str) -> None:
    path = write_rule(tmp_path, "custom", "my-rule", body)
    with pytest.raises(RulePackError) as caught:
        load_rules([tmp_path])
    message = str(caught.value)
    assert str(path) in message and reason in message


def test_invalid_spacy_pattern_is_rejected_at_compile(tmp_path) -> None:
    body = VALID.replace('kind = "phrase"', 'kind = "pattern"').replace(
        'phrases = ["synergy"]', 'patterns = [[{ NOT_AN_ATTR = "x" }]]')
    write_rule(tmp_path, "custom", "my-rule", body)
    linter = Linter(Config(), rule_dirs=[tmp_path])
    with pytest.raises(RulePackError, match="my-rule.toml"):
        linter.lint("synergy")


def test_extra_rule_pack_runs(tmp_path) -> None:
    write_rule(tmp_path, "custom", "my-rule", VALID)
    linter = Linter(Config(select=["custom"]), rule_dirs=[tmp_path])
    assert [f.excerpt for f in linter.lint("We love synergy.").findings] == ["synergy"]


# -- the command line over hostile inputs: each case gets a clear result and loses no
# -- other file's findings (a good neighbour file is always linted and reported).

import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

NEIGHBOUR = "thx for the tour of the bakery!!\n"


def run_cli(*args: str, cwd: Path | None = None):
    exe = shutil.which("followup-lint", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "followup_lint"]
    return subprocess.run([*command, "--format", "json", "--no-cache", *args],
                          capture_output=True, text=True, timeout=600, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"})


def _ten_megabytes(folder: Path) -> list[str]:
    (folder / "huge.txt").write_text("Thank you for the tour. " * 420_000, encoding="utf-8")
    return ["huge.txt"]


def _nul(folder: Path) -> list[str]:
    (folder / "nul.txt").write_bytes(b"Thank you\x00 for the tour.")
    return ["nul.txt"]


def _invalid_utf8(folder: Path) -> list[str]:
    (folder / "latin1.txt").write_bytes("Thank you for the caf\xe9 tour.".encode("latin-1"))
    return ["latin1.txt"]


def _utf16(folder: Path) -> list[str]:
    (folder / "utf16.txt").write_bytes("thx for the intervew".encode("utf-16"))
    return ["utf16.txt"]


def _cp1252_eml(folder: Path) -> list[str]:
    (folder / "note.eml").write_bytes(
        b"Subject: Thank you\r\nContent-Type: text/plain; charset=windows-1252\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\nThank you for the caf\xe9 tour \x96 "
        b"I recieve it.\r\n")
    return ["note.eml"]


def _malformed_mime(folder: Path) -> list[str]:
    (folder / "broken.eml").write_bytes(
        b"Content-Type: multipart/mixed; boundary=\"zz\"\r\nSubject: =?utf-8?q?broken\r\n\r\n"
        b"--zz\r\nContent-Type: text/plain; charset=no-such-charset\r\n\r\nthx\r\n--zz")
    return ["broken.eml"]


def _html(folder: Path) -> list[str]:
    (folder / "page.html").write_text(
        "<script>alert('thx lol')</script><p>Thank you &amp; goodbye &#8212; "
        "I recieve it &notanentity;</p><style>p{}</style>", encoding="utf-8")
    return ["page.html"]


def _thousand_files(folder: Path) -> list[str]:
    many = folder / "many"
    many.mkdir()
    for i in range(1000):
        (many / f"note{i:04d}.txt").write_text(f"Thanks for tour {i}.", encoding="utf-8")
    return ["many"]


def _symlink_loop(folder: Path) -> list[str]:
    loop = folder / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop, target_is_directory=True)
    (loop / "a.txt").write_text("Thank you for the tour.", encoding="utf-8")
    return ["loop"]


def _removed(folder: Path) -> list[str]:
    return ["removed-before-reading.txt"]


def _corrupted_cache(folder: Path) -> list[str]:
    return []  # covered by test_corrupted_cache_entry below


CASES = {
    "10 MB": (_ten_megabytes, 2, "over the limit"),
    "NUL bytes": (_nul, 2, "binary"),
    "invalid UTF-8": (_invalid_utf8, 2, "not valid UTF-8"),
    "UTF-16 with BOM": (_utf16, 1, ""),
    "Windows-1252 eml": (_cp1252_eml, 1, ""),
    "malformed MIME": (_malformed_mime, None, ""),
    "HTML with scripts and entities": (_html, 1, ""),
    "1,000 files": (_thousand_files, 1, ""),
    "symlink loop": (_symlink_loop, 1, ""),
    "file removed mid-run": (_removed, 2, "no such file"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_bad_input_table(tmp_path: Path, name: str) -> None:
    make, exit_code, stderr_part = CASES[name]
    (tmp_path / "neighbour.txt").write_text(NEIGHBOUR, encoding="utf-8")
    args = make(tmp_path)
    result = run_cli(*args, "neighbour.txt", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    if exit_code is not None:
        assert result.returncode == exit_code, result.stderr
    else:
        assert result.returncode in {0, 1, 2}
    assert stderr_part in result.stderr
    document = json.loads(result.stdout)
    neighbour = [f for f in document["files"] if f["path"] == "neighbour.txt"]
    assert neighbour and {x["rule"] for x in neighbour[0]["report"]["findings"]} >= {
        "casual-tone"}


def test_thousand_files_all_reported(tmp_path: Path) -> None:
    _thousand_files(tmp_path)
    document = json.loads(run_cli("many", cwd=tmp_path).stdout)
    assert len(document["files"]) == 1000
    assert [f["path"] for f in document["files"]] == sorted(f["path"] for f in document["files"])


def test_file_removed_between_listing_and_reading(tmp_path: Path) -> None:
    from followup_lint.inputs import expand_paths

    (tmp_path / "a.txt").write_text("Thanks.", encoding="utf-8")
    listed = list(expand_paths([str(tmp_path)]))
    (tmp_path / "a.txt").unlink()
    assert [read_source(p).error for p in listed] == ["no such file"]


def test_corrupted_cache_entry(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NEIGHBOUR, encoding="utf-8")
    cache = tmp_path / "cache"
    exe = [sys.executable, "-m", "followup_lint", "--format", "json", "--cache-dir", str(cache),
           "a.txt"]
    first = subprocess.run(exe, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    entries = [p for p in cache.rglob("*.json")]
    assert len(entries) == 1
    entries[0].write_text("{ not json", encoding="utf-8")
    second = subprocess.run(exe, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert second.returncode == first.returncode and "Traceback" not in second.stderr
    assert json.loads(second.stdout) == json.loads(first.stdout)


def test_catastrophic_regex_rejected(tmp_path) -> None:
    body = VALID.replace('kind = "phrase"', 'kind = "regex"').replace(
        'phrases = ["synergy"]', "regex = '(\\w+\\s*)+$'")
    path = write_rule(tmp_path, "custom", "my-rule", body)
    with pytest.raises(RulePackError, match="exponential") as caught:
        load_rules([tmp_path])
    assert str(path) in str(caught.value)


def test_input_over_the_limit_is_a_clear_error() -> None:
    from followup_lint import InputTooLargeError

    linter = Linter(Config(max_chars=1000))
    with pytest.raises(InputTooLargeError, match="1,000"):
        linter.lint("x" * 1001)
    assert linter.lint("x" * 1000) is not None
