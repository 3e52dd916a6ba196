"""A list of counts of different groups and one total after them: the total is the list's sum.
'集中开工8个项目、签约10个项目,总投资X' / '签约工业项目11个、服务业项目4个,总投资X': one cohort of
8+10 (11+4) projects with X (its stage the first count's: one of the stages the sum holds, as a
cohort carries one), and each count stays a count-only cohort. The counts must name different
stages, or all name a field and different ones, or the kinds of one partition (合同/协议, 内资/外资,
新建/续建); a stage then a kind of it (签约项目30个、外资项目8个) is a headline and its part: the
total goes to the headline. Not when the last count has an amount of its own
or one count does, when the total's word names a stage or a group (开工项目总投资X / 签约总额X is
that count's), when the counts open on different places (A县…,B县…: no group of the text), when
其中 / 包括 makes a count a part of the one before, or when a count before the list has 其中 between
(the list's parent takes it).
Called by zh.article's _sentence on its found list.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start
from flows.core.extract.zh.labels import sector_of, stage_of
from flows.core.extract.zh.tokens import Tok
from flows.core.extract.zh.words import REACH, SUM_WORD, TOTAL_WORD
from flows.core.model import CohortMention

_STAGES = frozenset(("started", "signed", "completed", "negotiating"))
# between two counts of the list: a join and the next one's verb or noun (、签约 / ,集中签约 / 和竣工)
_JOIN = re.compile(r"(?:个?[^,;。、\d其包含]{0,8}?项目)?\s*(?:、|,|和|及|以及)\s*(?:和|及)?[^,;。、\d其包含]{0,10}")
# between the last count and the total: its clause's end and a word of a sum, with no stage or group
# of its own before it (开工项目总投资X / 签约总额X / 服务业项目总投资X is that one group's total)
_SUM_GAP = re.compile(
    rf"(?:个?[^,;。、\d]{{0,8}}?项目)?\s*,\s*(?:{SUM_WORD}|项目|计划)*(?:{TOTAL_WORD}|{SUM_WORD})"
    rf"(?:额)?(?:{SUM_WORD}|共)?(?:{REACH})?\s*"
)
# a place a count's clause opens on (A县开工项目8个,B县签约项目10个): two places' counts are no group
# (a list's level, 开工省级/签约市重点, and a verb before it name no place)
_PLACE = re.compile(r"^(?:个|项目)?\s*[、,和及]?\s*(?P<place>[^,;。、\d]{1,8}?(?:省|市|县|区|镇|乡|街道))(?![级重])")


def _entry(found: list, pos: int) -> int | None:
    return next((i for i, (at, m, _) in enumerate(found) if at == pos and m.project_count is not None), None)


def _run(s: str, toks: list[Tok], k: int) -> int:
    """The index after the last count of the list that starts at count k."""
    j = k + 1
    while (
        j < len(toks)
        and toks[j].kind == "count"
        and not toks[j].listed
        and _JOIN.fullmatch(s, toks[j - 1].end, toks[j].start)
    ):
        if toks[j].value == sum(t.value for t in toks[k:j]):
            break  # 开工项目3个,签约项目9个,共计12个: the list's own total ends it
        j += 1
    return j


def _distinct(s: str, counts: list[Tok], entries: list[tuple[int, CohortMention, dict]]) -> bool:
    """Different stages, or each count names its own field in its own words (工业项目11个、服务业项目4个)."""
    stages = [h.get("own") for _, _, h in entries]
    if all(x in _STAGES for x in stages) and len(set(stages)) == len(stages):
        return True
    starts = [clause_start(s, counts[0].start)] + [c.end for c in counts[:-1]]
    sectors = [sector_of(s[lo : c.end]) for lo, c in zip(starts, counts, strict=True)]
    if all(sectors) and len(set(sectors)) == len(sectors):
        return True
    return _kinds(s, counts)


# the kinds that split one group in two, each named right before 项目 (合同项目18个、协议项目7个)
_PARTITIONS = (frozenset(("合同", "协议")), frozenset(("内资", "外资")), frozenset(("新建", "续建")))


def _kinds(s: str, counts: list[Tok]) -> bool:
    """A tight list (、/和 only, no comma) whose items name the kinds of one partition right before
    项目 (合同项目18个、协议项目7个 / 内资项目N个、外资项目M个 / 新建项目N个、续建项目M个). Any other two
    words (签约项目30个、外资项目8个) are a group and a part of it, no sum."""
    kinds = []
    for prev, c in zip([None, *counts[:-1]], counts, strict=True):
        if not s.startswith("项目", c.start) or (prev is not None and "," in s[prev.end : c.start]):
            return False
        kinds.append(s[max(0, c.start - 2) : c.start])
    return len(set(kinds)) == len(kinds) and any(set(kinds) <= p for p in _PARTITIONS)


def stage_sum(s: str, idx: int, toks: list[Tok], found: list[tuple[int, CohortMention, dict]]) -> None:
    """Replace the last count's (or no count's) hold on a total after a list of group counts by
    a cohort of their sum."""
    k = 0
    while k < len(toks):
        j = _run(s, toks, k) if toks[k].kind == "count" and not toks[k].listed else k + 1
        if (
            j - k < 2
            or j >= len(toks)
            or toks[j].kind != "amount"
            or not _SUM_GAP.fullmatch(s, toks[j - 1].end, toks[j].start)
        ):
            k = j
            continue
        a, counts = toks[j], toks[k:j]
        if any(t.kind == "count" for t in toks[:k]) and "其中" in s[: counts[0].start]:
            return  # 共签约项目40个,其中A项目25个、B项目15个,总投资X: the parent's
        at = [_entry(found, c.start) for c in counts]
        if None in at:
            return
        entries = [found[i] for i in at]
        if any(m.amount is not None for _, m, _ in entries[:-1]) or entries[-1][1].amount not in (None, a.value):
            return
        if not _distinct(s, counts, entries):
            _headline_total(s, counts, entries)
            return
        if _places(s, counts):
            return
        for _, m, _ in entries:
            m.extra["sum_part"] = True
        last = entries[-1][1]
        last.amount = last.currency = last.alt_amount = last.alt_currency = None
        last.approximate = False
        found[:] = [f for f in found if not (f[0] == a.start and f[1].project_count is None)]
        found.append(
            (
                a.start,
                _sum(s, idx, counts, a),
                {"own": entries[0][2].get("own"), "before": s[: counts[0].start], "after": s[a.end :]},
            )
        )
        found.sort(key=lambda f: f[0])
        return


def _headline_total(s: str, counts: list[Tok], entries: list[tuple[int, CohortMention, dict]]) -> None:
    """A tight list (、) whose first item names a stage and whose later items name none (签约项目30个、
    外资项目8个,总投资X) is a headline and its parts: the total the last item took is the first's."""
    first, last = entries[0][1], entries[-1][1]
    if entries[0][2].get("own") not in _STAGES or any(h.get("own") for _, _, h in entries[1:]):
        return
    if any("," in s[p.end : c.start] for p, c in zip(counts, counts[1:], strict=False)) or last.amount is None:
        return
    first.amount, first.currency, first.approximate = last.amount, last.currency, last.approximate
    first.alt_amount, first.alt_currency = last.alt_amount, last.alt_currency
    last.amount = last.currency = last.alt_amount = last.alt_currency = None
    last.approximate = False


def _places(s: str, counts: list[Tok]) -> bool:
    """The counts' clauses open on different places (A县开工项目8个,B县签约项目10个)."""
    starts = [clause_start(s, counts[0].start)] + [c.end for c in counts[:-1]]
    found = {p.group("place") for lo, c in zip(starts, counts, strict=True) if (p := _PLACE.match(s[lo : c.start]))}
    return len({p for p in found if stage_of(p) is None}) > 1


def _sum(s: str, idx: int, counts: list[Tok], a: Tok) -> CohortMention:
    total = CohortMention(
        evidence=s,
        sentence_index=idx,
        project_count=int(sum(c.value for c in counts)),
        amount=a.value,
        currency=a.currency,
        approximate=a.approx,
        alt_amount=a.alt[0] if a.alt else None,
        alt_currency=a.alt[1] if a.alt else None,
    )
    total.extra["stage_sum"] = True
    return total
