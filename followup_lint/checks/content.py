"""What a follow-up should say: thanks, enthusiasm, and why the writer fits the role."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.checks import Hit, register, whole_draft_span
from followup_lint.model import Severity
from followup_lint.syntax import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span

    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec

_THANKS = frozenset(
    "thank thanks thankful appreciate appreciated appreciating appreciation appreciative "
    "grateful gratitude gratefully thx thnx ty".split()
)
_ENTHUSIASM = frozenset(
    "excited exciting excitement enthusiastic enthusiasm eager eagerly keen thrilled "
    "delighted interested interest interesting passionate passion enjoy enjoyed enjoying "
    "glad happy pleased love loved inspiring inspired appeal appeals appealing energized "
    "impressed fascinating fascinated forward motivated honored honoured privilege".split()
)
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
    r"(another|other) (candidate|applicant|direction)|(position|role) (has been|was) filled)"
)


def is_withdrawal(draft: Draft) -> bool:
    """A note that withdraws, declines an offer or answers a rejection closes the
    process: it need not pitch the writer's fit or enthusiasm."""
    forms = draft.prose_forms
    return bool(forms & _WITHDRAWAL) or bool(_REJECTION_NEWS.search(draft.plain)) or (
        "accepted" in forms and bool(forms & {"another", "other"}) and
        bool(forms & {"position", "offer", "role", "job"}))


def content_gaps(draft: Draft) -> set[str]:
    """Which of the four things a follow-up should say are missing: thanks, enthusiasm,
    a tie to the writer's experience, a specific detail. One gap is a suggestion; from
    two on, a careers coach would ask for a rewrite."""
    gaps = set()
    if not draft.prose_forms & _THANKS:
        gaps.add("gratitude")
    if not draft.prose_forms & _ENTHUSIASM:
        gaps.add("enthusiasm")
    if draft.kind == "reminder":
        return gaps  # a status check need not pitch the writer or recall the talk
    has_parse = {"lemma", "dep"} <= draft.capabilities
    if not any(_ties_experience(s, has_parse) for s in draft.body_sentences):
        gaps.add("qualifications")
    if draft.specificity.count == 0 or not draft.specificity.discussed:
        gaps.add("specifics")
    return gaps


def calibrated(draft: Draft) -> Severity | None:
    """The severity of a whole-email content finding: info for a single gap, else the
    rule's own (None)."""
    return None if len(content_gaps(draft)) >= 2 else Severity.info


@register("missing-gratitude")
def check_missing_gratitude(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """No thanks anywhere: an error in a thank-you, a warning in a reminder."""
    if not draft.body_tokens:
        return
    if draft.prose_forms & _THANKS:
        return
    start, end = whole_draft_span(draft)
    if draft.kind == "reminder" or is_withdrawal(draft):
        yield Hit(start, end, "Thank the reader for their time, even in a reminder; it keeps "
                  "the check-in warm.",
                  severity=Severity.info if is_withdrawal(draft) else calibrated(draft))
    else:
        # An error needs certainty: a guessed kind may be a withdrawal or another message.
        yield Hit(start, end, "A thank-you note that never says thank you: thank the "
                  "interviewer for their time.",
                  severity=Severity.warning if draft.kind_inferred else None)


@register("missing-enthusiasm")
def check_missing_enthusiasm(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """No word of interest or enthusiasm for the role or the company."""
    if len([t for t in draft.body_tokens if t.is_alpha]) < 12:
        return  # too short to judge
    if draft.prose_forms & _ENTHUSIASM or is_withdrawal(draft):
        return
    start, end = whole_draft_span(draft)
    yield Hit(start, end, "Say that you want the job: one sentence of genuine enthusiasm for "
              "the role or the team.", severity=calibrated(draft))


def _ties_experience(sentence: Span, has_parse: bool) -> bool:
    """True when the sentence speaks of the writer's own experience or ability to do the work."""
    words = _words(sentence)
    if not words & _FIRST_PERSON:
        return False
    lemmas = {t.lemma_.lower() for t in sentence} if has_parse else words
    if "my" in words and lemmas & _EXPERIENCE_NOUNS:
        return True
    if any(t.lower_ == "as" and t.i + 1 < sentence.end and t.nbor(1).lower_ in {"a", "an"}
           for t in sentence):
        return True  # "as a line cook, I ..."
    for token in sentence:
        if has_parse:
            if token.lemma_.lower() in _WORK_VERBS and token.pos_ in {"VERB", "AUX"}:
                subject = subject_of(token)
                if subject is not None and subject.lower_ in _FIRST_PERSON:
                    return True
        elif token.lower_ in _WORK_VERBS or token.lower_.rstrip("ed") in _WORK_VERBS:
            return True
    return False


@register("missing-qualifications")
def check_missing_qualifications(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """A thank-you with no sentence tying the writer's own skills to the role."""
    if draft.kind != "thank-you" or len([t for t in draft.body_tokens if t.is_alpha]) < 25 or \
            is_withdrawal(draft):
        return
    has_parse = {"lemma", "dep"} <= draft.capabilities
    if any(_ties_experience(s, has_parse) for s in draft.body_sentences):
        return
    start, end = whole_draft_span(draft)
    yield Hit(start, end, "Connect one of your skills or experiences to something discussed "
              "(\"my work on X would help with Y\") to remind them why you fit.",
              severity=calibrated(draft))
