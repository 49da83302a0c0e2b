"""Reduce one event's figure mentions to one number per category (ACLED style).

PLACEHOLDER rule (to be refined by the figures work): ignore cumulative totals; an
update ("the toll rose to 11") wins; otherwise the largest exact-or-lower-bound value.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..schema import FigureCategory
from .mentions import FigureMention


def tally(figures: Iterable[FigureMention], category: FigureCategory) -> int | None:
    """The event's count for ``category``, or None when no figure states it.

    figures (Iterable[FigureMention]): the event's figures (background ones excluded).
    category (FigureCategory): what to count.
    RETURNS (int | None): the conservative count.
    """
    found = [f for f in figures if f.category == category and not f.cumulative]
    if not found:
        return None
    updates = [f for f in found if f.update]
    pool = updates or found
    return max(f.low for f in pool)
