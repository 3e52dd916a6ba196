"""Chinese cohort rules: an article's sentences -> CohortMention list.

zh_scan finds the figure tokens of a sentence; here a project count takes the money of its own
or the next clause (项目678个、投资总额6178亿元), or of a later clause when only asides lie between
(381个,比去年同期多出38个;总投资…), a size band before or inside it (亿元以上项目607个, 156个亿元以上
重大项目); a count that opens a frame (在…42个项目中,) takes no money. 分别 lists pair in order (counts, amounts, or project names), 其中 / 在…项目中 make
subsets (`parent`), named projects with their own amount are cohorts of one (also in numbered
lists, after 建设, or named by the sentence that 该项目 refers to), and zh_cohorts joins a count
with the next sentence's 这批项目 amount, labels stages and drops restated headline figures.
A 、-joined predicate may lie between a count and its amount (108个项目集中开工、竣工,总投资…); a
band may follow the count (3个项目投资超过50亿元); a 其中 subset of a banded group keeps the band; names
enumerated before a 分别 amount list pair with it (分别是A项目和B项目,总投资分别为X和Y); local_yuan: NT dollars.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import boundaries, clause_id, clause_start
from flows.core.extract.zh.cohorts import finish
from flows.core.extract.zh.count_sector import group_sector, round_sectors
from flows.core.extract.zh.counts import examples_total_end
from flows.core.extract.zh.echoes import band_echo
from flows.core.extract.zh.labels import basket, sector_of, stage_of
from flows.core.extract.zh.lists import inline_counts, paired_lists
from flows.core.extract.zh.local_yuan import local_yuan
from flows.core.extract.zh.named_refs import SEGMENT, anaphora_name, named_sector, segment_start
from flows.core.extract.zh.names import name_before, without_names
from flows.core.extract.zh.pairing import next_amount, not_before_count
from flows.core.extract.zh.past_totals import without_past_totals
from flows.core.extract.zh.phase_name import phase_name, phase_of_total
from flows.core.extract.zh.place_lists import each_place, place_labels
from flows.core.extract.zh.post_passes import post_passes
from flows.core.extract.zh.quoted_name import quoted_name
from flows.core.extract.zh.scan import scan
from flows.core.extract.zh.sentence_gate import may_carry, repair
from flows.core.extract.zh.stage_sum import stage_sum
from flows.core.extract.zh.subsets import link
from flows.core.extract.zh.tokens import Tok
from flows.core.extract.zh.venue_parts import venue_parts
from flows.core.extract.zh.words import THE_GROUP, THIS_BATCH
from flows.core.extract.zh.zone_subject import zone_subject
from flows.core.model import CohortMention

_FRAME = re.compile(
    r"(?:^|(?<=[;。]))[^,;。]{0,30}?项目(?:里|中|当中)\s*,"
    r"|(?<=,)[^,;。]{0,20}?\d+\s*个[^,;。\d]{0,16}?项目(?:里|中|当中)\s*,"  # …,签约的3264个亿元以上项目中,
    r"|(?<=[,;。])属于\d+\s*个的?[^,;。\d]{0,16}?项目\s*,"  # 属于101个的重大项目,已有11个…: of those (labels, wt-zh9)
)
_PLACE_ITEM = re.compile(r"[\s、]*[\u4e00-\u9fff]{1,6}?(?:区|县|市|州|旗|镇|乡)\s*")
_PLACE_ENDS = frozenset("区县市州旗镇乡")  # a _PLACE_ITEM's last character before its spaces (a pre-check)
_RESUMED = re.compile(r"\s*(?:数量|总数|个数)?(?:也|则|已|就|另)?(?:多达|达到?|共有|共计|合计|有)\s*")
_CUE = re.compile(r"投资|总额|金额|揽金|引资|签约|签下|签订|资金|合同|总值|总计|内资|外资|民资")
# 这批项目总投资X: the group before
_ANAPHOR = re.compile(rf"(?:{THE_GROUP})(?:[^\d,;。]{{0,4}})?项目")
# a sentence that opens on this round's projects and their total (本次集中开工的重大项目总投资1.33万亿元)
# (本次签约项目包括A、B等,总投资X: its examples between)
_THIS_ROUND = re.compile(
    rf"\s*(?:{THIS_BATCH})[^\d,;。]{{0,10}}?(?:的[^\d,;。]{{0,8}}?)?项目\s*"
    r"(?:(?:包括|涵盖|涉及|有)[^;。]{0,80}?等[^\d,;。]{0,8},\s*)?"
    r"(?:投资总额|总投资额?|签约总?金额|签约总额|协议总?投资额?|合同总?金额)\s*(?:为|达到?|约|共计|合计)?\s*"
)
# a sentence that opens on a bare total (…项目总数为104个。投资总额达689.2亿元): the same group
_BARE_TOTAL = re.compile(
    r"(?:投资总额|总投资额?|签约总?金额|签约总额|协议总?投资额?|合同总?金额)\s*(?:为|达到?|约|共计|合计)?\s*"
)
# a ranked group named in one clause and its total in the next (投资额最大的为文化旅游项目,共计158亿元)
_GROUP_THEN_TOTAL = re.compile(
    r"(?:为|是)(?P<group>[^,;。、\d]{2,12}?(?:类|产业)?项目),\s*(?:共计|合计|总计|共|计|达到?)\s*$"
)
# 其中,A工程意义重大,该项目…总投资X亿元: the project the sentence opens with
_BARE_PREDICATE = re.compile(r"\s*(?:为|达到?|共计|合计)\s*")
_CLAUSE_END = re.compile(r"[,;:。!?、()]|其中")
# a stock of enterprises (港资企业累计超过1800家,累计投资额逾300亿美元): no project cohort
_FIRM_STOCK = re.compile(r"累计[^。;]{0,12}?\d[\d,]*\s*(?:余|多)?\s*家|\d[\d,]*\s*(?:余|多)?\s*家[^。;]{0,12}?累计")


def extract_zh(sentences: list[str]) -> list[CohortMention]:
    out: list[CohortMention] = []
    state = {"last_top": None, "first_top": None, "sents": sentences}
    for i, s in enumerate(sentences):
        s = without_past_totals(repair(s), sentences)  # 历届…累计 / 2005年至今…累计 (zh.past_totals)
        if not may_carry(sentences, i, s):
            continue
        toks = scan(s)
        if any(t.kind in ("count", "amount", "named") for t in toks):
            state["prev"] = sentences[i - 1] if i else ""
            _sentence(s, i, toks, out, state)
        elif out and "以上" in s:  # 此次签约的项目投资额均在一亿美元以上: the band of the group before
            band_echo(s, i, toks, out)
    return local_yuan(sentences, post_passes(sentences, finish(out)))


def _prev_end(toks: list[Tok], k: int) -> int:
    for t in reversed(toks[:k]):
        if t.kind in ("count", "amount", "named", "ref"):
            return t.end
    return 0


def _prev_amount(s: str, toks: list[Tok], k: int, bounds: list[int]) -> Tok | None:
    t = toks[k]
    for u in reversed(toks[:k]):
        if u.kind in ("count", "named", "ref") or "其中" in s[u.end : t.start]:
            return None
        if u.kind == "amount" and not u.used and not u.listed:
            if not_before_count(s, u.end, t.start, t.end):
                return None  # 总投资X,包括13个…和15个…: the whole's; 总投资X的项目签约,储备项目N个: its own group's
            near = clause_id(bounds, t.start) - clause_id(bounds, u.end) <= 1 or examples_total_end(s, u.end) >= t.end
            return u if near and _CUE.search(s[clause_start(s, u.start) : u.start]) else None
    return None


def _band_before(toks: list[Tok], lo: int, hi: int) -> Tok | None:
    """The size band before a count, or inside it (156个亿元以上重大项目)."""
    bands = [b for b in toks if b.kind == "band" and not b.used and lo <= b.start < hi]
    if not bands:
        return None
    last = bands[-1]
    if len(bands) > 1 and last.size_min is None and bands[-2].size_max is None and last.start - bands[-2].end <= 1:
        last.size_min, bands[-2].used = bands[-2].size_min, True  # 5000万元以上1亿元以下: both bounds
    elif len(bands) > 1 and last.size_max is None and bands[-2].size_max is None:
        return None  # 项目(3000万元以上工业项目、亿元以上其它项目)173个: a mixed criterion, no band
    return last


_EACH_GAP = re.compile(r"\s*(?:[^,;。\d]{0,6}?项目)?的?(?:单体)?投资(?:额|规模)?均?在?\s*|\s*均?[为是]\s*")


def _band_after(s: str, toks: list[Tok], k: int) -> Tok | None:
    """3个项目投资超过50亿元 / 其中5个为10亿元以上项目: the band right after the count, only 投资 or 为 between."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and nxt.kind == "band" and not nxt.used and _EACH_GAP.fullmatch(s, toks[k].end, nxt.start):
        return nxt
    return None


def _mention(s: str, idx: int, **kw) -> CohortMention:
    return CohortMention(evidence=s, sentence_index=idx, **kw)


def _sentence(s: str, idx: int, toks: list[Tok], out: list[CohortMention], state: dict) -> None:
    """The cohorts of one sentence: counts with their amounts and bands, 分别 lists, then the
    named projects and totals left over, linked in text order."""
    bounds = boundaries(s)
    frames = list(_FRAME.finditer(s)) if ("项目中" in s or "项目里" in s or "项目当中" in s or "属于" in s) else []
    inline_counts(s, toks)
    venue_parts(s, toks)  # 共设6个会场,其中开工项目5个、竣工项目1个: venues (zh.venue_parts)
    found: list[tuple[int, CohortMention, dict]] = []  # (position, mention, hints)
    frame_refs: dict[int, int] = {}  # a frame's own count (…的42个项目中,)
    for k, t in enumerate(toks):
        if t.kind != "count" or t.used:
            continue
        for f in frames:
            if t.end <= f.end() and (f is frames[0] or t.start >= f.start()):
                frame_refs[f.start()] = t.value
        if not t.listed:
            found.append(_count_mention(s, idx, toks, k, bounds))
    paired_lists(s, idx, toks, found)
    each_place(s, found)  # 甲、乙、丙新开工项目各4个: one cohort per place
    for k, t in enumerate(toks):
        if t.used or t.listed or t.kind not in ("amount", "named"):
            continue
        if t.kind == "amount" and (
            not t.approx or s[t.start] in "约达" or s.startswith("高达", t.start)
        ):  # 约/达/高达 are no bounds
            t.name = (
                name_before(s, t.start)
                or anaphora_name(s, t.start, state.get("prev", ""))
                or phase_name(s, t.start)  # 投资建设A项目,一期投资X (zh.phase_name)
                or quoted_name(s, t.start)  # 「A产业园区」签约金额X (zh.quoted_name)
            )
            if t.name:
                t.kind = "named"
        if t.kind == "named":
            found.extend(_named_mentions(s, idx, toks, k))
            continue
        total = _total_mention(s, idx, toks, k)
        if total is not None:
            found.append(total)
    stage_sum(s, idx, toks, found)  # 开工8个、签约10个,总投资X: the sum's (zh.stage_sum)
    round_sectors(s, state, found)  # a round of one field named before (zh.count_sector)
    link(s, found, out, state, frames, frame_refs)


def _take_amount(m: CohortMention, money: Tok) -> None:
    money.used = True
    m.amount, m.currency, m.approximate = money.value, money.currency, money.approx
    if money.alt:
        m.alt_amount, m.alt_currency = money.alt


def _take_band(m: CohortMention, band: Tok) -> None:
    band.used = True
    m.size_min, m.size_max = band.size_min, band.size_max


def _count_mention(s: str, idx: int, toks: list[Tok], k: int, bounds: list[int]) -> tuple[int, CohortMention, dict]:
    """A project count with the amount and size band that belong to it, its sector and the
    texts its stage is read from."""
    t = toks[k]
    lo = max(_prev_end(toks, k), clause_start(s, t.start, soft=False))
    if _RESUMED.fullmatch(s, lo, t.start) and lo:  # X项目占比超九成,达117个: X is the subject
        lo = max(_prev_end(toks, k), clause_start(s, lo - 1, soft=False))
    head = t.start + 2 if s.startswith("项目", t.start) else t.start
    subject = s[lo:head] + t.mid
    money = next_amount(s, toks, k, bounds) or _prev_amount(s, toks, k, bounds)
    band = _band_before(toks, lo, t.end) or (
        _band_after(s, toks, k) if k + 1 < len(toks) and toks[k + 1].kind == "band" else None
    )
    m = _mention(s, idx, project_count=int(t.value))
    if money:
        _take_amount(m, money)
    if band:
        _take_band(m, band)
    place_labels(m, s, toks, t.start)  # 依次为:甲13个,乙5个: each item's place, the list's band
    if money is None and s.startswith("项目", t.start) and "、" in (s[t.end : t.end + 1], s[lo - 1 : lo]):
        m.extra["field_item_at"] = t.start  # 新签约项目3个、新供地项目3个: two items stay two (merge)
    place = subject.rstrip()[-1:] in _PLACE_ENDS and _PLACE_ITEM.fullmatch(subject)  # (rstrip: \s's spaces)
    m.sector_code = None if place else sector_of(zone_subject(subject))  # 新港区22个: a place (zh.zone_subject)
    if m.sector_code is None:
        m.sector_code = group_sector(s, toks, k, lo, money)
        if m.sector_code is None and basket(subject):  # its parts may name it (zh.count_sector)
            m.extra["basket"] = True
    win = s[segment_start(s, t.start, _prev_end(toks, k)) : t.end]
    after = s[t.end :]
    tail = _CLAUSE_END.search(after)  # its own clause, predicate included (326个项目建成投产)
    at = max(lo, clause_start(s, t.start))
    if money and money.end <= t.start:  # 签下总额达19亿元的6个招商引资项目: the verb before its amount
        at = min(at, clause_start(s, money.start))
    clause = s[at : t.end] + after[: tail.start() if tail else None]
    own = stage_of(clause) or stage_of(win)
    if money and money.start > t.end and own in (None, "promoted"):  # 揽获6个项目,签约总金额X: signed
        own = _cue_stage(s, money.start) or own
    return (t.start, m, {"own": own, "before": s[: t.start], "after": after})


def _cue_stage(s: str, a: int) -> str | None:
    """The stage the words right before a count's own total state (签约总金额, 开工总投资)."""
    cue = s[clause_start(s, a) : a]
    return stage_of(cue) if len(cue) <= 10 and "签" in cue else None


_LOCATED = re.compile(
    r"(?:^|(?<=[亿万]元)),?\s*(?:落户|落地|位于)[^,;。、]{1,14}?的"
    r"|(?<=项目)(?:落户|位于|选址)(?:于|在)?[^,;。、\d]{1,14}"  # A项目落户某园区: where, not a stage
)


def _named_mentions(s: str, idx: int, toks: list[Tok], k: int) -> list[tuple[int, CohortMention, dict]]:
    """A named project's amount: one cohort per name (分别投资X,兴建A和B: one amount each)."""
    t = toks[k]
    seg = SEGMENT.split(s[t.end :])[0]
    before = s[: t.start]  # the list's lead (新签约的项目分别是:1、…)
    if "落" in s or "位于" in s:  # 投资12亿元,落户某区的A项目: a place, no stage
        seg, before = _LOCATED.sub("", seg), _LOCATED.sub("", before)
    found, seg, before = [], without_names(seg, toks), without_names(before, toks)  # a name's 储备: no verb
    for name in t.names or (t.name,):
        m = _mention(
            s,
            idx,
            project_count=1,
            amount=t.value,
            currency=t.currency,
            approximate=t.approx,
            project_name=name,
            sector_code=named_sector(s, toks, k, name),
        )
        found.append((t.start, m, {"own": stage_of(seg), "before": before, "named": True}))
    return found


def _total_mention(s: str, idx: int, toks: list[Tok], k: int) -> tuple[int, CohortMention, dict] | None:
    """An amount no count took: a cohort of its own when its clause names it as an investment
    total (投资, 签约, 总额…), not when it is a stock of enterprises."""
    t = toks[k]
    lo = clause_start(s, t.start, soft=False)
    if phase_of_total(s, lo, t.start):  # 总投资X,一期投资Y: a part of X (zh.phase_name)
        return None
    named = _GROUP_THEN_TOTAL.search(s, max(0, lo - 40), t.start) if lo and s[lo - 1] == "," else None
    if not _CUE.search(s[lo : t.start]) and not _place_amount(s, lo, t.start) and not named:
        if not (lo and _BARE_PREDICATE.fullmatch(s, lo, t.start) and _CUE.search(s, clause_start(s, lo - 1), lo)):
            return None  # (外资项目投资额比例较重,为X: the clause before names the total)
    if "家" in s[lo - 30 if lo > 30 else 0 : t.start] and _firm_stock(s, t.start):
        return None
    band = _band_before(toks, lo, t.start)
    own = s[max(clause_start(s, t.start), _prev_end(toks, k)) : t.start]
    if named and named.start() >= _prev_end(toks, k):  # 投资额最大的为文化旅游项目,共计X: that group's
        own = named.group("group")
    m = _mention(s, idx, amount=t.value, currency=t.currency, approximate=t.approx, sector_code=sector_of(own))
    if _ANAPHOR.search(s, lo, t.start) or (lo == 0 and _BARE_TOTAL.fullmatch(s, 0, t.start)):
        m.extra["anaphor"] = True
    elif _THIS_ROUND.fullmatch(s, 0, t.start):  # 本次集中开工的重大项目总投资X: the group before
        m.extra["anaphor"] = "top"
    if t.alt:
        m.alt_amount, m.alt_currency = t.alt
    if band:
        _take_band(m, band)
    win = s[segment_start(s, t.start, _prev_end(toks, k)) : t.start]
    return (t.start, m, {"own": stage_of(win), "before": s[: t.start], "after": s[t.end :]})


# the head of a list of places' amounts: 项目投资金额:A县14.26亿元,B区12.08亿元
_PLACE_LIST_HEAD = re.compile(
    r"(?<!完成)(?<!到位)(?<!计划)(?:项目)?(?:投资|签约|协议|合同)(?:总额|金额|额)?(?:分别为|为)?\s*$"
)


def _place_amount(s: str, lo: int, pos: int) -> bool:
    """The amount of a place in a list whose head names the amounts (项目投资金额:A县X,B区Y)."""
    if not _PLACE_ITEM.fullmatch(s, lo, pos):
        return False
    seg = max(s.rfind(";", 0, lo), s.rfind("。", 0, lo)) + 1
    colon = s.rfind(":", seg, lo)
    return colon > 0 and _PLACE_LIST_HEAD.search(s, seg, colon) is not None


def _firm_stock(s: str, pos: int) -> bool:
    """港资企业累计超过1800家,累计投资额逾300亿美元: the cumulative stock of enterprises (a
    count in 家, 累计, no 项目 in the segment) is no project cohort."""
    pre = s[max(s.rfind(";", 0, pos), s.rfind("。", 0, pos)) + 1 : pos]
    return "项目" not in pre and _FIRM_STOCK.search(pre) is not None
