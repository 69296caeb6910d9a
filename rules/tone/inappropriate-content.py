"""Content out of place in a professional follow-up, read from the parse.

Each kind is a category of words plus a reading of who does what with them:

* gifts (``gifts.txt``) the writer sends, brings or offers to the reader -- not the same
  nouns as the employer's business ("the bakery's cookie line", "the wine list I
  designed") or something the reader asked for;
* remarks on the reader's looks (``appearance.txt`` with "your", ``looks.txt`` said of
  the reader's side) and romantic overtures;
* crude or sexual words (``crude.txt``);
* offbeat, supernatural reasons (``offbeat.txt``: horoscopes, tarot, fate) and dreams
  about the reader -- not "my dream is to lead a ward" or "the horoscope page".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.lexicon import phrase_pattern, valence, word_list
from followup_lint.model import Severity
from followup_lint.rule import Hit
from followup_lint.syntax import (
    READER_WORDS,
    body_sentences,
    governing_verb,
    hyphenated,
    is_negated,
    party,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions
    from followup_lint.syntax import Sentence

NEEDS = frozenset({"pos", "dep", "lemma"})

#: Verbs by which the writer hands something over.
_GIVING = frozenset(
    "send bring drop post deliver enclose attach book buy get cover throw pop give treat "
    "ship mail leave bake make order arrange enjoy gift offer courier pick have".split())
#: Verbs of paying for something on someone's behalf.
_PAYING = frozenset("cover fund sponsor pay".split())
_BILLS = frozenset("membership subscription bill tab fee fees costs cost ticket tickets "
                   "meal dinner lunch drinks holiday trip taxi taxis cab cabs uber ubers fuel "
                   "petrol parking travel commute fare fares coffee coffees".split())
#: The reader asked for it: a sample, a requested item.
_REQUESTED = ("requested", "you asked", "as asked", "you suggested", "as suggested",
              "as discussed", "as promised", "you wanted")
#: Romantic overtures, in the sentence's own words.
_ROMANCE = ("just the two of us", "lucky man", "lucky woman", "lucky guy", "lucky girl",
            "are you single", "you're single", "you’re single", "you are single",
            "wearing a ring", "your number", "my number", "ask you out", "go out with",
            "grab a drink", "get a drink", "go on a date", "out on a date", "on a date with",
            "dinner date", "a date with you",
            "seeing anyone", "seeing someone", "take you out", "take you to dinner",
            "take you for dinner", "take you for a drink", "buy you a drink", "buy you dinner",
            "i'm single", "i’m single", "i am single")
_INNUENDO = ("if you know what i mean", "that's what she said", "that’s what she said",
             "safe for work", "not just for the office", "nocturnal", "wet dream",
             "keep it warm", "dirty joke", "filthier", "in more ways than one",
             "catch my drift", "wink wink", "laying pipe", "lay pipe")
#: Verbs that make an offbeat word a subject of work or study, not a belief.
_TOPIC_VERBS = frozenset("explain teach study research debunk discuss analyse analyze "
                         "cover write present test hear learn".split())
#: Lives before this one and jobs fated to the writer.
_FATED = ("past life", "past lives", "previous life", "destined to get", "destined to work",
          "destined to be here", "destined to join", "destined for this")
#: Gifts in the sentence's own words ("it's on me", "a token of my thanks").
_GIFTS_SAID = ("token of my", "my treat", "with your name on it", "a little something",
               "little thank-you gift", "drinks on me", "it's on me", "it’s on me",
               "next one's on me", "next one’s on me")
#: Something to eat or drink said to be "on me": "the first round's still on me".
_ON_ME = re.compile(r"(?i)\b(?:round|rounds|drinks?|beers?|pints?|shots?|coffees?|lunch|"
                    r"dinner|meal|tab|bill|cake|pizza)(?:'s|’s| is| are| will be)(?: \w+)? on "
                    r"(?:me|us)\b")


_REQUESTED_WORDS = phrase_pattern(_REQUESTED)
_GIFT_WORDS = phrase_pattern(_GIFTS_SAID)
_ROMANCE_WORDS = phrase_pattern(_ROMANCE)
_INNUENDO_WORDS = phrase_pattern(_INNUENDO)
_FATED_WORDS = phrase_pattern(_FATED)
_DREAM_SCENE = frozenset("night dreamt dreamed vivid woke sleep asleep".split())

_GIFT_MESSAGE = ("A gift after an interview can look like an attempt to sway the decision; "
                 "thank them in words only.")
_LOOKS_MESSAGE = ("Remarks on the reader's looks or a romantic overture have no place in "
                  "a follow-up; remove it.")
_CRUDE_MESSAGE = "Crude or sexual content has no place in a follow-up; remove it."
_OFFBEAT_MESSAGE = ("Horoscopes, omens and dreams are not reasons to hire you; give a "
                    "reason from your work instead.")


def _gift(sentence: Sentence) -> Iterator[Hit]:
    gifts = word_list("gifts.txt")
    lowered = sentence.text.lower()
    if _REQUESTED_WORDS.search(lowered):
        return
    if _GIFT_WORDS.search(lowered) or _ON_ME.search(lowered) or (
            "for free" in lowered and "my chances" in lowered and "your" in sentence.lowers) or \
            _pays_for_theirs(sentence, gifts):
        yield Hit(sentence.start_char, sentence.end_char, _GIFT_MESSAGE)
        return
    cued = not (sentence.lowers.isdisjoint(gifts) and sentence.lemmas.isdisjoint(gifts))
    for token in sentence if cued else ():
        if token.lower_ not in gifts and token.lemma_.lower() not in gifts or \
                token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if token.dep_ == "pobj" and token.head.lower_ in {"on", "about", "regarding"}:
            continue  # "a strict policy on gifts": the topic, not a gift
        if token.dep_ in {"compound", "amod", "nmod"} and token.head.lower_ not in gifts and \
                token.head.lower_ not in {"card", "cards", "certificate", "basket", "box"}:
            continue  # "the wine list", "the cookie line"
        if any(c.dep_ == "poss" and c.lower_ in {"your", "their"} for c in token.children):
            continue  # "your gift shop", "their wine"
        verb = governing_verb(token)
        if verb is None or is_negated(verb) or any(is_negated(a) for a in verb.ancestors):
            continue  # "your policy doesn't allow candidates to give gifts"
        who = party(subject_of(verb))
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.head.pos_ == "NOUN":
            continue  # "the team's tradition of bringing cakes": a custom, not an offer
        giving = verb.lemma_.lower() in _GIVING or verb.lower_ in {"enclosed", "attached"} \
            or "for you" in lowered or any(c.dep_ == "dative" for c in verb.children)
        if giving and who in {"writer", None}:
            yield Hit(sentence.start_char, sentence.end_char, _GIFT_MESSAGE)
            return


def _pays_for_theirs(sentence: Sentence, gifts: frozenset[str]) -> bool:
    """'I'd cover your gym membership for a year', 'happy to pay for your taxi to work':
    paying for the reader's own things (not 'cover your night shifts', which is work, nor
    'pay my own travel costs')."""
    if sentence.lemmas.isdisjoint(_PAYING):
        return False
    for verb in sentence:
        if verb.lemma_.lower() not in _PAYING or party(subject_of(verb)) not in {"writer", None}:
            continue
        if any(c.dep_ == "dobj" and c.lower_ in {"attention", "tribute", "compliment", "visit"}
               for c in verb.children):
            continue  # "pay attention to your costs"
        paid = [t for t in verb.subtree if t.i > verb.i and t.pos_ == "NOUN"]
        if any(c.lemma_.lower() in gifts | _BILLS and any(
                g.dep_ == "poss" and g.lower_ == "your" for g in c.children) for c in paid):
            return True
    return False


def _aimed_at_reader(token: Token) -> bool:
    if any(c.dep_ == "poss" and c.lower_ in READER_WORDS for c in token.children):
        return True
    if any(c.dep_ == "relcl" and c.lemma_.lower() in {"wear", "have", "sport"} and
           party(subject_of(c)) == "reader" for c in token.children):
        return True  # "the red heels you wore"
    verb = governing_verb(token)
    return verb is not None and party(subject_of(verb)) == "reader"


def _said_of_a_person(adjective: Token, appearance: frozenset[str]) -> bool:
    """A looks word said of a person or their appearance ("you look gorgeous", "your
    lovely smile"), not of their things ("your office has a beautiful view")."""
    if adjective.dep_ == "amod":
        target = adjective.head
    else:
        verb = governing_verb(adjective)
        target = subject_of(verb) if verb is not None else None
    return target is not None and (
        target.lower_ in READER_WORDS or target.ent_type_ == "PERSON"
        or target.lower_ in appearance or target.lemma_.lower() in word_list("role-nouns.txt"))


def clears(sentence: Span) -> bool:
    """Praise of their place or things in looks words ("your office has a beautiful view",
    "such a lovely building"), with no word about a person's looks: a reading the tone
    scorer must not overrule."""
    looks, appearance = word_list("looks.txt"), word_list("appearance.txt")
    said = [t for t in sentence if t.lower_ in looks and t.pos_ == "ADJ"]
    return bool(said) and not any(t.lower_ in appearance for t in sentence) and not any(
        _said_of_a_person(t, appearance) for t in said)


_GOOD_LOOKING = re.compile(r"\b(?:good|best|better|great|nice)[- ]looking\b")
_PEOPLE = frozenset("man woman guy girl person lady gentleman bloke boss one".split())


def _of_the_reader(sentence: Sentence) -> bool:
    """'You're the best-looking manager in the city', 'you're so good-looking' (not 'the
    best-looking dashboards came from your template')."""
    for token in sentence:
        if token.lower_ == "looking" or token.lower_.endswith("-looking"):
            head = token.head
            if head.pos_ == "NOUN" and (head.lemma_.lower() in _PEOPLE or
                                        head.lemma_.lower() in word_list("role-nouns.txt")):
                return party(subject_of(governing_verb(head) or head)) == "reader" or \
                    head.dep_ != "attr"
            if party(subject_of(governing_verb(token) or token)) == "reader":
                return True
    return False


#: Nouns that call a person attractive: "you're a total snack".
_ATTRACTIVE = frozenset("snack catch stunner knockout babe hottie fox dish smokeshow "
                        "heartthrob looker dreamboat cutie ten".split())
#: Platforms of private life (not LinkedIn): "your beach photos on Instagram".
_SOCIAL = frozenset("instagram insta facebook tiktok snapchat snap onlyfans".split())
_PRIVATE_PICTURES = frozenset("photo photos pic pics picture pictures selfie selfies profile "
                              "feed stories reels holiday beach".split())


_PARTNERS = frozenset("husband wife partner boyfriend girlfriend fiance fiancé fiancee fiancée "
                      "spouse".split())
#: The reader's picture, and what a writer does who keeps it: "printed your headshot".
_PORTRAITS = frozenset("photo photograph picture pic headshot portrait selfie".split())
_KEEPING = frozenset("set save print frame keep download pin use make stick".split())


def _personal_remark(sentence: Sentence, looks: frozenset[str]) -> bool:
    """The reader called attractive by a noun ("you're a total snack"), how they looked or
    smelled praised ("as hot as you looked", "you smelled amazing"), their private
    pictures looked at ("your beach photos on Instagram") or kept ("your photo as my lock
    screen"), their partner called lucky, or "chemistry" between the two."""
    words = sentence.lowers
    for token in sentence if not sentence.lemmas.isdisjoint(
            _ATTRACTIVE | {"look", "smell"}) else ():
        lemma = token.lemma_.lower()
        if lemma in _ATTRACTIVE and token.dep_ == "attr" and \
                party(subject_of(token.head)) == "reader":
            return True
        if lemma in {"look", "smell"} and token.pos_ == "VERB" and \
                party(subject_of(token)) == "reader" and (
                    not words.isdisjoint(looks) or lemma == "smell" and any(
                        valence(t.lower_) >= 1.5 for t in token.subtree)):
            return True
    if not words.isdisjoint(_SOCIAL) and not words.isdisjoint(_PRIVATE_PICTURES) and \
            not words.isdisjoint(READER_WORDS):
        return True
    if "lucky" in words and any(
            t.lower_ in _PARTNERS and t.dep_ in {"nsubj", "nsubjpass"} and any(
                c.dep_ == "poss" and c.lower_ in READER_WORDS for c in t.children) and
            any(w.lower_ == "lucky" for w in t.head.subtree) for t in sentence):
        return True  # "I hope your husband knows how lucky he is" (not "lucky to meet your
        # partner")
    if not words.isdisjoint(_PORTRAITS) and any(
            t.lower_ in _PORTRAITS and any(c.dep_ == "poss" and c.lower_ in READER_WORDS
                                           for c in t.children) and
            t.head.lemma_.lower() in _KEEPING and party(subject_of(t.head)) == "writer"
            for t in sentence):
        return True  # "I've set your photo as my lock screen"
    return "chemistry" in words and (
        "between us" in sentence.text.lower() or bool(re.search(
            r"(?i)\byou and (?:i|me)\b|\bwe (?:\w+ )?had\b", sentence.text)))


def _looks(sentence: Sentence) -> Iterator[Hit]:
    appearance, looks = word_list("appearance.txt"), word_list("looks.txt")
    lowered = sentence.text.lower()
    romance = bool(_ROMANCE_WORDS.search(lowered)) or (
        bool(_GOOD_LOOKING.search(lowered)) and _of_the_reader(sentence)) or \
        _personal_remark(sentence, looks)
    cues = not (sentence.lowers.isdisjoint(appearance) and sentence.lowers.isdisjoint(looks))
    for token in sentence if cues else ():
        if token.lower_ in appearance and token.pos_ == "NOUN" and token.dep_ != "compound" \
                and _aimed_at_reader(token) or token.lower_ in looks and token.pos_ == "ADJ" and (
                "as you are" in lowered or _said_of_a_person(token, appearance) and (
                    _aimed_at_reader(token) or any(c.dep_ == "poss" and c.lower_ in READER_WORDS
                                                   for c in token.head.children))):
            romance = True
    if romance:
        yield Hit(sentence.start_char, sentence.end_char, _LOOKS_MESSAGE,
                  severity=Severity.error)


def _crude(sentence: Sentence) -> Iterator[Hit]:
    crude = word_list("crude.txt")
    lowered = sentence.text.lower()
    if not sentence.lowers.isdisjoint(crude) or _INNUENDO_WORDS.search(lowered):
        yield Hit(sentence.start_char, sentence.end_char, _CRUDE_MESSAGE,
                  severity=Severity.error)


def _offbeat(sentence: Sentence) -> Iterator[Hit]:
    offbeat = word_list("offbeat.txt")
    words = sentence.lowers
    lowered = sentence.text.lower()
    if _FATED_WORDS.search(lowered):
        yield Hit(sentence.start_char, sentence.end_char, _OFFBEAT_MESSAGE)
        return
    if words.isdisjoint(offbeat) and "dream" not in sentence.lemmas:
        return
    for token in sentence:
        lower = token.lower_
        if lower in offbeat and token.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}:
            if token.dep_ == "compound" or any(c.dep_ == "prep" and c.lower_ == "of"
                                               for c in token.children):
                continue  # "the horoscope page", "the fate of the project"
            if hyphenated(token):
                continue  # "horoscope-based claims": a modifier of the work
            if any(a.lemma_.lower() in _TOPIC_VERBS for a in token.ancestors):
                continue  # "I explain how astrology differs from astronomy"
            if any(c.lower_ in {"the", "a", "an"} for c in token.children) and \
                    lower not in {"sign", "premonition", "psychic"} and \
                    token.dep_ not in {"attr", "dobj"}:
                continue
            yield Hit(sentence.start_char, sentence.end_char, _OFFBEAT_MESSAGE)
            return
        if token.lemma_.lower() == "dream" and (
                (token.pos_ == "VERB" and token.tag_ in {"VBD", "VBN"})
                or (token.pos_ == "NOUN" and words & _DREAM_SCENE)
                or (token.pos_ == "NOUN" and any(c.lower_ in {"a", "the"} for c in token.children)
                    and any(t.lemma_.lower() == "have" for t in token.ancestors))):
            yield Hit(sentence.start_char, sentence.end_char, _OFFBEAT_MESSAGE)
            return


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Gifts, remarks on looks, crude content, omens and dreams."""
    if not draft.has_parse:
        return
    for sentence in body_sentences(draft):
        for finder in (_crude(sentence), _looks(sentence), _gift(sentence), _offbeat(sentence)):
            hit = next(finder, None)
            if hit is not None:
                yield hit
                break
