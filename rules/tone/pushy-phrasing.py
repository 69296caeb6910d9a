"""Deadlines put on the reader, told apart from the writer's own by the dependency parse.

"Let me know by Friday" and "Please respond before noon" set the reader a deadline;
"I need to respond to another offer by Friday" states the writer's own. The
difference is who the deciding verb's subject is, which only the parse shows.
Stock demands and impatience ("ASAP", "why haven't I heard back") are data in
``rules/tone/pushy-phrasing.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.dates import DATE_WORDS
from followup_lint.lexicon import word_list
from followup_lint.model import Severity
from followup_lint.rule import Hit
from followup_lint.syntax import (
    aimed_at_their_side,
    body_sentences,
    governing_verb,
    is_negated,
    is_question,
    is_softened,
    party,
    subject_of,
    thanked_for,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

NEEDS = frozenset({"pos", "lemma", "dep"})


_REPLY_VERBS = frozenset(
    "know respond reply answer decide confirm call email write get hear contact update send "
    "tell inform return let give provide make revert".split()
)
_WANT_VERBS = frozenset("need expect require want demand insist".split())
_POLITE_WANT_VERBS = frozenset("appreciate like love hope".split())
_ANSWER_NOUNS = frozenset(
    "answer response reply decision update feedback callback call word confirmation news "
    "offer yes no verdict yours".split()
)
_DEADLINE_PREPS = frozenset("by before within until till no".split())
_TIME_WORDS = DATE_WORDS | frozenset(
    "today tomorrow tonight noon midnight eod cob end close morning afternoon evening week "
    "weekend hours hour days day pm am".split()
)
_NOW_WORDS = frozenset("today tomorrow tonight immediately asap now urgently".split())
#: The words of "as soon as possible", "right away", "at once", "without delay".
_NOW_PHRASE_HEADS = frozenset({"soon", "away", "once", "delay"})
#: Words one of which every deadline holds (the rest of a sentence is skipped cheaply).
_DEADLINE_CUES = _DEADLINE_PREPS | _NOW_WORDS | _NOW_PHRASE_HEADS
# An invitation is not a demand: "feel free to contact me right away".
_INVITATION_HEADS = frozenset("free hesitate welcome".split())
_READER = frozenset("you your yourself u".split())
# Verbs that report a plan or a statement: a time under them sets no deadline.
_REPORTING_HEADS = frozenset(
    "mention say tell hope plan expect anticipate aim intend note indicate explain share "
    "estimate think".split()
)
_WRITER = frozenset("i we me us my our".split())


def _is_time(span_tokens: list[Token]) -> bool:
    return any(t.lower_ in _TIME_WORDS or (t.like_num and not t.is_alpha) for t in span_tokens)


def _is_now_phrase(token: Token) -> bool:
    if token.lower_ not in _NOW_PHRASE_HEADS:
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


def _deadline_hits(sentence: Span) -> Iterator[Hit]:
    if sentence.lowers.isdisjoint(_DEADLINE_CUES):
        return
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
        verb = governing_verb(token.head if is_deadline_prep else token)
        if verb is None:
            continue
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() == "let":
            verb = verb.head  # "let me know by Friday": the reader is asked to let
        if any(a.lemma_.lower() in _REPORTING_HEADS and not _writer_expects(a)
               for a in [verb, *verb.ancestors] if a is not verb or
               party(subject_of(verb)) == "reader"):
            continue  # "you mentioned you hoped to decide by May": their plan, not a demand
        if is_negated(verb) or any(is_negated(a) for a in verb.ancestors):
            continue  # "please don't feel any pressure to reply right away"
        if any(a.lemma_.lower() in _INVITATION_HEADS for a in verb.ancestors) or any(
            c.dep_ == "mark" and c.lower_ in {"if", "should", "when", "once"} for c in verb.children
        ):
            continue
        subject = subject_of(verb)
        who = subject.lower_ if subject is not None else None
        lemma = verb.lemma_.lower()
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in {"dobj", "attr"}}
        objects |= {g.lemma_.lower() for c in verb.children if c.dep_ == "prep"
                    for g in c.children if g.dep_ == "pobj"}  # "insist on an update"
        objects |= {c.lower_ for c in verb.children if c.dep_ in {"dep", "intj"}}  # "yes or no"
        start = min(verb.idx, token.idx)
        end = max(t.idx + len(t) for t in token.subtree)
        if who in _WRITER and _grants_the_reader(verb):
            yield Hit(start, end, "Giving the hiring team a time limit is an ultimatum; ask "
                      "about their timeline instead.", severity=Severity.error)
            continue
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
        elif (who is None or who in _READER) and lemma not in _REPLY_VERBS and (
                objects & _ANSWER_NOUNS or any(t.lemma_.lower() in {"reply", "respond"}
                                                for t in verb.subtree)):
            # "Please have an answer for me before the weekend", "...and reply today"
            yield Hit(start, end, "This sets the hiring team a deadline; respect their "
                      "timeline and ask when they expect to decide.", severity=Severity.error)
        elif (who is None or who in _READER) and lemma in _REPLY_VERBS:
            if lemma in {"let", "make", "give"} and not any(
                c.lemma_ in {"know", "decision", "answer", "update", "offer"} for c in verb.subtree
            ):
                continue
            yield Hit(start, end, "This sets the hiring team a deadline; respect their "
                      "timeline and ask when they expect to decide.", severity=Severity.error)


def _told_to_act(verb: Token) -> bool:
    """'I need you to push my file through today': the writer wants the reader to act,
    with a time set (not 'I need you to know ...', nor a conditional 'I'd need you to')."""
    head = verb.head
    if verb.dep_ not in {"xcomp", "ccomp"} or head.lemma_.lower() not in _WANT_VERBS or \
            verb.lemma_.lower() in {"know", "understand", "feel", "be"}:
        return False
    if verb.i < head.i or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False  # "I need you to ...", not a clause before it
    reader = any(c.lower_ in _READER and c.dep_ in {"nsubj", "dobj"} and head.i < c.i < verb.i
                 for c in [*verb.children, *head.children])  # not "want to thank you"
    conditional = any(c.lower_ in {"would", "'d", "\u2019d", "might", "may"}
                      for c in head.children)
    return reader and not conditional and party(subject_of(head)) == "writer"


#: When an order is due: "today", "this afternoon", "by Friday".
_DUE = _TIME_WORDS | _NOW_WORDS | frozenset("afternoon morning evening tonight week "
                                             "by before".split())


def _ordered(sentence: Span) -> Iterator[Hit]:
    """'I need you to forward my file to the director this afternoon'."""
    if sentence.lemmas.isdisjoint(_WANT_VERBS) or sentence.lowers.isdisjoint(_DUE):
        return
    for verb in sentence:
        if _told_to_act(verb) and any(t.lower_ in _DUE for t in verb.subtree):
            yield Hit(sentence.start_char, sentence.end_char, "This tells the hiring team "
                      "what to do and by when; ask about their timeline instead.",
                      severity=Severity.error)
            return


def _writer_expects(verb: Token) -> bool:
    """'I expect to hear by Friday': the writer's expectation of the reader is a demand,
    not a report of someone's plan."""
    return verb.lemma_.lower() == "expect" and party(subject_of(verb)) == "writer"


def _grants_the_reader(verb: Token) -> bool:
    """'I'm giving you until Friday', 'I'll allow you till the 5th', 'I'll give it until
    Wednesday': a time limit set."""
    return verb.lemma_.lower() in {"give", "allow", "grant"} and any(
        c.dep_ in {"dative", "dobj"} and (c.lower_ in _READER or c.lower_ == "it" and any(
            p.lower_ in {"until", "till"} for p in verb.children)) for c in verb.children)


#: Another employer's offer, whose date a writer may disclose without pressing the reader.
_OTHER_OFFERS = frozenset("offer offers firm company employer organisation organization "
                          "practice school trust agency studio".split())


def clears(sentence: Span) -> bool:
    """True when the sentence's deadline is the writer's own ("I need to respond to another
    offer by Friday"), or it thanks the reader for answering without 'finally' ("Thanks
    for getting back to me so quickly"): readings the tone scorer must not overrule."""
    words = {t.lower_ for t in sentence}
    if words & _OTHER_OFFERS and words.isdisjoint(
            _READER | {"until", "till", "unless", "match", "beat", "know", "asap"}) and any(
            t.lower_ in _OTHER_OFFERS and any(
                c.lower_ in {"another", "other", "second", "competing"} or
                c.lower_ == "from" and t.lower_ in {"offer", "offers"} for c in t.children)
            for t in sentence):
        return True  # "another firm has asked for my answer by Thursday": their date, told
    if any(t.lemma_.lower() == "wait" and party(subject_of(t)) == "writer" and not is_negated(t)
           for t in sentence) and words.isdisjoint({"longer", "more", "forever", "only"}):
        return True  # patience offered: "if it isn't ready by the 20th, I'll simply wait"
    if any(t.lemma_.lower() in {"copy", "cc", "loop", "forward"} and any(
            c.dep_ == "dobj" and any(g.lower_ == "my" for g in c.children) for c in t.children)
           for t in sentence):
        return True  # "I've copied my referee into this email": the writer's own people
    if any(_is_condition(t) and _next_step(t) and party(subject_of(t.head)) == "writer"
           for t in sentence):
        return True  # "if I don't hear by the break, I'll assume you're still deciding"
    if not words.isdisjoint({"thanks", "thank"}) and words.isdisjoint(
            {"finally", "eventually", "last"}) and any(
            _is_response(done) for done in thanked_for(sentence)):
        return True
    for token in sentence:
        if not (token.lower_ in _DEADLINE_PREPS and token.dep_ == "prep"
                and _is_time(list(token.subtree)[1:])):
            continue
        verb = governing_verb(token.head)
        subject = subject_of(verb) if verb is not None else None
        if subject is not None and subject.lower_ in _WRITER and \
                verb.lemma_.lower() not in _WANT_VERBS | _POLITE_WANT_VERBS and \
                not _grants_the_reader(verb):
            return True
    return False


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


def _check_reader_deadline(draft: Draft) -> Iterator[Hit]:
    """Deadlines and demands aimed at the reader."""
    finder = _deadline_hits if draft.has_parse else _deadline_hits_without_parse
    for sentence in body_sentences(draft):
        yield from finder(sentence)


# -- impatience: what the sentence does, read from the parse -------------------------------
# Verbs of answering the candidate; "get back", "reach out" count through their particle.
_RESPONSE_VERBS = frozenset(
    "respond reply answer call contact write acknowledge return email text update inform "
    "notify tell".split()
)
_PARTICLE_RESPONSES = {"get": {"back"}, "reach": {"out"}, "follow": {"up"}, "circle": {"back"}}
_RECEIVE_VERBS = frozenset("hear receive get have".split())
#: Auxiliaries that make a clause about the future: "I will", "I'll", "we shall".
_WILL = frozenset({"will", "'ll", "shall"})
#: Every verb the silence check looks at (the rest of a sentence is skipped cheaply).
_SILENCE_LEMMAS = _RESPONSE_VERBS | set(_PARTICLE_RESPONSES) | _RECEIVE_VERBS | {
    "wait", "ignore", "leave"}
# What turns "I haven't heard back" from a plain fact into a reproach.
_EDGE_WORDS = frozenset(
    "still anything nothing word peep single once ever even again whatsoever all "
    "weeks months forever finally".split()
)
# Markers of a challenging question about the pace ("...or what?", "how long does it take").
_CHALLENGE_WORDS = frozenset(
    "even ever already seriously honestly holdup hold-up supposed indefinitely "
    "actually bother bothering surely".split()
)
_PACE_TOPICS = frozenset(
    "decision decide decided hear heard back answer respond response reply job position "
    "offer process update call news anyone anybody someone wait waiting long take takes "
    "taking weeks months days".split()
)
_ASSUME_VERBS = frozenset("assume guess suppose gather figure presume consider take".split())
_MOVED_ON_WORDS = frozenset(
    "else another filled moved chose chosen went hired selected interested forgot forgotten "
    "ignored ignoring lost unsuccessful rejected decided silence hint stop quit no fine "
    "refreshing".split()
)
_PROMISE_VERBS = frozenset("promise assure guarantee swear commit".split())
_TELL_VERBS = frozenset("say tell state mention indicate agree".split())
#: Taking the matter over the reader's head: raising it with, copying in or forwarding
#: it to their superiors.
_ESCALATE_VERBS = frozenset("raise copy cc forward take refer loop involve contact".split())
_MATTERS = frozenset("this it that matter issue concern complaint situation delay case "
                     "thread email".split())
_THREAT_VERBS = frozenset("tell warn report complain sue post publish tweet spread expose "
                          "escalate".split()) | _ESCALATE_VERBS
#: Threat verbs that need no audience: "I will escalate this", "I will sue".
_SELF_SUFFICIENT_THREATS = frozenset("escalate sue".split())
#: Bodies that hear complaints: contacting one is going over the reader's head.
_COMPLAINT_BODIES = frozenset("complaints ombudsman regulator tribunal solicitor solicitors "
                              "union".split())
_SUPERIORS = frozenset("office manager boss director ceo hr supervisor head superiors "
                       "management owner".split()) | _COMPLAINT_BODIES
# Verbs that threaten only with a review as their object: "I will leave a review".
_REVIEW_VERBS = frozenset("write leave post share".split())
_AUDIENCES = frozenset(
    "everyone everybody others people friends network colleagues contacts public world "
    "glassdoor indeed linkedin twitter reddit facebook tiktok instagram online internet "
    "review reviews bbb lawyer attorney attorneys lawyers media press newspaper "
    "candidates applicants".split()
)
_HIRING_PROCESS = frozenset(
    "interview interviews interviewing interviewer interviewers hiring recruitment "
    "recruiting recruiter recruiters hr process scheduling communication panel "
    "candidates applicants questions".split()
)
_IMPROVE_WORDS = frozenset(
    "improve improving fix rethink revisit overhaul better effective efficient "
    "professional".split()
)
_ADVICE_HEADS = frozenset("suggest recommend advise urge should need ought consider".split())
_MESSAGE_NOUNS = frozenset("email message note application letter voicemail e-mail".split())


def _is_response(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _RESPONSE_VERBS:
        return True
    wanted = _PARTICLE_RESPONSES.get(lemma)
    return bool(wanted) and any(c.dep_ in {"prt", "advmod"} and c.lower_ in wanted
                                for c in verb.children)


def _silence(sentence: Span, words: set[str]) -> Iterator[Hit]:
    """'You haven't responded', 'nobody got back to me', 'I still haven't heard anything'."""
    if sentence.lemmas.isdisjoint(_SILENCE_LEMMAS):
        return
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"} or lemma not in _SILENCE_LEMMAS:
            continue
        negated = is_negated(verb)
        if not negated and lemma not in {"wait", "leave", "ignore"}:
            continue  # (the cheap tests first: the rest needs the verb's subject)
        who = party(subject_of(verb))
        waiting = lemma == "wait" or (lemma == "leave" and any(c.lower_ == "waiting"
                                                              for c in verb.children))
        if waiting and (any(c.lower_ in _WILL for c in verb.children) or
                        verb.head.lemma_.lower() in _WILLING):
            continue  # "I'll wait patiently", "I'm happy to wait": patience offered
        if (waiting or lemma == "ignore") and not negated and (
                (who == "writer" and waiting and (words & {
                    "still", "since", "weeks", "months", "left", "forever", "patiently", "long",
                    "ages"} or any(p in sentence.text.lower() for p in ("some time", "a while"))))
                or (who == "reader" and verb.lemma_.lower() == "ignore")):
            if is_softened(verb):
                continue
            yield Hit(sentence.start_char, sentence.end_char,
                      "Saying how long you have waited reads as a reproach; ask neutrally "
                      "whether there is an update on the timeline.", severity=Severity.warning)
            return
        if not negated:
            continue
        theirs = who in {"reader", "nobody"} and _is_response(verb)
        mine = who == "writer" and lemma in _RECEIVE_VERBS and bool(words & _EDGE_WORDS) and (
            lemma != "have" or bool(words & {"response", "reply", "answer", "word", "news"}))
        if not (theirs or mine) or is_softened(verb):
            continue
        yield Hit(sentence.start_char, sentence.end_char,
                  "Pointing out that they have not answered reads as a reproach; ask "
                  "neutrally whether there is an update on the timeline.",
                  severity=Severity.warning)
        return


def _pace_question(sentence: Span, words: set[str], text: str) -> Iterator[Hit]:
    """'When are you going to get back to me?', 'did I get the job or what?'."""
    if not is_question(sentence) or not words & _PACE_TOPICS:
        return
    lowered = text.lower()
    # "Have you still not decided?", "am I still waiting?"; not "is that still the plan?"
    still = "still" in words and bool(words & {"not", "n't", "n’t", "no", "nothing", "never",
                                                "waiting", "wait"})
    challenge = still or bool(words & _CHALLENGE_WORDS) or any(
        phrase in lowered for phrase in
        ("or what", "or not", "so long", "this long", "that long", "how long", "how much longer",
         "what's taking", "what is taking", "what's the hold", "at all", "or should i",
         "how is it possible", "how can it", "don't you think")
    )
    if not challenge:
        for verb in sentence:  # "when are you going to ...": a demand, not a question
            if verb.lower_ == "going" and party(subject_of(verb)) in {"reader", "nobody"} and \
                    any(c.lower_ in {"when", "ever"} for c in sentence):
                challenge = True
                break
    if challenge:
        yield Hit(sentence.start_char, sentence.end_char,
                  "A pointed question about the pace sounds impatient; ask politely whether "
                  "there is an update on their timeline.", severity=Severity.warning)


def _earlier_message(sentence: Span) -> Iterator[Hit]:
    """'Did you even get my last email?': a question that nags about being ignored; 'my
    application fell into a black hole': the silence told as a void."""
    if _VOID.search(sentence.text) and not sentence.lemmas.isdisjoint(
            _MESSAGE_NOUNS | {"cv", "application", "résumé", "resume", "applications"}):
        yield Hit(sentence.start_char, sentence.end_char, "Saying your application vanished "
                  "reads as a reproach; ask neutrally whether there is an update.",
                  severity=Severity.warning)
        return
    if sentence.lemmas.isdisjoint(_MESSAGE_NOUNS) or not is_question(sentence):
        return
    for verb in sentence:
        subject = subject_of(verb)
        asked = party(subject) == "reader" or (
            subject is not None and subject.lower_ in {"anyone", "anybody", "someone", "somebody"})
        if verb.lemma_.lower() in {"get", "receive", "see", "read", "open", "check"} and \
                asked and any(
                    t.lemma_.lower() in _MESSAGE_NOUNS and any(
                        c.lower_ in {"my", "our", "these", "those", "the"} for c in t.children)
                    for t in verb.subtree):
            yield Hit(sentence.start_char, sentence.end_char,
                      "Asking whether they got your earlier email sounds like a reproach; "
                      "resend the key point instead.", severity=Severity.warning)
            return


def _resignation(sentence: Span, words: set[str]) -> Iterator[Hit]:
    """'I can only assume you have moved on', 'I guess nobody is interested'."""
    if sentence.lemmas.isdisjoint(_ASSUME_VERBS):
        return
    for verb in sentence:
        if verb.lemma_.lower() not in _ASSUME_VERBS or party(subject_of(verb)) != "writer":
            continue
        if is_negated(verb) or is_softened(verb):
            continue
        if verb.lemma_.lower() in {"consider", "take"}:
            if not any(t.lower_ == "no" and t.head.i in {verb.i} | {c.i for c in verb.children}
                       for t in sentence):
                continue  # "I'll take that as a no", not "I take pride in my work"
        elif verb.dep_ not in {"ROOT", "conj", "parataxis"}:
            continue
        only = any(c.lower_ == "only" for c in verb.children)
        scope = sentence.root if verb.dep_ == "parataxis" else verb
        # The condition is not the assumption: "If I don't hear, I'll assume you're deciding".
        condition = {t.i for c in scope.children if _is_condition(c) for t in c.subtree}
        rest = {t.lower_ for t in scope.subtree if t.i != verb.i and t.i not in condition}
        if rest & {"unless", "otherwise"}:
            continue  # "I'll assume so unless I hear otherwise": a courteous default
        if only or (rest & _MOVED_ON_WORDS) or ({"not", "n't", "never"} & rest):
            yield Hit(sentence.start_char, sentence.end_char,
                      "Assuming the worst out loud reads as resentment; keep the door open "
                      "and ask about next steps.", severity=Severity.warning)
            return


def _promise_quoted(sentence: Span, words: set[str], text: str) -> Iterator[Hit]:
    """Holding the reader to a promise: 'you assured me I would hear by the 26th'."""
    if sentence.lemmas.isdisjoint(_PROMISE_VERBS) and sentence.lemmas.isdisjoint(_TELL_VERBS):
        return
    lowered = text.lower()
    for verb in sentence:
        if not _their_word(verb) or is_softened(verb):
            continue
        lemma = verb.lemma_.lower()
        strong = lemma in _PROMISE_VERBS
        told = lemma in _TELL_VERBS and (
            any(edge in lowered for edge in ("no later than", "and yet", "it is now", "it's now",
                                             "and now", "that was", "yet here", "yet it",
                                             "here we are", "we're now", "we are now",
                                             "today is", "today's the"))
            or "personally" in words
        )
        if strong or told:
            yield Hit(sentence.start_char, sentence.end_char,
                      "Quoting their promise back at them reads as an accusation; ask "
                      "whether the timeline has changed instead.", severity=Severity.warning)
            return


#: How a sentence sets the date against a promise: "That was five weeks ago.", "It is now
#: the 29th."
_ELAPSED = re.compile(
    r"(?i)^\W*(?:and |but |yet |well, )?(?:that was|that's|that is|it is now|it['’]s now|"
    r"it is (?=\w+day\b)|it['’]s (?=\w+day\b)|"
    r"it has (?:now )?been|it['’]s (?:now )?been|now it['’]s|now it is|today is|we are now|"
    r"we['’]re now|here we are)\b")
_TIME_SPANS = frozenset("days weeks months ago fortnight yesterday today week month "
                        "since".split()) | DATE_WORDS


def _set_against(sentence: Span, words: set[str], text: str) -> str | None:
    """What a sentence right after the reader's word sets it against: the date ("That was
    five weeks ago.") or what happened ("You didn't."); None for neither."""
    if _ELAPSED.match(text) and (
            any(t.like_num or t.text[:1].isdigit() for t in sentence) or words & _TIME_SPANS):
        return "the date"
    return "what happened" if _denied_after(sentence) else None


def _denied_after(sentence: Span) -> bool:
    """A short sentence after the reader's word saying their side did not do it: "You
    didn't.", "Nobody did.", "It never came." (not "No worries if not.")."""
    words = [t for t in sentence if t.is_alpha]
    if not words or len(words) > 5:
        return False
    root = sentence.root
    return root.pos_ in {"VERB", "AUX"} and is_negated(root) and (
        party(subject_of(root)) in {"reader", "nobody"} or
        (subject_of(root) is not None and subject_of(root).lower_ in {"it", "nothing"}))


def _their_word(verb: Token) -> bool:
    """``verb`` says or promises, and the reader (or someone of theirs) is its subject,
    or the writer was told: "you said two weeks", "I was told I'd hear by Friday"."""
    lemma = verb.lemma_.lower()
    if lemma not in _PROMISE_VERBS and lemma not in _TELL_VERBS:
        return False
    who = subject_of(verb)
    return who is not None and (who.dep_ == "nsubjpass" or party(who) != "writer" or (
        lemma == "agree" and who.lower_ == "we"))  # "we agreed I'd have it by the 1st"


def _reader_said(sentence: Span) -> bool:
    """The reader's side said or promised something in the sentence."""
    if sentence.lemmas.isdisjoint(_PROMISE_VERBS) and sentence.lemmas.isdisjoint(_TELL_VERBS):
        return False
    return any(_their_word(verb) for verb in sentence)


def _threat(sentence: Span) -> Iterator[Hit]:
    """'I will be telling everyone I know', 'I'll post a review on Glassdoor'."""
    if sentence.lemmas.isdisjoint(_THREAT_VERBS) and sentence.lemmas.isdisjoint(_REVIEW_VERBS):
        return
    for verb in sentence:
        lemma = verb.lemma_.lower()
        reviews = lemma in _REVIEW_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"review", "experience", "story"}
            for c in verb.children)
        if not (lemma in _THREAT_VERBS or reviews) or party(subject_of(verb)) != "writer":
            continue
        if is_negated(verb) or is_softened(verb):
            continue
        future = any(c.lower_ in {"will", "'ll", "shall", "gon", "going", "be"} or
                     c.lemma_.lower() in {"plan", "intend"} for c in verb.children) or \
            verb.head.lemma_.lower() in {"plan", "intend", "go", "have"} or any(
                c.lower_ in _WILL for a in list(verb.ancestors)[:2]
                for c in a.children)
        subtree = {t.lower_ for t in verb.subtree}
        # The matter taken to them ("raise this with your manager") or they are copied in
        # ("I'm copying your HR director"), unless the reader asked for it ("as you asked").
        # The object is read with the words naming it ("the council's complaints
        # department"); the superiors are whom it goes to: the object, or 'with'/'to' whom.
        objects = {t.lower_ for c in verb.children if c.dep_ == "dobj"
                   for t in [c, *(x for x in c.children if x.dep_ in {"compound", "poss"})]}
        reached = objects | {t.lower_ for c in verb.children
                             if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "with"}
                             for t in c.subtree}
        targets = _COMPLAINT_BODIES if lemma == "contact" else _SUPERIORS
        escalates = lemma in _ESCALATE_VERBS and bool(reached & targets) and (
            not objects or bool(objects & (_MATTERS | _SUPERIORS))) and not any(
            t.lemma_.lower() in {"ask", "request", "suggest", "advise"} and
            party(subject_of(t)) == "reader" for t in sentence)
        if lemma in _ESCALATE_VERBS and not escalates:
            continue
        if escalates and lemma != "raise":
            future = True  # "I'm copying your HR director on this": done as it is said
        if future and (reviews or escalates or subtree & _AUDIENCES or
                       lemma in _SELF_SUFFICIENT_THREATS):
            message = ("Going over the reader's head to their superiors reads as a threat; "
                       "ask them directly about the timeline instead." if escalates else
                       "A threat to tell others or go public ends the relationship; leave it "
                       "out.")
            yield Hit(sentence.start_char, sentence.end_char, message, severity=Severity.error)
            return


def _audience_told(sentence: Span) -> Iterator[Hit]:
    """'My friends in the industry will hear about this', 'I'll let others know'."""
    if sentence.lemmas.isdisjoint({"hear", "know", "learn", "find"}):
        return
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if lemma not in {"hear", "know", "learn", "find"} or is_negated(verb):
            continue
        subject = subject_of(verb)
        if subject is None or not ({t.lower_ for t in subject.subtree} & _AUDIENCES):
            continue
        future = any(c.lower_ in _WILL for c in verb.children) or (
            verb.head.lemma_.lower() == "let" and party(subject_of(verb.head)) == "writer")
        if future:
            yield Hit(sentence.start_char, sentence.end_char,
                      "A threat to tell others ends the relationship; leave it out.",
                      severity=Severity.error)
            return


def _is_condition(clause: Token) -> bool:
    """An adverbial clause of condition: 'if I don't hear', 'unless', or one put first with
    'should' ("Should I not hear back by Thursday, ...")."""
    return clause.dep_ == "advcl" and any(
        (c.dep_ == "mark" and c.lower_ in {"if", "unless"}) or
        (c.dep_ == "aux" and c.lower_ == "should" and c.i == min(clause.subtree).i)
        for c in clause.children)


def _next_step(condition: Token) -> bool:
    """What the writer will plainly do if the condition holds, not over the reader's head:
    "(if I don't hear by Friday,) I'll give you a call / assume you're still deciding"."""
    main = condition.head
    outside = {t.lower_ for t in main.subtree if t.i not in {x.i for x in condition.subtree}}
    if "elsewhere" in outside:
        return False  # "I'll assume it's off and take my skills elsewhere"
    return main.lemma_.lower() in _NEXT_STEPS and not outside & _SUPERIORS and not any(
        c.dep_ == "conj" and c.lemma_.lower() in {"keep", "continue"} for c in main.children)


def _ultimatum(sentence: Span) -> Iterator[Hit]:
    """'If I don't hear by Monday, I'll withdraw'; 'either make an offer or I'm walking'."""
    for verb in sentence if not sentence.lowers.isdisjoint({"if", "unless", "should"}) else ():
        if not _is_condition(verb):
            continue
        who = party(subject_of(verb))
        unanswered = (who == "writer" and verb.lemma_.lower() in _RECEIVE_VERBS
                      and is_negated(verb)) or (who in {"reader", "nobody"} and _is_response(verb)
                                                and is_negated(verb))
        dragging = bool({t.lower_ for t in verb.subtree} & {"longer", "drags", "drag", "later"})
        main = verb.head
        if _next_step(verb):
            continue  # "if I don't hear by Friday, I'll give you a call / assume you're deciding"
        writer_will = party(subject_of(main)) == "writer" and any(
            c.lower_ in _WILL or (c.dep_ == "aux" and c.lemma_ == "be" and main.tag_ == "VBG")
            for c in main.children)  # "I'll withdraw", "I'm walking"
        if writer_will and ((unanswered or dragging) or (
                _withdraws(main) and _undelivered_by(verb))):
            yield Hit(sentence.start_char, sentence.end_char, "An ultimatum ends the "
                      "conversation on bad terms; ask about their timeline instead.",
                      severity=Severity.error)
            return
    if "or" not in sentence.lowers:
        return
    lowered = sentence.text.lower()
    imperative = sentence.root.tag_ == "VB" and subject_of(sentence.root) is None
    if ("either" in lowered or imperative) and any(
            t.lower_ == "or" and t.i + 1 < sentence.end and t.nbor(1).lower_ in {"i", "i'm", "i'll"}
            for t in sentence):
        yield Hit(sentence.start_char, sentence.end_char, "An ultimatum ends the conversation "
                  "on bad terms; ask about their timeline instead.", severity=Severity.error)


#: What a writer does who leaves the process: "I'm walking", "I'll withdraw", "I'll be
#: moving on", "I'll accept the other offer".
_LEAVE_VERBS = frozenset("walk withdraw leave quit move go pull look".split())
_OTHER_OFFER_VERBS = frozenset("accept take sign pursue".split())
_OTHER = frozenset("other another competing rival alternative".split())
_DELIVERABLES = frozenset("offer contract decision answer letter paperwork confirmation news "
                          "word call email reply response".split())


def _withdraws(verb: Token) -> bool:
    """The writer's verb leaves the process, or takes another offer."""
    lemma = verb.lemma_.lower()
    if any(c.lower_ == "elsewhere" for c in verb.children):
        return True  # "take my skills elsewhere", "pursue it elsewhere"
    if lemma in _LEAVE_VERBS:
        return lemma not in {"go", "look", "move"} or any(
            t.lower_ in {"elsewhere", "on", "away"} for t in verb.children)
    return lemma in _OTHER_OFFER_VERBS and any(  # "the offer from X", "with the other studio"
        t.lower_ in _OTHER or (t.dep_ == "prep" and t.lower_ == "from")
        for child in verb.children if child.dep_ in {"dobj", "prep"} for t in child.subtree)


def _undelivered_by(condition: Token) -> bool:
    """A condition that something owed to the writer has not come by a time: "if the
    offer isn't in my inbox by the 15th", "if there's no decision by Friday"."""
    tokens = list(condition.subtree)
    lowers = {t.lower_ for t in tokens}
    missing = is_negated(condition) or any(
        (t.lower_ == "no" and t.dep_ == "det") or (t.lower_ == "unless" and t.head == condition)
        for t in tokens)
    owed = bool(lowers & _DELIVERABLES) or party(subject_of(condition)) == "reader"
    return missing and owed and bool(lowers & {"by", "before", "within"}) and (
        bool(lowers & _TIME_WORDS) or any(t.like_num or t.text[:1].isdigit() for t in tokens))


def _reader_obliged(sentence: Span) -> Iterator[Hit]:
    """'You need to tell me where I stand': an obligation put on the reader to answer."""
    if sentence.lemmas.isdisjoint(_OBLIGED_VERBS):
        return
    for verb in sentence:
        if not (_is_response(verb) or verb.lemma_.lower() in {"decide", "let", "get"}):
            continue
        head = verb.head if verb.dep_ == "xcomp" else verb
        subject = subject_of(head)
        obliged = (head is not verb and head.lemma_.lower() in {"need", "have"}) or any(
            c.lower_ == "must" or (c.lower_ == "should" and not (
                subject is not None and c.i < subject.i))  # not "should you decide"
            for c in verb.children)
        conditional = any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "when", "once"}
                          for c in head.children)
        if obliged and not conditional and party(subject) == "reader" and not is_softened(head) \
                and not is_negated(head) and not is_question(sentence):
            yield Hit(sentence.start_char, sentence.end_char, "Telling the hiring team what "
                      "they must do sets them a demand; ask about their timeline instead.",
                      severity=Severity.error)
            return


_OBLIGED_VERBS = _RESPONSE_VERBS | frozenset(_PARTICLE_RESPONSES) | {"decide", "let", "get"}
_UNANSWERED = frozenset("unanswered ignored vanish vanished disappear disappeared lost".split())
#: Where unanswered applications go: "fell into a black hole", "lost in the void".
_VOID = re.compile(r"(?i)\b(?:black hole|into the void|into a void|the ether|into the abyss|"
                   r"down a (?:drain|hole)|into thin air)\b")
#: What a writer may plainly do next if no answer comes: not an ultimatum.
_NEXT_STEPS = frozenset("assume wait call ring phone email follow check try write send resend "
                        "reach contact give".split())
#: Heads that make waiting an offer: "happy to wait", "glad to wait".
_WILLING = frozenset("happy glad willing content pleased fine delighted prepared".split())
_ORDINALS = frozenset("second third fourth fifth sixth several multiple umpteenth".split())
#: "for the third time", "for what must be the fifth time", "Third time now."
_ORDINAL_TIME = re.compile(
    r"\bfor (?:what (?:must|might|may|could) be )?the (?:" + "|".join(sorted(_ORDINALS)) +
    r") time\b|\b(?:second|third|fourth|fifth|sixth) time (?:now|of asking|i've|i have)\b")
_COUNTED_MESSAGES = _MESSAGE_NOUNS | {"follow-up", "follow-ups", "email", "reminder"}


def _nagging(sentence: Span, words: set[str], text: str) -> Iterator[Hit]:
    """Counting one's own unanswered messages, or saying they went unanswered."""
    lowered = text.lower()
    counted = bool(_ORDINAL_TIME.search(lowered)) or (
        not sentence.lemmas.isdisjoint(_COUNTED_MESSAGES) and any(
            t.lemma_.lower() in _COUNTED_MESSAGES
            and any((c.like_num and c.lower_ not in {"one", "1"}) or c.lower_ in _ORDINALS
                    for c in t.children) for t in sentence))
    if counted and not (words.isdisjoint({"sorry", "apologies", "apologise", "apologize"}) and
                        words.isdisjoint(word_list("imposition.txt"))):
        counted = False  # "Sorry for the second email today": the writer owns the extra mail
    fate = bool(words & _UNANSWERED) and bool(
        words & (_MESSAGE_NOUNS | {"emails", "messages", "notes", "ones", "calls"}))
    silence = bool(words & {"silence", "crickets", "ghosted", "ghosting"})
    if counted or silence or (
            fate and "in case" not in lowered and  # "in case it got lost": no reproach
            not any(is_softened(t) for t in sentence if t.lower_ in _UNANSWERED)):
        yield Hit(sentence.start_char, sentence.end_char, "Pointing out how often you have "
                  "written, or that it went unanswered, reads as nagging; send one short, "
                  "friendly check-in instead.", severity=Severity.warning)


#: A day named or numbered: "Tuesday", "the 10th", "3 March".
_DAY = re.compile(r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?:st|nd|rd|th)"
                  r"|\d{1,2}(?=\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))\b")
#: How a writer makes contact: "called", "emailed", "left a voicemail", "followed up".
_CONTACT_VERBS = frozenset("call email e-mail write message phone ring text chase follow send "
                           "leave try contact reach".split())


def _dated_attempts(sentence: Span, text: str) -> Iterator[Hit]:
    """Three or more days on which the writer made contact, listed: "I called on Tuesday,
    emailed Wednesday and messaged you Thursday" (a record of the reader's silence)."""
    if len({m.group(0).lower() for m in _DAY.finditer(text)}) < 3 or \
            sentence.lemmas.isdisjoint(_CONTACT_VERBS):
        return
    made = [verb for verb in sentence
            if verb.lemma_.lower() in _CONTACT_VERBS and verb.tag_ in {"VBD", "VBN"}
            and party(subject_of(verb)) == "writer" and not is_negated(verb)]
    again = any(t.lower_ in {"again", "more"} and any(a in made for a in t.ancestors)
                for t in sentence)  # "I rang on Monday, again on Wednesday"
    if len(made) >= 2 or made and (
            again or any(v.lemma_.lower() in {"follow", "chase"} for v in made)):
        yield Hit(sentence.start_char, sentence.end_char, "Listing the days you have "
                  "written reads as nagging; send one short, friendly check-in instead.",
                  severity=Severity.warning)


def _persists(sentence: Span, words: set[str]) -> Iterator[Hit]:
    """'I'm going to keep writing until somebody replies', 'I won't stop calling until I
    hear back': contact promised to go on until the reader answers."""
    if "until" not in words and "till" not in words:
        return
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if not (lemma in {"keep", "continue"} or lemma == "stop" and is_negated(verb)):
            continue
        if party(subject_of(verb)) != "writer":
            continue
        contact = any(c.lemma_.lower() in _CONTACT_VERBS for c in verb.children
                      if c.dep_ in {"xcomp", "ccomp", "dobj", "advcl"})
        answered = any(c.dep_ == "advcl" and any(m.lower_ in {"until", "till"}
                                                  for m in c.children)
                       and (_is_response(c) or c.lemma_.lower() in _RECEIVE_VERBS)
                       for c in verb.subtree)
        if contact and answered:
            yield Hit(sentence.start_char, sentence.end_char, "Promising to keep writing "
                      "until they answer reads as pressure; send one short, friendly "
                      "check-in instead.", severity=Severity.warning)
            return


def _entitled(sentence: Span, words: set[str], text: str) -> Iterator[Hit]:
    """'I deserve a response', 'why is it so hard to reply'."""
    lowered = text.lower()
    for verb in sentence if "deserve" in sentence.lemmas else ():
        if verb.lemma_.lower() == "deserve" and party(subject_of(verb)) == "writer" and \
                not is_negated(verb):
            yield Hit(sentence.start_char, sentence.end_char, "Saying you deserve an answer "
                      "reads as a reproach; ask politely for an update instead.",
                      severity=Severity.warning)
            return
    easy = any(f"{a} {b} to" in lowered for a in ("so", "that", "too", "is it")
               for b in ("hard", "difficult")) or any(
        f"how {b} can it be" in lowered or f"can't be that {b}" in lowered or
        f"can’t be that {b}" in lowered for b in ("hard", "difficult"))
    if easy and any(_is_response(t) or t.lemma_.lower() == "send" for t in sentence):
        yield Hit(sentence.start_char, sentence.end_char, "Suggesting it is easy for them to "
                  "answer reads as sarcasm; ask politely for an update instead.",
                  severity=Severity.warning)


_HIRING_PEOPLE = _HIRING_PROCESS | {"you", "they", "nobody", "everyone", "people", "staff",
                                    "team", "manager", "receptionist", "it", "which", "that"}


def _judges_the_hiring(token: Token) -> bool:
    """True when a complaint word describes the interview, the process or their people
    ('the panel seemed unprepared'), not the work ('a tool that flags late trailers')."""
    if token.dep_ == "amod":
        return token.head.lower_ in _HIRING_PROCESS
    verb = token.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"}:
            subject = subject_of(verb)
            return subject is not None and subject.lower_ in _HIRING_PEOPLE
        if verb.head is verb:
            return False
        verb = verb.head
    return False


def _process_complaint(sentence: Span, words: set[str]) -> Iterator[Hit]:
    """Complaints about how the interview was run, or advice to fix their hiring."""
    if not words & _HIRING_PROCESS:
        return
    complaints = word_list("complaints.txt")
    judged = any(t.lower_ in complaints and _judges_the_hiring(t) and
                 aimed_at_their_side(t, sentence) for t in sentence)
    advice = False
    for verb in sentence:
        if verb.lemma_.lower() in _ADVICE_HEADS and party(subject_of(verb)) in {"writer", None} \
                and any(t.lower_ in {"your", "you"} for t in verb.subtree) and \
                {t.lower_ for t in verb.subtree} & _IMPROVE_WORDS:
            advice = True
    if advice or judged:
        yield Hit(sentence.start_char, sentence.end_char,
                  "Criticising how they run interviews will not win the job; if you have "
                  "feedback, keep it for when they ask.", severity=Severity.warning)


#: Giving something up for the reader's process: "I've turned down two offers while
#: waiting on you", "I put my other applications on hold for this".
_GIVE_UP = {"turn": "down", "pass": "up", "put": "hold", "give": "up", "hold": "off"}
_FORGO = frozenset("decline cancel reject forgo forego sacrifice refuse".split())
_CHANCES = frozenset("offer offers interview interviews application applications job jobs "
                     "role roles position positions opportunity opportunities work place "
                     "places contract contracts holiday trip".split())


def _sacrifice(sentence: Span) -> Iterator[Hit]:
    """'I've turned down two other kitchens while waiting on you': a sacrifice laid on the
    reader's account (not 'I turned down another interview because this is the role I
    want')."""
    if sentence.lemmas.isdisjoint(set(_GIVE_UP) | _FORGO):
        return
    for verb in sentence:
        lemma = verb.lemma_.lower()
        particle = _GIVE_UP.get(lemma)
        if particle is None and lemma not in _FORGO:
            continue
        if particle is not None and particle not in {t.lower_ for t in verb.subtree}:
            continue
        if party(subject_of(verb)) != "writer" or is_negated(verb) or verb.tag_ in {"VB", "VBG"}:
            continue  # done, not offered: "I could turn down the other offer"
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        chances = any(o.lemma_.lower() in _CHANCES or o.lower_ in _CHANCES or any(
            c.lower_ in {"other", "another", "two", "three", "several"} for c in o.children)
            for o in objects)
        rest = {t.lower_ for t in sentence if t.i > verb.i}
        on_their_account = bool(rest & {"you", "your"}) or "waiting" in rest or \
            bool(rest & {"appreciate", "regret", "counts"})
        reason = "because" in rest or any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"as", "since"}
                                      for m in c.children) for c in verb.children)
        if chances and on_their_account and not reason:  # not "..., as I'd rather join you"
            yield Hit(sentence.start_char, sentence.end_char, "Telling them what waiting has "
                      "cost you is a guilt trip; ask politely about their timeline instead.",
                      severity=Severity.warning)
            return


#: The reader's date gone by: "early next week has come and gone", "your deadline passed
#: without a word".
_GONE_BY = re.compile(
    r"(?i)\b(?:come and gone|been and gone|came and went|come and went)\b|"
    r"\b(?:passed|gone by|went by|slipped by|slipped past)\b[^.;!?]{0,40}?\bwithout (?:a|any|so "
    r"much as a) (?:word|reply|response|update|news|call|email|peep|sound)\b")
#: The reader's failings as the cause of the writer's trouble: "thanks to your delays".
_THEIR_DELAYS = frozenset("delay delays silence indecision slowness inaction dithering "
                          "disorganisation disorganization foot-dragging".split())
#: ... unless the sentence is one of thanks or understanding ("your silence while I worked
#: it through really helped"; "thanks to your delays" is still blame).
_GOODWILL = frozenset("thank thanks grateful appreciate appreciated helped help understand "
                      "understandable patience".split())


#: Their slowness read as a verdict on the organisation: "a company that needs six weeks
#: to choose a barista is telling me something", "I do wonder how anything gets done".
_VERDICT_ON_THEM = re.compile(
    r"(?i)\b(?:(?:says|say|tells|tell|telling|speaks|speak) (?:me |you |us )?(?:a lot|something|"
    r"volumes|everything|all i need to know)(?: about)?|wonder how (?:anything|things|much) "
    r"(?:ever )?gets? done|how (?:anything|things) (?:ever )?gets? done)\b")
_SLOWNESS = frozenset("weeks months fortnight slow slowly can't cannot couldn't can’t "
                      "couldn’t silence nothing ages wait waiting".split())


def _overdue(sentence: Span, words: set[str], text: str) -> Iterator[Hit]:
    """A date of theirs gone by, said as a reproach; their delays or silence blamed; their
    slowness read as a verdict on the organisation."""
    if _VERDICT_ON_THEM.search(text) and not words.isdisjoint(_SLOWNESS):
        yield Hit(sentence.start_char, sentence.end_char, "Judging the organisation by how "
                  "long it takes reads as a reproach; ask politely about their timeline.",
                  severity=Severity.warning)
        return
    if _GONE_BY.search(text) and (words & _TIME_WORDS or words & {
            "deadline", "date", "week", "month", "weeks", "timeline", "window", "fortnight"}):
        yield Hit(sentence.start_char, sentence.end_char, "Pointing out that their date has "
                  "passed reads as a reproach; ask whether the timeline has changed instead.",
                  severity=Severity.warning)
        return
    if words.isdisjoint(_THEIR_DELAYS) or not (
            words - ({"thanks"} if "thanks to" in text.lower() else set())).isdisjoint(_GOODWILL):
        return  # not "your silence while I worked it through really helped"
    for token in sentence:
        if token.lower_ in _THEIR_DELAYS and token.pos_ == "NOUN" and any(
                c.dep_ == "poss" and party(c) == "reader"  # "your delays", "your team's"
                for c in token.children):
            yield Hit(sentence.start_char, sentence.end_char, "Blaming their delay or silence "
                      "reads as a reproach; ask politely about their timeline instead.",
                      severity=Severity.warning)
            return


#: Their delay as the writer's reason for doubt: "the hold-up has me rethinking whether
#: this firm is right for me".
_WAITS = _THEIR_DELAYS | frozenset("holdup wait waiting radio".split())
_DOUBTING = frozenset("rethink reconsider question doubt wonder second-guess".split())
_JOINING = frozenset("join work right want accept fit place".split())


def _second_thoughts(sentence: Span, words: set[str]) -> Iterator[Hit]:
    """'The delay is making me wonder whether I want to join', 'the hold-up has me
    rethinking whether this firm is right for me': a veiled threat to withdraw, with their
    delay as the reason (not 'I've been wondering whether the team runs a Saturday clinic')."""
    waits = not words.isdisjoint(_WAITS) or "hold-up" in sentence.text.lower()  # 3 tokens
    if not waits or sentence.lemmas.isdisjoint(_DOUBTING) or \
            words.isdisjoint({"whether", "if"}) or sentence.lemmas.isdisjoint(_JOINING) or \
            words.isdisjoint({"i", "me", "i'm", "i’m"}) or is_question(sentence):
        return
    for verb in sentence:
        if verb.lemma_.lower() not in _DOUBTING or is_negated(verb):
            continue
        clause = {t.lemma_.lower() for c in verb.children if c.dep_ in {"ccomp", "advcl", "dobj"}
                  for t in c.subtree}
        if clause & {"whether", "if"} and clause & _JOINING:
            yield Hit(sentence.start_char, sentence.end_char, "Hinting that their delay makes "
                      "you doubt the job reads as a threat; ask politely about their timeline.",
                      severity=Severity.warning)
            return


#: Urgency ordered: "treat my application as a priority", "handle this as urgent".
_AS_URGENT = frozenset("priority urgent urgency emergency".split())


def _made_urgent(sentence: Span) -> Iterator[Hit]:
    """'Kindly treat my application as a priority', 'please treat this as urgent': the reader
    told how to rank the writer's case (not 'please treat my references as confidential',
    nor 'I treated every safety report as urgent')."""
    if sentence.lowers.isdisjoint(_AS_URGENT) or "as" not in sentence.lowers:
        return
    for verb in sentence:
        if verb.lemma_.lower() not in {"treat", "handle", "regard", "consider", "mark", "flag"}:
            continue
        if party(subject_of(verb)) not in {"reader", None} or is_negated(verb):
            continue
        after = [t.lower_ for t in verb.subtree if t.i > verb.i]
        if "as" in after and not _AS_URGENT.isdisjoint(after[after.index("as"):]):
            yield Hit(sentence.start_char, sentence.end_char, "Telling the hiring team to "
                      "treat your case as urgent is pressure; ask politely about their timeline.",
                      severity=Severity.warning)
            return


#: Reproaches read by category, each in the writer's own words:
_REPROACHES = re.compile(
    r"(?i)"
    # their process judged as an impression of them
    r"\b(?:isn't|isn’t|is not|wasn't|wasn’t|was not|hardly|not) (?:a|the|exactly a) (?:great|good|"
    r"strong|positive|promising|encouraging) (?:first )?impression\b|"
    r"\b(?:doesn't|doesn’t|does not|didn't|didn’t) reflect (?:well|brilliantly|positively)\b|"
    # how long it "shouldn't take"
    r"\b(?:shouldn't|shouldn’t|should not|ought not to|oughtn't to) take (?:a|an|two|three|four|"
    r"five|six|several|\d+|this|that|so)\b|"
    # what more could they need
    r"\bwhat (?:more|else) (?:could|can|do|would) (?:you|they|the panel|the team) "
    r"(?:possibly |really )?(?:need|want|require|be waiting for)\b|"
    # their date quoted back as owed (see also _OWED, read with its softeners)
    r"\b(?:attached|enclosed|forwarded) (?:again|once more) for your (?:convenience|reference)\b|"
    # weary of waiting or of saying so
    r"(?<!never )(?<!not )\b(?:tired|sick|weary) of (?:saying|waiting|chasing|asking|explaining|"
    r"telling|hearing "
    r"nothing)\b|"
    # is anyone there at all
    r"\b(?:is|are) (?:anyone|anybody|someone|somebody) (?:actually |even |still |at all )?"
    r"(?:reading|there|listening|home|out there|receiving|checking)\b|"
    # an explanation demanded
    r"\b(?:please )?(?:advise|explain) why (?:i|my|nobody|no one|no-one)\b|"
    r"\b(?:like|want|expect|deserve|demand|need) an explanation\b|"
    # the writer's own time running out on them
    r"\bmy (?:availability|candidacy|offer|interest) (?:expires|lapses|ends|runs out)\b|"
    r"\bchance to (?:hire|secure|sign|land) me\b|"
    # follow-ups stacked
    r"\bfollow-?up (?:on|to|of) my (?:follow-?up|last follow-?up|reminder)\b")


_OWED = re.compile(r"(?i)\b(?:decision|answer|reply|response|update|outcome|offer|feedback) "
                   r"(?:was|were) (?:due(?! to\b)|promised|supposed to (?:arrive|come|be))\b")
#: ... said with understanding, a date gone by is a fair question ("I understand a decision
#: was due last week; has the timeline moved?").
_UNDERSTANDING = frozenset("understand appreciate realise realize know shift change "
                           "move".split())


def _reproaches(sentence: Span) -> Iterator[Hit]:
    """Reproaches read by category: their process called a poor impression of them, how
    long a decision "shouldn't take", "what more could you possibly need?", their date
    quoted back as owed, weariness of waiting, "is anyone actually reading these?", an
    explanation demanded, the writer's availability "expiring", follow-ups stacked."""
    owed = _OWED.search(sentence.text) and sentence.lemmas.isdisjoint(_UNDERSTANDING)
    if owed or _REPROACHES.search(sentence.text):
        yield Hit(sentence.start_char, sentence.end_char, "This reproaches the hiring team; "
                  "ask politely about their timeline instead.", severity=Severity.warning)


#: Verbs that tell the reader to hurry: "please just wrap it up", "reply ASAP".
_HURRY = frozenset("wrap hurry speed decide finish conclude expedite reply respond answer "
                   "move".split())


def _told_to_hurry(sentence: Span) -> Iterator[Hit]:
    """'Please just wrap it up', 'Reply ASAP please!!!', 'hurry it along': the reader told
    to be quick (not 'please take your time', nor 'reply whenever suits')."""
    words = sentence.lowers
    if sentence.lemmas.isdisjoint(_HURRY | {"make"}) or words.isdisjoint(
            {"just", "asap", "already", "up", "along", "quickly", "immediately", "now"}):
        return
    for verb in sentence:
        decides = verb.lemma_.lower() == "make" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"decision", "choice", "call"}
            for c in verb.children)  # "please just make a decision"
        if verb.lemma_.lower() not in _HURRY and not decides or verb.tag_ != "VB" or \
                subject_of(verb) is not None or is_negated(verb):
            continue
        if verb.dep_ not in {"ROOT", "conj"}:
            continue  # not "please don't feel obliged to reply"
        near = {t.lower_ for t in sentence[max(0, verb.i - sentence.start - 2):
                                           verb.i - sentence.start + 4]}
        hurried = "asap" in near or "immediately" in near or "already" in near or (
            "just" in near and (decides or verb.lemma_.lower() in {
                "wrap", "decide", "hurry", "finish", "conclude", "reply", "answer"})) or (
            verb.lemma_.lower() in {"wrap", "speed", "hurry", "move"} and
            bool(near & {"up", "along"}))
        if hurried:
            yield Hit(sentence.start_char, sentence.end_char, "Telling the hiring team to "
                      "hurry is pressure; ask politely about their timeline instead.",
                      severity=Severity.warning)
            return


#: Bodies that hear complaints, and the press, said to "be interested" in how they act.
_WATCHDOGS = frozenset("commission ombudsman regulator tribunal union press journalist "
                       "journalists newspaper paper papers media reporter reporters glassdoor "
                       "inspectorate ofsted cqc council lawyer solicitor authority "
                       "board".split())


def _watchdog_interested(sentence: Span, words: set[str]) -> Iterator[Hit]:
    """'The Care Quality Commission might be interested in how your home treats nurses':
    a complaint hinted at through who would want to know."""
    if "interested" not in words or words.isdisjoint(_WATCHDOGS) and not any(
            t.pos_ == "PROPN" and t.dep_ == "nsubj" for t in sentence):
        return
    for token in sentence:
        if token.lower_ != "interested" or not any(
                c.lower_ in {"might", "may", "would", "will", "could"}
                for c in token.head.children):
            continue
        subject = subject_of(token.head)
        if subject is None or party(subject) in {"writer", "reader"} or any(
                c.dep_ == "poss" and c.lower_ in {"my", "our"} for c in subject.children):
            continue
        after = [t.lower_ for t in sentence if t.i > token.i][:3]
        conduct = after[:2] in (["in", "how"], ["in", "why"], ["in", "what"], ["to", "hear"],
                                ["to", "know"], ["to", "learn"]) or after[:3] == [
            "in", "the", "way"]
        named = {t.lower_ for t in subject.subtree}
        if conduct and (not named.isdisjoint(_WATCHDOGS) or subject.pos_ == "PROPN"):
            yield Hit(sentence.start_char, sentence.end_char, "Hinting that a regulator or "
                      "the press would be interested is a threat; leave it out.",
                      severity=Severity.error)
            return


def _minimum_asked(sentence: Span, words: set[str]) -> Iterator[Hit]:
    """'Could you at least tell me where I stand?', 'my time deserves some respect': the
    least the reader owes, or respect for the writer's time, asked for as a reproach."""
    for token in sentence if "least" in words else ():
        if token.lower_ == "least" and token.i > sentence.start and token.nbor(-1).lower_ in {
                "at", "very"}:
            head = token.head if token.dep_ != "pobj" else token.head.head
            target = head if head.pos_ in {"VERB", "AUX"} else governing_verb(head)
            opening = token.i - sentence.start <= 4 and "," in {
                t.text for t in sentence[token.i - sentence.start:token.i - sentence.start + 2]
            } and not words.isdisjoint({"reply", "answer", "response", "update", "courtesy",
                                        "acknowledgement", "acknowledgment", "yes", "word"})
            asks_answer = target is not None and (
                _is_response(target) or target.lemma_.lower() in {"tell", "acknowledge",
                                                                  "confirm"} or
                target.lemma_.lower() == "let" and "know" in {t.lower_ for t in target.subtree})
            if opening or (asks_answer
                           and party(subject_of(target)) in {"reader", None}):
                yield Hit(sentence.start_char, sentence.end_char, "Asking for 'at least' an "
                          "answer reads as a reproach; ask politely for an update instead.",
                          severity=Severity.warning)
                return
    if "time" not in words or not words.isdisjoint({"thank", "thanks", "grateful"}):
        return
    for token in sentence:
        if token.lower_ == "time" and any(c.lower_ == "my" for c in token.children) and (
                token.head.lemma_.lower() in {"respect", "value", "honour", "honor"} or
                token.head.head.lemma_.lower() in {"respect", "value"}):
            yield Hit(sentence.start_char, sentence.end_char, "Asking them to respect your "
                      "time reads as a reproach; ask politely for an update instead.",
                      severity=Severity.warning)
            return


def _check_impatience(draft: Draft) -> Iterator[Hit]:
    """Impatience, reproach, resignation, threats and complaints, read from the parse."""
    if not draft.has_parse:
        return
    promised = False  # the sentence before held the reader's word ("You said two weeks.")
    for sentence in body_sentences(draft):
        text = draft.plain[sentence.start_char:sentence.end_char]
        words = sentence.lowers
        against = _set_against(sentence, words, text) if promised else None
        if against is not None:
            promised = False
            yield Hit(sentence.start_char, sentence.end_char, f"Setting their words against "
                      f"{against} reads as an accusation; ask whether the timeline has changed "
                      "instead.", severity=Severity.warning)
            continue
        promised = _reader_said(sentence)
        for finder in (
            _ultimatum(sentence), _ordered(sentence), _threat(sentence), _audience_told(sentence),
            _reader_obliged(sentence), _silence(sentence, words),
            _pace_question(sentence, words, text), _earlier_message(sentence),
            _nagging(sentence, words, text), _dated_attempts(sentence, text),
            _persists(sentence, words),
            _resignation(sentence, words),
            _promise_quoted(sentence, words, text), _entitled(sentence, words, text),
            _process_complaint(sentence, words), _sacrifice(sentence),
            _overdue(sentence, words, text), _minimum_asked(sentence, words),
            _second_thoughts(sentence, words), _made_urgent(sentence),
            _reproaches(sentence), _told_to_hurry(sentence),
            _watchdog_interested(sentence, words),
        ):
            hit = next(finder, None)
            if hit is not None:
                yield hit
                break


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Deadlines set on the reader, and impatience or pressure about the pace."""
    yield from _check_reader_deadline(draft)
    yield from _check_impatience(draft)
