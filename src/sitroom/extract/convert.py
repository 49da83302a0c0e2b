"""Turn a processed Doc's mentions into ``schema.Event`` records, once, at the end."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from ..schema import Event, Evidence, Figure, FigureCategory, Place, Report, Source
from .attribution import source_for
from .mentions import FigureMention, Segment
from .tally import tally


def _figure(doc: Doc, mention: FigureMention, segment: Segment) -> Figure:
    attribution = source_for(doc._.attributions or [], mention.start, mention.end)
    source = (
        Source(name=attribution.name, kind=attribution.kind,
               cue=attribution.cue.text if attribution.cue else None, via=attribution.via)
        if attribution
        else Source()
    )
    sent = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    ev_start, ev_end = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (
        mention.start, mention.end)
    return Figure(
        category=mention.category,
        value=mention.value,
        low=mention.low,
        high=mention.high,
        qualifier=mention.qualifier,
        object=mention.object,
        term=mention.term,
        source=source,
        evidence=Evidence(text=doc.text[ev_start:ev_end].strip(), start=ev_start, end=ev_end),
        date=segment.dates[0].date_start if segment.dates else None,
        update=mention.update,
        cumulative=mention.cumulative,
        negated=mention.negated,
    )


def _event_id(report: Report, index: int) -> str:
    return hashlib.sha1(f"{report.id}:{index}".encode()).hexdigest()[:12]


def event_from_segment(doc: Doc, report: Report, segment: Segment, index: int) -> Event:
    """RETURNS (Event): one event record for one segment of the report."""
    first_date = segment.dates[0] if segment.dates else None
    seen: set[str] = set()
    places = []
    for span in segment.places:
        if span.text not in seen:
            seen.add(span.text)
            places.append(Place(name=span.text, start=span.start, end=span.end))
    killed = tally(segment.figures, FigureCategory.KILLED)
    return Event(
        id=_event_id(report, index),
        background=segment.background,
        date_start=first_date.date_start if first_date else None,
        date_end=first_date.date_end if first_date else None,
        time_precision=first_date.precision if first_date else None,
        places=places,
        fatalities=killed,
        figures=[_figure(doc, m, segment) for m in segment.figures],
        evidence=Evidence(text=doc.text[segment.start:segment.end][:300], start=segment.start,
                          end=segment.end),
    )


def events_from_doc(doc: Doc, report: Report) -> list[Event]:
    """RETURNS (list[Event]): the report's events, main events first, in text order."""
    segments: list[Segment] = doc._.segments or []
    ordered = sorted(segments, key=lambda s: (s.background, s.start))
    return [event_from_segment(doc, report, s, i) for i, s in enumerate(ordered)]
