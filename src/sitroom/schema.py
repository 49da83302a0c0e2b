"""The one shared vocabulary: records every pipeline stage reads and writes.

Stages talk to each other only through these models (and through the spaCy
``Doc`` extensions documented in ``sitroom.nlp``). Field names follow
``docs/architecture.md``; ACLED and PLOVER codes use their codebooks' values.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class FigureCategory(StrEnum):
    """What a figure counts."""

    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    KIDNAPPED = "kidnapped"
    DISPLACED = "displaced"
    ARRESTED = "arrested"
    CHARGED = "charged"
    PARTICIPANTS = "participants"
    STRUCTURES_DAMAGED = "structures_damaged"
    VEHICLES_DAMAGED = "vehicles_damaged"


class Qualifier(StrEnum):
    """How exact a stated figure is."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    APPROXIMATELY = "approximately"
    RANGE = "range"


class SourceKind(StrEnum):
    """Who stands behind a claim."""

    REPORT = "report"
    OFFICIAL = "official"
    SECURITY = "security"
    MEDIA = "media"
    NGO = "ngo"
    WITNESS = "witness"
    ANONYMOUS = "anonymous"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Report(_Record):
    """One input document, with its normalised text."""

    id: str
    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = "en"
    text: str = Field(default="", exclude=True)


class Evidence(_Record):
    """A span of the report's normalised text that supports a value."""

    text: str
    start: int
    end: int


class Source(_Record):
    """Who says it: a named person or body, or the report itself."""

    name: str = "report"
    kind: SourceKind = SourceKind.REPORT
    cue: str | None = None
    via: str | None = None  # the outlet an original source is cited through ("X, citing Y")


class Figure(_Record):
    """One stated count of people or things affected."""

    category: FigureCategory
    value: int
    low: int
    high: int
    qualifier: Qualifier = Qualifier.EXACT
    object: str = "people"
    term: str
    source: Source = Field(default_factory=Source)
    evidence: Evidence
    date: dt.date | None = None
    update: bool = False  # "the death toll rose to 11": supersedes earlier tolls
    cumulative: bool = False  # a running total across incidents ("so far this year")
    negated: bool = False  # "no one was hurt": value 0


class Place(_Record):
    """A place mentioned in a report; coordinates once geocoded."""

    name: str
    start: int | None = None
    end: int | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso2: str | None = None
    feature_code: str | None = None
    geo_precision: int | None = None
    reason: str | None = None  # why a place is unresolved, when it is


class Actor(_Record):
    """A party to an event, named in ACLED style."""

    name: str
    role: str
    inter: int | None = None
    inter_label: str | None = None


class Plover(_Record):
    """PLOVER event coding."""

    event_type: str
    mode: str | None = None


class Event(_Record):
    """One incident as told by one report."""

    id: str
    background: bool = False
    event_type: str | None = None
    sub_event_type: str | None = None
    disorder_type: str | None = None
    plover: Plover | None = None
    coding_confidence: float | None = None  # the event-type classifier's probability
    coding_evidence: Evidence | None = None  # the sentence the type was decided on
    coding_reason: str | None = None  # why event_type is null, when it is
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int | None = None
    location: Place | None = None
    places: list[Place] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    interaction: int | None = None  # ACLED interaction code (inter1 * 10 + inter2, ordered)
    civilian_targeting: bool | None = None
    fatalities: int | None = None
    figures: list[Figure] = Field(default_factory=list)
    evidence: Evidence | None = None
    notes: str | None = None


class ExtractResult(_Record):
    """Everything ``sitroom extract`` says about one report."""

    report: Report
    events: list[Event] = Field(default_factory=list)
    error: str | None = None
