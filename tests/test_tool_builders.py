"""The library for tool builders: the fix API, UTF-16 offsets, finding scope, lint()'s cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_workflows import cli

from followup_lint import Config, apply_fixes, lint, utf16_offset

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "thank-you-draft.txt"

FIXABLE = ("Dear Ms. Ruiz,\n\nThank you 😀 for the the tour of the ICU scheduling system on "
           "Tuesday.  I would love to help reduce the overtime you described.\n\n"
           "Best regards,\nKofi\n")


def test_apply_fixes_applies_only_safe_fixes(linter) -> None:
    report = linter.lint(FIXABLE)
    fixed = apply_fixes(FIXABLE, report)
    assert "the the" not in fixed and "Tuesday. I would" in fixed
    assert "😀" in fixed  # not a safe fix: left alone
    left = linter.lint(fixed)
    assert not any(s.safe for f in left.findings for s in f.suggestions)
    assert apply_fixes(fixed, left) == fixed
    assert apply_fixes(FIXABLE, report.findings) == fixed


def test_apply_fixes_refuses_a_report_of_another_text(linter) -> None:
    report = linter.lint(FIXABLE)
    with pytest.raises(ValueError, match="outside the text"):
        apply_fixes("Short.", report)


def test_utf16_offsets_on_findings(linter) -> None:
    text = "Dear Ms. Ruiz,\n\nThanks 😀😀 for teh 中文 tour 🎉 on Tuesday.\n\nBest,\nKofi\n"
    report = linter.lint(text)
    assert report.findings
    for f in report.findings:
        assert f.start_utf16 == len(text[:f.start].encode("utf-16-le")) // 2
        assert f.end_utf16 == len(text[:f.end].encode("utf-16-le")) // 2
        assert f.start_utf16 == utf16_offset(text, f.start)
    spelling = next(f for f in report.findings if f.excerpt == "teh")
    assert spelling.start_utf16 == spelling.start + 2


def test_utf16_offsets_in_file_positions(tmp_path) -> None:
    (tmp_path / "note.md").write_text("---\ncompany: Émoji 😀 Ltd\n---\nThanks 😀 for teh tour!\n",
                                      encoding="utf-8")
    document = json.loads(cli("--no-cache", "--model", "blank", "--format", "json", "note.md",
                              cwd=tmp_path).stdout)
    raw = (tmp_path / "note.md").read_text(encoding="utf-8")
    findings = document["files"][0]["report"]["findings"]
    assert findings
    for f in findings:
        assert raw[f["start"]:f["end"]] == f["excerpt"]
        assert f["start_utf16"] == len(raw[:f["start"]].encode("utf-16-le")) // 2


def test_whole_message_findings_have_message_scope(linter) -> None:
    report = linter.lint(EXAMPLE.read_text(encoding="utf-8"))
    scopes = {(f.rule, f.scope) for f in report.findings}
    assert {("missing-specifics", "message"), ("spelling", "span"),
            ("casual-tone", "span")} <= scopes
    assert ("spelling", "message") not in scopes and ("casual-tone", "message") not in scopes


def test_lint_keeps_a_bounded_number_of_linters(monkeypatch) -> None:
    from followup_lint import engine

    monkeypatch.setattr(engine, "MAX_CACHED_LINTERS", 2)
    monkeypatch.setattr(engine, "_linters", type(engine._linters)())
    configs = [Config(model="blank", ignore=(rule,))
               for rule in ("spelling", "casual-tone", "pushy-phrasing")]
    keys = [c.model_dump_json() + "|" for c in configs]
    for config in configs:
        lint("thx for the tour", config=config)
    kept = list(engine._linters)
    assert len(kept) == 2 and keys[0] not in kept
    lint("thx again", config=configs[1])  # a hit makes it the most recent
    lint("thx", config=configs[0])  # so the least recent (configs[2]) goes
    assert list(engine._linters) == [keys[1], keys[0]]
