"""Actor lexicon (``sitroom.actor_lexicon.v1``): words that name parties to an event.

ACLED's actor types (``inter`` codes): 1 State forces, 2 Rebel groups, 3 Political
militias, 4 Identity militias, 5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other
forces. Names follow ACLED's style: "Police Forces of Kazakhstan", "Rioters (Kazakhstan)",
"Civilians (Kazakhstan)", "Kazakh Ethnic Group", "Muslim Group (India)".
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

INTER_LABELS: MappingProxyType[int, str] = MappingProxyType({
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
})


@dataclass(frozen=True, slots=True)
class ActorKind:
    """A generic actor noun. template (str): name with ``{country}``; inter (int): ACLED code."""

    template: str
    inter: int
    bare: str  # the name when the country is unknown


def _k(template: str, inter: int, bare: str) -> ActorKind:
    return ActorKind(template, inter, bare)


_POLICE = _k("Police Forces of {country}", 1, "Police Forces")
_MILITARY = _k("Military Forces of {country}", 1, "Military Forces")
_REBELS = _k("Rebel Group ({country})", 2, "Rebel Group")
_ARMED = _k("Unidentified Armed Group ({country})", 3, "Unidentified Armed Group")
_RIOTERS = _k("Rioters ({country})", 5, "Rioters")
_PROTESTERS = _k("Protesters ({country})", 6, "Protesters")
_CIVILIANS = _k("Civilians ({country})", 7, "Civilians")
_UN = _k("United Nations", 8, "United Nations")

#: head-noun lemma (lower case) -> actor kind.
ACTOR_NOUNS: MappingProxyType[str, ActorKind] = MappingProxyType({
    **dict.fromkeys(("police", "policeman", "policemen", "cop", "gendarme", "gendarmerie",
                     "constable", "constabulary"), _POLICE),
    **dict.fromkeys(("army", "military", "troop", "troops", "soldier", "force", "forces",
                     "marine", "paratrooper", "guard", "navy", "airforce"), _MILITARY),
    **dict.fromkeys(("rebel", "insurgent", "militant", "jihadist", "guerrilla", "separatist",
                     "extremist", "terrorist"), _REBELS),
    **dict.fromkeys(("gunman", "gunmen", "militia", "militiaman", "militiamen", "assailant",
                     "attacker", "bandit", "raider"), _ARMED),
    **dict.fromkeys(("rioter", "mob", "crowd", "youth", "hooligan"), _RIOTERS),
    **dict.fromkeys(("protester", "protestor", "demonstrator", "marcher", "activist",
                     "striker", "picketer"), _PROTESTERS),
    **dict.fromkeys(("civilian", "villager", "resident", "people", "person", "woman", "women",
                     "man", "men", "child", "children", "boy", "girl", "student", "farmer",
                     "journalist", "worshipper", "passenger", "family", "teacher", "herder",
                     "trader", "shopkeeper", "worker", "pilgrim", "refugee", "victim",
                     "inhabitant", "local", "village", "home", "house", "household"),
                    _CIVILIANS),
    **dict.fromkeys(("peacekeeper", "un", "minusma", "monusco", "unmiss"), _UN),
})

#: multi-word or named groups (lower-case surface) -> (ACLED-style name, inter).
NAMED_GROUPS: MappingProxyType[str, tuple[str, int]] = MappingProxyType({
    "taliban": ("Taliban", 2),
    "islamic state": ("Islamic State", 2), "isis": ("Islamic State", 2),
    "isil": ("Islamic State", 2), "daesh": ("Islamic State", 2),
    "al-shabaab": ("Al Shabaab", 2), "al shabaab": ("Al Shabaab", 2),
    "al-shabab": ("Al Shabaab", 2), "boko haram": ("Boko Haram", 2),
    "houthis": ("Houthi Movement", 2), "houthi": ("Houthi Movement", 2),
    "al-qaeda": ("Al Qaeda", 2), "al qaeda": ("Al Qaeda", 2), "farc": ("FARC", 2),
    "eln": ("ELN: National Liberation Army", 2), "pkk": ("PKK: Kurdistan Workers Party", 2),
    "maoists": ("CPI (Maoist)", 2), "naxals": ("CPI (Maoist)", 2),
    "hts": ("Hayat Tahrir al Sham", 2), "ypg": ("YPG: People's Protection Units", 2),
    "sdf": ("SDF: Syrian Democratic Forces", 2), "hezbollah": ("Hezbollah", 3),
    "hamas": ("Hamas", 2), "national guard": ("National Guard", 1),
    "riot police": ("Police Forces", 1), "security forces": ("Military Forces", 1),
})


@dataclass(frozen=True, slots=True)
class Group:
    """An ethnic, religious or national group. adj (str): "Kazakh"; kind: ethnic|religious|
    national; country (str | None): the country the adjective names, for national ones."""

    adj: str
    kind: str
    country: str | None = None

    def group_name(self, country: str | None) -> str:
        """RETURNS (str): ACLED-style group name ("Kazakh Ethnic Group", "Muslim Group (India)")."""
        if self.kind == "religious":
            return f"{self.adj} Group ({country})" if country else f"{self.adj} Group"
        return f"{self.adj} Ethnic Group"


def _groups() -> dict[str, Group]:
    table: dict[str, Group] = {}
    ethnic_national = {  # adjective: (plural forms, country it names or None)
        "Kazakh": (("kazakhs",), "Kazakhstan"), "Kyrgyz": ((), "Kyrgyzstan"),
        "Uzbek": (("uzbeks",), "Uzbekistan"), "Tajik": (("tajiks",), "Tajikistan"),
        "Russian": (("russians",), "Russia"), "Ukrainian": (("ukrainians",), "Ukraine"),
        "Turkish": (("turks",), "Turkey"), "Syrian": (("syrians",), "Syria"),
        "Iraqi": (("iraqis",), "Iraq"), "Afghan": (("afghans",), "Afghanistan"),
        "Pakistani": (("pakistanis",), "Pakistan"), "Indian": (("indians",), "India"),
        "Nigerian": (("nigerians",), "Nigeria"), "Somali": (("somalis",), "Somalia"),
        "Israeli": (("israelis",), "Israel"), "Palestinian": (("palestinians",), "Palestine"),
        "Yemeni": (("yemenis",), "Yemen"), "Libyan": (("libyans",), "Libya"),
        "Egyptian": (("egyptians",), "Egypt"), "Iranian": (("iranians",), "Iran"),
        "Chinese": ((), "China"), "Malian": (("malians",), "Mali"),
        "Sudanese": ((), "Sudan"), "Ethiopian": (("ethiopians",), "Ethiopia"),
        "Kenyan": (("kenyans",), "Kenya"), "Congolese": ((), "Democratic Republic of Congo"),
        "Mexican": (("mexicans",), "Mexico"), "Colombian": (("colombians",), "Colombia"),
        "Filipino": (("filipinos",), "Philippines"), "Burmese": ((), "Myanmar"),
        "Bangladeshi": (("bangladeshis",), "Bangladesh"), "Lebanese": ((), "Lebanon"),
        "American": (("americans",), "United States"), "French": ((), "France"),
        "British": ((), "United Kingdom"), "Armenian": (("armenians",), "Armenia"),
        "Azerbaijani": (("azerbaijanis",), "Azerbaijan"), "Georgian": (("georgians",), "Georgia"),
        "Serb": (("serbs",), None), "Serbian": ((), "Serbia"), "Albanian": (("albanians",), None),
        "Dungan": (("dungans",), None), "Chechen": (("chechens",), None),
        "Uyghur": (("uyghurs", "uighurs"), None), "Uighur": ((), None),
        "Kurdish": (("kurds", "kurd"), None), "Fulani": (("fulanis",), None),
        "Hausa": ((), None), "Igbo": (("igbos",), None), "Yoruba": (("yorubas",), None),
        "Tuareg": (("tuaregs",), None), "Dogon": (("dogons",), None),
        "Pashtun": (("pashtuns",), None), "Hazara": (("hazaras",), None),
        "Baloch": (("balochs", "baluch"), None), "Tamil": (("tamils",), None),
        "Rohingya": (("rohingyas",), None), "Rakhine": ((), None), "Kachin": ((), None),
        "Karen": ((), None), "Tutsi": (("tutsis",), None), "Hutu": (("hutus",), None),
        "Amhara": (("amharas",), None), "Oromo": (("oromos",), None),
        "Tigrayan": (("tigrayans",), None), "Kikuyu": ((), None), "Dinka": ((), None),
        "Nuer": ((), None), "Naga": (("nagas",), None), "Kuki": (("kukis",), None),
        "Meitei": (("meiteis",), None), "Bodo": (("bodos",), None), "Arab": (("arabs",), None),
        "Berber": (("berbers",), None), "Druze": ((), None), "Yazidi": (("yazidis",), None),
        "Roma": ((), None), "Dalit": (("dalits",), None), "Tatar": (("tatars",), None),
    }
    for adj, (plurals, country) in ethnic_national.items():
        group = Group(adj, "national" if country else "ethnic", country)
        for form in (adj.lower(), *plurals):
            table[form] = group
    religious = {"Muslim": ("muslims",), "Christian": ("christians",), "Hindu": ("hindus",),
                 "Sikh": ("sikhs",), "Buddhist": ("buddhists",), "Jewish": ("jews", "jew"),
                 "Shia Muslim": ("shias", "shiites", "shia", "shiite"),
                 "Sunni Muslim": ("sunnis", "sunni"), "Catholic": ("catholics",)}
    for adj, plurals in religious.items():
        group = Group(adj, "religious")
        for form in (adj.lower(), *plurals):
            table[form] = group
    return table


#: surface form (lower case: adjective, singular or plural noun) -> Group.
GROUPS: MappingProxyType[str, Group] = MappingProxyType(_groups())
