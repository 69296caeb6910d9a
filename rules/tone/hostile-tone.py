"""Hostility, read from the parse: insults aimed at the reader, the company or other
applicants, and scare quotes around the reader's own words.

A word of the ``insults.txt`` category is hostile only when it is aimed at someone on
the reader's side: "your process is a joke" is, "I cleaned up a disorganised archive"
is not, and neither is "I was not rude". Sarcastic frames ("thanks for nothing", "far
be it from me") are data in ``rules/tone/hostile-tone.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.lexicon import valence, word_list
from followup_lint.model import Severity
from followup_lint.rule import Hit
from followup_lint.syntax import aimed_at_their_side, body_sentences, is_negated

if TYPE_CHECKING:
    from spacy.tokens import Span

    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

NEEDS = frozenset({"pos", "dep"})


_OTHER_APPLICANTS = frozenset("candidates applicants interviewees competition others".split())
_PUT_DOWNS = frozenset("weaker worse inferior unqualified less lesser mediocre".split())
# A short quotation is a scare quote when the sentence disputes it or it names the
# reader's verdict on the writer ("good fit", "professional courtesy").
_QUOTED = re.compile(r'"([^"\n]{1,40})"|(?<![A-Za-z])\'([^\'\n]{1,40})\'(?![A-Za-z])')
_DISPUTE = frozenset(
    "not n't never unclear how why supposedly apparently allegedly so-called meaning "
    "idea definition whatever".split()
)
_LABEL_OPENERS = frozenset("the your their this that our next so-called a an his her "
                           "its".split())
_REPORTING = frozenset(
    "say said says call called calls describe described describes mention mentioned put "
    "phrase term word words wrote write told tell quote quoted motto slogan name named "
    "nickname dubbed".split()
)
_VERDICT_WORDS = frozenset(
    "fit courtesy professional professionalism culture policy values feedback opportunity "
    "resources process qualified experience priorities respect".split()
)


def _insults(sentence: Span, insults: frozenset[str]) -> Iterator[Hit]:
    if sentence.lowers.isdisjoint(insults):
        return
    for token in sentence:
        if token.lower_ in insults and token.pos_ in {"ADJ", "NOUN", "PROPN", "VERB"} and \
                aimed_at_their_side(token, sentence):
            yield Hit(sentence.start_char, sentence.end_char,
                      "This insults the reader, the company or other people; a hostile line "
                      "ends the conversation. Leave it out.", severity=Severity.error)
            return


def _other_applicants(sentence: Span, insults: frozenset[str]) -> Iterator[Hit]:
    words = sentence.lowers
    if not words & _OTHER_APPLICANTS:
        return
    text = sentence.text.lower()
    put_down = words & _PUT_DOWNS or words & insults or "better than" in text or "no match" in text
    if put_down and ("other" in words or words & {"competition", "rest"}):
        yield Hit(sentence.start_char, sentence.end_char,
                  "Running down other applicants reflects on you, not on them; say what "
                  "you bring instead.", severity=Severity.warning)


def _scare_quotes(draft: Draft, sentence: Span) -> Iterator[Hit]:
    text = draft.plain[sentence.start_char:sentence.end_char]
    if '"' not in text and "'" not in text:
        return
    words = sentence.lowers
    for match in _QUOTED.finditer(text):
        quoted = (match.group(1) or match.group(2) or "").strip()
        inner = quoted.lower().split()
        if not inner or len(inner) > 4 or quoted[-1:] in ".!?":
            continue  # a longer quotation reports speech; a quoted sentence is not a scare quote
        before = text[:match.start()].lower().split()[-1:]
        verdict = bool(set(inner) & _VERDICT_WORDS)
        # Words used as a label for the reader's own thing ('your "urgent" opening'), in
        # lowercase (a name in quotes is a title), with no verb of reporting speech.
        after = text[match.end():].lower().split()[:2]
        labelled = quoted[:1].islower() and not words & _REPORTING and (
            (bool(before) and before[0] in _LABEL_OPENERS)
            or bool(after) and after[0] in {"means", "meant", "apparently"})
        # 'Great "opportunity": unpaid overtime': praise in front of the quoted words, with
        # what they hide after them.
        praised = bool(before) and valence(before[0]) >= 1.5 and quoted[:1].islower() and (
            text[match.end():match.end() + 2].strip()[:1] in {":", "-", "\u2014", "\u2013"})
        if before == ["so-called"] or labelled or praised or (
                words & _DISPUTE and (verdict or before == ["your"])):
            start = sentence.start_char + match.start()
            yield Hit(start, sentence.start_char + match.end(),
                      "Quotation marks around their words read as sarcasm; say plainly what "
                      "you mean.", severity=Severity.warning)
            return


#: Praise this strong at the start of a sentence, with something bad in the same sentence,
#: is read as sarcasm ("Great job losing my CV twice").
_PRAISE = 1.8
_BAD = -1.5
_REPEATED = re.compile(r"(?i)\b(twice|(three|four|five|six|\d+) times|how not to|least|worst)\b")
# Verbs of working on a problem: "the bugs your team is fixing" is interest, not sarcasm.
_WORK_ON = frozenset(
    "solve fix address tackle handle improve reduce turn overcome face discuss explain "
    "describe prevent cut resolve manage fight repair rebuild clean walk".split()
)


def _strength(token, valence) -> float:
    values = (valence(token.lower_), valence(token.lemma_))
    return max(values, key=abs)


def _sarcasm(sentence: Span) -> Iterator[Hit]:
    words = [t for t in sentence if t.is_alpha]
    praise = [t for t in words[:8] if _strength(t, valence) >= _PRAISE]
    if not praise:
        return

    def worked_on(token) -> bool:
        related = list(token.ancestors) + list(token.children)
        return any(t.lemma_.lower() in _WORK_ON for t in related)

    bad = [t for t in words if t not in praise and _strength(t, valence) <= _BAD
           and t.pos_ != "PROPN" and not worked_on(t) and not is_negated(t.head)]
    if bad or _REPEATED.search(sentence.text):
        yield Hit(sentence.start_char, sentence.end_char,
                  "Praise wrapped around a complaint reads as sarcasm; say plainly and "
                  "politely what went wrong, or leave it out.", severity=Severity.warning)


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Insults aimed at the reader's side, put-downs of other applicants, scare quotes."""
    if not draft.has_parse:
        return
    insults = word_list("insults.txt")
    previous = None
    for sentence in body_sentences(draft):
        for finder in (_insults(sentence, insults), _other_applicants(sentence, insults),
                       _scare_quotes(draft, sentence), _sarcasm(sentence),
                       _verdict_tag(sentence, previous)):
            hit = next(finder, None)
            if hit is not None:
                yield hit
                break
        previous = sentence


#: Words a one-word verdict after a complaint is made of ("Charming.", "Very helpful.").
_TAG_ADVERBS = frozenset("very so how truly just really most".split())
_TAG_WORDS = frozenset("riveting noted fascinating inspiring impressive "
                       "professional".split())
_TAG_PHRASES = frozenset({"just saying", "sign me up", "good to know", "go figure",
                          "who knew", "lesson learned", "what a surprise", "shocking"})
_NEGATIONS = frozenset("never nobody nothing none".split())
_COUNTS = frozenset("times weeks months days hours".split())


def _criticises(sentence: Span) -> bool:
    """A sentence with something bad in it: a negative word, a negation, a quoted label,
    a complaint word, or a count of times or weeks."""
    words = sentence.lowers
    return bool(words & _NEGATIONS) or bool(words & word_list("complaints.txt")) or any(
        valence(t.lower_) <= -1.0 for t in sentence) or '"' in sentence.text or (
        bool(words & _COUNTS) and any(t.like_num for t in sentence))


def _verdict_tag(sentence: Span, previous: Span | None) -> Iterator[Hit]:
    """'... mispronounced my name four times. Charming.': a short sentence of praise after
    a complaint is sarcasm."""
    if previous is None:
        return
    text = " ".join(re.findall(r"[a-z']+", sentence.text.lower()))
    words = text.split()
    if not words or len(words) > 3:
        return
    praise = text in _TAG_PHRASES or all(
        w in _TAG_ADVERBS for w in words[:-1]) and (
        words[-1] in _TAG_WORDS or valence(words[-1]) >= 1.5)
    if praise and _criticises(previous):
        yield Hit(sentence.start_char, sentence.end_char,
                  "A word of praise after a complaint reads as sarcasm; say plainly and "
                  "politely what went wrong, or leave it out.", severity=Severity.warning)
