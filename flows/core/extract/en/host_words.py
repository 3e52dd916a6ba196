"""Words before a group's figures that describe its host or its investors, not the group.

A fronted clause ('As a hub for biomedicine, the city signed 25 projects'; 'Although the chip
industry slowed, ...'), an aside about the place ('The city, known for its auto industry,
signed ...'; 'The zone, home to many chip makers, ...') and one firm's line of business
('Investors including a battery maker and a drug company signed 30 projects') name no field of
a group of projects: they are blanked before the clause's field terms are read.
"""

from __future__ import annotations

import re

# a fronted adverbial clause; not a topic frame ('As for new energy, 12 projects ...')
_FRONTED = re.compile(
    r"^\s*(?:as(?!\s+(?:for|to|of|regards)\b)|although|though|while|whereas|since|because|amid|despite)\s[^,;]{3,120},",
    re.I,
)
# an aside about the place: ', known for its auto industry,' ', home to many chip makers,'
_ASIDE = re.compile(
    r",\s+(?:(?:which\s+is\s+)?(?:(?:well|widely|best)\s+)?(?:known|famous|renowned|noted)\s+(?:for|as)|"
    r"(?:which\s+is\s+)?home\s+to|(?:which\s+is\s+)?an?\s+(?:hub|base|centre|center|cluster)\s+(?:for|of))\s[^,;]{3,80}?,",
    re.I,
)
# one firm named by its business: 'a battery maker', 'the drug company'
_ONE_FIRM = re.compile(
    r"\b(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,4}?(?:maker|producer|manufacturer|supplier|company|firm|giant|"
    r"enterprise|developer|operator|group)\b(?!s)",
    re.I,
)


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def mask_host(clause: str, count: int | None) -> str:
    """clause with its fronted clause, its asides about the place and (for a group of projects)
    one firm's business blanked (same length)."""
    clause = _ASIDE.sub(_blank, _FRONTED.sub(_blank, clause, count=1))
    return _ONE_FIRM.sub(_blank, clause) if count and count > 1 else clause
