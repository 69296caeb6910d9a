"""Literal prefilters for regular expressions: a plain substring test before the search.

Most sentences a tone reading searches hold none of the words its expression needs, and
a search with ``(?i)`` and dozens of alternatives walks every position of the sentence.
:func:`required_literals` reads from an expression's parse the strings every match must
contain (at least one of them): a run of literal characters, or, for alternatives, the
union of what each alternative needs. :class:`Prefiltered` tests those strings with
``in`` first and searches only when one occurs. The test is implied by the expression
itself (nothing is guessed), so the answers are the expression's own: a text the test
rejects has no match.

Literals of case-sensitive parts are looked for as written. Case-insensitive ones are
looked for in folded text (:func:`fold`): ASCII capitals lowered, and the four other
characters Python's ``re`` matches against an ASCII letter when it ignores case (dotted
and dotless I, the Kelvin sign, the long s) mapped to that letter. One character stays
one character, so a literal present in the text is present in its folded form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Characters ``re`` equates with an ASCII letter when it ignores case, and that letter.
_FOLD = {**{code: code + 32 for code in range(ord("A"), ord("Z") + 1)},
         0x130: ord("i"), 0x131: ord("i"), 0x212A: ord("k"), 0x17F: ord("s")}
#: Shortest literal worth testing: shorter ones occur in nearly every sentence.
MIN_LITERAL = 3
#: Most literals worth testing one by one.
MAX_LITERALS = 40

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_last: tuple[str, str] = ("", "")


def fold(text: str) -> str:
    """``text`` with every character ``re`` matches case-insensitively against an ASCII
    letter replaced by that letter in lowercase, and ASCII capitals lowered (same length)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    folded = text.lower() if text.isascii() else text.translate(_FOLD)
    _last = (text, folded)  # several expressions are searched in the same sentence
    return folded


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one (folded with
    :func:`fold` where the pattern ignores case), or None when the parse gives no such
    set (an alternative without a literal, a bytes pattern)."""
    found = _required(pattern)
    return None if found is None else frozenset(literal for literal, _ in found)


def _required(pattern: re.Pattern[str]) -> frozenset[tuple[str, bool]] | None:
    """``required_literals``, each with True when it is to be found in folded text."""
    if not isinstance(pattern.pattern, str):
        return None
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    return _needs(parsed, bool(parsed.state.flags & re.IGNORECASE))


Literals = frozenset[tuple[str, bool]]


def _needs(sequence: Any, ignore_case: bool) -> Literals | None:
    """What every match of the items in ``sequence`` (in order) must contain: the best of
    the sets each item, or each run of literal characters, requires."""
    best: Literals | None = None
    run: list[str] = []

    def consider(found: Literals | None) -> None:
        nonlocal best
        if found and (best is None or _score(found) > _score(best)):
            best = found

    def flush() -> None:
        if run:
            consider(frozenset({("".join(run), ignore_case)}))
            run.clear()

    for op, value in sequence:
        if op is _c.LITERAL:
            char = chr(value)
            if ignore_case and not char.isascii():
                flush()  # 'ß' or 'é' ignoring case: other characters match it
            else:
                run.append(char.translate(_FOLD) if ignore_case else char)
            continue
        if op in _REPEATS and value[0] >= 1 and len(value[2]) == 1 and \
                value[2][0][0] is _c.LITERAL and not (ignore_case and value[2][0][1] >= 128):
            low, high, ((_, code),) = value  # "!{2,}": the run goes on with two '!'
            char = chr(code)
            run.extend([char.translate(_FOLD) if ignore_case else char] * low)
            if high != low:
                flush()
            continue
        flush()  # every other item ends the run of literal characters
        if op is _c.SUBPATTERN:
            _group, add, remove, inner = value
            consider(_needs(inner, bool((ignore_case or add & re.IGNORECASE)
                                        and not remove & re.IGNORECASE)))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            consider(_needs(value, ignore_case))
        elif op is _c.BRANCH:
            alternatives = [_needs(branch, ignore_case) for branch in value[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, inner = value
            if low >= 1:
                consider(_needs(inner, ignore_case))
        # Assertions, classes, wildcards and back-references require no literal.
    flush()
    return best


#: Characters found in most prose: a literal made only of them is a weaker test.
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                    " \t\r\n.,;:'\"-!?")


def _score(literals: Literals) -> tuple[bool, int, int]:
    """Literals that each hold a rarer character ('(', '$', '<') first, then a longer
    shortest literal, then fewer literals."""
    rare = all(any(char not in _COMMON for char in literal) for literal, _ in literals)
    return rare, min(len(literal) for literal, _ in literals), -len(literals)


class Prefiltered:
    """A compiled expression that searches only texts holding one of its required
    literals; every other attribute is the expression's own."""

    __slots__ = ("regex", "exact", "folded")

    def __init__(self, regex: re.Pattern[str], literals: Literals):
        self.regex = regex
        by_length = sorted(literals, key=lambda item: -len(item[0]))
        #: Literals of case-sensitive parts, found as written; of the rest, in folded text.
        self.exact = tuple(literal for literal, folded in by_length if not folded)
        self.folded = tuple(literal for literal, folded in by_length if folded)

    def possible(self, text: str) -> bool:
        """False when ``text`` holds none of the required literals (no match possible)."""
        for literal in self.exact:
            if literal in text:
                return True
        if self.folded:
            folded = fold(text)
            for literal in self.folded:
                if literal in folded:
                    return True
        return False

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(text, *args) if self.possible(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.match(text, *args) if self.possible(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.fullmatch(text, *args) if self.possible(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, *args) if self.possible(text) else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        return self.regex.findall(text, *args) if self.possible(text) else []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.regex!r})"


def prefiltered(regex: re.Pattern[str], min_literal: int = MIN_LITERAL
                ) -> re.Pattern[str] | Prefiltered:
    """``regex`` behind a test of its required literals when it has a useful set (each at
    least ``min_literal`` characters, at most MAX_LITERALS of them), else ``regex`` itself.
    Searched once in a whole draft, even one rare character is worth testing first; in
    every sentence, shorter literals than MIN_LITERAL occur too often to pay."""
    literals = _required(regex)
    if not literals or len(literals) > MAX_LITERALS or \
            min(len(literal) for literal, _ in literals) < min_literal:
        return regex
    return Prefiltered(regex, literals)
