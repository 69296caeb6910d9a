"""missing-qualifications: a thank-you with no sentence tying the writer's skills to the role."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions, whole_draft_span
from followup_lint.syntax import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span

    from followup_lint.draft import Draft


NEEDS = frozenset({"lemma", "dep"})

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


class Options(RuleOptions):
    min_words: int = Field(default=25, ge=1,
                           description="Shorter bodies are too short to judge.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """A thank-you with no sentence tying the writer's own skills to the role."""
    if draft.kind != "thank-you" or len(
        [t for t in draft.body_tokens if t.is_alpha]
    ) < options.min_words:
        return
    has_parse = {"lemma", "dep"} <= draft.capabilities
    if any(_ties_experience(s, has_parse) for s in draft.body_sentences):
        return
    start, end = whole_draft_span(draft)
    yield Hit(start, end, "Connect one of your skills or experiences to something discussed "
              "(\"my work on X would help with Y\") to remind them why you fit.")
