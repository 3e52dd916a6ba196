"""The field of an investment round named by it (2023生物医药产业招商大会, 全市文旅项目签约会, 数字经济
重大项目集中签约仪式, 新能源产业投资推介会, 文化旅游重点项目集中开工活动): the one definition of a themed
round and its guards, read by zh.count_sector (a round named before a count, in its sentence or
ending the one before) and zh.themes (the article's themed rounds).

A round's field is the words after whoever holds or attends it (市委书记出席新能源产业推介会: 新能源;
市商务局招商推介会: none). It gives no sector when it is only generic words (重点产业项目), names two
kinds (数字经济项目和重大招商引资工业项目签约仪式), names a zone (生物医药产业园签约仪式) or is still to
come (下一步将举办农业招商推介会), and a broad field (先进制造业招商推介会) names no group's sector. A trade fair, expo, forum or summit of a field
(农博会, 数字经济大会, 金融论坛) is no round: they show and sign all kinds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.core.extract.zh.labels import generic_only, sector_of

# field words, then fillers, the round's verbs (招商 / 推介 / 签约 / 开工 / 投资) and its word (会 / 仪式 / 活动)
ROUND = re.compile(
    r"(?P<field>[^,;。:!?、\s\d“”《》的在举召于]{2,16}?)(?:重点|重大|产业|项目|合作|集中|专场)*"
    r"(?:招商引资|招商|投资|投融资|推介|签约|开工|开复工|竣工|投产)(?:暨|及|和|与|招商|推介|签约|开工|洽谈|集中|项目)*"
    r"(?:洽谈会|对接会|(?<!大)会|仪式|活动)"
)
_VERBS = ("招商", "投资", "投融资", "推介", "签约", "开工", "开复工", "竣工", "投产")  # every match holds one
_ENDS = ("会", "仪式", "活动")  # every match ends with one
# who holds or attends the round, named before its field (市委书记出席…, 市商务局…): the field is what follows
_HOLDER = re.compile(r".*(?:部|厅|局|委|长|书记|主任|参加|出席|见证|主持|举办)")
# a zone's round (生物医药产业园签约仪式): its field names a place
_ZONE = re.compile(r"园|开发区|高新区|新区|基地")
_TWO_KINDS = re.compile(r"项目[和及与、]")
# a round still to come (下一步将举办农业招商推介会): its field is no field of the figures told
_FUTURE = re.compile(r"将于|将在|将举办|将举行|即将|拟于|计划于|下一步|下半年将")
# a broad field (先进制造业招商推介会, 制造业招商大会): every industry comes, so it names no group's sector
BROAD = frozenset({"manufacturing", "emerging_industries"})


def round_code(field: str) -> str | None:
    """The sector a round's field words give, or None (generic, two kinds, a zone or an office)."""
    holder = _HOLDER.match(field)
    field = field[holder.end() :] if holder else field
    if len(field) < 2 or _ZONE.search(field) or _TWO_KINDS.search(field) or generic_only(field):
        return None
    return sector_of(field)


@lru_cache(maxsize=4096)
def rounds(s: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, sector or None) of every round named in s, in order."""
    if not any(w in s for w in _ENDS) or not any(w in s for w in _VERBS):
        return ()
    return tuple(
        (m.start(), m.end(), None if _FUTURE.search(s, 0, m.start()) else round_code(m.group("field")))
        for m in ROUND.finditer(s)
    )


def last_round(s: str, start: int) -> tuple[int, int, str | None] | None:
    """The last round named in s ending by `start` (a count's start: no round's words hold a digit)."""
    return next((r for r in reversed(rounds(s)) if r[1] <= start), None)


def round_sector(r: tuple[int, int, str | None] | None) -> str | None:
    """The sector a round gives a group of its projects: its field's, unless broad (BROAD)."""
    return r[2] if r and r[2] not in BROAD else None
