"""Geocode events: fill each event's places and choose where it happened.

:func:`locate_events` resolves every place of every event of one report together
(with the report's other GPE/LOC/FAC entities as context), then picks each event's
``location``: the most precise place named as where something happened ("in",
"at", "near", "the village of"), passing over places that are only where people
went ("fled to X", "evacuated to X"), came from ("from X"), or where someone spoke
("said in X", "told reporters in X"). The other places stay in ``places``.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..schema import Event, Place
from .records import to_place
from .resolve import Geocoder, Mention, Resolution

CONTEXT_LABELS = ("GPE", "LOC", "FAC")
_MOVE = frozenset(
    [
        "flee",
        "escape",
        "evacuate",
        "relocate",
        "move",
        "take",
        "transfer",
        "bring",
        "send",
        "deport",
        "return",
        "head",
        "go",
        "run",
        "airlift",
        "shelter",
        "seek",
        "arrive",
        "travel",
    ]
)
_SPEECH = frozenset(
    [
        "say",
        "tell",
        "speak",
        "announce",
        "state",
        "report",
        "brief",
        "declare",
        "add",
        "confirm",
        "claim",
        "note",
        "write",
        "comment",
        "stress",
        "warn",
    ]
)
#: Verbs saying where someone lives or works ("an activist based in Beirut"), not where
#: the event happened.
_RESIDE = frozenset({"base", "live", "reside", "work", "study", "stay", "headquarter"})
_TOWARD = frozenset({"to", "into", "towards", "toward", "for"})
_AT = frozenset({"in", "at", "near", "outside", "on", "inside", "across", "around", "of"})


def _role(doc: Doc, start: int) -> str:
    """How a place at character ``start`` is used: ``event``, ``destination``,
    ``origin``, ``speech`` or ``other`` (from the preposition and the verb it hangs on)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    token = span[0]
    while (
        token.dep_ in ("compound", "amod", "nmod", "poss", "appos", "conj") and token.head != token
    ):
        token = token.head
    prep = token.head if token.dep_ == "pobj" else None
    if prep is None:
        return "other"
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    word = prep.lower_
    if word == "from":
        return "origin"
    if word in _TOWARD and verb.lemma_ in _MOVE:
        return "destination"
    if verb.lemma_ in _SPEECH and word in _AT:
        return "speech"
    if verb.lemma_ in _RESIDE:
        return "other"
    return "event" if word in _AT else "other"


_ROLE_SCORE = {"event": 2.0, "other": 0.5, "origin": -1.0, "speech": -2.0, "destination": -3.0}


#: Score lost by a place in another country than most of the event's places, and per
#: 1,000 characters into the report (the lead says where; later paragraphs digress).
_FOREIGN_PENALTY = 2.5
_DEPTH_PENALTY = 1.0
_MAX_DEPTH_PENALTY = 2.0


def choose_location(doc: Doc, places: list[Place]) -> Place | None:
    """Where the event happened, among its geocoded places.

    A place scores by how it is used (``in X`` beats ``fled to X`` or ``said in X``), by
    precision, by how early the report names it, and by agreeing with the country most
    of the event's places are in.
    RETURNS (Place | None): the best place, or None when none is geocoded.
    """
    countries = Counter(p.iso2 for p in places if p.iso2 and p.lat is not None)
    main_country = countries.most_common(1)[0][0] if countries else None
    best, best_score = None, float("-inf")
    for index, place in enumerate(places):
        if place.lat is None or place.geo_precision is None:
            continue
        role = _role(doc, place.start) if place.start is not None else "other"
        score = _ROLE_SCORE[role] + (3 - place.geo_precision) * 1.5 - 0.1 * index
        if main_country and place.iso2 and place.iso2 != main_country:
            score -= _FOREIGN_PENALTY
        if place.start is not None:
            score -= min(place.start / 1000 * _DEPTH_PENALTY, _MAX_DEPTH_PENALTY)
        if score > best_score:
            best, best_score = place, score
    return best


def locate_events(doc: Doc, events: list[Event], *, geocoder: Geocoder) -> None:
    """Geocode the places of every event of one report and set each ``location``.

    doc (Doc): the parsed report (its GPE/LOC/FAC entities give context).
    events (list[Event]): events whose ``places`` hold ``Place(name, start, end)``;
        changed in place: each place gets coordinates, admin names, country, ISO code
        and ``geo_precision`` (or a ``reason``), and ``location`` is set when any
        place resolves. When the gazetteer is not built every place gets the reason
        "gazetteer not built: run `sitroom gazetteer build`".
    geocoder (Geocoder): shared, built once per process.
    """
    mentions: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        if ent.label_ in CONTEXT_LABELS:
            mentions[(ent.start_char, ent.end_char)] = Mention(
                ent.start_char, ent.end_char, ent.text
            )
    for event in events:
        for place in event.places:
            if place.start is not None and place.end is not None:
                mentions[(place.start, place.end)] = Mention(place.start, place.end, place.name)
    found: dict[tuple[int, int], Resolution] = {}
    if mentions:
        ordered = sorted(mentions.values(), key=lambda m: m.start)
        found = {
            (m.start, m.end): r
            for m, r in zip(ordered, geocoder.resolve(doc.text, ordered), strict=True)
        }
    names = {r.mention.text: r for r in found.values()}
    country_name = _country_namer(geocoder)
    for event in events:
        placed = []
        for place in event.places:
            resolution = found.get((place.start, place.end)) if place.start is not None else None
            if resolution is None:
                resolution = names.get(place.name) or geocoder.resolve_name(place.name)
            placed.append(to_place(place, resolution, country_name))
        event.places = placed
        event.location = choose_location(doc, placed)


def _country_namer(geocoder: Geocoder):
    if not geocoder.available():
        return lambda iso: None
    return getattr(geocoder.gazetteer, "country_name", lambda iso: None)
