"""Words before a group's figures that describe its host or its investors, not the group.

A fronted clause ('As a hub for biomedicine, the city signed 25 projects'; 'Although the chip
industry slowed, ...'), an aside about the place ('The city, known for its auto industry,
signed ...'; 'The zone, home to many chip makers, ...') and one firm's line of business
('Investors including a battery maker and a drug company signed 30 projects') name no field of
a group of projects: they are blanked before the clause's field terms are read, unless the
group's own words point back to them ('..., the city signed 20 such projects', '..., it has
signed') or the firm is the subject of the group's verb.
"""

from __future__ import annotations

import re

from flows.core.extract.en.labels import sector_in

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
# ... named among the group's investors or partners, not as the subject of its verb ('An auto
# parts group signed 5 projects': its business is the group's field)
_FIRM_OBJECT = re.compile(r"\b(?:with|including|such\s+as|from|by|and)\s+$", re.I)
# the group's words point back to the fronted clause's field: '20 such projects', 'projects in
# the sector', 'related projects'
_POINTS_BACK = re.compile(
    r"\b(?:such|related)\s+(?:[\w'’-]+\s+)?projects\b|\bin\s+(?:the|this|that)\s+(?:sector|industry|field)\b",
    re.I,
)
# ... or the main clause's subject is its host: 'Since the X park opened, it has signed ...'
_HOST_SUBJECT = re.compile(r"\s*(?:it|the\s+(?:park|zone|base|cluster|hub|cent(?:er|re)))\s", re.I)


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def points_back(group: str) -> bool:
    """Whether the group's own words point back to a field named before them ('20 such
    projects', 'related projects', 'projects in the sector')."""
    return bool(_POINTS_BACK.search(group))


def mask_host(clause: str, count: int | None, group: str = "") -> str:
    """clause with its fronted clause, its asides about the place and (for a group of projects)
    one firm's business blanked (same length); group is the group's own words (its count to its
    amount). A host or firm the group's own words point back
    to, or its one named field, stays: 'As the X industry grows, the city signed 20 projects in
    the sector', 'An auto parts group signed 5 projects'."""
    back = points_back(group)  # the fronted clause's or the aside's field
    fronted = _FRONTED.match(clause)
    if fronted and not (_HOST_SUBJECT.match(clause, fronted.end()) or back):
        clause = _blank(fronted) + clause[fronted.end() :]
    if not back:
        clause = _ASIDE.sub(_blank, clause)
    if not (count and count > 1 and _ONE_FIRM.search(clause)):
        return clause
    masked = _ONE_FIRM.sub(_blank, clause)
    if sector_in(masked):  # the clause names the group's own field elsewhere
        return masked
    return _ONE_FIRM.sub(lambda m: _blank(m) if _FIRM_OBJECT.search(clause, 0, m.start()) else m.group(0), clause)
