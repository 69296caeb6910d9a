"""STAGE 1: text -> Draft (one spaCy parse, email layout, placeholders, message kind).

The Draft is built once per text and every rule reads it. Offsets into the
original text are the single truth: the spaCy Doc covers ``text[:layout.parse_end]``
exactly (a trailing quoted history is not parsed, it is not the writer's prose).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from followup_lint.layout import PROSE_SECTIONS, Layout, read_layout
from followup_lint.metrics import measure
from followup_lint.model import Context, MessageKind, Metrics, Mode
from followup_lint.normalize import plain as plain_text
from followup_lint.prefilter import prefiltered
from followup_lint.specificity import Specificity, analyse
from followup_lint.templates import find_slots

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from followup_lint.nlp import Pipeline

#: Longest piece of text given to the parser at once; longer drafts are parsed in
#: paragraph-aligned chunks and joined, which keeps parser memory bounded.
CHUNK_CHARS = 20_000
#: Most characters parsed in one batch (in one process): a long draft's chunks go through
#: the parser a few at a time, so its peak memory does not grow with its length.
BATCH_CHARS = 64_000

#: A run of symbols (no letter, digit or space) at least this long becomes one token
#: before spaCy's tokenizer sees it: the tokenizer takes quadratic time on such runs, and
#: a rule of ``=`` or a wall of emoji is not prose for the parser either.
SYMBOL_RUN = 64
_SYMBOL_RUN = re.compile(r"[^\w\s]{%d,}" % SYMBOL_RUN)
#: UTF-16 surrogates: a ``str`` may hold them, but they are not text (no encoding has them).
_SURROGATE = re.compile("[\ud800-\udfff]")

# A reminder asks where things stand, or looks back at an earlier interview or message
# without thanking for it ("It has been a day since we spoke ... Thank you for making time"
# is a thank-you sent a day late, not a status check).
_STATUS_ASK = prefiltered(re.compile(
    r"(?i)\b(follow(ing)?[- ]up on (my|our|the)|checking in|check in (on|about|with)|"
    r"(thought|wanted) (i'?d|i would|to) check in|touch(ing)? base|"
    r"any (update|news)|an update on|status of (my|the)|where things stand|"
    r"(have|has) (there been|a decision)|made a decision|decision[- ]making process|"
    r"haven'?t heard|have not heard|not heard back)\b"
))
_LOOKING_BACK = prefiltered(re.compile(
    r"(?i)\b(since (we|i) (spoke|met|interviewed)|interviewed (on|last)|"
    r"(last|previous) (week|email|message|month)|(weeks?|days?) ago|"
    r"wanted to follow up(?!\s+(?:and|to|with)\s+(?:say|express|let|thank|a\s+thank)))\b"
))
_THANKS = re.compile(r"(?i)\b(thank(s| you)|grateful|appreciate[ds]?)\b")


@dataclass
class Draft:
    """One parsed email: the original text, its Doc, its layout and what is known about it."""

    text: str
    doc: Doc
    layout: Layout
    capabilities: frozenset[str]
    context: Context | None = None
    placeholders: list[tuple[int, int]] = field(default_factory=list)
    kind: MessageKind = "thank-you"
    kind_inferred: bool = True
    #: 'draft': a message about to be sent; 'template': a reusable template.
    mode: Mode = "draft"
    #: ``text`` with typographic characters in their plain forms, same length (what the
    #: parser and the regex rules read; see followup_lint.normalize).
    plain: str = ""

    def __post_init__(self) -> None:
        if len(self.plain) != len(self.text):
            self.plain = plain_text(self.text)

    def section_of(self, offset: int) -> str | None:
        """Name of the layout section containing ``offset``."""
        return self.layout.section_at(offset)

    @cached_property
    def doc_text(self) -> str:
        """The Doc's text: the parsed part of ``plain`` (``Doc.text`` would join every
        token's text; the Doc covers ``plain[:layout.parse_end]`` exactly)."""
        text = self.plain[:self.layout.parse_end]
        return text if len(text) == doc_chars(self.doc) else self.doc.text

    @cached_property
    def tokens(self) -> list[Token]:
        """The Doc's tokens, made once (iterating a Doc builds new Token objects each time)."""
        return list(self.doc)

    @cached_property
    def token_sections(self) -> list[str | None]:
        """The section of every token, by token index (one linear pass)."""
        sections = self.layout.sections
        names: list[str | None] = []
        k = 0
        for token in self.tokens:
            while k < len(sections) and sections[k].end <= token.idx:
                k += 1
            inside = k < len(sections) and sections[k].start <= token.idx
            names.append(sections[k].name if inside else None)
        return names

    def in_placeholder(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a placeholder such as ``[Company]``."""
        if not self.placeholders:
            return False
        index = bisect_right(self._placeholder_starts, start) - 1
        if index >= 0 and self.placeholders[index][1] > start:
            return True
        return index + 1 < len(self.placeholders) and self.placeholders[index + 1][0] < end

    @cached_property
    def _placeholder_starts(self) -> list[int]:
        return [p[0] for p in self.placeholders]

    @cached_property
    def sentences(self) -> list[Span]:
        """All sentences of the parse, in order (computed once: ``Token.sent`` rescans the Doc)."""
        return list(self.doc.sents) if len(self.doc) else []

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start_char for s in self.sentences]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing the character at ``offset`` (None outside the parse)."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index < 0 or offset >= self.sentences[index].end_char:
            return None
        return self.sentences[index]

    @cached_property
    def prose_tokens(self) -> list[Token]:
        """Tokens of the writer's own prose: subject, greeting, body and sign-off."""
        return [t for t, name in zip(self.tokens, self.token_sections) if name in PROSE_SECTIONS]

    @cached_property
    def prose_forms(self) -> frozenset[str]:
        """Lowercase words and lemmas of the writer's prose (for word-presence rules)."""
        forms = {t.lower_ for t in self.prose_tokens}
        if "lemma" in self.capabilities:
            forms |= {t.lemma_.lower() for t in self.prose_tokens}
        return frozenset(forms)

    @cached_property
    def body_tokens(self) -> list[Token]:
        """Tokens of the body paragraphs only."""
        return [t for t, name in zip(self.tokens, self.token_sections) if name == "body"]

    @cached_property
    def body_sentences(self) -> list[Span]:
        """Sentences that start inside the body."""
        return [s for s in self.sentences if self.section_of(s.start_char) == "body"]

    @cached_property
    def body_sentence_lists(self) -> list:
        """Body sentences as lists of this Draft's Token objects (see syntax.Sentence)."""
        from followup_lint.syntax import sentence_lists

        return sentence_lists(self)

    @cached_property
    def tone_scores(self) -> dict[int, tuple[float, ...]]:
        """The tone scorer's probabilities per body sentence start (computed once)."""
        from followup_lint.tonemodel import sentence_scores

        return sentence_scores(self)

    @cached_property
    def specificity(self) -> Specificity:
        """Specific details of the draft (computed once, shared by several rules)."""
        return analyse(self)

    @cached_property
    def form_array(self) -> np.ndarray:
        """ORTH, LOWER, NORM and LEMMA hashes of every token, one row per token (numpy,
        so a word can be looked for without making Token objects)."""
        from spacy.attrs import LEMMA, LOWER, NORM, ORTH

        return self.doc.to_array([ORTH, LOWER, NORM, LEMMA]).reshape(len(self.doc), 4)

    @cached_property
    def ties_experience(self) -> bool:
        """True when a body sentence ties the note to the writer's experience (computed
        once: the content rules and their calibration all ask)."""
        from followup_lint.content import ties_experience

        has_parse = {"lemma", "dep"} <= self.capabilities
        return any(ties_experience(s, has_parse) for s in self.body_sentences)

    @cached_property
    def content_gaps(self) -> frozenset[str]:
        """Which of thanks, enthusiasm, a tie to experience and a specific detail the note
        lacks (``content.content_gaps``, computed once)."""
        from followup_lint.content import content_gaps

        return frozenset(content_gaps(self))

    @cached_property
    def metrics(self) -> Metrics:
        """Word count, sentences, reading grade... (computed once, shared by rules and report)."""
        return measure(self)

    @property
    def has_parse(self) -> bool:
        """True when tags and a dependency parse are available (not blank mode)."""
        return {"pos", "dep"} <= self.capabilities


def find_placeholders(text: str, syntaxes: dict[str, str] | None = None
                      ) -> list[tuple[int, int]]:
    """Offsets of template slots such as ``[Name]``, ``{{company}}``, ``*|FNAME|*``, ``XXX``
    (the syntaxes of ``followup_lint.templates`` plus ``syntaxes``)."""
    return find_slots(text, syntaxes)


def infer_kind(text: str, layout: Layout) -> MessageKind:
    """Guess whether the draft is a thank-you or a reminder from its own prose."""
    prose = " ".join(text[s.start:s.end] for s in layout.spans("subject", "body"))
    if _STATUS_ASK.search(prose) or (_LOOKING_BACK.search(prose) and not _THANKS.search(prose)):
        return "reminder"
    return "thank-you"


def clean_text(text: str) -> str:
    """The text as linted: lone surrogates become U+FFFD (same length, offsets kept)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with each long run of symbols made one token beforehand
    (a space right after a run stays with it). The Doc's text is exactly ``text``."""
    runs = list(_SYMBOL_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    docs, at = [], 0
    for run in runs:
        if run.start() > at:
            docs.append(nlp.make_doc(text[at:run.start()]))
        at = run.end()
        space = text[at:at + 1] == " "
        at += space
        docs.append(Doc(nlp.vocab, words=[run.group()], spaces=[space]))
    if at < len(text):
        docs.append(nlp.make_doc(text[at:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def doc_chars(doc: Doc) -> int:
    """``len(doc.text)`` without joining the text: where the last token's text and
    trailing space end."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def _chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Split [0, len(text)) into pieces of at most ``limit`` chars, at paragraph breaks
    when possible."""
    bounds, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(separator)
            if cut > limit // 4:
                cut += len(separator)
                break
        if cut <= 0:
            cut = limit
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


def _mark_sentence_starts(doc: Doc, offset: int, starts: list[int]) -> None:
    """Force sentence boundaries at layout boundaries (greeting, paragraphs, sign-off).

    ``starts`` is sorted; only those inside this chunk are visited.
    """
    length = doc_chars(doc)
    first = bisect_right(starts, offset)
    last = bisect_right(starts, offset + length - 1)
    for start in starts[first:last]:
        local = start - offset
        span = doc.char_span(local, local + 1, alignment_mode="expand")
        if span is not None and len(span) and span[0].idx == local and span[0].i > 0:
            span[0].is_sent_start = True


def parse_drafts(
    pipeline: Pipeline,
    texts: Iterable[str],
    contexts: Iterable[Context | None],
    mode: Mode = "draft",
    *,
    batch_size: int = 32,
    n_process: int = 1,
    slot_syntaxes: dict[str, str] | None = None,
) -> Iterator[Draft]:
    """Parse many texts in one batched ``nlp.pipe`` stream, yielding Drafts in input order.

    ``slot_syntaxes`` adds template slot syntaxes (``Config.template_syntaxes``)."""
    from spacy.tokens import Doc

    nlp = pipeline.nlp
    pending: deque[tuple[str, str, Context | None, Layout, int]] = deque()

    def chunk_docs() -> Iterator[Doc]:
        for text, context in zip(texts, contexts):
            plain = plain_text(text)
            layout = read_layout(plain)
            starts = sorted({s.start for s in layout.sections} | set(layout.paragraph_starts))
            bounds = _chunk_bounds(plain[:layout.parse_end], CHUNK_CHARS)
            pending.append((text, plain, context, layout, len(bounds)))
            for start, end in bounds:
                doc = make_doc(nlp, plain[start:end])
                _mark_sentence_starts(doc, start, starts)
                yield doc

    def batches(docs: Iterator[Doc]) -> Iterator[list[Doc]]:
        batch: list[Doc] = []
        chars = 0
        for doc in docs:
            size = doc_chars(doc)
            if batch and (len(batch) >= batch_size or chars + size > BATCH_CHARS):
                yield batch
                batch, chars = [], 0
            batch.append(doc)
            chars += size
        if batch:
            yield batch

    if n_process == 1:
        parsed = (doc for batch in batches(chunk_docs())
                  for doc in nlp.pipe(batch, batch_size=len(batch)))
    else:
        parsed = nlp.pipe(chunk_docs(), batch_size=batch_size, n_process=n_process)
    while True:
        try:
            first = next(parsed)
        except StopIteration:
            return
        text, plain, context, layout, n_chunks = pending.popleft()
        chunks = [first] + [next(parsed) for _ in range(n_chunks - 1)]
        doc = chunks[0] if n_chunks == 1 else Doc.from_docs(chunks, ensure_whitespace=False)
        placeholders = find_placeholders(text, slot_syntaxes)
        if context is not None and context.kind is not None:
            kind, inferred = context.kind, False
        else:
            kind, inferred = infer_kind(plain, layout), True
        yield Draft(
            text=text,
            plain=plain,
            doc=doc,
            layout=layout,
            capabilities=pipeline.capabilities,
            mode=mode,
            context=context,
            placeholders=placeholders,
            kind=kind,
            kind_inferred=inferred,
        )
