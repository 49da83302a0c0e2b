"""Lexical cues: hand-written patterns for the concepts that separate event types.

Each cue is a regular expression over lower-cased text. The classifier sees one
binary feature per cue next to the sentence embedding, and the rules in
:mod:`sitroom.code.rules` read the same cues, so what a decision rests on can be
shown to an analyst.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np

_W = r"[a-z-]*"

#: cue name -> pattern. Order is the feature order; append new cues at the end (or make a v2).
CUE_PATTERNS: Mapping[str, str] = MappingProxyType({
    "air": rf"\b(air ?strikes?|air ?raids?|airstrik{_W}|drones?|warplanes?|fighter jets?|jets|"
           rf"helicopter gunships?|aircraft|bombing raids?|aerial|air force|"
           rf"bombard{_W} from the air|uav|sorties?)\b",
    "helicopter": r"\bhelicopters?\b",
    "artillery": rf"\b(shell{_W}|artillery|mortars?|rockets?|missiles?|howitzers?|projectiles?|"
                 rf"katyusha|grad|barrel bombs?|bombard{_W}|cannon fire|tank fire)\b",
    "grenade": rf"\b(grenad{_W}|rpg)\b",
    "ied": rf"\b(ieds?|improvised explosive|roadside bombs?|landmines?|land mines?|mines?|"
           rf"car bombs?|vbied|explosive devices?|bomb blast|bomb exploded|bomb went off|"
           rf"planted|booby[- ]trap{_W}|sticky bombs?|magnetic bombs?)\b",
    "suicide": rf"\b(suicid{_W}|blew (himself|herself|themselves) up|self[- ]detonat{_W}|"
               rf"explosive (vest|belt)s?)\b",
    "explosion": rf"\b(explo{_W}|blasts?|bombs?|bombing|detonat{_W})\b",
    "chemical": rf"\b(chemical{_W}|chlorine|sarin|mustard gas|toxic gas|nerve agent|poison gas|"
                rf"gas attack|toxic substance|white phosphorus|napalm|choking)\b",
    "teargas": rf"\b(tear ?gas|teargas{_W}|rubber bullets?|water cannons?|pepper spray|"
               rf"batons?|lathi|baton[- ]charg{_W}|stun grenades?|pellet guns?|live rounds?|"
               rf"dispers{_W}|crackdown|cracked down)\b",
    "protest": rf"\b(protest{_W}|demonstrat{_W}|rall(y|ies|ied)|marche[sd]|march|sit[- ]ins?|"
               rf"agitat{_W}|dharna|picket{_W}|strik(e|es|ing)|walkouts?|boycott{_W}|"
               rf"hunger strike|slogans?|placards?|banners?|gathered|chant{_W}|bandh|"
               rf"blockade|blocked)\b",
    "peaceful": rf"\b(peaceful{_W}|silent|candle ?light|vigils?|without incident|"
                rf"submitted a memorandum|memorandum|petition)\b",
    "riot": rf"\b(riot{_W}|mobs?|clash{_W}|stone[- ]pelt{_W}|pelt{_W}|hurl{_W}|threw stones|"
            rf"stones|rocks|vandali[sz]{_W}|torch{_W}|set (on )?fire|set ablaze|burn{_W}|"
            rf"rampag{_W}|unrest|violent{_W}|lynch{_W}|angry|ransack{_W}|scuffl{_W}|molotov)\b",
    "police": rf"\b(police{_W}|policem[ae]n|cops?|security forces|riot police|officers?|"
              rf"constables?|gendarm{_W}|law enforcement|paramilitary)\b",
    "arrest": rf"\b(arrest{_W}|detain{_W}|detention|apprehend{_W}|custody|rounded up|"
              rf"took into custody|nabbed|held for questioning|remand{_W}|jailed|imprison{_W})\b",
    "abduct": rf"\b(abduct{_W}|kidnap{_W}|hostages?|disappear{_W}|taken captive|"
              rf"ransom|seized (a|two|three|several)? ?(men|women|people|civilians))\b",
    "sexual": rf"\b(rap(e|ed|es|ing|ist)|sexual{_W}|molest{_W}|sexually|gang[- ]?rap{_W})\b",
    "kill": rf"\b(kill{_W}|dead|death|died|murder{_W}|slain|shot|shooting|gunned down|"
            rf"massacr{_W}|executed|behead{_W}|stabb{_W}|hacked|wounded|injur{_W})\b",
    "civilian": r"\b(civilians?|villagers?|residents?|farmers?|women|children|passengers|"
                r"worshippers|pilgrims|students|teachers?|journalists?|shopkeepers?|family|"
                r"unarmed|innocent)\b",
    "gunmen": r"\b(gunm[ae]n|unknown (men|assailants|attackers)|assailants?|armed men|"
              r"attackers?|militants? attacked)\b",
    "battle": rf"\b(clash{_W}|fighting|fought|gun ?battles?|firefights?|exchange of fire|"
              rf"exchanged fire|engag{_W}|ambush{_W}|skirmish{_W}|offensive|counter[- ]attack{_W}|"
              rf"battl{_W}|assault)\b",
    "state": r"\b(army|armed forces|military|troops|soldiers?|government forces|"
             r"pro-government|regime|forces loyal|national army|saa|sdf|government|"
             r"security forces|marines|special forces|coalition|iraqi forces|afghan forces|"
             r"national guard)\b",
    "nonstate": rf"\b(militants?|rebels?|insurgents?|isis|islamic state|isil|daesh|taliban|"
                rf"al[- ]shabaa?b|boko haram|al[- ]qaeda|houthis?|jihadists?|fighters|"
                rf"armed groups?|maoists?|naxal{_W}|separatists?|terrorists?|hts|"
                rf"al[- ]nusra|ypg|pkk|militias?|guerrill{_W}|farc|eln|ansar)\b",
    "recapture": rf"\b(recaptur{_W}|retak{_W}|retook|regain{_W}|re-?took|liberat{_W}|"
                 rf"reclaim{_W}|re-?established control|cleared|won back|back under)\b",
    "capture": rf"\b(captur{_W}|seiz{_W}|took control|taken control|took over|taken over|"
               rf"overr[au]n{_W}|stormed|fell to|gained control|control of|advanced|"
               rf"takeover)\b",
    "withdraw": rf"\b(withdr[ae]w{_W}|withdrawal|pull(ed)? out|pullout|handed over|hand(ing)? over|"
                rf"handover|evacuat{_W}|retreat{_W}|without a fight|transferr{_W}|"
                rf"left the|abandon{_W}|vacat{_W}|deploy{_W})\b",
    "agreement": rf"\b(agree{_W}|agreement|ceasefire|cease-fire|truce|deal|accord|signed|"
                 rf"sign{_W}|peace (talks|deal|pact)|pact|memorandum of understanding|"
                 rf"treaty|negotiat{_W}|reconcil{_W}|prisoner (swap|exchange)|release of)\b",
    "disrupt": rf"\b(defus{_W}|dismantl{_W}|seized (a |an )?(weapons?|arms|ammunition|"
               rf"explosives?)|weapons caches?|arms caches?|caches?|recovered|confiscat{_W}|"
               rf"intercept{_W}|shot down|foiled|thwart{_W}|neutrali[sz]{_W}|bomb squad|"
               rf"disposal|found (an?|the)? ?(ied|bomb|explosives?)|detect{_W}|"
               rf"ammunition|arms|weapons?|rifles|pistols?|explosives?)\b",
    "hq": r"\b(headquarters|hq|set up (a |an |new )?(base|camp|office|post)|established (a |an )?"
          r"(base|camp|headquarters|office|post|checkpoint)|new base|military base|outpost|"
          r"opened (an? )?(office|base))\b",
    "property": rf"\b(loot{_W}|torch{_W}|set (on )?fire|ablaze|arson|burn(ed|t|ing) down|"
                rf"destroy{_W}|destruction|demolish{_W}|vandali[sz]{_W}|damag{_W}|razed|"
                rf"ransack{_W}|plunder{_W}|bulldoz{_W})\b",
    "natural": rf"\b(earthquakes?|quakes?|floods?|flooding|cyclones?|hurricanes?|typhoons?|"
               rf"storms?|tornado{_W}|tsunami|landslides?|mudslides?|drought|wildfires?|"
               rf"forest fires?|bushfires?|heat ?wave|cold wave|avalanche|volcan{_W}|"
               rf"rain{_W}|monsoon|lightning|covid{_W}|coronavirus|pandemic|epidemic|"
               rf"outbreak|cholera|ebola|virus|infect{_W}|cases|disease|locusts?|famine)\b",
    "accident": rf"\b(accident{_W}|crash{_W}|collapse{_W}|derail{_W}|capsiz{_W}|sank|sinking|"
                rf"fire broke out|blaze|caught fire|gas leak|leak{_W}|spill{_W}|"
                rf"stampede|collision|collided|boiler|short circuit|factory|plant|"
                rf"building collapse|mine (collapse|accident)|poisoning|hooch|"
                rf"spurious liquor|fire|firefighters|fire tenders)\b",
    "crime": rf"\b(drugs?|narcotic{_W}|cocaine|heroin|smuggl{_W}|cartels?|gangs?|"
             rf"gangsters?|traffick{_W}|robber{_W}|robbed|thie(f|ves)|theft|burglar{_W}|"
             rf"loot{_W}|extort{_W}|mafia|criminal{_W}|dacoit{_W}|contraband|seized drugs|"
             rf"fraud|money laundering|poach{_W})\b",
    "claim": rf"\b(claim{_W} responsibility|responsibility|claimed the attack|"
             rf"claimed (the )?(attack|bombing|killing)s?|claimed by|blamed|accus{_W}|"
             rf"attribut{_W}|denied involvement|behind the attack|was behind|were behind)\b",
    "diplo": rf"\b(met|meeting|talks|visit{_W}|summit|minister|ambassador|envoy|"
             rf"diplomat{_W}|bilateral|foreign (minister|ministry|affairs)|president|"
             rf"prime minister|delegation|embassy|sanctions?|condemn{_W}|statement|"
             rf"urged|called on|discussed|cooperation|relations)\b",
    "group_change": rf"\b(merg{_W}|join{_W}|split|splinter|disband{_W}|dissolv{_W}|"
                    rf"renam{_W}|new (group|leader|commander|chief)|appoint{_W}|"
                    rf"named (as )?(the )?new|defect{_W}|surrender{_W}|laid down (their )?arms|"
                    rf"recruit{_W}|alliance|allegiance|pledg{_W}|relocat{_W}|curfew|"
                    rf"ban(ned|s)?|suspend{_W}|launched|formed|formation|announced)\b",
    "intervention": rf"\b(police (intervened|stopped|prevented|blocked|removed|detained|"
                    rf"arrested)|intervened|prevented|stopped them|removed (the )?protesters|"
                    rf"were detained|were arrested|forcibly|dragged|scuffle|pushed back|"
                    rf"barricades?|cordon{_W})\b",
    "number_dead": r"\b\d+ (people |persons |civilians |soldiers |militants )?"
                   r"(were |have been )?(killed|dead|died)\b",
})


class CueSet:
    """Compiled cue patterns (``sitroom.coding_cues.v1``).

    patterns (Mapping[str, str]): cue name to regular expression.
    """

    def __init__(self, patterns: Mapping[str, str] = CUE_PATTERNS) -> None:
        self.names: tuple[str, ...] = tuple(patterns)
        # patterns are lower case and run on lower-cased text (faster than IGNORECASE)
        self._compiled = tuple(re.compile(p) for p in patterns.values())

    def __len__(self) -> int:
        return len(self.names)

    def matches(self, text: str) -> dict[str, list[str]]:
        """RETURNS (dict[str, list[str]]): cue name to the matched strings, for cues that fire."""
        found: dict[str, list[str]] = {}
        text = text.lower()
        for name, rx in zip(self.names, self._compiled, strict=True):
            hits = [m.group(0) for m in rx.finditer(text)]
            if hits:
                found[name] = hits
        return found

    def vector(self, found: dict[str, list[str]]) -> np.ndarray:
        """RETURNS (np.ndarray): the :meth:`features` row for one :meth:`matches` result."""
        row = np.zeros(len(self.names), dtype=np.float32)
        for col, name in enumerate(self.names):
            if name in found:
                row[col] = np.log1p(len(found[name]))
        return row

    def features(self, texts: list[str]) -> np.ndarray:
        """RETURNS (np.ndarray): float32 ``(len(texts), len(self))``, log(1 + hits) per cue."""
        out = np.zeros((len(texts), len(self.names)), dtype=np.float32)
        for row, text in enumerate(texts):
            text = text.lower()
            for col, rx in enumerate(self._compiled):
                n = sum(1 for _ in rx.finditer(text))
                if n:
                    out[row, col] = np.log1p(n)
        return out
