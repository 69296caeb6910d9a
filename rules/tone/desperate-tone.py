"""Repeated apologies for writing: one 'sorry to bother you' is polite, three is pleading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.content import ties_experience
from followup_lint.lexicon import phrase_pattern, word_list
from followup_lint.model import Severity
from followup_lint.rule import Hit, RuleOptions
from followup_lint.syntax import body_sentences, is_negated, is_softened, party, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from followup_lint.draft import Draft

_APOLOGY = re.compile(r"(?i)\b(sorry|apologi[sz]e|apologies|apologising|apologizing|forgive me)\b")


def clears(sentence: Span) -> bool:
    """True for a plain statement of fit with evidence: the writer's own experience tied
    to the work, with a figure and no superlative, plea or hardship ("My four years
    driving city routes would suit the night shift"), or for composure about what comes
    ("Whatever the first month brings, I'll take it in my stride"): readings the tone
    scorer must not overrule."""
    if _composure(sentence):
        return True
    if not any(t.like_num for t in sentence) or not ties_experience(sentence, True):
        return False
    words = {t.lower_ for t in sentence}
    if words & word_list("hardship.txt") or words & {"please", "need", "beg", "anything",
                                                      "desperate", "desperately", "hope"}:
        return False
    return not any(t.tag_ in {"JJS", "RBS"} for t in sentence)


class Options(RuleOptions):
    max_apologies: int = Field(
        default=1, ge=0,
        description="Apologies allowed; each one after these is reported as pleading.")


def _check_repeated_apologies(draft: Draft, max_apologies: int) -> Iterator[Hit]:
    """Report the second and later apologies in the writer's prose."""
    found = []
    for section in draft.layout.spans("subject", "body", "sign-off"):
        found += [(section.start + m.start(), section.start + m.end())
                  for m in _APOLOGY.finditer(draft.plain[section.start:section.end])]
    for start, end in found[max_apologies:]:
        yield Hit(start, end, f"Apologising {len(found)} times reads as pleading; one brief "
                  "apology at most, then get to the point.")


# -- begging and need: what the writer asks for and why -----------------------------------
_JOB_NOUNS = frozenset("job position role chance shot opportunity try offer spot".split())
_DEPENDANTS = frozenset("family kids children child son daughter baby dog cat pets pet "
                        "mother mom mum father dad parents wife husband".split())
_PROVIDE_VERBS = frozenset("feed support provide keep pay afford cover save".split())
_NEED_HEADS = frozenset("need must depend rely count desperate afford".split())
#: Money running short: "my savings won't last", "my savings are running dry".
_SHORTFALL = frozenset("last stretch cover run dwindle".split())
#: Words the hardship check starts from, besides the hardship list itself.
_HARDSHIP_LEMMAS = _DEPENDANTS | {"evict", "kick"}
#: Imperatives a plea is made of: "please hire me", "don't pass me over".
_PLEA_VERBS = frozenset("give hire choose pick take select pass let forget overlook reject "
                        "consider make".split())
#: A promise with no limit: "I'll never ask for a raise", "every single day, forever".
_UNLIMITED = ("forever", "every single day", "never ask", "never complain", "no complaints",
              "please, please", "please please", "no limits", "no limit on", "any hours",
              "around the clock", "24/7", "pay you to")


#: Offers with no limit on work or pay: "for free", "a pay cut", "whatever it takes".
_OFFERS = ("for free", "pay cut", "for nothing", "literally anything", "as low as you",
           "for any pay", "any salary", "whatever you can pay", "whatever you're willing to pay",
           "absolutely anything", "whatever it takes", "unpaid", "whatever makes",
           "for less than", "for less money", "lower rate", "below the advertised",
           "grateful for anything", "happy with anything", "happy to take anything",
           "glad of anything", "accept less", "settle for less", "less pay", "lower pay",
           "lower salary", "lower wage", "lower offer", "smaller salary") + _UNLIMITED
_OFFER_WORDS = phrase_pattern(_OFFERS)


def _begging(sentence: Span) -> Iterator[Hit]:
    """'Please give me this job', 'pretty please', a plea for the job itself."""
    lowered = sentence.text.lower()
    if "pretty please" in lowered:
        yield Hit(sentence.start_char, sentence.end_char, "Pleading reads as desperate; "
                  "state your interest with confidence instead.", severity=Severity.error)
        return
    if sentence.lemmas.isdisjoint(_PLEA_VERBS):
        return
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if lemma not in _PLEA_VERBS or subject_of(verb) is not None:
            continue  # only an imperative: "please give me the job", "just hire me"
        gets_me = any(c.lower_ == "me" and c.dep_ in {"dative", "dobj"} for c in verb.children)
        wants_job = any(c.dep_ == "dobj" and c.lemma_.lower() in _JOB_NOUNS
                        for c in verb.children) or lemma != "give"
        bargain = any(c.dep_ == "conj" and party(subject_of(c)) == "writer"
                      for c in verb.children)  # "pick me and I'll ..."
        pleading = lemma == "give" or is_negated(verb) or bargain or any(
            c.lower_ in {"please", "just"} for c in verb.children)
        if gets_me and wants_job and pleading:
            yield Hit(sentence.start_char, sentence.end_char, "Begging for the job reads as "
                      "desperate; say why you fit instead.", severity=Severity.error)
            return


def _owned_by_writer(token: Token) -> bool:
    if any(c.dep_ == "poss" and c.lower_ in {"my", "our"} for c in token.children):
        return True
    node = token.head
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"}:
            return party(subject_of(node)) == "writer"
        if node.head is node:
            return False
        node = node.head
    return False


def _runs_short(verb: Token) -> bool:
    """'won't last', 'won't stretch that far', 'running out', 'dwindling': money short."""
    lemma = verb.lemma_.lower()
    if lemma not in _SHORTFALL:
        return False
    if lemma == "dwindle":
        return True
    if lemma == "run":
        return any(c.lower_ in {"out", "low", "dry", "thin"} for c in verb.children)
    return is_negated(verb)


def _hardship(sentence: Span) -> Iterator[Hit]:
    """Money, housing or dependants given as the reason to be hired (a mere mention of
    money trouble is oversharing, which ``personal-anecdote`` reports)."""
    hardship = word_list("hardship.txt")
    if sentence.lemmas.isdisjoint(_HARDSHIP_LEMMAS) and sentence.lowers.isdisjoint(hardship) \
            and sentence.lemmas.isdisjoint(hardship):
        return
    needy = any(t.lemma_.lower() in _NEED_HEADS | _PROVIDE_VERBS or _runs_short(t) or
                (t.lower_ == "to" and t.head.lemma_.lower() == "have") or
                (t.like_num and t.head.lemma_.lower() in {"month", "week", "year", "place",
                                                          "company", "job", "application"})
                for t in sentence)
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma not in _HARDSHIP_LEMMAS and token.lower_ not in hardship and \
                lemma not in hardship:
            continue
        owned = token.dep_ not in {"compound", "amod", "nmod"} and _owned_by_writer(token)
        evicted = lemma in {"evict", "kick"} and (
            lemma == "evict" or any(c.lower_ == "out" for c in token.children))
        if evicted and party(subject_of(token)) in {"writer", None}:
            owned = True
        elif token.lower_ in hardship or lemma in hardship:
            pass
        elif lemma in _DEPENDANTS and (token.head.lemma_.lower() in _PROVIDE_VERBS or (
                token.dep_ == "nsubj" and token.head.lemma_.lower() in _NEED_HEADS)):
            owned = owned or any(c.lower_ in {"my", "our"} for c in token.children)
        else:
            continue
        if evicted or (owned and needy):
            yield Hit(sentence.start_char, sentence.end_char, "Your money, housing or family "
                      "worries are not a reason to hire you, and they make the reader "
                      "uncomfortable; say what you bring to the role.",
                      severity=Severity.warning)
            return


def _anything(sentence: Span) -> Iterator[Hit]:
    """'I'll do literally anything', 'I'd work for free': offering whatever it takes."""
    lowered = sentence.text.lower()
    offers = bool(_OFFER_WORDS.search(lowered))
    for token in sentence if not sentence.lowers.isdisjoint({"anything", "whatever"}) else ():
        if token.lower_ in {"anything", "whatever"} and token.dep_ in {"dobj", "pobj", "appos"}:
            verb = token.head if token.dep_ == "dobj" else token.head.head
            if verb.lemma_.lower() in {"do", "work", "take", "accept", "clean", "sacrifice"} and \
                    party(subject_of(verb)) == "writer" and not is_softened(verb) and \
                    not sentence.text.rstrip().endswith("?"):
                offers = True
    offers = offers or _takes_whatever(sentence)
    if offers:
        yield Hit(sentence.start_char, sentence.end_char, "Offering to do anything, or to "
                  "work for less, reads as desperate; say what you bring instead.",
                  severity=Severity.warning)


#: What an offer is made of: a writer who takes whatever of these is offered takes anything.
_TERMS = frozenset("job role position post work shift shifts hours salary pay wage wages rate "
                   "contract task tasks duties title grade band".split())


def _composure(sentence: Span) -> bool:
    """'Whatever the first month brings, I'll take it in my stride', 'Whatever you decide,
    I'll accept it': the outcome met calmly, with no terms of the job taken whatever they
    are (that is ``_takes_whatever``) and no plea or hardship. (Given a spaCy Span: the
    scorer's sentences.)"""
    if sentence[0].lower_ not in {"whatever", "whichever"}:
        return False
    words = {t.lower_ for t in sentence}
    if not words.isdisjoint(_TERMS) or not words.isdisjoint(word_list("hardship.txt")) or \
            not words.isdisjoint({"please", "need", "beg", "anything", "desperate"}):
        return False
    root = sentence.root
    return root.i > sentence.start and party(subject_of(root)) == "writer" and \
        not is_negated(root)


def _takes_whatever(sentence: Span) -> bool:
    """'Whatever the job ends up being, I'll take it', 'Whatever salary you offer, I'll
    accept it' (not 'Whatever you decide, I'll accept it': a decision, not the terms)."""
    if sentence.lowers.isdisjoint({"whatever", "whichever"}) or sentence.lowers.isdisjoint(
            _TERMS):
        return False
    root = sentence.root
    if root.lemma_.lower() not in {"take", "accept", "do"} or party(subject_of(root)) != "writer":
        return False
    opening = [t for t in sentence if t.i < root.i]
    return any(t.lower_ in {"whatever", "whichever"} for t in opening) and any(
        t.lower_ in _TERMS for t in opening) and any(
        c.dep_ == "dobj" and c.lower_ in {"it", "that", "them"} for c in root.children)


#: Who or what rests on the reader's decision: "the whole household is riding on it".
_STAKEHOLDERS = _DEPENDANTS | frozenset("household everything future life lives home "
                                        "everyone rest".split())
_RESTS_ON = frozenset("ride count depend hang rest hinge rely".split())
#: What the reader decides: "riding on your decision" (or on "this", "it", "you").
_DECIDED = frozenset("decision answer call choice verdict".split())
#: Going without because of the wait: "I haven't slept since Tuesday", "barely eaten".
_DEPRIVED = frozenset("sleep eat".split())
_BEAR = frozenset("take survive face handle bear stand".split())
_WATCH = frozenset("check refresh watch stare keep".split())
_WATCHED = frozenset("inbox email emails phone voicemail messages mailbox".split())


def _needs_the_job(sentence: Span) -> Iterator[Hit]:
    """'I really, really need this', 'I need this one, badly': the writer needs the job
    itself (not 'I need this form by Friday', nor 'I need this to be confirmed')."""
    for verb in sentence if "need" in sentence.lemmas else ():
        if verb.lemma_.lower() != "need" or party(subject_of(verb)) != "writer" or \
                is_negated(verb) or is_softened(verb):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if len(objects) != 1 or any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
            continue
        thing = objects[0]
        bare = thing.lower_ in {"this", "it"} and not list(thing.children)
        this_one = thing.lower_ == "one" and any(c.lower_ == "this" for c in thing.children)
        job = thing.lemma_.lower() in _JOB_NOUNS and any(
            c.lower_ in {"this", "the", "that"} for c in thing.children)
        if (bare or this_one or job) and not any(
                c.dep_ == "prep" and c.lower_ in {"for", "by", "before"} for c in verb.children):
            subject = subject_of(verb)
            start = min(verb.idx, subject.idx if subject is not None else verb.idx)
            end = max(t.idx + len(t) for t in thing.subtree)
            yield Hit(start, end, "Saying how much you need the job reads as desperate; say "
                      "what you bring to it instead.", severity=Severity.warning)
            return


def _stakes(sentence: Span) -> Iterator[Hit]:
    """'The whole household is riding on your decision', 'my kids are counting on this':
    the writer's family or future laid on the reader's decision."""
    if sentence.lemmas.isdisjoint(_RESTS_ON):
        return
    for verb in sentence:
        if verb.lemma_.lower() not in _RESTS_ON or is_negated(verb):
            continue
        subject = subject_of(verb)
        if subject is None or subject.lemma_.lower() not in _STAKEHOLDERS:
            continue
        owned = subject.lemma_.lower() in {"everything", "everyone", "household"} or any(
            c.lower_ in {"my", "our", "whole", "entire"} for c in subject.children)
        on = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
              for g in c.children if g.dep_ == "pobj"]
        theirs = [g for g in on if g.lower_ in {"this", "it", "you"} or (
            g.lemma_.lower() in _DECIDED and any(c.lower_ == "your" for c in g.children))]
        if owned and theirs:
            yield Hit(sentence.start_char, sentence.end_char, "Putting your family's or your "
                      "future's hopes on the reader's decision is pressure and reads as "
                      "desperate; say what you bring to the role.", severity=Severity.warning)
            return


def _going_without(sentence: Span) -> Iterator[Hit]:
    """'I haven't slept since Tuesday waiting to hear', 'I can't take another rejection':
    the wait or the outcome told as suffering."""
    lemmas, lowers = sentence.lemmas, sentence.lowers
    watched = not lowers.isdisjoint(_WATCHED)
    if lemmas.isdisjoint(_DEPRIVED | _BEAR) and not (watched and not lemmas.isdisjoint(_WATCH)):
        return
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if not (lemma in _DEPRIVED or lemma in _BEAR or lemma in _WATCH and watched):
            continue
        if lemma in _BEAR and not is_negated(verb) or party(subject_of(verb)) != "writer":
            continue
        words = {t.lower_ for t in verb.subtree}
        deprived = lemma in _DEPRIVED and (is_negated(verb) or words & {"barely", "hardly"}) \
            and bool(words & {"since", "properly", "days", "week", "wink", "nights", "waiting"})
        cannot_bear = lemma in _BEAR and is_negated(verb) and "another" in words and bool(
            words & {"rejection", "no", "knockback", "setback", "disappointment"})
        # "I check my inbox every five minutes", "I keep refreshing my email"
        watching = lemma in _WATCH and not is_negated(verb) and any(
            t.lower_ in _WATCHED and not any(c.lower_ == "your" for c in t.children)
            for t in verb.subtree) and bool(
            words & {"every", "constantly", "nonstop", "non-stop", "obsessively", "hourly",
                     "refreshing"}) and bool(words & {"hoping", "hear",
                                                                    "waiting", "news", "you"})
        if deprived or cannot_bear or watching:
            yield Hit(sentence.start_char, sentence.end_char, "Telling the reader what the "
                      "wait costs you reads as desperate; keep the note about the role.",
                      severity=Severity.warning)
            return


def _check_begging(draft: Draft) -> Iterator[Hit]:
    """Pleas for the job and hardship given as the reason to be hired."""
    if not draft.has_parse:
        return
    for sentence in body_sentences(draft):
        hit = next(_begging(sentence), None) or next(_hardship(sentence), None) or \
            next(_anything(sentence), None) or next(_needs_the_job(sentence), None) or \
            next(_stakes(sentence), None) or next(_going_without(sentence), None)
        if hit is not None:
            yield hit


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """Repeated apologies, begging and hardship stories."""
    yield from _check_repeated_apologies(draft, options.max_apologies)
    yield from _check_begging(draft)
