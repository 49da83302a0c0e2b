"""The ``sitroom_figures`` component and the tally rule, on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitroom.extract.mentions import FigureMention
from sitroom.extract.tally import tally
from sitroom.schema import FigureCategory as C
from sitroom.schema import Qualifier


def figures(nlp, text: str) -> list[FigureMention]:
    return nlp(text)._.figures


def summary(nlp, text: str) -> set[tuple[str, int]]:
    return {(f.category, f.value) for f in figures(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 11 villagers on Sunday.", {("killed", 11), ("participants", 1)}),
        ("Eleven people died in the blaze.", {("killed", 11)}),
        ("The bombing left 5 dead and 12 injured.", {("killed", 5), ("injured", 12)}),
        ("The raid ended in the deaths of 14 people.", {("killed", 14)}),
        ("Rebels shelled the town, killing 9 civilians.", {("killed", 9)}),
        ("Twenty thousand residents fled the fighting.", {("displaced", 20_000)}),
        ("Police arrested 12 protesters and detained four others.",
         {("arrested", 12), ("arrested", 4)}),
        ("Three men were charged with arson.", {("charged", 3)}),
        ("Floods destroyed 300 homes and 40 cars.", {("structures_damaged", 300),
                                                      ("vehicles_damaged", 40)}),
        ("Militants abducted 23 students from the school.", {("kidnapped", 23)}),
        ("Seven fishermen are still missing.", {("missing", 7)}),
    ],
)
def test_numeric_figures(nlp, text: str, expected: set[tuple[str, int]]) -> None:
    found = summary(nlp, text)
    assert {e for e in expected if e[0] != "participants"} <= found


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("A father and his two daughters were shot dead in their car.", C.KILLED, 3),
        ("A 25-year-old man died after the crash.", C.KILLED, 1),
        ("A man was shot in the leg near the park.", C.INJURED, 1),
        ("Two men and a woman were wounded in the explosion.", C.INJURED, 3),
        ("Jane Doe, 41, was stabbed to death outside a bar.", C.KILLED, 1),
    ],
)
def test_enumerations_without_a_number(nlp, text: str, category: C, value: int) -> None:
    found = [f for f in figures(nlp, text) if f.category == category]
    assert [f.value for f in found] == [value]


def test_zero_is_negated(nlp) -> None:
    [figure] = figures(nlp, "No one was hurt when the roof fell in.")
    assert (figure.category, figure.value, figure.negated) == (C.INJURED, 0, True)
    [figure] = figures(nlp, "The driver was not injured.")
    assert (figure.category, figure.value, figure.negated) == (C.INJURED, 0, True)


def test_update_and_qualifiers(nlp) -> None:
    found = figures(nlp, "The death toll rose to 11 as more than 2,000 people fled, and "
                         "between 20 and 30 were hurt.")
    by_category = {f.category: f for f in found}
    toll = by_category[C.KILLED]
    assert (toll.value, toll.update) == (11, True)
    fled = by_category[C.DISPLACED]
    assert (fled.value, fled.qualifier, fled.term) == (2000, Qualifier.AT_LEAST, "fled")
    hurt = by_category[C.INJURED]
    assert (hurt.low, hurt.high, hurt.qualifier) == (20, 30, Qualifier.RANGE)


def test_vague_crowd(nlp) -> None:
    [crowd] = figures(nlp, "Tens of thousands of protesters marched through the capital.")
    assert (crowd.category, crowd.value, crowd.qualifier) == (
        C.PARTICIPANTS, 10_000, Qualifier.AT_LEAST)


def test_span_and_trigger(nlp) -> None:
    doc = nlp("Officials said 40 families were evacuated.")
    [figure] = doc._.figures
    assert doc.text[figure.start:figure.end] == "40 families were evacuated"
    assert doc[figure.trigger].text == "evacuated"
    assert (figure.object, figure.term) == ("families", "evacuated")


@pytest.mark.parametrize(
    "text",
    [
        "The 25-year-old teacher moved to a town of 20,000 people in 2015.",
        "The rifle could kill a man at 300 yards.",
        "He paid $5,000 and won 52 percent of the 3,000 votes.",
        "The gunman then shot himself.",
        "The suspect fled the scene in a white car.",
        "Rescuers may have to evacuate 300 people.",
    ],
)
def test_non_figures(nlp, text: str) -> None:
    assert figures(nlp, text) == []


def test_same_figure_twice_in_a_sentence_is_one(nlp) -> None:
    found = figures(nlp, "Four people were killed, and the four dead were taken away.")
    assert [(f.category, f.value) for f in found] == [(C.KILLED, 4)]


def test_tally_prefers_updates_and_drops_running_totals(nlp) -> None:
    doc = nlp("Six people were killed on Monday. The death toll rose to 9 on Tuesday. "
              "So far this year 120 people have been killed in the city.")
    assert tally(doc._.figures, C.KILLED) == 9


def test_tally_counts_shot_victims_beyond_the_dead(nlp) -> None:
    doc = nlp("Three people were shot outside a club. One man died at the hospital.")
    assert tally(doc._.figures, C.KILLED) == 1
    assert tally(doc._.figures, C.INJURED) == 2


def test_extract_result_carries_figures(extract) -> None:
    result = extract("Gunmen killed 11 villagers and wounded 4 others on Sunday.")
    [event] = result.events
    assert event.fatalities == 11
    assert {(f.category, f.value) for f in event.figures} >= {("killed", 11), ("injured", 4)}


def test_fatally_among_the_shot(nlp) -> None:
    doc = nlp("Four people were shot outside the club, two fatally.")
    assert tally(doc._.figures, C.KILLED) == 2
    assert tally(doc._.figures, C.INJURED) == 2


@pytest.mark.parametrize(
    ("text", "term"),
    [("Officers found a man with a gunshot wound in the alley.", "wounds"),
     ("The blast left a woman in critical condition.", "condition")],
)
def test_casualties_with_unknown_outcome(nlp, text: str, term: str) -> None:
    [figure] = figures(nlp, text)
    assert (figure.category, figure.value, figure.term) == (C.INJURED, 1, term)


def test_homicide_counts_one_victim_but_attempted_murder_none(nlp) -> None:
    assert summary(nlp, "Detectives are investigating a homicide in the north end.") == {
        ("killed", 1)}
    assert ("killed", 1) not in summary(nlp, "He was charged with attempted murder.")
    assert summary(nlp, "Police made an arrest in a double murder.") >= {("killed", 2)}


@pytest.mark.parametrize(
    ("text", "category", "value", "noun"),
    [
        ("Heavy rains damaged 350 homes and destroyed 120 others.", C.STRUCTURES_DAMAGED, 120,
         "homes"),
        ("Around 1,200 huts were washed away by the river.", C.STRUCTURES_DAMAGED, 1200, "huts"),
        ("The quake left 2,000 families without shelter.", C.DISPLACED, 2000, "families"),
        ("Some 800 people were moved into temporary shelters.", C.DISPLACED, 800, "people"),
        ("Nearly 12,000 residents lost their homes.", C.DISPLACED, 12_000, "people"),
        ("Total displaced: 9 300", C.DISPLACED, 9300, "people"),
        ("Hubo 500 evacuados en la provincia.", C.DISPLACED, 500, "people"),
    ],
)
def test_displacement_and_housing(nlp, text: str, category: C, value: int, noun: str) -> None:
    found = [f for f in figures(nlp, text) if f.category == category]
    assert [(f.value, f.object) for f in found][-1] == (value, noun)


def test_headline_with_name_and_age_counts_one(nlp) -> None:
    found = figures(nlp, "Maria Lopez, 41 - Local News Maria Lopez, a 41-year-old woman, died "
                         "Sunday after being shot.")
    assert {(f.category, f.value) for f in found} == {(C.KILLED, 1), (C.INJURED, 1)}
