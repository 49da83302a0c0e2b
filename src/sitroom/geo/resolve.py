"""Context-aware toponym resolution.

For each mention the :class:`Geocoder` gathers candidates (exact folded name, name
without administrative words, a known name inside a longer span, then fuzzy
trigram matches) and ranks them by a prior (feature class, population, capitals),
by how the name matched, and by the document's context: the countries and admin-1
units its other places resolve to, and an explicit container ("X, Y", "X in Y",
"X of Y"). A name not in the gazetteer whose container is known falls back to that
unit (ACLED ``geo_precision`` 2 or 3), never to a same-named place elsewhere.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import get_settings
from .gazetteer import Candidate, Gazetteer, SQLiteGazetteer
from .text import fold, strip_admin, words

NOT_BUILT = "gazetteer not built: run `sitroom gazetteer build`"
_POSSESSIVE = re.compile(r"[’']s$")
_LEADING = re.compile(r"^(?:the|central|downtown|greater|northern|southern|eastern|western) ")
_ADMIN_AFTER = re.compile(
    r"^\s+(?:region|district|province|oblast|county|state|governorate|prefecture|rayon|"
    r"municipality|department|territory)\b",
    re.I,
)
_TOWN_BEFORE = re.compile(r"\b(?:village|town|city|settlement|hamlet|suburb)s? of\s+$", re.I)
_POSSESSIVE_GAP = re.compile(r"^[’']s\s+$")
_COMMA_GAP = re.compile(r"^\s*,\s*$")
_PREP_GAP = re.compile(r"^,?\s+(?:in|of|near|outside)\s+(?:the\s+)?$", re.I)
#: Words that are place names somewhere but, alone inside a longer name, rarely mean one.
_GENERIC = words(
    "university college council union republic city state county centre center south north "
    "east west central new saint st bank office school hospital national federal royal "
    "academy international united district point"
)
#: Last words that make a span a street, building or natural feature, not a settlement.
_FEATURE = words(
    "road street avenue lane chapel estate valley point river lake mountain mountains bay "
    "hospital school university church cathedral park bridge square market centre center "
    "airport station stadium hotel house hall tower building college office court prison "
    "camp beach island islands coast strait sea ocean gulf peninsula desert forest"
)
_LEVEL_PRIOR = {0: 10.0, 1: 10.0, 2: 5.0, 3: 1.0}
#: Candidates kept per name ("Washington" has hundreds) and towns used for proximity.
MAX_CANDIDATES = 100
MAX_NEAR = 20
#: Rank-score lead under which two same-named towns in different countries, with no
#: context at all, are reported as ambiguous rather than guessed.
AMBIGUOUS_MARGIN = 0.25
#: Which administrative level is a usable fallback, with its ACLED geo_precision.
_FALLBACK_PRECISION = {3: 2, 2: 3, 1: 3}


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym span in a text (character offsets, end exclusive)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """The gazetteer entry chosen for a mention, or why there is none.

    candidate (Candidate | None): the chosen entry. score (float): its rank score.
    margin (float): lead over the runner-up (a confidence). match (str): how the name
    matched (``name``, ``admin``, ``part``, ``fuzzy``, ``fallback``). geo_precision
    (int | None): ACLED 1 (town), 2 (near/part of a region), 3 (region or country).
    reason (str | None): why the mention is unresolved or only approximated.
    """

    mention: Mention
    candidate: Candidate | None
    score: float = 0.0
    margin: float = 0.0
    match: str = ""
    geo_precision: int | None = None
    reason: str | None = None


def precision_of(candidate: Candidate) -> int:
    """RETURNS (int): ACLED geo_precision of a place: 1 town, 2 ADM2, 3 larger."""
    level = candidate.admin_level
    return 1 if level == 4 else 2 if level == 3 else 3


def contains(container: Candidate, place: Candidate) -> bool:
    """RETURNS (bool): whether ``place`` lies inside ``container`` by admin codes."""
    if container.geonameid == place.geonameid:
        return False
    level = container.admin_level
    if level == 1:
        return place.country == container.country
    if level == 2:
        return (place.country, place.admin1) == (container.country, container.admin1)
    if level == 3:
        return (place.country, place.admin1, place.admin2) == (
            container.country,
            container.admin1,
            container.admin2,
        )
    return False


def _prior(c: Candidate) -> float:
    level = c.admin_level
    pop = math.log10(c.population + 1)
    if level in _LEVEL_PRIOR:
        return _LEVEL_PRIOR[level] + (0.25 if level < 2 else 0.5) * pop
    return pop + (3.0 if c.fcode == "PPLC" else 0.0) + (0.5 if c.fcode.startswith("PPLA") else 0)


class Geocoder:
    """Resolve toponyms against a gazetteer. Constructing it does no I/O.

    gazetteer (Gazetteer | None): the gazetteer to query; default a
        :class:`SQLiteGazetteer` at ``path``, opened on first use.
    path (Path | None): the gazetteer file; default ``Settings().data_dir /
        "gazetteer.sqlite"``.
    fuzzy (bool): try trigram fuzzy matching when nothing else matches (default True;
        costs a few ms per unknown name).
    """

    def __init__(
        self, gazetteer: Gazetteer | None = None, *, path: Path | None = None, fuzzy: bool = True
    ) -> None:
        self.path = Path(path) if path else get_settings().data_dir / "gazetteer.sqlite"
        self._gazetteer = gazetteer
        self.fuzzy = fuzzy

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer (created lazily)."""
        if self._gazetteer is None:
            self._gazetteer = SQLiteGazetteer(self.path)
        return self._gazetteer

    def available(self) -> bool:
        """RETURNS (bool): whether the gazetteer can be queried (built)."""
        gaz = self.gazetteer
        return gaz.exists() if isinstance(gaz, SQLiteGazetteer) else True

    # -- candidates -------------------------------------------------------------------------

    def candidates(self, name: str) -> tuple[list[Candidate], str]:
        """Candidates for one name, without context.

        name (str): the toponym as written.
        RETURNS (tuple[list[Candidate], str]): the candidates and how they matched
            (``name``, ``admin``, ``part``, ``fuzzy``; ``""`` when none).
        """
        name = _POSSESSIVE.sub("", name.strip())
        key = fold(name)
        if not key:
            return [], ""
        found = self.gazetteer.lookup(key)
        if found:
            return _top(found), "name"
        for variant in (_LEADING.sub("", key), strip_admin(key)):
            if variant != key and len(variant) > 2:
                found = self.gazetteer.lookup(variant)
                if found:
                    return _top(found), "admin"
        feature = " " in key and key.rsplit(" ", 1)[-1] in _FEATURE
        found = self._part(name, strict=feature)
        if found:
            return found, "part"
        if self.fuzzy and not feature and 5 <= len(key) <= 30 and key.count(" ") < 3:
            found = self._fuzzy(key)
            if found:
                return found, "fuzzy"
        return [], ""

    def _part(self, name: str, strict: bool = False) -> list[Candidate]:
        """A known capitalised name inside a longer span ("Colorado State University").

        strict (bool): the span names a street, building or natural feature ("Kingsley
            Road"): accept only units, hand-kept aliases and towns of 5,000 or more.
        """
        tokens = name.split()
        if len(tokens) < 2 or len(tokens) > 8:
            return []
        for size in range(len(tokens) - 1, 0, -1):
            for i in range(len(tokens) - size + 1):
                part = tokens[i : i + size]
                if not all(w[:1].isupper() for w in part) or (
                    size == 1 and part[0].lower() in _GENERIC
                ):
                    continue
                key = fold(" ".join(part))
                found = [
                    c
                    for c in self.gazetteer.lookup(key)
                    if c.curated or (len(key) > 3 and strip_admin(_name_key(c)) == strip_admin(key))
                ]
                if strict:
                    found = [
                        c for c in found if c.curated or c.admin_level < 4 or c.population >= 5_000
                    ]
                if found:
                    return found
        return []

    def _fuzzy(self, key: str) -> list[Candidate]:
        best: list[tuple[float, str]] = []
        for other in self.gazetteer.fuzzy(key, limit=50):
            if other[:1] != key[:1]:
                continue
            ratio = difflib.SequenceMatcher(None, key, other).ratio()
            if ratio >= 0.86:
                best.append((ratio, other))
        best.sort(reverse=True)
        out: list[Candidate] = []
        for _ratio, other in best[:3]:
            out += self.gazetteer.lookup(other)
        return out

    # -- resolution -------------------------------------------------------------------------

    def resolve(self, text: str, mentions: Sequence[Mention]) -> list[Resolution]:
        """Resolve every mention of one document, each in the light of the others.

        text (str): the document (for container cues between mentions).
        mentions (Sequence[Mention]): toponym spans, in any order.
        RETURNS (list[Resolution]): one per mention, in the same order.
        """
        if not self.available():
            return [Resolution(m, None, reason=NOT_BUILT) for m in mentions]
        cache: dict[str, tuple[list[Candidate], str]] = {}
        cands = []
        for m in mentions:
            if m.text not in cache:
                cache[m.text] = self.candidates(m.text)
            cands.append(cache[m.text])
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        container: dict[int, int] = {}
        loose: set[int] = set()  # "X, Y": Y may be the next item of a list
        for a, b in itertools.pairwise(order):
            gap = text[mentions[a].end : mentions[b].start]
            if cands[b][0] and (_PREP_GAP.match(gap) or _COMMA_GAP.match(gap)):
                container[a] = b
                if _COMMA_GAP.match(gap):
                    loose.add(a)
        # "Kazakhstan's Zhambyl region": the second is the more precise container.
        inner: dict[int, int] = {}
        for a, b in itertools.pairwise(order):
            if _POSSESSIVE_GAP.match(text[mentions[a].end : mentions[b].start]):
                inner[a] = b
        for a, b in list(container.items()):
            if b in inner and a not in loose:
                container[a] = inner[b]
        cues = [_cue(text, m) for m in mentions]
        # First pass: context-free choice, to learn the document's countries and regions.
        first = [
            self._rank(mentions[i], *cands[i], None, None, cue=cues[i])
            for i in range(len(mentions))
        ]
        countries: Counter[str] = Counter()
        regions: Counter[tuple[str, str]] = Counter()
        for r in first:
            if r.candidate and r.candidate.country:
                countries[r.candidate.country] += 1
                if r.candidate.admin_level >= 2:
                    regions[(r.candidate.country, r.candidate.admin1)] += 1
        context = (countries, regions, sum(countries.values()))
        towns = [
            (r.mention.text, r.candidate.lat, r.candidate.lon)
            for r in first
            if r.candidate and r.candidate.admin_level == 4 and r.candidate.lat is not None
        ]
        second = []
        for i, m in enumerate(mentions):
            own = first[i].candidate
            ctx = _without(context, own)
            box = first[container[i]].candidate if i in container else None
            near = [(lat, lon) for text, lat, lon in towns if text != m.text]
            second.append(self._rank(m, *cands[i], ctx, box, i in loose, cues[i], near))
        # Containers are re-read after the second pass ("Y" may have changed too).
        final = []
        for i, m in enumerate(mentions):
            if i in container and second[container[i]].candidate != first[container[i]].candidate:
                ctx = _without(context, first[i].candidate)
                box = second[container[i]].candidate
                final.append(self._rank(m, *cands[i], ctx, box, i in loose, cues[i]))
            else:
                final.append(second[i])
        return final

    def resolve_name(self, name: str) -> Resolution:
        """Resolve one name with no context. RETURNS (Resolution)."""
        return self.resolve(name, [Mention(0, len(name), name)])[0]

    def _rank(
        self,
        mention: Mention,
        found: list[Candidate],
        match: str,
        context: tuple[Counter, Counter, int] | None,
        box: Candidate | None,
        loose: bool = False,
        cue: str | None = None,
        near: list[tuple[float, float]] | None = None,
    ) -> Resolution:
        if box is not None and found and box.admin_level >= min(c.admin_level for c in found):
            box = None  # "Utah, Colorado": a list, not a container
        if box is not None and loose and box.admin_level < 2:
            loose_box, box = box, None  # "X, France" ranks by country but never falls back
        else:
            loose_box = None
        if not found:
            return self._fallback(mention, box, "not in gazetteer")
        key = strip_admin(fold(_POSSESSIVE.sub("", mention.text)))
        cities = [
            c
            for c in found
            if c.admin_level == 4 and c.population and strip_admin(_name_key(c)) == key
        ]
        mention_key = fold(mention.text)
        short_caps = len(mention.text) <= 4 and mention.text.replace(".", "").isupper()
        scored = []
        for c in found:
            score = _prior(c)
            if c.curated:
                score += 3.0
            elif short_caps and _name_key(c) != mention_key:
                score -= 6.0  # "SA" is an alternate name of some town: not a good reading
            if _name_key(c) == mention_key:
                score += 0.5
            if cue == "admin":
                score += 4.0 if c.admin_level in (2, 3) else -2.0
            elif cue == "town":
                score += 2.0 if c.admin_level == 4 else -2.0
            if match == "fuzzy":
                score -= 1.0
            if context is not None:
                countries, regions, total = context
                if total and c.country:
                    score += 3.0 * countries[c.country] / total
                    if c.admin_level >= 2:
                        score += 2.0 * regions[(c.country, c.admin1)] / total
            if near and c.admin_level == 4 and c.lat is not None:
                closest = min(_km(c.lat, c.lon, lat, lon) for lat, lon in near[:MAX_NEAR])
                score += 1.5 if closest < 50 else 0.75 if closest < 200 else 0.0
            for b in (box, loose_box):
                if b is not None:
                    score += 6.0 if contains(b, c) else -4.0
            if c.admin_level in (2, 3) and any(
                contains(c, city) and city.population * 4 >= c.population for city in cities
            ):
                score -= 4.0  # "Lagos", "Dubai": the city, not the unit named after it
            scored.append((score, c))
        scored.sort(key=lambda sc: (-sc[0], -sc[1].population))
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else 10.0
        if box is not None and not contains(box, best) and box.geonameid != best.geonameid:
            return self._fallback(mention, box, f"no {mention.text!r} in {box.name}")
        if len(scored) > 1 and margin < AMBIGUOUS_MARGIN and context is not None:
            other = scored[1][1]
            no_context = not context[2] and box is None and loose_box is None
            if no_context and other.country != best.country and best.admin_level == 4:
                return Resolution(
                    mention,
                    None,
                    best_score,
                    margin,
                    match,
                    reason=f"ambiguous: {best.name} ({best.country}) or {other.name} "
                    f"({other.country}), nothing in the report tells them apart",
                )
        return Resolution(mention, best, best_score, margin, match, precision_of(best))

    def _fallback(self, mention: Mention, box: Candidate | None, why: str) -> Resolution:
        if box is not None and box.admin_level in _FALLBACK_PRECISION:
            return Resolution(
                mention,
                box,
                0.0,
                0.0,
                "fallback",
                _FALLBACK_PRECISION[box.admin_level],
                reason=f"{why}; located at the enclosing unit {box.name}",
            )
        return Resolution(mention, None, reason=why)


def _cue(text: str, mention: Mention) -> str | None:
    """``admin`` for "X region", ``town`` for "the village of X", else None."""
    if _ADMIN_AFTER.match(text[mention.end : mention.end + 20]):
        return "admin"
    if _TOWN_BEFORE.search(text[max(0, mention.start - 20) : mention.start]):
        return "town"
    return None


def _name_key(c: Candidate) -> str:
    return c.name_key or fold(c.name)


def _top(found: list[Candidate]) -> list[Candidate]:
    """The :data:`MAX_CANDIDATES` most likely entries (hand-kept, units, then by population)."""
    if len(found) <= MAX_CANDIDATES:
        return found
    found = sorted(found, key=lambda c: (not c.curated, c.admin_level == 4, -c.population))
    return found[:MAX_CANDIDATES]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _without(context: tuple[Counter, Counter, int], own: Candidate | None):
    countries, regions, total = context
    if own is None or not own.country:
        return context
    countries = countries.copy()
    countries[own.country] -= 1
    regions = regions.copy()
    if own.admin_level >= 2:
        regions[(own.country, own.admin1)] -= 1
    return countries, regions, total - 1


__all__ = ["NOT_BUILT", "Geocoder", "Mention", "Resolution", "contains", "precision_of"]
