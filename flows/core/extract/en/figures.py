"""The figures of one English sentence, and the groups they are read into.

An `Item` is one figure in reading order: a project count (see en_counts) or an amount. Amount
items are read here: conversions "(US$38.97 billion)" and alternatives in another currency
("100 million yuan or 10 million dollars") fold into the amount before, "between 1 and 5
billion yuan" is one range, adjectival amounts ("a 2-billion-yuan plant") carry the facility
they size, "a project worth ..." and "the largest reaching ..." are one project's figure, and
size classes ("valued at tens of billions") are figures too. A `Group` is one cohort's
figures (see en_grouping).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.core.extract.en.context import adjective_head, keep_amount
from flows.core.extract.en.counts import Count
from flows.core.extract.en.cues import has_any, may_end_with
from flows.core.extract.en.numbers import ABOUT_Q, LOWER_Q, UPPER_Q, Amount, find_amounts
from flows.core.extract.en.singles import total_of_name


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
    list_total: bool = False  # 'The projects include 9 A and 37 B ones, with a total ...': the subject's amount

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


# last words of LOWER_Q and UPPER_Q phrases ('of': 'in excess of', 'upwards of')
ARE_ABOVE_LAST = ("than", "over", "above", "least", "exceeding", "beyond", "topping", "to", "under", "below", "within")

_ALT_GAP = re.compile(
    r"\s*\(\s*(?:about|around|approximately|roughly|or|some|nearly|over|more than|equivalent to|approx\.?)?\s*$", re.I
)
_OR_GAP = re.compile(r"\s*,?\s*or\s+(?:about\s+|around\s+|roughly\s+)?")
_RANGE_GAP = re.compile(r"\s*(?:and|to|-|–|—)\s*$")


# '84 1-billion-and-above projects', '26 3-billion-yuan-and-above ones': a size class
_AND_ABOVE_CLASS = re.compile(
    r"(?<![\w.,$-])(?P<n>\d+(?:\.\d+)?)-(?P<s>million|billion)(?:-yuan)?-and-(?:above|over)"
    r"(?=\s+(?:projects?|ones)\b)",
    re.IGNORECASE,
)


# '103 over 10-million-yuan projects', '3 above 1-billion-yuan ones': a translated 千万元以上项目,
# a class by size whose floor the qualifier before the compound adjective states
_OVER_CLASS = re.compile(
    r"(?<![\w.,$-])(?:over|above|more\s+than)\s+(?P<n>\d+(?:\.\d+)?)-(?P<s>million|billion)-yuan"
    r"(?=\s+(?:projects?|ones)\b)",
    re.IGNORECASE,
)


# 'Investment in 100-million-yuan projects': a translated 亿元项目, a class by size with no count
# before it, neither an amount nor a band of a count elsewhere (plural noun: 'a 5-billion-yuan
# project' stays one project's amount; '12 100-million-yuan projects' is left to the count rules)
_PLAIN_CLASS = re.compile(
    r"(?<![\w.,$-])(?<!over )(?<!above )(?<!than )(?<!\d )(?P<n>\d+(?:\.\d+)?)-(?P<s>million|billion)-yuan(?=\s+(?:projects|ones)\b)",
    re.IGNORECASE,
)


def and_above_classes(sentence: str, found: list[Amount]) -> list[Amount]:
    """found plus the hyphenated 'N-billion-and-above' and 'over N-million-yuan' size classes
    of the sentence."""
    classes = [(c, c.start()) for c in _AND_ABOVE_CLASS.finditer(sentence)] if "-and-" in sentence else []
    if "-yuan " in sentence:
        classes += [(c, c.start("n")) for c in _OVER_CLASS.finditer(sentence)]
        plain = {c.start("n") for c in _PLAIN_CLASS.finditer(sentence)}  # a class no count states: no figure
        found = [a for a in found if a.start not in plain] if plain else found
    if not classes:
        return found
    starts = {start for _, start in classes}
    out = [a for a in found if a.start not in starts]
    for c, start in classes:
        value = float(c.group("n")) * (1e6 if c.group("s").lower() == "million" else 1e9)
        out.append(Amount(start, c.end(), value, "CNY", False, "lower", size_class=True))
    return sorted(out, key=lambda a: a.start)


def amount_items(s: str) -> tuple[list[Item], list[tuple[int, int]]]:
    """Amount items of the sentence, and the spans of every money expression (refused ones
    included: their digits are not project counts)."""
    found = find_amounts(s)
    if "-and-" in s or "-yuan " in s:
        found = and_above_classes(s, found)
    spans = [(a.start, a.end) for a in found]
    items: list[Item] = []
    for a in _kept(s, found):
        head = adjective_head(s, a)
        facility = None if head else total_of_name(s, a.start, a.end)  # MT '... of the Y production line'
        if head and head[0] == "drop":
            continue
        prev = items[-1] if items else None
        if prev and prev.band is not None and _band_conversion(s, prev, a):
            continue
        if (
            prev
            and prev.alt is None
            and prev.band is None
            and _ALT_GAP.search(s[prev.end : a.start])
            and _ALT_CLOSE.match(s, a.end)
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
        if prev and prev.amount and _RANGE_GAP.search(s[prev.end : a.start]) and _range_band(s, prev, a):
            prev.band = (prev.amount.value, a.value)
            prev.end = a.end
            continue
        single = (
            head is None
            and _may_single(s, a.start)
            and _SINGLE_BEFORE.search(s, max(0, a.start - 140), a.start) is not None
        ) or (head is not None and head[0].startswith(("investment by ", "investment from ")))
        if facility:
            head, single = facility, True
        items.append(Item(a.start, head[1] if head else a.end, amount=a, name=head[0] if head else None, single=single))
    if "s of " in s:
        items = _scale_bands(s, items)
    return items, spans


def _kept(s: str, found: list[Amount]) -> list[Amount]:
    """The amounts `keep_amount` keeps, less the bracketed conversion of a refused one
    ('108.7 billion yuan (US$15.5 billion) was injected')."""
    out, refused_end = [], -1
    for a in found:
        if refused_end >= 0 and _CONVERSION_OPEN.fullmatch(s, refused_end, a.start):
            continue
        if keep_amount(s, a):
            out.append(a)
            refused_end = -1
        else:
            refused_end = a.end
    return out


# the end of a bracketed conversion: '($2 billion)', '($ 2 billion at the current exchange rate)'
_ALT_CLOSE = re.compile(
    r"\s*(?:at\s+(?:the\s+)?(?:current|present|today's|prevailing|latest)\s+(?:exchange\s+)?rates?\s*)?\)", re.I
)
_CONVERSION_OPEN = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|or|nearly)?\s*", re.I)
_EACH_AFTER = re.compile(r"\s*(?:each|apiece|a\s+piece)\b", re.I)


def _range_band(s: str, prev: Item, a) -> bool:
    """'between X and Y', 'X to Y yuan each', '3 projects of 0.3-1 billion yuan': a range
    sizing each project."""
    return bool(
        re.search(r"\b(?:between|from)\s+$", s[max(0, prev.start - 12) : prev.start], re.I)
        or _EACH_AFTER.match(s, a.end)
        or _PROJECTS_OF.search(s, max(0, prev.start - 45), prev.start)
    )


def _band_conversion(s: str, prev: Item, a) -> bool:
    """'0.3-1 billion yuan (44-146 million US dollars)': an amount inside the parenthesis
    right after a band is the band's conversion, not a figure of its own (prev absorbs it)."""
    if a.start >= prev.end and not (_ALT_GAP.search(s[prev.end : a.start]) and 0 <= s.find(")", a.end) - a.end < 40):
        return False
    prev.end = max(prev.end, s.find(")", a.end) + 1)
    return True


# a range sizing each of them: '3 projects of 0.3-1 billion yuan', '25 projects with investment
# of 100 million yuan to 1 billion yuan'
_PROJECTS_OF = re.compile(r"\b(?:projects|ones)\s+(?:each\s+)?(?:with\s+(?:an?\s+)?investments?\s+)?of\s+$", re.I)

# MT of '总投资X的Y生产线': 'with a total investment of 3 billion yuan of the Y production line'
# one project's own figure: 'including a project worth 1.5 billion yuan', 'with the largest
# hitting 3 billion yuan', 'the largest investment project involves 12.3 billion yuan'
_SINGLE_BEFORE = re.compile(
    rf"\b(?:(?:an?|one)\s+(?:[\w'’-]+\s+){{0,3}}?(?:project|deal|(?:cooperation\s+)?agreement)(?:\s+of\s+intent(?:ion)?)?|the\s+(?:single\s+)?"
    rf"(?:largest|biggest|highest)(?:\s+(?:single\s+)?(?:investment\s+)?(?:project|one|deal|investment))?"
    rf"(?:\s+(?:is|was)\s+(?:an?|the)\s+[^,;.()]{{3,70}}?)?)\s*,?\s+"
    rf"(?:(?:is|was|being)\s+)?(?:worth|valued\s+at|with\s+an?\s+(?:total\s+)?investment\s+of|"
    rf"of|totall?ing|costing|hitting|reaching|at|involving|involves|involved)\s+"
    rf"(?:(?:{LOWER_Q}|{UPPER_Q}|{ABOUT_Q})\s+)?$",
    re.I,
)
_SINGLE_LAST = (
    (
        "worth",
        "at",
        "of",
        "totaling",
        "totalling",
        "costing",
        "hitting",
        "reaching",
        "involving",
        "involves",
        "involved",
    )
    + ARE_ABOVE_LAST
    + ("nearly", "about", "around", "approximately", "roughly", "almost", "some", "estimated")
)


def _may_single(s: str, start: int) -> bool:
    before = s[max(0, start - 20) : start]
    return (
        before[-1:].isspace()
        and may_end_with(before, _SINGLE_LAST)
        and has_any(
            " " + s[max(0, start - 140) : start].lower(),  # ' a ' at the sentence's start too
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
