"""Spelling: unknown words, with suggestions, never flagging names or professional terms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import Field, field_validator

from followup_lint.lexicon import misspellings, spellchecker
from followup_lint.model import Suggestion
from followup_lint.rule import Hit, RuleOptions

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spellchecker import SpellChecker

    from followup_lint.draft import Draft


NEEDS = frozenset({"pos"})

_WORD = re.compile(r"^[A-Za-z]{2,}(?:['’][A-Za-z]+)?$")
_CONTEXT_WORD = re.compile(r"[A-Za-z]+")
# Distance-2 candidates cost up to a second for a long word; only short words get them.
_DISTANCE_TWO_MAX_LEN = 8
_MAX_SUGGESTIONS = 3
#: Prefixes the tokenizer splits off hyphenated words ("pre-arrival", "co-founder").
_PREFIXES = frozenset("pre post non co re un anti multi semi sub inter intra mid self ex "
                      "cross over under micro macro mini bi tri de dis mis neo pro".split())
# Typos are slips on common words. An unknown word whose nearest known words are all
# rare ("capnography", "borescope") is far more often a correct technical term than a
# typo, so it is reported only when a candidate is at least this frequent in the
# dictionary's corpus counts (e.g. "astride" 582, "admits" 4,499, "interview" 48,016).
_MIN_CANDIDATE_COUNT = 1000


class Options(RuleOptions):
    vocabulary: frozenset[str] = Field(
        default=frozenset(), description="Extra words to accept (case-insensitive).")

    @field_validator("vocabulary", mode="after")
    @classmethod
    def _lowercase(cls, value: frozenset[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in value)


def _accepted_words(draft: Draft, vocabulary: frozenset[str]) -> set[str]:
    """Words that are correct in this draft: Context names and the user's vocabulary."""
    accepted: set[str] = set(vocabulary)
    context = draft.context
    if context is not None:
        phrases = [context.company or "", context.role or "", context.industry or ""]
        phrases += context.interviewers + context.topics
        for phrase in phrases:
            accepted.update(w.lower() for w in _CONTEXT_WORD.findall(phrase))
    return accepted


def _looks_like_name(token: Token, draft: Draft) -> bool:
    text = token.text
    if text.isupper() and len(text) > 1:
        return True  # an acronym: SQL, HIPAA
    if text[1:] != text[1:].lower():
        return True  # mixed case: iPhone, PostgreSQL
    if not text[:1].isupper():
        return False
    if "ents" in draft.capabilities and token.ent_type_:
        return True
    if "pos" in draft.capabilities and token.pos_ == "PROPN":
        return True
    # A capitalised word inside a sentence is a name the tagger did not recognise.
    return not token.is_sent_start and token.i > 0 and draft.doc[token.i - 1].text not in {
        ".", "!", "?", ":", "\n"}


def _technical(token: Token) -> bool:
    """A unit glued to a number ("28nm", "5kg"), or a piece of a compound joined by a
    hyphen to an acronym or a number ("cryo-EM", "RNA-seq", "COVID-era"): a technical term,
    not a slip."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and not before.whitespace_ and before.text[-1:].isdigit():
        return True
    i = token.i
    joined = []  # the words joined to this one by a hyphen, with no space on either side
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_ and \
            not doc[i + 1].whitespace_:
        joined.append(doc[i + 2].text)
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and \
            not doc[i - 1].whitespace_:
        joined.append(doc[i - 2].text)
    return any(len(piece) > 1 and (piece.isupper() or any(c.isdigit() for c in piece))
               for piece in joined)


#: Lowercase particles of family names: "Van der Berg", "da Silva", "de la Cruz".
_PARTICLES = frozenset("van der den de la le da di du von dos das del bin al el ter ten "
                       "op".split())


def _name_particle(token: Token) -> bool:
    """A name particle between capitalised words ("Mr Van der Berg", "Ms van der Merwe")."""
    doc = token.doc
    if token.lower_ not in _PARTICLES or token.i == 0 or token.i + 1 >= len(doc):
        return False
    after = next((t for t in doc[token.i + 1:token.i + 3] if t.lower_ not in _PARTICLES),
                 None)
    before = next((t for t in reversed(doc[max(token.i - 3, 0):token.i])
                   if t.lower_ not in _PARTICLES), None)
    return before is not None and before.text[:1].isupper() and after is not None and \
        after.text[:1].isupper()


@lru_cache(maxsize=4096)
def _suggestions(word: str) -> tuple[Suggestion, ...] | None:
    """Corrections for ``word``; None when it is more likely a rare correct word than a typo."""
    lower = word.lower()
    curated = misspellings().get(lower)
    if curated:
        candidates = [curated]
    else:
        checker = spellchecker()
        found = checker.known(checker.edit_distance_1(lower))
        if not found and len(lower) <= _DISTANCE_TWO_MAX_LEN:
            found = checker.known(checker.edit_distance_2(lower))
        candidates = sorted(found, key=lambda w: (-checker[w], w))
        if not candidates or checker[candidates[0]] < _MIN_CANDIDATE_COUNT:
            return None
    if word[:1].isupper():
        candidates = [c[:1].upper() + c[1:] for c in candidates]
    return tuple(Suggestion(replacement=c) for c in candidates[:_MAX_SUGGESTIONS])


#: Words already found in the dictionary: most words of a draft recur across drafts, and a
#: set lookup is far cheaper than the checker's. Bounded so it cannot grow without end.
_KNOWN: set[str] = set()
_KNOWN_LIMIT = 200_000


def _unknown(checker: SpellChecker, words: Iterable[str]) -> set[str]:
    fresh = [w for w in words if w not in _KNOWN]
    if not fresh:
        return set()
    unknown = checker.unknown(fresh)
    if len(_KNOWN) > _KNOWN_LIMIT:
        _KNOWN.clear()
    _KNOWN.update(w for w in fresh if w not in unknown)
    return unknown


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """Report words the dictionary does not know, with up to three suggestions."""
    accepted = _accepted_words(draft, options.vocabulary)
    checker = spellchecker()
    candidates: dict[str, list[Token]] = {}
    doc = draft.doc
    for token in draft.prose_tokens:
        text = token.text
        if not token.is_alpha and "'" not in text and "’" not in text:
            continue  # numbers, punctuation, URLs, e-mail addresses
        lower = text.lower().replace("’", "'")
        if lower in _KNOWN or len(text) < 2 or not _WORD.match(text):
            continue  # most words: already known to the dictionary
        if draft.in_placeholder(token.idx, token.idx + len(text)):
            continue
        if token.i > 0 and doc[token.i - 1].text in {"@", "#"}:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and lower in _PREFIXES:
            continue  # "pre-arrival": the tokenizer splits off the prefix
        if lower in accepted or _looks_like_name(token, draft) or _technical(token) or \
                _name_particle(token):
            continue
        candidates.setdefault(lower, []).append(token)
    if not candidates:
        return
    unknown = _unknown(checker, candidates)
    for lower in sorted(unknown, key=lambda w: candidates[w][0].i):
        suggestions = _suggestions(candidates[lower][0].text)
        if suggestions is None:
            continue
        hint = ", ".join(f"'{s.replacement}'" for s in suggestions)
        for token in candidates[lower]:
            word = token.text
            message = f"'{word}' looks misspelled; did you mean {hint}?"
            yield Hit(token.idx, token.idx + len(word), message, suggestions=suggestions,
                      quoted=(word, *(s.replacement for s in suggestions)))
