"""Figures that size the things a change is told of, not a sum: 'The number of 100 million-yuan
firms rose by 34 percent', 'the number of projects worth over 1 billion yuan grew by 8'. The
money figure inside 'the number of ...' before a verb of change and its difference (by N, N
percent) is a class of size (a band of a statistic), never a group's investment; 'the number
of projects over X reached 25' and '... also grew, with 17,000 launched' keep their band."""

from __future__ import annotations

import re

from flows.core.extract.en.numbers import Amount

_NUMBER_OF = re.compile(r"\bthe\s+number\s+of\s+(?:[\w'’()-]+\s+){0,6}?$", re.I)
_CHANGE_AFTER = re.compile(
    r"[^,;.]{0,60}?\b(?:rose|risen|increased|grew|grown|went\s+up|jumped|climbed|surged|fell|fallen|dropped|"
    r"declined|decreased|(?:was|were|is|are)\s+(?:up|down))\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|over\s+|"
    r"more\s+than\s+)?\d",
    re.I,
)


def number_changed(s: str, a: Amount, clause: str) -> bool:
    """Whether the amount sizes the items of 'the number of ...' whose change the clause tells."""
    if "number of" not in clause.lower():
        return False
    m = _NUMBER_OF.search(clause)
    return m is not None and _CHANGE_AFTER.match(s, a.end) is not None


# '..., reaching 3.4 billion yuan', '..., to 2.1 billion yuan': a participle or 'to' that only
# carries on the clause before the comma, whose subject the figure is ('the average investment
# of a project is X higher than last year, reaching Y')
_CARRIES_ON = re.compile(
    r"^\s*(?:reaching|to\s+reach|hitting|totall?ing|amounting\s+to|standing\s+at|coming\s+to|to)\s+"
    r"(?:(?:a\s+(?:record|new\s+high\s+of)|about|around|nearly|over|more\s+than|some)\s+)?$",
    re.I,
)


# the clause carried on tells a change or a comparison ('is X higher than last year', 'rose 12
# percent'); one that counts projects or tells them signed is the group's own description
# ('30 projects were signed at the import expo, totaling X'), and its words never refuse the total
_CHANGE_HEAD = re.compile(
    r"\b(?:higher|lower|more|less|up|down|rose|risen|grew|grown|increased|decreased|fell|fallen|dropped|"
    r"declined|jumped|climbed|surged|doubled|tripled)\b",
    re.I,
)
_OWN_GROUP = re.compile(r"\bprojects\b|\b(?:signed|launched|started|introduced)\b", re.I)


def carried_clause(s: str, start: int, clause: str) -> str:
    """The clause of the figure at `start`: the one before the comma too when its own only
    carries that one on and that one tells a change of no group of projects (the trap words of
    its subject then hold for the figure)."""
    if not clause or len(clause) > 40 or not _CARRIES_ON.match(clause):
        return clause
    head = s[max(0, start - len(clause) - 161) : start - len(clause) - 1]
    head = head[max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind(". ")) + 1 :]
    if not _CHANGE_HEAD.search(head) or _OWN_GROUP.search(head):
        return clause
    return head + "," + clause
