"""Publication dates from datelines at the start of a report.

Recognised (the dateline stays in the text)::

    WASHINGTON, Feb. 20, 2020 (Reuters) - ...
    KABUL, Afghanistan, Thursday, February 20, 2020 — ...
    February 20, 2020 — ...
    20 Feb 2020 (on a line of its own, or followed by a dash)
    Published 2020-02-20 14:05 GMT | ...

A date counts as a dateline only when what comes before it is a run of capitalised
words (places, weekdays, "Updated") and what follows is a dash, colon, pipe, slash,
an agency in brackets, a time, or the end of the line. "On February 20, 2020, police
said" is a sentence, not a dateline.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<day>[0-3]\d)\b"),
)
_PREFIX_WORD = re.compile(r"[^\W\d_][\w.'-]*")
_SENTENCE_STARTERS = frozenset({
    "On", "In", "By", "Since", "Until", "From", "Before", "After", "As", "At", "Last", "Next",
    "Between", "During", "Of", "The", "A", "An", "It", "He", "She", "They", "We",
})
_GLUE = frozenset({"on", "at", "of", "de", "al", "el"})  # "Posted on", "Dar es Salaam"
_SUFFIX = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"  # a time
    r"\s*(?:\([^()\n]{1,40}\)\s*)?"  # (Reuters)
    r"(?:[-–—|:/]|\n|$)",
    re.IGNORECASE,
)
_MAX_PREFIX = 80
_LINES = 3  # a dateline may follow a headline and a byline


def parse_dateline(text: str) -> dt.date | None:
    """Find the publication date in a dateline at the start of a report.

    The first three lines are tried, so a dateline after a headline is found.

    text (str): normalised report text.
    RETURNS (dt.date | None): the dateline's date, or None if there is no dateline.
    DOCS: docs/ingest.md#publication-dates
    """
    for line in text[:600].split("\n", _LINES)[:_LINES]:
        found = _line_date(line)
        if found is not None:
            return found
    return None


def _line_date(line: str) -> dt.date | None:
    head = line[: _MAX_PREFIX + 40]
    matches = [m for pattern in _DATES for m in pattern.finditer(head)]
    for match in sorted(matches, key=lambda m: m.start()):
        if match.start() > _MAX_PREFIX:
            break
        if not _is_prefix(head[: match.start()]) or not _SUFFIX.match(line, match.end()):
            continue
        day = _to_date(match)
        if day is not None:
            return day
    return None


def _is_prefix(prefix: str) -> bool:
    words = _PREFIX_WORD.findall(prefix)
    if words and words[0] in _SENTENCE_STARTERS:
        return False
    return all(w[0].isupper() or w in _GLUE for w in words[1:]) and (
        not words or words[0][0].isupper())


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = int(groups["mm"]) if groups.get("mm") else _MONTHS[groups["mon"][:3].lower()]
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
