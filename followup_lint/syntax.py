"""Small readings of the dependency parse shared by several checks."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_PLEASE = frozenset({"please", "pls", "plz", "kindly"})
#: How far up the tree a subject is looked for ("I would be glad to help" -> "I").
_MAX_CLIMB = 8


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb`` or of the words it depends on; None for an imperative.

    "I would be glad to help" -> "I"; "I have an offer and need to reply" -> "I" (the
    coordinated verb shares the subject, as does one in its base form after a modal: "I'll
    assume so and wait"); "..., but please let me know" -> None (an imperative: a 'please',
    or a coordinated verb in its base form, starts a new request).
    """
    node = verb
    for _ in range(_MAX_CLIMB):
        if any(c.lower_ in _PLEASE for c in node.children):
            return None
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass", "expl"}:
                return child
        if node.dep_ == "conj" and node.tag_ == "VB" and not any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in node.head.children):
            return None  # but "I'll assume so and wait": the modal, and subject, are shared
        if node.head is node:
            return None
        node = node.head
    return None


#: Who a pronoun or noun points at in a follow-up: the reader (and the reader's side).
READER_WORDS = frozenset("you your yours yourself yourselves u ur".split())
#: The writer.
WRITER_WORDS = frozenset("i me my mine myself i'm i've i'd i'll".split())
#: Nobody on the reader's side ("no one has replied", "nobody got back to me").
NOBODY_WORDS = frozenset("nobody noone none".split())
#: Frames that soften what follows: "if you haven't decided", "I understand you are busy".
_SOFTENING_MARKS = frozenset("if unless whether when once since though although because as".split())
_SOFTENING_HEADS = frozenset(
    "understand know realize realise appreciate hope imagine recognize recognise "
    "expect wonder".split()
)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary at or above ``token`` (up to six steps), or None."""
    node = token
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def hyphenated(token: Token) -> bool:
    """True when a hyphen joins ``token`` to the next word ("apology-letter",
    "horoscope-based"): the word is a modifier, not a thing of its own."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text in {"-", "\u2010"}


#: Words a writer thanks with: "thanks for ...", "thank you for ...".
THANKS_WORDS = frozenset({"thanks", "thank", "thx"})


def thanked_for(sentence) -> list[Token]:
    """What the sentence thanks the reader for: the words after a 'for' that depends on a
    word of thanks ("thanks for getting back to me" -> getting)."""
    return [done for token in sentence if token.lower_ == "for"
            and token.head.lower_ in THANKS_WORDS for done in token.children]


def is_question(sentence) -> bool:
    """True when the sentence asks something (a question mark at its end)."""
    text = sentence.text.rstrip()
    return text.endswith("?") or text.endswith("?!") or text.endswith("!?")


def is_negated(verb: Token) -> bool:
    """True when ``verb`` (or its auxiliaries) carries a negation, or its subject is 'nobody'."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in {"never", "not", "n't", "nt"}:
            return True
        if child.dep_ in {"nsubj", "nsubjpass"} and (
            child.lower_ in NOBODY_WORDS
            or (child.lower_ == "one" and child.i > 0 and child.nbor(-1).lower_ == "no")
        ):
            return True
    return False


def is_softened(verb: Token) -> bool:
    """True when ``verb`` sits in a conditional or concessive clause, or under a verb of
    understanding ("I understand you haven't decided", "if you haven't had a chance")."""
    node = verb
    for _ in range(_MAX_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ in _SOFTENING_MARKS for c in node.children):
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ in {"when", "once"}
                                        for c in node.children):
            return True
        if node.head is node:
            return False
        if node.dep_ in {"ccomp", "xcomp", "advcl"} and \
                node.head.lemma_.lower() in _SOFTENING_HEADS:
            return True
        node = node.head
    return False


def party(token: Token | None) -> str | None:
    """'reader', 'writer', 'nobody' or None for what a subject token points at."""
    if token is None:
        return None
    lower = token.lower_
    if lower in READER_WORDS:
        return "reader"
    if lower in WRITER_WORDS or lower == "we":
        return "writer"
    if lower in NOBODY_WORDS or (lower == "one" and token.i > 0 and token.nbor(-1).lower_ == "no"):
        return "nobody"
    for child in token.children:  # "your team", "your recruiter"
        if child.dep_ == "poss" and child.lower_ in READER_WORDS:
            return "reader"
    return None


#: Words that point at the reader's side: the reader, the company and its people.
THEIR_SIDE = frozenset(
    "you your yours they them their company firm organization organisation team hr "
    "recruiter recruiters interviewer interviewers manager managers management department "
    "process response email letter people everyone anyone candidates applicants "
    "interviewees others it this that interview panel system coordinator link test "
    "assessment phone".split()
)
def aimed_at_their_side(token: Token, sentence) -> bool:
    """True when an insult word describes the reader's side, not the writer or the work."""
    words = {t.lower_ for t in sentence}
    if not words & THEIR_SIDE:
        return False
    node = token
    for _ in range(6):  # up to the clause that says who is being described
        if node.pos_ in {"VERB", "AUX"}:
            break
        if node.head is node:
            break
        if any(c.dep_ == "poss" and c.lower_ in {"your", "their"} for c in node.children):
            return True  # "your cookie-cutter response"
        node = node.head
    if node.pos_ in {"VERB", "AUX"}:
        if is_negated(node) or any(c.dep_ == "neg" for c in token.children):
            return False
        who = party(subject_of(node))
        if who == "writer":
            return any(c.dep_ == "poss" and c.lower_ in {"your", "their"} for c in token.children)
    return True


class Sentence(list):
    """A body sentence as a list of the Draft's own Token objects (iterating a spaCy Span
    makes new Token objects each time; the tone checks walk each sentence many times),
    with the Span's offsets, text and root, and the sets of its lowercase words and
    lemmas: a check looks there first and walks the tokens only when its words occur."""

    def __init__(self, span, tokens, doc_text: str) -> None:
        super().__init__(tokens)
        self.start, self.end = span.start, span.end
        self.start_char, self.end_char = span.start_char, span.end_char
        self.text = doc_text[span.start_char:span.end_char]  # = span.text, no Tokens made
        self._span = span
        self.lowers = frozenset(t.lower_ for t in tokens)
        self.lemmas = frozenset(t.lemma_.lower() for t in tokens)

    @cached_property
    def root(self):
        """The sentence's syntactic root (found when first asked: few checks need it)."""
        return self._span.root


def body_sentences(draft) -> list[Sentence]:
    """The draft's body sentences as :class:`Sentence` lists (``Draft.body_sentence_lists``,
    built once per draft: every tone rule walks them)."""
    return draft.body_sentence_lists


def sentence_lists(draft) -> list[Sentence]:
    """Build :class:`Sentence` lists for the draft's body sentences."""
    tokens, text = draft.tokens, draft.doc_text
    return [Sentence(span, tokens[span.start:span.end], text) for span in draft.body_sentences]
