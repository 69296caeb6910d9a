"""Casual tone that word lists cannot catch: emoji, emoticons and shouting in capitals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.layout import PROSE_SECTIONS
from followup_lint.lexicon import spellchecker
from followup_lint.model import Severity
from followup_lint.rule import Hit

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

# Pictographs, dingbats, emoticon and transport blocks, flags, and the joiners and
# variation selectors that glue multi-codepoint emoji together.
_EMOJI = re.compile(
    "(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\U0001F1E6-\U0001F1FF]"
    "[\uFE0F\u200D\U0001F3FB-\U0001F3FF]*)+"
)
# Text emoticons such as :) ;-) :D =( -- not "(a)" after a colon, not times like 10:30.
_EMOTICON = re.compile(r"(?<![\w:])[:;=][-^']?[ ]?[)(DPp](?![\w(])|(?<!\w)<3(?!\d)")
# Shouting: all-caps runs of ordinary words; acronyms are short and not dictionary words.
_SHOUT_MIN_LETTERS = 7
_SHOUT_SINGLE_MIN = 6


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Emoji, emoticons and shouting (the rule's word lists are in its pack)."""
    yield from _casual_symbols(draft)
    yield from _shouting(draft)


def _casual_symbols(draft: Draft) -> Iterator[Hit]:
    """Emoji and emoticons in the writer's own prose."""
    for section in draft.layout.sections:
        if section.name not in PROSE_SECTIONS:
            continue
        chunk = draft.text[section.start:section.end]
        for match in _EMOJI.finditer(chunk):
            yield Hit(section.start + match.start(), section.start + match.end(),
                      "Emoji read as casual in a message to a hiring team; say it in words.",
                      severity=Severity.error)
        for match in _EMOTICON.finditer(chunk):
            yield Hit(section.start + match.start(), section.start + match.end(),
                      "Emoticons read as casual in a message to a hiring team; remove it.",
                      severity=Severity.error)


def _shouting(draft: Draft) -> Iterator[Hit]:
    """Ordinary words in capitals ('I AM SO EXCITED'); acronyms such as SQL are fine."""
    checker = spellchecker()
    run: list = []

    def flush() -> Iterator[Hit]:
        ordinary = [t for t in run if len(t) >= 2 and t.lower_ in checker]
        letters = sum(len(t) for t in ordinary)
        if (len(ordinary) >= 2 and letters >= _SHOUT_MIN_LETTERS) or (
            len(run) == 1 and ordinary and len(ordinary[0]) >= _SHOUT_SINGLE_MIN
        ):
            yield Hit(run[0].idx, run[-1].idx + len(run[-1]),
                      "Capitals read as shouting; write these words in normal case.",
                      severity=Severity.warning)

    for token in draft.prose_tokens:
        if token.is_alpha and token.is_upper and (len(token) > 1 or token.text in {"I", "A"}):
            if run and token.i != run[-1].i + 1:
                yield from flush()
                run = []
            run.append(token)
        elif token.is_space or (token.is_punct and token.text in {",", "'"}):
            continue
        else:
            if run:
                yield from flush()
            run = []
    if run:
        yield from flush()
