"""A sentence after a counted group that only lists the group's fields (开工项目涵盖A、B等新兴产业领域 /
这批项目涉及A、B等领域), no figure of its own: the fields' one sector is the group's. Used by
zh.post_passes.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.labels import FIELDS_VERB, fields_sector, generic_only, sector_of
from flows.core.extract.zh.words import THIS_BATCH, THIS_ROUND
from flows.core.model import CohortMention

# a sentence opening on the projects just counted and what they cover
_FIELDS_LEAD = re.compile(rf"\s*(?:{THIS_BATCH})?[^,;。\d]{{0,6}}?项目(?:主要)?(?:{FIELDS_VERB})")
# the fields named as one kind after 等 (A、B、C等新兴产业领域): the kind is the group's field
# (its own ending, not labels' 领域|产业|行业|方面: a kind may itself end in 产业, 等新兴产业领域)
_KIND_AFTER = re.compile(r"等(?P<kind>[^,;。:、\d]{2,8}?)(?:领域|行业)")
_DIGIT = re.compile(r"\d")


def fields_next(sentences: list[str], mentions: list[CohortMention]) -> list[CohortMention]:
    """Give the one group of the sentence before a fields-only sentence the sector of its fields."""
    drive_before(sentences, mentions)
    mixed_round(sentences, mentions)
    names_next(sentences, mentions)
    for i, s in enumerate(sentences):
        if i == 0 or not _FIELDS_LEAD.match(s) or _DIGIT.search(s):
            continue
        tops = [m for m in mentions if m.sentence_index == i - 1 and m.parent is None and m.project_count]
        if len(tops) != 1 or tops[0].sector_code or tops[0].project_name:
            continue
        tops[0].sector_code = _sector(s)
    return mentions


# a sentence naming an event the platform of one field's investment drive, no figure
# (…也是海南农业招商引资的主战场); a field's 招商工作 in general (要抓好文旅招商工作) names no platform
_DRIVE = re.compile(
    r"[是为](?P<field>[^,;。:\d“”的]{2,8}?)招商(?:引资)?的[^,;。\d]{0,6}?(?:平台|主战场|战场|窗口|阵地|舞台|载体|渠道)"
)


def drive_before(sentences: list[str], mentions: list[CohortMention]) -> None:
    """Counts of a sentence that names no field take the field of the investment drive the sentence
    just before names (冬交会也是农业招商引资的主战场。今年冬交会签约投资项目40个…)."""
    for m in mentions:
        i = m.sentence_index
        if m.sector_code or m.project_name or m.parent is not None or not i or _DIGIT.search(sentences[i - 1]):
            continue
        drive = _DRIVE.search(sentences[i - 1])
        if drive is None or generic_only(drive.group("field")) or sector_of(m.evidence):
            continue
        m.sector_code = sector_of(drive.group("field"))
        for k in mentions:  # its parts naming no field of their own (投资额超亿元的项目有17个)
            if k.parent is not None and mentions[k.parent] is m and not k.sector_code and not k.project_name:
                k.sector_code = m.sector_code


# a sentence giving the fields of the whole round (本次集体签约合作领域包括A、B、C等多个领域)
_ROUND_FIELDS = re.compile(
    rf"\s*(?:{THIS_ROUND})[^,;。\d]{{0,12}}?(?:包括|涉及|涵盖|覆盖)(?P<list>[^,;。:\d]{{4,80}}?)等(?:多个|诸多|众多)?(?:领域|行业)"
)
_ITEMS = re.compile(r"[、,]|以及")


def mixed_round(sentences: list[str], mentions: list[CohortMention]) -> None:
    """A round whose fields sentence lists three or more fields of different sectors is a mix: a group
    counted a sentence or two before it whose sector came only from its examples (A基地、B农庄等18个项目)
    loses it."""
    for i, s in enumerate(sentences):
        hit = _ROUND_FIELDS.match(s)
        if hit is None:
            continue
        codes = [sector_of(x) for x in _ITEMS.split(hit.group("list"))]
        if len([c for c in codes if c]) < 3 or len({c for c in codes if c}) < 2:
            continue
        for m in mentions:
            if 1 <= i - m.sentence_index <= 2 and m.sector_code and m.parent is None and not m.project_name:
                if _from_examples(m):
                    m.sector_code = None


def _from_examples(m: CohortMention) -> bool:
    """m's sector comes from examples before 等: its own words after them name none."""
    if not m.project_count:
        return False
    hit = next((h for h in _EXAMPLES_END.finditer(m.evidence) if int(h.group(1)) == m.project_count), None)
    return hit is not None and sector_of(m.evidence[hit.start() + 1 : hit.end()]) is None


# the end of examples before a group's count (A、B等18个)
_EXAMPLES_END = re.compile(r"等\s*(\d+)\s*[个项]")


def _sector(s: str) -> str | None:
    own, _ = fields_sector(s)
    if own:
        return own
    kind = _KIND_AFTER.search(s)
    if kind is None or generic_only(kind.group("kind")):
        return None
    return sector_of(kind.group("kind"))


# a sentence naming each project of the group counted before it (这5个项目分别是:A项目、B小镇、C度假区)
_NAMES_LEAD = re.compile(
    r"\s*(?:据悉|据了解|据介绍|其中)?\s*,?\s*(?:这|该|上述|此)\s*(?P<n>\d+)\s*个[^,;。\d]{0,6}?项目"
    r"(?:分别)?(?:是|为|包括)\s*:?"
)
_NAME_SPLIT = re.compile(r"、|以及|和")


def names_next(sentences: list[str], mentions: list[CohortMention]) -> None:
    """The group of the sentence before, counted N and naming no field, takes the one field its N
    named projects give (at least half of them naming it, none another)."""
    for i, s in enumerate(sentences):
        lead = _NAMES_LEAD.match(s) if i and "项目" in s else None
        if lead is None:
            continue
        n = int(lead.group("n"))
        group = [m for m in mentions if m.sentence_index == i - 1 and m.project_count == n and not m.project_name]
        if len(group) != 1 or group[0].sector_code:
            continue
        items = [x for x in _NAME_SPLIT.split(s[lead.end() :].split("。")[0]) if x.strip()]
        codes = [c for c in (sector_of(x, head="left") for x in items) if c]
        if len(items) >= 2 and len(set(codes)) == 1 and 2 * len(codes) >= len(items):
            group[0].sector_code = codes[0]
