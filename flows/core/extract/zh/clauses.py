"""Clause geometry of a Chinese sentence: where clauses start and end.

Hard breaks are , ; : 。 ! ? brackets, the subset word 其中 and a space between two Chinese
characters (a headline's separator: 揽金1026亿 签约项目76个); 、 is a soft break. A bracketed
(含) / (不含) inside a size band ("50亿元(含)至100亿元") is not a break. One scan per sentence
(cached) serves every caller.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_BOUND = re.compile(r"[,;:。!?【】\[\]|、]|\((?!不?含\))|(?<!\(含)(?<!不含)\)|其中")  # (含) is no break
_BOUND_SPACE = re.compile(_BOUND.pattern + r"|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # a headline's space
_AFTER = re.compile(r"[,;:。!?()]")


@lru_cache(maxsize=256)
def _geometry(s: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Boundary starts, and positions right after each hard (and hard-or-soft) boundary of s."""
    starts, hard, both = [], [], []
    for m in (_BOUND_SPACE if " " in s else _BOUND).finditer(s):
        a, end = m.span()
        starts.append(a)
        both.append(end)
        if s[a] != "、":  # a space is a hard break too
            hard.append(end)
    return tuple(starts), tuple(hard), tuple(both)


def boundaries(s: str) -> tuple[int, ...]:
    """Clause boundaries: hard punctuation, 、 and the word 其中 (subset marker)."""
    return _geometry(s)[0]


def clause_id(bounds: tuple[int, ...], pos: int) -> int:
    return bisect_right(bounds, pos - 1)


def clause_start(s: str, pos: int, soft: bool = True) -> int:
    """Start of the clause containing pos (after the last boundary before it)."""
    cuts = _geometry(s)[2 if soft else 1]
    i = bisect_right(cuts, pos) - 1
    return cuts[i] if i >= 0 else 0


def in_quotes(s: str, pos: int) -> bool:
    """Inside a quote that closes after pos (an opening mark never closed is page noise)."""
    if s.count("“", 0, pos) > s.count("”", 0, pos) and "”" in s[pos:]:
        return True
    return "「" in s and s.count("「", 0, pos) > s.count("」", 0, pos)  # 「三個一批」項目


def clause_after(s: str, pos: int) -> str:
    m = _AFTER.search(s, pos)
    return s[pos : m.start()] if m else s[pos:]


# a yearly target or plan opening the figures' segment (全年目标新签约项目不少于60个 / 力争全年…): no
# achieved group; 完成全年目标的58% reports progress and is not one
# (预计至本届展会结束,将有40多个…实现签约 / 有望实现70多个项目签约: an expectation, no group yet)
_PLAN = re.compile(
    r"(?<!完成)(?<!实现)(?:全年|年度|今年|年内)目标(?!任务的|的)|力争(?:全年|今年|年内)|计划全年"
    r"|有望实现|预计[^;。\d]{0,16}?将有"
)


# the totals of past editions together (过去四届…共签约合同项目880个): no group of this event
_PAST_EDITIONS = re.compile(r"(?:过去|前)[一二三四五六七八九十\d]+届")


def in_plan(s: str, pos: int) -> bool:
    """The figure at pos stands in a segment (up to ; or 。) that states a target or plan, or
    sums past editions together."""
    plan = "目标" in s or "力争" in s or "计划全年" in s or "有望实现" in s or "将有" in s
    if not plan and "届" not in s:
        return False
    seg = max(s.rfind(";", 0, pos), s.rfind("。", 0, pos)) + 1
    return (plan and _PLAN.search(s, seg, pos) is not None) or _PAST_EDITIONS.search(s, seg, pos) is not None
