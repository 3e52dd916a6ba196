"""A sentence's figures in reading order -> its cohort groups.

A count opens a group and an amount joins the group before ("84 projects worth ...", "Deals
valued at 10.27 billion yuan ..., covering 43 projects"); a size band goes to the count it
sizes (before or after it), or, said of "every project" with no count, to the article's
headline cohort; a total after a gapped list ("11 signed Monday and two earlier, carry a
combined ...") is the head's; "of which ..." opens a part; "respectively" pairs a list of
counts with a list of amounts, one group per pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.core.extract.en.bands import IS_SUM, THOSE_HEAD, band_of, floor_of, implausible_total
from flows.core.extract.en.cues import OF_THEM, cue, may_contain
from flows.core.extract.en.figures import Group, Item
from flows.core.extract.en.group_list_total import LIST_HEAD, each_own, listed_total
from flows.core.extract.en.list_totals import (
    OF_NAMED_PART,
    TOTAL_WORDS,
    band_part_head_total,
    count_of_amount_before,
    including_total,
    pair_total,
)
from flows.core.extract.en.numbers import LOWER_Q, PRE_CUR

_JOIN_GAP = re.compile(
    r"\s*,?\s*(?:(?:were|was|have\s+been|has\s+been)\s+\w+\s+)?(?:(?:in\s+)?(?:investments?|funding)\s+)?"
    r"(?:from\s+[^,;()]{1,40}?\s+)?(?:in|on|for|across|covering|involving|from|through|to|of)\s+"
    r"(?:a\s+total\s+of\s+|(?:its|their|the|these|those)\s+)?",
    re.I,
)
# 'Deals valued at 10.27 billion yuan were signed at the fair on Thursday, covering 43
# projects': the count closes the amount's clause
_TAIL_JOIN = re.compile(r"[^;()]{0,160}?,\s*(?:covering|involving|comprising|spanning)\s+", re.I)
# 'committing a total of X, including Y in foreign investment, to 613 projects': an aside
_ASIDE_JOIN = re.compile(r"\s*,\s*(?:including|of\s+which)\s+[^,;]{1,60},\s*to\s+", re.I)
# after a gapped list ('11 signed on Monday and two earlier'), a total is the head's
_WITH = re.compile(r"\bwith\b", re.I)

# 'The total investment is 1.15 billion yuan, and 5 projects have been signed': the amount said first
_TOTAL_IS = re.compile(
    r"(?:^|[.;]\s*)(?:the\s+)?(?:total|combined)\s+investment\s+(?:is|was)\s+(?:about\s+|nearly\s+)?$", re.I
)
_AND_GAP = re.compile(r"\s*,\s*and\s+")
# 'With a total investment of 1.05 trillion yuan, these 1,740 major projects cover ...'
# ... and 'Receiving a total of 37.4 billion yuan in investment, the 55 industrial projects ...'
_WITH_TOTAL_LEAD = re.compile(
    r"\s*(?:with\s+(?:an?\s+)?(?:total|combined)\s+investment\s+of|"
    r"(?:receiving|involving|attracting)\s+(?:an?\s+)?(?:total|combined)\s+(?:investment\s+)?of)"
    r"\s+(?:about\s+|nearly\s+|over\s+)?",
    re.I,
)
# MT word order: 'a total investment of 24.13 billion yuan of provincial key projects 80'
_OF_PROJECTS_N = re.compile(r"\s+of\s+(?:[\w'’-]+\s+){0,6}?projects\s+", re.I)
_THESE_GAP = re.compile(r"(?:\s+in\s+investments?)?\s*,\s*(?:these|the|all\s+(?:the|these))\s+", re.I)

_EVERY_PROJECT = re.compile(r"\b(?:every|each|all)\s+(?:of\s+(?:the|these|those)\s+)?(?:\w+\s+)?projects?\b", re.I)

_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)\s*", re.I)


@dataclass
class _Reading:
    """One left-to-right pass over a sentence's items."""

    s: str
    groups: list[Group] = field(default_factory=list)
    every: list[tuple] = field(default_factory=list)  # 'every project' bands with no count
    cur: Group | None = None  # the group the next figure may join
    pending: tuple | None = None  # a band stated before the count it sizes ...
    pending_currency: str | None = None  # ... and its currency
    floor: float | None = None  # the largest per-project floor stated so far

    def open(self, group: Group) -> Group:
        self.cur = group
        self.groups.append(group)
        return group


def group_items(s: str, items: list[Item]) -> tuple[list[Group], list[tuple]]:
    """Items in reading order -> cohort groups, plus 'every project' bands with no count."""
    r = _Reading(s)
    for k, it in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        if it.count:
            _take_count(r, it)
        elif it.single:
            r.open(Group([it], count=1, amount=it, single=True))
        elif _combined_after_band(r, it):
            _take_amount(r, it)  # '19 projects with over 50 million yuan each and a combined X'
        elif band_part_head_total(r.s, r.groups, r.cur, it):
            pass  # '80 projects, including 12 above 1 billion yuan, with a total investment of X'
        elif (
            not _take_band(r, it, nxt)
            and not _take_gapped_total(r, it)
            and not including_total(r.s, r.groups, r.cur, it)
        ):
            _take_amount(r, it)
    for g in r.groups:  # 'These projects included A, B and an X project, with a total investment of Y'
        if g.amount is not None and g.count in (None, 1) and listed_total(s, g.amount.start, g.amount.end):
            g.list_total = True
    count_of_amount_before(r.s, r.groups)
    return r.groups, r.every


_COMBINED_LEAD = re.compile(r"\s+and\s+(?:a\s+)?(?:combined|total\s+of|total)\s+$", re.I)


def _combined_after_band(r: _Reading, it: Item) -> bool:
    """'... 19 projects with over 50 million yuan in investment each and a combined 16.4
    billion yuan': after the counted group's band, 'and a combined X' is its total."""
    cur = r.cur
    return bool(
        cur
        and cur.count is not None
        and cur.band is not None
        and cur.amount is None
        and not it.band
        and _COMBINED_LEAD.search(r.s, cur.end, it.start)
    )


def _take_count(r: _Reading, it: Item) -> None:
    """A count completes the amount-only group before it ('Deals valued at ... , covering 43
    projects') or opens a group; a band waiting for it is its band."""
    s, cur = r.s, r.cur
    joinable = (
        cur
        and cur.count is None
        and cur.amount
        and not cur.band
        and not cur.single
        and (
            _JOIN_GAP.fullmatch(s[cur.end : it.start])
            or (s[it.start - 2 : it.start] == "g " and _TAIL_JOIN.fullmatch(s, cur.end, it.start))
            or (_AND_GAP.fullmatch(s, cur.end, it.start) and _TOTAL_IS.search(s, max(0, cur.start - 40), cur.start))
            or (_THESE_GAP.fullmatch(s, cur.end, it.start) and _WITH_TOTAL_LEAD.fullmatch(s, 0, cur.start))
            or (it.count.post and _OF_PROJECTS_N.fullmatch(s, cur.end, it.start))
            or (s[it.start - 4 : it.start] == " to " and _ASIDE_JOIN.fullmatch(s, cur.end, it.start))
        )
    )
    if joinable:
        cur.count = it.count.value
        cur.items.append(it)
    else:
        cur = r.open(Group([it], count=it.count.value))
    if r.pending and _OWN_BAND_AFTER.match(s, it.end):
        r.pending = None  # 'all are over 100 million yuan, of which 12 are more than 1 billion': its own floor follows
    if r.pending:
        cur.band, cur.band_currency, r.pending = r.pending, r.pending_currency, None
        r.floor = max(r.floor or 0, floor_of(cur.band))


_OWN_BAND_AFTER = re.compile(
    r"\s+(?:of\s+(?:them|these|which)\s+)?(?:are|were)\s+(?:each\s+|all\s+)?(?:worth\s+|valued\s+at\s+)?"
    rf"(?:{LOWER_Q})\s+(?:{PRE_CUR}\s*)?\d",
    re.I,
)


# '238 projects newly introduced, 93 newly started and 31 put into production, worth more than
# 100 million yuan respectively': one floor for every count of the list before it
_EACH_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.I)
_WORTH_LOWER = re.compile(
    rf",\s*(?:each\s+)?(?:worth|valued\s+at|of|with\s+investments?\s+of)\s+(?:{LOWER_Q})\s+$", re.I
)


def _respective_floor(r: _Reading, it: Item) -> bool:
    a, listed = it.amount, []
    for g in reversed(r.groups):
        if g.count is None or g.amount is not None or g.band is not None:
            break
        listed.append(g)
    if a.bound != "lower" or len(listed) < 2 or not _EACH_RESPECTIVELY.match(r.s, it.end):
        return False
    if not _WORTH_LOWER.search(r.s, max(0, it.start - 50), it.start):
        return False
    for g in listed:
        g.band, g.band_currency = (a.value, None), a.currency
    return True


def _take_band(r: _Reading, it: Item, nxt: Item | None) -> bool:
    """An amount that sizes each project: the band of the count after it (when a predicate or
    elliptic count follows), of the counted group before, or of 'every project'. False when
    the amount is no band."""
    s, cur = r.s, r.cur
    if cur and cur.count is not None and _respective_floor(r, it):
        return True
    prev_end = cur.end if cur else 0
    pred_next = bool(nxt and nxt.count and nxt.count.kind in ("predicate", "elliptic")) or bool(
        nxt and nxt.count and nxt.count.kind != "gapped" and (cur is None or cur.band is not None)
    )
    band = band_of(s, it, prev_end, pred_next, bool(cur and cur.items[-1].amount), nxt.start if nxt else None)
    if not band and cur and cur.amount is None and cur.band is None and implausible_total(s, cur, it, r.floor):
        band = (None, it.amount.value) if it.amount.bound == "upper" else (it.amount.value, None)
    if not band and _gapped_band_item(r, it):  # 'Two are over 10 billion yuan, three above 5 billion ...'
        band = (None, it.amount.value) if it.amount.bound == "upper" else (it.amount.value, None)
    if not band:
        return False
    if pred_next and (cur is None or cur.band is not None or nxt.count.kind == "predicate"):
        r.pending, r.pending_currency = band, it.amount.currency
    elif cur and "those" in s[prev_end : it.start] and THOSE_HEAD.search(s, prev_end, it.start):
        pass  # 'Among the 30 projects, those with investment of over X include A and B': no count
    elif cur and cur.count is not None and cur.band is None:
        cur.band, cur.band_currency = band, it.amount.currency
        cur.items.append(it)
        r.floor = max(r.floor or 0, floor_of(band))
    elif nxt is not None and nxt.amount is not None and not nxt.count and IS_SUM.fullmatch(s, it.end, nxt.start):
        r.open(Group([it], band=band, band_currency=it.amount.currency))  # 'the investment of over X is Y'
    elif _EVERY_PROJECT.search(s[prev_end : it.start]):
        r.every.append((*band, it.amount.currency))
    return True


def _gapped_band_item(r: _Reading, it: Item) -> bool:
    """A gapped list item of a banded list: the count right before a bounded amount, after
    an earlier group sized by a band ('... and 37 above 1 billion yuan')."""
    cur = r.cur
    return bool(
        cur
        and r.floor is not None
        and it.amount.bound
        and cur.amount is None
        and cur.band is None
        and cur.items[-1].count
        and cur.items[-1].count.kind == "gapped"
        and _BAND_GAP.fullmatch(r.s, cur.end, it.start)
    )


_BAND_GAP = re.compile(r"\s*(?:(?:are|were|is|was)\s+)?(?:(?:more|less|fewer)\s+than|above|over|below|under)?\s*", re.I)


def _take_gapped_total(r: _Reading, it: Item) -> bool:
    """After a gapped list ('11 signed Monday and two earlier, carry a combined ...') a total
    is the amount of the list's head count. False when the amount is not such a total."""
    s, cur = r.s, r.cur
    if not (cur and cur.amount is None and cur.kind == "gapped" and TOTAL_WORDS.search(s[cur.end : it.start])):
        return False
    head = next(
        (g for g in reversed(r.groups) if g.count is not None and g.amount is None and g.kind not in ("gapped", None)),
        None,
    )
    if head is None or (_WITH.search(s, cur.end, it.start) and not _partition(r, head)):
        return False
    head.amount = it  # (its span stays the count's: later items keep theirs)
    return True


def _partition(r: _Reading, head: Group) -> bool:
    """'602 major projects, 525 of them in progress and 77 in preparation, with a total
    investment of X': the gapped items after the head split it (they say 'of them' or add up
    to it), so a total 'with' after them is still the head's."""
    items = r.groups[r.groups.index(head) + 1 :]
    if not items or any(g.kind != "gapped" or g.amount is not None for g in items):
        return False
    return sum(g.count for g in items) == head.count or bool(_PARTITIVE.match(r.s, items[0].end))


# 'The projects include 9 foreign-funded and 37 domestic ones, covering ..., with a total
# investment of X': a total after a two-count list is the sentence subject's (group_list_total)
_LIST_AND = re.compile(r"\s+(?:[\w'’-]+\s+)?,?\s*and\s+$", re.I)


def _list_total(r: _Reading, it: Item) -> bool:
    s, cur = r.s, r.cur
    if not (cur and cur.amount is None and cur.count is not None and len(r.groups) >= 2):
        return False
    prev = r.groups[-2]
    return (
        prev.count is not None
        and prev.amount is None
        and (
            (
                _LIST_AND.match(s[prev.end : cur.start]) is not None
                and LIST_HEAD.match(s, 0, prev.start) is not None
                and not each_own(s, cur.end, it.end)
            )
            or (
                _INCLUDING_AND.fullmatch(s, prev.end, cur.start) is not None
                and _HAVE_TOTAL.search(s, cur.end, it.start)
            )
        )
        and TOTAL_WORDS.search(s, cur.end, it.start) is not None
    )


# '6 projects including the X park and 10 projects including the Y park, which were signed
# ..., have a total investment of Z': two counted groups, each with its example, share the total
_INCLUDING_AND = re.compile(r"\s+including\s+[^,;()]{3,90}?\s+and\s+", re.I)
_HAVE_TOTAL = re.compile(r"\b(?:have|had)\s+(?:a\s+)?(?:combined|total)\b", re.I)


# 'N projects ..., including the X Carbon Fiber Project with a total investment of Y': Y is the
# named project's (a capitalised name ending in a facility word, no comma before 'with': '36
# projects were signed, including the X Park, with a total investment of Y' is the 36's)
_INCLUDING_NAMED = re.compile(
    r"\bincluding\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,8}?(?:Project|Park|Plant|Station|Base|Cent(?:er|re))\b"
    r"[^,;]{0,20}?\s+(?:with|worth|costing|involving|valued\s+at)\b[^,;]{0,40}$"
)


def _take_amount(r: _Reading, it: Item) -> None:
    """A total joins the group before when it has no amount yet (and is not '..., of which'
    a part of it); else it opens a group of its own."""
    s, cur = r.s, r.cur
    if _list_total(r, it):  # the fields said after the list are the subject's too
        cur.listed, cur.sector = True, None
        r.open(Group([it], amount=it, list_total=True))
        return
    if (
        pair_total(r.s, r.groups, r.cur, it)
        or (cur and "projects " in s[cur.end : it.start] and OF_NAMED_PART.search(s, cur.end, it.start))
        or (cur and "including " in s[cur.end : it.start] and _INCLUDING_NAMED.search(s, cur.end, it.start))
    ):
        r.open(Group([it], amount=it))  # '... with investment in A and B projects reaching X': a part's
        return
    if (
        cur
        and cur.amount is None
        and not (
            cur.count is not None
            and may_contain(s[cur.end : it.start], _PART_CUE)
            and _PART_OF.search(s, _past_partitive(s, cur.end), it.start)
        )
    ):
        cur.amount = it
        cur.items.append(it)
    else:
        r.open(Group([it], amount=it))


# '13 of them by foreign enterprises, with 9.3 billion yuan': the count's own partitive
_PARTITIVE = re.compile(OF_THEM, re.I)


def _past_partitive(s: str, end: int) -> int:
    m = _PARTITIVE.match(s, end)
    return m.end() if m else end


# '..., of which overseas investment accounts for $3.4 billion': a part of the figures before
_PART_OF = re.compile(r"\b(?:of\s+which|among\s+(?:which|them|these)|of\s+(?:them|these))\b", re.I)
_PART_CUE = cue("which", "among", r"of\s+th")


def respectively_groups(s: str, items: list[Item]) -> tuple[list[Group], list[Group], list] | None:
    """'10 and 20 projects ... 3 billion and 5 billion yuan respectively' -> (groups before the
    paired lists, paired groups, bands); 'A total of 25 projects were signed, of which ...'
    keeps its headline as a group of its own."""
    counts = [it for it in items if it.count]
    plain = [it for it in items if it.amount and not it.band]
    if len(counts) < 2 or not plain:
        return None
    if len(counts) == len(plain) and counts[-1].start < plain[0].start:
        return [], [Group([c, a], count=c.count.value, amount=a, paired=True) for c, a in zip(counts, plain)], []
    after = [a for a in plain if a.start > counts[-1].start]
    k = len(after)
    if k < 2 or len(counts) <= k:
        return None
    paired = counts[-k:]
    earlier = [it for it in items if it.end <= paired[0].start]
    between = [it for it in items if paired[0].start <= it.start < after[0].start and not it.count]
    if between or not earlier or _LIST_JOIN.fullmatch(s[earlier[-1].end : paired[0].start]):
        return None
    head, every = group_items(s, earlier)
    return head, [Group([c, a], count=c.count.value, amount=a, paired=True) for c, a in zip(paired, after)], every
