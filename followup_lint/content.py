"""What a follow-up should say: thanks, enthusiasm, a tie to the writer's experience and a
specific detail. Shared by the content rules (missing-gratitude, missing-enthusiasm,
missing-qualifications) and missing-specifics, which calibrate their severity on it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from followup_lint.model import Severity
from followup_lint.syntax import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from followup_lint.draft import Draft

THANKS = frozenset(
    "thank thanks thankful appreciate appreciated appreciating appreciation appreciative "
    "grateful gratitude gratefully thx thnx ty".split()
)
ENTHUSIASM = frozenset(
    "excited exciting excitement enthusiastic enthusiasm eager eagerly keen thrilled "
    "delighted interested interest interesting passionate passion enjoy enjoyed enjoying "
    "glad happy pleased love loved inspiring inspired appeal appeals appealing energized "
    "impressed fascinating fascinated forward motivated honored honoured privilege".split()
)
#: Wanting in, said without an enthusiasm word: "I would be proud to join the brigade",
#: "I'd welcome the chance to work alongside you", "Lakeside remains my first choice".
_WANTS_IN = re.compile(
    r"(?i)\b(?:(?:would|'d|’d)(?: really| truly| genuinely| so| very much)? (?:love|like|"
    r"welcome|be (?:glad|proud|honoured|honored|delighted))|want(?:ed)?|hope|hoping|proud) "
    r"(?:to|the (?:chance|opportunity) to) "
    r"(?:join|be (?:a )?part of|work (?:with|alongside|for|on)|contribute|help)\b|"
    r"\b(?:my|our) (?:first|top) choice\b")
_FIRST_PERSON = frozenset("i my me i'm i've i'd i'll".split())
_EXPERIENCE_NOUNS = frozenset(
    "experience background skill skills expertise year years degree certification training "
    "portfolio track work career internship role position job time decade months month "
    "certificate license licence qualification".split()
)
# Verbs of doing the work: "I built", "I led", "I have managed", "I could help".
_WORK_VERBS = frozenset(
    "build lead manage develop design implement create improve reduce increase launch "
    "train teach work spend serve handle run coordinate organize organise support "
    "analyze analyse write code test automate migrate plan deliver supervise cook nurse "
    "care teach mentor negotiate sell research streamline apply bring contribute help "
    "use solve grow own drive oversee prepare maintain ship review close answer process "
    "resolve fix edit install repair serve treat counsel tutor coach recruit hire audit "
    "file draft present publish photograph film bake cook clean schedule book dispatch "
    "deploy configure debug refactor model forecast budget reconcile invoice sell pitch "
    "negotiate translate interpret assess diagnose assist volunteer intern study earn "
    "complete certify specialize specialise".split()
)


def _words(tokens) -> set[str]:
    return {t.lower_ for t in tokens}


_WITHDRAWAL = frozenset("withdraw withdrawing withdrawn withdrawal decline declining".split())
_REJECTION_NEWS = re.compile(
    r"(?i)\b(did(n't| not) work out|(was|were|am|'m) not (selected|chosen)|"
    r"(another|other) (candidate|applicant|direction)|(position|role) (has been|was) filled|"
    r"respect (the|your) decision|(know|of) the outcome|unsuccessful|"
    r"not (be )?(moving|progressing|taking) (forward|further|my application))"
)


def is_withdrawal(draft: Draft) -> bool:
    """A note that withdraws, declines an offer or answers a rejection closes the
    process: it need not pitch the writer's fit or enthusiasm."""
    forms = draft.prose_forms
    return bool(forms & _WITHDRAWAL) or bool(_REJECTION_NEWS.search(draft.plain)) or (
        "accepted" in forms and bool(forms & {"another", "other"}) and
        bool(forms & {"position", "offer", "role", "job"}))


def shows_enthusiasm(draft: Draft) -> bool:
    """A word of enthusiasm ("excited", "keen") or wanting in ("I'd be proud to join")."""
    return bool(draft.prose_forms & ENTHUSIASM) or bool(_WANTS_IN.search(draft.plain))


def content_gaps(draft: Draft) -> set[str]:
    """Which of the four things a follow-up should say are missing: thanks, enthusiasm,
    a tie to the writer's experience, a specific detail. One gap is a suggestion; from
    two on, a careers coach would ask for a rewrite."""
    gaps = set()
    if not draft.prose_forms & THANKS:
        gaps.add("gratitude")
    if not shows_enthusiasm(draft):
        gaps.add("enthusiasm")
    if draft.kind == "reminder":
        return gaps  # a status check need not pitch the writer or recall the talk
    if not draft.ties_experience:
        gaps.add("qualifications")
    if draft.specificity.count == 0 or not draft.specificity.discussed:
        gaps.add("specifics")
    return gaps


def calibrated(draft: Draft) -> Severity | None:
    """The severity of a whole-email content finding: info for a single gap, else the
    rule's own (None)."""
    return None if len(draft.content_gaps) >= 2 else Severity.info


def ties_experience(sentence: Span, has_parse: bool) -> bool:
    """True when the sentence speaks of the writer's own experience or ability to do the work."""
    words = _words(sentence)
    if not words & _FIRST_PERSON:
        return False
    if has_parse:
        # "my five years", "my background in payroll": the experience is the writer's own
        # ("my interest in the role" says nothing of it).
        if any(t.lemma_.lower() in _EXPERIENCE_NOUNS and
               any(c.lower_ == "my" and c.dep_ == "poss" for c in t.children) for t in sentence):
            return True
    elif "my" in words and words & _EXPERIENCE_NOUNS:
        return True
    if any(t.lower_ == "as" and t.i + 1 < sentence.end and t.nbor(1).lower_ in {"a", "an"}
           for t in sentence):
        return True  # "as a line cook, I ..."
    for token in sentence:
        if has_parse:
            if token.lemma_.lower() in _WORK_VERBS and token.pos_ in {"VERB", "AUX"}:
                if _wished(token):
                    continue  # "I'd be glad to contribute": a wish, not what the writer has done
                subject = subject_of(token)
                if subject is not None and subject.lower_ in _FIRST_PERSON:
                    return True
        elif token.lower_ in _WORK_VERBS or token.lower_.rstrip("ed") in _WORK_VERBS:
            return True
    return False


def _wished(verb: Token) -> bool:
    """True for a work verb in the infinitive that only wishes to do the work ("I'd love
    to help", "eager to contribute", "the possibility of working together"); "I am able to lead" and
    "I used to manage" still tell what the writer can do or has done."""
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "NOUN":
        return True  # "the possibility of working together", "the chance of helping"
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() not in {"able", "use", "manage", "get"}
