"""Small readings of the dependency parse shared by several checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_PLEASE = frozenset({"please", "pls", "plz", "kindly"})
#: How far up the tree a subject is looked for ("I would be glad to help" -> "I").
_MAX_CLIMB = 8


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb`` or of the words it depends on; None for an imperative.

    "I would be glad to help" -> "I"; "I have an offer and need to reply" -> "I" (the
    coordinated verb shares the subject); "..., but please let me know" -> None (an
    imperative: a 'please', or a coordinated verb in its base form, starts a new request).
    """
    node = verb
    for _ in range(_MAX_CLIMB):
        if any(c.lower_ in _PLEASE for c in node.children):
            return None
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass", "expl"}:
                return child
        if node.dep_ == "conj" and node.tag_ == "VB":
            return None
        if node.head is node:
            return None
        node = node.head
    return None
