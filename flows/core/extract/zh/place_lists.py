"""A list of places, each with its project count, after a head that names its items as places.
An item may note what its place includes (甲(含甲园区)9个).

County reports rank their places by count: 各县(市、区)依次为:甲13个,乙5个,丙区2个,丁、戊0个 /
各区县开工项目数分别为:甲24个、乙17个. Behind such a head an item's name needs no 区/县/市 suffix
(zh.counts' COUNT_G needs one): each item is the count of one place, zero counts are no group.
A count whose subject is a place (a list item, or 新港区22个) carries the place as its region,
so that two places with the same count stay two groups (extract.merge.other_group). Places
joined by 、 with one count each (甲、乙、丙新开工项目各4个) are one cohort per place.
"""

from __future__ import annotations

import copy
import re

from flows.core.extract.places import lookup
from flows.core.extract.zh.labels import sector_of
from flows.core.extract.zh.numerals import INT
from flows.core.extract.zh.tokens import Tok
from flows.core.model import CohortMention

# the head: a place word (县, 县(市、区), 各区县, 各地, 园区), a few words, then 依次为 / 分别为 and a colon
_HEAD = re.compile(
    r"(?:[县市区州旗镇乡]|各地|园区|开发区)(?:\([^()]{1,8}\))?[^,;。:\d()]{0,10}?"
    r"(?:依次为|依次是|分别为|分别是|分别有|排名为)\s*:"
    r"|(?:具体|主要)?分布(?:在|于|为|情况为)\s*:"  # 具体分布在:甲9个,乙3个 (a distribution is by place)
)
# one item: a name of 2-8 characters right after a separator, its count, then a separator or the end
_ITEM = re.compile(
    rf"(?:(?<=[,、;:])|^)\s*(?P<place>[\u4e00-\u9fff]{{2,8}}?)(?:\(含[^()]{{1,10}}\))?\s*(?P<num>{INT})\s*[个项宗](?=\s*[,;。、]|\s*$)"
)
_NOT_PLACE = re.compile(r"项目|业|领域|类|以上|以下|其中|合计|共计|总计|新增|累计")
_PLACE_END = tuple("区县市州旗镇乡村园")


def _not_place(name: str) -> bool:
    """An item that names no place: a word of another kind, or a field (生物医药12个, 现代物流5个)
    that does not end as a place does."""
    return _NOT_PLACE.search(name) is not None or (not name.endswith(_PLACE_END) and sector_of(name) is not None)


# places joined by 、 and the count each has (甲、乙、丙新开工项目各4个)
_EACH = re.compile(
    rf"(?:(?<=[,;:。])|^)\s*(?P<places>(?:[\u4e00-\u9fff]{{2,6}}、)+[\u4e00-\u9fff]{{2,6}}?)"
    rf"(?P<mid>[^\d,;。、:]{{0,10}}?)各\s*(?P<num>{INT})\s*[个项宗](?=[,;。、]|$)"
)
_EACH_HINT = re.compile(rf"各\s*(?:{INT})\s*[个项宗]")  # what every _EACH match holds
_PLACE_TAIL = re.compile(r"(?:^|[,、:;])\s*(?P<place>[\u4e00-\u9fff]{2,8})\s*$")
_SUFFIXED = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:区|县|市|州|旗|镇|乡)")


def place_list_counts(s: str) -> list[re.Match]:
    """The counts of the items of the place lists in sentence s (two items at least a list)."""
    if ":" not in s:
        return []
    found: list[re.Match] = []
    for head in _HEAD.finditer(s):
        end = len(s)
        for stop in (s.find("。", head.end()), s.find(";", head.end())):
            end = min(end, stop) if stop >= 0 else end
        items = [m for m in _ITEM.finditer(s, head.end(), end) if not _not_place(m.group("place"))]
        if len(items) >= 2:
            found += items
    return found


def place_labels(m: CohortMention, s: str, toks: list[Tok], start: int) -> None:
    """A count's place (place_region) and, for an item of a place list without a band of its
    own, the band the sentence gives before the list's head (新开工5000万元以上项目…依次为:…)."""
    m.region = place_region(s, start)
    if m.region is None or m.size_min is not None or m.size_max is not None:
        return
    heads = [h for h in _HEAD.finditer(s, 0, start) if h.end() <= start] if s.find(":", 0, start) >= 0 else []
    bands = [b for b in toks if b.kind == "band" and heads and b.end <= heads[-1].start()]
    if bands:
        m.size_min, m.size_max = bands[-1].size_min, bands[-1].size_max


def place_region(s: str, start: int) -> str | None:
    """The place a count at `start` belongs to: the bare name right before it, when it is an
    item of a place list or a name ending in 区/县/市 (English where the gazetteer knows it)."""
    m = _PLACE_TAIL.search(s, max(0, start - 12), start)
    if m is None or _not_place(m.group("place")):
        return None
    name = m.group("place")
    if name[0] in "全本该各此这":  # 全市, 本区: the whole, no place of a list
        return None
    if not _SUFFIXED.fullmatch(name) and not _head_before(s, start):
        return None
    place = lookup(name) or lookup(name + "市") or lookup(name + "县")
    return place.name_en if place else name


def _head_before(s: str, start: int) -> bool:
    """A list head (_HEAD) ends by `start` (every match ends on its colon: none without one)."""
    return s.find(":", 0, start) >= 0 and any(h.end() <= start for h in _HEAD.finditer(s, 0, start))


def each_counts(s: str) -> list[re.Match]:
    """The counts of 甲、乙、丙…各N个 (each place's)."""
    if "、" not in s or _EACH_HINT.search(s) is None:
        return []  # (every _EACH match holds 、 and 各N个: no scan of every position without)
    return [m for m in _EACH.finditer(s) if not _NOT_PLACE.search(m.group("places"))]


def each_place(s: str, found: list) -> None:
    """One cohort per place for a 甲、乙、丙…各N个 count: the mention is the first place's, a copy
    each for the others (appended to found, the (position, mention, hints) list of a sentence)."""
    copies = []
    for pos, m, hints in found:
        e = next((e for e in each_counts(s) if e.start("num") == pos), None) if s[pos - 1 : pos] == "各" else None
        if e is None or m.project_count is None:
            continue
        names = e.group("places").split("、")
        for i, name in enumerate(names):
            place = lookup(name) or lookup(name + "市") or lookup(name + "县") or lookup(name + "区")
            c = m if i == 0 else copy.copy(m)
            c.region = place.name_en if place else name
            if i:
                c.extra = dict(m.extra)
                copies.append((pos, c, dict(hints)))
    found.extend(copies)
