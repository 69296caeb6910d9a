"""Tone judgement measured on blind sets (tests/blind/): writing nobody here tuned against.

Floors, not targets: each is the figure measured when the rules last changed, less a small
margin, so a change that loses judgement on unseen writing fails here. (Three development
floors were lowered in the eighth round, by what retraining the scorer with L and N moved
them: D inappropriate, E pushy precision, J desperate; see docs/design.md.) Set M is held
out (see tests/blind_eval.py): never trained on, its misses never read, measured at the
start and at the end of the eighth round. A to L were used to generalise the rules and to
train the tone scorer, so their floors are higher. Set O is written and was measured once
at the end of the eighth round, its misses never read: only its shape is tested here. Set
N (four categories) was written midway through the seventh round as a development set. The
goal (recall >= 0.85, precision >= 0.95 per category) is reported in docs/design.md with
the figures; categories below it are named there.
"""

from __future__ import annotations

import pytest
from blind_eval import CATEGORY_RULES, PARTIAL, UNMEASURED, evaluate, load_set

from followup_lint import Linter

#: (recall floor, precision floor) per set and category.
FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    "A": {"apologetic": (0.95, 0.96), "casual": (0.95, 0.96), "desperate": (0.89, 0.93),
          "generic": (0.95, 0.96), "generic_greeting": (0.95, 0.96), "hostile": (0.86, 0.96),
          "inappropriate": (0.95, 0.96), "pushy": (0.95, 0.96)},
    "B": {"casual": (0.95, 0.96), "desperate": (0.92, 0.96), "generic": (0.95, 0.93),
          "generic_greeting": (0.95, 0.96), "hostile": (0.81, 0.96), "pushy": (0.87, 0.96)},
    "C": {"casual": (0.90, 0.96), "desperate": (0.92, 0.93), "generic": (0.92, 0.93),
          "generic_greeting": (0.95, 0.96), "hostile": (0.77, 0.96), "pushy": (0.92, 0.96)},
    # Held out through the second round, opened in the third (misses read, trained on).
    "D": {"apologetic": (0.92, 0.96), "casual": (0.93, 0.96), "desperate": (0.92, 0.96),
          "generic": (0.90, 0.96), "generic_greeting": (0.93, 0.96), "hostile": (0.88, 0.96),
          "inappropriate": (0.89, 0.93), "pushy": (0.86, 0.93)},
    "E": {"apologetic": (0.84, 0.93), "casual": (0.95, 0.96), "desperate": (0.92, 0.93),
          "generic": (0.90, 0.96), "generic_greeting": (0.93, 0.96), "hostile": (0.83, 0.91),
          "inappropriate": (0.88, 0.91), "pushy": (0.92, 0.94)},
    # Written at the start of the third round, held out through it and measured once at its
    # end; opened in the fourth.
    "F": {"apologetic": (0.91, 0.96), "casual": (0.93, 0.96), "desperate": (0.93, 0.96),
          "generic": (0.87, 0.96), "generic_greeting": (0.95, 0.96), "hostile": (0.82, 0.93),
          "inappropriate": (0.91, 0.94), "pushy": (0.91, 0.96)},
    # Written at the end of the third round; measured once midway through the fourth, then
    # opened.
    "G": {"apologetic": (0.95, 0.96), "casual": (0.90, 0.96), "desperate": (0.86, 0.96),
          "generic": (0.90, 0.96), "generic_greeting": (0.92, 0.96), "hostile": (0.90, 0.96),
          "inappropriate": (0.92, 0.96), "pushy": (0.95, 0.96)},
    # Written at the start of the fourth round, held out through it, measured once at its
    # end; opened in the fifth.
    "H": {"apologetic": (0.92, 0.96), "casual": (0.96, 0.94), "desperate": (0.95, 0.96),
          "generic": (0.92, 0.96), "generic_greeting": (0.96, 0.96), "hostile": (0.92, 0.94),
          "inappropriate": (0.94, 0.92), "pushy": (0.90, 0.94)},
    # Held out through the fifth round; opened in the sixth (misses read, scorer retrained).
    "I": {"apologetic": (0.96, 0.96), "casual": (0.96, 0.96), "desperate": (0.86, 0.96),
          "generic": (0.96, 0.94), "generic_greeting": (0.96, 0.96), "hostile": (0.94, 0.96),
          "inappropriate": (0.94, 0.92), "pushy": (0.86, 0.94)},
    # Held out through the sixth round; opened in the seventh (misses read, scorer retrained).
    "J": {"apologetic": (0.92, 0.96), "casual": (0.96, 0.96), "desperate": (0.86, 0.92),
          "generic": (0.94, 0.94), "generic_greeting": (0.96, 0.96), "hostile": (0.90, 0.92),
          "inappropriate": (0.92, 0.92), "pushy": (0.92, 0.94)},
    # Held out through the seventh round; opened in the eighth (misses read, scorer retrained).
    "L": {"apologetic": (0.92, 0.94), "casual": (0.94, 0.96), "desperate": (0.76, 0.96),
          "generic": (0.85, 0.94), "generic_greeting": (0.94, 0.96), "hostile": (0.78, 0.92),
          "inappropriate": (0.86, 0.94), "pushy": (0.81, 0.96)},
    # Held out through the eighth round: measured at its start and at its end.
    "M": {"apologetic": (0.91, 0.96), "casual": (0.88, 0.96), "desperate": (0.71, 0.96),
          "generic": (0.83, 0.91), "generic_greeting": (0.89, 0.96), "hostile": (0.71, 0.85),
          "inappropriate": (0.76, 0.91), "pushy": (0.73, 0.93)},
    # Four categories, written midway through the seventh round and developed on at once.
    "N": {"apologetic": (0.96, 0.93), "desperate": (0.88, 0.94), "hostile": (0.82, 0.90),
          "pushy": (0.94, 0.94)},
}


#: Every set covers these; all but B and C also cover 'apologetic' and 'inappropriate'.
CORE = ("casual", "desperate", "generic", "generic_greeting", "hostile", "pushy")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.fixture(scope="module")
def scores(linter: Linter):
    return {name: evaluate(name, linter) for name in FLOORS}


@pytest.mark.parametrize("name", sorted(FLOORS) + list(UNMEASURED))
def test_sets_are_large_and_complete(name: str) -> None:
    data = load_set(name)
    assert set(data) <= set(CATEGORY_RULES), (name, sorted(data))
    assert name in PARTIAL and len(data) >= 4 or set(CORE) <= set(data), (name, sorted(data))
    for category, items in data.items():
        assert items["category"] == category
        assert len(items["bad"]) >= 35 and len(items["good"]) >= 35, (name, category)
        assert not set(items["bad"]) & set(items["good"]), (name, category)


@pytest.mark.parametrize(("name", "category"),
                         [(n, c) for n in sorted(FLOORS) for c in sorted(FLOORS[n])])
def test_blind_recall_and_precision(scores, name: str, category: str) -> None:
    score = scores[name][category]
    recall_floor, precision_floor = FLOORS[name][category]
    assert score.recall >= recall_floor, (
        f"{name}/{category}: recall {score.recall:.2f} < {recall_floor}")
    assert score.precision >= precision_floor, (
        f"{name}/{category}: precision {score.precision:.2f} < {precision_floor}")
