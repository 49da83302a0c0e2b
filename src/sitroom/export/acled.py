"""ACLED CSV: one row per event, ACLED's columns in ACLED's order, then sitroom's extras.

Extra columns (after ACLED's): each other figure category (``injured``, ``displaced``,
``arrested``, …) with its ``*_source`` (who gave the figure kept), then ``report_id``,
``event_id``, ``plover_event_type``, ``plover_mode``, ``coding_confidence``, ``background``.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from typing import IO, Any

from ..schema import Actor, Event, ExtractResult, Figure, FigureCategory, Report

#: ACLED's export columns, in order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
#: Figure categories exported as extra columns (killed is ACLED's ``fatalities``).
EXTRA_CATEGORIES: tuple[str, ...] = tuple(
    c.value for c in FigureCategory if c is not FigureCategory.KILLED)
EXTRA_COLUMNS: tuple[str, ...] = (
    *(name for c in EXTRA_CATEGORIES for name in (c, f"{c}_source")),
    "report_id", "event_id", "plover_event_type", "plover_mode", "coding_confidence",
    "background",
)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS


def _actors(actors: list[Actor], role: str) -> tuple[str, str, int | str]:
    main = next((a for a in actors if a.role == role), None)
    assoc = "; ".join(a.name for a in actors if a.role == f"assoc_{role}")
    return (main.name if main else "", assoc, main.inter if main and main.inter else "")


def _interaction(inter1: int | str, inter2: int | str) -> int | str:
    codes = sorted(c for c in (inter1, inter2) if isinstance(c, int))
    if not codes:
        return ""
    return codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1]


def _country_codes(iso2: str | None) -> tuple[str, int | str]:
    """RETURNS (tuple): ISO 3166 alpha-3 ("XXX" if unknown) and numeric code ("" if unknown)."""
    if not iso2:
        return "XXX", ""
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2.upper())
    return (country.alpha_3, int(country.numeric)) if country else ("XXX", "")


def _figure(figures: list[Figure], category: str) -> tuple[int | str, str]:
    """The category's count (largest lower bound: repeated tellings are not summed)."""
    found = [f for f in figures if f.category == category]
    if not found:
        return "", ""
    best = max(found, key=lambda f: f.low)
    return best.low, best.source.name


def _source(report: Report) -> str:
    return report.publisher or report.url or report.id


def row(event: Event, report: Report, *, timestamp: int) -> dict[str, Any]:
    """RETURNS (dict): one CSV row (column -> value) for an event of a report."""
    actor1, assoc1, inter1 = _actors(event.actors, "actor1")
    actor2, assoc2, inter2 = _actors(event.actors, "actor2")
    loc = event.location
    iso3, iso_num = _country_codes(loc.iso2 if loc else None)
    targeting = getattr(event, "civilian_targeting", None)
    if targeting is None:  # until the schema carries it: civilians as actor2 of violence
        targeting = inter2 == 7 and "Political violence" in (event.disorder_type or "")
    out: dict[str, Any] = {
        "event_id_cnty": f"{iso3}{event.id}",
        "event_date": event.date_start.isoformat() if event.date_start else "",
        "year": event.date_start.year if event.date_start else "",
        "time_precision": event.time_precision or "",
        "disorder_type": event.disorder_type or "", "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targeting else "",
        "iso": iso_num, "region": "", "country": (loc.country if loc else None) or "",
        "admin1": (loc.admin1 if loc else None) or "",
        "admin2": (loc.admin2 if loc else None) or "",
        "admin3": "",
        "location": loc.name if loc else (event.places[0].name if event.places else ""),
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": (loc.geo_precision if loc else None) or "",
        "source": _source(report), "source_scale": "", "notes": event.notes or "",
        "fatalities": event.fatalities or 0,
        "tags": "background" if event.background else "",
        "timestamp": timestamp,
    }
    for category in EXTRA_CATEGORIES:
        out[category], out[f"{category}_source"] = _figure(event.figures, category)
    out.update({
        "report_id": report.id, "event_id": event.id,
        "plover_event_type": event.plover.event_type if event.plover else "",
        "plover_mode": (event.plover.mode if event.plover else None) or "",
        "coding_confidence": getattr(event, "coding_confidence", None) or "",
        "background": event.background,
    })
    return out


def write_acled_csv(results: Iterable[ExtractResult], fh: IO[str], *,
                    include_background: bool = False, timestamp: int | None = None) -> None:
    """Write events as ACLED CSV (header, then one row per event).

    results (Iterable[ExtractResult]): extraction results; failed reports are skipped.
    fh (IO[str]): a text stream opened with ``newline=""``.
    include_background (bool): also write events told as history/context (tagged
    ``background``); default False, as ACLED codes each event from its own reports.
    timestamp (int | None): the ``timestamp`` column (Unix seconds); default now.
    """
    stamp = int(time.time()) if timestamp is None else timestamp
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        if result.error:
            continue
        for event in result.events:
            if event.background and not include_background:
                continue
            writer.writerow(row(event, result.report, timestamp=stamp))
