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
