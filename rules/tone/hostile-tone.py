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
from followup_lint.syntax import (
    THANKS_WORDS,
    aimed_at_their_side,
    body_sentences,
    governing_verb,
    is_negated,
    is_question,
    party,
    subject_of,
    thanked_for,
)

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
    "nickname dubbed label labels tag tagline title wording phrasing comment comments remark "
    "joke".split()
)
#: Words that vouch for a quoted label: the writer endorses it.
_ENDORSED = frozenset("genuine genuinely sincere sincerely true apt fitting accurate deserved "
                      "well-deserved earned rang".split())
#: Words that set what a label promised against what it was.
_BELIED = frozenset("turned actually apparently just still only really".split())
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
    words = _own_words(sentence)
    for match in _QUOTED.finditer(text):
        quoted = (match.group(1) or match.group(2) or "").strip()
        if len(quoted.split()) <= 2:
            quoted = quoted.rstrip(".,")  # 'struck you as "junior."': the full stop is ours
        inner = quoted.lower().split()
        if not inner or len(inner) > 4 or quoted[-1:] in ".!?":
            continue  # a longer quotation reports speech; a quoted sentence is not a scare quote
        before = text[:match.start()].lower().split()[-1:]
        if before and before[0].endswith(("'s", "s'")) and (
                _criticises(sentence, quotes=False) or not words.isdisjoint(_BELIED)):
            before = ["their"]  # "the panel's 'innovation hub' turned out to be a cupboard"
        verdict = bool(set(inner) & _VERDICT_WORDS)
        # Words used as a label for the reader's own thing ('your "urgent" opening'), in
        # lowercase (a name in quotes is a title), with no verb of reporting speech.
        after = text[match.end():].lower().split()[:2]
        # Their words reported ("you mentioned", "the 'artisan' label"); "four men called
        # Steve" describes, it does not report.
        reported = any((t.lower_ in _REPORTING or t.lemma_.lower() in _REPORTING) and
                       not (t.dep_ == "acl" and t.tag_ == "VBN") for t in sentence)
        labelled = quoted[:1].islower() and not reported and (
            (bool(before) and before[0] in _LABEL_OPENERS)
            or bool(after) and after[0] in {"means", "meant", "apparently"} and before != ["what"]
            # "my 'communication skills'": the reader's verdict on the writer, in a complaint
            or before == ["my"] and _criticises(sentence, quotes=False))
        # 'Great "opportunity": unpaid overtime': praise in front of the quoted words, with
        # what they hide after them.
        praised = bool(before) and valence(before[0]) >= 1.5 and quoted[:1].islower() and (
            text[match.end():match.end() + 2].strip()[:1] in {":", "-", "\u2014", "\u2013"})
        named = len(inner) >= 3 and any(  # 'the "pay it forward" shelf': a thing's name
            t.idx >= sentence.start_char + match.end() and t.pos_ in {"NOUN", "PROPN"} and
            t.idx <= sentence.start_char + match.end() + 1 for t in sentence)
        if labelled and words.isdisjoint(_DISPUTE) and (
                not words.isdisjoint(_ENDORSED) or _enjoyed_it(sentence) or named):
            labelled = False  # "your description of it as a 'family' came across as genuine"
        if before == ["so-called"] or labelled or praised or (
                words & _DISPUTE and (verdict or before == ["your"] and not reported)):
            start = sentence.start_char + match.start()
            yield Hit(start, sentence.start_char + match.end(),
                      "Quotation marks around their words read as sarcasm; say plainly what "
                      "you mean.", severity=Severity.warning)
            return


#: The writer's liking, said in the first person: a quoted label then is quoted warmly.
_LIKED = frozenset("enjoy love like relish savour savor".split())


def _enjoyed_it(sentence: Span) -> bool:
    """'Thanks for the "homework" -- I enjoyed getting stuck into it': the writer's own
    liking, unnegated, in a sentence that criticises nothing."""
    return not sentence.lemmas.isdisjoint(_LIKED) and not _criticises(sentence, quotes=False) \
        and any(t.lemma_.lower() in _LIKED and t.pos_ == "VERB" and not is_negated(t) and
                party(subject_of(t)) == "writer" for t in sentence)


#: Praise this strong at the start of a sentence, with something bad in the same sentence,
#: is read as sarcasm ("Great job losing my CV twice").
_PRAISE = 1.8
#: Praise this strong is enough for sarcasm when what follows is a duty the team failed.
_FAINT_PRAISE = 1.5
_BAD = -1.5
#: Praise words the sentiment ratings lack, used in sarcasm and in one-word verdicts.
_PRAISE_WORDS = frozenset("riveting noted fascinating inspiring impressive professional "
                          "refreshing illuminating enlightening eye-opening educational "
                          "engaging encouraging memorable".split())
_REPEATED = re.compile(r"(?i)\b(twice|(three|four|five|six|\d+|several|many)"
                       r"(?: separate| different)? times|repeatedly|"
                       r"on the (second|third|fourth|fifth) (try|attempt|go)|how not to|"
                       r"(?<!at )least|"
                       r"worst)\b")
# Verbs of working on a problem: "the bugs your team is fixing" is interest, not sarcasm.
_WORK_ON = frozenset(
    "solve fix address tackle handle improve reduce turn overcome face discuss explain "
    "describe prevent cut resolve manage fight repair rebuild clean walk".split()
)


def _strength(token, valence) -> float:
    values = (valence(token.lower_), valence(token.lemma_))
    return max(values, key=abs)


#: What the hiring side is expected to do; saying one of its people did not is a failing
#: laid on them ("a manager who hadn't prepared", "not answering emails").
_DUTIES = frozenset(
    "know answer reply respond prepare listen read care call email write return "
    "show attend acknowledge explain introduce update confirm organise organize check "
    "notice remember understand apologise apologize follow ring text greet".split())
#: Duties done to a thing: reading the CV, answering emails, returning calls.
_DONE_TO_A_THING = frozenset("read write return check answer call email follow text ring show "
                             "update introduce explain greet".split())
#: People of the hiring side a failing is laid on (besides 'you' and 'your ...'; the
#: syntax module's THEIR_SIDE also holds their things: the process, an email, a link).
_THEIR_PEOPLE = frozenset(
    "they company firm team hr recruiter interviewer manager management department panel "
    "people everyone anyone anybody nobody staff receptionist director boss who "
    "organisation organization".split())
_SCARCITY = frozenset({"little", "barely", "hardly"})
_CAN = frozenset({"ca", "can", "cannot", "could"})
#: "Can't" in praise: "the team can't stop talking about it", "I can't fault them".
_CANNOT_IDIOMS = frozenset("stop help resist believe imagine thank praise fault say overstate tell "
                           "recommend wait emphasise emphasize".split())


def _their_person(token) -> bool:
    if token is None:
        return False
    if token.lower_ in {"who", "that"} and token.head.dep_ == "relcl":
        token = token.head.head  # "a manager who hadn't prepared": the manager
    lemma = token.lemma_.lower()
    # "a supervisor who can't work the rota": any job title stands for their people here
    return party(token) in {"reader", "nobody"} or lemma in _THEIR_PEOPLE or \
        lemma in word_list("role-nouns.txt")


def _failing(sentence: Span) -> bool:
    """True when the sentence says someone on the hiring side did not do what they should:
    a duty denied ("hadn't prepared", "not answering emails"), done to almost no degree
    ("how little anyone knew"), or beyond them ("a manager who can't use Excel", "nobody
    could find my application")."""
    words = sentence.lowers
    if sentence.lemmas.isdisjoint(_DUTIES) and words.isdisjoint(_CAN):
        return False
    for verb in sentence:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        unable = any(c.lower_ in _CAN for c in verb.children) and \
            verb.lemma_.lower() not in _CANNOT_IDIOMS and \
            not any(t.lower_ in {"enough", "more", "wait"} for t in verb.subtree)
        if verb.lemma_.lower() not in _DUTIES and not unable:
            continue
        subject = subject_of(verb)
        scarce = any(t.lower_ in _SCARCITY for t in verb.subtree)
        denied = scarce or is_negated(verb) or any(
            t.lower_ in {"not", "never", "without"} and t.i == verb.i - 1 for t in sentence)
        if not denied or any(c.lower_ == "yet" for c in verb.children):
            continue  # "you don't know yet": a decision pending, not a failing
        if verb.tag_ in {"VB", "VBZ", "VBP"} and not scarce and not any(
                c.lower_ in {"did", "had", "would"} | _CAN for c in verb.children):
            continue  # "the team doesn't answer emails at weekends": a habit, not a failing
        if verb.lemma_.lower() in _DONE_TO_A_THING and not any(
                c.dep_ == "dobj" for c in verb.children):
            continue  # "didn't read from a script": a duty is to read something
        if _their_person(subject) or (subject is None and (scarce or verb.tag_ == "VBG" and any(
                c.dep_ == "poss" and c.lower_ in {"your", "their"}
                for c in verb.head.head.children))):
            return True
    return False


def _praises(token) -> float:
    """How strongly a word praises: its sentiment rating, or 2 for the praise words the
    rating lacks ("refreshing", "illuminating")."""
    return 2.0 if token.lower_ in _PRAISE_WORDS else _strength(token, valence)


def _sarcasm(sentence: Span) -> Iterator[Hit]:
    words = [t for t in sentence if t.is_alpha]
    opening = [(t, _praises(t)) for t in words[:8]]
    if not opening or max(score for _, score in opening) < _FAINT_PRAISE:
        return
    if _failing(sentence) or _inattentive(sentence):
        yield Hit(sentence.start_char, sentence.end_char,
                  "Praise for something the team failed to do reads as sarcasm; say plainly "
                  "and politely what went wrong, or leave it out.", severity=Severity.warning)
        return
    praise = [t for t, score in opening if score >= _PRAISE and t.lemma_.lower() != "hope"]
    if not praise:
        return

    def worked_on(token) -> bool:
        related = list(token.ancestors) + list(token.children)
        return any(t.lemma_.lower() in _WORK_ON for t in related)

    bad = [t for t in words if t not in praise and _strength(t, valence) <= _BAD
           and t.pos_ != "PROPN" and not worked_on(t) and not is_negated(t.head)
           and not any(c.dep_ == "amod" and _praises(c) >= _FAINT_PRAISE for c in t.children)
           # "the kind rejection email": the praise is for the whole thing named
           and not (t.dep_ == "compound" and any(
               c.dep_ in {"amod", "compound"} and c.i < t.i and _praises(c) >= _FAINT_PRAISE
               for c in t.head.children))
           and not ((verb := governing_verb(t)) is not None and (is_negated(verb) or any(
               c.dep_ == "mark" and c.lower_ in {"as", "because", "since"}
               for c in verb.children)))  # "... as spam filters can be overzealous"
           and not (t.tag_ in {"JJ", "VBN"} and party(subject_of(t.head)) == "writer")]
    # ... and not the writer's own feeling ("while I'm disappointed, I appreciated ...")
    bad = [t for t in bad if not _not_their_failing(t)]
    if bad or any(_counts_against_them(sentence, m) for m in _REPEATED.finditer(sentence.text)):
        yield Hit(sentence.start_char, sentence.end_char,
                  "Praise wrapped around a complaint reads as sarcasm; say plainly and "
                  "politely what went wrong, or leave it out.", severity=Severity.warning)


#: Words after a count that make it a rate ("ships several times a day"), not a tally.
_RATES = frozenset("a an per each every".split())
#: The tallies among ``_REPEATED``'s matches.
_TALLIES = re.compile(r"(?i)twice|\w+(?: separate| different)? times|repeatedly|on the")
#: Verbs of the writer's feeling, which carry a complaint ("I'd hate to see a cold one").
_FELT = frozenset("hate dread loathe despise detest resent fear suffer lose".split())
#: Problems a job deals with, named as the topic of an exercise or a talk.
_WORK_PROBLEMS = frozenset("problem issue failure fault error bug defect threat risk harm "
                           "injury hazard incident outage breach loss conflict challenge "
                           "inconvenience crisis emergency disease pain".split())
#: Prepositions that concede what follows ("impressed by the calm despite how busy it was").
_CONCEDING = frozenset("despite notwithstanding".split())


def _not_their_failing(token) -> bool:
    """True when a bad word in a praising sentence is no complaint about the hiring side:
    denied ("no worries"), the writer's own doing ("we spent ten minutes blaming the
    cache"; not a feeling, "I'd hate to"), a problem the work deals with ("the case on
    market failure"), inside quotation marks ("the "blind date with a book" table"), said
    of the writer's own things ("even if my rosetta looked like it had a bad day"), or
    conceded ("calm despite how busy it was, and a lost lunchbox")."""
    if any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
        return True
    if token.pos_ == "VERB" and party(subject_of(token)) == "writer" and not any(
            c.dep_ == "auxpass" for c in token.children) and \
            token.lemma_.lower() not in _FELT:
        return True  # the writer's own doing: "we spent ten minutes blaming the cache"
    if token.lemma_.lower() in _WORK_PROBLEMS and token.dep_ not in {"attr", "appos", "ROOT"}:
        return True  # a problem the work deals with ("the case on market failure", "the
        # safety challenges", "an off-by-one bug"), not a verdict ("the interview was a failure")
    if _quoted(token):
        return True
    node = token
    for _ in range(8):
        if node.head is node:
            break
        node = node.head
        if node.lower_ in _CONCEDING or (node.lower_ == "spite" and node.i > 0
                                         and node.nbor(-1).lower_ == "in"):
            return True
        subject = subject_of(node) if node.pos_ in {"VERB", "AUX"} else None
        if subject is not None:  # "my previous messages were eaten by ..." is done to them
            return subject.dep_ != "nsubjpass" and any(
                c.dep_ == "poss" and party(c) == "writer" for c in subject.children)
    return False


def _counts_against_them(sentence: Span, match: re.Match) -> bool:
    """True when a count in the sentence ("three separate times", "twice") tallies what
    the hiring side did, not a rate ("ships several times a day") or the writer's own
    doing ("a challenge I have handled twice before")."""
    if not _TALLIES.match(match.group(0)):
        return True  # "how not to", "the worst": no count to read
    start = sentence.start_char + match.start()
    tokens = [t for t in sentence if t.idx >= start]
    if not tokens:
        return False
    after = tokens[len(match.group(0).split()):]
    if after and after[0].lower_ in _RATES:
        return False
    verb = governing_verb(tokens[0])
    subject = subject_of(verb) if verb is not None else None
    # the writer's own doing when "I ... <verb> ... twice" reads in that order
    return party(subject) != "writer" or not subject.i < verb.i < tokens[0].i or any(
        c.dep_ == "auxpass" for c in verb.children)  # "being told three times": done to me


#: Harms done to a writer that a sarcastic note "thanks" the reader for ("wasting my
#: afternoon", "keeping me waiting"); verbs of criticism are left out ("thanks for
#: challenging my answer" is sincere).
_HARMS = frozenset("waste ignore ghost mislead string patronise patronize fob mess jerk "
                   "insult belittle snub humiliate interrupt dismiss lie".split())


def _thanks_for_harm(sentence: Span) -> Iterator[Hit]:
    """'Thank you for wasting an afternoon of my life', 'thanks for stringing me along':
    thanks for a harm done to the writer or theirs is sarcasm."""
    if sentence.lowers.isdisjoint(THANKS_WORDS):
        return
    for done in thanked_for(sentence):
        if _a_wait_praised(done) or _a_harm_to_the_writer(done):
            yield Hit(sentence.start_char, sentence.end_char,
                      "Thanks for something that wronged you reads as sarcasm; say "
                      "plainly and politely what went wrong, or leave it out.",
                      severity=Severity.warning)
            return


def _a_harm_to_the_writer(done) -> bool:
    """'for wasting my afternoon', 'for keeping me waiting' (not 'for wasting no time',
    nor 'for fighting for the budget')."""
    if done.tag_ != "VBG" or any(c.lower_ in {"no", "not", "never"} for c in done.subtree):
        return False
    lemma = done.lemma_.lower()
    to_the_writer = any(t.lower_ in {"me", "my", "us", "our", "mine"} for t in done.subtree)
    kept = lemma in {"keep", "leave"} and any(
        t.lower_ in {"waiting", "hanging", "guessing", "dark"} for t in done.subtree)
    return to_the_writer and (lemma in _HARMS or kept)


_WAITS = frozenset("wait delay queue silence".split())


def _a_wait_praised(done) -> bool:
    """'Thank you for the thrilling 40-minute wait in reception': a wait thanked for with
    praise or its length (not 'thank you for your patience during the delay')."""
    return done.lemma_.lower() in _WAITS and done.pos_ == "NOUN" and any(
        c.dep_ in {"amod", "compound", "nummod"} and (valence(c.lower_) >= 1.5 or any(
            t.like_num or t.lower_ in {"long", "hour", "minute", "hours", "minutes"}
            for t in c.subtree)) for c in done.children)


# -- sneers, read by what they do ----------------------------------------------------------
#: What a reputation is made of: "now I see why your reviews are what they are".
_REPUTATION = frozenset("review reviews report reports rating ratings reputation turnover "
                        "glassdoor vacancies vacancy ofsted inspection churn".split())
_GOOD_NAME = frozenset("glowing positive high strong popular good".split())
_TAUTOLOGY = re.compile(r"(?i)\b(?:(?:are|is) what (?:they|it) (?:are|is)|the way (?:it|they) "
                        r"(?:does|do|did|are|is)|(?:go|goes|went|going) through|put up with)\b")
_LOW_BAR = re.compile(
    r"(?i)\b(?:(?:didn't|did not|never|wasn't|was not|didn’t|wasn’t) expect(?:ing)? (?:much|a lot|"
    r"great things|anything)|(?:expectations|hopes) (?:were|was) (?:low|modest|not high)|"
    r"(?:expectations|hopes) (?:weren't|weren’t|were not|wasn't|was not) (?:high|great))"
    r"\b[^.;!?]*?\b(?:"
    r"(?:didn't|did not|didn’t) disappoint|(?:managed|still managed) to|fell short|"
    r"(?:didn't|did not|didn’t) (?:meet|reach) (?:them|even))")
_CONGRATS = frozenset("congratulations congrats done kudos bravo hats".split())
_CONDESCENSION = re.compile(
    r"(?i)(?<!help )(?<!helping )\b(?:(?:raise|lift|improve|boost|bring up) your "
    r"(?:average|standards?|game|level|bar|iq)|not everyone (?:can|could) be as \w+"
    r"(?: [^.;!?]{0,25}?)? as (?:me|i am|i)|less (?:qualified|competent|capable|experienced) "
    r"than (?:the (?:role|job|position)|me|a))\b")
_COGNITION = frozenset("understand know grasp follow read prepare get".split())


def _sneers(sentence: Span) -> Iterator[Hit]:
    """Sneers read by what they do: their bad name explained by what the writer saw ("now
    I see why your reviews are what they are"), low expectations met ("I didn't expect
    much, and you didn't disappoint"), congratulations on a failing, talking down ("I'd
    raise your average"), their person who "clearly didn't understand" their own
    questions."""
    text = sentence.text
    words = sentence.lowers
    found = bool(_LOW_BAR.search(text) or _CONDESCENSION.search(text))
    looked = not sentence.lemmas.isdisjoint({"see", "understand", "imagine", "get"}) or \
        not words.isdisjoint({"clearly", "obviously", "evidently"})
    for verb in sentence if not found and looked else ():
        lemma = verb.lemma_.lower()
        if lemma in {"see", "understand", "imagine", "get"} and \
                party(subject_of(verb)) == "writer" and not is_negated(verb):
            only = "only" in {c.lower_ for c in verb.children}
            if lemma == "imagine" and not only:
                continue  # "I can imagine what a busy week it has been": sympathy
            clause = [t for c in verb.children if c.dep_ in {"ccomp", "dobj", "advcl"}
                      for t in c.subtree]
            wh = any(t.lower_ in {"why", "what", "how"} for t in clause)
            praised = any(valence(t.lower_) >= 1.0 or t.lower_ in _GOOD_NAME for t in clause)
            bad_name = lemma == "imagine" or any(  # "I can only imagine what ..."
                t.lower_ in _REPUTATION and t.dep_ in {"nsubj", "nsubjpass"}
                for t in clause) or bool(_TAUTOLOGY.search(" ".join(t.text for t in clause)))
            if wh and bad_name and not praised:
                found = True
                break
        if lemma in _COGNITION and is_negated(verb) and any(
                c.lower_ in {"clearly", "obviously", "evidently"} for c in verb.children):
            subject = subject_of(verb)
            if subject is not None and (subject.lower_ in {"he", "she", "they"} or
                                        _their_person(subject)):
                found = True
                break
    if not found and not words.isdisjoint(_CONGRATS):
        opener = [t for t in sentence if t.lower_ in _CONGRATS]
        rest = [t for t in sentence if t.i > opener[0].i]
        done = opener[0].lower_ != "done" or (
            opener[0].i > sentence.start and opener[0].nbor(-1).lower_ == "well")
        failing = any(valence(t.lower_) <= -1.5 for t in rest) or (
            {"only", "still"} <= {t.lower_ for t in rest}) or any(
            t.lower_ == "less" and t.nbor(1).tag_ in {"JJ", "VBN"} for t in rest
            if t.i + 1 < sentence.end)
        overcome = not {t.lower_ for t in rest}.isdisjoint({"despite", "spite", "through"})
        found = done and failing and not overcome and any(t.lower_ == "on" for t in rest[:2])
    if found:
        yield Hit(sentence.start_char, sentence.end_char, "This sneers at the reader or "
                  "their people; it reflects on you, not on them. Leave it out.",
                  severity=Severity.warning)


#: Short replies that dismiss what was just said: "The other finalist? Really? Okay then."
_DISMISSALS = frozenset({"okay then", "ok then", "right then", "if you say so",
                         "fair enough i suppose", "fair enough i guess", "whatever",
                         "sure thing", "good for them", "good for him", "good for her",
                         "evidently not", "apparently not", "clearly not", "obviously not",
                         "guess not", "i guess not", "seemingly not", "or not"})


def _dismissal(sentence: Span, previous: Span | None) -> Iterator[Hit]:
    if previous is not None and _bare_words(sentence) in _DISMISSALS and \
            sentence.text.rstrip()[-1:] in {".", "!", ""} and not previous.lowers.isdisjoint(
            {"you", "your", "other", "they", "their", "candidate", "finalist", "panel"}):
        yield Hit(sentence.start_char, sentence.end_char, "A curt reply to their decision "
                  "reads as sarcasm; say plainly and politely what you mean, or leave it out.",
                  severity=Severity.warning)


def _cannot_tell_apart(sentence: Span) -> Iterator[Hit]:
    """'Your recruiter couldn't tell a spreadsheet from a shopping list', 'I doubt whoever
    you hired could tell a wrench from a tin opener': someone of theirs too ignorant to
    tell two plain things apart."""
    if "tell" not in sentence.lowers or "from" not in sentence.lowers:
        return
    for verb in sentence:
        if verb.lemma_.lower() != "tell" or not any(
                c.dep_ == "dobj" for c in verb.children) or not any(
                c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
            continue
        doubted = is_negated(verb) or any(a.lemma_.lower() in {"doubt", "bet"}
                                          for a in verb.ancestors)
        if any(c.lower_ in {"always", "sometimes", "easily", "quite"} for c in verb.children):
            continue  # "customers can't always tell ...": a fine point, not ignorance
        who = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}),
                   None)
        theirs = who is not None and (_their_person(who) if who.dep_ != "csubj" else any(
            t.lower_ in {"you", "your"} for t in who.subtree))  # "whoever you picked"
        if doubted and theirs:
            yield Hit(sentence.start_char, sentence.end_char,
                      "Saying someone can't tell two plain things apart is an insult; leave "
                      "it out.", severity=Severity.warning)
            return


def _elsewhere(sentence: Span) -> Iterator[Hit]:
    """'Your manager seemed more interested in his lunch than in talking to me': someone
    of theirs cared more for something else than for the interview."""
    words = sentence.lowers
    if "interested" not in words or "than" not in words or words.isdisjoint({"more", "far"}):
        return
    for token in sentence:
        if token.lower_ != "interested" or not any(
                c.lower_ == "more" for c in token.children):
            continue
        after = {t.lower_ for t in sentence if t.i > token.i}
        about_me = bool(after & {"me", "my", "listening", "interview", "interviewing",
                                 "candidate", "candidates", "answers"})
        if about_me and _their_person(subject_of(token)):
            yield Hit(sentence.start_char, sentence.end_char,
                      "Saying they cared more for something else than for you reads as a "
                      "jab; leave it out.", severity=Severity.warning)
            return


#: An ellipsis before a last word of faint praise: "Your grasp of accounting was…
#: interesting." (read in the original text: the plain one keeps '…' as one '.')
_PAUSED_VERDICT = re.compile(r"(?:\.\.\.|\u2026)\s*(?:(?:a|an|quite|very|certainly|truly|"
                             r"rather|definitely)\s+){0,2}([a-z-]+)[.!]*\s*$", re.IGNORECASE)
_FAINT_WORDS = frozenset("interesting memorable special unique something different bold "
                         "brave creative novel unusual choice experience".split())


def _paused_verdict(draft: Draft, sentence: Span, previous: Span | None) -> Iterator[Hit]:
    start = sentence.start_char
    if previous is not None and draft.text[max(0, start - 8):start].rstrip().endswith(
            ("...", "\u2026")):
        start = previous.start_char  # the ellipsis ended a sentence: "was…" / "interesting."
    text = draft.text[start:sentence.end_char]
    if "..." not in text and "\u2026" not in text:
        return
    match = _PAUSED_VERDICT.search(text)
    if match is None:
        return
    word = match.group(1).lower()
    if word in _FAINT_WORDS:  # not "The view is... stunning": a pause for effect
        yield Hit(sentence.start_char, sentence.end_char,
                  "A pause before a word of praise reads as sarcasm; say plainly and "
                  "politely what you mean, or leave it out.", severity=Severity.warning)


#: What a writer's answer can be "too" much of for a reader who cannot keep up.
_OVER_THEIR_HEADS = frozenset("difficult complicated detailed technical advanced complex hard "
                              "sophisticated nuanced clever fast".split())


def _over_their_heads(sentence: Span) -> Iterator[Hit]:
    """'Sorry if my answers were too complicated for the panel to follow': the reader
    mocked as slow under cover of an apology."""
    if "too" not in sentence.lowers:
        return
    for token in sentence:
        if token.lower_ != "too" or token.head.lower_ not in _OVER_THEIR_HEADS:
            continue
        # "too complicated for the panel", "too detailed for the panel to follow"
        readers = [o for c in token.head.children if c.lower_ == "for" for o in c.subtree
                   if o.dep_ == "pobj"] + [
            o for c in token.head.children if c.dep_ == "advcl" and
            any(m.lower_ == "for" for m in c.children) for o in c.children if o.dep_ == "nsubj"]
        if any(_their_person(o) or o.lemma_.lower() == "level" for o in readers):
            yield Hit(sentence.start_char, sentence.end_char,
                      "Suggesting your answers were beyond them mocks the reader; leave "
                      "it out.", severity=Severity.warning)
            return


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Insults aimed at the reader's side, put-downs of other applicants, scare quotes."""
    if not draft.has_parse:
        return
    insults = word_list("insults.txt")
    previous = None
    for sentence in body_sentences(draft):
        for finder in (_insults(sentence, insults), _other_applicants(sentence, insults),
                       _scare_quotes(draft, sentence), _sarcasm(sentence),
                       _over_their_heads(sentence), _thanks_for_harm(sentence),
                       _cannot_tell_apart(sentence), _elsewhere(sentence),
                       _paused_verdict(draft, sentence, previous),
                       _verdict_tag(sentence, previous), _sneers(sentence),
                       _dismissal(sentence, previous),
                       _verdict_on_their_choice(sentence, previous),
                       _left_to_work_out(sentence), _only_good_thing(sentence),
                       _taught_a_word(sentence), _backhanded(sentence, previous)):
            hit = next(finder, None)
            if hit is not None:
                yield hit
                break
        previous = sentence


#: Words a one-word verdict after a complaint is made of ("Charming.", "Very helpful.").
_TAG_ADVERBS = frozenset("very so how truly just really most".split())
_TAG_PHRASES = frozenset({"just saying", "sign me up", "good to know", "go figure",
                          "who knew", "lesson learned", "what a surprise", "shocking",
                          "nice touch"})
_NEGATIONS = frozenset("never nobody nothing none".split())
_COUNTS = frozenset("times weeks months days hours".split())
#: Signs of not listening: sighing, yawning, scrolling (and a phone checked).
_INATTENTION = frozenset("sigh yawn scroll".split())


def _inattentive(sentence: Span) -> bool:
    """Signs of not listening: sighing, yawning, scrolling, a phone checked or scrolled."""
    return not sentence.lemmas.isdisjoint(_INATTENTION) or any(
        t.lower_ in {"phone", "phones", "laptop"} and any(
            c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in t.children)
        and (t.head.lemma_.lower() == "check" or t.head.lower_ in {"on", "through", "at"})
        for t in sentence)  # "checked his phone", "on her phone" (not "on the phone")


def _criticises(sentence: Span, quotes: bool = True) -> bool:
    """A sentence with something bad in it: a duty the team failed, a sign of not
    listening, a negative word, a negation, a quoted label, a complaint word, or a count of
    times or weeks. With ``quotes`` off, the words inside quotation marks are the label
    being judged, not a judgement ("the story of the "haunted" bakery")."""
    words = sentence.lowers if quotes else _own_words(sentence)
    if _failing(sentence) or _inattentive(sentence):
        return True  # "... hadn't read my CV", "... checked his phone through my answer"
    return bool(words & _NEGATIONS) or bool(words & word_list("complaints.txt")) or any(
        valence(t.lower_) <= -1.0 and (quotes or not _quoted(t)) for t in sentence) or \
        quotes and '"' in sentence.text or (
        bool(words & _COUNTS) and any(t.like_num for t in sentence))


def _quoted(token) -> bool:
    """True when ``token`` stands inside double quotation marks in its sentence."""
    return token.doc.text[token.sent.start_char:token.idx].count('"') % 2 == 1


def _own_words(sentence: Span) -> frozenset[str]:
    """The sentence's lowercase words outside quotation marks and outside hyphenated
    compounds ("not-for-profit" denies nothing)."""
    return frozenset(t.lower_ for t in sentence if not _quoted(t) and not (
        t.i + 1 < len(t.doc) and t.nbor(1).text == "-" and not t.whitespace_))


def _bare_words(sentence: Span) -> str:
    """The sentence's words, lowercased, without punctuation: "Okay then." -> "okay then"
    (what the short tag readings compare with their lists)."""
    return " ".join(re.findall(r"[a-z']+", sentence.text.lower()))


def _verdict_tag(sentence: Span, previous: Span | None) -> Iterator[Hit]:
    """'... mispronounced my name four times. Charming.': a short sentence of praise after
    a complaint is sarcasm."""
    if previous is None:
        return
    text = _bare_words(sentence)
    words = text.split()
    if not words or len(words) > 3:
        return
    praise = text in _TAG_PHRASES or all(
        w in _TAG_ADVERBS for w in words[:-1]) and (
        words[-1] in _PRAISE_WORDS or valence(words[-1]) >= 1.5)
    if praise and _criticises(previous):
        yield Hit(sentence.start_char, sentence.end_char,
                  "A word of praise after a complaint reads as sarcasm; say plainly and "
                  "politely what went wrong, or leave it out.", severity=Severity.warning)


#: A decision of theirs, the object of an ironic verdict: "Bold strategy."
_DECISIONS = frozenset("choice decision call move strategy approach tactic plan idea".split())
#: Words that praise a decision only in irony when said of it alone ("Great choice." is
#: sincere).
_IRONIC = frozenset("bold brave interesting curious novel fascinating innovative daring "
                    "unusual".split())
_CONTRASTS = frozenset("when while given considering then yet after".split())


def _verdict_on_their_choice(sentence: Span, previous: Span | None) -> Iterator[Hit]:
    """'... two years' experience to my twelve. Bold strategy.', 'Interesting choice to
    stress teamwork when nobody spoke to me': a decision of theirs given a word that
    praises a decision only in irony (not 'Interesting choice of case study')."""
    words = _bare_words(sentence).split()
    if len(words) < 2 or _IRONIC.isdisjoint(words) or _DECISIONS.isdisjoint(words):
        return
    alone = previous is not None and len(words) <= 4 and words[-1] in _DECISIONS and all(
        w in _IRONIC or w in _TAG_ADVERBS or w in {"a", "an", "what", "that's", "that", "s"}
        for w in words[:-1])
    opener = words[0] in _IRONIC and words[1] in _DECISIONS and words[2:3] == ["to"] and \
        not _CONTRASTS.isdisjoint(words[3:])
    if alone or opener:
        yield Hit(sentence.start_char, sentence.end_char, "Calling their decision 'bold' or "
                  "'interesting' reads as sarcasm; say plainly and politely what you mean, "
                  "or leave it out.", severity=Severity.warning)


#: What a reader who "works out" the job does not yet know: what it is, what it involves.
_THE_JOB = frozenset("role job position post vacancy".split())


def _left_to_work_out(sentence: Span) -> Iterator[Hit]:
    """'Let me know if you ever work out what the role actually involves', 'Get in touch
    once you've figured out what the job is': the reader told they do not know their own
    vacancy (not 'once you've worked out the timetable')."""
    if sentence.lemmas.isdisjoint({"work", "figure", "sort", "find"}) or \
            sentence.lowers.isdisjoint(_THE_JOB):
        return
    for verb in sentence:
        if verb.lemma_.lower() not in {"work", "figure", "sort", "find"} or not any(
                c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            continue
        if party(subject_of(verb)) != "reader":
            continue
        clause = [t for c in verb.children if c.dep_ in {"ccomp", "dobj"} for t in c.subtree]
        words = {t.lower_ for t in clause}
        if words.isdisjoint({"what", "who", "whom"}) or words.isdisjoint(_THE_JOB):
            continue
        doubting = "ever" in sentence.lowers or "actually" in words or any(
            t.lemma_ == "be" and t.i == clause[-1].i for t in clause)  # "what the job is"
        if doubting:
            yield Hit(sentence.start_char, sentence.end_char, "Suggesting they don't know "
                      "their own vacancy is a jab; ask your question plainly instead.",
                      severity=Severity.warning)
            return


#: "The biscuits were the only thing worth the trip", "the only redeeming part".
_ONLY_GOOD = re.compile(r"(?i)\bthe only (?:\w+ )?(?:thing|part|bit|highlight|feature)s? "
                        r"(?:\w+ )?(?:worth (?:the|it)\b|redeeming)|\bonly redeeming\b")


def _only_good_thing(sentence: Span) -> Iterator[Hit]:
    if _ONLY_GOOD.search(sentence.text):
        yield Hit(sentence.start_char, sentence.end_char, "Saying one small thing was the "
                  "only good part runs the rest down; leave it out.",
                  severity=Severity.warning)


_WORDING = frozenset("word words meaning definition means dictionary term".split())
_LOOK_UP = frozenset("look check learn google consult buy get invest read".split())
#: Quote marks as the parse sees them: it reads the plain text, where every quotation mark
#: is ' or " (``followup_lint.normalize``).
_QUOTE_MARKS = frozenset("'\"")


def _a_word_to_learn(tokens: list) -> bool:
    """'the meaning of', 'a dictionary', 'the word "welcome"', 'what "urgent" means'."""
    for k, token in enumerate(tokens):
        lower = token.lower_
        if lower in {"meaning", "definition", "dictionary"}:
            return True
        if lower in {"word", "term"} and k + 1 < len(tokens) and \
                tokens[k + 1].text[:1] in _QUOTE_MARKS:
            return True
        if lower == "means" and k > 0 and tokens[k - 1].text[-1:] in _QUOTE_MARKS:
            return True
    return False


def _taught_a_word(sentence: Span) -> Iterator[Hit]:
    """'Your receptionist might want to look up the word "welcome"', 'your recruiter should
    check what "urgent" means', 'invest in a dictionary': a word they are told to learn
    (not 'I looked up the meaning of kaizen', nor 'could you check the word count?')."""
    if sentence.lowers.isdisjoint(_WORDING) or sentence.lemmas.isdisjoint(_LOOK_UP) or \
            is_question(sentence):
        return
    for verb in sentence:
        if verb.lemma_.lower() not in _LOOK_UP or party(subject_of(verb)) != "reader":
            continue
        if _a_word_to_learn([t for t in sentence if t.i > verb.i]):
            yield Hit(sentence.start_char, sentence.end_char, "Telling them to learn what a "
                      "word means talks down to them; say plainly what went wrong, or leave "
                      "it out.", severity=Severity.warning)
            return


#: Backhanded lines, each a category of its own (not one author's sentence):
_BACKHANDED = re.compile(
    r"(?i)"
    # a qualifier that takes back what it qualifies
    r"\b(?:such as (?:it|they) (?:was|were|is|are)|if you (?:can|could) call (?:it|that|them) "
    r"(?:that|a \w+)|i use the (?:word|term) loosely)\b|"
    # being talked to as if a child
    r"\b(?:as (?:though|if)|like) (?:i|one|we) (?:was|were|am|'m|’m) (?:five|six|seven|a child|a "
    r"toddler|an idiot|a kid|stupid|simple)\b|"
    # their person's self-importance
    r"\bhow important (?:he|she|they) (?:is|are|was|were|thinks?|thought)\b|"
    r"\b(?:full of (?:himself|herself|themselves)|(?:loves|love|loved) the sound of (?:his|her|"
    r"their) own voice)\b|"
    # a pleasantry withheld: "I'd say it was a pleasure, but ..."
    r"\bi(?:'d|’d| would) say (?:it was |it's |it’s |that it was )?(?:a pleasure|nice|lovely|good|"
    r"great|fun)\b[^.;!?]{0,30}?\bbut\b|"
    # a mock apology for expecting what they could not do
    r"\b(?:apologies|sorry|forgive me|my mistake) for (?:assuming|expecting|thinking|imagining|"
    r"presuming)\b[^.;!?]{0,50}?\b(?:would|could|might)\b|"
    # a wish for whoever must rely on them
    r"\bgood luck to (?:anyone|anybody|whoever|the poor \w+) (?:relying|depending|counting|stuck|"
    r"trying|who (?:has|have|relies|depends))\b|"
    # a pretence of theirs
    r"\b(?:job|show|act) of pretending\b|\bpretending to (?:listen|take notes|care|read|be "
    r"interested|pay attention)\b")
#: A trivial comfort called the best of the day: "the coffee was the highlight".
_AMENITIES = frozenset("coffee tea biscuit parking chair water sandwich snack pastry cake "
                       "doughnut donut croissant".split())
_HIGHLIGHTS = frozenset("highlight part bit thing point".split())
#: Events a verdict can be "certainly" made of: "That was certainly an interview."
_EVENTS = frozenset("interview experience morning afternoon day process visit meeting "
                    "conversation chat session tour".split())
_CERTAIN = frozenset("certainly definitely quite really sure surely truly".split())


def _amenity_highlighted(sentence: Span) -> bool:
    """'Thanks for the coffee, which was honestly the highlight of the morning', 'the
    biscuits were the best part': a trivial comfort called the best of the visit (not 'the
    highlight was meeting the apprentices')."""
    for token in sentence:
        lower = token.lower_
        if lower not in _HIGHLIGHTS or token.dep_ != "attr" or (
                lower != "highlight" and not any(
                    c.lower_ in {"best", "high"} for c in token.children)):
            continue
        subject = subject_of(token.head)
        if subject is not None and subject.lower_ in {"which", "that"} and \
                token.head.dep_ == "relcl":
            subject = token.head.head
        if subject is not None and subject.lemma_.lower() in _AMENITIES:
            return True
    return False


def _backhanded(sentence: Span, previous: Span | None) -> Iterator[Hit]:
    """Backhanded lines read by category: a qualifier that takes back what it qualifies
    ('your time, such as it was'), being talked to as a child, a person's self-importance,
    courtesy withheld ('I'd say it was a pleasure, but ...'), a mock apology for expecting
    competence, 'good luck to anyone relying on ...', a pretence of listening, a trivial
    comfort called the highlight, 'That was certainly an interview.', advice for 'next
    time' put as an order."""
    text = sentence.text
    words = sentence.lowers
    found = bool(_BACKHANDED.search(text))
    if not found and not sentence.lemmas.isdisjoint(_AMENITIES):
        found = _amenity_highlighted(sentence)
    if not found:
        bare = _bare_words(sentence).split()
        found = 3 <= len(bare) <= 6 and bare[0] in {"that", "it", "this"} and \
            bare[1] in {"was", "is", "s"} and bare[-1] in _EVENTS and \
            not _CERTAIN.isdisjoint(bare) and bare[-2] in {"a", "an", "some"}
    if not found and "next" in words and "time" in words:
        found = any(t.lower_ == "time" and t.i > sentence.start and
                    t.nbor(-1).lower_ == "next" and _ordered_after(sentence, t) for t in sentence)
    if found:
        yield Hit(sentence.start_char, sentence.end_char, "This is a backhanded jab; it "
                  "reflects on you, not on them. Say plainly what you mean, or leave it out.",
                  severity=Severity.warning)


def _ordered_after(sentence: Span, time) -> bool:
    """'next time, maybe don't hold it at a depot that can't find its car park': an order
    to them after 'next time' (not 'next time I'm in Leeds I'll call in')."""
    after = [t for t in sentence if t.i > time.i and not t.is_punct]
    verb = next((t for t in after[:4] if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.tag_ == "VB" and subject_of(verb) is None and any(
        t.lower_ in {"maybe", "perhaps", "try", "do", "don't", "don’t", "please"}
        for t in after[:3])
