"""A count and an amount a few sentences apart that name the same group of projects are one
cohort: '全县开工动员重点项目共67个。…… 全县开工动员重点项目中,计划投资额累计共X' or, amount first,
'其中产业类项目计划总投资达X。…… 产业类项目共42个'. The group is named by the words right before
项目 (a qualifier of three characters at least: 产业类, 开工动员重点), the same words in both but
for a place scope (全县, 其中), and both sentences open alike (no 一季度, / 上半年, of their own that
differ: two periods or places are two groups); the count is attached to
its noun (…项目共N个), the amount follows its noun and an investment cue (…项目(中,)计划总投资X).
Only a count-only and an amount-only mention join, with the same stage, within a few sentences,
the nearest first. Used by zh.cohorts.finish after join_anaphora.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.words import TOTAL_INVESTMENT
from flows.core.model import CohortMention

_SPAN = 4  # sentences between the two at most
# the place scope a group's words may carry or not (全县…项目 / 其中…项目); a time (一季度, 上半年, 1-5月)
# stays in the words: two periods' groups are two groups
_SCOPE = re.compile(r"其中|全县|全市|全区|全省|全州|本县|本市|本区")  # anywhere: 全县前二季度 = 前二季度全县
# a sentence's opener set off by a comma (一季度, / 在城东片区, / 6月份,): both sentences must share it
_OPENER = re.compile(r"^[^,，。;；]{1,8}[,，]")
_COUNT_NOUN = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,16}?项目)(?:共有|共计|有|共|达到?|为)?\s*(?P<num>\d+)\s*[个项宗]")
_AMOUNT_NOUN = re.compile(
    rf"(?P<noun>[\u4e00-\u9fff]{{2,16}}?项目)(?:中,)?(?:的)?(?:计划|协议)?(?:{TOTAL_INVESTMENT}|投资额|投资)额?"
    r"(?:累计)?(?:共计|共|达到?|为|约)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万亿|亿|万)元"
)
_UNIT = {"万亿": 1e12, "亿": 1e8, "万": 1e4}
_GENERIC = re.compile(r"^(?:签约|开工|新开工|重点|重大|新|在建|续建|新建|招商|投资|合作|这些|这批|该批|上述)*项目$")


def _key(noun: str) -> str | None:
    """The group's words: the noun without its place scope (全县, 其中); its time (前二季度) stays."""
    core = _SCOPE.sub("", noun)
    return None if len(core) < 5 or _GENERIC.match(core) else core


def _count_key(m: CohortMention) -> str | None:
    for hit in _COUNT_NOUN.finditer(m.evidence or ""):
        if int(hit.group("num")) == m.project_count:
            return _key(hit.group("noun"))
    return None


def _amount_key(m: CohortMention) -> str | None:
    for hit in _AMOUNT_NOUN.finditer(m.evidence or ""):
        value = float(hit.group("num")) * _UNIT[hit.group("unit")]
        if m.currency == "CNY" and m.amount and abs(value - m.amount) <= 1e-6 * m.amount:
            return _key(hit.group("noun"))
    return None


# what may stand before a group's words in one sentence and not the other: a verb that counts or
# plans them (今年共谋划 乡村振兴重点项目), never a qualifier (省级 重点产业项目 is another group)
_LEAD_VERB = re.compile(r"(?:谋划|实施|安排|推进|共有|共|有|计划)$")


def _same(a: str, b: str) -> bool:
    """The same group's words, or one the other's with a counting verb before it."""
    if a == b:
        return True
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return long.endswith(short) and _LEAD_VERB.search(long[: -len(short)]) is not None


def _opener(m: CohortMention) -> str:
    hit = _OPENER.match(m.evidence or "")
    return hit.group(0)[:-1] if hit else ""


def _alone(m: CohortMention, count: bool) -> bool:
    if m.project_name or m.size_min is not None or m.size_max is not None:
        return False
    return (
        (m.project_count is not None and m.amount is None)
        if count
        else (m.amount is not None and m.project_count is None)
    )


def join_same_noun(mentions: list[CohortMention]) -> list[CohortMention]:
    """Give each amount-only mention to the nearest count-only one a few sentences away whose
    group words are its own (same stage); the amount's mention is dropped, its children follow."""
    keys = [
        (_count_key(m) if _alone(m, True) else None, _amount_key(m) if _alone(m, False) else None) for m in mentions
    ]
    drop: dict[int, int] = {}
    taken: set[int] = set()
    for i, m in enumerate(mentions):
        akey = keys[i][1]
        if akey is None:
            continue
        near = [
            j
            for j, o in enumerate(mentions)
            if j != i
            and j not in taken
            and keys[j][0] is not None
            and abs(o.sentence_index - m.sentence_index) <= _SPAN
            and o.stage == m.stage
            and _same(keys[j][0], akey)
            and _opener(o) == _opener(m)
        ]
        if len(near) != 1:
            continue  # none, or two groups of those words: no guess
        j = near[0]
        c = mentions[j]
        c.amount, c.currency, c.approximate = m.amount, m.currency, m.approximate
        c.alt_amount, c.alt_currency = m.alt_amount, m.alt_currency
        c.sector_code = c.sector_code or m.sector_code
        taken.add(j)
        drop[i] = j
    if not drop:
        return mentions
    remap: dict[int, int] = {}
    out: list[CohortMention] = []
    for i, m in enumerate(mentions):
        if i not in drop:
            remap[i] = len(out)
            out.append(m)
    for i, j in drop.items():
        remap[i] = remap[j]
    for m in out:
        if m.parent is not None:
            p = remap.get(m.parent)
            m.parent = p if p is not None and out[p] is not m else None
    return out
