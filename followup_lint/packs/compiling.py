"""Compile every data rule's match groups into shared matchers, once per pipeline.

Running each rule's matchers separately would walk every draft once per rule, so the
groups of all rules share one PhraseMatcher per attribute and a few Matchers; per draft
the shared matchers run once (:meth:`CompiledMatchers.hits`, memoised for the draft in
hand) and each data rule's ``run`` picks its own hits out of the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import product
from typing import TYPE_CHECKING, Any

import numpy as np

from followup_lint.errors import RulePackError
from followup_lint.model import Suggestion
from followup_lint.prefilter import Prefiltered, prefiltered
from followup_lint.rule import Hit

if TYPE_CHECKING:
    from spacy.matcher import Matcher, PhraseMatcher

    from followup_lint.draft import Draft
    from followup_lint.nlp import Pipeline
    from followup_lint.packs.schema import MatchGroup, RuleSpec


@dataclass(frozen=True)
class CompiledGroup:
    """A match group ready to run, keyed back to its rule."""

    rule: RuleSpec
    group: MatchGroup
    regex: re.Pattern[str] | Prefiltered | None


@dataclass
class CompiledMatchers:
    """PhraseMatchers and Matchers for all enabled data rules, built once per Linter.

    Every token pattern is tried at every token, so patterns are grouped by the words a
    match cannot do without (their anchors): one set per required token, and a Matcher
    runs only on drafts holding a word of every set.
    """

    #: (anchor sets as string hashes, Matcher, longest match in tokens or None when
    #: unbounded): the Matcher runs only on drafts holding a word of every anchor set, and
    #: only around the words of its rarest set when its matches are bounded.
    matchers: list[tuple[tuple[frozenset[int], ...], Matcher, int | None]]
    phrase_matcher: Callable[[Any], list[tuple[int, int, int]]]
    groups: dict[str, CompiledGroup]
    regex_groups: list[CompiledGroup]
    _last: tuple[Draft, dict[str, list[Hit]]] | None = field(default=None, repr=False)

    def token_matches(self, doc: Any, forms: np.ndarray, windows: bool = True
                      ) -> list[tuple[int, int, int]]:
        """Matches of the token patterns whose anchor words occur in ``forms`` (the Doc's
        ORTH, LOWER, NORM and LEMMA hashes, one row per token).

        With ``windows``, a Matcher whose matches are at most ``n`` tokens long runs only on
        the windows of ``n`` tokens either side of the words of its rarest anchor set:
        every match holds one of them, and a Matcher walks every token of what it is given.
        """
        found: list[tuple[int, int, int]] = []
        positions = self._anchor_positions(forms)
        present = set(positions)
        for index in self._candidates(present):
            anchors, matcher, longest = self.matchers[index]
            if not all(not anchor.isdisjoint(present) for anchor in anchors):
                continue
            if not windows or longest is None or not anchors:
                found.extend(matcher(doc))
                continue
            where = min(([i for form in anchor for i in positions.get(form, ())]
                         for anchor in anchors), key=len)
            for start, end in _windows(sorted(set(where)), longest, len(doc)):
                found.extend((key, start + s, start + e) for key, s, e in matcher(doc[start:end]))
        return found

    def _candidates(self, present: set[int]) -> list[int]:
        """Indices (in order) of the Matchers that hold a word of ``present`` in their first
        anchor set, and those without anchors: only these can pass the anchor test."""
        unanchored, by_word = self._first_anchors
        return sorted({i for form in present for i in by_word.get(form, ())}.union(unanchored))

    @cached_property
    def _first_anchors(self) -> tuple[tuple[int, ...], dict[int, tuple[int, ...]]]:
        """The Matchers without anchors, and the Matchers by each word of their first anchor
        set (a Matcher runs only when a word of every set is present, the first included)."""
        by_word: dict[int, list[int]] = {}
        for index, (anchors, _, _) in enumerate(self.matchers):
            for form in anchors[0] if anchors else ():
                by_word.setdefault(form, []).append(index)
        unanchored = tuple(i for i, (anchors, _, _) in enumerate(self.matchers) if not anchors)
        return unanchored, {form: tuple(found) for form, found in by_word.items()}

    def _anchor_positions(self, forms: np.ndarray) -> dict[int, list[int]]:
        """The token indices of every anchor word present, by its hash (one binary search
        of every form in the sorted anchor hashes: numpy's ``isin`` and Python sets of
        64-bit hashes both cost several times more)."""
        positions: dict[int, list[int]] = {}
        hashes = self.anchor_hashes
        if not len(hashes) or not forms.size:
            return positions
        flat = forms.ravel()
        at = np.searchsorted(hashes, flat)
        found = np.flatnonzero(hashes[np.minimum(at, len(hashes) - 1)] == flat)
        width = forms.shape[1]
        for k, form in zip(found.tolist(), flat[found].tolist()):
            row = k // width
            seen = positions.setdefault(form, [])
            if not seen or seen[-1] != row:
                seen.append(row)
        return positions

    @cached_property
    def anchor_hashes(self) -> np.ndarray:
        """Every anchor word of every Matcher, as string hashes."""
        every = {form for anchors, _, _ in self.matchers for anchor in anchors for form in anchor}
        return np.fromiter(sorted(every), dtype=np.uint64)

    def hits(self, draft: Draft, rule_id: str) -> list[Hit]:
        """The hits of ``rule_id``'s match groups on ``draft`` (all rules' matchers run once
        per draft; the Linter lints one draft at a time)."""
        if self._last is None or self._last[0] is not draft:
            self._last = (draft, self._all_hits(draft))
        return self._last[1].get(rule_id, [])

    def _all_hits(self, draft: Draft) -> dict[str, list[Hit]]:
        found: dict[str, list[Hit]] = {}
        doc = draft.doc
        strings = doc.vocab.strings
        text = draft.doc_text
        matches = self.token_matches(doc, draft.form_array) + self.phrase_matcher(doc)
        for match_id, start, end in matches:
            compiled = self.groups[strings[match_id]]
            span = doc[slice(*compiled.group.focus_tokens(start, end))]
            hit = group_hit(compiled.group, span.start_char, span.end_char,
                            text[span.start_char:span.end_char])  # = span.text, no Tokens made
            if keeps(draft, compiled.group, hit):
                found.setdefault(compiled.rule.id, []).append(hit)
        for compiled in self.regex_groups:
            assert compiled.regex is not None
            group = compiled.group
            where = set(group.sections or compiled.rule.sections)
            for section in draft.layout.sections:
                if section.name not in where:
                    continue
                for match in compiled.regex.finditer(draft.plain, section.start, section.end):
                    if match.end() > match.start():
                        replacement = None
                        if group.replacement is not None:
                            # Expand against what the writer typed (curly quotes kept) when
                            # the pattern matches it there too.
                            typed = compiled.regex.fullmatch(draft.text, match.start(),
                                                             match.end())
                            replacement = (typed or match).expand(group.replacement)
                        hit = group_hit(group, match.start(), match.end(), match.group(),
                                        replacement)
                        if keeps(draft, group, hit):
                            found.setdefault(compiled.rule.id, []).append(hit)
        return found


def group_hit(group: MatchGroup, start: int, end: int, excerpt: str,
              replacement: str | None = None) -> Hit:
    """The Hit for a match of ``group``: its message, severity and suggested replacement
    (capitalised like the matched words)."""
    suggestions: tuple[Suggestion, ...] = ()
    replacement = group.replacement if replacement is None else replacement
    if replacement is not None:
        if excerpt[:1].isupper() and replacement[:1].islower():
            replacement = replacement[:1].upper() + replacement[1:]
        suggestions = (Suggestion(replacement=replacement, safe=group.safe),)
    return Hit(start, end, group.message, group.severity, suggestions)


def keeps(draft: Draft, group: MatchGroup, hit: Hit) -> bool:
    """The group's own filters: its sections, sentence words and specificity."""
    if group.sections and draft.section_of(hit.start) not in group.sections:
        return False
    if not (group.sentence_has or group.sentence_lacks or group.unless_specific != "never"):
        return True
    sentence = draft.sentence_at(hit.start)
    if group.sentence_has or group.sentence_lacks:
        words = {t.lower_ for t in sentence} if sentence is not None else set()
        if group.sentence_has and not words & set(group.sentence_has):
            return False
        if words & set(group.sentence_lacks):
            return False
    if group.unless_specific == "never":
        return True
    if group.unless_specific == "draft":
        return draft.specificity.count == 0
    return sentence is None or not draft.specificity.sentence_is_specific(sentence)


def group_key(rule: RuleSpec, index: int) -> str:
    """The match id of a rule's group inside the shared matchers."""
    return f"{rule.id}#{index}"


def compile_matchers(rules: Iterable[RuleSpec], pipeline: Pipeline) -> CompiledMatchers:
    """Compile all match groups of ``rules`` for ``pipeline``'s vocabulary.

    Pattern groups that read annotations the pipeline lacks (e.g. LEMMA in blank mode)
    are left out; the engine reports their rules as degraded.
    """
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

    nlp = pipeline.nlp
    matchers: list[tuple[tuple[frozenset[int], ...], Matcher]] = []
    phrase_matchers = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in _PHRASE_ATTRIBUTES}
    groups: dict[str, CompiledGroup] = {}
    regex_groups: list[CompiledGroup] = []
    for rule in rules:
        for index, group in enumerate(rule.match):
            key = group_key(rule, index)
            compiled_regex = None
            if group.kind == "regex":
                flags = 0
                for flag in group.flags:
                    flags |= getattr(re, flag)
                # Searched in every draft: a literal the expression needs is looked
                # for first (followup_lint.prefilter), even a single character.
                compiled_regex = prefiltered(re.compile(group.regex or "", flags),
                                             min_literal=1)
            groups[key] = CompiledGroup(rule, group, compiled_regex)
            if group.kind == "phrase":
                docs = list(nlp.tokenizer.pipe(group.phrases))
                phrase_matchers[group.attr].add(key, docs)
            elif group.kind == "pattern":
                if not group.needs <= pipeline.capabilities:
                    continue
                token_patterns = []
                for pattern in group.patterns:
                    phrases = as_phrases(pattern)
                    if phrases is None:
                        token_patterns.append(pattern)
                        continue
                    attribute, sequences = phrases
                    phrase_matchers[attribute].add(key, [
                        Doc(nlp.vocab, words=list(words),
                            lemmas=list(words) if attribute == "LEMMA" else None)
                        for words in sequences
                    ])
                # One Matcher per anchor set: a pattern only runs on drafts holding its anchor.
                by_anchor: dict[tuple[frozenset[str], ...], list[list[dict[str, Any]]]] = {}
                for pattern in token_patterns:
                    by_anchor.setdefault(pattern_anchors(pattern), []).append(pattern)
                for anchors, patterns in by_anchor.items():
                    matcher = Matcher(nlp.vocab, validate=True)
                    try:
                        matcher.add(key, patterns)
                    except (ValueError, KeyError) as exc:
                        raise RulePackError(
                            f"{rule.source}: match[{index}].patterns: {exc}") from None
                    hashes = tuple(frozenset(nlp.vocab.strings.add(w) for w in anchor)
                                   for anchor in anchors)
                    lengths = [pattern_length(pattern) for pattern in patterns]
                    longest = None if None in lengths else max(lengths)  # type: ignore[type-var]
                    matchers.append((hashes, matcher, longest))
            else:
                regex_groups.append(groups[key])
    return CompiledMatchers(
        matchers=matchers,
        phrase_matcher=_merge_phrase_matchers(phrase_matchers),
        groups=groups,
        regex_groups=regex_groups,
    )


#: Token attributes a PhraseMatcher can match on.
_PHRASE_ATTRIBUTES = frozenset({"ORTH", "LOWER", "NORM", "LEMMA"})
#: Largest number of phrases one token pattern may expand into.
_MAX_EXPANSION = 500


def as_phrases(pattern: list[dict[str, Any]]) -> tuple[str, list[tuple[str, ...]]] | None:
    """A pattern of plain words (one attribute, literal or ``IN`` values, no operators) as
    the list of word sequences it matches, or None when it needs the Matcher.

    The Matcher tests every pattern against every token with Python-level predicate
    calls; the PhraseMatcher finds the same spans with one hash lookup per token.
    """
    attribute = None
    choices: list[list[str]] = []
    for token_spec in pattern:
        if len(token_spec) != 1:
            return None
        (key, value), = token_spec.items()
        if key not in _PHRASE_ATTRIBUTES or attribute not in (None, key):
            return None
        attribute = key
        if isinstance(value, str):
            choices.append([value])
        elif isinstance(value, dict) and list(value) == ["IN"] and all(
            isinstance(v, str) for v in value["IN"]
        ):
            choices.append(list(value["IN"]))
        else:
            return None
    size = 1
    for options in choices:
        size *= len(options)
    if attribute is None or size > _MAX_EXPANSION:
        return None
    return attribute, list(product(*choices))


def pattern_length(pattern: list[dict[str, Any]]) -> int | None:
    """The most tokens a match of ``pattern`` can span; None when unbounded ("*", "+")."""
    total = 0
    for token_spec in pattern:
        op = str(token_spec.get("OP", "1"))
        if op in {"*", "+"} or op.endswith(",}"):
            return None
        bounds = re.fullmatch(r"\{(\d*),?(\d*)\}", op)
        total += int(bounds.group(2) or bounds.group(1) or 0) if bounds else 1
    return total


def _windows(where: list[int], longest: int, length: int) -> list[tuple[int, int]]:
    """Merged token windows [start, end) reaching ``longest`` tokens either side of each
    position in ``where`` (sorted), inside a Doc of ``length`` tokens."""
    windows: list[tuple[int, int]] = []
    for position in where:
        start, end = max(0, position - longest + 1), min(length, position + longest)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def pattern_anchors(pattern: list[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """For each required token with literal word values (LOWER, NORM, LEMMA, ORTH), the
    set of those values: a draft can only match when it holds a word of every set.

    Empty when no token has literal values (the pattern then always runs).
    """
    anchors: list[frozenset[str]] = []
    for token_spec in pattern:
        if "OP" in token_spec and token_spec["OP"] not in {"+", "1"}:
            continue
        for key in ("LOWER", "NORM", "LEMMA", "ORTH", "TEXT"):
            value = token_spec.get(key)
            if isinstance(value, str):
                anchors.append(frozenset({value}))
                break
            if isinstance(value, dict) and isinstance(value.get("IN"), list):
                anchors.append(frozenset(str(v) for v in value["IN"]))
                break
    return tuple(sorted(set(anchors), key=sorted))


def _merge_phrase_matchers(
    by_attr: dict[str, PhraseMatcher],
) -> Callable[[Any], list[tuple[int, int, int]]]:
    """Return a callable running each non-empty PhraseMatcher (one per attribute)."""
    active = [m for m in by_attr.values() if len(m)]

    def run(doc: Any) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        for phrase_matcher in active:
            found.extend(phrase_matcher(doc))
        return found

    return run
