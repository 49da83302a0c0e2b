"""geo stage: an offline GeoNames gazetteer and context-aware toponym resolution.

- :mod:`.text` folds names to lookup keys; :mod:`.aliases` keeps demonyms and
  abbreviations; :mod:`.gazetteer` is the ``Gazetteer`` protocol and its SQLite file;
  :mod:`.build` and :mod:`.geonames` write that file; :mod:`.resolve` ranks candidates
  in context; :mod:`.records` and :mod:`.locate` fill ``schema.Place`` and
  ``Event.location``; :mod:`.cli` is ``sitroom gazetteer``.

Typical use, once per process::

    geocoder = Geocoder()            # no I/O; opens Settings().data_dir/gazetteer.sqlite lazily
    locate_events(doc, events, geocoder=geocoder)
"""

from __future__ import annotations

from .gazetteer import Candidate, Gazetteer, SQLiteGazetteer
from .locate import choose_location, locate_events
from .resolve import NOT_BUILT, Geocoder, Mention, Resolution

__all__ = [
    "NOT_BUILT",
    "Candidate",
    "Gazetteer",
    "Geocoder",
    "Mention",
    "Resolution",
    "SQLiteGazetteer",
    "choose_location",
    "locate_events",
]
