"""A greeting that names no one where the interviewer's name belongs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.dates import DATE_WORDS
from followup_lint.lexicon import spellchecker, word_list
from followup_lint.rule import Hit

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

_SALUTATION = re.compile(
    r"(?i)^\s*(?:dear|hi|hii+|hello|hey|heya|hiya|yo|sup|howdy|"
    r"greetings(?:\s+of\s+the\s+(?:day|season))?|good\s+(?:morning|afternoon|evening|day)|"
    r"att(?:n|ention)(?=\s*:)|"
    r"to\s+whom\s+(?:it|this)\s+(?:may\s+)?concerns?|to\s+the|morning|afternoon|salutations|"
    r"respected)\b[\s,:;.!-]*"
)
_HONORIFIC = re.compile(r"(?i)^(?:mr|mrs|ms|mx|miss|dr|prof|professor|judge|chef|coach)\b\.?")
_PLACED = re.compile(r"(?i)\s+(?:at|of|for|in|from|with)\s+")
#: Words that address a role, a group or nobody in particular.
_NOBODY = frozenset(
    "hiring manager managers team teams recruiter recruiters recruiting recruitment committee "
    "search selection interview interviewing panel department hr human resources talent "
    "acquisition sir sirs madam or and all everyone everybody there folks friends colleagues "
    "whom it may concern to the members of staff people partner partners personnel "
    "director directors officer admissions interviewer interviewers supervisor friend "
    "employer employers ma'am maam mam principal chef nurse coach boss gentlemen ladies "
    "madame company y'all yall valued colleague chair chairperson chairman chairwoman "
    "foreman forewoman leader leaders board trustees governors owner owners proprietor "
    "captain chief superintendent hello hi hey there professional professionals "
    "concerned person you responsible guys gals peeps crew gang".split()
)
#: Capitalised words that open a sentence before a comma without naming anyone.
_NOT_NAMES = frozenset("thanks thank sorry again yes well also so first firstly today "
                       "yesterday overall honestly".split())
# A name set off by commas in the first sentence: "Thank you, Ms. Greene, for", "Nikhil,".
_VOCATIVE = re.compile(
    r"^(?:[^.!?\n]{0,80}[,;:\u2014-]\s*)?(?:(?i:mr|mrs|ms|mx|miss|dr|prof|professor)\.?\s+)?"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)\s*[,!\u2014-]")


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """'To whom it may concern', 'Dear Hiring Manager', a bare 'Hello,'."""
    greeting = draft.layout.first("greeting")
    if greeting is None:
        return
    line_end = draft.plain.find("\n", greeting.start)
    line_end = len(draft.plain) if line_end < 0 else line_end
    text = draft.plain[greeting.start:greeting.end]
    more = draft.plain[greeting.end:line_end].strip()
    if more.endswith((",", ":")) and len(more.split()) <= 8:
        # "Good morning, Ms. Ito and Mr. Reid," greets people even where the layout cut
        # the greeting after "Good morning,"; "Hello - thanks for ..." goes on with the body.
        text = draft.plain[greeting.start:line_end]
    match = _SALUTATION.match(text)
    if match is None or draft.in_placeholder(greeting.start, greeting.end):
        return
    rest = text[match.end():].strip(" \t,:;.!-")
    vocative = _VOCATIVE.search(draft.plain[greeting.end:greeting.end + 200].lstrip())
    if not rest and vocative and not (set(re.findall(r"[a-z]+", vocative["name"].lower()))
                                      & (DATE_WORDS | _NOBODY | _NOT_NAMES)):
        return  # "Hello, / Ms. Lund, thank you ...": the first sentence names the reader
    honorific = _HONORIFIC.match(rest)
    if honorific:
        after = re.findall(r"[A-Za-z']+", rest[honorific.end():])
        if after and after[0].lower() not in {"or", "and"} and not _HONORIFIC.fullmatch(after[0]):
            return  # "Dear Ms. Hiring Manager" is odd, but it addresses a person
        rest = rest[honorific.end():]
    # "Dear Hiring Manager at Riverside Clinic", "Dear Director of Nursing": a role
    # placed in an organisation or a field still names no one.
    placed = _PLACED.split(rest, maxsplit=1)
    if len(placed) == 2 and placed[0].strip():
        rest = placed[0]
    nobody = _NOBODY | word_list("role-nouns.txt")
    checker = spellchecker()
    # Each addressee on its own ("Fatima and team" names Fatima). A job title may carry a
    # common word before it ("Dear Store Manager"): when an addressee's last word is a
    # title, its other words need only be dictionary words, not names.
    organisations = word_list("organisation-words.txt")
    # "To the person who interviewed me": the description after 'who' names no one either.
    rest = re.split(r"(?i)\bwho\b", rest, maxsplit=1)[0]
    for addressee in re.split(r"(?i)\s*(?:\band\b|\bor\b|&|/)\s*", rest):
        words = [w[:-2] if w.lower().endswith("'s") and w[:-2].lower() in nobody else w
                 for w in re.findall(r"[A-Za-z']+", addressee)]  # "Hiring Manager's Name"
        if len(words) > 1 and words[-1].lower() in organisations:
            continue  # "Dear Northwind Logistics": a firm, not a person
        titled = bool(words) and words[-1].lower() in nobody
        if any(w.lower() not in nobody and not _HONORIFIC.fullmatch(w) and
               not (titled and w.lower() in checker) for w in words):
            return  # names someone
    names = draft.context.interviewers if draft.context and draft.context.interviewers else []
    who = f" ({', '.join(names)})" if names else ""
    end = greeting.start + len(draft.plain[greeting.start:greeting.end].rstrip())
    yield Hit(greeting.start, end, f"This greeting names no one; address the person you met "
              f"by name{who}.", quoted=tuple(names))
