"""The sector of a counted group whose own words name none: the words around the count name it
(13个产业项目和1个基金项目; 项目14个,均为工业项目; 重大基础设施次之,分别为128个和2428亿元; 涉及A、B等领域
after it; a topic clause before it; 数字经济项目包括…等4类,共37个). Used by zh.article for counts.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start
from flows.core.extract.zh.fast import may_hold
from flows.core.extract.zh.labels import fields_sector, first_of_kinds, generic_only, ranked_group_sector, sector_of
from flows.core.extract.zh.numerals import SIBLING_COUNT
from flows.core.extract.zh.rounds import last_round, round_sector, rounds
from flows.core.extract.zh.tokens import Tok
from flows.core.model import CohortMention


def group_sector(s: str, toks: list[Tok], k: int, lo: int, money: Tok | None) -> str | None:
    """The sector of count toks[k] (its clause starting at lo, its total `money`) from its context."""
    t = toks[k]
    sibling = sector_of(t.mid + "项目") if t.mid and SIBLING_COUNT.match(s, t.end) else None
    return (
        sibling  # 13个产业项目和1个基金项目: one category beside another, 产业项目 is manufacturing
        or _all_of_kind(s, t.end)
        or (money is not None and k + 1 < len(toks) and toks[k + 1] is money and _all_of_kind(s, money.end))
        or _respectively_sector(s, lo, t.start)
        or _fields_after(s, toks, k, money)
        or _topic_sector(s, lo)
        or _lead_group_sector(s, toks, k)
        or _named_after(s, t.end)
        or _examples_after(s, t.end)
        or _round_sector(s, t.start)
        or _batch_before(s, lo)
    )


# the clause before names the batch the count's clause counts (集中开工一批交通基础设施项目,共17个;
# 签约项目涉及物流、商贸等现代服务业,共9个), no figure in it (a round named by its field is zh.rounds')
_BATCH = re.compile(
    r"[^,;:。\d]*?(?:一批(?P<batch>[^,;:。\d]{2,16}?)项目"
    r"|[^,;:。\d]{0,12}?项目(?:涉及|涵盖|覆盖)(?P<fields>[^,;:。\d]{2,40}))\s*"  # 签约项目涉及A、B等X,共9个
)
_TOTAL_OPEN = ("共", "合计", "总计")


def _batch_before(s: str, lo: int) -> str | None:
    """The field of the batch the clause before names, when the count's clause sums that batch
    (共N个 / 合计 / 总计): a count of its own (全市共开工项目120个, 全县累计签约项目56个) is a whole of which
    the batch may be one part, and a list of fields of several sectors names no one field."""
    if lo < 6 or s[lo - 1] != "," or not s.startswith(_TOTAL_OPEN, lo):
        return None
    m = _BATCH.fullmatch(s, clause_start(s, lo - 1, soft=False), lo - 1)
    if m and m.group("fields"):
        return one_field(m.group("fields"))
    field = m and m.group("batch")
    return None if not field or generic_only(field) else sector_of(field)


_LIST_SPLIT = re.compile(r"[、和及与]|以及|等")
_LIST_FILLER = re.compile(r"(?:多个|诸多|众多)?(?:产业|领域|行业|方面|板块)*")


def one_field(text: str) -> str | None:
    """The sector of a list of fields (装备制造、生物医药和文化旅游; 物流、商贸等现代服务业) when every
    item gives the same one; a list of two sectors or more (or an item naming none) gives none."""
    items = [x for x in _LIST_SPLIT.split(text) if not _LIST_FILLER.fullmatch(x.strip())]
    codes = {sector_of(x) for x in items}
    return codes.pop() if len(codes) == 1 and None not in codes and not generic_only(text) else None


def _round_sector(s: str, start: int) -> str | None:
    """The field a round of projects is named by (…数字经济重大项目集中签约仪式), earlier in the
    count's sentence: the sector of its projects when it is one specific sector (zh.rounds)."""
    return round_sector(last_round(s, start))


# the group's projects listed after it (16个签约项目包括A、B、C等)
_EXAMPLES_AFTER = re.compile(r"[^,;。:\d]{0,8}?(?:包括|包含|涵盖|有)\s*(?P<list>[^;。:\d]{6,240}?)等")


_COUNT_EXAMPLES = re.compile(r"\d\s*[个项][^,;。:\d]{0,8}?项目(?:包括|包含|涵盖|有)[^;。:\d]{6,240}?等")


def lists_examples(evidence: str) -> bool:
    """The sentence lists a count's projects (16个签约项目包括A、B等): a restatement naming them."""
    return bool(_COUNT_EXAMPLES.search(evidence))


def _examples_after(s: str, end: int) -> str | None:
    """The sector of a group whose listed projects (A、B、C等) name one sector: at least two name it,
    none names another, at most one names none (牟平区米度CRO)."""
    m = _EXAMPLES_AFTER.match(s, end)
    if m is None:
        return None
    codes = [sector_of(item, head="left") for item in m.group("list").split("、")]
    named = {c for c in codes if c}
    if len(named) != 1 or len(codes) - codes.count(None) < 2 or codes.count(None) > 1:
        return None
    return named.pop()


# the projects a count stands for, named right after it (央企项目1个,为A光伏发电项目,计划总投资X)
_NAMED_AFTER = re.compile(r"\s*[,:]\s*(?:即|为|是)(?P<name>[^,;。:\d]{2,30}?项目)\s*(?=[,;。]|$)")


def _named_after(s: str, end: int) -> str | None:
    m = _NAMED_AFTER.match(s, end)
    return sector_of(m.group("name")) if m else None


# the group's kind stated after it or after its own total (签约引进项目14个,均为工业项目 / 生物医药产业园
# 引进项目15个,总投资90亿元,全部为生物医药项目: the zone's field, dropped by zh.zone_subject, comes back)
_ALL_OF_KIND = re.compile(r"(?:元)?\s*,\s*(?:均为|全部为|全部是|全为|均是|都是)(?P<group>[^,;。\d]{1,14}?项目)")


def _respectively_sector(s: str, lo: int, pos: int) -> str | None:
    """重大基础设施次之,分别为128个和2428亿元: a count after 分别 belongs to the group its
    segment named before it."""
    if not s.startswith("分别", lo) or pos - lo > 6:
        return None
    seg = max(s.rfind(";", 0, lo), s.rfind("。", 0, lo)) + 1
    return sector_of(s[seg:lo])


def _all_of_kind(s: str, end: int) -> str | None:
    m = _ALL_OF_KIND.match(s, end)
    return sector_of(m.group("group")) if m else None


# a segment opening on its group and what it holds (数字经济项目包括A、B等4类,共37个,总投资X)
_GROUP_LEAD = re.compile(r"(?:^|(?<=[,:;。])|(?<=其中))\s*(?P<group>[^,;。:、\d]{2,12}?项目)(?:包括|包含|涵盖|分为)")
_GROUP_LEAD_WORDS = ("包括", "包含", "涵盖", "分为")  # every _GROUP_LEAD match ends with one


_COUNT_BETWEEN = re.compile(r"\d\s*[个项宗](?!类)")


def _lead_group_sector(s: str, toks: list[Tok], k: int) -> str | None:
    """A count resumed after its group's description (…项目包括…等4类,共37个): the sector of the
    group the segment opens on, when no other figure stands between."""
    t = toks[k]
    seg = max(s.rfind(";", 0, t.start), s.rfind("。", 0, t.start), s.rfind(":", 0, t.start)) + 1
    m = None
    if not may_hold(s, seg, t.start, _GROUP_LEAD_WORDS):
        return None
    for m in _GROUP_LEAD.finditer(s, seg, t.start):  # noqa: B007 - keeps the last
        pass
    if m is None or (k and toks[k - 1].end > m.start()) or _COUNT_BETWEEN.search(s, m.end(), t.start):
        return None
    own = sector_of(m.group("group").removeprefix("其中"))
    if own is None:  # 县域经济项目包括基础设施、农业产业化…等3类: the kinds, a closed list
        kinds = _KINDS.match(s, m.end(), t.start)
        own = first_of_kinds(kinds.group(1)) if kinds else None
    return own


_KINDS = re.compile(r"([^,;。:等\d]{2,40})等?\s*[\d一二三四五六七八九十]+\s*(?:类|大类|个类别|种)")


# a topic clause opening the group's sentence: 清洁能源方面,签约…等项目9个 / 在生物医药领域,…
_TOPIC = re.compile(
    r"(?:在|从|围绕|(?:大力)?开展)?([^,;:。\d]{2,12}?)"
    r"(?:方面|领域|板块|招商(?:成果|工作)[^,;:。\d]{0,6}|项目招商引资)\s*[,:]"  # 开展现代农业项目招商引资,共促成…
)


_TOPIC_WORDS = ("方面", "领域", "板块", "招商")  # what every _TOPIC match holds


def _topic_sector(s: str, lo: int) -> str | None:
    """The sector a topic clause right before the count's clause names, no figure between."""
    if lo < 3 or s[lo - 1] not in ",:":
        return None
    a = clause_start(s, lo - 1, soft=False)
    m = _TOPIC.fullmatch(s, a, lo) if may_hold(s, a, lo, _TOPIC_WORDS) else None
    if m:
        return sector_of(m.group(1))
    clause = s[a : lo - 1]  # 其次是第三产业,签约项目96个: category words end in 业 (服务业, 第二产业)
    if "业" in clause or "民生" in clause:
        ranked = ranked_group_sector(clause)
        if ranked:
            return ranked
    return _opening_topic(s, lo)


# a segment opening on its field, asides before the count (在软件信息领域,以工业软件为突破口,签约项目14个)
_OPENING_TOPIC = re.compile(r"\s*(?:此外|另外|同时)?\s*,?\s*在([^,;:。\d]{2,14}?)(?:领域|方面|板块)\s*,")
_DIGIT = re.compile(r"\d")


def _opening_topic(s: str, lo: int) -> str | None:
    """The field a segment opens on (在X领域,), one or two asides without figures between it and
    the count's clause."""
    seg = max(s.rfind(";", 0, lo), s.rfind("。", 0, lo)) + 1
    m = _OPENING_TOPIC.match(s, seg, lo)
    if m is None or lo - m.end() > 40 or _DIGIT.search(s, m.end(), lo):
        return _places_topic(s, seg, lo)
    return sector_of(m.group(1))


# a segment opening on places of one field (全省100个现代高效农业示范园区发展势头强劲,签约项目371个)
_PLACES_TOPIC = re.compile(
    r"\s*(?:全省|全市|全区|全县)?\s*\d+\s*个([^,;:。\d]{2,14}?)(?:示范园区|园区|景区|产业园|基地)[^,;:。\d]{0,12},"
)
_PLACES_WORDS = ("园区", "景区", "产业园", "基地")  # every _PLACES_TOPIC match holds one


def _places_topic(s: str, seg: int, lo: int) -> str | None:
    """The field of the places a segment opens on, the count's clause after it (one aside may come
    between): a specific sector only (产业园区 names none)."""
    m = _PLACES_TOPIC.match(s, seg, lo) if may_hold(s, seg, lo, _PLACES_WORDS) else None
    aside = s[m.end() : lo] if m else ""  # one aside may come between (完成投资176亿元,)
    if m is None or len(aside) > 20 or aside.count(",") > 1 or "个" in aside or generic_only(m.group(1)):
        return None
    return sector_of(m.group(1))


def _fields_after(s: str, toks: list[Tok], k: int, money: Tok | None) -> str | None:
    """签约项目67个,签约金额X,涉及A、B等领域: the fields listed after a count (and its amount),
    no other count between."""
    at = max(toks[k].end, money.end if money else 0)
    nxt = next((u.start for u in toks[k + 1 :] if u.kind == "count"), len(s))
    fields, end = fields_sector(s[at:])
    return fields if fields and at + end <= nxt else None


def basket_from_parts(mentions: list[CohortMention]) -> None:
    """涉及五大支柱产业的项目199个,其中电子信息项目34个,装备制造项目63个…: a basket of industries
    broken out into its sectors right after is the closed list of them; it takes the first part's
    sector (a reader files it under any of its parts), as a closed list of sectors does."""
    for i, m in enumerate(mentions):
        if not m.extra.pop("basket", False) or m.sector_code is not None:
            continue
        parts = [k for k in mentions if k.parent == i and k.project_count and k.sentence_index == m.sentence_index]
        if len(parts) >= 2 and all(k.sector_code for k in parts):
            m.sector_code = parts[0].sector_code


_ROUND_TAIL = re.compile(r"\W{0,3}")  # what may follow a round ending the sentence before (。 and a \n)


_FRAME_COUNT = re.compile(r"[\d,.]+\s*[个项][^,;。\d]{0,12}?项目(?:中|里|当中)")


def round_sectors(s: str, state: dict, found: list) -> None:
    """Counts and totals naming no sector take the field of a round named earlier in their sentence
    (2022生物医药投资推介会上,…总金额约120亿元) or ending the sentence before (…重大项目集中签约仪式。
    A、B等41个重大项目集中签约), or of the round a sentence opening on 会后/会上 goes back to (…文旅
    产业投资推介会举行…。会后还举行了项目签约仪式,19个项目现场签约)."""
    prev = state.get("prev", "")
    last = rounds(prev)[-1] if prev and rounds(prev) else None
    before = round_sector(last) if last and _ROUND_TAIL.fullmatch(prev, last[1]) else None
    own = _round_sector(s, len(s)) if found else None
    if not own and found and _AFTER_MEETING.match(s):
        before = before or _meeting_field(state.get("sents") or [], found[0][1].sentence_index)
    framed = "项目中" in s or "项目里" in s or "项目当中" in s  # (what every _FRAME_COUNT match ends with)
    for pos, m, _ in found:
        if framed and _FRAME_COUNT.match(s, pos):  # 从283个签约项目中遴选出41个: the pool, not the round
            continue
        if m.sector_code is None and not m.project_name and not m.extra.get("basket"):
            m.sector_code = own or before


def _meeting_field(sents: list[str], i: int) -> str | None:
    """The field of the last round named in the few sentences before sentence i; none when another
    meeting is named after it (…推介会举行。…召开经济运行分析会议。会上通报…: that meeting's 会上)."""
    for x in sents[max(0, i - _MEETING_REACH) : i][::-1]:
        if rounds(x):
            return round_sector(rounds(x)[-1])
        if _OTHER_MEETING.search(x):
            return None
    return None


_MEETING_REACH = 4
# a sentence going back to the meeting named before it (会后 / 会上 / 会议期间)
_AFTER_MEETING = re.compile(r"\s*(?:会后|会上|会议期间|推介会上|推介会后)")
# a meeting of another kind (经济运行分析会议, 工作会, 座谈会, 论坛) named between the round and 会上
_OTHER_MEETING = re.compile(r"(?:召开|举行|举办|主持)[^,;。]{0,16}?(?:会议|工作会|座谈会|论坛|峰会|大会)")
