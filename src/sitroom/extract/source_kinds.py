"""Classify who stands behind a claim (``SourceKind``) from the source's words.

A lexicon over the source phrase's lower-cased words and multi-word names, checked in a
fixed order (anonymous, media, security, ngo, witness, official) so that the most
specific cue wins: "a police spokesman" is ``security``, "a hospital official" is
``ngo``, "a ministry spokesman" is ``official``. Named entities decide when no word
does not: a named person, body or country is ``official``, and an unnamed group of
people ("people", "voters") is ``witness``.
"""

from __future__ import annotations

import re

from ..schema import SourceKind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

_WORD = re.compile(r"[a-z0-9]+(?:['’.-][a-z0-9]+)*\.?")

#: Words that mark an unnamed source ("a source", "officials who spoke on condition of
#: anonymity"); checked first.
ANONYMOUS_WORDS: frozenset[str] = _words(
    "source sources anonymity anonymous unnamed unidentified insider insiders"
)
ANONYMOUS_PHRASES: tuple[str, ...] = ("not authorized to", "not authorised to", "declined to be")

MEDIA_WORDS: frozenset[str] = _words(
    """reuters ap afp xinhua tass interfax ria bbc cnn aljazeera bernama anadolu irna
    newspaper newspapers paper daily tabloid outlet outlets media tv television broadcaster
    channel radio wire journalist journalists reporter reporters correspondent
    correspondents editor columnist magazine website blog times post guardian tribune
    herald gazette journal telegraph politico"""
)
MEDIA_PHRASES: tuple[str, ...] = (
    "associated press", "al jazeera", "state tv", "state television", "state media",
    "local media", "news agency", "press agency", "france presse", "sky news",
    "news outlet", "fox news", "new york times", "washington post", "usa today",
)

SECURITY_WORDS: frozenset[str] = _words(
    """police policeman policemen policewoman cop cops constable constabulary gendarmerie
    gendarme gendarmes military army navy air-force troops soldier soldiers sheriff
    sheriff's deputies marshal marshals militia commander commanders colonel
    lieutenant sergeant officer officers brigade battalion regiment
    security forces defence defense pentagon idf fbi swat patrol detective detectives
    investigators"""
)
SECURITY_PHRASES: tuple[str, ...] = (
    "national guard", "security forces", "security services", "security official",
    "interior ministry", "ministry of interior", "ministry of the interior",
    "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
    "armed forces", "border guard", "coast guard", "law enforcement", "fire department",
    "rescue services", "emergency services",
)

NGO_WORDS: frozenset[str] = _words(
    """ngo ngos un unhcr unicef ocha iom wfp icrc ifrc msf amnesty charity charities
    hospital hospitals clinic doctor doctors physician physicians medic medics medical
    paramedic paramedics nurse nurses morgue coroner aid humanitarian relief"""
)
NGO_PHRASES: tuple[str, ...] = (
    "united nations", "world health organization", "red cross", "red crescent",
    "human rights watch", "doctors without", "medecins sans", "médecins sans",
    "save the children", "rights group", "aid group",
    "aid agency", "aid workers", "health workers", "relief agency", "refugee agency",
)

WITNESS_WORDS: frozenset[str] = _words(
    """witness witnesses eyewitness eyewitnesses resident residents villager villagers
    neighbour neighbours neighbor neighbors survivor survivors relative relatives family
    families father mother brother sister son daughter wife husband uncle aunt cousin
    victim victims bystander bystanders passerby onlooker onlookers locals
    shopkeeper farmer student students protester protesters demonstrator demonstrators
    parent parents friend friends"""
)

OFFICIAL_WORDS: frozenset[str] = _words(
    """government governments ministry ministries minister ministers official officials
    authority authorities mayor mayors governor governors president presidency premier
    chancellor spokesman spokeswoman spokesperson spokespeople administration council
    councillor councilman councilwoman senator senators congressman congresswoman
    lawmaker lawmakers legislator parliament mp mps prosecutor prosecutors judge court
    department agency office cabinet embassy ambassador diplomat diplomats king emir
    prince state kremlin ministry's prefect prefecture district municipality
    secretary commissioner chief head director leader leaders"""
)
OFFICIAL_PHRASES: tuple[str, ...] = ("white house", "prime minister", "foreign ministry")

#: Person pronouns: an unresolved "he said" is taken as a named person (``official``).
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "i", "we"})


def _has(text: str, words: set[str] | frozenset[str], phrases: tuple[str, ...],
         tokens: set[str]) -> bool:
    return bool(tokens & words) or any(p in text for p in phrases)


def classify(text: str) -> SourceKind:
    """Classify a source phrase.

    text (str): the source's words, e.g. "a police spokesman" or a display name with its
        title ("Berdibek Saparbayev, Deputy Prime Minister").
    RETURNS (SourceKind): the kind; ``anonymous`` for an empty or unnamed source.
    """
    lowered = " " + text.lower().replace("’", "'") + " "
    tokens = {w.rstrip(".") for w in _WORD.findall(lowered)}
    if not tokens or tokens <= {"it", "they", "there"}:
        return SourceKind.ANONYMOUS
    if _has(lowered, ANONYMOUS_WORDS, ANONYMOUS_PHRASES, tokens):
        return SourceKind.ANONYMOUS
    if _has(lowered, MEDIA_WORDS, MEDIA_PHRASES, tokens):
        return SourceKind.MEDIA
    if _has(lowered, SECURITY_WORDS, SECURITY_PHRASES, tokens):
        return SourceKind.SECURITY
    if _has(lowered, NGO_WORDS, NGO_PHRASES, tokens) or " WHO " in f" {text} ":
        return SourceKind.NGO
    if _has(lowered, WITNESS_WORDS, (), tokens):
        return SourceKind.WITNESS
    named = any(word[:1].isupper() for word in text.split()) or bool(tokens & PERSON_PRONOUNS)
    if named or _has(lowered, OFFICIAL_WORDS, OFFICIAL_PHRASES, tokens):
        return SourceKind.OFFICIAL
    return SourceKind.WITNESS
