"""Event coding: labels, classifier, abstention, actors from the parse, integration."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from sitroom.code import EventCoder, code_events
from sitroom.code.actors import assign_actors, find_mentions, interaction, side_of
from sitroom.code.classifier import EventTypeClassifier, TypeModel, fit, text_hash
from sitroom.code.cues import CueSet
from sitroom.code.labels import ACLED_SUB_EVENT_TYPES, LABELS
from sitroom.code.notes import make_note
from sitroom.config import get_settings
from sitroom.evaluate.events import evaluate
from sitroom.extract.convert import events_from_doc
from sitroom.nlp import load_model
from sitroom.schema import Event, Report


@pytest.fixture(scope="module")
def bare():
    """The bare spaCy model: coding needs only its parse (not the extract components)."""
    return load_model(get_settings().spacy_model)


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    return EventCoder()


@pytest.fixture(scope="session")
def classifier(coder: EventCoder) -> EventTypeClassifier:
    return coder.classifier


def _code(extractor, coder, text: str) -> list[Event]:
    doc, report = next(extractor.docs([Report(id="t", text=text)]))
    events = events_from_doc(doc, report)
    code_events(doc, events, coder=coder)
    return events


def test_label_set_covers_acled_and_five_others():
    assert len(LABELS) == 30
    assert len(set(ACLED_SUB_EVENT_TYPES)) == 25
    acled_types = {i.event_type for i in LABELS.values() if i.acled}
    assert acled_types == {"Battles", "Explosions/Remote violence", "Violence against civilians",
                           "Protests", "Riots", "Strategic developments"}
    others = [i for i in LABELS.values() if not i.acled]
    assert {i.label for i in others} == {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER",
                                         "DIPLO", "ATTRIB"}
    assert not {i.event_type for i in others} & acled_types  # never forced into ACLED
    assert LABELS["NATURAL_DISASTER"].disorder_type == "Non-conflict"


def test_cues_fire_on_domain_words():
    found = CueSet().matches("Warplanes bombed the town and a suicide bomber blew himself up.")
    assert {"air", "suicide"} <= set(found)
    assert CueSet().features(["nothing relevant here"]).sum() == 0


def test_shipped_model_outputs_all_30_labels(classifier: EventTypeClassifier):
    model = classifier.model
    assert set(model.classes) == set(LABELS)
    proba = classifier.proba(["Police fired tear gas at protesters.", "An earthquake hit."])
    assert proba.shape == (2, 30)
    assert np.allclose(proba.sum(axis=1), 1.0, atol=1e-4)


@pytest.mark.parametrize(("text", "label"), [
    ("A suicide bomber blew himself up at an army checkpoint, killing five soldiers.",
     "SUIC_BOMB"),
    ("A powerful earthquake struck the mountain region on Sunday, destroying hundreds of homes.",
     "NATURAL_DISASTER"),
    ("Thousands of nurses marched peacefully through the capital demanding better pay.",
     "PEACE_PROTEST"),
    ("Gunmen kidnapped three engineers from a construction site and demanded a ransom.",
     "ABDUCT_DISSAP"),
])
def test_classifier_types_clear_sentences(classifier: EventTypeClassifier, text: str, label: str):
    proba = classifier.proba([text])[0]
    assert classifier.model.classes[int(proba.argmax())] == label


def test_code_events_fills_type_actors_and_note(extractor, coder):
    text = ("A mob of Kazakh villagers attacked Dungan homes in Masanchi on Friday and set fire "
            "to shops and cars, leaving 11 people dead. Police detained 47 people.")
    event = _code(extractor, coder, text)[0]
    assert event.event_type is not None and event.sub_event_type is not None
    assert event.plover is not None
    roles = {a.role: a for a in event.actors}
    assert roles["actor1"].inter == 5 and roles["actor1"].name.startswith("Rioters")
    assert roles["actor2"].inter == 7 and roles["actor2"].name.startswith("Civilians")
    assert roles["assoc_actor1"].name == "Kazakh Ethnic Group"
    assert roles["assoc_actor2"].name == "Dungan Ethnic Group"
    assert "Rioters" in event.notes and "11 killed" in event.notes


def test_disaster_gets_non_acled_type_and_no_actors(extractor, coder):
    text = ("Heavy floods hit the province on Monday after days of torrential rain, "
            "killing 12 people.")
    event = _code(extractor, coder, text)[0]
    assert event.event_type == "Natural disaster"
    assert event.disorder_type == "Non-conflict"
    assert event.sub_event_type is None and event.actors == []


def test_too_little_text_abstains(bare, coder):
    doc = bare("Two dead.")
    [coding] = coder.code_spans([doc[:]], countries=[None])
    assert coding.label is None and "too little text" in coding.reason


def test_text_without_event_cue_is_not_typed(bare, coder):
    doc = bare("The committee will publish its annual report on the regional economy next spring.")
    [coding] = coder.code_spans([doc[:]], countries=[None])
    assert coding.label is None and "event cue" in coding.reason


def test_low_confidence_abstains_with_reason(bare, classifier):
    strict = EventCoder(threshold=0.99, classifier=classifier)
    doc = bare("The minister said the situation in the district was being monitored closely.")
    [coding] = strict.code_spans([doc[:]], countries=[None])
    assert coding.label is None and coding.reason.startswith("abstained")
    event = Event(id="e")
    from sitroom.code.coder import apply_coding

    apply_coding(event, coding, None)
    assert event.event_type is None and event.plover is None
    assert "undetermined" in event.notes


def test_roles_come_from_the_parse_not_word_order(bare):
    active = bare("Protesters attacked police officers in the square.")
    passive = bare("Police officers were attacked by protesters in the square.")
    for doc in (active, passive):
        actors = {a.role: a for a in assign_actors(find_mentions(doc[:], country="Kenya",
                                                                 riot=True))}
        assert actors["actor1"].name == "Protesters (Kenya)"
        assert actors["actor2"].name == "Police Forces of Kenya"
    assert side_of(passive[1]) == "actor2"  # "officers": passive subject, acted on


def test_ethnic_groups_recognised_despite_ner(bare):
    doc = bare("Chechens clashed with Kazakh police near the village.")
    actors = {a.role: a for a in assign_actors(find_mentions(doc[:], country=None, riot=False))}
    assert actors["actor1"].inter == 4 and "Chechen" in actors["actor1"].name
    assert actors["actor2"].name == "Police Forces of Kazakhstan"


def test_non_action_subjects_do_not_act(bare):
    doc = bare("Residents fled the village.")
    assert side_of(doc[0]) is None


def test_interaction_codes():
    assert interaction(5, 7) == 57
    assert interaction(7, 1) == 17
    assert interaction(6, None) == 60
    assert interaction(None, None) is None


def test_note_for_untyped_event_says_so():
    assert make_note(Event(id="x"), None, "Almaty") == (
        "In Almaty, an event of undetermined type occurred.")


def test_model_round_trip(tmp_path: Path):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(12, 5)).astype(np.float32)
    y = ["A", "B", "C"] * 4
    model = fit(x, y, cue_names=("a",), seen=frozenset({"h"}))
    model.save(tmp_path / "m.json")
    back = TypeModel.load(tmp_path / "m.json")
    assert back.classes == ("A", "B", "C") and back.seen == frozenset({"h"})
    assert np.allclose(back.proba(x), model.proba(x), atol=1e-3)


def _write(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": f"x{i}", "text": t, "gold": {"label": lab}}) + "\n"
                            for i, (t, lab) in enumerate(rows)), encoding="utf-8")
    return path


_ROWS = [
    ("Warplanes struck rebel positions near the town overnight.", "AIR_STRIKE"),
    ("A drone strike hit a car carrying militants on the highway.", "AIR_STRIKE"),
    ("Jets bombed a market in the north, witnesses said.", "AIR_STRIKE"),
    ("Police arrested four suspects after a raid on a house.", "ARREST"),
    ("Security forces detained the opposition leader at the airport.", "ARREST"),
    ("Officers arrested dozens of people accused of plotting attacks.", "ARREST"),
    ("Floods swept away homes after heavy monsoon rain.", "NATURAL_DISASTER"),
    ("A cyclone hit the coast, flattening villages.", "NATURAL_DISASTER"),
    ("An earthquake shook the city, collapsing buildings.", "NATURAL_DISASTER"),
]


def test_evaluate_unseen_set_uses_shipped_model(tmp_path: Path, classifier):
    report = evaluate(_write(tmp_path / "set.jsonl", _ROWS), classifier=classifier)
    assert set(report.metrics) == {"accuracy", "macro_f1", "weighted_f1"}
    assert report.details["protocol"].startswith("shipped model")
    assert sum(sum(row.values()) for row in report.details["confusion"].values()) == len(_ROWS)
    assert report.metrics["accuracy"] >= 0.75


def test_evaluate_seen_set_is_cross_validated(tmp_path: Path, classifier):
    path = _write(tmp_path / "seen.jsonl", _ROWS)
    seen = frozenset(text_hash(t) for t, _ in _ROWS)
    peeking = EventTypeClassifier(embedder=classifier.embedder)
    peeking._model = dataclasses.replace(classifier.model, seen=seen)
    report = evaluate(path, classifier=peeking, folds=3)
    assert report.details["protocol"].startswith("3-fold cross-validation")
    assert 0.0 <= report.metrics["weighted_f1"] <= 1.0


def test_territory_rule_decides_by_who_took_it():
    from sitroom.code.rules import territory_rule
    from sitroom.schema import Actor

    army = [Actor(name="Military Forces of Syria", role="actor1", inter=1)]
    rebels = [Actor(name="Islamic State", role="actor1", inter=2)]
    assert territory_rule("NON_STATE_ACTOR_OVERTAKES_TER", army)[0] == "GOV_REGAINS_TERIT"
    assert territory_rule("GOV_REGAINS_TERIT", rebels)[0] == "NON_STATE_ACTOR_OVERTAKES_TER"
    assert territory_rule("GOV_REGAINS_TERIT", []) == ("GOV_REGAINS_TERIT", None)
    assert territory_rule("ARMED_CLASH", army) == ("ARMED_CLASH", None)


def test_coder_applies_territory_rule_from_the_parse(bare, coder):
    doc = bare("Islamic State fighters captured the town of Hajin from government troops.")
    [coding] = coder.code_spans([doc[:]], countries=["Syria"])
    assert coding.label == "NON_STATE_ACTOR_OVERTAKES_TER"
    assert {a.role: a.name for a in coding.actors}["actor1"] == "Islamic State"


def test_background_events_can_be_left_uncoded(bare):
    lean = EventCoder(background=False, classifier=EventCoder().classifier)
    doc = bare("Police fired tear gas at protesters in the capital on Monday, injuring ten.")
    events = [Event(id="a"), Event(id="b", background=True)]
    code_events(doc, events, coder=lean)
    assert events[0].event_type is not None
    assert events[1].event_type is None and events[1].actors == []


# Composed multi-sentence reports (written for these tests): the lead decides the family.
_REPORTS = [
    ("Eleven people died in riots in the border village on Friday night. Rioters burned "
     "dozens of houses and cars, the interior ministry said. Thousands fled across the border. "
     "Police later arrested 40 people.", "Riots", "Mob violence"),
    ("Police fired tear gas and rubber bullets to disperse thousands of protesters in the "
     "capital on Saturday. The demonstrators were demanding the resignation of the governor. "
     "Organisers said the rally had been peaceful.", "Protests", "Protest with intervention"),
    ("An airstrike hit a crowded market in the northern province on Tuesday. Local officials "
     "said at least nine people were killed. The coalition denied responsibility.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("A suicide bomber detonated his vest outside a mosque during Friday prayers. Officials "
     "said 14 worshippers were killed and dozens wounded.", "Explosions/Remote violence",
     "Suicide bomb"),
    ("Two soldiers died when a roadside bomb struck their patrol near the town on Monday. "
     "A third soldier was wounded.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("Artillery shelling of residential districts continued overnight, local officials said. "
     "Four civilians were killed and a school was damaged.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("Unidentified gunmen opened fire on villagers at a market on Sunday, killing seven people. "
     "The attackers fled on motorcycles before police arrived.", "Violence against civilians",
     "Attack"),
    ("Gunmen kidnapped twelve passengers from a bus on the highway on Wednesday. The police "
     "said a search had begun.", "Violence against civilians", "Abduction/forced disappearance"),
    ("Heavy fighting broke out between government troops and rebels near the provincial "
     "capital. Dozens of fighters were killed on both sides, the army said.", "Battles",
     "Armed clash"),
    ("A powerful earthquake struck the mountainous region early on Sunday. Hundreds of houses "
     "were destroyed and at least 30 people died, officials said.", "Natural disaster", None),
    ("A fire broke out at a garment factory on the outskirts of the city on Thursday, killing "
     "nine workers. Firefighters took four hours to bring the blaze under control.",
     "Accident/man-made disaster", None),
]


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), _REPORTS)
def test_family_rules_type_multi_sentence_reports(extractor, coder, text, event_type,
                                                  sub_event_type):
    event = _code(extractor, coder, text)[0]
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type), (
        event.coding_reason)


def test_riot_report_gets_rioters_and_civilians(extractor, coder):
    event = _code(extractor, coder, _REPORTS[0][0])[0]
    assert "rule: riot against residents" in event.coding_reason
    roles = {a.role: a.name for a in event.actors}
    assert roles.get("actor1", "").startswith("Rioters")
    assert event.plover is not None and event.plover.event_type == "ASSAULT"


def test_title_is_read_by_the_rules(bare, coder):
    doc = bare("Eleven people died and more than a hundred were hurt in the village on Friday "
               "night, the ministry said.")
    [plain] = coder.code_spans([doc[:]], countries=[None])
    [titled] = coder.code_spans([doc[:]], countries=[None],
                                title="Deadly ethnic clashes in the south")
    assert titled.label == "MOB_VIOL" and "rule: communal violence" in titled.reason
    assert plain.label != "MOB_VIOL"


@pytest.mark.parametrize("text", [
    "The president outlined her economic policy in a speech to parliament on Tuesday, promising "
    "lower taxes and new investment in schools.",
    "The ministry said the committee would publish its annual report on the regional economy "
    "next spring.",
    "The veteran singer died peacefully at her home on Monday, her family said. She once raised "
    "money for the victims of a hurricane.",
])
def test_untypeable_reports_still_abstain(bare, coder, text):
    [coding] = coder.code_spans([bare(text)[:]], countries=[None])
    assert coding.label is None


@pytest.mark.parametrize(("text", "name"), [
    ("Riot police were deployed in the city centre ahead of the match.", None),
    ("Anti-riot units patrolled the streets on Sunday.", None),
    ("The bomb squad defused a device found near the station.", None),
    ("A gas explosion at a chemical plant killed four workers.", "accident"),
    ("Rioters torched shops and houses in the old town.", "riot against residents"),
    ("Rioters fought the police outside parliament.", "riot"),
    ("Protesters torched cars after the rally.", "riot"),
    ("An angry mob lynched a man accused of theft.", "communal violence"),
    ("Insurgents clashed with government troops near the border.", "armed clash"),
])
def test_family_rule_vetoes(text, name):
    from sitroom.code.rules import family_rule

    found = family_rule(text)
    assert (found[0].name if found else None) == name


def test_later_sentences_count_only_when_the_opening_reports_harm():
    from sitroom.code.rules import lead_rule

    vote = "Parliament voted on Monday to ask foreign troops to leave the country."
    context = "The vote follows last week's airstrike near the airport."
    assert lead_rule(vote, context) is None
    harm = "Nine people were killed near the airport on Monday, officials said."
    found = lead_rule(harm, "An airstrike hit two cars on the access road.")
    assert found is not None and found[0].name == "air/drone strike"


def test_label_without_its_words_abstains(bare, coder):
    from sitroom.code.rules import guard

    assert not guard("DIPLO", "The president praised the new school in a speech.")
    assert guard("DIPLO", "The foreign minister met the ambassador on Monday.")
    assert not guard("SEX_VIOL", "Women marked the holiday with a festival.")
