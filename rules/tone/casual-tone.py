"""Casual tone that word lists cannot catch: emoji, emoticons and shouting in capitals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.layout import PROSE_SECTIONS
from followup_lint.lexicon import spellchecker, word_list
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


def _check_casual_symbols(draft: Draft) -> Iterator[Hit]:
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


def _check_shouting(draft: Draft) -> Iterator[Hit]:
    """Ordinary words in capitals ('I AM SO EXCITED'); acronyms such as SQL are fine."""
    checker = spellchecker()
    trade = word_list("professional.txt")  # written in capitals by their users: XLOOKUP, HVAC
    run: list = []

    def flush() -> Iterator[Hit]:
        ordinary = [t for t in run if len(t) >= 2 and t.lower_ in checker and
                    t.lower_ not in trade]
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


# -- register: profanity (also masked), stretched letters, letter case ---------------------
_WORDLIKE = re.compile(r"(?<![\w*#@$%])[A-Za-z][A-Za-z*#@$%!1]*[A-Za-z*#@$%](?![\w*#@$%])")
_MASKS = frozenset("*#@$%!1")
# Abbreviations of swearing that are also ordinary acronyms (a BS degree, a POS system):
# profane only in lowercase or after a determiner ("some BS").
_AMBIGUOUS_ABBREVIATIONS = frozenset({"bs", "pos", "af"})
_DETERMINERS = frozenset("some the this that such total complete pure absolute utter".split())
_STRETCHED = re.compile(r"(?i)\b[a-z]*([a-z])\1\1[a-z]*\b")
_NOT_STRETCHED = frozenset({"www", "iii", "xxx", "viii", "xviii", "xxiii"})
#: A lowercase word ending in "in" (or "in'"), checked against the word with its 'g'.
_DROPPED_G = re.compile(r"(?<![\w'’-])([a-z]{2,}in)['’]?(?![\w'’-])")
_FUNCTION_WORDS = frozenset("the and to of for a an in on with at my your you it is was i me "
                            "we us our if from as by be are or but so any this that".split())


def _masked_profanity(word: str, profanity: frozenset[str]) -> bool:
    """'f***', 'sh!t', 'b*tch': a word with masking symbols that fits a profane word."""
    lower = word.lower().rstrip("!")
    if _MASKS.isdisjoint(lower[1:]) or not lower[:1].isalpha():
        return False
    pattern = re.compile("".join("[a-z]" if c in _MASKS else re.escape(c) for c in lower) +
                         "[a-z]{0,3}")
    return any(pattern.fullmatch(p) for p in profanity)


def _check_profanity(draft: Draft) -> Iterator[Hit]:
    """Swearing, also masked with symbols, and vulgar slang in the writer's prose."""
    profanity, slang = word_list("profanity.txt"), word_list("slang.txt")
    for section in draft.layout.sections:
        if section.name not in PROSE_SECTIONS:
            continue
        chunk = draft.plain[section.start:section.end]
        found = {w.rstrip("!") for w in _WORDLIKE.findall(chunk.lower())}
        if found.isdisjoint(profanity) and found.isdisjoint(slang) and \
                found.isdisjoint(_AMBIGUOUS_ABBREVIATIONS) and \
                all(_MASKS.isdisjoint(w[1:]) for w in found):
            continue  # no word of the lists and none masked: nothing to walk
        for match in _WORDLIKE.finditer(chunk):
            word = match.group().rstrip("!")
            lower = word.lower()
            start = section.start + match.start()
            if lower in _AMBIGUOUS_ABBREVIATIONS:
                previous = chunk[:match.start()].split()[-1:]
                if word != lower and not (previous and previous[0].lower() in _DETERMINERS):
                    continue
                yield Hit(start, start + len(word), "Swearing, even abbreviated, has no place "
                          "in a message to a hiring team.", severity=Severity.error)
            elif lower in profanity or _masked_profanity(word, profanity | slang):
                yield Hit(start, start + len(word), "Swearing, even masked, has no place in "
                          "a message to a hiring team.", severity=Severity.error)
            elif lower in slang:
                yield Hit(start, start + len(word), "Slang reads as flippant in a message to "
                          "a hiring team; choose a plainer word.", severity=Severity.warning)


def _lowercase_shown(draft: Draft, body) -> bool:
    """An 'i' or a sentence begun in lowercase, not only words that need no capital: "Hi
    Maria, thank you again for meeting me" continues the greeting's line."""
    sentences = draft.body_sentences
    if any(t.text == "i" for t in body) or len(sentences) > 1:
        return True
    greeting_ends = [s.end for s in draft.layout.spans("greeting")]
    return bool(sentences) and not any(
        end <= sentences[0].start_char and "\n" not in draft.plain[end:sentences[0].start_char]
        for end in greeting_ends)


def _check_dropped_g(draft: Draft) -> Iterator[Hit]:
    """'how's it goin', 'nothin' much': an -ing word written as it is said."""
    checker = spellchecker()
    for section in draft.layout.spans("greeting", "body", "sign-off"):
        chunk = draft.plain[section.start:section.end]
        for match in _DROPPED_G.finditer(chunk):
            word = match.group(1)
            if word in checker or word + "g" not in checker:
                continue
            start = section.start + match.start()
            yield Hit(start, start + len(match.group()), "A dropped 'g' reads as chat; write "
                      "the word out.", severity=Severity.warning)


def _check_letter_case(draft: Draft) -> Iterator[Hit]:
    """Stretched words ('sooo'), a note written all in lowercase, Every Word Capitalised."""
    checker = spellchecker()
    for section in draft.layout.spans("greeting", "body", "sign-off"):
        chunk = draft.plain[section.start:section.end]
        for match in _STRETCHED.finditer(chunk):
            word = match.group().lower()
            if word in _NOT_STRETCHED or word in checker or match.group().isupper():
                continue
            start = section.start + match.start()
            yield Hit(start, start + len(word), "Stretched letters read as a text message; "
                      "write the word once.", severity=Severity.warning)
    body = [t for t in draft.body_tokens if t.is_alpha]
    # Eight words, or four in two sentences or more ("just following up. any update?").
    long_enough = len(body) >= 8 or (len(body) >= 4 and len(draft.body_sentences) >= 2)
    if long_enough and not any(c.isupper() for t in body for c in t.text) and \
            _lowercase_shown(draft, body):
        first = draft.body_sentences[0]
        yield Hit(first.start_char, first.start_char + len(first.text.rstrip()),
                  "The note is written all in lowercase; capitalise sentences, 'I' and names.",
                  severity=Severity.warning)
        return
    for sentence in draft.body_sentence_lists:
        words = [t for t in sentence if t.is_alpha]
        function = [t for t in words if t.lower_ in _FUNCTION_WORDS and t.lower_ != "i"]
        if len(words) >= 6 and len(function) >= 2 and all(
                t.text[:1].isupper() and not (t.is_upper and len(t) > 1)  # "A" is not shouting
                for t in words if t.lower_ != "i"):
            yield Hit(sentence.start_char, sentence.start_char + len(sentence.text.rstrip()),
                      "Every Word Capitalised reads like a headline; write the sentence in "
                      "normal case.", severity=Severity.warning)


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Emoji, emoticons, shouting, profanity and slang, stretched letters and odd
    letter case (the rule's word lists are in its pack)."""
    yield from _check_casual_symbols(draft)
    yield from _check_shouting(draft)
    yield from _check_profanity(draft)
    yield from _check_dropped_g(draft)
    yield from _check_letter_case(draft)
