"""The literal prefilters of regular expressions never change an answer."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lint.packs.binding import MODULE_PREFIX
from followup_lint.prefilter import Prefiltered, fold, prefiltered, required_literals

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?i)\bbetter than (?:anyone|anybody)\b", {"better than any"}),
    (r"(?i)\b(?:twice|(?:three|\d+) times|worst)\b", {"twice", " times", "worst"}),
    (r"(?i)(?:very )?good", {"good"}),
    (r"(?i)(?:very )*good(?:ness)?", {"good"}),
    (r"(?:ab)+cde", {"cde"}),
    (r"(?i:Hello) World", {" World"}),  # case-sensitive: looked for as written
    (r"(?i)HELLO", {"hello"}),  # ignoring case: looked for in folded text
    (r"[!?]*!!+[!?]*|[!?]*\?!+[!?]*|\?\?+", {"!!", "?!", "??"}),
    (r"x{2,3}y| {2,}", {"xx", "  "}),
    (r"(?i)a{2}b", {"aab"}),
    (r"(?i)caf\u00e9 au lait", {" au lait"}),  # 'é' ignoring case matches 'É' as well
    (r"late|\w+", None),  # an alternative with no literal: no set to test
    (r"[ab]+", None),
    (r"(?i)x?", None),
])
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


def test_fold_maps_every_character_re_equates_with_an_ascii_letter() -> None:
    letters = re.compile(r"(?i)[a-z]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if letters.fullmatch(char):
            folded = fold(char)
            assert len(folded) == 1 and "a" <= folded <= "z"
            assert re.fullmatch(f"(?i){folded}", char)
    assert fold("K\u212aelvin \u0130stanbul \u017fo I\u0131") == "kkelvin istanbul so ii"


def test_short_or_missing_literals_are_not_prefiltered() -> None:
    assert isinstance(prefiltered(re.compile(r"(?i)\bapologi[sz]e\b")), Prefiltered)
    plain = re.compile(r"(?i)\b(?:a|an)\b")
    assert prefiltered(plain) is plain
    assert isinstance(prefiltered(plain, min_literal=1), Prefiltered)  # searched once a draft
    words = re.compile(r"\w+")
    assert prefiltered(words, min_literal=1) is words


def test_case_sensitive_parts_are_looked_for_as_written() -> None:
    gated = prefiltered(re.compile(r"(?i:Hello) World"))
    assert isinstance(gated, Prefiltered)
    assert not gated.possible("hello world") and gated.search("hello world") is None
    assert gated.possible("HELLO World") and gated.search("HELLO World") is not None


def test_prefiltered_keeps_the_expression_interface() -> None:
    regex = re.compile(r"(?i)\b(sorry|apologi[sz]e)\b")
    gated = prefiltered(regex)
    assert isinstance(gated, Prefiltered)
    assert gated.pattern == regex.pattern and gated.flags == regex.flags
    text = "So SORRY, I apologise. Sorry again."
    assert gated.search(text).group() == "SORRY"
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in regex.finditer(text)]
    assert gated.findall(text) == regex.findall(text)
    assert gated.match(text, 3).group() == "SORRY"
    assert gated.fullmatch("Sorry") is not None
    assert gated.search("Thanks for your time.") is None
    assert list(gated.finditer("nothing here")) == [] and gated.findall("nothing here") == []
    assert gated.sub("x", text) == regex.sub("x", text)


def _rule_expressions() -> list[tuple[str, Prefiltered]]:
    from followup_lint import Linter

    Linter()  # imports every shipped rule module
    return [(f"{name}.{attr}", value) for name, module in sorted(sys.modules.items())
            if name.startswith(MODULE_PREFIX + ".")
            for attr, value in vars(module).items() if isinstance(value, Prefiltered)]


def _sentences() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "training" / "sentences").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += data.get("bad", []) + data.get("good", [])
    return found


def _variants(text: str) -> list[str]:
    """The text as written, in capitals, and with letters re equates with i, k and s."""
    return [text, text.upper(),
            text.replace("i", "\u0131").replace("k", "\u212a").replace("S", "\u017f")]


def test_shipped_rule_expressions_answer_as_without_the_prefilter() -> None:
    expressions = _rule_expressions()
    assert len(expressions) >= 10  # the tone readings' expressions are prefiltered
    sentences = _sentences()
    assert len(sentences) > 500
    for text in sentences:
        for variant in _variants(text):
            for name, gated in expressions:  # (a text it lets through is searched as before)
                if not gated.possible(variant):
                    assert gated.regex.search(variant) is None, (name, variant)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(
    ["better", " than ", "anyone", "ANYBODY", "\u0130", "\u212a", "\u017f", "k", "s", "i",
     "times", " ", "twice", "Th", "an", "\u00c9", "caf\u00e9", " au lait", "x"]), max_size=8))
def test_a_rejected_text_has_no_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern in (r"(?i)\bbetter than (?:anyone|anybody)\b",
                    r"(?i)\b(?:twice|(?:three|\d+) times|worst)\b",
                    r"(?i)caf\u00e9 au lait", r"(?i)\bkiss\b", r"\u0130stanbul|T\u212ay"):
        regex = re.compile(pattern)
        gated = prefiltered(regex)
        if isinstance(gated, Prefiltered) and not gated.possible(text):
            assert regex.search(text) is None, (pattern, text)


def test_engine_expressions_answer_as_without_the_prefilter() -> None:
    from followup_lint import Linter
    from followup_lint.draft import _LOOKING_BACK, _STATUS_ASK
    from followup_lint.templates import compile_syntaxes

    groups = [c.regex for c in Linter()._load().matchers.regex_groups]
    expressions = [compile_syntaxes(), _STATUS_ASK, _LOOKING_BACK, *groups]
    assert sum(isinstance(e, Prefiltered) for e in expressions) >= 4
    slots = ["Dear [First Name],", "Hi {{name}}", "*|FNAME|*", "$first_name", "<<Company>>",
             "%ROLE%", "(insert company)", "(your name)", "FIRST_NAME", "Hi NAME,", "XXX",
             "____", "TBD", "so-and-so", "\u00abName\u00bb", "<Hiring Manager Name>",
             "Wow!!", "Really?!", "Two  spaces.", "Any update on my application?",
             "I interviewed last week."]
    for text in _sentences()[::3] + slots:
        for variant in _variants(text):
            for gated in expressions:
                if isinstance(gated, Prefiltered) and not gated.possible(variant):
                    assert gated.regex.search(variant) is None, (gated.pattern, variant)
