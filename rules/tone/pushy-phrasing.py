"""Deadlines put on the reader, told apart from the writer's own by the dependency parse.

"Let me know by Friday" and "Please respond before noon" set the reader a deadline;
"I need to respond to another offer by Friday" states the writer's own. The
difference is who the deciding verb's subject is, which only the parse shows.
Stock demands and impatience ("ASAP", "why haven't I heard back") are data in
``rules/tone/pushy-phrasing.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.dates import DATE_WORDS
from followup_lint.model import Severity
from followup_lint.rule import Hit
from followup_lint.syntax import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

NEEDS = frozenset({"pos", "lemma", "dep"})

_REPLY_VERBS = frozenset(
    "know respond reply answer decide confirm call email write get hear contact update send "
    "tell inform return let give provide make".split()
)
_WANT_VERBS = frozenset("need expect require want demand".split())
_POLITE_WANT_VERBS = frozenset("appreciate like love hope".split())
_ANSWER_NOUNS = frozenset(
    "answer response reply decision update feedback callback call word confirmation news "
    "offer".split()
)
_DEADLINE_PREPS = frozenset("by before within until no".split())
_TIME_WORDS = DATE_WORDS | frozenset(
    "today tomorrow tonight noon midnight eod cob end close morning afternoon evening week "
    "weekend hours hour days day pm am".split()
)
_NOW_WORDS = frozenset("today tomorrow tonight immediately asap now urgently".split())
# An invitation is not a demand: "feel free to contact me right away".
_INVITATION_HEADS = frozenset("free hesitate welcome".split())
_READER = frozenset("you your yourself u".split())
_WRITER = frozenset("i we me us my our".split())


def _is_time(span_tokens: list[Token]) -> bool:
    return any(t.lower_ in _TIME_WORDS or (t.like_num and not t.is_alpha) for t in span_tokens)


def _is_now_phrase(token: Token) -> bool:
    if token.lower_ not in {"soon", "away", "once", "delay"}:
        return False
    following = [t.lower_ for t in token.doc[token.i + 1:token.i + 3]]
    previous = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if token.lower_ == "soon":
        return previous == "as" and following == ["as", "possible"]
    if token.lower_ == "away":
        return previous == "right"
    if token.lower_ == "once":
        return previous == "at" and token.dep_ in {"pobj", "advmod"}
    if token.lower_ == "delay":
        return previous == "without"
    return False


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def _deadline_hits(sentence: Span) -> Iterator[Hit]:
    for token in sentence:
        lower = token.lower_
        is_deadline_prep = lower in _DEADLINE_PREPS and token.dep_ == "prep" and _is_time(
            list(token.subtree)[1:]
        )
        is_now = (lower in _NOW_WORDS and token.dep_ in {"npadvmod", "advmod", "pobj", "dobj"}) or (
            _is_now_phrase(token)
        )
        if not (is_deadline_prep or is_now):
            continue
        verb = _governing_verb(token.head if is_deadline_prep else token)
        if verb is None:
            continue
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() == "let":
            verb = verb.head  # "let me know by Friday": the reader is asked to let
        if any(a.lemma_.lower() in _INVITATION_HEADS for a in verb.ancestors) or any(
            c.dep_ == "mark" and c.lower_ in {"if", "should", "when", "once"} for c in verb.children
        ):
            continue
        subject = subject_of(verb)
        who = subject.lower_ if subject is not None else None
        lemma = verb.lemma_.lower()
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in {"dobj", "attr"}}
        start = min(verb.idx, token.idx)
        end = max(t.idx + len(t) for t in token.subtree)
        wants_to_know = lemma in {"know", "hear", "have"} and (
            verb.head.lemma_.lower() in _WANT_VERBS)
        if who in _WRITER and (
            (lemma in _WANT_VERBS and objects & _ANSWER_NOUNS) or wants_to_know
        ):
            yield Hit(start, end, "This demands an answer on your schedule; ask about their "
                      "timeline instead.", severity=Severity.error)
        elif who in _WRITER and lemma in _POLITE_WANT_VERBS and objects & _ANSWER_NOUNS:
            yield Hit(start, end, "Asking for an answer by a set time pressures the reader; "
                      "ask when they expect to decide instead.", severity=Severity.warning)
        elif (who is None or who in _READER) and lemma in _REPLY_VERBS:
            if lemma in {"let", "make", "give"} and not any(
                c.lemma_ in {"know", "decision", "answer", "update"} for c in verb.subtree
            ):
                continue
            yield Hit(start, end, "This sets the hiring team a deadline; respect their "
                      "timeline and ask when they expect to decide.", severity=Severity.error)


def _deadline_hits_without_parse(sentence: Span) -> Iterator[Hit]:
    """Blank mode: a reply verb followed closely by 'by <time word>', not after 'I'."""
    tokens = list(sentence)
    for i, token in enumerate(tokens):
        if token.lower_ not in _REPLY_VERBS:
            continue
        before = {t.lower_ for t in tokens[max(0, i - 4):i]}
        if before & _WRITER:
            continue
        window = tokens[i + 1:i + 7]
        for j, follower in enumerate(window):
            if follower.lower_ in _DEADLINE_PREPS and _is_time(window[j + 1:j + 4]):
                last = window[min(j + 3, len(window) - 1)]
                yield Hit(token.idx, last.idx + len(last), "This sets the hiring team a "
                          "deadline; respect their timeline.", severity=Severity.error)
                break


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Deadlines and demands aimed at the reader."""
    finder = _deadline_hits if draft.has_parse else _deadline_hits_without_parse
    for sentence in draft.body_sentences:
        yield from finder(sentence)
