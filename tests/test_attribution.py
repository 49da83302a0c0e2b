"""Attribution: who says what, with which cue, and what kind of source it is."""

from __future__ import annotations

import json

import pytest

from sitroom.evaluate.attribution import evaluate, overlap_f1
from sitroom.extract.attribution import quotations, source_for
from sitroom.extract.mentions import Attribution, Span
from sitroom.extract.source_kinds import classify
from sitroom.schema import SourceKind


def _attributions(nlp, text: str) -> list[Attribution]:
    return nlp(text)._.attributions


def _covering(nlp, text: str, claim: str) -> Attribution | None:
    start = text.index(claim)
    return source_for(_attributions(nlp, text), start, start + len(claim))


@pytest.mark.parametrize(
    ("text", "claim", "source", "cue", "name"),
    [
        ("At least 11 people were killed in the clashes, according to Deputy Prime "
         "Minister Berdibek Saparbayev.", "11 people were killed",
         "Deputy Prime Minister Berdibek Saparbayev", "according to",
         "Berdibek Saparbayev, Deputy Prime Minister"),
        ("According to the Red Cross, 2,000 families fled the fighting.", "2,000 families fled",
         "the Red Cross", "According to", "the Red Cross"),
        ("The regional governor said that 40 houses were burned overnight.",
         "40 houses were burned", "The regional governor", "said", "The regional governor"),
        ("\"We have 24,000 displaced people in the camps,\" said Berdibek Saparbayev, the "
         "deputy prime minister.", "24,000 displaced people", "Berdibek Saparbayev, the deputy "
         "prime minister", "said", "Berdibek Saparbayev, Deputy Prime Minister"),
        ("Five people were killed in the blast, a police spokesman told Reuters.",
         "Five people were killed", "a police spokesman", "told", "a police spokesman"),
        ("The mayor told Reuters that 300 homes were flooded.", "300 homes were flooded",
         "The mayor", "told", "The mayor"),
        ("Twelve protesters were arrested on Sunday, the interior ministry announced.",
         "Twelve protesters were arrested", "the interior ministry", "announced",
         "the interior ministry"),
        ("Officials have confirmed that 17 miners are still missing.", "17 miners",
         "Officials", "have confirmed", "Officials"),
    ],
)
def test_source_cue_and_name(nlp, text, claim, source, cue, name) -> None:
    found = _covering(nlp, text, claim)
    assert found is not None
    assert found.source is not None and found.source.text == source
    assert found.cue is not None and found.cue.text == cue
    assert found.name == name
    assert text[found.content.start:found.content.end] == found.content.text


def test_citing_keeps_the_original_source_and_the_outlet(nlp) -> None:
    text = "State television reported, citing the health ministry, that 30 people died."
    found = _covering(nlp, text, "30 people died")
    assert found is not None
    assert found.name == "the health ministry"
    assert found.via == "State television"
    assert found.kind == SourceKind.OFFICIAL
    assert "citing" not in found.content.text


def test_pronoun_resolves_to_the_latest_named_person(nlp) -> None:
    text = ("Governor Maria Lopez visited the flooded town on Monday. "
            "She said 120 families had lost their homes.")
    found = _covering(nlp, text, "120 families")
    assert found is not None
    assert found.source is not None and found.source.text == "She"
    assert found.name == "Maria Lopez, Governor"
    assert found.kind == SourceKind.OFFICIAL


def test_unattributed_claim_is_the_reports_own_voice(nlp) -> None:
    text = "Twelve people drowned when the river burst its banks on Tuesday."
    assert _covering(nlp, text, "Twelve people drowned") is None


def test_impersonal_report_is_anonymous_without_a_source(nlp) -> None:
    text = "It was reported that 12 fishermen drowned off the coast."
    found = _covering(nlp, text, "12 fishermen drowned")
    assert found is not None
    assert found.source is None
    assert found.kind == SourceKind.ANONYMOUS


def test_innermost_attribution_wins(nlp) -> None:
    text = "The agency said the mayor told residents that 15 houses collapsed."
    found = _covering(nlp, text, "15 houses collapsed")
    assert found is not None
    assert found.name == "the mayor"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The interior minister said 40 people were detained.", SourceKind.OFFICIAL),
        ("A spokesman for the regional government said 40 people were detained.",
         SourceKind.OFFICIAL),
        ("Police said 40 people were detained.", SourceKind.SECURITY),
        ("The army said 40 militants were killed.", SourceKind.SECURITY),
        ("The National Guard said 40 people were rescued.", SourceKind.SECURITY),
        ("Local media reported that 40 people were detained.", SourceKind.MEDIA),
        ("The Associated Press reported that 40 people were detained.", SourceKind.MEDIA),
        ("Doctors at the main hospital said 40 people were wounded.", SourceKind.NGO),
        ("The United Nations refugee agency said 4,000 people fled.", SourceKind.NGO),
        ("Residents said 40 houses were burned.", SourceKind.WITNESS),
        ("A relative of one victim said 40 people were shot.", SourceKind.WITNESS),
        ("A source said 40 people were detained.", SourceKind.ANONYMOUS),
        ("Officials who spoke on condition of anonymity said 40 people were detained.",
         SourceKind.ANONYMOUS),
    ],
)
def test_source_kind(nlp, text, kind) -> None:
    found = _covering(nlp, text, "40" if "40" in text else "4,000")
    assert found is not None
    assert found.kind == kind


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Berdibek Saparbayev, Deputy Prime Minister", SourceKind.OFFICIAL),
        ("a police spokesman", SourceKind.SECURITY),
        ("a hospital official", SourceKind.NGO),
        ("the Interior Ministry", SourceKind.SECURITY),
        ("Reuters", SourceKind.MEDIA),
        ("state TV", SourceKind.MEDIA),
        ("the Red Cross", SourceKind.NGO),
        ("eyewitnesses", SourceKind.WITNESS),
        ("a security source", SourceKind.ANONYMOUS),
        ("", SourceKind.ANONYMOUS),
    ],
)
def test_classify(phrase, kind) -> None:
    assert classify(phrase) == kind


def test_source_for_picks_the_narrowest_cover() -> None:
    outer = Attribution(content=Span(0, 100, "x" * 100), name="outer")
    inner = Attribution(content=Span(20, 40, "x" * 20), name="inner")
    assert source_for([outer, inner], 25, 30) is inner
    assert source_for([outer, inner], 50, 60) is outer
    assert source_for([outer, inner], 90, 120) is None


def test_figures_carry_their_source(extract) -> None:
    result = extract("Five people were killed in the attack, a police spokesman said.")
    figures = [f for event in result.events for f in event.figures]
    assert figures, "the figures component should find the death toll"
    assert figures[0].source.kind == SourceKind.SECURITY
    assert figures[0].source.cue == "said"


def test_overlap_f1() -> None:
    assert overlap_f1(frozenset({1, 2}), frozenset({2, 3})) == pytest.approx(0.5)
    assert overlap_f1(None, frozenset({1})) == 0.0


def test_evaluate_scores_a_composed_document(tmp_path) -> None:
    text = "Police said that 5 people died. The river rose."
    gold = {"attributions": [{
        "id": "E1",
        "source": {"start": 0, "end": 6, "text": "Police"},
        "cue": {"start": 7, "end": 11, "text": "said"},
        "content": {"start": 12, "end": 30, "text": "that 5 people died"},
    }]}
    path = tmp_path / "mini.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": text, "gold": gold}) + "\n")
    report = evaluate(path)
    assert report.n == 1
    assert report.metrics == {"source_f1": 1.0, "cue_f1": 1.0, "content_f1": 1.0}
    assert report.errors == []


def test_headline_speaker_line(nlp) -> None:
    text = "Mayor Jo Banda: Twelve people died in the flood."
    found = _covering(nlp, text, "Twelve people died")
    assert found is not None
    assert found.cue is not None and found.cue.text == ":"
    assert found.name == "Jo Banda, Mayor"


def test_noun_cue_with_possessive_source(nlp) -> None:
    text = "The army's claim that 12 militants died was disputed by villagers."
    found = _covering(nlp, text, "12 militants died")
    assert found is not None
    assert found.cue is not None and found.cue.text == "claim"
    assert found.name == "The army"
    assert found.kind == SourceKind.SECURITY


def test_speech_inside_a_quotation_belongs_to_the_speaker(nlp) -> None:
    text = "“They told us that 30 houses burned,” a villager said."
    found = _covering(nlp, text, "30 houses burned")
    assert found is not None
    assert found.name == "a villager"
    assert found.kind == SourceKind.WITNESS
    assert found.content.text.startswith("“They told us")


def test_asked_by_nobody_is_not_the_subject(nlp) -> None:
    text = "Asked about the toll, the governor said 40 people had died."
    found = _covering(nlp, text, "40 people had died")
    assert found is not None
    assert found.name == "the governor"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we go," and left.', ['"we go,"']),
        ("''They left,'' she said. ''More.", ["''They left,''", "''More."]),
        ("“A,” b. “Open paragraph\nNext", ["“A,”", "“Open paragraph"]),
    ],
)
def test_quotations(text, quoted) -> None:
    assert [text[s:e] for s, e in quotations(text)] == quoted


def test_quotation_after_a_post_posed_cue_continues_the_content(nlp) -> None:
    text = "“We found 12 bodies,” a rescuer told the agency. “Eight more are missing.”"
    found = _covering(nlp, text, "Eight more are missing")
    assert found is not None
    assert found.name == "a rescuer"
    assert found.content.text.endswith("missing.”")


def test_honorific_stays_with_the_name(nlp) -> None:
    text = "Mr. Okafor, the district commissioner, said 30 families were evacuated."
    found = _covering(nlp, text, "30 families")
    assert found is not None
    assert found.name == "Mr. Okafor, District Commissioner"
    assert found.kind == SourceKind.OFFICIAL


def test_stance_adjective_is_a_cue(nlp) -> None:
    text = "The minister was confident that 20 villages would be rebuilt by spring."
    found = _covering(nlp, text, "20 villages")
    assert found is not None
    assert found.cue is not None and found.cue.text == "was confident"
    assert found.name == "The minister"


@pytest.mark.parametrize(
    ("text", "claim", "source", "cue"),
    [
        # a quotation the parser left outside the cue's clause
        ("“Is the water still rising?” the mayor said. “Nobody knows.”",
         "Is the water still rising", "the mayor", "said"),
        ("''We lost 40 homes,'' Mr. Okafor, the district commissioner, said by telephone.",
         "We lost 40 homes", "Mr. Okafor, the district commissioner,", "said"),
        # verbs that report speech only with a quotation
        ("“We will rebuild 40 schools,” the governor continued.", "40 schools",
         "the governor", "continued"),
        ("Protesters chanted “40 dead, who is next?” outside the ministry.", "40 dead",
         "Protesters", "chanted"),
        # a study or poll that finds
        ("A study by the health ministry found that 40 clinics had closed.", "40 clinics",
         "A study by the health ministry", "found"),
        ("The refugee agency posted that 40 boats had capsized.", "40 boats",
         "The refugee agency", "posted"),
        ("The health ministry expects the toll to rise above 40.", "above 40",
         "The health ministry", "expects"),
        ("The rebels seek the release of 40 prisoners.", "40 prisoners", "The rebels", "seek"),
        # speaker lines: at a line start, or after a dash
        ("Governor Amina Yusuf: Forty villages were flooded.\n\nMore follows.",
         "Forty villages", "Governor Amina Yusuf", ":"),
        ("Rescuers agree - Jo Banda: Forty people are still missing.\n\nMore follows.",
         "Forty people", "Jo Banda", ":"),
        # a verbless headline line is speech when it holds a quotation
        ("Governor Amina Yusuf: Time for ‘calm’ after 40 deaths\n\nMore follows.",
         "40 deaths", "Governor Amina Yusuf", ":"),
        # a poll's finding: "In a poll …, 40 percent …"
        ("In a Kano Radio poll released on Friday, 40 percent of residents backed the truce.",
         "40 percent", "a Kano Radio poll released on Friday", "In"),
        # "As X reported, …": the host clause is the content
        ("As the local paper reported, 40 shops were looted overnight.", "40 shops",
         "the local paper", "reported"),
        # a quotation after the cue that the parser left outside its clause
        ("The governor said “Forty.” More follows.", "Forty", "The governor", "said"),
        # a one-word answer
        ("Asked whether 40 more troops were needed, the governor said yes.", "yes",
         "the governor", "said"),
    ],
)
def test_more_cues(nlp, text, claim, source, cue) -> None:
    found = _covering(nlp, text, claim)
    assert found is not None
    assert found.source is not None and found.source.text == source
    assert found.cue is not None and found.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "The death toll continued to rise to 40 on Monday.",
        "Casualties by district:\n\nKano: 40\n\nKaduna: 12",
        "Update: 40 people were evacuated from the valley.",
        "The candidate slid in the polls to 4 percent last week.",
    ],
)
def test_not_attributions(nlp, text) -> None:
    assert _attributions(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Amina Okafor, speaking at a rally in Kano on Sunday, said that 14 shops burned.",
         "Amina Okafor"),
        ("The district governor, visiting the flooded villages, said 300 homes were lost.",
         "The district governor"),
        ("The agency, which published its figures late, said 52 clinics had closed.",
         "The agency"),
        # a restrictive clause or an apposition stays in the source
        ("Officials who toured the camp said 900 families had arrived.",
         "Officials who toured the camp"),
        ("Jo Banda, the mayor, said that 12 people died.", "Jo Banda, the mayor,"),
    ],
)
def test_source_leaves_out_set_off_clause(nlp, text: str, source: str) -> None:
    """A comma-set-off participle or past relative clause is not part of the source."""
    found = [a for a in _attributions(nlp, text) if a.source is not None]
    assert found and found[0].source.text == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The governor said she had visited the camp, adding that 40 tents were missing.",
         "adding", "The governor"),
        ("Police said the fire had spread overnight, warning that 200 homes were at risk.",
         "warning", "Police"),
        ("Jo Banda announced that he was stepping down and vowed to rebuild 30 schools.",
         "vowed", "Jo Banda"),
    ],
)
def test_inherited_subject_is_the_reporter(nlp, text: str, cue: str, source: str) -> None:
    """A cue hanging off a reported clause takes the reporter, not that clause's subject."""
    found = [a for a in _attributions(nlp, text) if a.cue.text == cue]
    assert found and found[0].source is not None and found[0].source.text == source
