"""Totals of a list of counts in one sentence (used by en_grouping): an amount spent on the
counts after it ('X were agreed to spend ... to build up 38 A projects and 10 B projects':
their sum), a head whose parts add up ('7 industrial projects, including 1 A, 2 B and 4 C
projects, with a total investment of X'; 'Among the 10 projects, 3 of them in A, ...'), a
total after a pair of counts ('5 A projects ..., and 2 B projects ... with a total of X': both
counts', an amount of its own) and a named part's investment ('with investment in A and B
projects reaching X').
"""

from __future__ import annotations

import re

from flows.core.extract.en.figures import Group, Item
from flows.core.extract.en.not_investment import QUAL_OPT

TOTAL_WORDS = re.compile(r"\b(?:combined|total|altogether|in\s+all|overall)\b", re.I)


# 'X were agreed to spend in Linyi to build up 38 A projects and 10 B projects': the amount's
# projects are the listed counts together
_TO_BUILD = re.compile(
    r"[^,;.]{0,80}?\bto\s+(?:build|construct|develop|set\s+up|launch|implement|carry\s+out)(?:\s+up)?\s+$", re.I
)


_PART_JOIN = re.compile(r"(?:\s+of\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s*(?:,\s*(?:and\s+)?|\s(?:and)\s+)", re.I)


def count_of_amount_before(s: str, gs: list[Group]) -> None:
    """An amount-only group before a list of counts it is spent on takes their sum."""
    for k, g in enumerate(gs[:-2]):
        if g.count is not None or g.amount is None or g.band is not None or g.single:
            continue
        parts = [p for p in gs[k + 1 :] if p.count is not None and p.amount is None and p.band is None]
        if len(parts) != len(gs) - k - 1 or not _TO_BUILD.fullmatch(s, g.end, parts[0].start):
            continue
        if all(_PART_JOIN.fullmatch(s, a.end, b.start) for a, b in zip(parts, parts[1:])):
            g.count = sum(p.count for p in parts)
        return


# '7 industrial projects, including 1 A project, 2 B projects and 4 C projects, with a total
# investment of X': the parts after 'including' add up to the head, whose total it is
_INCLUDING = re.compile(r"\s*,?\s*(?:including|of\s+which|among\s+them)\b", re.I)
# ... and 'Among the 10 projects, 3 of them are in A, 1 in B, ..., with a total investment of X'
_AMONG_THE = re.compile(r"\bamong\s+(?:the|these|those)\s+$", re.I)


def including_total(s: str, groups: list[Group], cur: Group | None, it: Item) -> bool:
    """Whether the total it is the head's of the parts before it (then set)."""
    if not (cur and cur.amount is None and cur.count is not None and TOTAL_WORDS.search(s, cur.end, it.start)):
        return False
    parts = 0
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if g.amount is not None or g.count is None or g.band is not None:
            return False
        split = _INCLUDING.match(s, g.end) or _AMONG_THE.search(s, max(0, g.start - 16), g.start)
        if parts and g.count == parts and split and len(groups) - k > 2:
            g.amount = it
            return True
        parts += g.count
    return False


# 'The city signed 80 projects, including 12 above 1 billion yuan, with a total investment of
# X': after a gapped band part closing an 'including' aside, the total is the head's (the part
# stays count-only)
_ASIDE_OPEN = re.compile(r"\s*,\s*(?:including|of\s+which|among\s+them,?)\s+", re.I)
_ASIDE_TOTAL = re.compile(
    r"\s*,\s*with\s+(?:an?\s+)?(?:total|combined)\s+(?:investment|value)\s+of\b[^,;\d]{0,20}", re.I
)


def band_part_head_total(s: str, groups: list[Group], cur: Group | None, it: Item) -> bool:
    """Whether the total it is the head's after a gapped band part of its aside (then set)."""
    if not (cur and len(groups) > 1 and cur is groups[-1] and cur.band is not None and cur.amount is None):
        return False
    head, first = groups[-2], cur.items[0]
    if not (first.count and first.count.kind == "gapped" and head.count is not None and head.amount is None):
        return False
    if head.band is not None or not _ASIDE_OPEN.fullmatch(s, head.end, cur.start):
        return False
    if not _ASIDE_TOTAL.fullmatch(s, cur.end, it.start):
        return False
    head.amount = it
    return True


# 'five A projects, including a B project, and two C projects began ... with a total
# investment of X': the total of both counts, not the last one's (an amount of its own)
_PAIR_AND = re.compile(r"(?:\s*,\s*including\s+[^,;]{1,80})?\s*,?\s+and\s+$", re.I)


# '180 projects in A, B and C, with investment in A and B projects reaching X': a named part
OF_NAMED_PART = re.compile(
    r",\s*with\s+(?:the\s+)?investments?\s+in\s+[^,;]{3,100}?\bprojects\s+"
    rf"(?:reaching|totall?ing|hitting|amounting\s+to|standing\s+at|of)\s+{QUAL_OPT}$",
    re.I,
)


def pair_total(s: str, gs: list[Group], cur: Group | None, it: Item) -> bool:
    """Whether the total it belongs to both counts of a pair before it: it then stands as an
    amount of its own beside the two counts (no summed count: en_s103's gold keeps the 5 and
    the 2 and their 3.1 billion yuan apart, the sum being no group the page names)."""
    if len(gs) != 2 or cur is not gs[1] or any(g.amount is not None or g.count is None for g in gs):
        return False
    gap = s[cur.end : it.start]
    if ";" in gap or any(c.isdigit() for c in gap) or not TOTAL_WORDS.search(gap):
        return False
    return bool(_PAIR_AND.fullmatch(s, gs[0].end, cur.start))
