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


def triples(nlp, text: str) -> set[tuple[str, int, str]]:
    return {(f.category, f.value, f.object) for f in figures(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rioters burned 30 houses, 17 shops and 47 cars.",
         {("structures_damaged", 30, "houses"), ("structures_damaged", 17, "shops"),
          ("vehicles_damaged", 47, "cars")}),
        ("The mob torched 12 homes and 8 shops overnight.",
         {("structures_damaged", 12, "homes"), ("structures_damaged", 8, "shops")}),
        ("Troops shelled the market, killing 5 soldiers and 3 civilians.",
         {("killed", 5, "people"), ("killed", 3, "people")}),
        ("Four farmers and two herders were killed in the clash.",
         {("killed", 4, "farmers"), ("killed", 2, "herders")}),
        ("The storm destroyed 6 schools and 6 churches.",
         {("structures_damaged", 6, "schools"), ("structures_damaged", 6, "churches")}),
    ],
)
def test_coordinated_counts_stay_apart(nlp, text: str,
                                       expected: set[tuple[str, int, str]]) -> None:
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("Gunmen opened fire, killing 5 soldiers and 3 civilians.", C.KILLED, 8),
        ("Rioters burned 30 houses, 17 shops and 47 cars.", C.STRUCTURES_DAMAGED, 47),
        ("Rioters burned 30 houses, 17 shops and 47 cars.", C.VEHICLES_DAMAGED, 47),
        ("Two soldiers and a civilian were wounded.", C.INJURED, 3),
        ("Nine people were killed on Monday. Bombers killed 5 soldiers and 3 civilians.",
         C.KILLED, 9),
    ],
)
def test_tally_adds_conjuncts_of_one_trigger(nlp, text: str, category: C, value: int) -> None:
    assert tally(figures(nlp, text), category) == value


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "term"),
    [
        ("Officials said about 24,000 people had crossed the border.", 24_000,
         Qualifier.APPROXIMATELY, "crossed the border"),
        ("More than 3,000 villagers crossed into Uzbekistan overnight.", 3000,
         Qualifier.AT_LEAST, "crossed"),
        ("Some 3,000 people sought refuge in schools.", 3000, Qualifier.APPROXIMATELY,
         "refuge"),
        ("About 500 families took shelter in a mosque.", 500, Qualifier.APPROXIMATELY,
         "shelter"),
        ("More than 1,200 people were forced to leave their homes.", 1200,
         Qualifier.AT_LEAST, "leave"),
        ("Some 400 residents were relocated after the landslide.", 400,
         Qualifier.APPROXIMATELY, "relocated"),
        ("About 900 people were made homeless by the fire.", 900, Qualifier.APPROXIMATELY,
         "homeless"),
        ("Nearly 15,000 people are living in camps near the town.", 15_000,
         Qualifier.APPROXIMATELY, "camps"),
        ("20,000 refugees arrived in the valley last week.", 20_000, Qualifier.EXACT,
         "refugees"),
        ("Authorities evacuated 40 homes near the river.", 40, Qualifier.EXACT, "evacuated"),
        ("About 1,000 people are sheltering in schools.", 1000, Qualifier.APPROXIMATELY,
         "sheltering"),
        ("Some 5,000 villagers sought asylum abroad after the raids.", 5000,
         Qualifier.APPROXIMATELY, "asylum"),
    ],
)
def test_displacement_terms(nlp, text: str, value: int, qualifier: Qualifier,
                            term: str) -> None:
    [figure] = [f for f in figures(nlp, text) if f.category == C.DISPLACED]
    assert (figure.value, figure.qualifier, figure.term) == (value, qualifier, term)


@pytest.mark.parametrize(
    "text",
    [
        "The building was evacuated after a bomb threat.",
        "Staff evacuated 3 schools after the threat.",
        "Some 2,000 soldiers crossed the border into Ukraine.",
        "Five people were evacuated to hospital with burns.",
        "The clinic treated 25 people who were evacuated to the hospital.",
    ],
)
def test_no_displacement(nlp, text: str) -> None:
    assert not [f for f in figures(nlp, text) if f.category == C.DISPLACED]


@pytest.mark.parametrize(
    ("text", "category", "value", "qualifier", "noun"),
    [
        ("The bridge fell, killing 107 or more and wounding 238.", C.KILLED, 107,
         Qualifier.AT_LEAST, "people"),
        ("Sixty-six people or more were injured yesterday.", C.INJURED, 66,
         Qualifier.AT_LEAST, "people"),
        ("Dozens died in the attack.", C.KILLED, 12, Qualifier.AT_LEAST, "people"),
        ("The ministry said six deaths were of children.", C.KILLED, 6, Qualifier.EXACT,
         "people"),
        ("The blast killed 4 and injured 9 others.", C.INJURED, 9, Qualifier.EXACT, "people"),
    ],
)
def test_qualifier_after_and_object_people(nlp, text: str, category: C, value: int,
                                           qualifier: Qualifier, noun: str) -> None:
    [figure] = [f for f in figures(nlp, text) if f.category == category]
    assert (figure.value, figure.qualifier, figure.object) == (value, qualifier, noun)


def test_an_investigation_body_is_no_corpse(nlp) -> None:
    assert figures(nlp, "A government investigation body blamed the police.") == []
    assert summary(nlp, "The body of a man was found in the river.") == {("killed", 1)}


def test_composed_report_types_every_figure(extract) -> None:
    text = ("Nine people died and more than 120 were injured in clashes in the town of "
            "Dorva on March 3. Rioters burned 25 houses, 11 shops and 19 cars, the Interior "
            "Ministry said. More than 8,000 people fled to neighbouring Molvania, according "
            "to local officials. The deputy governor said about 9,500 people had crossed the "
            "border. Local media reported that 31 people were arrested.")
    result = extract(text)
    found = {(f.category, f.value, f.qualifier, f.object, f.term)
             for e in result.events for f in e.figures}
    assert found == {
        ("killed", 9, Qualifier.EXACT, "people", "died"),
        ("injured", 120, Qualifier.AT_LEAST, "people", "injured"),
        ("structures_damaged", 25, Qualifier.EXACT, "houses", "burned"),
        ("structures_damaged", 11, Qualifier.EXACT, "shops", "burned"),
        ("vehicles_damaged", 19, Qualifier.EXACT, "cars", "burned"),
        ("displaced", 8000, Qualifier.AT_LEAST, "people", "fled"),
        ("displaced", 9500, Qualifier.APPROXIMATELY, "people", "crossed the border"),
        ("arrested", 31, Qualifier.EXACT, "people", "arrested"),
    }


def test_foreign_word_takes_the_closest_number(nlp) -> None:
    found = [f for f in figures(nlp, "Hubo 200 o 300 evacuados en la provincia.")
             if f.category == C.DISPLACED]
    assert [f.value for f in found] == [300]
