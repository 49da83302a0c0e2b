"""One generated sentence per event: who did what to whom, where, when, with what toll."""

from __future__ import annotations

from types import MappingProxyType

from ..schema import Event, FigureCategory

#: CASE label -> verb phrase linking actor1 to actor2 (or ending the clause alone).
VERBS: MappingProxyType[str, str] = MappingProxyType({
    "ARMED_CLASH": "clashed with", "GOV_REGAINS_TERIT": "regained territory from",
    "NON_STATE_ACTOR_OVERTAKES_TER": "took territory from",
    "CHEM_WEAP": "used chemical weapons against",
    "AIR_STRIKE": "carried out an air/drone strike on",
    "SUIC_BOMB": "carried out a suicide bombing against",
    "ART_MISS_ATTACK": "shelled", "REM_EXPLOS": "detonated an explosive device against",
    "GRENADE": "threw a grenade at", "SEX_VIOL": "sexually assaulted", "ATTACK": "attacked",
    "ABDUCT_DISSAP": "abducted", "PEACE_PROTEST": "protested peacefully",
    "PROTEST_WITH_INTER": "protested and were stopped by",
    "FORCE_AGAINST_PROTEST": "used excessive force against", "VIOL_DEMONSTR": "rioted against",
    "MOB_VIOL": "attacked", "AGREEMENT": "reached an agreement with", "ARREST": "arrested",
    "CHANGE_TO_GROUP_ACT": "changed its activity", "DISR_WEAP": "disrupted weapons use by",
    "HQ_ESTABLISHED": "established a base", "PROPERTY_DISTRUCT": "destroyed property of",
    "NON_VIOL_TERRIT_TRANSFER": "transferred territory to", "OTHER": "acted against",
    "ORG_CRIME": "committed an organised crime against", "DIPLO": "held talks with",
    "ATTRIB": "was blamed for an attack on",
})
_TOLL = (FigureCategory.KILLED, FigureCategory.INJURED, FigureCategory.DISPLACED,
         FigureCategory.ARRESTED, FigureCategory.KIDNAPPED, FigureCategory.MISSING)


def _toll(event: Event) -> str:
    parts = []
    if event.fatalities:
        parts.append(f"{event.fatalities} killed")
    for category in _TOLL[1:]:
        values = [f.value for f in event.figures if f.category == category]
        if values:
            parts.append(f"{min(values)} {category}")
    return ", ".join(parts)


_DISASTERS = {"NATURAL_DISASTER": "a natural disaster",
              "MAN_MADE_DISASTER": "an accident or man-made disaster"}
_PREPS = (" with", " on", " at", " against", " from", " to", " of", " by")


def _intransitive(verb: str) -> str:
    """RETURNS (str): the phrase without its last preposition ("clashed with" -> "clashed")."""
    return verb.rsplit(" ", 1)[0] if verb.endswith(_PREPS) else verb


def make_note(event: Event, label: str | None, location: str | None) -> str:
    """RETURNS (str): e.g. "On 2020-02-07, in Masanchi, Rioters (Kazakhstan) attacked
    Civilians (Kazakhstan) (Mob violence); 11 killed, 170 injured." """
    when = f"On {event.date_start.isoformat()}, " if event.date_start else ""
    where = f"in {location}, " if location else ""
    what = event.sub_event_type or event.event_type
    if label is None:
        body = "an event of undetermined type occurred"
    else:
        actors = {a.role: a.name for a in event.actors}
        a1, a2 = actors.get("actor1"), actors.get("actor2")
        verb = VERBS.get(label, "acted against")
        if label in _DISASTERS:
            body = f"{_DISASTERS[label]} occurred"
            what = None
        elif a1 and a2:
            body = f"{a1} {verb} {a2}"
        elif a1:
            body = f"{a1} {_intransitive(verb)}"
        else:
            link = "against" if "Political violence" in (event.disorder_type or "") else "involving"
            body = f"{what[0].lower()}{what[1:]} {link} {a2}" if a2 else (
                f"unidentified actors {_intransitive(verb)}")
            what = None if a2 else what
        body += f" ({what})" if what else ""
    toll = _toll(event)
    sentence = f"{when}{where}{body}"
    sentence = sentence[0].upper() + sentence[1:]
    return f"{sentence}; {toll}." if toll else f"{sentence}."
