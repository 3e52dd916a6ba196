"""Which amount belongs to a Chinese project count: the next amount of its own or the next
clause (项目678个、投资总额6178亿元), or of a later clause when only asides lie between (381个,
比去年同期多出38个;总投资… / 项目49个、占比26.3%,总投资… / 项目1046个,(经…生成)总投资…), a
、-joined predicate (108个项目集中开工、竣工,总投资…), the members listed by name (工业项目5个,
分别是A、B…,总投资…) or a bracketed 其中 subset (重大招引项目89个(其中场内签约项目73个),计划总投资…).
Never an amount that opens a group of its own (总投资436亿元的基础设施项目8个) or, past a ;, one that
names its own group after 其中 items; a count that opens a frame (在…42个项目中,) takes none.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_id, clause_start
from flows.core.extract.zh.lists import ITEM_SPLIT
from flows.core.extract.zh.numerals import SIBLING_COUNT
from flows.core.extract.zh.tokens import Tok

# a count that opens a frame (在签下的42个项目中,…): the group its subsets follow, no money of its own
_FRAME_AFTER = re.compile(  # …的123个项目中已有30个开工 / 签约的27个项目已有12项开工建设
    r"\s*(?:[^\d,;。、]{0,6}项目)?(?:(?:里|中|当中)\s*,|中?(?=已有\s*[\d一二三四五六七八九十]))"
)
# clauses between a count and its amount that only compare or qualify the same group
# (381个,比去年同期多出38个;总投资… / 178个项目,全部为合同项目,签约总金额…)
# (…重大项目1038个,为…计划一季度开工的项目,总投资…: a clause saying what the group is)
_ASIDE = re.compile(
    r"^\s*(?:比|较|同比|环比|年增|年减|[开完竣]工率|增长|增加|全部|均为|均是|都是|其余|占|涉及|涵盖|覆盖|主要|分布|包括"
    r"|(?:为|系|属于?)[^,;。]{0,40}项目\s*$"
    r"|从[^,;。\d]{2,40}?到[^,;。\d]{2,40}$"  # 从先进制造业到…现代服务业: the span of its fields
    r"|[^,;。\d]{2,30}(?:表示|介绍|透露|指出)\s*$"  # …,某副书记表示,涉及总投资X: the speaker
    r"|(?:其中)?(?:年度|今年|当年|本年|年)(?:计划)?投资(?:计划)?(?:额)?(?:为|达|约)?\s*[\d.]+\s*(?:万|亿)元\s*$"
    r"|(?:合同|协议|签约|实际)(?:利用)?(?:外资|台资|港资|侨资)(?:金额|额)?(?:为|达到?|约)?\s*[\d.]+\s*(?:万|亿)(?:美元|元)\s*$"
    r"|(?:实际|已)?(?:到位|到账|到资)(?:资金)?(?:为|达到?|约)?\s*[\d.]+\s*(?:万|亿)元\s*$)"
    # (重点项目300个,年度计划投资X,总投资Y: the year's plan; 外资项目18个,合同外资X,总投资Y: the foreign part; 引进项目N个,到位资金X,合同资金Y: the funds in place)
)
_JOINED_COUNT = re.compile(r"、[^,;。\d]{0,4}?(?:开工|动工|竣工|完工|建成|投产|签约)(?:\([^()\d]{1,12}\))?\s*")
_AND_COUNT = re.compile(r"\s*(?:和|及|与|以及)\s*")
_AMOUNT_CUE = re.compile(
    r"^\s*(?:涉及|核准)?(?:项目)?(?:(?:计划|协议|签约|合同)?(?:总投资|投资总额|投资总金额|投资额|投资金额|总金额|总额|金额)"
    r"|(?:协议|签约|合同)(?:引进)?资金)"
)
_CLAUSE_SPLIT = re.compile(r"[,;]")
_REMARK = re.compile(r"\([^()\d]{1,30}\)")
_ENUM_HEAD = re.compile(r"\s*[,:]?\s*(?:分别是|分别为|包括|主要有|即)\s*:?")
_HARD_GAP = re.compile(r"[,;:。!?()]")
_SEGMENT = re.compile(r"[;。]")
# a bracketed subset or split right after the count: 项目89个(其中场内签约项目73个),计划总投资… /
# 重点建设项目426项(打包项目拆分后共548项),项目总投资…
# …项目76项(新建48项,续建28项),总投资…: a split of the count into counted parts
_SUBSET_BRACKET = re.compile(
    r"\s*\((?:(?:其中|打包|拆分|含)[^()亿元]{1,30}|[^()\d亿元]{1,6}\d+\s*[个项宗][^()亿元]{0,24})\)"
)


def next_amount(s: str, toks: list[Tok], k: int, bounds: list[int]) -> Tok | None:
    t = toks[k]
    if _FRAME_AFTER.match(s, t.end):
        return None
    par = _parallel_amount(s, toks, k)
    if par is not None:  # 项目258个,其中A项目109个;总金额X,其中A项目金额Y: parent with parent, part with part
        return par
    if k and toks[k - 1].kind == "count" and _JOINED_COUNT.fullmatch(s, toks[k - 1].end, t.start):
        return None  # 开工96个、竣工79个重点项目,总投资X: the total of both, not the second's
    if k + 1 < len(toks) and toks[k + 1].kind == "count" and _JOINED_COUNT.fullmatch(s, t.end, toks[k + 1].start):
        return None
    if k and toks[k - 1].kind == "count" and _AND_COUNT.fullmatch(s, toks[k - 1].end, t.start):
        return None  # 签约一个A项目和一个B项目,合同引资X: the total of both, not the second's
    bracket = _SUBSET_BRACKET.match(s, t.end) if "(" in s else None
    if bracket:
        return _after_bracket(s, toks, k, bracket.end())
    for u in toks[k + 1 :]:
        if u.start < t.end:  # a band inside the count (156个亿元以上重大项目)
            continue
        if u.kind == "count" or "其中" in s[t.end : u.start]:
            return None
        if u.kind == "amount" and not u.used and not u.listed:
            if _leads_group(s, toks, u, bounds) or _own_group_after(s, t.start, u.start):
                return None
            cu, ct = clause_id(bounds, u.start), clause_id(bounds, t.end)
            gap = s[t.end : u.start] if cu != ct else ""
            if ("季" in gap or "半年" in gap or "月" in gap or "以来" in gap or "截至" in gap) and _period_lead(
                s, u.start
            ):
                return None  # 现场签约19个项目,一季度总投资3127亿元: a total of another period's group
            if "(" in gap:  # 落地西部(某市)科学城 总投资X: a place in a name's brackets is no clause
                cu -= 2 * len(_IN_NAME.findall(gap))
            if cu - ct <= 1 or _one_clause(s[t.end : u.start]):
                return u
            return u if _asides_only(s, t.end, u.start) or _enumerated(s, t.end, u.start, t.value) else None
        if u.kind == "band" and _SHARE_OF.match(s, clause_start(s, u.start)):
            continue  # 项目45个,占亿元以上开工项目数的78.95%,总投资X: the band of the whole in a share aside
        if u.kind in ("named", "band"):
            return None
    return None


_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])\([\u4e00-\u9fff]{1,6}\)(?=[\u4e00-\u9fff])")
_SHARE_OF = re.compile(r"\s*占[^,;。\d]{0,16}?(?:项目数|总数|总投资|投资总额|总额)的?\s*[\d.]+%")


def _after_bracket(s: str, toks: list[Tok], k: int, end: int) -> Tok | None:
    """项目89个(其中场内签约项目73个),计划总投资X: the total right after the bracketed subset."""
    u = next((u for u in toks[k + 1 :] if u.start >= end), None)
    if u is None or u.kind != "amount" or u.used or u.listed:
        return None
    gap = s[end : u.start]
    if any(c.isdigit() for c in gap) or _SEGMENT.search(gap):
        return None
    gap = gap.lstrip(", ")
    return u if _AMOUNT_CUE.match(gap[2:] if gap.startswith("项目") else gap) else None


# a clause opening on a period of its own (一季度, 上半年, 1-5月, 今年以来, 截至目前)
_PERIOD_LEAD = re.compile(
    r"\s*(?:今年|全年)?(?:第?[一二三四1-4]季度|[上下]半年|前三季度|以来|截至目前|截至[^,;。]{1,8}?底"
    r"|[1-9一二三四五六七八九十]{1,2}\s*[-—至到~]\s*[0-9一二三四五六七八九十]{1,3}\s*月份?)"
)


def _period_lead(s: str, b: int) -> bool:
    """The amount's clause (not the count's) opens on a period of its own."""
    return _PERIOD_LEAD.match(s, clause_start(s, b)) is not None


_LEADS = re.compile(r"\s*的\s*(?:\d+\s*[个项宗])?[^,;。\d]{0,24}?项目")  # …的43个重大产业项目


def _leads_group(s: str, toks: list[Tok], u: Tok, bounds: list[int]) -> bool:
    """总投资436亿元的基础设施项目8个: an amount opening a group counted in its own clause."""
    lead = _LEADS.match(s, u.end)
    if not lead:
        return False
    cid = clause_id(bounds, u.start)  # the count at its 项目 (…基础设施项目8个), not a later item's
    return any(c.kind == "count" and u.end < c.start <= lead.end() and clause_id(bounds, c.start) == cid for c in toks)


def _own_group_after(s: str, a: int, b: int) -> bool:
    """其中A项目23个,B项目3个;签约项目总投资X: past the ; an amount naming its own group is not
    the 其中 item's."""
    gap = s[a:b]
    if ";" not in gap:
        return False
    seg = max(s.rfind(";", 0, a), s.rfind("。", 0, a)) + 1
    return "其中" in s[seg:a] and "项目" in s[clause_start(s, b) : b]


def _one_clause(gap: str) -> bool:
    """108个项目集中开工、竣工,总投资…: only a 、-joined predicate, no figure, lies between."""
    return "、" in gap and len(_HARD_GAP.findall(gap)) <= 1 and not any(c.isdigit() for c in gap)


# a figure of its own in a list of members (a year in a name, 2014年…工程, is none)
_FIGURE = re.compile(r"\d(?![\d.]*\s*年)")


def _enumerated(s: str, a: int, b: int, count: float = 2) -> bool:
    """工业项目5个,分别是A项目、B项目…,总投资4.74亿元: the count's members are listed by name
    (no figures) between it and its total."""
    gap = s[a:b]
    if not _ENUM_HEAD.match(gap) or _FIGURE.search(gap) or _SEGMENT.search(gap):
        return False
    if count > 1 and not ITEM_SPLIT.search(gap):  # 3个项目分别是:一是A项目,总投资X;二是…: each has its own
        return False
    return bool(_AMOUNT_CUE.match(gap[gap.rfind(",") + 1 :]))


def _asides_only(s: str, a: int, b: int) -> bool:
    """Between a count (ending at a) and an amount (at b) lie only comparison or qualifying
    clauses (…项目49个、占比26.3%,总投资…) or a bracketed remark without figures (项目1046个,
    (经…转化生成)总投资…), and the amount's own clause names it (总投资, 签约总金额)."""
    gap = s[a:b]
    bare = _REMARK.sub("", gap) if "(" in gap else gap
    if bare.startswith("、"):
        bare = "," + bare[1:]
    pieces = _CLAUSE_SPLIT.split(bare)
    if len(pieces) < (2 if bare != gap else 3) or len(pieces) > 4 or "。" in gap:
        return False
    return bool(_AMOUNT_CUE.match(pieces[-1])) and all(_ASIDE.match(p) for p in pieces[1:-1])


def _parallel_amount(s: str, toks: list[Tok], k: int) -> Tok | None:
    """The amount of count k in 项目26个,其中A项目23个,B项目3个;总投资X,其中A资金Y,B资金Z."""
    for j in range(k, -1, -1):
        if toks[j].kind != "count":
            return None
        pairs = _parallel(s, toks, j)
        if pairs is not None:
            return next((u for c, u in pairs if c is toks[k]), None)
    return None


def _parallel(s: str, toks: list[Tok], k: int) -> list[tuple[Tok, Tok]] | None:
    """Count k and its 其中 counts, then past a ; a total and its 其中 totals in the same number
    (bracketed conversions aside): the (count, amount) pairs in order, else None."""
    if k + 1 >= len(toks) or toks[k + 1].kind != "count" or "其中" not in s[toks[k].end : toks[k + 1].start]:
        return None
    semi = s.find(";", toks[k].end)
    end = s.find("。", toks[k].end)
    end = len(s) if end < 0 else end
    if semi < 0 or semi > end or "其中" not in s[toks[k].end : semi]:
        return None
    parts = [u for u in toks[k + 1 :] if u.start < semi]
    split = s.find("其中", semi, end)
    after = [u for u in toks if semi < u.start < end]
    if split < 0 or any(u.kind != "count" for u in parts) or any(u.kind == "count" for u in after):
        return None
    sums = [u for u in after if u.kind == "amount" and not _in_brackets(s, u.start)]
    if len(sums) != len(parts) + 1 or not sums[0].start < split < sums[1].start:
        return None
    return list(zip([toks[k], *parts], sums, strict=True))


def _in_brackets(s: str, pos: int) -> bool:
    return s.rfind("(", 0, pos) > s.rfind(")", 0, pos)


_BREAKDOWN = re.compile(r"\s*[,,]?\s*(?:其中)?(?:包括|包含|含|涵盖)\s*")
# the amount names its own group after it and the clause goes on to another (促成总投资X的项目正式签约,储备
# 意向项目N个): the later count is a different group
_OWN_GROUP = re.compile(r"\s*的[^,;。\d]{0,8}?项目[^,;。\d]{1,12}[,;]")


def not_before_count(s: str, amount_end: int, count_start: int, count_end: int) -> bool:
    """An amount before a count that is not the count's total: the whole of a breakdown whose
    first part is the count (总投资X,包括13个产业项目和15个配套项目), or the total of a group the
    amount itself names (总投资X的项目正式签约,储备意向项目N个)."""
    if _BREAKDOWN.fullmatch(s, amount_end, count_start) and SIBLING_COUNT.match(s, count_end):
        return True
    return _OWN_GROUP.match(s, amount_end, count_start) is not None
