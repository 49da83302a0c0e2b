"""Light, typed records that pipeline components leave on a spaCy ``Doc``.

Components write these to Doc extensions (``doc._.figures``, ``doc._.attributions``,
``doc._.dates``, ``doc._.segments``); ``sitroom.pipeline`` turns them into
``sitroom.schema`` records once, after the whole pipeline ran. Offsets are character
offsets into ``doc.text`` (the report's normalised text), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..schema import FigureCategory, Qualifier, SourceKind


@dataclass(slots=True)
class Span:
    """A character span of ``doc.text``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class FigureMention:
    """One count found in the text, before it is assigned to an event.

    ``start``/``end`` cover the figure's phrase (number, noun and trigger), ``trigger``
    is the token index of the word that types it (``killed``, ``fled``…) so that the
    attribution step can find the reporting verb governing it.
    """

    category: FigureCategory
    value: int
    low: int
    high: int
    qualifier: Qualifier
    object: str
    term: str
    start: int
    end: int
    trigger: int | None = None
    update: bool = False  # "the death toll rose to 11": supersedes earlier tolls
    negated: bool = False  # "no one was hurt" gives value 0 and negated=True
    cumulative: bool = False  # a running total across incidents ("so far this year")


@dataclass(slots=True)
class Attribution:
    """A reported-speech relation: who (source) said (cue) what (content)."""

    content: Span
    cue: Span | None = None
    source: Span | None = None
    name: str = "report"  # the source's display name, titles kept
    kind: SourceKind = SourceKind.REPORT
    via: str | None = None  # "X, citing Y": via is X, name is Y


@dataclass(slots=True)
class DateMention:
    """A date or period expression resolved against the publication date.

    ``precision`` follows ACLED ``time_precision``: 1 day, 2 week, 3 month or vaguer.
    """

    start: int
    end: int
    text: str
    date_start: date
    date_end: date
    precision: int


@dataclass(slots=True)
class Segment:
    """A stretch of the report telling one incident (character offsets)."""

    start: int
    end: int
    background: bool = False
    figures: list[FigureMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Span] = field(default_factory=list)
