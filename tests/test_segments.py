"""Splitting a report into the incidents it tells (``sitroom_segments``)."""

from __future__ import annotations

import datetime as dt

from sitroom.extract.mentions import DateMention, FigureMention, Segment
from sitroom.extract.segments import is_earlier, main_date
from sitroom.schema import FigureCategory, Qualifier

PUB = dt.date(2020, 2, 20)  # a Thursday


def figure(text: str, phrase: str, value: int) -> FigureMention:
    """A killed-figure mention covering ``phrase`` in ``text``."""
    start = text.index(phrase)
    return FigureMention(category=FigureCategory.KILLED, value=value, low=value, high=value,
                         qualifier=Qualifier.EXACT, object="people", term="killed",
                         start=start, end=start + len(phrase))


def split(nlp, text: str, figures: list[FigureMention] | None = None,
          published: dt.date | None = PUB) -> list[Segment]:
    """Run the pipeline, then segment again with hand-made figures (when given)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    if figures is not None:
        doc._.figures = figures
        doc = nlp.get_pipe("sitroom_segments")(doc)
    return doc._.segments


def texts(text: str, segments: list[Segment]) -> list[str]:
    return [text[s.start:s.end] for s in segments]


def test_single_incident_is_one_main_segment(nlp) -> None:
    text = ("Gunmen killed five people in Kano on Monday, police said. The attackers fled on "
            "motorcycles. Residents said the shooting lasted an hour.")
    segments = split(nlp, text, [figure(text, "killed five people", 5)])
    assert len(segments) == 1
    main = segments[0]
    assert not main.background
    assert (main.start, main.end) == (0, len(text))
    assert main.dates[0].date_start == dt.date(2020, 2, 17)
    assert [p.text for p in main.places] == ["Kano"]
    assert [f.value for f in main.figures] == [5]


def test_earlier_attack_is_background_and_keeps_its_figures(nlp) -> None:
    text = ("Gunmen killed five people in Kano on Monday, police said. Last year, a similar "
            "attack in Kaduna killed 12 people. Police are investigating the attack.")
    figures = [figure(text, "killed five people", 5), figure(text, "killed 12 people", 12)]
    main, background = split(nlp, text, figures)
    assert not main.background and background.background
    assert [f.value for f in main.figures] == [5]
    assert [f.value for f in background.figures] == [12]
    assert background.dates[0].date_start == dt.date(2019, 1, 1)
    assert background.dates[0].precision == 3
    assert [p.text for p in background.places] == ["Kaduna"]
    assert "Kaduna" not in [p.text for p in main.places]


def test_year_in_past_marks_background(nlp) -> None:
    text = ("Three people were shot dead at a bar in Denver on Saturday night. In 2018, four "
            "people were shot at the same bar. The suspect is still at large.")
    figures = [figure(text, "Three people were shot dead", 3),
               figure(text, "four people were shot", 4)]
    main, background = split(nlp, text, figures)
    assert texts(text, [background]) == ["In 2018, four people were shot at the same bar."]
    assert background.background and background.dates[0].date_start.year == 2018
    assert [f.value for f in main.figures] == [3]
    assert main.dates[0].date_start == dt.date(2020, 2, 15)


def test_background_continues_through_back_references(nlp) -> None:
    text = ("A suicide bomber killed 9 people in Mogadishu on Tuesday. In 2017, a truck bomb "
            "killed 500 people in the city. That attack also wounded 300 others. Officials "
            "said the bomber was caught.")
    figures = [figure(text, "killed 9 people", 9), figure(text, "killed 500 people", 500),
               figure(text, "wounded 300 others", 300)]
    main, background = split(nlp, text, figures)
    assert [f.value for f in background.figures] == [500, 300]
    assert [f.value for f in main.figures] == [9]
    assert text[background.start:background.end].endswith("wounded 300 others.")


def test_cumulative_statement_is_background(nlp) -> None:
    text = ("Police shot dead two protesters in Paris yesterday. So far this year 30 people have "
            "been killed in protests across France.")
    figures = [figure(text, "shot dead two protesters", 2),
               figure(text, "30 people have been killed", 30)]
    main, background = split(nlp, text, figures)
    assert [f.value for f in main.figures] == [2]
    assert background.background and [f.value for f in background.figures] == [30]
    assert main.dates[0].date_start == dt.date(2020, 2, 19)


def test_separate_incident_is_another_main_event(nlp) -> None:
    text = ("Soldiers killed four rebels near Goma on Sunday. In a separate attack, militiamen "
            "killed six villagers. The army said it was pursuing the group.")
    figures = [figure(text, "killed four rebels", 4), figure(text, "killed six villagers", 6)]
    first, second = split(nlp, text, figures)
    assert not first.background and not second.background
    assert [f.value for f in first.figures] == [4]
    assert [f.value for f in second.figures] == [6]
    assert second.dates[0].date_start == dt.date(2020, 2, 16)  # the main date by default


def test_every_figure_lands_in_exactly_one_segment(nlp) -> None:
    text = ("Rioters killed 3 people in Delhi on Monday. In 2002, riots in Gujarat killed 1000 "
            "people. Police said 2 more bodies were found on Tuesday. Back in 1984, riots "
            "killed 3000 people.")
    figures = [figure(text, "killed 3 people", 3), figure(text, "killed 1000 people", 1000),
               figure(text, "2 more bodies", 2), figure(text, "killed 3000 people", 3000)]
    segments = split(nlp, text, figures)
    assigned = [f.value for s in segments for f in s.figures]
    assert sorted(assigned) == [2, 3, 1000, 3000]
    main = segments[0]
    assert not main.background and sorted(f.value for f in main.figures) == [2, 3]
    assert all(s.background for s in segments[1:])


def test_undated_report_defaults_to_publication_day(nlp) -> None:
    text = "A man was killed in Chicago, police said. Officers are searching for the gunman."
    (main,) = split(nlp, text, [figure(text, "A man was killed", 1)])
    assert main.dates[0].text == ""
    assert (main.dates[0].date_start, main.dates[0].precision) == (PUB, 2)


def test_without_publication_date_absolute_years_still_split(nlp) -> None:
    text = ("A man was shot dead on Jan. 5, 2016 in Tulsa. He had served time for a robbery "
            "on May 16, 2006 that left a clerk dead.")
    figures = [figure(text, "A man was shot dead", 1), figure(text, "left a clerk dead", 1)]
    main, background = split(nlp, text, figures, published=None)
    assert main.dates[0].date_start == dt.date(2016, 1, 5)
    assert background.background and background.dates[0].date_start == dt.date(2006, 5, 16)
    assert len(main.figures) == len(background.figures) == 1


def test_history_without_an_incident_is_dropped(nlp) -> None:
    text = ("Protesters blocked roads in Santiago on Friday. The ship was built in 1993 in "
            "Japan.")
    segments = split(nlp, text, [])
    assert len(segments) == 1 and not segments[0].background


def test_empty_text_has_no_segments(nlp) -> None:
    assert split(nlp, "") == []


def test_main_date_is_the_incident_the_lead_tells() -> None:
    def mention(day: dt.date, precision: int = 1, text: str = "x") -> DateMention:
        end = {1: day, 2: day + dt.timedelta(days=6), 3: day + dt.timedelta(days=27)}[precision]
        return DateMention(start=0, end=1, text=text, date_start=day, date_end=end,
                           precision=precision)

    shot, died = mention(dt.date(2020, 2, 15)), mention(dt.date(2020, 2, 17))
    assert main_date([[died, shot]], PUB) is shot
    month = mention(dt.date(2020, 1, 1), precision=3)
    in_month = mention(dt.date(2020, 1, 9))
    assert main_date([[died, month, in_month]], PUB) is in_month
    since = mention(dt.date(2015, 1, 1), precision=3, text="since 2015")
    assert main_date([[], [since, died]], PUB) is died
    assert main_date([[]], PUB) is None
    old = mention(dt.date(2019, 1, 1), precision=3)
    assert is_earlier(old, died, 14) and not is_earlier(shot, died, 14)


def test_follow_up_report_keeps_the_earlier_shooting_as_main(nlp) -> None:
    text = ("Police announced on Wednesday an arrest in the killing of two teenagers on Jan. 3 "
            "in Tulsa. The Jan. 3 shooting killed two teenagers and wounded a third. In 2015, "
            "a man was shot dead at the same park.")
    figures = [figure(text, "killed two teenagers", 2), figure(text, "a man was shot dead", 1)]
    main, background = split(nlp, text, figures)
    assert main.dates[0].date_start == dt.date(2020, 1, 3)
    assert [f.value for f in main.figures] == [2]
    assert background.background and [f.value for f in background.figures] == [1]


def test_extract_returns_background_events(extract) -> None:
    text = ("Gunmen killed five people in Kano on Monday. Last year, a similar attack in Kaduna "
            "killed 12 people.")
    events = extract(text).events
    assert [e.background for e in events] == [False, True]
    assert events[0].date_start == dt.date(2020, 2, 17)
    assert events[1].date_start == dt.date(2019, 1, 1)


def test_background_ends_at_a_paragraph_or_without_back_reference(nlp) -> None:
    text = ("Troops killed 7 militants near Kidal on Friday. In 2012, rebels killed 80 soldiers "
            "there.\n\nThe army said 2 soldiers were wounded in the fighting. Three militants "
            "were captured.")
    figures = [figure(text, "killed 7 militants", 7), figure(text, "killed 80 soldiers", 80),
               figure(text, "2 soldiers were wounded", 2),
               figure(text, "Three militants were captured", 3)]
    main, background = split(nlp, text, figures)
    assert [f.value for f in background.figures] == [80]
    assert [f.value for f in main.figures] == [7, 2, 3]
