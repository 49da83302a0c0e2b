"""The label set: CASE 2021's 30 labels and what each means in ACLED and PLOVER terms.

25 labels are ACLED sub-event types. The other five are outside ACLED's scope and
get sitroom's own types, never an ACLED one: natural disasters and man-made
disasters (``disorder_type`` "Non-conflict"), organised crime, diplomatic events and
responsibility claims (``disorder_type`` None).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

PV = "Political violence"
DEM = "Demonstrations"
SD = "Strategic developments"
PV_DEM = "Political violence; Demonstrations"
NON_CONFLICT = "Non-conflict"


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """How one classifier label reads in sitroom's schema.

    label (str): the CASE 2021 label. event_type, sub_event_type, disorder_type (str | None):
    ACLED vocabulary, or sitroom's own for non-ACLED labels. plover_type, plover_mode
    (str | None): PLOVER coding. acled (bool): whether the label is an ACLED sub-event type.
    """

    label: str
    event_type: str
    sub_event_type: str | None
    disorder_type: str | None
    plover_type: str | None
    plover_mode: str | None
    acled: bool = True


def _l(label: str, et: str, sub: str | None, dis: str | None, pt: str | None, pm: str | None,
       acled: bool = True) -> LabelInfo:
    return LabelInfo(label, et, sub, dis, pt, pm, acled)


_LABELS = (
    _l("ARMED_CLASH", "Battles", "Armed clash", PV, "ASSAULT", "firearms"),
    _l("GOV_REGAINS_TERIT", "Battles", "Government regains territory", PV, "COERCE", "seize"),
    _l("NON_STATE_ACTOR_OVERTAKES_TER", "Battles", "Non-state actor overtakes territory", PV,
       "COERCE", "seize"),
    _l("CHEM_WEAP", "Explosions/Remote violence", "Chemical weapon", PV, "ASSAULT", "CBRN"),
    _l("AIR_STRIKE", "Explosions/Remote violence", "Air/drone strike", PV, "ASSAULT", "aerial"),
    _l("SUIC_BOMB", "Explosions/Remote violence", "Suicide bomb", PV, "ASSAULT", "suicide"),
    _l("ART_MISS_ATTACK", "Explosions/Remote violence", "Shelling/artillery/missile attack", PV,
       "ASSAULT", "explosives"),
    _l("REM_EXPLOS", "Explosions/Remote violence", "Remote explosive/landmine/IED", PV,
       "ASSAULT", "explosives"),
    _l("GRENADE", "Explosions/Remote violence", "Grenade", PV, "ASSAULT", "explosives"),
    _l("SEX_VIOL", "Violence against civilians", "Sexual violence", PV, "ASSAULT", "sexual"),
    _l("ATTACK", "Violence against civilians", "Attack", PV, "ASSAULT", None),
    _l("ABDUCT_DISSAP", "Violence against civilians", "Abduction/forced disappearance", PV,
       "ASSAULT", "abduct"),
    _l("PEACE_PROTEST", "Protests", "Peaceful protest", DEM, "PROTEST", "demonstrate"),
    _l("PROTEST_WITH_INTER", "Protests", "Protest with intervention", DEM, "PROTEST",
       "demonstrate"),
    _l("FORCE_AGAINST_PROTEST", "Protests", "Excessive force against protesters", PV_DEM,
       "ASSAULT", "beat"),
    _l("VIOL_DEMONSTR", "Riots", "Violent demonstration", DEM, "PROTEST", "riot"),
    _l("MOB_VIOL", "Riots", "Mob violence", PV, "ASSAULT", "primitive"),
    _l("AGREEMENT", "Strategic developments", "Agreement", SD, "AGREE", None),
    _l("ARREST", "Strategic developments", "Arrests", SD, "COERCE", "arrest"),
    _l("CHANGE_TO_GROUP_ACT", "Strategic developments", "Change to group/activity", SD,
       "MOBILIZE", None),
    _l("DISR_WEAP", "Strategic developments", "Disrupted weapons use", SD, "COERCE", "seize"),
    _l("HQ_ESTABLISHED", "Strategic developments", "Headquarters or base established", SD,
       "MOBILIZE", None),
    _l("PROPERTY_DISTRUCT", "Strategic developments", "Looting/property destruction", SD,
       "COERCE", "destroy"),
    _l("NON_VIOL_TERRIT_TRANSFER", "Strategic developments", "Non-violent transfer of territory",
       SD, "RETREAT", None),
    _l("OTHER", "Strategic developments", "Other", SD, None, None),
    _l("NATURAL_DISASTER", "Natural disaster", None, NON_CONFLICT, None, None, acled=False),
    _l("MAN_MADE_DISASTER", "Accident/man-made disaster", None, NON_CONFLICT, None, None,
       acled=False),
    _l("ORG_CRIME", "Organised crime", None, None, None, None, acled=False),
    _l("DIPLO", "Diplomatic event", None, None, "CONSULT", None, acled=False),
    _l("ATTRIB", "Responsibility claim", None, None, "ACCUSE", None, acled=False),
)

#: label -> LabelInfo, in a fixed order (the classifier's class order is its own, saved with it).
LABELS: MappingProxyType[str, LabelInfo] = MappingProxyType({i.label: i for i in _LABELS})

#: ACLED's 25 sub-event types, in codebook order.
ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(
    i.sub_event_type for i in _LABELS if i.acled and i.sub_event_type)
