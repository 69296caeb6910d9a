"""Typographic normalisation: rules match curly, dashed and full-width text, offsets exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_lint import Linter
from followup_lint.normalize import plain

TYPOGRAPHY = "’‘“”–—…\u00a0\u200b\uff01\uff21"


@given(st.text(alphabet=st.sampled_from(list("ab ',.-\"") + list(TYPOGRAPHY)), max_size=60))
def test_plain_keeps_length_and_plain_characters(text: str) -> None:
    out = plain(text)
    assert len(out) == len(text)
    assert not set(out) & set(TYPOGRAPHY)


def test_curly_apostrophes_match_like_straight_ones() -> None:
    linter = Linter()
    for straight in ("I can't wait any longer for your decision.",
                     "Why haven't I heard back from anyone?"):
        curly = straight.replace("'", "’")
        rules = {f.rule for f in linter.lint(curly).findings}
        assert "pushy-phrasing" in rules, curly
        pushy = [f for f in linter.lint(curly).findings if f.rule == "pushy-phrasing"]
        assert all(curly[f.start:f.end] == f.excerpt for f in pushy)
        assert any("’" in f.excerpt for f in pushy)  # quotes what the writer typed


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["I can’t", "wait", "—", "any", "longer…", "“good fit”",
                                 "\u200b", "ｔｈａｎｋｓ", "Dear Ms. Lee,\n\n", "!!"]),
                max_size=12))
def test_offsets_exact_on_typographic_text(words: list[str]) -> None:
    text = " ".join(words)
    for finding in Linter().lint(text).findings:
        assert text[finding.start:finding.end] == finding.excerpt
