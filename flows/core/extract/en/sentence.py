"""One English sentence -> its cohort mentions (before article-level merging).

Amounts and counts are found, conversions "(US$38.97 billion)" and alternatives in another
currency ("100 million yuan or 10 million dollars") folded into the amount before, ranges and
per-project thresholds ("each over 50 million yuan", "1 billion yuan and above", "16 projects
(above 1 billion yuan)", "valued at tens of billions", and a figure no total of that many
projects can be: "2,076 projects worth more than 100 million yuan") read as size bands,
adjectival amounts ("a 2-billion-yuan plant"), "a project worth ...", "the largest reaching
..." and an amount spent on one named facility ("... will invest 2.8 billion yuan to build a
battery plant") as one project, and the figures grouped into cohorts in reading order (a count
opens a cohort; a total after a gapped list "11 signed Monday and two earlier, carry a
combined ..." is the head's; "of which ..." opens a part; "respectively" pairs lists, and a
sector list it pairs gives each cohort its sector, see en_lists). Labels come from each
cohort's own words: the sector from the count's noun phrase, the field a gapped item or the
predicate after the figures names (none for an open list of fields), else the clause before;
the stage from the nearest stage term. Figures of an earlier edition ("compared with 180
projects at the previous session") are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.core.extract.en.context import (
    PLURAL_AGENTS,
    adjective_head,
    after_intro,
    framed_name,
    keep_amount,
    object_name,
    project_name,
)
from flows.core.extract.en.counts import ARE_PROJECTS, Count, find_counts
from flows.core.extract.en.cues import cue, has_any, may_contain, may_end_with, plain
from flows.core.extract.en.labels import sector_in, sector_terms, stage_near, stage_terms
from flows.core.extract.en.lists import list_labels
from flows.core.extract.en.numbers import ABOUT_Q, LOWER_Q, UPPER_Q, WORD_NUM, Amount, find_amounts, qualifier
from flows.core.model import CohortMention

_DIGIT = re.compile(r"\d")
PROJECT_WORDS = ("project", "deal", "contract", "agreement")
_GAPPED_CUES = ("among", "includ", "of them", "of which", "of these", "namely")
MONEY_WORDS = (
    "illion",
    "yuan",
    "$",
    "¥",
    "€",
    "£",
    "rmb",
    "usd",
    "cny",
    "eur",
    "hkd",
    "jpy",
    "gbp",
    "dollar",
    "bln",
    "bn",
    "yen",
    "pound",
    "renminbi",
)
_ALT_GAP = re.compile(
    r"\s*\(\s*(?:about|around|approximately|roughly|or|some|nearly|over|more than|equivalent to|approx\.?)?\s*$", re.I
)
_OR_GAP = re.compile(r"\s*,?\s*or\s+(?:about\s+|around\s+|roughly\s+)?")
_RANGE_GAP = re.compile(r"\s*(?:and|to|-|–|—)\s*$")
_AND_ABOVE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:and|or)\s+(?:above|over|more|upwards|beyond)\b|"
    r"(?:above|or\s+above)\s+(?:projects?|ones)\b)",
    re.I,
)  # MT '1 billion yuan above projects 3'
_AND_BELOW = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:and|or)\s+(?:below|under|less)\b", re.I)
_EACH = re.compile(r"\b(?:each|apiece|every|per\s+project|individually|a\s+piece)\b", re.I)
_UPPER_SET = frozenset(UPPER_Q.split("|"))
_EACH_WORDS = ("each", "piece", "every", "per", "individually")  # what _EACH needs
_PUNCT = re.compile(r"[,;.]")
_IN_TOTAL = re.compile(r"\s*(?:in\s+total|in\s+all|altogether|combined)\b", re.I)
_PUNCT_OR_PAREN = re.compile(r"[,;.(]")
_EACH_LEAD = re.compile(r"^\s*(?:each|apiece|a\s+piece|per\s+project|individually)\b", re.I)
_ARE_ABOVE = re.compile(
    rf"\b(?:are|were|is|was|be|fall|falls|stood|stand)\s+(?:all\s+)?(?:of\s+)?"
    rf"(?:{LOWER_Q}|{UPPER_Q})\s+$",
    re.I,
)
# '16 projects (above 1 billion yuan)', 'projects above scale (100 million yuan)': a band
_PAREN_BAND = re.compile(
    rf"\b(?:(?P<noun>projects|deals|ones)|(?P<scale>(?:above|over)\s+(?:designated\s+)?(?:scales?|size)))\s*"
    rf"\(\s*(?:each\s+|all\s+)?(?:(?:valued|worth|with\s+investment)\s+(?:at\s+|of\s+)?)?"
    rf"(?P<q>{LOWER_Q}|{UPPER_Q})?\s*$",
    re.I,
)
# '100-million-yuan-level projects', 'projects of 10-billion-yuan level': a class by size
_LEVEL_AFTER = re.compile(r"[\s-]*(?:level|class|grade)\b", re.I)
# last words of LOWER_Q and UPPER_Q phrases ('of': 'in excess of', 'upwards of')
_ARE_ABOVE_LAST = ("than", "over", "above", "least", "exceeding", "beyond", "topping", "to", "under", "below", "within")
# "11 projects with investment of more than 1 billion yuan": no 'total', a round threshold
_WITH_Q = re.compile(
    rf"(?:\bprojects\s+(?:each\s+)?(?:with\s+(?:(?:an?\s+)?(?:individual\s+)?investments?\s+"
    rf"(?:scale\s+)?(?:of\s+)?)?)?|(?<![\w.,])(?:\d[\d,]*|{WORD_NUM})\s+(?:each\s+)?with\s+"
    rf"(?:(?:an?\s+)?(?:individual\s+)?investments?\s+(?:scale\s+)?(?:of\s+)?)?)"
    rf"(?:{LOWER_Q}|{UPPER_Q})\s+$",
    re.I,
)
# '26 projects exceeded 1 billion yuan, and 3 exceeded 5 billion yuan': each is above a round
# threshold (a sum reads 'their investment exceeded ...')
_EXCEED = re.compile(
    rf"(?<![\w.,])(?:\d[\d,]*|{WORD_NUM})\s+(?:(?:[\w'’-]+\s+){{0,3}}?(?:projects|deals|ones)\s+)?"
    rf"(?:each\s+|all\s+)?(?:exceed(?:ed|s)?|top(?:ped|s)|surpass(?:ed|es))\s+$",
    re.I,
)
# 'There are 13 projects worth more than 2 billion yuan': an existential count with a round
# floor sorts projects by size (a sum reads '13 projects worth ... were signed')
_THERE_ARE = re.compile(
    rf"\bthere\s+(?:are|were|is|was)\s+(?:(?:also|altogether|in\s+all)\s+)?"
    rf"(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,3}}?(?:projects|deals)\s+(?:each\s+)?"
    rf"(?:worth|valued\s+at|of|with\s+(?:an?\s+)?(?:investments?|investment\s+scale)\s+of)\s+"
    rf"(?:{LOWER_Q})\s+$",
    re.I,
)
_EXCEED_LAST = ("exceed", "exceeded", "exceeds", "topped", "tops", "surpassed", "surpasses")
_SUBSET = re.compile(
    r"\b(?:among\s+(?:them|these|which|those)|includes?|of\s+the\s+total|of\s+(?:these|them|which|those|this|that\s+number)|"
    r"including|included|in\s+which|compris(?:e|ed|es|ing)|consist(?:ed|s|ing)?\s+of|"
    r"broken\s+down\s+by|by\s+(?:sector|industry|category|region|investor|type|scale|size|"
    r"contract\s+value|field|source)|the\s+other|another|the\s+remaining|the\s+rest)\b",
    re.I,
)
_SUBSET_CUE = cue(
    "among",
    "includ",
    r"of\s+(?:th|which)",
    r"in\s+which",
    "compris",
    "consist",
    "broken",
    "other",
    "remaining",
    r"the\s+rest",
    r"by\s+(?:sector|industry|category|region|investor|type|scale|size|contract|"
    r"field|source)",
)
_OF_THE = re.compile(r"^\S+\s+of\s+(?:the|these|those)\b", re.I)
_IN_SECTOR = re.compile(
    r"[\s,]*(?:or\s+[\d.]+\s*(?:%|percent)\s*,\s*)?(?:(?:(?:are|were|is|was|all|mainly|mostly|largely)\s+)*"
    r"(?:in|belong(?:s|ing)?\s+to|focus(?:ed|es|ing)?\s+on|cover(?:s|ed|ing)?|involv(?:e|es|ed|ing)|"
    r"span(?:s|ned|ning)?|spread\s+across|distributed\s+(?:in|across|among)|target(?:s|ed|ing)?|aimed\s+at)|(?:are|were)(?=\s+[\w\s-]{2,40}?\s(?:projects|ones)\b))"
    r"\s+(?:the\s+)?(?:(?:fields?|sectors?|areas?|industries)\s+of\s+)?",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:]|\b(?:while|whereas)\b", re.I)
_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+[^,;]{3,80}?,")
_PLURAL_PROJECTS = re.compile(r"\b(?:projects|deals|contracts|agreements)\b", re.I)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)\s*", re.I)
_EVERY_PROJECT = re.compile(r"\b(?:every|each|all)\s+(?:\w+\s+)?projects?\b", re.I)


@dataclass
class Item:
    start: int
    end: int
    count: Count | None = None
    amount: Amount | None = None
    band: tuple[float | None, float | None] | None = None
    alt: Amount | None = None
    name: str | None = None  # facility an adjectival amount sizes: 'a 2-billion-yuan plant'
    single: bool = False  # the amount of one project: 'a project worth 1.5 billion yuan'


@dataclass
class Group:
    items: list[Item] = field(default_factory=list)
    count: int | None = None
    amount: Item | None = None
    band: tuple[float | None, float | None] | None = None
    band_currency: str | None = None
    stage_window: tuple[int, int] | None = None  # where a paired cohort's stage term is
    single: bool = False  # one project: 'a project worth ...', 'the largest at ...'
    paired: bool = False  # built by 'respectively': labels come from the count phrase
    listed: bool = False  # its sector is an item of a 'respectively' list ...
    sector: str | None = None  # ... this one

    @property
    def kind(self) -> str | None:
        """The kind of the group's count (None when it has none)."""
        return next((it.count.kind for it in self.items if it.count), None)

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end


def _amount_items(s: str) -> tuple[list[Item], list[tuple[int, int]]]:
    """Amount items of the sentence, and the spans of every money expression (refused ones
    included: their digits are not project counts)."""
    found = find_amounts(s)
    spans = [(a.start, a.end) for a in found]
    items: list[Item] = []
    for a in found:
        if not keep_amount(s, a):
            continue
        head = adjective_head(s, a)
        if head and head[0] == "drop":
            continue
        prev = items[-1] if items else None
        if (
            prev
            and prev.alt is None
            and prev.band is None
            and _ALT_GAP.search(s[prev.end : a.start])
            and re.match(r"\s*\)", s[a.end :])
        ):
            prev.alt = a
            prev.end = s.index(")", a.end) + 1
            continue
        if (
            prev
            and prev.amount
            and prev.alt is None
            and a.currency != prev.amount.currency
            and _OR_GAP.fullmatch(s[prev.end : a.start])
        ):
            prev.alt = a  # 'above 100 million yuan or 10 million dollars': one figure
            prev.end = a.end
            continue
        if (
            prev
            and prev.amount
            and _RANGE_GAP.search(s[prev.end : a.start])
            and re.search(r"\b(?:between|from)\s+$", s[max(0, prev.start - 12) : prev.start], re.I)
        ):
            prev.band = (prev.amount.value, a.value)
            prev.end = a.end
            continue
        single = (
            head is None
            and _may_single(s, a.start)
            and _SINGLE_BEFORE.search(s, max(0, a.start - 140), a.start) is not None
        )
        items.append(Item(a.start, head[1] if head else a.end, amount=a, name=head[0] if head else None, single=single))
    if "s of " in s:
        items = _scale_bands(s, items)
    return items, spans


# one project's own figure: 'including a project worth 1.5 billion yuan', 'with the largest
# hitting 3 billion yuan'
_SINGLE_BEFORE = re.compile(
    rf"\b(?:(?:an?|one)\s+(?:[\w'’-]+\s+){{0,3}}?(?:project|deal)|the\s+(?:single\s+)?"
    rf"(?:largest|biggest|highest)(?:\s+(?:single\s+)?(?:project|one|deal|investment))?"
    rf"(?:\s+(?:is|was)\s+(?:an?|the)\s+[^,;.()]{{3,70}}?)?)\s*,?\s+"
    rf"(?:(?:is|was|being)\s+)?(?:worth|valued\s+at|with\s+an?\s+(?:total\s+)?investment\s+of|"
    rf"of|totall?ing|costing|hitting|reaching|at|involving)\s+"
    rf"(?:(?:{LOWER_Q}|{UPPER_Q}|{ABOUT_Q})\s+)?$",
    re.I,
)
_SINGLE_LAST = (
    ("worth", "at", "of", "totaling", "totalling", "costing", "hitting", "reaching", "involving")
    + _ARE_ABOVE_LAST
    + ("nearly", "about", "around", "approximately", "roughly", "almost", "some", "estimated")
)


def _may_single(s: str, start: int) -> bool:
    before = s[max(0, start - 20) : start]
    return (
        before[-1:].isspace()
        and may_end_with(before, _SINGLE_LAST)
        and has_any(
            s[max(0, start - 140) : start].lower(),
            (" a ", " an ", "one ", "the largest", "the biggest", "the highest", "the single"),
        )
    )


# 'projects valued at tens of billions (of yuan)': a size class, not a sum
_SCALE_CLASS = re.compile(
    r"\b(?:valued\s+at|worth|of|at\s+the\s+level\s+of)\s+((?:tens|hundreds)\s+of\s+(?:billions|millions)|"
    r"billions)(?:\s+of\s+(?:yuan|dollars|US\s+dollars))?\b",
    re.I,
)
_SCALE_CLASS_VALUE = {
    "tens of billions": 1e10,
    "hundreds of billions": 1e11,
    "tens of millions": 1e7,
    "hundreds of millions": 1e8,
    "billions": 1e9,
}


def _scale_bands(s: str, items: list[Item]) -> list[Item]:
    """items plus the size classes ('tens of billions') the sentence names, in order."""
    out = []
    for m in _SCALE_CLASS.finditer(s):
        if any(it.start <= m.start(1) < it.end for it in items):
            continue
        value = _SCALE_CLASS_VALUE[" ".join(m.group(1).lower().split())]
        currency = "USD" if "dollar" in m.group(0).lower() else "CNY"
        a = Amount(m.start(1), m.end(), value, currency, True, "lower")
        out.append(Item(a.start, a.end, amount=a, band=(value, None)))
    if not out:
        return items
    return sorted(items + out, key=lambda it: it.start)


def _band_of(
    s: str, it: Item, prev_end: int, count_follows: bool, after_amount: bool = False, next_start: int | None = None
) -> tuple | None:
    """Per-project size band an amount states, or None when it is a total."""
    a = it.amount
    if it.band:
        return it.band
    if _LEVEL_AFTER.match(s, it.end):  # '78 100-million-yuan-level projects': a size class
        return (a.value, None)
    if "(" in s[max(0, a.start - 25) : a.start]:
        m = _PAREN_BAND.search(s, max(0, a.start - 60), a.start)
        if m and (m.group("q") or m.group("scale")):
            q = (m.group("q") or "").lower()
            return (None, a.value) if q in _UPPER_SET else (a.value, None)
    after = s[it.end : it.end + 40]
    if _AND_ABOVE.match(after):
        return (a.value, None)
    if _AND_BELOW.match(after):
        return (None, a.value)
    clause = max(prev_end, s.rfind(",", 0, it.start) + 1, s.rfind(";", 0, it.start) + 1)
    pre = s[clause : it.start]
    if clause == prev_end and after_amount:  # 'over 5 billion yuan each have a combined ...':
        pre = _EACH_LEAD.sub("", pre)  # that 'each' bands the figure before
    stop = _PUNCT_OR_PAREN.search(s, it.end)
    end = stop.start() if stop else len(s)
    if next_start is not None and next_start < end:
        end = next_start
    local = pre + s[it.end : end]
    near = s[max(0, a.start - 50) : a.start]
    if (
        (not plain(local) or has_any(local.lower(), _EACH_WORDS))
        and _EACH.search(local)
        or may_end_with(near, _ARE_ABOVE_LAST, True, ("excess", "upwards"))
        and _ARE_ABOVE.search(near)
        or (a.bound == "lower" and count_follows)
        or (
            a.bound in ("lower", "upper")
            and _WITH_Q.search(near)
            and _round(a.value)
            and not _IN_TOTAL.match(s, it.end)
        )
        or (
            may_end_with(near, _EXCEED_LAST, True)
            and _EXCEED.search(near)
            and _round(a.value)
            and not _IN_TOTAL.match(s, it.end)
        )
        or (
            a.bound == "lower"
            and "here " in near
            and _round(a.value)
            and _THERE_ARE.search(s, max(0, a.start - 90), a.start)
            and not _IN_TOTAL.match(s, it.end)
        )
    ):
        if a.bound == "upper":
            return (None, a.value)
        return (a.value, None)
    return None


def _round(value: float) -> bool:
    """1, 2, 3 or 5 times a power of ten: a size threshold rather than a sum."""
    mantissa = f"{value:.6e}".split("e")[0].rstrip("0").rstrip(".")
    return mantissa in ("1", "2", "3", "5")


_JOIN_GAP = re.compile(
    r"\s*,?\s*(?:(?:were|was|have\s+been|has\s+been)\s+\w+\s+)?(?:in\s+(?:investments?|funding)\s+)?"
    r"(?:from\s+[^,;()]{1,40}?\s+)?(?:in|for|across|covering|involving|from|through)\s+"
    r"(?:a\s+total\s+of\s+)?",
    re.I,
)
# 'Deals valued at 10.27 billion yuan were signed at the fair on Thursday, covering 43
# projects': the count closes the amount's clause
_TAIL_JOIN = re.compile(r"[^;()]{0,160}?,\s*(?:covering|involving|comprising|spanning)\s+", re.I)
# after a gapped list ('11 signed on Monday and two earlier'), a total is the head's
_WITH = re.compile(r"\bwith\b", re.I)
_TOTAL_WORDS = re.compile(r"\b(?:combined|total|altogether|in\s+all|overall)\b", re.I)
# a figure per project that no total can be: 'projects worth over 100 million yuan' for 2,000
_MIN_AVERAGE = 2e7
_CNY_PER = {"CNY": 1.0, "HKD": 0.9, "USD": 7.0, "EUR": 7.5, "GBP": 8.5, "JPY": 0.05}
_SHORT_GAP = re.compile(r"[^,;()]{0,40}")


# '126 projects among them': a part of the group whose floor it then shares
_SUBSET_OF = re.compile(r"\b(?:among\s+(?:them|these|which)|of\s+(?:them|these|which))\b", re.I)


def _implausible_total(s: str, cur: Group, it: Item, floor: float | None) -> bool:
    """'2,076 projects worth more than 100 million yuan', '126 projects among them are valued
    at 10 billion yuan' after 'projects worth over 100 million': the figure is each project's
    size, since no total of that many projects (of that floor, for a part of the group) can
    be so small."""
    a = it.amount
    if (
        not cur.count
        or cur.count < 2
        or not _round(a.value)
        or a.bound == "upper"
        or not _SHORT_GAP.fullmatch(s[cur.end : it.start])
    ):
        return False
    average = a.value * _CNY_PER.get(a.currency or "CNY", 1.0) / cur.count
    return (a.bound == "lower" and average < _MIN_AVERAGE) or (
        floor is not None and average < floor and _SUBSET_OF.search(s, cur.start, it.start) is not None
    )


def _group(s: str, items: list[Item]) -> tuple[list[Group], list[tuple]]:
    """Items in reading order -> cohort groups, plus 'every project' bands with no count."""
    groups: list[Group] = []
    every: list[tuple] = []
    cur: Group | None = None
    pending: tuple | None = None
    pending_currency: str | None = None
    floor: float | None = None  # the largest per-project floor stated so far
    for k, it in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        if it.count:
            joinable = (
                cur
                and cur.count is None
                and cur.amount
                and not cur.band
                and not cur.single
                and (
                    _JOIN_GAP.fullmatch(s[cur.end : it.start])
                    or (s[it.start - 2 : it.start] == "g " and _TAIL_JOIN.fullmatch(s, cur.end, it.start))
                )
            )
            if joinable:
                cur.count = it.count.value
                cur.items.append(it)
            else:
                cur = Group([it], count=it.count.value)
                groups.append(cur)
            if pending:
                cur.band, cur.band_currency, pending = pending, pending_currency, None
                floor = max(floor or 0, _floor_of(cur.band))
            continue
        if it.single:
            cur = Group([it], count=1, amount=it, single=True)
            groups.append(cur)
            continue
        prev_end = cur.end if cur else 0
        pred_next = bool(nxt and nxt.count and nxt.count.kind in ("predicate", "elliptic")) or bool(
            nxt and nxt.count and nxt.count.kind != "gapped" and (cur is None or cur.band is not None)
        )
        band = _band_of(s, it, prev_end, pred_next, bool(cur and cur.items[-1].amount), nxt.start if nxt else None)
        if not band and cur and cur.amount is None and cur.band is None and _implausible_total(s, cur, it, floor):
            band = (None, it.amount.value) if it.amount.bound == "upper" else (it.amount.value, None)
        if band:
            if pred_next and (cur is None or cur.band is not None or nxt.count.kind == "predicate"):
                pending, pending_currency = band, it.amount.currency
            elif cur and cur.count is not None and cur.band is None:
                cur.band, cur.band_currency = band, it.amount.currency
                cur.items.append(it)
                floor = max(floor or 0, _floor_of(band))
            elif _EVERY_PROJECT.search(s[prev_end : it.start]):
                every.append((*band, it.amount.currency))
            continue
        if (
            cur
            and cur.amount is None
            and cur.kind == "gapped"
            and _TOTAL_WORDS.search(s[cur.end : it.start])
            and not _WITH.search(s, cur.end, it.start)
        ):
            head = next(
                (
                    g
                    for g in reversed(groups)
                    if g.count is not None and g.amount is None and g.kind not in ("gapped", None)
                ),
                None,
            )
            if head is not None:
                head.amount = it  # (its span stays the count's: later items keep theirs)
                continue
        if (
            cur
            and cur.amount is None
            and not (
                cur.count is not None
                and may_contain(s[cur.end : it.start], _PART_CUE)
                and _PART_OF.search(s, cur.end, it.start)
            )
        ):
            cur.amount = it
            cur.items.append(it)
        else:
            cur = Group([it], amount=it)
            groups.append(cur)
    return groups, every


# '..., of which overseas investment accounts for $3.4 billion': a part of the figures before
_PART_OF = re.compile(r"\b(?:of\s+which|among\s+(?:which|them|these)|of\s+(?:them|these))\b", re.I)
_PART_CUE = cue("which", "among", r"of\s+th")


def _floor_of(band: tuple | None) -> float:
    """The lower bound of a band (0 when it has none)."""
    return band[0] or 0.0 if band else 0.0


def _respectively(s: str, items: list[Item]) -> tuple[list[Group], list[Group], list] | None:
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
    head, every = _group(s, earlier)
    return head, [Group([c, a], count=c.count.value, amount=a, paired=True) for c, a in zip(paired, after)], every


def sentence_mentions(s: str, index: int) -> tuple[list[CohortMention], list[tuple]]:
    """Cohort mentions of sentence `s` (number `index`), and countless 'every project' bands."""
    low = s.lower()
    has_project = has_any(low, PROJECT_WORDS)
    if "illion" in low:
        has_money = True
    elif not has_project and not _DIGIT.search(s):
        return [], []  # the cheap exit most sentences take
    else:
        has_money = has_any(low, MONEY_WORDS)
    # 'Among them, 6 are on infrastructure, ...': counts of a list whose noun is left out
    counted = has_project or has_any(low, _GAPPED_CUES)
    if not counted and not has_money:
        return [], []
    items, spans = _amount_items(s) if has_money else ([], [])
    counts = find_counts(s, spans + [(it.start, it.end) for it in items]) if counted else []
    if not counts and not items:
        return [], []
    items += [Item(c.start, c.end, count=c) for c in counts]
    items.sort(key=lambda it: it.start)
    resp = _respectively(s, items) if "respectively" in low else None
    if resp:
        head, paired, every = resp
        groups = head + paired
        list_labels(s, paired)
        _paired_stage_windows(s, paired)
    else:
        groups, every = _group(s, items)
        if "respectively" in low:
            list_labels(s, [g for g in groups if g.count is not None or g.amount is not None])
    out = []
    earlier = has_any(low, _PREVIOUS_WORDS)
    whole_subset = bool(_SUBSET.match(s.strip()) or _SUBSET.search(s[:25]))
    head = _PART_HEAD.match(s) if low.lstrip().startswith(("of ", "among ")) else None
    intro_stage = stage_near(head.group(1), 0, 0) if head else None
    target = None  # whether a goal word occurs: asked only for a group with a count
    for g_i, g in enumerate(groups):
        if g.count is None and g.amount is None:
            continue
        prev_end = groups[g_i - 1].end if g_i else 0
        clause_start = max(prev_end, s.rfind(";", 0, g.start) + 1, s.rfind(":", 0, g.start) + 1)
        next_start = groups[g_i + 1].start if g_i + 1 < len(groups) else len(s)
        if g.count == 1 and g.amount is None and g.band is None:
            continue  # 'one iconic project launched ...': no figure of its own
        if earlier and _earlier_edition(s, g, prev_end, next_start):
            continue  # '... compared with 180 projects at the previous session'
        if g.count and target is None:
            target = has_any(low, _TARGET_WORDS)
        if g.count and target and _TARGET.search(s, clause_start, g.start) and _YEAR_SCOPE.search(s):
            continue  # '... strive to sign 300 projects in the whole year': a goal
        m = _mention(s, index, g, clause_start, prev_end, next_start, whole_subset)
        if m.stage is None and (intro_stage or (out and out[-1].stage and m.project_count == 1)):
            # 'Of the signed projects, ...'; 'The started projects include a X plant, a Y
            # base ...': a listed project without a stage word of its own shares the list's
            m.stage = intro_stage or out[-1].stage
            m.extra["explicit_stage"] = True
        out.append(m)
    return out, every


# 'Of the signed projects, 35 ... and 12 ...': the intro's stage is every part's
_PART_HEAD = re.compile(
    r"\s*(?:of|among)\s+(?:the|these|those|all\s+the)\s+((?:[\w'’-]+\s+){1,4}?)"
    r"(?:projects|deals|contracts|agreements)\s*,",
    re.I,
)
# a goal for the period, not a result: 'plans to attract 420 projects ... this year'
_TARGET_WORDS = ("plan", "aim", "striv", "target", "goal", "seek", "endeavo", "expect")
_TARGET = re.compile(
    r"\b(?:plan(?:s|ned)?\s+to|aim(?:s|ed)?\s+(?:to|at)|striv(?:e|es|ing)\s+(?:to|for)|"
    r"target(?:s|ed)?\s+(?:to|of)|goal\s+(?:is\s+to|of)|seek(?:s|ing)?\s+to|"
    r"endeavou?r(?:s|ing)?\s+to|expect(?:s|ed)?\s+to)\s+(?:[\w'’-]+\s+){0,3}?$",
    re.I,
)
_YEAR_SCOPE = re.compile(
    r"\b(?:this\s+year|the\s+(?:whole|full|entire)\s+year|for\s+the\s+year|"
    r"(?:by|in)\s+(?:the\s+end\s+of\s+)?20\d\d)\b",
    re.I,
)


# figures of an earlier edition of the event, given for comparison
_PREVIOUS = re.compile(
    r"\b(?:at|in|during|for)\s+(?:the\s+|its\s+)?(?:previous|last|prior|preceding|former)\s+(?:(?:year'?s|edition\s+of\s+the|session\s+of\s+the)\s+)?"
    r"(?:session|edition|fair|expo|exposition|conference|event|forum|congress|convention)\b",
    re.I,
)
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|as\s+against|up\s+from|down\s+from)\s+"
    r"(?:the\s+)?$",
    re.I,
)
# a running total over earlier years or editions: 'Over the past five years, the expo has
# brought in more than 600 billion yuan', 'since its launch', 'cumulatively'
_CUMULATIVE = re.compile(
    r"\b(?:(?:over|in|during|for|within)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:years|decades?|sessions|editions)|"
    r"since\s+(?:its|the\s+expo's|the\s+fair's|the\s+event's)\s+(?:launch|inception|founding|debut|first\s+(?:session|edition))|"
    r"cumulative(?:ly)?|in\s+(?:the\s+)?(?:past|previous)\s+(?:[\w-]+\s+)?(?:sessions|editions))\b",
    re.I,
)
_PREVIOUS_WORDS = (
    "past",
    "since",
    "cumulativ",
    "previous",
    "last ",
    "prior",
    "preceding",
    "former",
    "compared",
    "versus",
    "against",
    "up from",
    "down from",
)


def _earlier_edition(s: str, g: Group, prev_end: int, next_start: int) -> bool:
    """'compared with 180 projects worth 90 billion yuan at the previous session', 'At the
    last edition of the expo, 150 projects were signed': not this event's cohort."""
    before = s[prev_end : g.start]
    clause = before[before.rfind(";") + 1 :]
    after = _CLAUSE_END.split(s[g.end : next_start], maxsplit=1)[0]
    return bool(
        _COMPARED.search(before)
        or _PREVIOUS.search(clause)
        or _PREVIOUS.search(after)
        or _CUMULATIVE.search(clause)
        or _CUMULATIVE.search(after)
    )


def _paired_stage_windows(s: str, paired: list[Group]) -> None:
    """'Construction started on 18 projects and 7 projects were completed, with ... 9.3
    billion and 2.6 billion yuan respectively': each count's stage is in its own clause,
    between the counts before and after it (the amounts come later)."""
    counts = [next(it for it in g.items if it.count) for g in paired]
    first_amount = min((g.amount.start for g in paired if g.amount), default=len(s))
    if first_amount < counts[-1].end:
        return  # amounts interleaved with the counts: the usual windows do
    clause = max(s.rfind(";", 0, counts[0].start), s.rfind(":", 0, counts[0].start)) + 1
    for k, g in enumerate(paired):
        start = counts[k - 1].end if k else clause
        end = counts[k + 1].start if k + 1 < len(counts) else first_amount
        g.stage_window = (start, end)


def _sector_after(post: str) -> str | None:
    """', ... are in new energy' right after the figures names the cohort's sector ("" when it
    names a list of fields that is no one sector, None when it names none); a list of
    fields names one only when the lexicon reads every item ('mainly in auto parts, robotics
    and high-end equipment'): an open or partly unknown list ('covering tourism, education
    and other fields') is a cohort of no one sector."""
    m = _IN_SECTOR.match(post)
    if not m or m.end() == 0:
        return None
    rest = _FIELDS_END.split(post[m.end() :], maxsplit=1)[0]
    if _MANY.match(rest):  # 'a wide range of sectors including ...'
        return ""
    such = _SUCH_AS.search(rest)
    if such:  # 'key industries, such as chips, ...'
        return sector_in(rest)
    if _LIST_SHAPE.match(rest):
        if _OPEN_LIST.search(rest):
            return ""
        pieces = [p for p in _LIST_SPLIT.split(rest) if p.strip()]
        if not all(sector_in(p) for p in pieces[:-1]) or not sector_in(" ".join(pieces[-1].split()[:4])):
            return ""
        return sector_in(pieces[0])
    return sector_in(" ".join(rest.split()[:6]))


# 'The projects cover A, B and C.' right after a cohort: the fields of that cohort
_FIELDS_SENTENCE = re.compile(
    r"\s*(?:in\s+terms\s+of\s+[^,.;]{1,40},\s*)?"
    r"(?:the|these|all\s+the)\s+(?:[\w'’-]+\s+){0,2}?(?:projects|deals)\s*(?:,[^.;]{0,120}?,|,)?"
    r"(?=\s+(?:(?:mainly|mostly|"
    r"largely)\s+)?(?:cover|involv|span|focus|target|belong|"
    r"are\s+(?:mainly\s+|mostly\s+)?(?:in\b|distributed\s+(?:in|across|among)\b)))",
    re.I,
)
# where such a list of fields ends: ', were signed ...', ', and 41 of them ...'
_FIELDS_STOP = re.compile(
    r",\s+(?:and\s+)?(?:\d|with\b|while\b|whereas\b|were\b|was\b|are\b|is\b|"
    r"have\b|has\b|will\b|which\b|among\s+(?:which|them)\b|(?:[\w-]+\s+){1,3}(?:said|says|noted|added)\b)",
    re.I,
)


def fields_sentence(s: str) -> str | None:
    """The sector a sentence 'The (signed) projects cover A, B and C' gives the cohort of
    the sentence before (by _sector_after's reading of the list), or None."""
    if s.lstrip()[:4].lower() not in ("the ", "thes", "all ", "in t"):
        return None
    m = _FIELDS_SENTENCE.match(s)
    if not m:
        return None
    post = s[m.end() :]
    stop = _FIELDS_STOP.search(post)
    return _sector_after(post[: stop.start()] if stop else post) or None


def _names_field(post: str) -> bool:
    m = _IN_SECTOR.match(post)
    return bool(m and m.end() > 0)


# what follows a gapped count: '6 are on infrastructure', '25 in new energy'
_GAPPED_FIELD = re.compile(
    r"\s*(?:of\s+(?:them|these|which)\s+)?(?:(?:are|were|is|was)\s+)?"
    r"(?:(?:mainly|all)\s+)?(?:on|in|of|for|from|involved?|involves|covers?|covered|"
    r"belong(?:s|ed)?\s+to|focus(?:es|ed)?\s+on)\s+"
    r"(?:the\s+)?([^,;.]*)",
    re.I,
)
_PROJECT_NOUN = re.compile(r"\b(?:projects?|deals?|contracts?|agreements?)\b", re.I)
_FIELDS_END = re.compile(r"[;.(]|\s(?:at|on|with|to|while|whereas|which)\s")
_MANY = re.compile(
    r"(?:an?\s+)?(?:(?:wide|broad|whole)\s+range|variety|number|host)\s+of|"
    r"(?:various|multiple|diverse|many|several|different)\b",
    re.I,
)
_SUCH_AS = re.compile(r"^[^,]{0,60}?,?\s*\b(?:such\s+as|including|like|namely)\b", re.I)
_LIST_SHAPE = re.compile(r"(?:[^,]{1,60},\s*)+[^,]*?\b(?:and|or|as\s+well\s+as)\s", re.I)
_LIST_SPLIT = re.compile(
    r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+(?!(?:health|tourism|"
    r"environmental|trade|technology)\b)",
    re.I,
)
_OPEN_LIST = re.compile(r"\b(?:and|or)\s+other\b|\betc\b|\band\s+so\s+on\b|\bamong\s+others\b", re.I)
# 'a floating photovoltaic project': another, single project's words are not the cohort's
_ONE_PROJECT = re.compile(r"\b(?:an?|the)\s+(?:[\w'’-]+\s+){0,6}?project\b(?!s)", re.I)


_COORD = re.compile(r",\s+(?:and|while|whereas|but)\s+", re.I)


def _sector(s: str, g: Group, counted, prefix: str, next_start: int, name: str | None) -> str | None:
    """The cohort's sector, from its own words: the count's noun phrase ('12 new energy
    projects'), the field a gapped item names ('6 are on infrastructure'), the predicate
    right after the count or the figures ('... are in biomedicine'), or else the clause
    before the figures ('By sector, new energy took 30% with 12 projects')."""
    if counted and g.paired:
        code = sector_in(s[counted.start : counted.end])
        if code:
            return code
    if g.listed:
        return g.sector
    if counted and counted.kind == "elliptic":  # '679 are manufacturing projects'
        m = ARE_PROJECTS.match(s, counted.end)
        code = sector_in(m.group(0)) if m else None
        if code:
            return code
    if counted and counted.kind == "gapped":
        m = _GAPPED_FIELD.match(s, counted.end, next_start)
        return sector_in(m.group(1)) if m else None
    if counted:
        own = s[counted.start : counted.end]
        code = sector_in(own) if _PROJECT_NOUN.search(own) else None  # not 'projects 9'
        if code:
            return code
        post = s[counted.end : next_start]
        code = _sector_after(post) if _names_field(post) else None
        if code is not None:
            return code or None
    post = s[g.end : next_start]
    code = _sector_after(post) if _names_field(post) else None
    if code is not None:
        return code or None
    if g.band is not None and g.amount is not None:
        # '9 projects between 1 and 5 billion yuan in the tourism sector, worth 2 billion yuan':
        # the field named between the band and the total
        for a, b in zip(g.items, g.items[1:]):
            if b is g.amount and a.amount is not None and a.end < b.start:
                between = s[a.end : b.start]
                code = _sector_after(between) if _names_field(between) else None
                if code:
                    return code
    code = sector_in(name) if name else None
    if code:
        return code
    clause = _APPOSITIVE.sub(" ", prefix)
    if ", " in clause:  # '... cover tourism and biomedicine, and 41 of them are ...': the
        clause = _COORD.split(clause)[-1]  # fields are the clause before's
    if g.count != 1:
        clause = _ONE_PROJECT.sub(" ", clause)
    if _OPEN_LIST.search(clause) and len({c for _, _, c in sector_terms(clause)}) > 1:
        return None
    return sector_in(clause)


_STAGE_MEMO: tuple = ("", [])  # (sentence, its stage terms): one lexicon pass a sentence


def _stage_spans(s: str) -> list[tuple[int, int, str]]:
    memo = _STAGE_MEMO  # (one tuple, read and rebound whole: safe across threads)
    if memo[0] is s:
        return memo[1]
    spans = stage_terms(s)
    globals()["_STAGE_MEMO"] = (s, spans)
    return spans


def _nearest(spans: list, lo: int, hi: int, start: int, end: int) -> str | None:
    """stage_near(s[lo:hi], start - lo, end - lo), off the sentence's stage terms."""
    best, best_d = None, None
    for a, b, stage in spans:
        if a < lo or b > hi:
            continue
        d = start - b if b <= start else a - end if a >= end else 0
        if best_d is None or d < best_d:
            best, best_d = stage, d
    return best


def _stage(s: str, g: Group, prev_end: int, next_start: int) -> str | None:
    """The stage term nearest the figures; after an earlier cohort of the same sentence, its
    own predicate ('... broke ground and 18 projects were completed') comes after the figures."""
    spans = _stage_spans(s)
    if not spans:
        return None
    if prev_end:
        clause = _CLAUSE_END.search(s, g.end, next_start)
        after = _nearest(spans, g.end, clause.start() if clause else next_start, g.end, g.end)
        if after:
            return after
    return _nearest(spans, prev_end, next_start, g.start, g.end)


def _stage_masked(s: str, g: Group, prev_end: int, next_start: int) -> str | None:
    """_stage for a copy of the sentence with words blanked (not the memoized sentence)."""
    if prev_end:
        after = stage_near(_CLAUSE_END.split(s[g.end : next_start], maxsplit=1)[0], 0, 0)
        if after:
            return after
    return stage_near(s[prev_end:next_start], g.start - prev_end, g.end - prev_end)


def _mention(s, index, g: Group, clause_start, prev_end, next_start, whole_subset):
    a = g.amount.amount if g.amount else None
    alt = g.amount.alt if g.amount else None
    m = CohortMention(project_count=g.count, evidence=s, sentence_index=index)
    if a:
        m.amount, m.currency, m.approximate = a.value, a.currency, a.approximate
    if alt:
        m.alt_amount, m.alt_currency = alt.value, alt.currency
    if g.band:
        m.size_min, m.size_max = g.band
        if g.band_currency not in (None, "CNY"):
            m.size_currency = g.band_currency
    prefix = s[clause_start : g.start]
    span = s[clause_start : g.end]
    counted = next((it.count for it in g.items if it.count), None)
    if m.project_count in (None, 1) and a:
        if m.project_count is None:  # the facility named around the amount, nearest first
            name = g.amount.name or framed_name(prefix) or object_name(s, g.amount.end, prefix)
            if not name:
                name = project_name(prefix)
                intro = after_intro(prefix)
                if name and (_PLURAL_PROJECTS.search(intro) or PLURAL_AGENTS.search(intro)):
                    name = None  # 'the signed projects include the X park': a list
        else:
            name = g.amount.name or project_name(span)
        if name:
            m.project_count = 1
            m.project_name = name
    if counted and counted.post and g.stage_window is None:
        # 'newly started projects 247, newly completed projects 163': the stage word is
        # in the noun phrase before the number
        m.stage = _nearest(_stage_spans(s), prev_end, counted.end, counted.start, counted.end) or _stage(
            s, g, prev_end, next_start
        )
    else:
        m.stage = (
            _stage(s, g, prev_end, next_start)
            if g.stage_window is None
            else _nearest(_stage_spans(s), *g.stage_window, g.stage_window[0], g.stage_window[0])
        )
    if (
        m.stage == "promoted"
        and counted
        and a
        and counted.end < g.amount.start
        and _DREW.fullmatch(s, counted.end, g.amount.start)
    ):
        # '71 farm projects attracted 2.3 billion yuan': the verb tells what the projects
        # drew, not how far they got; the stage comes from the other words (or is inherited)
        gap = g.amount.start - counted.end
        m.stage = _stage_masked(s[: counted.end] + " " * gap + s[g.amount.start :], g, prev_end, next_start)
    m.sector_code = _sector(s, g, counted, prefix, next_start, m.project_name)
    head = s[prev_end : g.items[0].end]
    if counted and qualifier(s[: counted.start])[0]:
        m.approximate = True  # 'some 18 projects', 'more than 700 projects'
    subset = (
        whole_subset
        or (may_contain(head, _SUBSET_CUE) and bool(_SUBSET.search(head)))
        or bool(_OF_THE.match(s[g.start :]))
        or bool(counted and counted.kind in ("elliptic", "gapped"))
    )
    m.extra = {"explicit_stage": m.stage is not None, "subset": subset}
    if m.project_count is None and a and prev_end == 0 and not _PART_INTRO.search(s, 0, g.start):
        anaphor = _anaphor(s[: g.start])
        if anaphor:
            m.extra["anaphor"] = anaphor
    return m


_DREW = re.compile(
    r"\s+(?:attract(?:ed|s|ing)|dr(?:ew|aws|awing)|secur(?:ed|es|ing)|brought\s+in|"
    r"bringing\s+in)\s+(?:(?:a\s+total\s+of|(?:a\s+)?(?:total\s+)?investments?\s+of)\s+)?"
    rf"(?:(?:{LOWER_Q}|{ABOUT_Q})\s+)?",
    re.I,
)


# a sentence whose subject points back at the projects of the sentence before:
# 'These projects involve a total investment of ...', 'Their total investment reached ...'
_DEMONSTRATIVE = re.compile(
    r"(?:^|,)\s*(?:(?:the\s+)?(?:total|combined|overall)\s+(?:investment|value|amount)\s+(?:of|in)\s+)?"
    r"(?:these|those|such)\s+(?:[\w'’-]+\s+){0,2}?(?:projects|deals|contracts|agreements)\b",
    re.I,
)
_DEFINITE = re.compile(
    r"(?:^|,)\s*(?:(?:the|all\s+the|all)\s+(?:[\w'’-]+\s+){0,2}?(?:projects|deals|contracts|agreements)\b|"
    r"they\b|their\b|(?:the\s+)?(?:total|combined|overall)\s+(?:investment|value|amount)\b"
    r"(?!\s+(?:in|of|into|on|by|from)\b(?!\s+(?:the|these|those|all|such)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:projects|deals|contracts|agreements)\b)))",
    re.I,
)  # not 'total investment in R&D'
_PART_INTRO = re.compile(r"\b(?:among|of\s+which|includ\w*|in\s+which)\b", re.I)
_ANAPHOR_CUE = cue("these", "those", "such", "the", "all", "they", "their", "total", "combined", "overall")


def _anaphor(prefix: str) -> str | None:
    """'demonstrative' ('these projects'), 'definite' ('the projects', 'their', 'the total
    investment') when the clause before an amount opens with a phrase pointing back."""
    if not may_contain(prefix, _ANAPHOR_CUE) or sector_in(prefix):
        return None
    if _DEMONSTRATIVE.search(prefix):
        return "demonstrative"
    if _DEFINITE.search(prefix):
        return "definite"
    return None
