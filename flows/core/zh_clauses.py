"""Clause geometry of a Chinese sentence: where clauses start and end.

Hard breaks are , ; : 。 ! ? brackets and the subset word 其中; 、 is a soft break. A bracketed
(含) / (不含) inside a size band ("50亿元(含)至100亿元") is not a break.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_BOUND = re.compile(r"[,;:。!?【】\[\]|、]|\((?!不?含\))|(?<!\(含)(?<!不含)\)|其中")  # (含) is no break


def boundaries(s: str) -> list[int]:
    """Clause boundaries: hard punctuation, 、 and the word 其中 (subset marker)."""
    return [m.start() for m in _BOUND.finditer(s)]


def clause_id(bounds: list[int], pos: int) -> int:
    return bisect_right(bounds, pos - 1)


@lru_cache(maxsize=64)
def _cuts(s: str) -> tuple[list[int], list[int]]:
    """Positions right after each hard (and hard-or-soft) boundary of s."""
    hard, both = [], []
    for m in _BOUND.finditer(s):
        end = m.end()
        both.append(end)
        if m.group() != "、":
            hard.append(end)
    return hard, both


def clause_start(s: str, pos: int, soft: bool = True) -> int:
    """Start of the clause containing pos (after the last boundary before it)."""
    cuts = _cuts(s)[1 if soft else 0]
    i = bisect_right(cuts, pos) - 1
    return cuts[i] if i >= 0 else 0


def in_quotes(s: str, pos: int) -> bool:
    head = s[:pos]
    return head.count("“") > head.count("”")


def clause_after(s: str, pos: int) -> str:
    m = re.search(r"[,;:。!?()]", s[pos:])
    return s[pos:pos + m.start()] if m else s[pos:]
