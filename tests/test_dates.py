"""Date expressions resolved against the publication date (``sitroom_dates``)."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.extract.dates import find_dates, recent_weekday, resolve

PUB = dt.date(2020, 2, 20)  # a Thursday
D = dt.date


def one(text: str, published: dt.date | None = PUB) -> tuple[dt.date, dt.date, int]:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert text[m.start:m.end] == m.text
    return m.date_start, m.date_end, m.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes broke out on February 7, 2020 here.", (D(2020, 2, 7), D(2020, 2, 7), 1)),
        ("Clashes broke out on 7 Feb in the village.", (D(2020, 2, 7), D(2020, 2, 7), 1)),
        ("The report is dated 2020-02-07.", (D(2020, 2, 7), D(2020, 2, 7), 1)),
        ("Police said the attack happened Feb. 7.", (D(2020, 2, 7), D(2020, 2, 7), 1)),
        ("She was shot on Tuesday, Jan. 27, at home.", (D(2020, 1, 27), D(2020, 1, 27), 1)),
        ("It happened on Dec. 30.", (D(2019, 12, 30), D(2019, 12, 30), 1)),  # year before
        ("Fighting raged February 7–8.", (D(2020, 2, 7), D(2020, 2, 8), 1)),
        ("Fighting raged 7-8 February.", (D(2020, 2, 7), D(2020, 2, 8), 1)),
        ("Riots broke out on February 7–8 in the village.", (D(2020, 2, 7), D(2020, 2, 8), 1)),
        ("Riots broke out on 7-8 February.", (D(2020, 2, 7), D(2020, 2, 8), 1)),
        ("Fighting raged between 7 and 9 February.", (D(2020, 2, 7), D(2020, 2, 9), 2)),
        ("Riots went on from Friday to Sunday.", (D(2020, 2, 14), D(2020, 2, 16), 2)),
        ("Two men were shot on Monday.", (D(2020, 2, 17), D(2020, 2, 17), 1)),
        ("Two men were shot on Thursday.", (D(2020, 2, 20), D(2020, 2, 20), 1)),
        ("Two men were shot last Thursday.", (D(2020, 2, 13), D(2020, 2, 13), 1)),
        ("A bomb went off yesterday.", (D(2020, 2, 19), D(2020, 2, 19), 1)),
        ("A bomb went off today.", (D(2020, 2, 20), D(2020, 2, 20), 1)),
        ("Gunfire was heard last night.", (D(2020, 2, 19), D(2020, 2, 19), 1)),
        ("Looting spread overnight.", (D(2020, 2, 19), D(2020, 2, 19), 1)),
        ("Protests began last week.", (D(2020, 2, 10), D(2020, 2, 16), 2)),
        ("Protests began last month.", (D(2020, 1, 1), D(2020, 1, 31), 3)),
        ("Protests began in March.", (D(2019, 3, 1), D(2019, 3, 31), 3)),
        ("A victim of January's shooting died.", (D(2020, 1, 1), D(2020, 1, 31), 3)),
        ("Floods hit the town in March 2018.", (D(2018, 3, 1), D(2018, 3, 31), 3)),
        ("Dozens died earlier this year.", (D(2020, 1, 1), D(2020, 2, 20), 3)),
        ("A similar raid took place in 2018.", (D(2018, 1, 1), D(2018, 12, 31), 3)),
        ("The war has raged since 2015.", (D(2015, 1, 1), D(2020, 2, 20), 3)),
        ("He was stabbed two days ago.", (D(2020, 2, 18), D(2020, 2, 18), 1)),
        ("Crowds gathered over the weekend.", (D(2020, 2, 15), D(2020, 2, 16), 2)),
        ("A mob attacked the station last year.", (D(2019, 1, 1), D(2019, 12, 31), 3)),
    ],
)
def test_resolves_against_publication_date(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 25-year-old man and his 7-year-old son were hurt.",
        "The shooting happened at 10 p.m. near the bar.",
        "The siege lasted for three days.",
        "Call the tip line at 555-1234 or 202-555-0188.",
        "Rebels killed 12 people and wounded 30 others.",
        "Officials said they may 7 times have warned residents.",
        "Thousands march 3 miles to the palace.",
        "The Mail on Sunday published the photos.",
        "Worshippers gathered on Good Friday.",
        "Santiago Arguelles (08/28/1991) was arrested.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_strict_weekdays_allow_the_publication_day_only_when_told_today() -> None:
    # Published on a Thursday: "Thursday" in a sentence about today is today itself.
    text = "Police said this morning that the raid began Thursday."
    today = find_dates(text, PUB, same_day_weekday=False)
    assert [(m.text, m.date_start) for m in today] == [("this morning", PUB), ("Thursday", PUB)]
    strict = find_dates("The raid began Thursday.", PUB, same_day_weekday=False)
    assert strict[0].date_start == D(2020, 2, 13)


def test_without_publication_date_only_absolute_dates() -> None:
    text = "On Feb. 7, police said, a man was shot yesterday; on March 3, 2019 and in 2018 too."
    found = [(m.text, m.date_start) for m in find_dates(text, None)]
    assert found == [("on March 3, 2019", D(2019, 3, 3)), ("in 2018", D(2018, 1, 1))]


def test_mentions_do_not_overlap_and_keep_text_order() -> None:
    text = "On Monday, Feb. 17, 2020, and again from Friday to Sunday last week, mobs attacked."
    mentions = find_dates(text, PUB)
    assert [m.text for m in mentions] == ["On Monday, Feb. 17, 2020", "from Friday to Sunday",
                                          "last week"]
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start


def test_resolve_is_cached() -> None:
    first = resolve("last week", PUB)
    assert first is not None and first.precision == 2
    assert resolve("last week", PUB) is first


def test_component_writes_doc_dates(nlp) -> None:
    doc = nlp.make_doc("Gunmen attacked the market on Monday.")
    doc._.published = PUB
    doc = nlp.get_pipe("sitroom_dates")(doc)
    assert [(m.text, m.date_start) for m in doc._.dates] == [("on Monday", D(2020, 2, 17))]


dates = st.dates(min_value=D(1950, 1, 1), max_value=D(2040, 12, 31))


@given(published=dates, weekday=st.integers(0, 6), same_day=st.booleans())
def test_weekday_is_within_the_week_before_publication(published: dt.date, weekday: int,
                                                       same_day: bool) -> None:
    text = f"Gunmen attacked the village on {calendar.day_name[weekday]}."
    (m,) = find_dates(text, published, same_day_weekday=same_day)
    assert m.date_start == m.date_end and m.precision == 1
    assert m.date_start.weekday() == weekday
    back = (published - m.date_start).days
    assert 0 <= back <= 6 if same_day else 1 <= back <= 7
    (last,) = find_dates(text.replace(" on ", " last "), published)
    assert 1 <= (published - last.date_start).days <= 7


@given(day=dates, published=st.one_of(st.none(), dates))
def test_written_out_date_resolves_to_itself(day: dt.date, published: dt.date | None) -> None:
    text = f"The attack took place on {day:%B} {day.day}, {day.year}, officials said."
    assert one(text, published) == (day, day, 1)
    short = f"It happened on {day.day} {day:%b} {day.year}."
    assert one(short, published) == (day, day, 1)


@given(day=dates, published=dates)
def test_dates_without_year_are_the_latest_not_after_publication(day: dt.date,
                                                                 published: dt.date) -> None:
    text = f"The attack took place on {day:%B} {day.day}."
    found = find_dates(text, published)
    if not found:  # 29 February in the years around publication may not exist
        assert (day.month, day.day) == (2, 29)
        return
    start = found[0].date_start
    assert (start.month, start.day) == (day.month, day.day)
    assert start <= published
    assert (published - start).days < 366 * 4


@given(published=dates, first=st.integers(1, 28), length=st.integers(0, 3),
       month=st.integers(1, 12))
def test_ranges_are_ordered(published: dt.date, first: int, length: int, month: int) -> None:
    name, days = calendar.month_name[month], calendar.day_name
    for text in (f"between {first} and {first + length} {name}",
                 f"{name} {first}-{first + length}",
                 f"from {days[first % 7]} to {days[(first + length) % 7]}"):
        for m in find_dates(text, published):
            assert m.date_start <= m.date_end
            assert m.date_end <= published


@given(published=dates)
def test_recent_weekday_never_returns_publication_day_without_today(published: dt.date) -> None:
    for weekday in range(7):
        day = recent_weekday(weekday, published)
        assert day < published
        assert recent_weekday(weekday, published, today=True) <= published
