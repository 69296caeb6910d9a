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

from followup_lint.checks import Hit, register
from followup_lint.lexicon import word_list
from followup_lint.model import Severity
from followup_lint.syntax import is_negated, party, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec

#: Words that point at the reader's side: the reader, the company and its people.
_THEIR_SIDE = frozenset(
    "you your yours they them their company firm organization organisation team hr "
    "recruiter recruiters interviewer interviewers manager managers management department "
    "process response email letter people everyone anyone candidates applicants "
    "interviewees others it this that".split()
)
_OTHER_APPLICANTS = frozenset("candidates applicants interviewees competition others".split())
_PUT_DOWNS = frozenset("weaker worse inferior unqualified less lesser mediocre".split())
# A short quotation is a scare quote when the sentence disputes it or it names the
# reader's verdict on the writer ("good fit", "professional courtesy").
_QUOTED = re.compile(r'"([^"\n]{1,40})"|(?<![A-Za-z])\'([^\'\n]{1,40})\'(?![A-Za-z])')
_DISPUTE = frozenset(
    "not n't never unclear how why supposedly apparently allegedly so-called meaning "
    "idea definition whatever".split()
)
_VERDICT_WORDS = frozenset(
    "fit courtesy professional professionalism culture policy values feedback opportunity "
    "resources process qualified experience priorities respect".split()
)


def _aimed_at_them(token: Token, sentence: Span) -> bool:
    """True when an insult word describes the reader's side, not the writer or the work."""
    words = {t.lower_ for t in sentence}
    if not words & _THEIR_SIDE:
        return False
    node = token
    for _ in range(6):  # up to the clause that says who is being described
        if node.pos_ in {"VERB", "AUX"}:
            break
        if node.head is node:
            break
        if any(c.dep_ == "poss" and c.lower_ in {"your", "their"} for c in node.children):
            return True  # "your cookie-cutter response"
        node = node.head
    if node.pos_ in {"VERB", "AUX"}:
        if is_negated(node) or any(c.dep_ == "neg" for c in token.children):
            return False
        who = party(subject_of(node))
        if who == "writer":
            return any(c.dep_ == "poss" and c.lower_ in {"your", "their"} for c in token.children)
    return True


def _insults(sentence: Span, insults: frozenset[str]) -> Iterator[Hit]:
    for token in sentence:
        if token.lower_ in insults and token.pos_ in {"ADJ", "NOUN", "PROPN", "VERB"} and \
                _aimed_at_them(token, sentence):
            yield Hit(sentence.start_char, sentence.end_char,
                      "This insults the reader, the company or other people; a hostile line "
                      "ends the conversation. Leave it out.", severity=Severity.error)
            return


def _other_applicants(sentence: Span, insults: frozenset[str]) -> Iterator[Hit]:
    words = {t.lower_ for t in sentence}
    if not words & _OTHER_APPLICANTS:
        return
    text = sentence.text.lower()
    if words & _PUT_DOWNS or words & insults or "better than" in text or "no match" in text:
        if "other" in words or words & {"competition", "rest"}:
            yield Hit(sentence.start_char, sentence.end_char,
                      "Running down other applicants reflects on you, not on them; say what "
                      "you bring instead.", severity=Severity.warning)


def _scare_quotes(draft: Draft, sentence: Span) -> Iterator[Hit]:
    text = draft.plain[sentence.start_char:sentence.end_char]
    if '"' not in text and "'" not in text:
        return
    words = {t.lower_ for t in sentence}
    for match in _QUOTED.finditer(text):
        quoted = (match.group(1) or match.group(2) or "").strip()
        inner = quoted.lower().split()
        if not inner or len(inner) > 4 or quoted[-1:] in ".!?":
            continue  # a longer quotation reports speech; a quoted sentence is not a scare quote
        before = text[:match.start()].lower().split()[-1:]
        verdict = bool(set(inner) & _VERDICT_WORDS)
        if before == ["so-called"] or (words & _DISPUTE and (verdict or before == ["your"])):
            start = sentence.start_char + match.start()
            yield Hit(start, sentence.start_char + match.end(),
                      "Quotation marks around their words read as sarcasm; say plainly what "
                      "you mean.", severity=Severity.warning)
            return


@register("hostile-tone")
def check_hostile_tone(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """Insults aimed at the reader's side, put-downs of other applicants, scare quotes."""
    if not draft.has_parse:
        return
    insults = word_list("insults.txt")
    for sentence in draft.body_sentences:
        for finder in (_insults(sentence, insults), _other_applicants(sentence, insults),
                       _scare_quotes(draft, sentence)):
            hit = next(finder, None)
            if hit is not None:
                yield hit
                break
