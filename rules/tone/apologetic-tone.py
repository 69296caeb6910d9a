"""Apologies and hedges where plain confidence belongs, read from the parse.

Four kinds, each a category rather than a sentence:

* an apology by the writer for their own message, delay or manner ("sorry this is so
  late", "forgive the nudge", "please excuse the delay") -- not sympathy ("I was sorry to
  hear about the flood"), not someone else's apology ("you apologised for running late"),
  not a refusal of one ("no apology needed"), and not a brief correction of a document;
* the message framed as a burden (``imposition.txt``: bother, pester, intrude, clutter...)
  when the writer is the one imposing ("I hope I'm not imposing");
* self-deprecation: the writer as the subject of a strongly negative judgement ("I'm
  hopeless with email", "I rambled terribly") or of a denied strength ("I'm not much of a
  writer", "I wasn't the most impressive candidate"), or others set above the writer ("far
  stronger candidates than me");
* hedged throat-clearing: two or more hedges stacked on the writer's own act ("I just
  thought maybe I'd reach out"), or a frame that asks leave to write ("I thought it might
  be a good idea if I...", "I was just writing to say").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.lexicon import phrase_pattern, valence, word_list
from followup_lint.rule import Hit
from followup_lint.syntax import (
    body_sentences,
    hyphenated,
    is_negated,
    is_question,
    party,
    subject_of,
)

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions
    from followup_lint.syntax import Sentence

NEEDS = frozenset({"pos", "dep", "lemma"})

_APOLOGY_WORDS = frozenset(
    "sorry apologies apology apologise apologize apologising apologizing apologetic "
    "regrets".split())
_PARDON_VERBS = frozenset("forgive excuse pardon overlook".split())
#: What follows "sorry to" when it is sympathy, not an apology ("sorry to hear").
_SYMPATHY = frozenset("hear learn see read say leave lose go miss".split())
#: A brief correction of a document is fine ("apologies, the link was broken").
_DOCUMENT_SLIPS = frozenset(
    "link attachment attachments typo typos error errors mistake confusion mix-up "
    "mixup formatting file files date dates figure spelling".split())
_NEGATORS = frozenset("no not n't never nothing need".split())
_HEDGES = frozenset("just maybe perhaps possibly sort kind guess figured figure wonder "
                    "wondering hopefully somewhat um uh erm umm".split())
_HEDGE_PHRASES = ("for what it's worth", "for what it’s worth", "if that's alright",
                  "if that’s alright", "if that's ok", "if that’s ok", "in case it's useful",
                  "in case it’s useful", ", you know", "if it's not too much",
                  "if it’s not too much", "a little", "a bit", "if i may",
                  "if it's convenient", "if it’s convenient", "don't mind me saying",
                  "don’t mind me saying", "don't feel obliged", "don’t feel obliged")
_LEAVE_FRAMES = ("would be a good idea if i", "might be a good idea if i",
                 "would be a good thing if i", "might be nice if i", "would be nice if i",
                 "might be a good idea to", "would be a good thing to", "might be nice to",
                 "might be ok to", "would be okay to", "would be ok to", "would be alright to",
                 "wouldn't be a terrible idea", "wouldn’t be a terrible idea")
# ("just checking in" is a plain opener: not among them)
_WRITING_VERBS = frozenset("write writing say saying drop dropping reach reaching email "
                           "emailing touch send sending".split())
#: Strengths a writer can deny themselves ("not much of a writer", "not the most polished").
_DENIED = frozenset("much most best strongest more very great good smartest brightest "
                    "polished impressive real".split())

_APOLOGY_MESSAGE = ("Apologising for your own note makes it weaker; say what you came to "
                    "say (a short thank-you or check-in needs no apology).")
_BURDEN_MESSAGE = ("Calling your own message a bother invites the reader to see it as one; "
                   "write it plainly and confidently.")
_SELF_MESSAGE = ("Running yourself down undercuts the note; state a strength or leave it "
                 "out.")
_HEDGE_MESSAGE = ("Stacked hedges delay the point; open with what you want to say ('Thank "
                  "you for...', 'I'm writing to ask...').")


#: Excuses given at length: "in my defence", "hence the delay".
_EXCUSES = ("in my defence", "in my defense", "hence the delay", "hence my delay",
            "hence the late", "kicking myself", "embarrassing to admit",
            "embarrassed to admit")
_EXCUSE_WORDS = phrase_pattern(_EXCUSES)
_LEAVE_FRAME_WORDS = phrase_pattern(_LEAVE_FRAMES)
_HEDGE_PHRASE_WORDS = phrase_pattern(_HEDGE_PHRASES)
#: Verbs for handling apologies as work ("drafting formal apologies for the department").
_APOLOGY_WORK = frozenset("draft write issue handle process deliver send train teach".split())


def _owns_fault(lowered: str) -> bool:
    """'which is entirely my fault', not 'it was not my fault'."""
    at = lowered.find("my fault")
    return at >= 0 and not re.search(r"\b(?:not|n't|n’t|never|no)\b", lowered[max(0, at - 25):at])


def _not_an_apology(token) -> bool:
    """An apology word that names the thing, not the writer's own apology: a modifier
    ("the apology-letter exercise"), apologies as work ("drafting formal apologies"), or
    words inside quotation marks ("we say sorry to the guest")."""
    if token.dep_ in {"compound", "amod"} or hyphenated(token):
        return True
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _APOLOGY_WORK:
        return True
    line = token.sent.text[:token.idx - token.sent.start_char]
    return sum(line.count(q) for q in ('"', "\u201c", "\u201d")) % 2 == 1


def _sympathy(sentence: Sentence, index: int) -> bool:
    """'sorry to hear', 'sorry for your loss', 'sorry about their news': sympathy, not an
    apology."""
    after = [t.lower_ for t in sentence[index + 1:index + 3]]
    return (after[:1] == ["to"] and after[1:2] != [] and after[1] in _SYMPATHY) or (
        after[:1] in (["for"], ["about"]) and after[1:2] != [] and
        after[1] in {"your", "their", "his", "her"})


def clears(sentence: Sentence) -> bool:
    """True for sympathy ("I'm so sorry to hear about your father", "sorry for your
    loss"): every apology word in the sentence offers it: a reading the tone scorer must
    not overrule."""
    found = [i for i, t in enumerate(sentence) if t.lower_ in _APOLOGY_WORDS]
    return bool(found) and all(_sympathy(sentence, i) for i in found)


def _negated_before(sentence: Sentence, index: int) -> bool:
    return any(t.lower_ in _NEGATORS for t in sentence[max(0, index - 3):index])


def _someone_else(token) -> bool:
    """True when the apology belongs to someone other than the writer ("you apologised",
    "the manager was sorry", "Dana said she was sorry")."""
    if token.dep_ == "intj" or token.pos_ == "INTJ":
        return False  # "Sorry, ..." / "Sorry this is late"
    node = token if token.pos_ in {"VERB", "AUX"} else token.head
    subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return False
    return party(subject) == "reader" or subject.pos_ in {"PROPN", "NOUN"} or \
        subject.lower_ in {"he", "she", "they"}


#: Subjects of "sorry (that) X" that make it an apology for the writer's own note.
_OWN_NOTE = frozenset("i this it note email message reply letter follow-up thank-you "
                      "response".split())


#: What an outcome does: "it didn't work out", "it didn't happen", "it did not go my way".
_OUTCOMES = frozenset("work happen go pan succeed".split())


def _regret(token) -> bool:
    """True for regret about events, not the writer's own act: "I'm so sorry things didn't
    work out", "sorry the salary band wasn't higher"."""
    if any(c.dep_ == "xcomp" for c in token.children):
        return False  # "Sorry to be a pain, but did the panel ...": the writer's own act
    node = token if token.pos_ != "INTJ" else token.head
    for clause in [c for c in node.children if c.dep_ in {"ccomp", "advcl"}] + (
            [node] if token.pos_ == "INTJ" else []):
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lower_ not in _OWN_NOTE and \
                party(subject) != "writer":
            return True
        if subject is not None and subject.lower_ == "it" and \
                clause.lemma_.lower() in _OUTCOMES and is_negated(clause):
            return True  # "sorry it didn't work out this time": 'it' is the outcome
    return False


#: A writer's own messages: "forgive a second email so soon".
_WRITINGS = frozenset("email e-mail message note nudge reminder follow-up intrusion "
                      "interruption".split())
#: Apology in a formal register: "belated thanks" (and, read in ``_apology``, "I have been
#: remiss" and "beg your indulgence").
_FORMAL_FAULTS = frozenset("belated belatedly".split())
#: The reader tired of the writer: "you must be sick of hearing from me".
_TIRED_OF_ME = re.compile(r"(?i)\b(?:sick|tired|fed up|weary|bored) (?:of|with) "
                          r"(?:me|my|hearing from me|all my)\b")


def _apology(sentence: Sentence) -> Iterator[Hit]:
    if not sentence.lowers.isdisjoint(_DOCUMENT_SLIPS):
        return
    lowered = sentence.text.lower()
    late = not sentence.lowers.isdisjoint({"late", "later", "delay", "delayed", "belated"})
    formal = not sentence.lowers.isdisjoint(_FORMAL_FAULTS) or (
        "remiss" in sentence.lowers and sentence.lowers.isdisjoint({"would", "'d", "’d", "if"})
    ) or (  # "I have been remiss", not "I'd be remiss not to say"
        "indulgence" in sentence.lowers and not sentence.lemmas.isdisjoint(
            {"beg", "ask", "crave", "request"}))  # "I must beg your indulgence"
    if "mea culpa" in lowered or formal or (
            late and "regrettably" in sentence.lowers):
        yield Hit(sentence.start_char, sentence.end_char, _APOLOGY_MESSAGE)
        return
    if _EXCUSE_WORDS.search(lowered) or _owns_fault(lowered) or \
            "excuse" in sentence.lowers and any(
            t.lower_ == "excuse" and t.pos_ == "NOUN" and
            any(c.lower_ == "my" for c in t.children) for t in sentence):
        yield Hit(sentence.start_char, sentence.end_char, _APOLOGY_MESSAGE)
        return  # "My excuse for the silence is ...": an excuse is an apology at length
    if sentence.lowers.isdisjoint(_APOLOGY_WORDS) and sentence.lemmas.isdisjoint(
            _PARDON_VERBS | {"regret"}):
        return
    for index, token in enumerate(sentence):
        lower = token.lower_
        if lower in _APOLOGY_WORDS:
            if _not_an_apology(token):
                continue
            if _sympathy(sentence, index):
                continue  # "sorry to hear", "sorry for your loss"
            if _negated_before(sentence, index) or _someone_else(token) or _regret(token):
                continue
            yield Hit(sentence.start_char, sentence.end_char, _APOLOGY_MESSAGE)
            return
        if token.lemma_.lower() == "regret" and token.pos_ == "VERB" and \
                party(subject_of(token)) == "writer" and not _regret(token) and \
                not _negated_before(sentence, index):
            yield Hit(sentence.start_char, sentence.end_char, _APOLOGY_MESSAGE)
            return  # "I regret that I was unable to respond sooner"
        if token.lemma_.lower() in _PARDON_VERBS and token.pos_ == "VERB":
            objects = [c for c in token.children if c.dep_ in {"dobj", "dative"}]
            subject = subject_of(token)
            if any(o.lower_ in {"me", "us"} or o.lemma_.lower() in _WRITINGS or any(
                    c.lower_ in {"my", "the", "this", "our"} for c in o.children)
                   for o in objects) \
                    and (party(subject) == "reader" or not _someone_else(token)):
                yield Hit(sentence.start_char, sentence.end_char, _APOLOGY_MESSAGE)
                return


def _burden(sentence: Sentence) -> Iterator[Hit]:
    imposing = word_list("imposition.txt")
    words = sentence.lowers
    if not words & {"i", "i'm", "me", "my", "i’m"} and not words & {"sorry", "apologies"} \
            and not sentence.text.lower().startswith("not to"):  # "Not to be a pest, but"
        return
    if _TIRED_OF_ME.search(sentence.text):
        yield Hit(sentence.start_char, sentence.end_char, _BURDEN_MESSAGE)
        return
    if words.isdisjoint(imposing) and sentence.lemmas.isdisjoint(imposing | {"waste"}):
        return
    for token in sentence:
        if token.lemma_.lower() == "waste" and token.pos_ == "VERB" and any(
                t.lower_ in {"your", "you"} for c in token.children if c.dep_ == "dobj"
                for t in c.subtree) and party(subject_of(token)) in {"writer", None}:
            yield Hit(sentence.start_char, sentence.end_char, _BURDEN_MESSAGE)
            return  # "so I don't waste any more of your day"
        if token.lower_ not in imposing and token.lemma_.lower() not in imposing:
            continue
        if token.i > 0 and token.nbor(-1).lower_ == "no":
            continue  # "no bother at all"
        if token.pos_ in {"VERB", "AUX"}:
            objects = {c.lower_ for c in token.children if c.dep_ in {"dobj", "nsubj"}}
            if objects & {"me", "us"} or party(subject_of(token)) not in {"writer", None}:
                continue  # "the noise bothered me", "you must be swamped by..."
        yield Hit(sentence.start_char, sentence.end_char, _BURDEN_MESSAGE)
        return


#: Others or their time set above the writer: "far stronger candidates than me", "your
#: time is more valuable than mine" (not "nobody better than me", a boast).
_BELOW_OTHERS = re.compile(
    r"(?i)\b(?:stronger|better|more (?:qualified|experienced|talented|valuable|important|"
    r"precious)|worth (?:far |much |a lot )?more|smarter|brighter|worthier)\b[^.;!?]{0,40}?"
    r"\bthan (?:me|mine|myself|i (?:am|was))\b")
_NOBODY_ABOVE = re.compile(r"(?i)\b(?:no ?one|nobody|none|no other|not many|few)\b")


#: What the reader did for the writer, in "amazed you even considered my portfolio".
_CONSIDERED = frozenset("consider look read interview invite shortlist call meet see reply "
                        "bother give".split())
_ONLY = frozenset("just only merely simply".split())


#: The writer made small: a favour done "for someone like me", "who am I to ...", a
#: disclaimer before an idea ("I'm no expert, but"), asking called cheeky, a note almost
#: not sent, being out of the running accepted in advance.
_MADE_SMALL = re.compile(
    r"(?i)\b(?:(?:for|to|on|with) (?:someone|somebody|a person|people) like me|the likes of me|"
    r"who am i to|little old me|"
    r"(?:i['’]m|i am) (?:certainly |definitely |by no means |hardly |far from )?(?:no|not an?) "
    r"(?:expert|specialist|authority)\b(?! (?:in|on|at|with|yet)\b)|speaking out of turn|"
    r"(?:feels?|felt|seems?|seemed) (?:a (?:bit|little|touch) )?(?:cheeky|presumptuous|forward|"
    r"pushy)|in case it (?:seemed|seems|came across as|looks?) (?:too much|pushy|"
    r"desperate)|(?:wasn't|was not|wasn’t|almost didn't|nearly didn't|almost didn’t) "
    r"(?:going to )?(?:write|send|email|get in touch|reach out)|"
    r"(?:understand|won't be surprised|wouldn't blame you|won’t be surprised)\b[^.;!?]{0,20}?"
    r"\bif i(?:['’]m| am| was)? (?:not (?:successful|selected|chosen|shortlisted|"
    r"what you)|out of the running|no longer in)|"
    r"(?:hope|hopefully) (?:this|it|that) (?:isn't|is not|wasn't|was not|isn’t|wasn’t) "
    r"(?:(?:too |a bit |overly )(?:forward|pushy|much|presumptuous|cheeky|forward of me)|"
    r"(?:a |an )?(?:nuisance|bother|burden|imposition|pain|intrusion|inconvenience))|"
    r"(?:hope|trust) you (?:don't|do not|won't|don’t|won’t) mind (?:me |my )?(?:emailing|writing|"
    r"following up|reaching out|getting in touch|chasing|asking|contacting|taking up|"
    r"bothering|interrupting|nudging)|"
    r"(?:it )?pains me to (?:nudge|chase|ask|bother|write|follow|trouble|press)|"
    r"(?:this|my) (?:email|note|message|follow-up|letter|reply|nudge) (?:is|was|might be|may be|"
    r"could be) (?:just )?(?:a|another) waste of your (?:time|day|morning|afternoon)|"
    r"(?:pardon|forgive|excuse) (?:the|my|this) (?:intrusion|interruption|imposition)|"
    r"(?:didn't|did not|didn’t|doubt i did|never did|wasn't able to) (?:really )?do myself "
    r"(?:justice|credit)|let myself down|(?:a|such a) (?:bundle|bag|wreck) of nerves)")
#: The note's own lateness owned: "my thank-you is late", "regret the tardiness of this".
_LATE_NOTE = re.compile(
    r"(?i)\b(?:(?:regret|excuse|forgive|pardon) (?:the|my) (?:tardiness|lateness|delay)|"
    r"(?:my|this) (?:thank-you|thank you|note|email|message|reply|letter|response)"
    r"(?: note| email| message)? (?:is|comes|arrives|was) (?:\w+ )?(?:late|belated|overdue|"
    r"tardy)|unforgivably (?:so|late)|"
    r"(?:regretfully|regrettably|unfortunately),? i (?:didn't|did not|didn’t|wasn't able to|was "
    r"unable to|couldn't|could not|couldn’t) (?:manage to |get (?:a|the) chance to |get round to )?"
    r"(?:write|reply|respond|send|email|get back))\b")


def _barely_worth_it(sentence: Sentence) -> bool:
    """'I was amazed you even considered my portfolio', 'grateful you saw me at all': what
    the reader did for the writer told as more than the writer deserved (not 'did the panel
    consider it at all?', nor 'I didn't mind the wait at all')."""
    if "even" in sentence.lowers and any(
            t.lower_ == "even" and t.head.lemma_.lower() in _CONSIDERED and
            party(subject_of(t.head)) == "reader" for t in sentence):
        return True
    if "at all" not in sentence.text.lower() or is_question(sentence):
        return False
    for token in sentence:
        if token.lower_ == "all" and token.i > sentence.start and \
                token.nbor(-1).lower_ == "at":
            done = token.head if token.head.pos_ == "VERB" else token.head.head
            if done.lemma_.lower() in _CONSIDERED and \
                    party(subject_of(done)) in {"reader", None} and not is_negated(done):
                return True
    return False


def _self_deprecation(sentence: Sentence) -> Iterator[Hit]:
    if _MADE_SMALL.search(sentence.text):
        yield Hit(sentence.start_char, sentence.end_char, _SELF_MESSAGE)
        return
    if _LATE_NOTE.search(sentence.text):
        yield Hit(sentence.start_char, sentence.end_char, _APOLOGY_MESSAGE)
        return
    if _barely_worth_it(sentence):
        yield Hit(sentence.start_char, sentence.end_char, _SELF_MESSAGE)
        return
    if not sentence.lowers.isdisjoint(_ONLY) and "away" not in sentence.lowers and any(
            t.dep_ == "attr" and t.pos_ == "NOUN" and
            any(c.lower_ in _ONLY for c in t.children) and
            any(c.lower_ in {"a", "an"} for c in t.children) and
            not any(c.lower_ in {"from", "away"} for c in t.children) and  # "a short drive from"
            party(subject_of(t.head)) == "writer" for t in sentence):
        yield Hit(sentence.start_char, sentence.end_char, _SELF_MESSAGE)
        return  # "I'm just a hobbyist", "I'm only a student"
    if not sentence.lowers.isdisjoint(_SHAME) and any(
            t.lower_ in _SHAME and t.dep_ in {"acomp", "ROOT", "conj"} and
            party(subject_of(t.head if t.dep_ == "acomp" else t)) == "writer" and
            not is_negated(t.head if t.dep_ == "acomp" else t) for t in sentence):
        yield Hit(sentence.start_char, sentence.end_char, _SELF_MESSAGE)
        return  # "I'm mortified that I mixed up the names", "I'm so embarrassed it's late"
    below = _BELOW_OTHERS.search(sentence.text)
    if below and not _NOBODY_ABOVE.search(sentence.text[:below.start()]):
        yield Hit(sentence.start_char, sentence.end_char, _SELF_MESSAGE)
        return
    if sentence.lowers.isdisjoint(_WRITER_SUBJECTS):
        return
    for token in sentence:
        if token.dep_ not in {"acomp", "attr", "advmod", "dobj"} or token.head.pos_ not in {
                "VERB", "AUX"}:
            continue
        if token.dep_ == "advmod" and token.i == sentence.start:
            continue  # "Regrettably, I have accepted another offer": about the news
        strength = valence(token.lower_) or valence(token.lemma_)
        denied = token.lower_ in _DENIED or any(c.lower_ in _DENIED for c in token.children)
        if strength > -1.5 and not denied:
            continue  # neither a harsh judgement nor a strength the writer could deny
        verb = token.head
        if party(subject_of(verb)) != "writer" or subject_of(verb) is None:
            continue
        if subject_of(verb).lower_ == "we":
            continue
        if any(c.dep_ in {"xcomp", "ccomp"} for c in token.children) or \
                token.lower_ in _FEELINGS:
            continue  # "I was disappointed (to hear)": a feeling about news, not a judgement
        negated = any(c.dep_ == "neg" or c.lower_ in {"hardly", "scarcely", "barely"}
                      for c in verb.children)
        if strength <= -1.5 and not negated and token.dep_ != "dobj":
            yield Hit(sentence.start_char, sentence.end_char, _SELF_MESSAGE)
            return
        if negated and token.dep_ in {"attr", "acomp"} and denied:
            yield Hit(sentence.start_char, sentence.end_char, _SELF_MESSAGE)
            return


_WRITER_SUBJECTS = frozenset("i i'm i’m".split())
#: Feelings about an outcome, which judge no one: "I was naturally disappointed, but ...".
_FEELINGS = frozenset("disappointed saddened sad upset frustrated discouraged disheartened "
                      "dismayed deflated gutted devastated crushed heartbroken hurt worried "
                      "sorry".split())
#: Shame the writer owns: "I'm mortified that ...".
_SHAME = frozenset("mortified ashamed embarrassed humiliated red-faced sheepish".split())


def _hedges(sentence: Sentence) -> Iterator[Hit]:
    lowered = " ".join(sentence.text.lower().split())
    if _LEAVE_FRAME_WORDS.search(lowered):
        yield Hit(sentence.start_char, sentence.end_char, _HEDGE_MESSAGE)
        return
    tokens = list(sentence)
    for index, token in enumerate(tokens[:-1] if "just" in sentence.lowers else ()):
        # "I was just writing to say", "Just to say": the point deferred behind 'just'.
        if token.lower_ == "just" and tokens[index + 1].lower_ in _WRITING_VERBS and \
                tokens[index + 1].tag_ == "VBG":
            yield Hit(sentence.start_char, sentence.end_char, _HEDGE_MESSAGE)
            return
        if token.lower_ == "just" and index <= 1 and tokens[index + 1].lower_ == "to" and \
                index + 2 < len(tokens) and tokens[index + 2].lower_ in _WRITING_VERBS:
            yield Hit(sentence.start_char, sentence.end_char, _HEDGE_MESSAGE)
            return
    if not sentence.lowers & {"i", "i'd", "i’d", "me"}:
        return
    hedges = set(sentence.lowers & _HEDGES)
    hedges |= {m.group() for m in _HEDGE_PHRASE_WORDS.finditer(lowered)}
    if len(hedges) >= 2:
        yield Hit(sentence.start_char, sentence.end_char, _HEDGE_MESSAGE)


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Apologies for the note, the note as a burden, self-deprecation, stacked hedges."""
    if not draft.has_parse:
        return
    for sentence in body_sentences(draft):
        for finder in (_apology(sentence), _burden(sentence), _self_deprecation(sentence),
                       _hedges(sentence)):
            hit = next(finder, None)
            if hit is not None:
                yield hit
                break
