"""Copy-paste mistakes against the Context: the wrong person, company or job title.

Writing to Ms. Alverez when the interviewer is Ms. Alvarez, thanking "Northwind" in a
note to Contoso, or naming the Marketing Manager role after a Data Analyst interview
are the costliest slips a follow-up can carry. Each check here compares what the
draft names with what the Context says:

* the greeting's names against the interviewers (a near miss is a misspelling, a
  different name a copy-paste);
* capitalised words close to, but not equal to, the company's name (misspellings);
* a company the draft says it wants to join, by the parse ("join X", "the team at X",
  "X's mission"), that is not the Context's;
* a job title named with "position/role/job" or after "as a", whose role noun differs
  from the Context's role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.lexicon import spellchecker, word_list
from followup_lint.model import Suggestion
from followup_lint.rule import Hit

if TYPE_CHECKING:
    from spacy.tokens import Token

    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

NEEDS = frozenset({"pos", "lemma", "dep"})

_NAME_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ'’-]+")
_TITLES = frozenset("mr mrs ms miss dr prof professor sir madam mx dear hi hello hey "
                    "good morning afternoon evening greetings chef coach judge justice "
                    "rabbi reverend rev pastor imam father sister captain capt officer "
                    "senator councillor councilor mayor president dean principal "
                    "director".split())
#: Words that place a sentence in the writer's past ("my four years as a bookkeeper").
_PAST_MARKERS = frozenset("my previous former formerly current currently years year "
                          "experience worked spent was were".split())
_GROUP_WORDS = frozenset("team all everyone hiring manager managers committee panel folks "
                         "colleagues recruiter recruiters there whom it may concern".split())
_COMPANY_STOP = frozenset("inc llc ltd corp co company group the and of plc gmbh".split())
_ORG_HEADS = frozenset("team mission culture office offices product products customers clients "
                       "values work people company organization organisation staff "
                       "department".split())
_JOIN_VERBS = frozenset("join".split())
_ROLE_MARKERS = frozenset("position role job opening post vacancy".split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings only: names)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def near_miss(word: str, target: str) -> bool:
    """A likely misspelling: different, but within 1 edit (2 for words of 7+ letters)."""
    a, b = _plain(word), _plain(target)
    if a == b or min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    return edit_distance(a, b) <= (2 if min(len(a), len(b)) >= 7 else 1)


def _significant(name: str, stop: frozenset[str]) -> list[str]:
    return [w for w in _NAME_WORD.findall(name) if w.lower() not in stop and len(w) > 1]


def _greeting_names(draft: Draft) -> Iterator[tuple[int, int, str]]:
    greeting = draft.layout.first("greeting")
    if greeting is None:
        return
    text = draft.plain[greeting.start:greeting.end]
    for match in _NAME_WORD.finditer(text):
        word = match.group().strip("'’-")
        lower = word.lower().rstrip(".")
        if not word[:1].isupper() or lower in _TITLES:
            continue
        if lower in _GROUP_WORDS:
            return  # "Dear Hiring Team": addressed to a group, nothing to compare
        yield greeting.start + match.start(), greeting.start + match.start() + len(word), word


def _check_greeting(draft: Draft) -> Iterator[Hit]:
    interviewers = draft.context.interviewers if draft.context else []
    known = [w for name in interviewers for w in _significant(name, _TITLES)]
    if not known:
        return
    for start, end, word in _greeting_names(draft):
        if any(_plain(word) == _plain(k) for k in known):
            continue
        close = [k for k in known if near_miss(word, k)]
        if close:
            yield Hit(start, end, f"'{word}' looks like a misspelling of your interviewer's "
                      f"name '{close[0]}'; a misspelled name is noticed at once.",
                      suggestions=(Suggestion(replacement=close[0]),), quoted=(word, close[0]))
        else:
            names = " or ".join(f"'{name}'" for name in interviewers)
            yield Hit(start, end, f"The greeting names '{word}', but you interviewed with "
                      f"{names}: is this note copied from another application?",
                      quoted=(word, *interviewers))


def _company_candidates(draft: Draft) -> Iterator[Token]:
    """Heads of proper-noun names the draft presents as the employer it wants to join."""
    for sentence in draft.body_sentences:
        for token in sentence:
            if token.pos_ != "PROPN" or token.dep_ == "compound":
                continue
            head = token.head
            verb = head.head if token.dep_ == "pobj" else head
            past = verb.tag_ in {"VBD", "VBN"} or head.tag_ in {"VBD", "VBN"} or any(
                t.lower_ in _PAST_MARKERS for t in sentence)
            joins = token.dep_ == "dobj" and head.lemma_.lower() in _JOIN_VERBS
            owns = token.dep_ == "poss" and head.lemma_.lower() in _ORG_HEADS
            if joins or owns:
                yield token
            elif token.dep_ == "pobj" and head.lower_ in {"at", "with", "for"} and not past:
                governor = head.head
                if governor.lemma_.lower() in _ORG_HEADS | _ROLE_MARKERS | {
                    "opportunity", "interview", "future", "career", "work", "join", "meeting"
                }:
                    yield token


def _span_of_name(token: Token) -> tuple[int, int]:
    left = token
    while left.i > 0 and left.doc[left.i - 1].dep_ == "compound" and \
            left.doc[left.i - 1].head == token and left.doc[left.i - 1].pos_ == "PROPN":
        left = left.doc[left.i - 1]
    return left.idx, token.idx + len(token)


def _check_company(draft: Draft) -> Iterator[Hit]:
    company = draft.context.company if draft.context else None
    if not company:
        return
    parts = _significant(company, _COMPANY_STOP)
    if not parts:
        return
    lowered = {_plain(p) for p in parts}
    context = draft.context
    own_words = {_plain(w) for phrase in [context.role or "", *context.interviewers,
                                          *context.topics] for w in _NAME_WORD.findall(phrase)}
    checker = spellchecker()
    reported: set[int] = set()
    for token in draft.prose_tokens:
        lower = _plain(token.text)
        if not token.text[:1].isupper() or lower in lowered or lower in own_words:
            continue
        if lower in checker:
            continue  # a real word ("Baker") is not a misspelt "Bakery"
        close = [p for p in parts if near_miss(token.text, p)]
        if close:
            reported.add(token.i)
            yield Hit(token.idx, token.idx + len(token), f"'{token.text}' looks like a "
                      f"misspelling of the company name '{close[0]}'.",
                      suggestions=(Suggestion(replacement=close[0]),),
                      quoted=(token.text, close[0]))
    if not draft.has_parse:
        return
    for token in _company_candidates(draft):
        start, end = _span_of_name(token)
        words = {w.lower() for w in _NAME_WORD.findall(draft.plain[start:end])}
        if token.i in reported or words & lowered or words <= _COMPANY_STOP:
            continue
        yield Hit(start, end, f"This names '{draft.text[start:end]}' as the employer, but the "
                  f"interview was with '{company}': is this note copied from another "
                  "application?", quoted=(draft.text[start:end], company))


def _check_role(draft: Draft) -> Iterator[Hit]:
    role = draft.context.role if draft.context else None
    roles = word_list("role-nouns.txt")
    wanted = [w.lower() for w in _NAME_WORD.findall(role or "") if w.lower() in roles]
    if not wanted or not draft.has_parse:
        return
    for sentence in draft.body_sentences:
        for token in sentence:
            lower = token.lower_
            if lower not in roles or lower in wanted:
                continue
            following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
            preceding = [t.lower_ for t in token.doc[max(0, token.i - 4):token.i]]
            names_a_title = following in _ROLE_MARKERS or (
                "as" in preceding and any(w in {"a", "an", "your", "the"} for w in preceding)
            )
            if not names_a_title or any(t.lower_ in _PAST_MARKERS - {"my"} for t in sentence):
                continue  # "my four years as a bookkeeper" is the writer's past
            start = token.idx
            left = token
            while left.i > 0 and left.doc[left.i - 1].dep_ in {"compound", "amod"} and \
                    left.doc[left.i - 1].head == token:
                left = left.doc[left.i - 1]
            start = left.idx
            named = draft.text[start:token.idx + len(token)]
            yield Hit(start, token.idx + len(token), f"This names the '{named}' role, but you "
                      f"interviewed for '{role}'.", quoted=(named, role or ""))


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Names, company and job title that contradict the Context."""
    if draft.context is None:
        return
    yield from _check_greeting(draft)
    yield from _check_company(draft)
    yield from _check_role(draft)
