"""The field of a themed investment round (2023生物医药产业招商大会, 全市文旅项目签约会, 县农业招商推介会,
乡村振兴产业项目招商推介暨集中签约仪式): when every themed round the article names
gives one specific field, its cohorts that name none of their own take it, as a reader files a
biomedicine fair's signings under biomedicine (a round and its field: zh.rounds). Not given: a broad field
(制造业招商大会: every industry), a cohort of a period
(今年以来, 今年已签约, 累计, 上半年, 同比), one whose own sentence tells a batch round of no field
(重点项目集中签约仪式, 主会场集中开工: another event than the themed one), one said to hold only some of the field's (有两个是X项目), one whose own sentence lists fields of several sectors, and none at all
when the article gives any group or single project a field of another sector (a tourism round whose
signings include a cell bank; a farm round whose starts include 基础设施 and 民生 parts) or names
an expo or trade fair (a round held at a fair: the totals are the fair's, of every kind). Used by zh.post_passes.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.labels import FIELDS_VERB, sector_of
from flows.core.extract.zh.mixed_parts import _line
from flows.core.extract.zh.rounds import BROAD, round_code, rounds
from flows.core.extract.zh.words import PERIOD_REPORT
from flows.core.model import CohortMention

_PERIOD = re.compile(PERIOD_REPORT)  # a period's report, not the themed round's (zh.words)
# a group said to hold only some projects of a field (其中合同项目4个,…,有两个是文化旅游项目)
_SOME_ARE = re.compile(r"有[\d一两二三四五六七八九十]+个(?:是|为|属于)")
# an expo or trade fair hosting the round (…博览会闭幕…, 以农博会为平台,举办…休闲农业推介会): its totals are the fair's
_FAIR = re.compile(r"博览会|博会|交易会|展会|展览会|洽会|交会")
_FIELDS = re.compile(rf"(?:{FIELDS_VERB})(?:了|到)?(?P<list>[^;。:]{{2,80}}?)等")
_ITEM = re.compile(r"[、,和及与]|以及")


def article_theme(sentences: list[str]) -> str | None:
    """The one specific field the article's themed events give, else None."""
    codes = set()
    for s in sentences:
        codes |= {code for _, _, code in rounds(s)}
    codes.discard(None)
    if len(codes) != 1 or codes & BROAD:
        return None
    return codes.pop()


def _mixed_fields(evidence: str) -> bool:
    """The sentence lists fields of two sectors or more (涉及新能源、生物医药、现代物流等领域)."""
    for m in _FIELDS.finditer(evidence):
        codes = {sector_of(x) for x in _ITEM.split(m.group("list"))} - {None}
        if len(codes) > 1:
            return True
    return False


# a round of a batch told in the cohort's own sentence (重点项目集中签约仪式, 主会场集中开工项目20个)
_BATCH_ROUND = re.compile(r"集中(?:签约|开工|开复工|竣工|投产)")


def _own_round(evidence: str, theme: str) -> bool:
    """The cohort's own sentence tells a batch round whose words before it give no field or
    another (某县举行重点项目集中签约仪式,共签约项目20个; 当天还在主会场集中开工项目20个): that
    round's cohort, not the themed event's (a side event named in passing, a second event)."""
    for r in _BATCH_ROUND.finditer(evidence):
        code = round_code(evidence[: r.start()])
        if code is None or _other_field(code, theme):
            return True
    return False


def _other_field(code: str, theme: str) -> bool:
    return theme not in _line(code) and code not in _line(theme)


def themed_cohorts(sentences: list[str], mentions: list[CohortMention]) -> None:
    """Give the article's themed field to its cohorts that name no field."""
    theme = article_theme(sentences)
    if theme is None or any(_FAIR.search(s) for s in sentences):
        return
    if any(m.sector_code and _other_field(m.sector_code, theme) for m in mentions):
        return  # a group or a project of another field: the round's projects are not all of one
    for m in mentions:
        if m.sector_code or m.project_name or m.extra.get("basket"):
            continue
        parent = mentions[m.parent] if m.parent is not None and m.parent < len(mentions) else None
        if parent is not None and parent.sector_code and parent.sector_code != theme:
            continue
        if _PERIOD.search(m.evidence) or _SOME_ARE.search(m.evidence) or _mixed_fields(m.evidence):
            continue
        if _own_round(m.evidence, theme):
            continue
        m.sector_code = theme
