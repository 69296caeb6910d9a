"""False alarms on whole good notes (tests/good_notes/): complete follow-ups a careers coach
would let through, written by five helpers who had not seen the rules. ``dev``, ``dev2``
and ``dev3`` were developed on (their findings were read and fixed by category);
``held`` is held out (only counted, at the start, midway and at the end of the eighth
round, its findings never read); ``fresh`` was written late in the eighth round and only
counted: the next round's held-out notes.

A tone warning on a good note is a false alarm, except that the casual-tone rule flags
informal sign-offs and openers ("Cheers", "Hey") by design. Ceilings, not targets: each is
the count measured at the end of the round plus a small margin, so a change that adds false
alarms on unseen good mail fails here.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup_lint import Linter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

NOTES_DIR = Path(__file__).resolve().parent / "good_notes"
#: Rules whose warnings say a note's tone is wrong.
TONE_RULES = frozenset({"pushy-phrasing", "hostile-tone", "desperate-tone", "apologetic-tone",
                        "inappropriate-content", "self-centred", "personal-anecdote"})
#: Most notes allowed a tone warning (casual-tone aside), and fewest left "ready".
CEILINGS = {"dev": (12, 126), "dev2": (23, 115), "dev3": (23, 109), "held": (14, 112),
            "fresh": (27, 96)}


def tone_false_alarms(notes: list[str], linter: Linter) -> tuple[int, int]:
    """(notes with a tone warning, notes whose verdict is 'ready')."""
    reports = list(linter.lint_many(notes))
    warned = sum(any(f.rule in TONE_RULES and f.severity.value != "info" for f in r.findings)
                 for r in reports)
    return warned, sum(r.verdict == "ready" for r in reports)


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_good_notes_keep_few_false_alarms(name: str) -> None:
    notes = tomllib.loads((NOTES_DIR / f"{name}.toml").read_text(encoding="utf-8"))["notes"]
    assert len(notes) >= 150
    warned, ready = tone_false_alarms(notes, Linter())
    most, fewest_ready = CEILINGS[name]
    assert warned <= most, f"{name}: {warned} good notes with a tone warning (> {most})"
    assert ready >= fewest_ready, f"{name}: only {ready} good notes ready (< {fewest_ready})"
