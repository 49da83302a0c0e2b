"""Number parsing and quantity spotting (sentences written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.extract.numbers import find_quantities, parse_number
from sitroom.schema import Qualifier

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 0 <= n < 10**9 (the test's own oracle)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" and " + _words(rest) if rest else "")
    for size, name in ((1_000_000, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            return _words(n // size) + " " + name + (" " + _words(rest) if rest else "")
    raise AssertionError(n)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_number_words_round_trip(n: int) -> None:
    assert parse_number(_words(n)) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_thousands_separators(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [("eleven", 11), ("twenty thousand", 20_000), ("1,200", 1200), ("2.5 million", 2_500_000),
     ("a dozen", 12), ("3 dozen", 36), ("twenty-five", 25), ("a hundred", 100)],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "people", "many", "5 people", "first"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def _quantities(nlp, text: str) -> list[tuple[str, int, int, int, str]]:
    doc = nlp(text)
    return [(doc[q.start:q.end].text, q.value, q.low, q.high, q.qualifier)
            for q in find_quantities(doc)]


def test_qualifiers_and_ranges(nlp) -> None:
    found = _quantities(
        nlp, "More than 300 sheep, between 20 and 30 goats, up to 40 huts, about 15 cows "
             "and 60-70 chickens were counted by the farmers.")
    assert ("More than 300", 300, 300, 300, Qualifier.AT_LEAST) in found
    assert ("between 20 and 30", 20, 20, 30, Qualifier.RANGE) in found
    assert ("up to 40", 40, 40, 40, Qualifier.AT_MOST) in found
    assert ("about 15", 15, 15, 15, Qualifier.APPROXIMATELY) in found
    assert ("60-70", 60, 60, 70, Qualifier.RANGE) in found


def test_vague_words_follow_acled(nlp) -> None:
    found = _quantities(nlp, "Dozens of farmers and tens of thousands of traders met there, "
                             "and hundreds of sheep grazed.")
    assert [(v, q) for _, v, _, _, q in found] == [
        (12, Qualifier.AT_LEAST), (10_000, Qualifier.AT_LEAST), (100, Qualifier.AT_LEAST)]


@pytest.mark.parametrize(
    "text",
    ["The 25-year-old teacher left in 2019.",
     "She paid $5,000 for 12 acres, 30 percent more than in 1998.",
     "Call 555-123-4567 before 3:30 p.m. on the 4th.",
     "Maria Lopez, 34, walked 12 miles to the 1200 block of Elm Street."],
)
def test_non_counts_are_not_quantities(nlp, text: str) -> None:
    assert _quantities(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("Officials counted 9 300 tents.", 9300), ("They handed out 61, 000 blankets.", 61_000),
     ("Aid reached 2.14 lakh families.", 214_000), ("Hubo 2.000 mineros.", 2000)],
)
def test_spaced_and_dotted_thousands(nlp, text: str, value: int) -> None:
    assert [v for _, v, _, _, _ in _quantities(nlp, text)] == [value]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("The crash killed 107 or more people.", 107, Qualifier.AT_LEAST),
        ("Sixty-six people or more were hurt.", 66, Qualifier.AT_LEAST),
        ("Police held 40 or so men.", 40, Qualifier.APPROXIMATELY),
        ("Officials said 12 people or fewer were held.", 12, Qualifier.AT_MOST),
        ("Police held 40 men or so.", 40, Qualifier.APPROXIMATELY),
    ],
)
def test_qualifier_after_the_number(nlp, text: str, value: int, qualifier: Qualifier) -> None:
    [q] = find_quantities(nlp(text))
    assert (q.value, q.qualifier) == (value, qualifier)
