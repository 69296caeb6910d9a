"""Bad input gets a clear error or a graceful result: never a traceback, never lost data."""

from __future__ import annotations

import pytest

from followup_lint import Config, Linter, RulePackError
from followup_lint.inputs import read_source
from followup_lint.ruleset import load_rules

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


def test_empty_draft_has_no_findings(linter) -> None:
    assert linter.lint("").findings == []
    assert linter.lint("   \n ").findings == []


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
