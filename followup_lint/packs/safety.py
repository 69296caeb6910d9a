"""The run-time budget of pack patterns: reject, at load, what can take too long.

Python's ``re`` and spaCy's Matcher have no timeout, so a pack's regexes and token
patterns are checked before they are compiled. Each test is conservative (it may refuse
a pattern that would have been fine) and names the reason, so the author can rewrite it:

* a repeat around a body that can split the same text in several ways: an inner open
  repeat with no fixed delimiter it cannot consume (``(a+)+``, ``(?:.+?,)+!``), or
  alternatives that can start with the same character (``(a|aa)+$``);
* a chain of more than :data:`MAX_CHAINED_REPEATS` open repeats that can take the same
  characters (eight ``\\w*`` in a row, ``(\\w)\\1*(\\w)\\2*...``): polynomial backtracking;
* token patterns with more than :data:`MAX_TOKEN_WILDCARDS` wildcard tokens, more than
  :data:`MAX_TOKEN_REPEATS` repeated tokens, or a ``{n,m}`` bound over
  :data:`MAX_TOKEN_BOUND` (six wildcards took 54 s on 40 words; ``{1,100000}`` 17 GB).
"""

from __future__ import annotations

from typing import Any

try:  # the regex parser moved in Python 3.11
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Open repeats in a row that may take the same characters (``[!?]*!!+[!?]*`` is three).
MAX_CHAINED_REPEATS = 3
#: Tokens per pattern that match any token and repeat (``{"OP": "*"}``).
MAX_TOKEN_WILDCARDS = 2
#: Tokens per pattern with ``*``, ``+`` or ``{n,}``.
MAX_TOKEN_REPEATS = 4
#: Largest count in a ``{n}``, ``{n,m}`` or ``{,m}`` token quantifier.
MAX_TOKEN_BOUND = 10

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}
#: A sample alphabet standing for every character: ASCII plus a few others.
_ALPHABET = frozenset(map(chr, range(128))) | frozenset("’é€😀\u00a0")
_WORD = frozenset(c for c in _ALPHABET if c.isalnum() or c == "_")
_DIGIT = frozenset(c for c in _ALPHABET if c.isdigit())
_SPACE = frozenset(c for c in _ALPHABET if c.isspace())
_CATEGORIES = {
    "CATEGORY_WORD": _WORD, "CATEGORY_NOT_WORD": _ALPHABET - _WORD,
    "CATEGORY_DIGIT": _DIGIT, "CATEGORY_NOT_DIGIT": _ALPHABET - _DIGIT,
    "CATEGORY_SPACE": _SPACE, "CATEGORY_NOT_SPACE": _ALPHABET - _SPACE,
}


class _Analysis:
    def __init__(self, parsed: Any, ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.groups: dict[int, frozenset[str]] = {}
        self._collect_groups(parsed)

    # -- character sets ------------------------------------------------------------
    def _literal(self, code: int) -> frozenset[str]:
        char = chr(code)
        return frozenset({char, char.lower(), char.upper()}) if self.ignore_case else \
            frozenset({char})

    def _class(self, items: Any) -> frozenset[str]:
        found: set[str] = set()
        negate = False
        for op, av in items:
            if op is _sre.NEGATE:
                negate = True
            elif op is _sre.LITERAL:
                found |= self._literal(av)
            elif op is _sre.RANGE:
                found |= {c for c in _ALPHABET if av[0] <= ord(c) <= av[1]}
                if self.ignore_case:
                    found |= {c.swapcase() for c in list(found)}
            elif op is _sre.CATEGORY:
                found |= _CATEGORIES.get(str(av), _ALPHABET)
        return _ALPHABET - found if negate else frozenset(found)

    def chars(self, items: Any) -> frozenset[str]:
        """Every character any match of ``items`` may consume (approximated)."""
        found: set[str] = set()
        for op, av in items:
            if op is _sre.LITERAL:
                found |= self._literal(av)
            elif op is _sre.NOT_LITERAL:
                found |= _ALPHABET - self._literal(av)
            elif op is _sre.ANY:
                found |= _ALPHABET
            elif op is _sre.IN:
                found |= self._class(av)
            elif op in _REPEATS:
                found |= self.chars(av[2])
            elif op is _sre.SUBPATTERN:
                found |= self.chars(av[-1])
            elif op is _sre.BRANCH:
                for branch in av[1]:
                    found |= self.chars(branch)
            elif op is _sre.GROUPREF:
                found |= self.groups.get(av, _ALPHABET)
        return frozenset(found)

    def first_chars(self, items: Any) -> frozenset[str]:
        """Characters a non-empty match of ``items`` may start with (approximated)."""
        found: set[str] = set()
        for op, av in items:
            if op in {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}:
                continue
            if op in _REPEATS:
                found |= self.first_chars(av[2])
                if av[0] > 0:
                    return frozenset(found)
                continue
            if op is _sre.SUBPATTERN:
                found |= self.first_chars(av[-1])
                if _min_length(av[-1]) > 0:
                    return frozenset(found)
                continue
            if op is _sre.BRANCH:
                for branch in av[1]:
                    found |= self.first_chars(branch)
                if all(_min_length(b) > 0 for b in av[1]):
                    return frozenset(found)
                continue
            return frozenset(found | self.chars([(op, av)]))
        return frozenset(found)

    def _collect_groups(self, items: Any) -> None:
        for op, av in items:
            if op is _sre.SUBPATTERN:
                if av[0] is not None:
                    self.groups[av[0]] = self.chars(av[-1])
                self._collect_groups(av[-1])
            elif op in _REPEATS:
                self._collect_groups(av[2])
            elif op is _sre.BRANCH:
                for branch in av[1]:
                    self._collect_groups(branch)
            elif op in {_sre.ASSERT, _sre.ASSERT_NOT}:
                self._collect_groups(av[1])

    # -- the tests -----------------------------------------------------------------
    def problem(self, items: Any) -> str | None:
        """Why ``items`` may backtrack badly, or None."""
        chained = self._chain(items)
        if chained:
            return chained
        for op, av in items:
            if op in _REPEATS:
                if _is_open(av):
                    reason = self._ambiguous_body(av[2])
                    if reason:
                        return reason
                inner = self.problem(av[2])
            elif op is _sre.SUBPATTERN:
                inner = self.problem(av[-1])
            elif op is _sre.BRANCH:
                inner = next((p for p in map(self.problem, av[1]) if p), None)
            elif op in {_sre.ASSERT, _sre.ASSERT_NOT}:
                inner = self.problem(av[1])
            else:
                inner = None
            if inner:
                return inner
        return None

    def _ambiguous_body(self, body: Any) -> str | None:
        """Why repeating ``body`` can split one text in many ways, or None.

        A body is safe when it holds a mandatory character that none of its
        variable-width parts can take: every repetition then ends at that delimiter.
        """
        varying_items = [item for item in _flatten(body) if len(set(_width(body, item))) > 1]
        varying = self.chars(varying_items)
        delimiters = [self.chars([item]) for item in _mandatory_single_chars(body)]
        if varying_items and not any(d and d.isdisjoint(varying) for d in delimiters):
            if self._open_repeat_chars(body) is not None:
                return ("it repeats a group holding another open repeat with no fixed "
                        "character between them that the inner repeat cannot also take "
                        "(like '(a+)+' or '(?:.+?,)+'), which can take exponential time")
            if not self.first_chars(body).isdisjoint(varying):
                return ("it repeats a group whose optional part can take the characters "
                        "the group starts with (like '(a|aa)+' or '(aa?)+'), which can take "
                        "exponential time")
        for op, av in _flatten(body):
            if op is _sre.BRANCH:
                firsts = [self.first_chars(b) for b in av[1]]
                for i, first in enumerate(firsts):
                    if any(not first.isdisjoint(other) for other in firsts[i + 1:]):
                        return ("it repeats alternatives that can start with the same "
                                "character (like '(a|b|ab)+'), which can take exponential "
                                "time")
        return None

    def _open_repeat_chars(self, items: Any) -> frozenset[str] | None:
        """Characters taken by open repeats anywhere in ``items``; None when there are none."""
        found: set[str] = set()
        seen = False
        for op, av in items:
            if op in _REPEATS:
                if _is_open(av):
                    seen = True
                    found |= self.chars(av[2])
                else:
                    sub = self._open_repeat_chars(av[2])
                    if sub is not None:
                        seen, found = True, found | sub
            elif op is _sre.SUBPATTERN:
                sub = self._open_repeat_chars(av[-1])
                if sub is not None:
                    seen, found = True, found | sub
            elif op is _sre.BRANCH:
                for branch in av[1]:
                    sub = self._open_repeat_chars(branch)
                    if sub is not None:
                        seen, found = True, found | sub
        return frozenset(found) if seen else None

    def _chain(self, items: Any) -> str | None:
        count, run = 0, frozenset()
        for op, av in _flatten(items):
            if op in {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}:
                continue
            taken = self.chars([(op, av)])
            if op in _REPEATS and _is_open(av):
                if run & taken:
                    count, run = count + 1, run | taken
                else:
                    count, run = 1, taken
                if count > MAX_CHAINED_REPEATS:
                    return (f"it chains more than {MAX_CHAINED_REPEATS} open repeats that can "
                            "take the same characters (like '\\w*\\w*\\w*\\w*'), which "
                            "backtracks in polynomial time")
            elif run & taken:
                run = run | taken
            else:
                count, run = 0, frozenset()
        return None


def _is_open(repeat: Any) -> bool:
    return repeat[1] == _sre.MAXREPEAT or repeat[1] > 1


def _width(parent: Any, item: tuple[Any, Any]) -> tuple[int, int]:
    return _sre_parse.SubPattern(parent.state, [item]).getwidth()


def _min_length(items: Any) -> int:
    lo, _hi = items.getwidth() if hasattr(items, "getwidth") else (0, 0)
    return lo


def _flatten(items: Any) -> Any:
    """The sequence with non-capturing and capturing groups of one branch opened up."""
    out = _sre_parse.SubPattern(items.state, [])
    for op, av in items:
        if op is _sre.SUBPATTERN and not any(o is _sre.BRANCH for o, _ in av[-1]):
            out.data.extend(_flatten(av[-1]).data)
        else:
            out.append((op, av))
    return out


def _mandatory_single_chars(items: Any) -> list[tuple[Any, Any]]:
    single = {_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY}
    return [(op, av) for op, av in _flatten(items) if op in single]


def regex_problem(pattern: str, *, ignore_case: bool = False) -> str | None:
    """Why ``pattern`` may take exponential or high polynomial time, or None when it is safe."""
    parsed = _sre_parse.parse(pattern)
    return _Analysis(parsed, ignore_case or "(?i" in pattern).problem(parsed)


_WORD_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "LEMMA"})


def token_pattern_problem(pattern: list[dict[str, Any]]) -> str | None:
    """Why a spaCy token pattern may take too long or too much memory, or None."""
    wildcards = repeats = 0
    for token in pattern:
        op = token.get("OP")
        if op is None or op in {"!", "?", "1"}:
            continue
        op = str(op)
        open_repeat = op in {"*", "+"}
        if op.startswith("{") and op.endswith("}"):
            parts = op[1:-1].split(",")
            try:
                bounds = [int(p) for p in parts if p.strip()]
            except ValueError:
                return f"unknown quantifier OP={op!r}"
            if any(b > MAX_TOKEN_BOUND for b in bounds):
                return f"OP={op!r} exceeds the largest allowed count, {MAX_TOKEN_BOUND}"
            open_repeat = len(parts) == 2 and not parts[1].strip()
        if not open_repeat:
            continue
        repeats += 1
        if not _WORD_KEYS & set(token):
            wildcards += 1
    if wildcards > MAX_TOKEN_WILDCARDS:
        return (f"it has {wildcards} repeated wildcard tokens; at most {MAX_TOKEN_WILDCARDS} "
                "are allowed (each one multiplies the ways a match can be tried)")
    if repeats > MAX_TOKEN_REPEATS:
        return f"it has {repeats} repeated tokens; at most {MAX_TOKEN_REPEATS} are allowed"
    return None
