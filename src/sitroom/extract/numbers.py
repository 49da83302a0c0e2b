"""Find and parse cardinal quantities in a Doc: digits, number words, vague words, ranges.

:func:`parse_number` turns one number phrase ("1,200", "2.5 million", "twenty thousand",
"a dozen") into an int. :func:`find_quantities` scans a Doc for quantity phrases with
their qualifier ("more than", "about", "between A and B", "20-30") and drops numbers
that are not counts of people or things: ages, years, times, money, percentages,
measures, phone numbers and addresses. Typing a quantity (killed, fled…) is the job of
:mod:`sitroom.extract.figures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from text_to_num import text2num

from ..schema import Qualifier


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Number words text2num understands (besides digits).
NUMBER_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion lakh crore"
)
MAGNITUDES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
              "lakh": 100_000, "crore": 10_000_000}
#: ACLED's convention for vague plurals: the lower bound, qualifier ``at_least``.
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}

#: Words after a number that make it a measure, not a count of people or things.
UNIT_WORDS = _words(
    """year years yr yrs month months week weeks day days hour hours hrs minute minutes
    second seconds am a.m. pm p.m. o'clock percent per cent % mile miles km kilometre
    kilometres kilometer kilometers metre metres meter meters m foot feet ft yard yards inch
    inches mph acre acres hectare hectares ha square sq ton tons tonne tonnes pound pounds
    lb lbs kg kilogram kilograms gram grams litre litres liter liters gallon gallons degree
    degrees times round rounds shot shots bullet bullets casing casings calls vote votes
    dollar dollars usd euro euros rupee rupees pesos naira shillings cents block blocks
    th st nd rd mm caliber calibre gauge points point"""
)
CURRENCY_PREFIX = _words("$ £ € ¥ ₹ us$ rs rs. usd")
#: Words before a number that make it an age, a year, a route or an address.
BLOCKING_BEFORE = _words(
    "aged age ages ages: no. number # route highway interstate i- channel page chapter "
    "article section apartment apt suite room unit flight code"
)

_GROUP = re.compile(r"^\d{1,3}$")
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_RANGE_TOKEN = re.compile(r"^(\d[\d,]*)[-–](\d[\d,]*)$")
_PHONE = re.compile(r"\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}\b|\d{3}-\d{4}\b")

AT_LEAST = (("at", "least"), ("more", "than"), ("over",), ("upwards", "of"), ("in", "excess", "of"),
            ("no", "fewer", "than"), ("no", "less", "than"), ("not", "less", "than"),
            ("a", "minimum", "of"), ("above",), ("beyond",))
AT_MOST = (("up", "to"), ("fewer", "than"), ("less", "than"), ("as", "many", "as"),
           ("at", "most"), ("under",), ("a", "maximum", "of"), ("no", "more", "than"))
APPROX = (("about",), ("around",), ("approximately",), ("roughly",), ("nearly",), ("almost",),
          ("some",), ("an", "estimated"), ("estimated",), ("close", "to"), ("an", "approximate"),
          ("approx.",), ("circa",), ("almost", "all"), ("just", "under"), ("just", "over"),
          ("more", "or", "less"), ("at", "around"), ("around", "about"))
_QUALIFIER_PHRASES: tuple[tuple[tuple[str, ...], Qualifier], ...] = tuple(
    sorted(
        [(p, Qualifier.AT_LEAST) for p in AT_LEAST]
        + [(p, Qualifier.AT_MOST) for p in AT_MOST]
        + [(p, Qualifier.APPROXIMATELY) for p in APPROX],
        key=lambda item: -len(item[0]),
    )
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity phrase in a Doc (token offsets, end exclusive).

    ``head`` is the token through which the phrase attaches to the sentence (the last
    number token), ``vague`` marks ACLED-style plurals ("dozens").
    """

    start: int
    end: int
    head: int
    value: int
    low: int
    high: int
    qualifier: Qualifier
    vague: bool = False


def _digits(text: str) -> float | None:
    text = text.strip()
    if _DOTTED.match(text):  # "2.000": a thousands separator in many languages
        return float(text.replace(".", ""))
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    return None


def parse_number(text: str) -> int | None:
    """Parse one number phrase into an integer.

    text (str): e.g. "1,200", "2.5 million", "twenty thousand", "a dozen", "eleven".
    RETURNS (int | None): the value, or None when ``text`` is not a number.
    """
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    if words[0] in ("a", "an", "one") and len(words) == 2 and words[1] in ("dozen", *MAGNITUDES):
        return 12 if words[1] == "dozen" else MAGNITUDES[words[1]]
    if len(words) == 2 and words[1] == "dozen":
        inner = parse_number(words[0])
        return inner * 12 if inner is not None else None
    first = _digits(words[0])
    if first is not None:
        value = first
        for word in words[1:]:
            if word not in MAGNITUDES:
                return None
            value *= MAGNITUDES[word]
        return round(value)
    if any(w not in NUMBER_WORDS and w != "and" for w in words):
        return None
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def _is_number_token(token: Token) -> bool:
    low = token.lower_
    return low in NUMBER_WORDS or low == "dozen" or _digits(low) is not None


def _qualifier_before(doc: Doc, start: int) -> tuple[int, Qualifier]:
    """The qualifier phrase ending just before token ``start``, if any."""
    for phrase, qualifier in _QUALIFIER_PHRASES:
        begin = start - len(phrase)
        if begin < 0:
            continue
        if tuple(t.lower_ for t in doc[begin:start]) == phrase:
            return begin, qualifier
    return start, Qualifier.EXACT


def _thousands_group(doc: Doc, j: int) -> bool:
    """``9 300``, ``122 387``: a 3-digit group after a 1-3 digit number and one space."""
    prev = doc[j - 1]
    return bool(re.fullmatch(r"\d{3}", doc[j].text) and _GROUP.match(prev.text)
                and prev.whitespace_ == " "
                and not (j >= 2 and _GROUP.match(doc[j - 2].text)
                         and doc[j - 2].whitespace_ == " "))


def _phrase(doc: Doc, start: int, end: int) -> str:
    """The text of a number run, digit groups joined ("9 300" → "9300")."""
    parts: list[str] = []
    for token in doc[start:end]:
        if token.text == ",":
            continue
        if parts and token.text.isdigit() and parts[-1].replace(",", "").isdigit():
            parts[-1] += token.text
        else:
            parts.append(token.text)
    return " ".join(parts)


def _number_run(doc: Doc, i: int) -> int:
    """End (exclusive) of the run of number tokens starting at ``i``."""
    j = i
    n = len(doc)
    while j < n:
        token = doc[j]
        digit_after_digit = (j > i and _digits(token.text) is not None
                             and _digits(doc[j - 1].text) is not None)
        if (_is_number_token(token) and not digit_after_digit) or (
                j > i and _thousands_group(doc, j)):
            j += 1
        elif (token.text == "," and j > i and j + 1 < n and _GROUP.match(doc[j - 1].text)
              and re.fullmatch(r"0\d\d", doc[j + 1].text)):
            j += 2
        elif (token.text in ("-", "and") and j > i and j + 1 < n
              and doc[j + 1].lower_ in NUMBER_WORDS and doc[j - 1].lower_ in NUMBER_WORDS
              and not (token.text == "and" and doc[j - 1].lower_ not in MAGNITUDES)):
            j += 1
        else:
            break
    # a trailing "-" or "and" is not part of the number
    while j > i + 1 and doc[j - 1].text in ("-", "and"):
        j -= 1
    return j


def _blocked(doc: Doc, start: int, end: int, phones: list[tuple[int, int]]) -> bool:
    """Whether the number ``doc[start:end]`` is an age, year, time, money or measure."""
    first, last = doc[start], doc[end - 1]
    if any(a <= first.idx < b for a, b in phones):
        return True
    if first.ent_type_ in ("TIME", "MONEY", "PERCENT", "ORDINAL"):
        return True
    if first.ent_type_ == "DATE" and (not first.text.isdigit() or int(first.text) < 32):
        return True  # "the 3rd", "May 21"; large numbers tagged DATE are usually counts
    nxt = doc[end] if end < len(doc) else None
    prev = doc[start - 1] if start > 0 else None
    if nxt is not None:
        low = nxt.lower_
        if low in UNIT_WORDS or low.startswith("year") or low in ("-year", "-years"):
            return True
        if low in ("-", "/", ":", ".") and end + 1 < len(doc):
            after = doc[end + 1].lower_
            if after.startswith("year") or after in UNIT_WORDS:
                return True
            if low != "-" and after.isdigit():
                return True
    if prev is not None:
        low = prev.lower_
        if low in CURRENCY_PREFIX or low in BLOCKING_BEFORE or low in ("/", "#"):
            return True
    if re.fullmatch(r"0\d+", first.text):
        return True  # "000", "07": not a count
    if ":" in first.text or "/" in first.text:
        return True
    text = first.text
    if (end - start == 1 and text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100
            and not (nxt is not None and nxt.tag_ == "NNS")):
        return True  # a year (but "1057 people" is a count)
    if _age_like(doc, start, end):
        return True
    return bool(last.like_num and last.text.isdigit() and len(last.text) >= 5
                and nxt is not None and nxt.pos_ == "PROPN")  # zip code / street number


def _age_like(doc: Doc, start: int, end: int) -> bool:
    """``Name, 25,`` or ``(25)``: an age given after a name."""
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < len(doc) else None
    if prev is None or nxt is None or end - start != 1 or not doc[start].text.isdigit():
        return False
    if prev.text == "(" and nxt.text == ")":
        return True
    if nxt.text == "," and end + 1 < len(doc) and re.fullmatch(r"0\d\d", doc[end + 1].text):
        return False  # "61, 000": a thousands group with a stray space
    if prev.text == "," and nxt.text in (",", ".", ";", "and", "of", "who", "-", "–", "—", "[",
                                         "(", "|"):
        before = doc[start - 2] if start > 1 else None
        return before is not None and (before.pos_ in ("PROPN", "NOUN", "PRON")
                                       or before.ent_type_ == "PERSON")
    return False


def _vague(doc: Doc, i: int) -> tuple[int, int] | None:
    """``dozens``, ``hundreds``, ``tens of thousands``: (end, value) at token ``i``."""
    low = doc[i].lower_
    n = len(doc)
    if low == "tens" and i + 2 < n and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in VAGUE:
        return i + 3, 10 * VAGUE[doc[i + 2].lower_]
    if low in VAGUE:
        if i + 2 < n and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in ("thousands",
                                                                             "millions"):
            return i + 3, VAGUE[low] * VAGUE[doc[i + 2].lower_]
        return i + 1, VAGUE[low]
    return None


def find_quantities(doc: Doc) -> list[Quantity]:
    """Find the count-like quantity phrases of ``doc``, in text order.

    doc (Doc): a parsed Doc (entity types and part-of-speech tags are used to drop
        dates, money and the like).
    RETURNS (list[Quantity]): quantity phrases with value, bounds and qualifier.
    """
    found: list[Quantity] = []
    phones = [m.span() for m in _PHONE.finditer(doc.text)]
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        vague = _vague(doc, i)
        if vague is not None:
            end, value = vague
            begin, qualifier = _qualifier_before(doc, i)
            found.append(Quantity(begin, end, end - 1, value, value, value,
                                  Qualifier.AT_LEAST if qualifier == Qualifier.EXACT
                                  else qualifier, vague=True))
            i = end
            continue
        match = _RANGE_TOKEN.match(token.text)
        if (match and not _blocked(doc, i, i + 1, phones)
                and token.ent_type_ not in ("DATE", "TIME")):
            low, high = (int(g.replace(",", "")) for g in match.groups())
            if low < high:
                found.append(Quantity(i, i + 1, i, low, low, high, Qualifier.RANGE))
            i += 1
            continue
        if not _is_number_token(token) or token.lower_ in ("hundred", "thousand", "million",
                                                          "billion", "dozen"):
            if token.lower_ in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in (
                    "dozen", "hundred", "thousand", "million"):
                end = _number_run(doc, i + 1)
                value = parse_number(_phrase(doc, i, end))
                if value is not None and not _blocked(doc, i + 1, end, phones):
                    found.append(Quantity(i, end, end - 1, value, value, value,
                                          Qualifier.EXACT))
                i = max(end, i + 1)
                continue
            i += 1
            continue
        end = _number_run(doc, i)
        value = parse_number(_phrase(doc, i, end))
        if value is None or _blocked(doc, i, end, phones):
            i = end
            continue
        begin, qualifier = _qualifier_before(doc, i)
        if begin == i and i > 0 and doc[i - 1].lower_ == "between":
            begin, qualifier = i - 1, Qualifier.EXACT
        rng = _range_after(doc, end, phones)
        if rng is not None and rng[1] > value and (begin < i or doc[end].lower_ != "and"):
            range_end, high = rng
            if qualifier == Qualifier.EXACT:
                qualifier = Qualifier.RANGE
            found.append(Quantity(begin, range_end, range_end - 1, value, value, high,
                                  qualifier))
            i = range_end
            continue
        if begin < i and doc[begin].lower_ == "between":
            begin = i
        if qualifier == Qualifier.EXACT:
            qualifier = _qualifier_after(doc, end)
        found.append(Quantity(begin, end, end - 1, value, value, value, qualifier))
        i = end
    return found


def _qualifier_after(doc: Doc, end: int) -> Qualifier:
    """``107 or more``, ``66 people or more``, ``200 or so``: a qualifier after the number
    (or after the one noun it counts)."""
    for k in (end, end + 1):
        if k + 1 >= len(doc) or doc[k].lower_ != "or":
            continue
        if k == end + 1 and doc[end].tag_ not in ("NNS", "NNPS"):
            break
        word = doc[k + 1].lower_
        if word in ("more", "over", "above"):
            return Qualifier.AT_LEAST
        if word in ("less", "fewer", "under"):
            return Qualifier.AT_MOST
        if word == "so":
            return Qualifier.APPROXIMATELY
    return Qualifier.EXACT


def _range_after(doc: Doc, end: int, phones: list[tuple[int, int]]) -> tuple[int, int] | None:
    """``A and B`` / ``A to B`` / ``A - B``: (end, high) of the range continuing at ``end``."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("and", "to", "-", "–", "or"):
        return None
    start = end + 1
    if not _is_number_token(doc[start]):
        return None
    stop = _number_run(doc, start)
    high = parse_number(_phrase(doc, start, stop))
    if high is None or _blocked(doc, start, stop, phones):
        return None
    return stop, high
