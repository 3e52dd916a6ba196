"""A figure that refers back to the group the sentence before counted is that group's, one cohort:
'…项目76个。这批项目总投资X' (an anaphor, or the same noun with its total), and a round's total
then its count ('…集中签约,总投资X。此次集中签约项目有27个'). Split from zh.cohorts; used by
cohorts.finish.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.words import PERIOD, RUNNING, THIS_BATCH, THIS_ROUND, TOTAL_INVESTMENT
from flows.core.model import CohortMention


def join_anaphora(mentions: list[CohortMention]) -> list[CohortMention]:
    """'…项目N个。这批项目总投资X': an amount that refers back to the count-only group of
    the sentence before is that group's amount (one cohort)."""
    out: list[CohortMention] = []
    remap: dict[int, int] = {}
    for i, m in enumerate(mentions):
        prev = out[-1] if out else None
        anaphor = m.extra.pop("anaphor", False) or _same_noun_total(m, prev)
        if anaphor is True and prev is not None and m.project_count is None:
            prev = _whole_of_part(mentions, out, prev)  # 共30项,其中:A27项,B3项。总投资X: the whole's total
        if (
            anaphor
            and (anaphor != "top" or _round_group(prev))  # 本次…项目: the round's group
            and m.project_count is None
            and prev is not None
            and prev.amount is None
            and prev.project_count is not None
            and prev.project_name is None
            and (
                prev.sentence_index == m.sentence_index - 1
                or (anaphor == "top" and m.sentence_index - 2 <= prev.sentence_index < m.sentence_index)
            )
        ):
            prev.amount, prev.currency, prev.approximate = m.amount, m.currency, m.approximate
            prev.alt_amount, prev.alt_currency = m.alt_amount, m.alt_currency
            prev.sector_code = prev.sector_code or m.sector_code
            if prev.stage in (None, "promoted"):  # 85个项目落户…。本次签约项目…总投资X: the stage it names
                prev.stage = m.stage or prev.stage
            remap[i] = next(j for j, o in enumerate(out) if o is prev)
            continue
        prev = out[-1] if out else None
        if prev is not None and _count_of_total(m, prev):  # …集中签约,总投资X。此次集中签约项目有27个
            prev.project_count, prev.stage = m.project_count, prev.stage or m.stage
            remap[i] = len(out) - 1
            continue
        remap[i] = len(out)
        out.append(m)
    if len(out) < len(mentions):
        for m in out:
            if m.parent is not None:
                m.parent = remap.get(m.parent)
    return out


_PERIOD = re.compile(PERIOD)
_THIS_ROUND_WORD = re.compile(THIS_ROUND)
# a running total's frame wherever it stands before the count (截至目前, / 1-5月, / 今年以来,)
_RUNNING = re.compile(RUNNING)
# the sentence tells the event itself (…集中开工仪式举行, 现场签约…, 会上…)
_EVENT = re.compile(r"集中(?:签约|开工|开竣工|竣工|投产)|仪式|活动|现场|会上")
_CLAUSE_END = re.compile(r"[,，;；:：。]")


def _round_group(prev: CohortMention | None) -> bool:
    """A group this round's total (本次…项目总投资X) can refer back to: a top-level count not told as a
    running total. A period word in the count's own clause before it refuses it (全区今年已签约项目38个,
    全县今年谋划…), and so does a running total's frame earlier in the sentence (截至目前, / 1-5月,) unless
    the sentence tells the event itself (…集中开工仪式举行, / 这是今年以来规模最大的一次签约,现场签约…);
    a bare 今年/年内 elsewhere (今年首批…集中开工, / 均将于年内开工) is the event's date. A sentence naming
    this round (本次/此次) always takes it."""
    if prev is None:
        return True
    if prev.parent is not None:
        return False
    s = prev.evidence or ""
    if _THIS_ROUND_WORD.search(s):
        return True
    at = _count_at(s, prev.project_count)
    if at is None:
        return not _PERIOD.search(s)
    ends = [c.end() for c in _CLAUSE_END.finditer(s, 0, at)]
    start = ends[-1] if ends else 0
    if _PERIOD.search(s, start, at):
        return False
    return not (_RUNNING.search(s, 0, start) and not _EVENT.search(s))


def _count_at(s: str, count: int | None) -> int | None:
    """Where the count (N个/项) stands in its sentence, None when it is not written in digits there."""
    if count is None:
        return None
    hit = re.search(rf"(?<![\d.]){count}\s*(?:个|项|宗)", s)
    return hit.start() if hit else None


# a sentence opening on the noun of the group counted before and its total (…新开工项目17万个。新开工项目计划总投资X)
_NOUN_TOTAL = re.compile(
    rf"\s*(?P<noun>[^\d,;。:]{{2,10}}?项目)(?:计划)?(?:{TOTAL_INVESTMENT})额?(?:为|达到?|约)?\s*[\d零一二两三四五六七八九十]"
)


def _same_noun_total(m: CohortMention, prev: CohortMention | None) -> bool:
    """m, an amount alone, opens its sentence on the noun the sentence before counted (…新开工项目17万个。
    新开工项目计划总投资X): the total of that group."""
    if prev is None or m.project_count is not None or prev.amount is not None or not prev.project_count:
        return False
    hit = _NOUN_TOTAL.match(m.evidence or "")
    return bool(hit) and prev.sentence_index == m.sentence_index - 1 and hit.group("noun") in (prev.evidence or "")


# a sentence opening on this round's projects and their count (此次集中签约项目有27个)
_THIS_ROUND_COUNT = re.compile(
    rf"\s*(?:{THIS_BATCH})[^\d,;。]{{0,10}}?项目\s*(?:共有|共计|有|共|达到?|为)?\s*(?P<num>\d+)\s*个"
)


def _count_of_total(m: CohortMention, prev: CohortMention) -> bool:
    """A count-only group opening its sentence as this round's projects, right after a sentence
    that gave the round's total alone: the two are one cohort."""
    if m.amount is not None or not m.project_count or m.project_name or m.parent is not None:
        return False
    if prev.project_count is not None or prev.amount is None or prev.project_name or prev.parent is not None:
        return False
    hit = _THIS_ROUND_COUNT.match(m.evidence or "") if prev.sentence_index == m.sentence_index - 1 else None
    return hit is not None and int(hit.group("num")) == m.project_count


def _whole_of_part(mentions: list[CohortMention], out: list[CohortMention], prev: CohortMention) -> CohortMention:
    """The count-only whole that the last mention, a 其中 part of the same sentence, belongs to
    (parents index `mentions`; the whole must still be in `out`); else the last mention itself."""
    p = prev.parent
    if p is None or not 0 <= p < len(mentions) or prev.amount is not None:
        return prev
    whole = mentions[p]
    same = whole.sentence_index == prev.sentence_index and whole.amount is None and whole.project_count
    kept = any(o is whole for o in out)
    return whole if same and kept and whole.parent is None else prev
