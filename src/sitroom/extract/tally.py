"""Reduce one event's figure mentions to one number per category (ACLED style).

The rule (documented in ``docs/figures.md``):

* running totals (``cumulative``) never count;
* an update ("the toll rose to 11") supersedes the other figures of its category;
* otherwise the largest lower bound wins: the same victims are told many times, so
  figures are not summed (``low`` is the conservative value of "more than 11", a range
  or a vague "dozens"); only conjuncts of one trigger ("killing 5 soldiers and 3
  civilians": same ``trigger``) add up first, as one statement;
* ``injured``: people said to be "shot", "stabbed", "with gunshot wounds" or "in critical
  condition" without a stated outcome are
  casualties, killed or injured; they count as injured only beyond the killed count
  ("two people were shot, one fatally" → killed 1, injured 1).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..schema import FigureCategory
from .mentions import FigureMention

#: Terms of an injured figure that only say the person was hit (the outcome is unknown).
CASUALTY_TERMS = frozenset({"shot", "shoot", "shoots", "shooting", "stabbed", "stab", "stabs",
                            "stabbing", "wounds", "condition"})


def _grouped(found: list[FigureMention]) -> list[tuple[int, bool]]:
    """(low, update) per statement: conjuncts of one trigger ("killing 5 soldiers and 3
    civilians") add up to one statement; any other figure is a statement of its own."""
    lows: dict[tuple[str, int], int] = {}
    updates: dict[tuple[str, int], bool] = {}
    for k, f in enumerate(found):
        key = ("trigger", f.trigger) if f.trigger is not None else ("figure", k)
        lows[key] = lows.get(key, 0) + f.low
        updates[key] = updates.get(key, False) or f.update
    return [(low, updates[key]) for key, low in lows.items()]


def _largest(found: list[FigureMention]) -> int | None:
    groups = _grouped(found)
    if not groups:
        return None
    updates = [low for low, update in groups if update]
    return max(updates or [low for low, _ in groups])


def tally(figures: Iterable[FigureMention], category: FigureCategory) -> int | None:
    """The event's count for ``category``, or None when no figure states it.

    figures (Iterable[FigureMention]): the event's figures (background ones excluded).
    category (FigureCategory): what to count.
    RETURNS (int | None): the conservative count.
    """
    pool = [f for f in figures if not f.cumulative]
    found = [f for f in pool if f.category == category]
    if category != FigureCategory.INJURED:
        return _largest(found)
    stated = _largest([f for f in found if f.term not in CASUALTY_TERMS])
    hit = _largest([f for f in found if f.term in CASUALTY_TERMS])
    if hit is None:
        return stated
    killed = _largest([f for f in pool if f.category == FigureCategory.KILLED]) or 0
    beyond = max(hit - killed, 0)
    return beyond if stated is None else max(stated, beyond)
