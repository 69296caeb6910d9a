"""Capitals: a lowercase 'i', a sentence that starts in lowercase, an all-lowercase note."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.model import Suggestion
from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from followup_lint.draft import Draft

_SENTENCE_END = frozenset(".!?")


class Options(RuleOptions):
    min_words_all_lowercase: int = Field(
        default=8, ge=1,
        description="An all-lowercase note needs this many words before it is judged as a whole.")


def _fix(replacement: str) -> tuple[Suggestion, ...]:
    return (Suggestion(replacement=replacement, safe=True),)


def _starts_new_sentence(token: Token, draft: Draft) -> bool:
    """True after a full stop or at a paragraph start (not after a glued greeting)."""
    previous = [t for t in draft.doc[max(0, token.i - 3):token.i] if not t.is_space]
    if not previous:
        return True
    last = previous[-1]
    if last.text[-1:] in _SENTENCE_END:
        return not last.text.endswith("..") and len(last.text) <= 3 or last.is_punct
    between = draft.plain[last.idx + len(last):token.idx]
    same_section = draft.section_of(last.idx) == draft.section_of(token.idx)
    return "\n\n" in between.replace("\r", "") and same_section


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """Report lowercase 'i' and lowercase sentence starts, or the whole note if all lowercase."""
    words = [t for t in draft.prose_tokens if t.is_alpha]
    if len(words) >= options.min_words_all_lowercase and not any(
        c.isupper() for t in words for c in t.text
    ):
        start, end = whole_draft_span(draft)
        yield Hit(start, end, "The whole note is in lowercase; capitalise sentences, names and "
                  "'I' so it reads as a professional message.")
        return
    for token in draft.prose_tokens:
        if token.text != "i" and not (token.is_sent_start or token.i == 0):
            continue
        if draft.in_placeholder(token.idx, token.idx + len(token)):
            continue
        if token.text == "i" and not (token.i > 0 and draft.doc[token.i - 1].text in {"(", "["}):
            following = draft.plain[token.idx + 1:token.idx + 2]
            if following != ".":
                yield Hit(token.idx, token.idx + 1, "Write 'I' as a capital letter.",
                          suggestions=_fix("I"))
            continue
        if draft.section_of(token.idx) != "body" or not token.is_alpha:
            continue
        if not (token.is_sent_start or token.i == 0):
            continue
        first = token.text
        if first[:1].islower() and not any(c.isupper() for c in first[1:]) and (
            _starts_new_sentence(token, draft)
        ):
            if token.like_url or token.like_email:
                continue
            yield Hit(token.idx, token.idx + len(first), "Start the sentence with a capital "
                      "letter.", suggestions=_fix(first[:1].upper() + first[1:]))
