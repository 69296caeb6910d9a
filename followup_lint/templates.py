"""Template slots as data: the syntaxes a template may use, and what each slot stands for.

A slot is text a mail-merge fills in: ``[First Name]``, ``{{company}}``, ``*|FNAME|*``
(Mailchimp), ``$first_name``, ``<<first_name>>`` (Word), ``%FIRST_NAME%``, ``(insert
company)``, ``XXX``, ``____``. Each syntax is a named regular expression; a team adds
its own with ``template-syntaxes`` in the settings file (``Config.template_syntaxes``).
A line made only of underscores (Outlook's reply separator) is a separator, not a slot.

In template mode a slot counts as the detail it stands for: ``[topic discussed]`` is a
subject of the conversation, ``{{company}}`` names the company, ``[First Name]`` a person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

from followup_lint.prefilter import Prefiltered, prefiltered

SlotMeaning = Literal["company", "role", "person", "discussed", "named"]

#: The built-in slot syntaxes, by name (a settings file may add more, or replace one).
DEFAULT_SYNTAXES: dict[str, str] = {
    "square-brackets": r"\[(?!sic\]|sic!\]|\.\.\.\]|…\])[^\[\]\n]{1,60}\](?!\()",
    "double-braces": r"\{\{[^{}\n]{1,60}\}\}",
    "braces": r"\{[A-Za-z_][A-Za-z0-9_ .-]{0,40}\}",
    "double-angle": r"<<[A-Za-z_][A-Za-z0-9_ .-]{0,40}>>|«[A-Za-z_][A-Za-z0-9_ .-]{0,40}»",
    "angle": r"(?<!<)<[A-Z][A-Za-z0-9_ .-]{0,40}>(?!>)",
    "mailchimp": r"\*\|[A-Za-z0-9_:]{1,40}\|\*",
    "dollar": r"\$\{[A-Za-z_][A-Za-z0-9_]{0,40}\}|\$[A-Za-z_][A-Za-z0-9_]{1,40}\b",
    "percent": r"%[A-Za-z_][A-Za-z0-9_]{1,40}%",
    "fill-in": r"\((?:fill\ in|insert|add)\b[^()\n]{0,60}\)",
    "parenthesised-field": (
        r"\((?:(?:your|their|the|company|interviewer['’]?s?|hiring\ manager['’]?s?"
        r"|recipient['’]?s?)\ )?(?:name|first\ name|last\ name|full\ name|company"
        r"|company\ name|date|job\ title|position|title|role)\)"),
    "capitalised-field": r"\b(?:FIRST|LAST|FULL|COMPANY|YOUR|HIRING)_?(?:NAME|MANAGER)\b",
    # A field named in plain words where a name goes: after a greeting word or alone on
    # its line, before a comma or the line's end ("Dear Interviewer Name,", "Hi NAME,").
    "named-field": (
        r"(?:(?<=Dear )|(?<=Hi )|(?<=Hello )|(?<=Hey )|(?<=^)|(?<=\n))"
        r"(?:NAME|SURNAME|(?:Interviewer|Hiring Manager|Recipient|Contact|Manager|"
        r"Recruiter|Person|Employer|Your)['’]?s? (?:First |Last |Full )?Name)"
        r"(?=[ \t]*(?:[,:!]|$|\r?\n))|"
        r"<[A-Za-z _]{0,20}(?:name|company|role|position|title|date)[A-Za-z _]{0,10}>"),
    "crosses": r"(?<![A-Za-z0-9])(?:XX+|xx+x)(?![A-Za-z0-9])",
    "underscores": r"_{3,}",
    "to-do": r"(?<![A-Za-z])(?:So-and-so|so-and-so|TBD|TKTK)(?![A-Za-z])",
}

_SEPARATOR_LINE = re.compile(r"[ \t]*_{3,}[ \t]*")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_MEANINGS: tuple[tuple[SlotMeaning, frozenset[str]], ...] = (
    ("company", frozenset({"company", "employer", "organization", "organisation", "firm",
                           "fname_company", "business"})),
    ("role", frozenset({"role", "position", "title", "job", "job_title", "position_title"})),
    ("discussed", frozenset({"topic", "project", "subject", "discussed", "detail", "product",
                             "challenge", "responsibility", "initiative", "conversation",
                             "point", "skill", "tool", "team_goal", "goal"})),
    ("person", frozenset({"name", "first", "last", "fname", "lname", "interviewer",
                          "manager", "recipient", "contact", "person"})),
)


def slot_name(placeholder: str) -> str:
    """The variable a slot names: '[First Name]', '{{first_name}}', '*|FNAME|*' -> a key."""
    inner = placeholder.strip("[]{}<>()*|$%«» ")
    return _NON_WORD.sub("_", inner.lower()).strip("_")


def slot_meaning(placeholder: str) -> SlotMeaning:
    """What detail a slot stands for, from the words of its name ('named' if unclear)."""
    name = slot_name(placeholder)
    words = set(name.split("_")) | {name}
    for meaning, keys in _MEANINGS:
        if words & keys:
            return meaning
    return "named"


def check_syntaxes(syntaxes: Mapping[str, str]) -> dict[str, str]:
    """``syntaxes`` if each is a safe regular expression; ValueError naming the bad one."""
    from followup_lint.packs.safety import regex_problem

    for name, pattern in syntaxes.items():
        if not pattern:
            continue
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"template syntax {name!r}: invalid regular expression: {exc}"
                             ) from None
        if compiled.match(""):
            raise ValueError(f"template syntax {name!r} matches empty text")
        problem = regex_problem(pattern)
        if problem:
            raise ValueError(f"template syntax {name!r}: {problem}")
    return dict(syntaxes)


@lru_cache(maxsize=32)
def _compiled(extra: tuple[tuple[str, str], ...]) -> re.Pattern[str] | Prefiltered:
    syntaxes = {**DEFAULT_SYNTAXES, **dict(extra)}
    # Most drafts hold no bracket, brace, '$', '%', 'XX' or '___': a few substring tests
    # spare them a search of every position with every syntax.
    return prefiltered(re.compile("|".join(f"(?:{pattern})" for pattern in syntaxes.values()
                                           if pattern)), min_literal=1)


def compile_syntaxes(extra: Mapping[str, str] | None = None) -> re.Pattern[str] | Prefiltered:
    """One pattern for the built-in syntaxes plus ``extra`` (name -> regex; '' removes one),
    behind the literal test its parse implies (``followup_lint.prefilter``)."""
    return _compiled(tuple(sorted((extra or {}).items())))


def find_slots(text: str, extra: Mapping[str, str] | None = None) -> list[tuple[int, int]]:
    """Offsets of the slots in ``text``; separator lines of underscores are not slots."""
    found = []
    for match in compile_syntaxes(extra).finditer(text):
        start, end = match.span()
        if end > start and text[start] == "_" and _is_separator(text, start, end):
            continue
        if end > start:
            found.append((start, end))
    return found


def _is_separator(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].rstrip("\r")
    return _SEPARATOR_LINE.fullmatch(line) is not None and end - start >= 8
