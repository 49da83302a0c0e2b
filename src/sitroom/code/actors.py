"""Actors from the parse: who acted on whom, named in ACLED style with inter codes.

A mention's side comes from its dependency role, not from word order: subjects of
active verbs and ``by``-agents act (``actor1``); direct objects, passive subjects and
objects of "at/on/against" are acted on (``actor2``); "with" partners of symmetric verbs
("clashed with") are ``actor2``. Ethnic and religious words (which spaCy often tags as
places) come from :data:`~sitroom.code.lexicon.GROUPS` and become associated actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..schema import Actor
from .lexicon import ACTOR_NOUNS, GROUPS, INTER_LABELS, NAMED_GROUPS, ActorKind, Group

AGENT, PATIENT = "actor1", "actor2"
_PATIENT_PREPS = frozenset({"at", "on", "against", "upon", "into"})
#: verbs whose subject does not act on anyone ("residents fled", "police said").
_NON_ACTION = frozenset({"say", "tell", "report", "claim", "state", "add", "confirm", "flee",
                         "die", "live", "be", "have", "remain", "return", "fear", "escape",
                         "suffer", "receive", "need", "lose", "accuse", "blame", "deny"})
_NAMED_RX = re.compile(r"\b(" + "|".join(sorted(map(re.escape, NAMED_GROUPS), key=len,
                                                   reverse=True)) + r")\b", re.IGNORECASE)


@dataclass(slots=True)
class Mention:
    """One actor mention. side: actor1 | actor2 | None; group: an ethnic/religious modifier."""

    name: str
    inter: int
    side: str | None
    token_i: int
    group: Group | None = None
    kind: ActorKind | None = None
    sent: int = 0  # start token of the mention's sentence


def side_of(token: Token) -> str | None:
    """RETURNS (str | None): ``actor1`` (acts), ``actor2`` (acted on) or None, from the parse."""
    for _ in range(4):  # climb conjunctions / "mob of villagers" / "members of X"
        dep = token.dep_
        if dep == "conj" or (dep == "pobj" and token.head.lower_ == "of"
                             and token.head.head.dep_ != "ROOT"):
            token = token.head if dep == "conj" else token.head.head
            continue
        break
    dep, head = token.dep_, token.head
    if dep in ("nsubj", "csubj"):
        return None if head.lemma_.lower() in _NON_ACTION else AGENT
    if dep in ("dobj", "nsubjpass", "attr", "oprd"):
        return PATIENT
    if dep == "pobj":
        prep = head.lower_
        if prep == "by" and head.dep_ == "agent":
            return AGENT
        if prep in _PATIENT_PREPS or prep == "with":
            return PATIENT
    if dep in ("compound", "amod", "nmod", "poss") and head.i != token.i:
        return side_of(head)
    return None


def _country_of(group: Group | None, default: str | None) -> str | None:
    return group.country if group and group.country else default


def _name(kind: ActorKind, country: str | None) -> str:
    return kind.template.format(country=country) if country else kind.bare


def find_mentions(span: Span, *, country: str | None, riot: bool) -> list[Mention]:
    """Actor mentions in a span of a parsed Doc.

    country (str | None): the event's country, for ACLED-style names.
    riot (bool): whether the event is a riot or protest (ethnic agents then act as rioters).
    RETURNS (list[Mention]): mentions in text order.
    """
    out: list[Mention] = []
    taken: set[int] = set()
    # national adjectives read as ethnic groups where other communities are named too
    communal = any(GROUPS[t.lower_].kind != "national" for t in span if t.lower_ in GROUPS)
    for match in _NAMED_RX.finditer(span.text):
        sub = span.char_span(match.start(), match.end(), alignment_mode="expand")
        if sub is None:
            continue
        name, inter = NAMED_GROUPS[match.group(1).lower()]
        root = sub.root
        if inter == 1 and country and name in ("Police Forces", "Military Forces"):
            name = f"{name} of {country}"
        out.append(Mention(name, inter, side_of(root), root.i))
        taken.update(t.i for t in sub)
        taken.add(root.head.i if root.dep_ == "compound" else root.i)
    for token in span:
        if token.i in taken:
            continue
        low, lemma = token.lower_, token.lemma_.lower()
        group = GROUPS.get(low)
        if group and token.dep_ in ("amod", "compound", "nmod") and (
                token.head.lemma_.lower() in ACTOR_NOUNS):
            continue  # handled as the modifier of its head noun
        if (group and token.tag_ in ("NNS", "NNPS")) or (group and low.endswith("s")
                                                        and low != group.adj.lower()):
            out.append(_group_mention(token, group, country, riot))
            continue
        kind = ACTOR_NOUNS.get(lemma) or ACTOR_NOUNS.get(low)
        if kind is None or token.pos_ not in ("NOUN", "PROPN"):
            continue
        modifier = next((GROUPS[c.lower_] for c in token.children
                         if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in GROUPS), None)
        where = _country_of(modifier, country)
        if kind.inter in (1, 2, 8) or modifier is None or (
                modifier.kind == "national" and not communal):
            out.append(Mention(_name(kind, where), kind.inter, side_of(token), token.i,
                               kind=kind))
        else:  # "Dungan villagers": civilians (or rioters) with an associated group
            out.append(Mention(_name(kind, where), kind.inter, side_of(token), token.i,
                               group=modifier, kind=kind))
    for m in out:
        m.sent = span.doc[m.token_i].sent.start
    return sorted(out, key=lambda m: m.token_i)


def _group_mention(token: Token, group: Group, country: str | None, riot: bool) -> Mention:
    side = side_of(token)
    where = _country_of(group, country)
    if side == AGENT:
        kind = ACTOR_NOUNS["rioter"] if riot else None
        if kind is not None:
            return Mention(_name(kind, where), 5, side, token.i, group=group, kind=kind)
        return Mention(f"{group.adj} Ethnic Militia" + (f" ({where})" if where else ""), 4,
                       side, token.i, group=group)
    kind = ACTOR_NOUNS["civilian"]
    return Mention(_name(kind, where), 7, side, token.i, group=group, kind=kind)


def assign_actors(mentions: list[Mention], *, focus: int | None = None) -> list[Actor]:
    """Pick actor1, actor2 and associated actors from mentions.

    The first agent that is not civilians is actor1; the first patient that is not
    actor1 is actor2; the
    ethnic/religious groups on the same side of the same sentence become
    ``assoc_actor1``/``assoc_actor2``. focus (int | None): start token of the evidence
    sentence, whose mentions are preferred.
    RETURNS (list[Actor]): at most one actor per role, plus associated actors.
    """
    if focus is not None:
        mentions = sorted(mentions, key=lambda m: (m.sent != focus, m.token_i))
    # civilians are never actor1 in ACLED: acting civilians are rioters, militias, …
    actor1 = next((m for m in mentions if m.side == AGENT and m.inter != 7), None)
    actor2 = next((m for m in mentions if m.side == PATIENT
                   and (actor1 is None or m.name != actor1.name)), None)
    if actor1 is None and actor2 is None and mentions:
        actor1 = next((m for m in mentions if m.inter != 7), None)
    actors: list[Actor] = []
    for role, m in (("actor1", actor1), ("actor2", actor2)):
        if m is None:
            continue
        actors.append(Actor(name=m.name, role=role, inter=m.inter,
                            inter_label=INTER_LABELS[m.inter]))
        groups = {x.group for x in mentions
                  if x.group and (x is m or (x.side == m.side and x.sent == m.sent))}
        for group in sorted(groups, key=lambda g: g.adj):
            if not m.name.startswith(group.adj):
                actors.append(Actor(name=group.group_name(_country_from(m.name)),
                                    role=f"assoc_{role}"))
    return actors


def _country_from(name: str) -> str | None:
    match = re.search(r"\(([^()]+)\)$", name)
    return match.group(1) if match else None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: the two inter codes, lower first; one actor alone is ``N0``.

    RETURNS (int | None): e.g. 57 for rioters against civilians, 60 for protesters alone.
    """
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1]
