"""A stage part keeps its group's sector: the one definition. A count named only by a stage is a part
of the group of one sector it follows, and a reader files it under that sector:
- in the group's own segment (新型化工项目32个,总投资X,开复工项目25个);
- as its 其中 part (在建文旅项目608个。其中,116个项目已经投入运营);
- a sentence or two after the group counted (全市25个省重点工业项目完成投资X。6个新开工项目中,3个…).
The stage words are the started and completed verbs of flows/lexicons/stages_zh.csv and its planning
words (储备, 谋划, 预备), not the rows marked part=no: a count newly 引进/落地 is a group of its own,
and so is a clause naming its own occasion (本次/此次…).
Used by cohorts.finish.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from flows.core.extract.zh.fast import terms_pattern
from flows.core.extract.zh.labels import sector_of
from flows.core.extract.zh.words import THIS_ROUND
from flows.core.lexicon import load
from flows.core.model import CohortMention

# the stages a group of the same projects is broken out by (under way, finished, planned); a signed
# part keeps its own words (repo convention: 其中现场签约项目N个 takes no sector from its group)
_PART_STAGES = ("started", "completed")
# of the promoted words only the planning ones name a part of a group a sentence or two after it
# (引进, 落地… count a new group); a 其中 part may be named by any of them
_PART_PROMOTED = ("储备", "谋划", "预备")
_CLAUSE_END = "，,;；。:："
# a count with its classifier; compared by number, so that no pattern is compiled per call
_COUNT_AT = re.compile(r"(?<![\d.])(\d+)\s*[个项]")
# a clause naming its own occasion (本次启动建设项目共58个) counts a group of its own
_OCCASION = re.compile(THIS_ROUND)
# a part by place (其中,我市签约项目8个) is the place's share, not a part of the group's field
_OWN_PLACE = re.compile(r"[我本][省市区县州]")
# the parts of one report stand within a sentence or two of their group
_REACH = 2


@lru_cache(maxsize=2)
def _stage_words(of_parent: bool = False) -> re.Pattern:
    """The stage words of a part; a 其中 part of its group (of_parent) may also be named by any
    promoted word (其中10个项目正在进行前期工作: those projects, not yet started)."""
    rows = load("stages_zh")
    return terms_pattern(
        r["term"].strip()
        for r in rows
        if (
            r["stage"].strip() in _PART_STAGES
            or r["term"].strip() in _PART_PROMOTED
            or (of_parent and r["stage"].strip() == "promoted")
        )
        and r.get("part") != "no"
    )


@lru_cache(maxsize=256)
def _counts(evidence: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, number) of each _COUNT_AT match of a sentence: read once, asked for each of its
    mentions (twice by _own_group)."""
    return tuple((c.start(), c.end(), int(c.group(1))) for c in _COUNT_AT.finditer(evidence))


def _count_at(evidence: str, count: int, nth: int = 0) -> int:
    """Where the nth count `count` of the sentence stands, -1 when it is not written in digits."""
    at = (a for a, _, n in _counts(evidence) if n == count)
    return next(itertools.islice(at, nth, None), -1)


def _clause(evidence: str, count: int, nth: int = 0) -> str | None:
    """The clause holding the nth count `count` (up to the punctuation around it), or None."""
    at = ((a, b) for a, b, n in _counts(evidence) if n == count)
    m = next(itertools.islice(at, nth, None), None)
    if m is None:
        return None
    lo = max(evidence.rfind(c, 0, m[0]) for c in _CLAUSE_END) + 1
    ends = [i for i in (evidence.find(c, m[1]) for c in _CLAUSE_END) if i >= 0]
    return evidence[lo : min(ends) if ends else len(evidence)]


def words_before(evidence: str, count: int) -> str | None:
    """The words of the clause before the first count `count` (共安排重大产业项目 in
    …,共安排重大产业项目2533个、…), or None when it is not written in digits."""
    at = _count_at(evidence, count)
    if at < 0:
        return None
    return evidence[max(evidence.rfind(c, 0, at) for c in _CLAUSE_END) + 1 : at]


def _stage_part(m: CohortMention, group: CohortMention, nth: int, of_parent: bool = False) -> bool:
    """m is named only by a stage (its own clause: a stage word, no sector, no band, place or name),
    stands within reach after the group and is not larger than it (all may have started)."""
    if m.sector_code or m.project_name or m.size_min or m.region or not m.project_count:
        return False
    if group.project_count is not None and m.project_count > group.project_count:
        return False
    if not 0 <= m.sentence_index - group.sentence_index <= _REACH:
        return False
    clause = _clause(m.evidence, m.project_count, nth)
    if not clause or _OCCASION.search(clause):  # 本次启动建设项目共58个: the occasion's own group
        return False
    return bool(_stage_words(of_parent).search(clause) and sector_of(clause) is None)


def stage_parts_keep_sector(mentions: list[CohortMention]) -> None:
    """A count named only by a stage takes the sector of its group: its 其中 parent or the group its
    segment opens on (新型化工项目32个,…,开复工项目25个), else the last top-level group of one sector
    a sentence or two before, no other group between (the first of them it can be a part of)."""
    frame: CohortMention | None = None
    cap: int | None = None  # the count of a signed sibling the frame goes on over: later parts fit in it
    for i, m in enumerate(mentions):
        groups = [g for g in (_own_group(mentions, i), frame) if g is not None and g.sector_code]
        groups = [g for g in groups if g is not frame or cap is None or (m.project_count or 0) <= cap]
        parent = mentions[m.parent] if m.parent is not None and 0 <= m.parent < i else None
        group = next((g for g in groups if _stage_part(m, g, _nth(mentions, i), g is parent)), None)
        group = group or _signed_part_of(mentions, i)
        if group is not None:
            m.sector_code = group.sector_code
        elif m.sector_code and m.project_count and m.parent is None and not m.project_name:
            frame, cap = m, None
        elif m.parent is None and _signed_sibling(m, frame, _nth(mentions, i)):
            cap = m.project_count
        elif m.parent is None:
            frame, cap = None, None


# a signed count told as the frame's own projects (已经签约项目35个 / 其中签约…), not a new item of a list
_ALREADY = re.compile(r"已经?|目前|其中")


def _signed_sibling(m: CohortMention, frame: CohortMention | None, nth: int) -> bool:
    """A signed count naming nothing else in the frame's sentence, told as the frame's own projects
    and not above its count (引进物流项目68个;已经签约项目35个;开工建设项目33个): it keeps its own words (no
    sector), and the frame goes on to the parts after it that fit in it. A bare 签约项目M个 opens a
    new item of a period's list (引进新能源项目20个,签约项目35个,开工项目15个): the frame ends."""
    if frame is None or m.stage != "signed" or m.sentence_index != frame.sentence_index or not m.project_count:
        return False
    if m.sector_code or m.project_name or m.size_min or m.region:
        return False
    clause = _clause(m.evidence, m.project_count, nth) or ""
    at = _COUNT_AT.search(clause)
    told = _ALREADY.search(clause, 0, at.start() if at else len(clause))
    return bool(told) and m.project_count <= (frame.project_count or 0)


def _signed_part_of(mentions: list[CohortMention], i: int) -> CohortMention | None:
    """A 其中 part of a signed group of one sector that is signed too and names nothing of its own
    (114个文旅项目签约…。其中,10个代表性项目现场签约): a part of those same projects."""
    m = mentions[i]
    if m.parent is None or not i > m.parent >= 0 or m.stage != "signed":
        return None
    g = mentions[m.parent]
    if not g.sector_code or g.stage != "signed" or not g.project_count:
        return None
    if m.sector_code or m.project_name or m.size_min or m.region or not m.project_count:
        return None
    clause = _clause(m.evidence, m.project_count, _nth(mentions, i))
    ok = clause and m.project_count < g.project_count and sector_of(clause) is None and not _OWN_PLACE.search(clause)
    return g if ok and m.sentence_index - g.sentence_index <= _REACH else None


def _own_group(mentions: list[CohortMention], i: int) -> CohortMention | None:
    """Mention i's 其中 parent, else the counted group just before it in its segment (no ; or 。)."""
    m = mentions[i]
    if m.parent is not None and m.parent < i:
        return mentions[m.parent]
    p = mentions[i - 1] if i else None
    if p is None or p.sentence_index != m.sentence_index or not p.project_count or not m.project_count:
        return None
    a = _count_at(p.evidence, p.project_count, _nth(mentions, i - 1))
    b = _count_at(m.evidence, m.project_count, _nth(mentions, i))
    return p if 0 <= a < b and not any(c in m.evidence[a:b] for c in ";；。") else None


def _nth(mentions: list[CohortMention], i: int) -> int:
    """How many mentions of the same sentence before mention i have its count (its occurrence)."""
    m = mentions[i]
    return sum(1 for o in mentions[:i] if o.sentence_index == m.sentence_index and o.project_count == m.project_count)
