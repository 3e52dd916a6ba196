"""A group naming no field whose 其中 parts are all of one field and make up the whole of it (签约项目
2个,其中文化产业合同项目1个,旅游协议项目1个; 开工项目8个,其中生物医药项目5个,医疗器械项目3个): every
project of the group is of that field, and a reader files the group under it. The parts must add up
to the group's count (or, with no counts, its amount); parts of two fields leave it unlabelled.
Used by zh.post_passes.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.labels import stage_of
from flows.core.extract.zh.mixed_parts import _line
from flows.core.model import CohortMention

_TOL = 0.01  # parts' amounts adding up to the whole, up to rounding


def _common(codes: list[str]) -> str | None:
    """The one field all codes fall under: the broadest of them when each lies on its line."""
    top = max(codes, key=lambda c: -len(_line(c)))
    return top if all(top in _line(c) for c in codes) else None


def _whole(m: CohortMention, parts: list[CohortMention]) -> bool:
    if m.project_count and all(k.project_count for k in parts):
        return sum(k.project_count for k in parts) == m.project_count
    if m.amount and all(k.amount for k in parts) and all(k.currency == m.currency for k in parts):
        return abs(sum(k.amount for k in parts) - m.amount) <= _TOL * m.amount
    return False


# a clause of its own after the ; (下半年签约…, 另外全市竣工…): a group of another period, stage or scope
_OWN_FRAME = re.compile(
    r"上半年|下半年|全年|今年|去年|季度|以来|截至|\d+\s*-\s*\d+\s*月|另外|此外|同时|全省|全市|全区|全县|全州|全旗"
)


def _own_clause(evidence: str) -> bool:
    """The text after the ; that follows the 其中 parts opens a group of its own: a stage, period or
    scope word (上半年…,其中A项目5个;下半年签约B项目3个), not a list going on (其中A项目1个;B项目1个)."""
    semi = evidence.find(";", max(evidence.find("其中"), 0))
    tail = evidence[semi + 1 :] if semi >= 0 else ""
    return bool(tail) and (stage_of(tail) is not None or bool(_OWN_FRAME.search(tail)))


def _parts(mentions: list[CohortMention], i: int) -> list[CohortMention]:
    """The 其中 parts of mention i, and the parts of its sentence listed on after them past a ;
    (其中A项目1个,…;B项目1个: the list goes on though the parser ties only the first) unless the
    clause after the ; is a group of its own (_own_clause)."""
    kids = [j for j, k in enumerate(mentions) if k.parent == i]
    if not kids:
        return []
    m, last = mentions[i], kids[-1]
    for k in [] if _own_clause(m.evidence) else mentions[last + 1 :]:
        if k.sentence_index != m.sentence_index or k.parent is not None or k.project_name:
            break
        kids.append(mentions.index(k))
    return [mentions[j] for j in kids if not mentions[j].size_min and not mentions[j].region]


def parts_field(mentions: list[CohortMention]) -> None:
    """Give a group with no field the one field of the parts that make it up."""
    for i, m in enumerate(mentions):
        if m.sector_code or m.project_name or (not m.project_count and not m.amount):
            continue
        parts = _parts(mentions, i)
        if len(parts) < 2 or not all(k.sector_code for k in parts) or not _whole(m, parts):
            continue
        m.sector_code = _common([k.sector_code for k in parts])
