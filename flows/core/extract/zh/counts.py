"""Find the project counts of one Chinese sentence, each as a `count` token with its span.

Counts come with 项目 (COUNT_A/B) or with it understood: a region item followed by its amount
(福州115个、总投资…), a band item in a parallel list (100亿元以上4个), agreements (12项投资协议),
a count right after its stage verb (已开工680个), a place in a count-only list (萧县17个,泗县22个),
N major projects (十大…项目) and Taiwan's investment cases (投资案共计82件); 个, 项 and 宗
(Guangdong / Hong Kong usage) all count projects, 个月 never does. Differences (比去年同期多38个)
and trade or purchase deals (贸易类项目19个) are no counts. Counts in a 分别 list (LIST_COUNT) are
marked `listed`.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start, in_plan, in_quotes
from flows.core.extract.zh.events import after_event
from flows.core.extract.zh.fast import classified
from flows.core.extract.zh.numerals import COUNT_INT, INT, parse_count
from flows.core.extract.zh.place_lists import each_counts, place_list_counts
from flows.core.extract.zh.tokens import Tok

COUNT_A = re.compile(
    r"项目(?:共有|共计|个数|总数|数量|合计|累计|就有|共|有|达到|达|为|计|是|约|近|超过|超|逾|数|占了|占|\s"
    r"|集中签约|集中开工|签约|签订|开工|竣工|落地|引进|入库|\([^()]{1,40}?\))*"  # 项目(3000万元以上…)173个
    rf"(?P<num>{COUNT_INT})\s*(?:余|多)?\s*(?:个|项(?!目)|宗)(?P<follow>.?)"
)
# (19个规模大、能级高、带动强的重点产业链项目: adjectives joined by 、 before 的; 318个省、市重点项目)
COUNT_B = re.compile(
    rf"(?=[\d零〇一二两三四五六七八九十百千])(?P<num>{COUNT_INT})\s*(?:余|多)?\s*(?:个(?!月)|项|宗)(?P<mid>(?!以及|和|及|与(?![^\d,;。:()!?个]{{1,30}}?合作的))(?:[^\d,;。、:()!?个]{{0,10}}?|[^\d,;。、:()!?个项]{{11,24}}?的"
    rf"|(?:[^\d,;。、:()!?个项的]{{1,6}}、){{1,4}}[^\d,;。、:()!?个项的]{{1,6}}的[^\d,;。、:()!?个项]{{0,16}}?"
    rf"|[省市县区](?:、[省市县区]){{1,3}}级?[^\d,;。、:()!?个]{{0,8}}?"
    rf"|(?:列入|纳入|入选|入围)[^\d,;。:()!?个]{{1,20}}?"  # 109个列入省“双千”工程项目: a listing, long
    rf"|\s*\d+(?:\.\d+)?\s*(?:千万|百万|万|亿)元(?:及)?以上的?[^\d,;。、:()!?个]{{0,8}}?"  # 1154个10亿元以上重大项目
    rf"|(?:单体)?投资(?:额)?(?:过|超过|超|逾|在)\s*(?:\d+(?:\.\d+)?\s*)?(?:千万|百万|万|亿)元(?:以上)?的(?:[^\d,;。、:()!?个]{{1,6}}、)?[^\d,;。、:()!?个]{{0,8}}?"
    r"))项目"  # 8个投资过5000万元的项目: a count whose band lies inside it
)
COUNT_C = re.compile(
    rf"(?P<num>{INT})\s*(?:余|多)?\s*[个宗]\s*(?=[、,]\s*(?:计划)?"
    r"(?:总投资|投资总额|投资额|签约金额|签约总额|协议投资|协议金额|合同金额|总金额))"
)
# an elided count after a band in a parallel list (5亿元以上项目42个,100亿元以上4个)
COUNT_D = re.compile(rf"(?:以上|以下)的?(?:有|达|共|共有)?(?P<num>{INT})\s*(?:余|多)?\s*[个宗](?=[,;。、]|$)")
# agreements counted as projects (签订12项投资协议, 签约合作协议8个)
COUNT_E = re.compile(
    rf"(?=[\d零〇一二两三四五六七八九十百千])(?P<num>{INT})\s*(?:个|项|份)(?P<mid>[^\d,;。、:()!?个]{{0,4}}?)"
    r"(?:投资协议|合作协议|合同)(?![额金外])"
)
# (zh/fast.classified: the same patterns, their lookahead seeing the classifier; what stands between
# a count's number and its classifier may only be written with fast._NUM_RUN's characters)
COUNT_B, COUNT_E = classified(COUNT_B, "个项宗"), classified(COUNT_E, "个项份")
# agreements counted after their noun (签订意向性合作协议3个,签约额X / 签订正式合作协议5家,项目总投资X)
COUNT_E2 = re.compile(rf"(?:协议|合同)书?(?:共计|共|计|达)?\s*(?P<num>{INT})\s*(?:个|项|份|家)(?=[,;。、]|$)")
# a headline's count without its classifier, right after its verb (签约2项目引资X, 集中开工12项目)
COUNT_V = re.compile(rf"(?:签约|签下|签订|开工|竣工|引进|落地|落户)(?P<num>{INT})(?:大|个)?(?=项目)")
# a count without its classifier after 项目累计/共计 (跟踪在谈项目累计40,拟投资总额…)
COUNT_U = re.compile(r"项目(?:累计|共计|合计|总数为?)\s*(?P<num>\d{1,4})(?=[,;。])")
# each of the places named before has the count (A区和B区分别上榜2个项目)
_EACH_PLACE = re.compile(r"分别[^\d,;。、]{0,4}$|[区县市]上榜$")  # 甲区、乙区上榜2个项目: a ranking board's
# a count resumed after its 项目 clause and 的 (列入…投资项目统计的共有100项)
COUNT_P2 = re.compile(
    rf"项目[^,;。\d]{{0,8}}?的(?:共有|共计|合计|有)\s*(?P<num>{INT})\s*(?:余|多)?\s*(?:个|项(?!目)|宗)(?=[,;。]|$)"
)
# 项目数和签约金额分别为56个、328.6亿元: a count paired with the amount after it
COUNT_H = re.compile(
    rf"项目(?:个数|总数|数量|数)(?:和|及|与|、)[^,;。\d]{{0,8}}?分别(?:为|是|达)?"
    rf"\s*(?P<num>{INT})\s*[个项宗](?=\s*[、,])"
)
_NEXT_VERB = r"[^,;。\d]{0,4}?(?:开工|动工|竣工|完工|建成|投产|签约)(?:\([^()\d]{1,12}\))?\s*\d"
# a count right after its stage verb, the word 项目 understood (已实际开工680个,占97.4%)
COUNT_F = re.compile(
    rf"(?:开工|动工|复工|竣工|完工|建成|投产|签约|开建|落地|续建|新建)(?:建设)?(?P<num>{INT})\s*(?:余|多)?\s*[个宗项]"
    rf"(?=[,;。)]|$|、{_NEXT_VERB}|、\s*(?:合同额|签约额|签约金额|合同金额|协议金额|协议投资|总投资|投资总额))"
    # (集中开工96个、竣工79个重点项目: the first of two joined counts; 高新区签约19个、合同额X: its total after)
)
# a part of a counted group finished (104个项目完成85个): 完成 with its count right after it
COUNT_F2 = re.compile(rf"项目(?:已|已经)?完成(?P<num>{INT})\s*[个项](?=[,;。]|$)")
# a place's count in a list, the word 项目 understood (各县区开工项目数分别为:埇桥区24个,萧县17个)
COUNT_G = re.compile(
    rf"(?:^|(?<=[,、:;]))(?![全本该各])[\u4e00-\u9fff]{{1,6}}?(?:区|县|市|州|旗|镇|乡)"
    rf"(?P<num>{INT})\s*[个宗](?=[,;。、]|$|分别)"  # …、乙县9个分别位列前三
)
# a count as an ordinal-free "N大" headword (十大数字经济重点项目, 六大项目): N major projects;
# 一大批 is a vague batch, 五大类项目 counts categories and 四大园区(新签)项目 / 五大经济区 count places
COUNT_N = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千第])(?P<num>(?!一大)[一二两三四五六七八九十百]+)大"
    r"(?P<mid>(?![批类])(?:(?!园区|片区|经济区|新区|基地|功能区|开发区|平台)[^\d,;。、:()!?个类批领域板块行业]){0,10}?)项目"
)
# investment cases counted with 件 (Taiwan usage: 投资案共计82件, 方案核准46件, 投资件数共计1,086件, 共签约48件,
# 签约促参案12件)
COUNT_T = re.compile(
    rf"(?:投资案件?|案件|(?:促参|招商|开发)案|核准|件数|意向书|协议书|签约)(?:共计|合计|累计|计有|共有|共|计|达|为)?\s*(?P<num>{INT})\s*(?:余|多)?\s*件(?=[,;。、]|$)"
)
# investment cases counted before their noun (促成N件投资案, N件促参案: Taiwan usage; N件提案 are motions,
# N件建设方案 / 投资提案 / 议案 plans and motions)
COUNT_T2 = re.compile(
    rf"(?P<num>{INT})\s*(?:余|多)?\s*件(?:投资案|投资计划案|招商案|(?:促参|开发|建设|投资)[^,;。、\d件]{{0,2}}(?<![方提议])案(?!件))"
)
# investment plans counted as projects (Hong Kong / Macau usage: 完成跟进153项投资计划, 收到199个新投资计划)
COUNT_T4 = re.compile(rf"(?P<num>{INT})\s*(?:余|多)?\s*(?:项|个)(?:新|新的)?投资计划(?![书的]|完成|的)")
# cases counted with 案 as their classifier (Taiwan usage: 投资台南市企业共35案, 台北市预计推出5案)
COUNT_T3 = re.compile(rf"(?:共计|共有|共|计有|推出|核准|通过)\s*(?P<num>{INT})\s*案(?=[,;。、]|$)")
# the count of a band written as a range or a plain figure (5亿元至10亿元的有12个)
COUNT_R = re.compile(rf"(?:元|之间)的(?:有|达|共有)(?P<num>{INT})\s*(?:余|多)?\s*[个宗](?=[,;。、]|$)")
# a count resumed after an aside on its group (亿元以上项目占比超九成,达117个 / 先进制造业项目…,共有33个)
# (亿元以上项目增多,数量达397个 / 服务业项目最多,有86个;其次是…项目,也多达71个 / …项目中,已有9个正式落地); a rise to a count (…项目增长较快,由去年的47个增至86个)
COUNT_P = re.compile(
    rf"(?:(?<=[,:])|(?<=项目中)(?=已)|(?<=项目)(?=已有))\s*(?:(?:数量|总数|个数)?(?:也|则|已|就|另)?(?:多达|达到?|共有|共计|合计|有)|由[^,;。\d]{{0,6}}\d+\s*个增(?:至|加到|加至|长到|长至))"
    rf"\s*(?P<num>{INT})\s*(?:[个宗]|项(?!目))(?=[,;。]|$|(?:正式|已经?)?(?:落地|落户|开工|动工|签约|竣工|投产))"
)
# a count before its total and its noun (8个总投资7260万美元的外资项目, 75个总投资210亿元的重点项目)
COUNT_M = re.compile(
    rf"(?<![\d.])(?P<num>{INT})\s*(?:余|多)?\s*[个项宗](?=\s*(?:计划)?(?:总投资|投资总额)(?:额)?(?:为|达|约|超)?\s*"
    r"[\d零〇一二两三四五六七八九十百千][^,;。、]{0,14}?的[^,;。、\d]{0,12}?项目)"
)
_M_HINT = re.compile(r"[个项宗]\s*(?:计划)?(?:总投资|投资总额)")
# a count leading a ranking (服务业签约项目以97个居首)
COUNT_K = re.compile(rf"项目(?:数)?以\s*(?P<num>{INT})\s*[个项宗](?=居首|位居|领先|最多|排)")
# a 其中 count whose 项目 is understood, a verb right after it (共签约项目39个,其中36个采用“云签约”)
# (…签约项目中,68个入驻各类园区: the frame's part after 项目中)
COUNT_Q = re.compile(
    rf"(?:其中|项目中\s*,)\s*(?P<num>{INT})\s*[个项宗]"
    r"(?=采用|通过|以|在|为|是|已|已经|签约|开工|落地|落户|入驻|入园|进驻|实现|位于|属于|来自|投资)"
)
# investment cases counted by firm (通过26家企业投资案 / 4家台商回台投资案: a few words between)
COUNT_J = re.compile(rf"(?P<num>{INT})\s*家[^,;。、\d]{{0,6}}?投资案")
# a group's count and total joined after 分别 (产业类项目…,分别达到1050个和8689亿元)
COUNT_S = re.compile(
    rf"分别(?:达到|达|为|是)?\s*(?P<num>{INT})\s*[个项宗](?=\s*(?:和|、|与)\s*(?:约|超过?)?\s*\d[\d.]*\s*(?:万亿|亿|万)?元)"
)
# 分别…20个、36个百分点 counts percentage points (shares), no projects
LIST_COUNT = re.compile(
    rf"分别[^\d,;。、:()多少增减]{{0,6}}?\s*{INT}\s*[个项宗](?:\s*[、和及与,]\s*{INT}\s*[个项宗])+(?!\s*百?分点)"
)
_LIST_ITEM = re.compile(rf"(?P<num>{INT})\s*[个项宗]")
# a clause about trade, purchases or technology deals: its figures are no investment
# (某某贸易有限公司: a firm's name, no trade deal)
TRADE_SUBJECT = re.compile(r"采购|贸易(?!有限|公司|集团)|交易|成交|销售|成果转化|技术转让|技术合同")
_TRADE_DEAL = re.compile(
    r"采购|贸易(?<!投资贸易)(?!有限|公司|集团)|成交"  # (each branch opens on a literal: the engine skips to them)
)  # 投资贸易重点项目: investment too  # 贸易类项目, 采购项目: deals, not investment
_LAST_ITEM = re.compile(r"[^和及与、]*$")
_COUNT_FOLLOW_OK = set(",、;。:()和及与总投计合涉签共 ") | {""}
_DIFF_BEFORE = re.compile(r"(?:多|少|增加|减少|增长|多出)(?:签约|签订|开工|引进|落地|竣工|投产)?\s*$")
_DIFF_CLAUSE = re.compile(r"(?:比|较)[^,;。]{0,8}(?:多|少|增加|减少)")
# a record passed (开工项目数量首次突破600个): a milestone, no group
_BIG_HINT = re.compile("[一二两三四五六七八九十百]大")  # what every COUNT_N match holds
_MILESTONE = re.compile(r"首次(?:突破|超过|超|达到|达|过)\s*$")
# projects shown at a fair (300个创新项目参展 / 项目参加展示): exhibits, not investment projects
_EXHIBITED = re.compile(r"\s*(?:参展|参加展示|参加展览|亮相|展出)")
# each of several places above a count (A市、B县等地开工项目个数均超过30个): a bound, no group
_EACH_BOUND = re.compile(r"均(?:超过|超|达到|达|在|为|逾|过|有|不少于|不低于)?\s*$")


def _counts_places(mid: str) -> bool:
    """两个片区分别签约项目5宗、3宗 / 8个设区市的对接项目: the count is of places, each with
    its projects, not of projects."""
    return "分别" in mid or _PLACES_OF.match(mid) is not None


# a list of differences ending in percentage points (分别超过…24个、7个、14个和4.8个百分点)
_POINTS_LIST = re.compile(r"(?:\d+(?:\.\d+)?\s*个?\s*[、,和及与]\s*)+\d+(?:\.\d+)?\s*个\s*百分点")


def find_counts(s: str) -> list[Tok]:
    """The project counts of sentence s, in text order; none inside a list of percentage points."""
    out = _find_counts(s)
    if "百分点" not in s:
        return out
    points = [m.span() for m in _POINTS_LIST.finditer(s)]
    return [t for t in out if not any(a < t.end <= b for a, b in points)]


def _find_counts(s: str) -> list[Tok]:
    out: list[Tok] = []
    listed: list[tuple[int, int]] = []
    has_list, has_project = "分别" in s, "项目" in s
    trade = _TRADE_DEAL.search(s) is not None
    if not has_project and not has_list:  # a region list (南昌市72个、总投资…) needs no 项目
        return _implicit_counts(s, out, _listed_counts(s) + _place_counts(s))
    for m in LIST_COUNT.finditer(s) if has_list else ():
        listed.append(m.span())
        for it in _LIST_ITEM.finditer(m.group(0)):
            n = parse_count(it.group(0))
            if n:
                out.append(Tok("count", m.start() + it.start(), m.start() + it.end(), n, listed=True))
    if not has_project:  # COUNT_A and COUNT_B both need the word 项目
        return _implicit_counts(s, out, _listed_counts(s))
    for m in COUNT_A.finditer(s):
        follow = m.group("follow")
        if (
            follow not in _COUNT_FOLLOW_OK
            and not follow.isspace()
            and not (follow == "以" and s.startswith("以及", m.end() - 1))
        ):
            continue
        if _DIFF_BEFORE.search(s, 0, m.start()) or _DIFF_CLAUSE.search(
            s, clause_start(s, m.start(), soft=False), m.start()
        ):
            continue  # 比上届多签约项目15个: a difference
        if trade and _trade_words(s, m.start()):
            continue  # 贸易类项目19个: trade deals, not investment projects
        n = parse_count(m.group("num"))
        if n and not any(x <= m.start("num") < y for x, y in listed):
            out.append(Tok("count", m.start(), m.end() - len(follow), n))
    for m in COUNT_B.finditer(s):
        a = m.start()
        if a > 0 and (s[a - 1].isdigit() or s[a - 1] in ".第") or _DIFF_BEFORE.search(s[:a]):
            continue
        if in_quotes(s, a) or _DIFF_CLAUSE.search(s[clause_start(s, a, soft=False) : a]):
            continue
        if trade and (_TRADE_DEAL.search(m.group("mid")) or (s[a - 1 : a] != "等" and _trade_words(s, a))):
            continue
        if _counts_places(m.group("mid")) or _EACH_PLACE.search(s, max(0, a - 8), a):
            continue  # A区和B区分别上榜2个项目: each place's count, no group
        n = parse_count(s[a : m.start("mid")])
        if any(t.start == m.end() - 2 for t in out):
            continue  # 28個產業鏈項目512個: 28 chains, 512 projects
        if n and not any(t.start <= a < t.end for t in out):
            out.append(Tok("count", a, m.end(), n, mid=m.group("mid")))
    if "大" in s and _BIG_HINT.search(s):
        _n_big_counts(s, out)
    places = (list(COUNT_G.finditer(s)) if _G_HINT.search(s) else []) + place_list_counts(s) + each_counts(s)
    if has_list and "数" in s:
        places += COUNT_H.finditer(s)
    return _implicit_counts(s, out, _listed_counts(s) + places)


_OWN_COUNT_AFTER = re.compile(r"\s*(?:共|有|达|为)?\s*[\d零〇一二两三四五六七八九十百千]+\s*(?:余|多)?\s*[个项宗]")


def _n_big_counts(s: str, out: list[Tok]) -> None:
    """N major projects (十大…项目, 六大项目) not inside a count already found."""
    for m in COUNT_N.finditer(s):
        a = m.start()
        if in_quotes(s, a) or any(t.start <= a < t.end for t in out):
            continue
        if _OWN_COUNT_AFTER.match(s, m.end()):
            continue  # 某市…五大工程项目120个: five programmes, 120 projects
        n = parse_count(m.group("num"))
        if n and n > 1:
            out.append(Tok("count", a, m.end(), n, mid=m.group("mid")))


def _place_counts(s: str) -> list[re.Match]:
    """其中,A区10个,B县3个 in a sentence without 项目 or 元, after one on the projects
    (zh.article): two place counts at least, else none."""
    places = list(COUNT_G.finditer(s)) if _G_HINT.search(s) and "元" not in s else []
    return (places if len(places) >= 2 else []) + place_list_counts(s)


_PLACES_OF = re.compile(r"[^的,;。]{0,6}?(?:市|县|区|省|州|镇|乡|国家|地区|城市)的")


_G_HINT = re.compile(r"[区县市州旗镇乡][\d零一二两三四五六七八九十百千]+\s*[个宗]\s*[,;。、]")
_C_ANCHOR = re.compile(
    r"[个宗]\s*[、,]\s*(?:计划)?(?:总投资|投资总额|投资额|签约金额|签约总额|协议投资|协议金额|合同金额|总金额)"
)
_NUM_TAIL = re.compile(rf"{INT}\s*(?:余|多)?\s*$")


def _listed_counts(s: str) -> list[re.Match]:
    """Counts of a region or band item in a list (福州115个、总投资…, 100亿元以上4个)."""
    if "个" not in s and "宗" not in s:
        return []
    found = []
    for anchor in _C_ANCHOR.finditer(s):  # 个、总投资…: the number before it, after a name (福州115个)
        tail = _NUM_TAIL.search(s, max(0, anchor.start() - 16), anchor.start())
        a = tail.start() if tail else 0
        if a and "\u4e00" <= s[a - 1] <= "\u9fff":
            m = COUNT_C.match(s, a)
            if m:
                found.append(m)
    if "的有" in s or "的达" in s:
        found += COUNT_R.finditer(s)
    return found + list(COUNT_D.finditer(s)) if "以上" in s or "以下" in s else found


def _trade_outside_event(s: str, a: int) -> bool:
    """A trade word in the count's clause outside an event's name (贸易投资展览会共签署协议62项: the
    fair's name, no trade deal)."""
    lo = clause_start(s, a, soft=False)
    rest = after_event(s[lo:a])
    return rest is None or TRADE_SUBJECT.search(rest) is not None


def _trade_words(s: str, a: int) -> bool:
    """The word before a count's 项目 (after the last 和/及/与/、 and any event name: 投资贸易
    洽谈会 is a fair) names trade or purchase deals (贸易类项目19个, 采购项目…)."""
    lo = clause_start(s, a, soft=False)
    if not _TRADE_DEAL.search(s, lo, a):
        return False
    text = _LAST_ITEM.search(s, lo, a).group()  # the word right before 项目
    rest = after_event(text)
    return bool(_TRADE_DEAL.search(text if rest is None else rest))


# what a sentence holds when COUNT_P may match (服务业项目最多,有86个 / 其次是…项目,也多达71个 /
# …项目中,已有9个正式落地 / 对接的123个项目中已有30个开工 / 签约的27个项目已有12项开工)
_P_HINTS = (
    ",达",
    ",共",
    ":达",
    ":共",
    ",数",
    ",由",
    ",合计",
    ",有",
    ",也",
    ",则",
    ",已有",
    "项目中已有",
    "项目已有",
    ",就有",
    ",另有",
    ",多达",
)


_P_HINT = re.compile("|".join(map(re.escape, _P_HINTS)))


def _implicit_counts(s: str, out: list[Tok], extra: list[re.Match] | None = None) -> list[Tok]:
    """Counts whose 项目 is understood: after a region or band in a list (COUNT_C/D, passed in),
    agreements (签订15项投资协议), a count right after its stage verb (已开工680个)."""
    extra = extra or []
    if "协议" in s or "合同" in s:
        extra += COUNT_E.finditer(s)
        extra += COUNT_E2.finditer(s)
    extra += COUNT_F.finditer(s)
    extra += COUNT_F2.finditer(s) if "项目完成" in s or "项目已" in s else ()
    extra += COUNT_V.finditer(s) if "项目" in s else ()
    extra += COUNT_U.finditer(s) if "项目累计" in s or "项目共计" in s or "项目合计" in s or "项目总数" in s else ()
    if _P_HINT.search(s):  # = any(h in s for h in _P_HINTS)
        extra += (m for m in COUNT_P.finditer(s) if "项目" in s[clause_start(s, m.start() - 1, soft=False) : m.start()])
    if "的共" in s or "的有" in s or "的合计" in s:
        extra += COUNT_P2.finditer(s)
    if "件" in s:
        extra += COUNT_T.finditer(s)
        extra += COUNT_T2.finditer(s)
    if ("总投资" in s or "投资总额" in s) and _M_HINT.search(s):
        extra += COUNT_M.finditer(s)
    if "项目以" in s or "项目数以" in s:
        extra += COUNT_K.finditer(s)
    if "其中" in s or "项目中" in s:
        extra += COUNT_Q.finditer(s)
    if "案" in s:
        extra += COUNT_T3.finditer(s)
    if "投资计划" in s:
        extra += COUNT_T4.finditer(s)
    if "分别" in s:
        extra += COUNT_S.finditer(s)
    if "投资案" in s:
        extra += COUNT_J.finditer(s)
    for m in extra:
        a = m.start("num")
        if in_quotes(s, a) or any(t.start <= a < t.end for t in out):
            continue
        if TRADE_SUBJECT.search(s, clause_start(s, a, soft=False), a) and _trade_outside_event(s, a):
            continue
        if _EACH_BOUND.search(s, max(0, a - 5), a):
            continue  # 项目个数均超过30个: each place's count above a bound
        if _DIFF_BEFORE.search(s, 0, a) or _DIFF_CLAUSE.search(s, clause_start(s, a, soft=False), a):
            continue  # 比去年同期多签约17个 / 多38个: a difference
        n = parse_count(m.group("num") + "个")
        if n:
            out.append(Tok("count", a, m.end(), n))
    milestone = "首次" in s  # (every _MILESTONE match opens on it)
    return sorted(
        (
            t
            for t in out
            if not in_plan(s, t.start)
            and not (milestone and _MILESTONE.search(s, max(0, t.start - 6), t.start))
            and not _EXHIBITED.match(s, t.end)
        ),
        key=lambda t: t.start,
    )


# 总投资近160亿元的A、B、C等8个产业园项目: the total of the examples' count, no one project's
_EXAMPLES_COUNT = re.compile(
    rf"的[^,;。\d]{{2,60}}?、[^,;。\d]{{2,60}}?等\s*(?:{INT})\s*[个项宗][^,;。\d]{{0,10}}?项目"
)


def examples_total_end(s: str, end: int) -> int:
    """Where 的A、B等N个…项目 after an amount ending at `end` ends (its count's total), else -1."""
    m = _EXAMPLES_COUNT.match(s, end)
    return m.end() if m else -1
