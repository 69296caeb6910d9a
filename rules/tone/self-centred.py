"""A note about what the job does for the writer, or flattery in place of fit.

"The salary is exactly what I need" and "the office is five minutes from my flat" make
the note about the writer; "you are a genius" and "the best company in the world"
flatter instead of showing fit. Benefits named as work ("I ran payroll for 300 staff")
and sincere, specific praise ("your talk on triage was clear") are not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.lexicon import phrase_pattern, valence, word_list
from followup_lint.model import Severity
from followup_lint.rule import Hit
from followup_lint.syntax import (
    body_sentences,
    governing_verb,
    is_negated,
    is_question,
    party,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

NEEDS = frozenset({"pos", "dep"})


#: What a job gives the person who holds it.
_PERKS = frozenset(
    "salary salaries pay paycheck money compensation bonus bonuses perks perk vacation "
    "pto commute raise discount discounts lunch lunches parking gym stipend holidays "
    "leave benefits insurance workweek membership lunches schedule tuition reimbursement "
    "401k overtime hybrid remote match relocation healthcare allowance wfh uniform "
    "paid pension scheme car bump rise wage wages".split()
)
#: Nouns a perk is described by: "the bonus structure", "the salary band". Asking about
#: them or liking them is fair; only naming them as the reason to apply is about oneself.
_PERK_SHAPES = frozenset("structure scale band package range figure level policy entitlement "
                         "details rate".split())
_WHY_I_APPLIED = phrase_pattern(("main reason", "why i applied", "reason i applied",
                                 "matters most", "matter most", "deciding factor",
                                 "deal-breaker", "dealbreaker", "non-negotiable",
                                 "big part of why", "sold me"))
#: "rate" is pay only when these say so: "the starting hourly rate", "the day rate" (not
#: "the error rate").
_PAY_RATES = frozenset("hourly daily day pay starting base overtime weekly".split())
_LIKING = frozenset("love like want need appreciate enjoy excite attract draw sell "
                    "interest care".split())
#: Words that put the reader on a pedestal rather than describe their work.
_GUSH_NOUNS = frozenset("genius legend idol hero goddess god superstar rockstar icon "
                        "inspiration role-model angel angels saint".split())
_HOME = frozenset("apartment flat house home place".split())
_WORSHIP = frozenset("worship idolize idolise adore".split())
_FLATTERY_LEMMAS = _GUSH_NOUNS | _WORSHIP
_SCOPE = ("in the world", "on earth", "of all time", "i have ever", "i've ever", "in history",
          "on the planet", "in the country", "anywhere in", "anywhere, ever",
          "ever met", "in the universe", "in the entire", "in the history", "of my life",
          "my whole life", "my entire life", "since i was a")
_SCOPE_WORDS = phrase_pattern(_SCOPE)


#: Words that make a perk the writer's reason: "that's the main thing I'm weighing".
_FOR_ME = ("for me", "i need", "sold me", "reason i", "afford", "than at my", "than my current",
           "why i applied", "main thing", "mostly want", "excites me most", "looking for",
           "the job for", "the role for", "the position for", "my priorities", "my priority",
           "matter most to me", "matters most to me", "main reason", "most important to me",
           "deal-breaker", "dealbreaker", "non-negotiable", "plans for it", "big part of why",
           "hoping for", "as much", "as many", "really need", "before anything else",
           "before we discuss", "what i'm after", "what i’m after", "what i am after",
           "life would be", "life easier")
#: ... matched as whole words ("for me" is not in "for mentioning").
_FOR_ME_WORDS = phrase_pattern(_FOR_ME)
_PERKS_MESSAGE = ("This makes the note about what the job gives you; say what you would bring "
                  "to the team instead.")


def _perks_then_reason(sentence: Span, previous: Span | None) -> Iterator[Hit]:
    """'Would the staff discount start in week one? That's a big part of why I applied.':
    the perks asked about, then named as the reason, in the next sentence."""
    if previous is None or sentence.text.lower().split()[:1] not in (
            ["that's"], ["that’s"], ["that"], ["those"], ["these"], ["this"], ["it's"]):
        return
    pay_rate = "rate" in previous.lemmas and not previous.lowers.isdisjoint(_PAY_RATES)
    if _FOR_ME_WORDS.search(sentence.text.lower()) and (pay_rate or not _PERKS.isdisjoint(
            _perk_forms(previous.lemmas))):
        yield Hit(sentence.start_char, sentence.end_char, _PERKS_MESSAGE,
                  severity=Severity.warning)


def _perk_forms(lemmas: set[str]) -> set[str]:
    """A sentence's lemmas as the perk list writes them (only "401(k)" needs rewriting)."""
    return lemmas if not any("(" in lemma for lemma in lemmas) else {
        _perk_form(lemma) for lemma in lemmas}


def _perk_form(lemma: str) -> str:
    """A lemma as the perk list writes it ("401(k)" -> "401k")."""
    return lemma.replace("(", "").replace(")", "")


def _perks(sentence: Span, offered: bool) -> Iterator[Hit]:
    """Perks as what the writer wants; a question about them is fair once an offer is on
    the table (``offered``), or about a perk the reader raised ("the car allowance you
    mentioned")."""
    words = sentence.lowers
    if not words.isdisjoint(_HOME) and words & {"minutes", "minute", "close", "near", "walk",
                                                 "commute", "drive"} and \
            any(t.lower_ in _HOME and any(c.lower_ == "my" for c in t.children) for t in sentence):
        yield Hit(sentence.start_char, sentence.end_char, "How close the job is to your home "
                  "is your concern, not theirs; say what you would bring to the team instead.",
                  severity=Severity.warning)
        return
    for_me = bool(_FOR_ME_WORDS.search(sentence.text.lower()))
    if _ARRANGEMENTS.search(sentence.text) and (for_me or _REASON.search(sentence.text)):
        yield Hit(sentence.start_char, sentence.end_char, _PERKS_MESSAGE,
                  severity=Severity.warning)  # "the four-day week is what sold me"
        return
    if _PERKS.isdisjoint(_perk_forms(sentence.lemmas)) or \
            _ANSWERS_THEM.search(sentence.text):
        return  # "As you asked, my expected salary is ...": an answer, not a want
    asks = _asks(sentence)
    for token in sentence:
        lemma = _perk_form(token.lemma_.lower())
        if lemma == "rate" and any(c.lower_ in _PAY_RATES for c in token.children):
            lemma = "pay"
        if lemma not in _PERKS or token.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}:
            continue
        if token.dep_ in {"compound", "amod"} and token.head.lemma_.lower() not in _PERKS:
            if token.head.lemma_.lower() in _PERK_SHAPES and \
                    _WHY_I_APPLIED.search(sentence.text.lower()):
                yield Hit(sentence.start_char, sentence.end_char, _PERKS_MESSAGE,
                          severity=Severity.warning)
                return  # "the bonus structure is the main reason I applied"
            continue  # "payroll and bonus calculations": the work, not the perk
        mine = any(c.dep_ == "poss" and c.lower_ == "my" for c in token.children)
        node, liked = token.head, False
        for _ in range(4):
            if node.pos_ == "NOUN" and node.lemma_.lower() not in _PERKS:
                break  # "I appreciated your candour about the salary": liking the candour
            if node.pos_ in {"VERB", "AUX", "ADJ"}:
                liked = node.lemma_.lower() in _LIKING and party(subject_of(node)) == "writer"
                break
            if node.head is node:
                break
            node = node.head
        asked = asks and lemma in _ASKED_PERKS and not offered and \
            not _THEY_RAISED.search(sentence.text)
        if mine or liked or for_me or asked:
            yield Hit(sentence.start_char, sentence.end_char, _PERKS_MESSAGE,
                      severity=Severity.warning)
            return


#: An offer already made, whose terms the writer may ask about: "the offer letter",
#: "before signing", "accept your offer".
_OFFER_MADE = re.compile(
    r"(?i)\b(?:offer letter|(?:your|the|this|formal|written|kind) offer (?:of|letter|pack|"
    r"you|for)|before (?:signing|accepting|I sign|I accept)|(?:accept|accepting|signing|sign) "
    r"(?:the|your) (?:offer|contract)|(?:employment )?contract you sent)\b")
#: A perk the reader brought up: "the car allowance you mentioned".
_THEY_RAISED = re.compile(r"(?i)\byou (?:mentioned|raised|described|outlined|brought up|"
                          r"explained)\b")
#: How the hours are arranged, named as a perk: "the four-day week", "working from home".
_ARRANGEMENTS = re.compile(
    r"(?i)\b(?:(?:four|4|three|3|nine|9)[- ]day (?:week|fortnight)|compressed hours|"
    r"(?:work|working) (?:from|at) home|early finish(?:es)?|finish(?:ing)? early|"
    r"(?:start|starting) late|late starts?|lie-ins?|flexi-?time|"
    r"short(?:er)? (?:days|hours|week)|"
    r"(?:leave|leaving|get out|getting out|finish|finishing|clock off) (?:by|at|before) "
    r"(?:[1-5]|one|two|three|four|five)(?:pm| ?o'clock)?)\b")
_ANSWERS_THEM = re.compile(r"(?i)\b(?:as|since|because) you (?:asked|requested|wanted to "
                           r"know)|\bas requested\b|\byou asked (?:me )?(?:directly )?"
                           r"(?:about|for|whether|if)\b")
#: ... named as what made the writer apply: "is what drew me", "the main thing I care about".
_REASON = re.compile(r"(?i)\b(?:drew me|draws me|attracted me|care about|what got me|"
                     r"why i put in)\b")
#: The writer's journey: "the commute", "the traffic", "the bus from my place".
_JOURNEY = frozenset("commute traffic bus train drive journey tube metro rush-hour".split())
_SHIFT_VERBS = frozenset("start finish leave begin".split())
_DISCOMFORT = frozenset("painful brutal nightmare awful horrible killer beat avoid dread hate "
                        "miss skip less shorter exhausting grim long".split())


def _hours_for_the_journey(sentence: Span, previous: Span | None) -> Iterator[Hit]:
    """'Could I start at 10 so the commute is less painful?', 'Any chance I could start
    later? The bus from my place is brutal': hours asked to change for the writer's
    journey (not 'I can start at 8; the bus gets in at 7:40')."""
    together = [sentence] if previous is None else [previous, sentence]
    words = set().union(*(s.lowers for s in together))
    if words.isdisjoint(_JOURNEY) or words.isdisjoint(_DISCOMFORT | {"rather"}):
        return
    asks_to_move = any(
        t.lemma_.lower() in _SHIFT_VERBS and party(subject_of(t)) in {"writer", None} and (
            any(c.lower_ in {"could", "can", "would", "might"} for c in t.children) or
            is_question(s) or any(w.lower_ in {"later", "earlier", "instead", "rather"}
                                  for w in t.subtree))
        for s in together for t in s)
    if asks_to_move:
        yield Hit(sentence.start_char, sentence.end_char, "Asking to change the hours for "
                  "your journey makes the note about what suits you; keep it about the work.",
                  severity=Severity.warning)


#: Perks that are money or freebies: asking about them before an offer is about oneself
#: (how the work is arranged, hybrid or on site, is a fair question).
_ASKED_PERKS = _PERKS - frozenset("hybrid remote schedule commute overtime workweek tuition "
                                  "reimbursement paid benefits match scheme leave".split())
#: Verbs that put a question indirectly: "I was wondering whether", "could you tell me".
_ASKING = frozenset("wonder ask check tell know confirm clarify remind".split())


def _asks(sentence: Span) -> bool:
    """A question about what the job gives ("does the role come with a company car?", "I
    was wondering whether the free lunches are every day"): perks asked about in a note that
    should be about the work."""
    return is_question(sentence) or (not sentence.lemmas.isdisjoint(_ASKING) and any(
        t.lower_ in {"whether", "if", "how", "when", "what"} for t in sentence))


def _aimed_at_reader(token: Token) -> bool:
    node = token
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"}:
            return party(subject_of(node)) != "writer"
        if node.head is node:
            return False
        node = node.head
    return False


#: Gushing told by its effect on the writer: "everything about you was perfect", "left me
#: speechless", "I have never admired anyone more", "honoured just to share a building".
_SWOONING = re.compile(
    r"(?i)\b(?:everything about you\b|"
    r"(?:you|your\b[^.;!?]{0,40}?) left me (?:\w+ )?(?:speechless|dazzled|starstruck|"
    r"star-struck|breathless|in awe|"
    r"awestruck|weak at the knees|lost for words)|"
    r"(?:brought|moved|reduced) me to tears|never admired anyone (?:more|as much)|"
    r"honou?red (?:just |simply |merely )?to (?:share|breathe|be in the same|stand in)|"
    r"(?:i|i've|i have) (?:\w+ )?(?:dream|dreamt|dreamed) (?:about|of) (?:working|you|your))")


#: The reader's side set above all others, or meeting them above all else: "makes every
#: other firm in the sector look amateur", "puts the Big Four to shame", "not fit to tie
#: your shoelaces", "the highlight of my year".
_ABOVE_THE_REST = re.compile(
    r"(?i)\bmakes? (?:every|all|any) (?:other )?\w+(?: \w+){0,4} look\b(?! (?:to|at|for|into|"
    r"after|up|like)\b)|"
    r"\bputs? (?:\w+ ){1,4}to shame\b|(?:\bnot|n't|n’t) fit to (?:tie|lace|polish|shine)\b|"
    r"\b(?:meeting you|you) (?:was|were|are|is) the highlight of my (?:year|life|career|decade)\b")


def _flattery(sentence: Span) -> Iterator[Hit]:
    lowered = sentence.text.lower()
    if _SWOONING.search(sentence.text) or _ABOVE_THE_REST.search(sentence.text):
        yield Hit(sentence.start_char, sentence.end_char, "Over-the-top praise reads as "
                  "flattery; name one specific thing you admired instead.",
                  severity=Severity.warning)
        return
    scoped = bool(_SCOPE_WORDS.search(lowered)) and any(
        t.tag_ == "JJS" or (t.lower_ == "most" and t.dep_ == "advmod") for t in sentence)
    gush = not sentence.lemmas.isdisjoint(_FLATTERY_LEMMAS) and (
        any(t.lemma_.lower() in _GUSH_NOUNS and _aimed_at_reader(t) for t in sentence) or
        any(t.lemma_.lower() in _WORSHIP and party(subject_of(t)) == "writer" for t in sentence))
    if gush or scoped:
        yield Hit(sentence.start_char, sentence.end_char, "Over-the-top praise reads as "
                  "flattery; name one specific thing you admired instead.",
                  severity=Severity.warning)


#: Ratings a writer gives their own abilities instead of showing them.
_SELF_RATINGS = frozenset(
    "exceptional outstanding extraordinary unmatched unparalleled unrivalled unrivaled "
    "flawless impeccable superior incredible amazing phenomenal genius eidetic "
    "photographic superhuman".split()
)


#: The writer ranked above everyone: "easily the best candidate", "better than anyone",
#: "nobody understands it better than I do", "I'll outperform every other accountant".
_ABOVE_ALL = re.compile(
    r"(?i)\b(?:better than (?:anyone|anybody|any other|everyone|all the)|"
    # the writer's praise quoted from others: "called me the best teacher they'd ever had"
    r"(?:called|call|named|rated|rate|considered|consider) me the (?:best|finest|strongest|"
    r"greatest|most \w+) \w+(?: \w+)? (?:they(?:'d|’d| had| have|'ve|’ve)|he|she) ever|"
    r"(?:easily|by far|simply) the (?:best|strongest|top)|"
    r"outperform (?:every|all|any)|"
    r"(?:anyone|anybody) (?:more \w+|\w+er) than (?:me|i)|"
    r"(?:no ?one|nobody|no other \w+)\b[^.;!?]{0,60}?\b(?:better than (?:me|i|mine)|"
    r"as (?:\w+ ){1,2}as (?:me|mine|i))|"
    r"in a (?:different|whole other|higher) league|in a (?:league|class) of my own|"
    r"(?:come|comes|came|coming) (?:anywhere )?close to (?:me|my)|of my generation|"
    r"in the history of|"
    r"\w+er than (?:anyone|anybody|everyone|any other)(?: else)?|"
    r"(?:won't|will not|won’t|never) find (?:a|an|anyone|anybody) (?:more|better)|"
    r"more \w+ than (?:anyone|anybody|everyone)(?: else)?|"
    r"(?:head and shoulders|miles|streets|way|far|well|a cut) above (?:all |every |the )?"
    r"(?:other|rest)\b[^.;!?]{0,25}?\b(?:applicants?|candidates?|field|competition|pool)|"
    r"(?:no other|none of the other|no ?one else|no-one else|nobody else)\b[^.;!?]{0,40}?"
    r"\b(?:touch|match|beat|rival|equal|compete with|hold a candle to|top)\b"
    r"[^.;!?]{0,10}?\b(?:me|my|mine|what i)|"
    r"who else\b[^.;!?]{0,60}?\b(?:like|as \w+ as) (?:mine|me)(?=\?)|"
    r"(?:won't|will not|won’t|never|wouldn't|won't ever) (?:find|meet|see|interview|get) "
    r"(?:another|anyone else|anybody else)\b[^.;!?]{0,40}?\bas \w+ as (?:me|mine|i)|"
    r"of the (?:decade|century))\b")
#: The writer as the best of a place or group: "I'm the best barista in Leeds", "as the most
#: gifted designer of my generation" (a plain rank with a figure is a result, not a boast).
_TOP_OF = re.compile(
    r"(?i)\b(?:i(?:'m|’m| am)|as)\s+(?:(?:quite|just|\w+ly)\s+){0,2}"
    r"the (best|greatest|finest|most (\w+))\b[^.;!?]{0,40}?\b(?:in|of|on) \w")


#: Superlatives of merit (a superlative of fact, "the youngest", boasts of nothing).
_MERIT = frozenset("best greatest finest strongest smartest brightest sharpest hardest "
                   "fastest ablest most".split())
#: Words that make a superlative a claim over a field: "anywhere", "all year".
_FIELD_WORDS = frozenset("anywhere ever all pool field county country region city "
                         "industry market sector shortlist decade generation".split())
#: A field of candidates: "the most gifted nurse in your applicant pool" is the writer.
_CANDIDATE_FIELDS = frozenset("pool shortlist applicants candidates interviewees "
                              "finalists".split())


def _merit_before(noun: Token) -> bool:
    """A superlative of merit in front of ``noun``: "the sharpest", "the most gifted"."""
    return any(t.tag_ in {"JJS", "RBS"} and t.lower_ in _MERIT or (
        t.lower_ == "most" and valence(t.head.lower_) >= 1.0)
        for t in noun.subtree if t.i < noun.i)


def _best_in_the_field(sentence: Span) -> bool:
    """'Don't let the most gifted nurse in your applicant pool slip away': a superlative of
    merit among the candidates, who can only be the writer."""
    return not sentence.lemmas.isdisjoint(_CANDIDATE_FIELDS) and any(
        noun.tag_ == "NN" and _merit_before(noun) and any(  # one of them: the writer
            t.lemma_.lower() in _CANDIDATE_FIELDS and t.i > noun.i for t in
            (noun.head.subtree if noun.dep_ in {"nsubj", "dobj"} else noun.subtree))
        for noun in sentence)


def _best_of_all(sentence: Span) -> bool:
    """'I was the strongest candidate you saw all week', 'I'm the hardest-working
    electrician you'll find anywhere': the writer as the superlative of a field."""
    for noun in sentence:
        if noun.dep_ != "attr" or noun.head.lemma_ != "be" or \
                party(subject_of(noun.head)) != "writer" or is_negated(noun.head):
            continue  # not "I may not have been the most experienced person you met"
        merit = _merit_before(noun)
        scoped = any(c.dep_ == "relcl" and any(
            g.lower_ in {"you", "anyone", "anybody", "they"} and g.dep_ == "nsubj"
            for g in c.children) for c in noun.children) or any(
            t.lower_ in _FIELD_WORDS for t in noun.subtree if t.i > noun.i)
        if merit and scoped:
            return True
    return False


#: The reader's own people, besides the job titles of role-nouns.txt.
_THEIR_PEOPLE = frozenset("staff team employee employees people hire hires member members "
                          "crew workforce colleague colleagues".split())


def _above_their_people(sentence: Span) -> bool:
    """'I'd be far more productive than your current night manager', 'I'm sharper than your
    team lead', 'a better fit than whoever you've got doing it now': the writer ranked above
    the reader's own people (not 'faster than your current system', nor 'more than happy')."""
    if "than" not in sentence.lowers:
        return False
    roles = word_list("role-nouns.txt")
    for than in sentence:
        if than.lower_ != "than" or than.i == sentence.start:
            continue
        compared = than.head if than.dep_ == "prep" else than.head.head
        if compared.i >= than.i or (compared.lower_ == "more" and compared.i == than.i - 1):
            continue
        if compared.tag_ not in {"JJR", "RBR"} and not any(
                c.lower_ == "more" or c.tag_ in {"JJR", "RBR"} for c in compared.children):
            continue  # "a better fit than": the comparative modifies the noun compared
        if valence(compared.lower_) < 0 or valence(compared.lemma_) < 0:
            continue
        after = []
        for token in sentence[than.i - sentence.start + 1:]:
            if token.is_punct:
                break
            after.append(token)
        # Their people: "your night manager", "the analysts you employ", "whoever you've got"
        theirs = not {"you", "your"}.isdisjoint(t.lower_ for t in after) and any(
            t.lemma_.lower() in roles or t.lemma_.lower() in _THEIR_PEOPLE or
            t.lower_ == "whoever" for t in after)
        if not theirs:
            continue
        verb = governing_verb(compared)
        if verb is not None and party(subject_of(verb)) == "writer":
            return True
    return False


def _overclaiming(sentence: Span) -> Iterator[Hit]:
    """'My exceptional skills', 'I always get it right the first time'."""
    top = _TOP_OF.search(sentence.text)
    top = top is not None and not any(t.like_num for t in sentence) and (
        top.group(2) is None or valence(top.group(2)) >= 1.0)
    if (top or _ABOVE_ALL.search(sentence.text) or _best_of_all(sentence)) and sentence.lowers & {
            "i", "i'm", "i’m", "me", "my", "mine", "i'll", "i’ll", "as"} or \
            _best_in_the_field(sentence) or _above_their_people(sentence):
        yield Hit(sentence.start_char, sentence.end_char, "Rating yourself above everyone "
                  "reads as boasting; show it with one result from your work instead.",
                  severity=Severity.warning)
        return
    if sentence.lowers.isdisjoint(_SELF_RATINGS) and sentence.lowers.isdisjoint({"always",
                                                                                 "never"}):
        return
    for token in sentence:
        lower = token.lower_
        if lower in _SELF_RATINGS and token.pos_ == "ADJ":
            head = token.head
            mine = any(c.dep_ == "poss" and c.lower_ == "my" for c in head.children)
            has = head.head.lemma_.lower() in {"have", "possess", "bring", "offer"} and \
                party(subject_of(head.head)) == "writer"
            am = token.dep_ == "acomp" and party(subject_of(head)) == "writer"
            if mine or has or am:
                break
        if lower in {"always", "never"} and token.head.pos_ in {"VERB", "AUX"} and \
                party(subject_of(token.head)) == "writer" and \
                {"right", "mistake", "mistakes", "fail", "wrong"} & {t.lower_ for t in sentence}:
            break
    else:
        return
    yield Hit(sentence.start_char, sentence.end_char, "Rating yourself in superlatives reads "
              "as boasting; show it with one result from your work instead.",
              severity=Severity.warning)


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Perks as the reason to want the job; flattery in place of fit."""
    if not draft.has_parse:
        return
    previous = None
    offered = bool(_OFFER_MADE.search(draft.plain))
    for sentence in body_sentences(draft):
        hit = next(_perks(sentence, offered), None) or next(_flattery(sentence), None) or \
            next(_hours_for_the_journey(sentence, previous), None) or \
            next(_overclaiming(sentence), None) or next(_perks_then_reason(sentence, previous),
                                                          None)
        if hit is not None:
            yield hit
        previous = sentence
