"""Turn resolutions into ``schema.Place`` records."""

from __future__ import annotations

from collections.abc import Callable

from ..schema import Place
from .resolve import Resolution


def to_place(
    place: Place, resolution: Resolution | None, country_name: Callable[[str], str | None]
) -> Place:
    """A copy of ``place`` geocoded by ``resolution`` (or carrying its reason).

    place (Place): the mention as extracted (name, offsets).
    resolution (Resolution | None): the geocoder's answer; None means not attempted.
    country_name (Callable): ISO code -> country name (``Gazetteer.country_name``).
    RETURNS (Place): coordinates, admin names, country, precision, or ``reason``.
    """
    if resolution is None:
        return place.model_copy(update={"reason": "not geocoded"})
    c = resolution.candidate
    if c is None:
        return place.model_copy(update={"reason": resolution.reason or "unresolved"})
    country = c.name if c.is_country else (country_name(c.country) if c.country else None)
    return place.model_copy(
        update={
            "geonameid": c.geonameid,
            "lat": c.lat,
            "lon": c.lon,
            "admin1": c.admin1_name
            if c.admin_level > 2
            else (c.name if c.admin_level == 2 else None),
            "admin2": c.admin2_name
            if c.admin_level > 3
            else (c.name if c.admin_level == 3 else None),
            "country": country,
            "iso2": c.country or None,
            "feature_code": f"{c.fclass}.{c.fcode}",
            "geo_precision": resolution.geo_precision,
            "reason": resolution.reason,
        }
    )
