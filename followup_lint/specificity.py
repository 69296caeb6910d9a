"""Specific details of a draft: what makes it fit one interview and no other.

Two kinds of detail are told apart, because the advice asks for both:

* **named** -- something that identifies the interview: a proper name, a number or
  date, a job title, the Context's company, role or interviewer;
* **discussed** -- a concrete subject of the conversation: a project, tool, product,
  process or responsibility (a noun that is not one of the stock words every
  follow-up uses, such as "opportunity", "position" or "team"; those are listed in
  ``rules/vocabulary/generic-nouns.txt``).

Only the subject line and the body count: a name in the greeting or the signature
says nothing about the interview.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from followup_lint.dates import DATE_WORDS
from followup_lint.lexicon import spellchecker, word_list
from followup_lint.templates import slot_meaning

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from followup_lint.draft import Draft

DetailKind = Literal["named", "discussed"]
#: Nouns for a part of the employer; a word naming which one is not a subject discussed.
_ORG_UNITS = frozenset("team department group unit division staff crew side office org".split())
#: Verbs of a change in amount: what they change is a figure discussed, even a job title
#: ("the charity doubled its volunteer drivers").
_CHANGE_VERBS = frozenset("double triple halve treble quadruple".split())
#: Nouns a job title is written before: "the welding role", "the line cook opening".
_ROLE_SLOTS = frozenset(
    "role position job opening post vacancy opportunity apprenticeship internship traineeship "
    "placement fellowship residency secondment clerkship".split())
#: Words before a role slot that belong to the title: nouns joined as compounds, and
#: modifiers the parser reads as adjectives or nominal modifiers ("the teaching assistant
#: role", "the accounts payable clerk role").
_TITLE_LINKS = frozenset("compound amod nmod".split())
#: Nouns for something a person said; with a that-clause they report its content ("your
#: point that case notes are written for the child who may read them"): a detail, though
#: the noun alone is a stock word.
_REMARKS = frozenset("point comment remark observation suggestion idea insight view "
                     "explanation reminder argument belief".split())

# Capitalised words that name nothing: greetings, titles, stock words of any email.
_NOT_NAMES = frozenset(
    "i thank thanks hi hello dear mr mrs ms miss dr prof sir madam best regards sincerely "
    "hiring human resources hr ok okay".split()
)
_NAME_STOP = frozenset("inc llc ltd corp co company group the and of for a an".split())
_WORD = re.compile(r"[a-z0-9]+")
#: Units a number dates or times a thing by, rather than counting a subject.
_NOUN_ENDING = re.compile(r"(?:ment|tion|sion)s?$")
#: Words for a change from one thing to another, noun or verb ("the move from", "migrate
#: to").
_CHANGES = frozenset("move migration switch transition shift upgrade conversion change "
                     "migrate".split())
#: Nouns for a piece of work, named by the gerund before them ("the rewiring job").
_WORK_NOUNS = frozenset("job project work task contract".split())
_CALENDAR = frozenset("day week month year am pm o'clock th st nd rd".split())


@dataclass(frozen=True)
class Detail:
    """One specific detail and where it is."""

    kind: DetailKind
    text: str
    start: int
    end: int


@dataclass
class Specificity:
    """Everything the specificity rules and metrics need, computed once per draft."""

    details: list[Detail] = field(default_factory=list)
    discussed_known: bool = True  # False in blank mode: nouns cannot be told from verbs
    company_named: bool | None = None  # None: no company in the Context
    role_named: bool | None = None
    topics_missing: list[str] = field(default_factory=list)
    _start_cache: list[int] = field(default_factory=list, repr=False)

    @property
    def named(self) -> set[str]:
        """Distinct named details (lowercased)."""
        return {d.text.lower() for d in self.details if d.kind == "named"}

    @property
    def discussed(self) -> set[str]:
        """Distinct discussed subjects (lowercased)."""
        return {d.text.lower() for d in self.details if d.kind == "discussed"}

    @property
    def count(self) -> int:
        """Number of distinct details of either kind."""
        return len(self.named | self.discussed)

    def in_span(self, start: int, end: int) -> bool:
        """True when any detail lies inside [start, end) (details are sorted by start)."""
        index = bisect_left(self._starts, start)
        while index < len(self.details) and self.details[index].start < end:
            if self.details[index].end <= end:
                return True
            index += 1
        return False

    @property
    def _starts(self) -> list[int]:
        if len(self._start_cache) != len(self.details):
            self._start_cache = [d.start for d in self.details]
        return self._start_cache

    def sentence_is_specific(self, sentence: Span) -> bool:
        """True when the sentence itself names a detail."""
        return self.in_span(sentence.start_char, sentence.end_char)


#: Adverbs that grade adjectives, never nouns.
_GRADING = frozenset("even much far still very so too less more".split())


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _significant(phrase: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(phrase.lower()) if len(w) > 1 and w not in _NAME_STOP]


def _figure(token: Token) -> DetailKind | None:
    """A number counting something ("two hours to fifteen minutes", "30 %", "40 beds") is
    a figure from the conversation; one counting days or years only dates or times it."""
    if not token.like_num or token.dep_ != "nummod" or token.lower_ in {"one", "1"}:
        return None
    head = token.head.lemma_.lower()
    return "named" if head in DATE_WORDS or head in _CALENDAR else "discussed"


def _classify(token: Token, draft: Draft, generic: frozenset[str], roles: frozenset[str],
              sentence_start: bool) -> DetailKind | None:
    if "dep" in draft.capabilities and (figure := _figure(token)) is not None:
        return figure
    if token.is_stop or token.is_punct or token.is_space:
        return None
    text = token.text
    lower = token.lower_
    if not token.is_alpha:
        if any(c.isdigit() for c in text):
            return "named"
        if not any(c.isalpha() for c in text):
            return None
    if lower in DATE_WORDS:
        return "named"
    if lower.rstrip(".") in _NOT_NAMES:
        return None
    capitalised = not text.islower()
    if "pos" in draft.capabilities:
        pos = token.pos_
        if pos == "ADJ" and token.dep_ == "amod" and _NOUN_ENDING.search(lower):
            pos = "NOUN"  # "deployment time": a noun the tagger read as an adjective
        elif pos == "PROPN" and not capitalised:
            pos = "NOUN"  # "the Zendesk macros": a common noun read as part of a name
        elif token.tag_ == "VBG" and token.dep_ == "amod" and \
                token.head.lemma_.lower() in _WORK_NOUNS:
            return "discussed"  # "the rewiring job": the work itself
        if pos != "PROPN" and pos != "NOUN":
            return None
        lemma = token.lemma_.lower() if "lemma" in draft.capabilities else lower
        if pos == "PROPN" and capitalised:
            if lemma in generic or _stem(lower) in generic:
                return None
            return "discussed" if _names_a_thing(token, roles) else "named"
        if pos == "NOUN" and any(c.dep_ == "advmod" and c.lower_ in _GRADING
                                 for c in token.children):
            return None  # "it made me even keener": an adjective the tagger read as a noun
        if pos == "NOUN" and token.is_alpha and len(text) > 2:
            if token.dep_ == "dobj" and token.head.lemma_.lower() in _CHANGE_VERBS:
                return "discussed"
            if lemma in _REMARKS and _reports_a_claim(token):
                return "discussed"
            if lemma in generic or lower in generic or _stem(lower) in generic:
                return None
            if token.dep_ == "compound" and token.head.lemma_.lower() in _ORG_UNITS:
                return None  # "the design team": which team, not what was discussed
            head, titled = token, False
            while head.dep_ in _TITLE_LINKS and head.head is not head:
                head = head.head
                titled = titled or head.lemma_.lower() in roles  # "delivery driver job"
            if head is not token and (head.lemma_.lower() in roles or
                                      head.lemma_.lower() in _ROLE_SLOTS):
                if head.lemma_.lower() == "job" and lemma not in roles and not titled:
                    return "discussed"  # "the rewiring job": a piece of work, not a title
                return "named"  # "the welding role", "data analyst": the job's title
            checker = spellchecker()
            if lower not in checker and lemma not in checker:
                return None  # a typo or texting form says nothing about the interview
            return "named" if lemma in roles else "discussed"
        return None
    # Blank mode: a capitalised word inside a sentence is the best guess at a name.
    if capitalised and not sentence_start and lower not in generic and token.is_alpha:
        return "named"
    return None


def _reports_a_claim(token: Token) -> bool:
    """'Your point that ...', 'the comment that ...': the noun has a clause with 'that'."""
    return any(c.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that"
                                       for m in c.children) for c in token.children)


def _names_a_thing(token: Token, roles: frozenset[str]) -> bool:
    """A proper noun in front of a common noun names a thing discussed, not a person:
    "Figma libraries", "the Harbour Street roof job", "the Leeds and York branches" --
    unless that noun is a job or a part of the employer ("the Paralegal position", "the
    Acme team"), which the name only identifies. So does a name a change is made from or
    to ("the move from Jenkins to GitHub Actions"): people are not migrated."""
    if token.dep_ == "pobj" and token.head.lower_ in {"from", "to", "onto", "into"} and \
            token.head.head.lemma_.lower() in _CHANGES:
        return True
    while token.dep_ in {"conj", "compound", "nmod"} and token.head is not token:
        token = token.head
        if token.pos_ == "NOUN":
            lemma = token.lemma_.lower()
            return not (lemma in roles or lemma in _ORG_UNITS or
                        (lemma in _ROLE_SLOTS and lemma != "job"))
    return False


def analyse(draft: Draft) -> Specificity:
    """Find the draft's specific details and which Context facts it mentions."""
    generic = word_list("generic-nouns.txt")
    roles = word_list("role-nouns.txt")
    result = Specificity(discussed_known="pos" in draft.capabilities)
    prose_sections = ("subject", "body")
    for token, section in zip(draft.tokens, draft.token_sections):
        if section not in prose_sections:
            continue
        if draft.in_placeholder(token.idx, token.idx + len(token)):
            continue
        kind = _classify(token, draft, generic, roles, token.is_sent_start is True or token.i == 0)
        if kind is not None:
            result.details.append(Detail(kind, token.text, token.idx, token.idx + len(token)))
    meanings: set[str] = set()
    if draft.mode == "template":
        # A slot counts as the detail it stands for: [topic discussed] will be filled with
        # a subject of the conversation. Slots for the company, the role or a person's
        # name are filled in every copy of every template, so they make none specific.
        for start, end in draft.placeholders:
            if draft.section_of(start) in prose_sections:
                meaning = slot_meaning(draft.text[start:end])
                meanings.add(meaning)
                if meaning in {"company", "role", "person"}:
                    continue
                kind: DetailKind = "discussed" if meaning == "discussed" else "named"
                result.details.append(Detail(kind, draft.text[start:end], start, end))
    _match_context(draft, result, prose_sections)
    if "company" in meanings and result.company_named is False:
        result.company_named = True
    if "role" in meanings and result.role_named is False:
        result.role_named = True
    if "discussed" in meanings:
        result.topics_missing.clear()
    result.details.sort(key=lambda d: d.start)
    return result


def _match_context(draft: Draft, result: Specificity, sections: tuple[str, ...]) -> None:
    context = draft.context
    if context is None:
        return
    spans = draft.layout.spans(*sections)
    words: dict[str, tuple[int, int]] = {}
    for span in spans:
        for match in _WORD.finditer(draft.plain[span.start:span.end].lower()):
            words.setdefault(_stem(match.group()), (span.start + match.start(),
                                                    span.start + match.end()))

    def mention(phrase: str, need_all_but_one: bool) -> tuple[int, int] | None:
        parts = _significant(phrase)
        if not parts:
            return None
        found = [words[p] for p in parts if p in words]
        enough = len(found) >= max(1, len(parts) - 1) if need_all_but_one else bool(found)
        return found[0] if enough else None

    if context.company:
        where = mention(context.company, need_all_but_one=False)
        result.company_named = where is not None
        if where:
            result.details.append(Detail("named", draft.text[where[0]:where[1]], *where))
    if context.role:
        where = mention(context.role, need_all_but_one=True)
        result.role_named = where is not None
        if where:
            result.details.append(Detail("named", draft.text[where[0]:where[1]], *where))
    for name in context.interviewers:
        where = mention(name, need_all_but_one=False)
        if where:
            result.details.append(Detail("named", draft.text[where[0]:where[1]], *where))
    for topic in context.topics:
        where = mention(topic, need_all_but_one=False)
        if where:
            result.details.append(Detail("discussed", draft.text[where[0]:where[1]], *where))
        else:
            result.topics_missing.append(topic)


def is_generic(draft: Draft) -> bool:
    """True when the body has prose but not one specific detail."""
    return bool(draft.body_tokens) and draft.specificity.count == 0
