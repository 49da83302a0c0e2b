"""Component ``sitroom_dates``: date and period expressions resolved to day ranges.

Candidates come from compiled regular expressions over ``doc.text`` (absolute dates,
day ranges, weekdays, ``yesterday``, ``last week``, ``in March``, ``in 2018``, ``two
days ago``…); overlapping candidates keep the longest. Each is resolved against the
publication date (``doc._.published``) with plain date arithmetic: no dateparser call
is needed for the forms news uses, so the step costs microseconds per document.
Without a publication date only self-contained dates (with a year) are resolved.
The rules are documented in ``docs/dates_and_events.md``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import register_extensions
from .mentions import DateMention

MONTHS: dict[str, int] = {
    name: i
    for i, full in enumerate(calendar.month_name)
    if full
    for name in {full.lower(), full[:3].lower()}
} | {"sept": 9}
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS: dict[str, int] = {
    w: i + 1
    for i, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve"])
} | {"a": 1, "an": 1, "a couple of": 2, "a few": 3, "several": 3}

_MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|"
          r"july?|aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|sept\.|oct(?:ober|\.)?|"
          r"nov(?:ember|\.)?|dec(?:ember|\.)?)")
_MONTH_FULL = ("(?:january|february|march|april|may|june|july|august|september|october|"
               "november|december)")
_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DASH = r"\s*(?:-|–|—|to|and|through|until|till)\s*"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_NOT_NUM = r"(?![\d:]|\s*(?:%|[ap]\.?m\b|percent|hours?\b|years?\b|-year))"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: (name, compiled pattern): every candidate pattern, resolved by ``_RESOLVERS[name]``.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", _rx(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("slash", _rx(rf"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>{_YEAR})\b")),
    ("md_range", _rx(
        rf"\b(?:between\s+|from\s+|(?:early|late|on)\s+)?(?:{_WD},?\s+)?(?P<m>{_MONTH})\s+"
        rf"(?P<d>{_DAY}){_DASH}"
        rf"(?:(?:{_WD},?\s+)?(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?"
        rf"{_NOT_NUM}")),
    ("dm_range", _rx(
        rf"\b(?:between\s+|from\s+|on\s+)?(?:the\s+)?(?P<d>{_DAY}){_DASH}(?:the\s+)?"
        rf"(?P<d2>{_DAY})"
        rf"\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("md", _rx(
        rf"\b(?:(?:early|late|on)\s+)?(?:{_WD},?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?{_NOT_NUM}")),
    ("dm", _rx(
        rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})\b"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("month_year", _rx(
        rf"\b(?:(?:early|mid|late)[-\s]+)?(?P<m>{_MONTH_FULL}),?\s+(?P<y>{_YEAR})\b")),
    ("month", _rx(
        rf"\b(?:(?P<cue>in|since|during|throughout|until|last|this|early|mid|late)[-\s]+"
        rf"(?:(?:early|mid|late)[-\s]+)?(?P<m>{_MONTH_FULL})\b(?![\s,]+\d)"
        rf"|(?P<m_pos>{_MONTH_FULL})['’]s\b)")),
    ("year", _rx(
        rf"\b(?P<cue>in|since|during|throughout|until|of|early|mid|late|back\s+in)[-\s]+"
        rf"(?:(?:early|mid|late)[-\s]+)?(?P<y>{_YEAR})\b(?![-/\d]|\s*(?:people|persons)\b)")),
    ("wd_range", _rx(
        rf"\b(?:from|between)\s+(?P<w>{_WD}){_PART}?\s+(?:to|and|until|till|through)\s+"
        rf"(?P<w2>{_WD}){_PART}?\b")),
    ("weekday", _rx(
        rf"\b(?:(?P<cue>last|this|on|early|late|next|overnight)\s+)?(?P<w>{_WD})\b{_PART}?")),
    ("ago", _rx(
        r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"an?|a couple of|a few|several)\s+(?P<unit>day|week|month|year)s?\s+ago\b")),
    ("relative", _rx(
        r"\b(?:yesterday(?:\s+(?:morning|afternoon|evening))?|(?:earlier\s+)?today|tonight|"
        r"last\s+night|overnight|this\s+(?:morning|afternoon|evening)|"
        r"(?:over\s+)?(?:the|last|this)\s+weekend|"
        r"(?:so\s+far\s+|earlier\s+|later\s+)?this\s+(?:week|month|year)|"
        r"(?:the\s+)?(?:last|past|previous)\s+(?:week|month|year)|"
        r"a\s+year\s+earlier)\b")),
)
#: Every pattern's match holds one of these words; patterns only run near them.
_ANCHOR = _rx(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|"
              r"sun|ago\b|yesterday|today|tonight|night|overnight|morning|afternoon|evening|"
              r"week|month|year|(?:19|20)\d\d\b)")
_BEFORE, _AFTER = 60, 90  # characters a match may reach before / after its anchor
#: Words before a weekday that make it a holiday or a newspaper, not a date.
_WD_BLOCK_BEFORE = frozenset(["good", "black", "ash", "super", "cyber", "holy", "easter",
                              "bloody", "palm", "mail"])
_WD_BLOCK_AFTER = _rx(r"\s+(?:times|telegraph|mail|express|post|herald|mirror|tribune)\b")
_TODAY_CONTEXT = _rx(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b")
_BIRTH = _rx(r"\b(?:born|dob:?|d\.o\.b\.?)\s*(?:on\s+|in\s+)?$")
_SENT_BREAK = re.compile(r"[.!?\n]\s")


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= _days_in(year, month):
        return None
    return date(year, month, day)


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")[:3]]


def _day(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def precision_for(start: date, end: date) -> int:
    """RETURNS (int): ACLED time precision of a day range (1 ≤2 days, 2 ≤7 days, else 3)."""
    days = (end - start).days + 1
    return 1 if days <= 2 else 2 if days <= 7 else 3


def recent_day(month: int, day: int, published: date) -> date | None:
    """The most recent ``month``/``day`` not after ``published`` (day-month without a year).

    RETURNS (date | None): the date, or None for an impossible day (30 February).
    """
    for year in (published.year, published.year - 1, published.year - 2, published.year - 3):
        found = _safe(year, month, day)
        if found is not None and found <= published:
            return found
    return None


def recent_month(month: int, published: date) -> tuple[date, date]:
    """RETURNS (tuple[date, date]): the most recent ``month`` not after ``published``."""
    year = published.year if month <= published.month else published.year - 1
    return date(year, month, 1), min(date(year, month, _days_in(year, month)), published)


def recent_weekday(weekday: int, published: date, *, today: bool = False,
                   future: bool = False) -> date:
    """The weekday a bare ``on Monday`` means.

    weekday (int): 0 = Monday … 6 = Sunday.
    published (date): the publication date.
    today (bool): the publication day itself counts (same-day reporting).
    future (bool): ``next Monday``: the first such day after publication.
    RETURNS (date): the most recent such day: 0–6 days back with ``today``, else 1–7.
    """
    if future:
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    if back == 0 and not today:
        back = 7
    return published - timedelta(days=back)


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


Resolved = tuple[date, date, int] | None


def _absolute(m: re.Match[str], pub: date | None, month: int, day: int, month2: int | None = None,
              day2: int | None = None) -> Resolved:
    year = m.group("y")
    if year:
        start = _safe(int(year), month, day)
        end = _safe(int(year), month2 or month, day2) if day2 else start
    elif pub is not None:
        end = recent_day(month2 or month, day2 or day, pub)
        if end is None:
            return None
        start = _safe(end.year, month, day) if day2 else end
        if start is not None and start > end:
            start = _safe(end.year - 1, month, day)
    else:
        return None
    if start is None or end is None or start > end:
        return None
    return start, end, precision_for(start, end)


def _iso(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    day = _safe(int(m["y"]), int(m["m"]), int(m["d"]))
    return (day, day, 1) if day else None


def _slash(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)  # month-first unless impossible
    found = _safe(int(m["y"]), month, day)
    return (found, found, 1) if found else None


def _md(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    token = m["m"]
    if token in ("may", "march"):  # modal verb / verb, not a month
        return None
    month2 = _month(m["m2"]) if m.groupdict().get("m2") else None
    day2 = _day(m["d2"]) if m.groupdict().get("d2") else None
    return _absolute(m, pub, _month(token), _day(m["d"]), month2, day2)


def _month_year(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    year, month = int(m["y"]), _month(m["m"])
    return date(year, month, 1), date(year, month, _days_in(year, month)), 3


def _month_only(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    token = m["m"] or m["m_pos"]  # "in March", "March's shooting"
    if pub is None or token in ("may", "march"):
        return None
    start, end = recent_month(_month(token), pub)
    if (m["cue"] or "").lower() == "since":
        end = pub
    return start, end, 3


def _year(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    year = int(m["y"])
    if pub is not None and year > pub.year + 1:
        return None
    end = date(year, 12, 31)
    if m["cue"].lower() == "since" and pub is not None and pub > end:
        end = pub
    return date(year, 1, 1), end, 3


def _weekday_range(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    if pub is None:
        return None
    first, last = WEEKDAYS[m["w"].lower()], WEEKDAYS[m["w2"].lower()]
    end = recent_weekday(last, pub, today=today)
    start = end - timedelta(days=(last - first) % 7)
    return start, end, precision_for(start, end)


def _weekday(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    if pub is None:
        return None
    cue = (m["cue"] or "").lower()
    day = recent_weekday(WEEKDAYS[m["w"].lower()], pub, future=cue == "next",
                         today=today and cue != "last")
    if cue == "overnight":
        return day, day + timedelta(days=1), 1
    return day, day, 1


def _ago(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    if pub is None:
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[" ".join(raw.split())]
    vague = raw in ("a few", "several", "a couple of")
    unit = m["unit"].lower()
    if unit == "day":
        day = pub - timedelta(days=n)
        return (day, pub - timedelta(days=1), 2) if vague else (day, day, 1)
    if unit == "week":
        day = pub - timedelta(days=7 * n)
        return day, day, 2
    if unit == "month":
        year, month = _add_months(pub, -n)
        return date(year, month, 1), date(year, month, _days_in(year, month)), 3
    year = pub.year - n
    return date(year, 1, 1), date(year, 12, 31), 3


def _relative(m: re.Match[str], pub: date | None, today: bool) -> Resolved:
    if pub is None:
        return None
    words = m.group(0).lower().split()
    last, one = words[-1], timedelta(days=1)
    if words[0] == "yesterday" or (last == "night" and words[0] == "last") or last == "overnight":
        return pub - one, pub - one, 1
    if last in ("today", "tonight", "morning", "afternoon", "evening"):
        return pub, pub, 1
    if last == "weekend":
        saturday = recent_weekday(5, pub)
        if "last" in words and pub.weekday() == 6:  # said on a Sunday: the one before
            saturday -= timedelta(days=7)
        return saturday, min(saturday + one, pub), 2
    past = any(w in ("last", "past", "previous") for w in words)
    if "past" in words and last == "year":
        return pub - timedelta(days=365), pub, 3
    if last == "week":
        monday = pub - timedelta(days=pub.weekday())
        if not past:
            return monday, pub, 2
        if "past" in words:
            return pub - timedelta(days=7), pub - one, 2
        return monday - timedelta(days=7), monday - one, 2
    if last == "month":
        if not past:
            return pub.replace(day=1), pub, 3
        year, month = _add_months(pub, -1)
        return date(year, month, 1), date(year, month, _days_in(year, month)), 3
    if last == "earlier":  # "a year earlier": relative to the story, too vague to place
        return None
    if not past:  # this year, so far this year, earlier this year
        return date(pub.year, 1, 1), pub, 3
    return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), 3


_RESOLVERS: dict[str, Callable[[re.Match[str], date | None, bool], Resolved]] = {
    "iso": _iso,
    "slash": _slash,
    "md_range": _md,
    "dm_range": _md,
    "md": _md,
    "dm": _md,
    "month_year": _month_year,
    "month": _month_only,
    "year": _year,
    "wd_range": _weekday_range,
    "weekday": _weekday,
    "ago": _ago,
    "relative": _relative,
}


def _blocked(text: str, m: re.Match[str], name: str) -> bool:
    if _BIRTH.search(text, max(0, m.start() - 16), m.start()) or (
            text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")"):
        return True  # a birth date: "born May 2, 1990", "John Doe (08/28/1991)"
    if name != "weekday":
        return False
    before = text[max(0, m.start() - 12):m.start()].split()
    if before and before[-1].lower() in _WD_BLOCK_BEFORE:
        return True
    return _WD_BLOCK_AFTER.match(text, m.end()) is not None


def _sentence(text: str, start: int, end: int) -> str:
    left = max((b.end() for b in _SENT_BREAK.finditer(text, max(0, start - 300), start)),
               default=max(0, start - 300))
    right = _SENT_BREAK.search(text, end, end + 300)
    return text[left:right.start() + 1 if right else min(len(text), end + 300)]


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """YIELDS (tuple[int, int]): merged stretches around anchor words, where dates can be."""
    start = end = -1
    for anchor in _ANCHOR.finditer(text):
        low, high = max(0, anchor.start() - _BEFORE), anchor.end() + _AFTER
        if low > end:
            if end >= 0:
                yield start, end
            start = low
        end = high
    if end >= 0:
        yield start, min(end, len(text))


def _candidates(text: str) -> Iterator[tuple[int, int, str, re.Match[str]]]:
    for low, high in _windows(text):
        for name, pattern in PATTERNS:
            for m in pattern.finditer(text, low, high):
                if not _blocked(text, m, name):
                    yield m.start(), m.end(), name, m


def _non_overlapping(cands: Iterable[tuple[int, int, str, re.Match[str]]]
                     ) -> list[tuple[int, int, str, re.Match[str]]]:
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
        if all(cand[1] <= s or cand[0] >= e for s, e in taken):
            chosen.append(cand)
            taken.append((cand[0], cand[1]))
    return sorted(chosen, key=lambda c: c[0])


def find_dates(text: str, published: date | None = None, *,
               same_day_weekday: bool = True) -> list[DateMention]:
    """Find and resolve date expressions in ``text``.

    text (str): the text to search.
    published (date | None): the publication date; without one, only dates that carry
        a year are resolved.
    same_day_weekday (bool): a bare weekday that is the publication's own weekday means
        the publication day ("Sunday" in a Sunday report); if False, it means the week
        before, unless its sentence says "today", "tonight" or "this morning".
    RETURNS (list[DateMention]): resolved mentions in text order, none overlapping.
    """
    found: list[DateMention] = []
    for start, end, name, m in _non_overlapping(_candidates(text)):
        today = same_day_weekday or (name in ("weekday", "wd_range") and _TODAY_CONTEXT.search(
            _sentence(text, start, end)) is not None)
        resolved = _RESOLVERS[name](m, published, today)
        if resolved is None:
            continue
        first, last, precision = resolved
        found.append(DateMention(start=start, end=end, text=m.group(0), date_start=first,
                                 date_end=last, precision=precision))
    return found


@lru_cache(maxsize=4096)
def resolve(text: str, published: date | None = None, *,
            same_day_weekday: bool = True) -> DateMention | None:
    """Resolve one short date expression (cached on its arguments).

    text (str): e.g. ``"Feb. 7"``, ``"last week"``, ``"on Monday"``.
    published (date | None): the reference (publication) date.
    same_day_weekday (bool): see :func:`find_dates`.
    RETURNS (DateMention | None): the longest date found in ``text``, or None.
    """
    mentions = find_dates(text, published, same_day_weekday=same_day_weekday)
    return max(mentions, key=lambda d: d.end - d.start) if mentions else None


@Language.factory("sitroom_dates", assigns=["doc._.dates"],
                  default_config={"same_day_weekday": True})
def make_dates(nlp: Language, name: str, *, same_day_weekday: bool) -> DateMentionComponent:
    """Build the ``sitroom_dates`` component.

    same_day_weekday (bool): the publication's own weekday means the publication day.
    RETURNS (DateMentionComponent): writes ``doc._.dates`` (list[DateMention]).
    """
    return DateMentionComponent(same_day_weekday=same_day_weekday)


class DateMentionComponent:
    """Annotate ``doc._.dates`` from ``doc.text`` and ``doc._.published``.

    same_day_weekday (bool): see :func:`find_dates`.
    """

    def __init__(self, *, same_day_weekday: bool = True) -> None:
        register_extensions()
        self.same_day_weekday = same_day_weekday

    def __call__(self, doc: Doc) -> Doc:
        """RETURNS (Doc): ``doc`` with ``doc._.dates`` set."""
        doc._.dates = find_dates(doc.text, doc._.published,
                                 same_day_weekday=self.same_day_weekday)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """YIELDS (Doc): each Doc with ``doc._.dates`` set."""
        for doc in stream:
            yield self(doc)
