"""Scan one Chinese sentence into figure tokens: money (amount, size band, named project, trap)
and project counts, each with its character span.

Only figures that can belong to a project cohort survive as `amount`/`band`/`named`/`count`;
shares, growth, differences, averages, tax, output, trade and procurement, funds and bonds,
annual plans, leverage (带动投资), per-unit lower bounds (均超过), milestones (首次超), capacities
and quoted industry names are classified `trap` so the assembler in extract_zh ignores them.
Counts come with 项目 (COUNT_A/B) or with it understood: a region item followed by its amount
(福州115个、总投资…), a band item in a parallel list (100亿元以上4个), agreements (12项投资协议),
a count right after its stage verb (已开工680个), a place in a count-only list (萧县17个,泗县22个);
个, 项 and 宗 (Guangdong / Hong Kong usage) all count projects, 个月 never does. Differences (比去年
同期多38个) and trade or purchase deals (贸易类项目19个) are no counts. An investor's amount
followed by what it builds (投资6.2亿元,建设…项目) is a named project; vague sizes (数十亿元) are none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.core.extract.zh.clauses import boundaries, clause_after, clause_id, clause_start, in_quotes
from flows.core.extract.zh.events import after_event
from flows.core.extract.zh.names import built_names, name_before, project_name
from flows.core.extract.zh.numerals import (
    COUNT_INT,
    CUR,
    CURRENCIES,
    INT,
    MONEY_UNITS,
    NUM,
    UNIT,
    parse_amount,
    parse_count,
    parse_number,
)
from flows.core.lexicon import load

_PRE = r"(?:超过|多达|高达|将近|接近|大约|突破|达到|超|逾|近|约|达|过|上)"
MONEY_RE = re.compile(
    r"(?=[超多高将接大突达逾近约过上\d零〇一二两三四五六七八九十百千万亿])"
    rf"(?:(?P<pre>{_PRE})?\s*(?P<num>{NUM})?\s*(?:余|多)?\s*(?P<unit>{UNIT})?"
    rf"(?:\s*{NUM}\s*(?:千万|百万|万))?\s*(?:余|多)?\s*(?P<cur>{CUR})"
    rf"|(?P<bpre>{_PRE})?\s*(?P<bnum>{NUM})\s*(?:余|多)?\s*(?P<bunit>万亿|亿)"
    r"(?=$|[\s,.;:!?、。)(”\"]|的|左右|以上|规模|投资|资金|级))"
)
RANGE_RE = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十百千])"
    rf"(?P<n1>{NUM})\s*(?P<u1>{UNIT})?\s*(?:元)?\s*(?:\((?:含|不含)\))?\s*(?:至|到|-|—|~)\s*"
    rf"(?P<n2>{NUM})\s*(?P<u2>{UNIT})\s*(?:元)(?:\s*\((?:含|不含)\))?"
)
COUNT_A = re.compile(
    r"项目(?:共有|共计|个数|总数|数量|合计|累计|就有|共|有|达到|达|为|计|是|约|近|超过|超|逾|数|占|\s"
    r"|集中签约|集中开工|签约|签订|开工|竣工|落地|引进|入库)*"
    rf"(?P<num>{COUNT_INT})\s*(?:余|多)?\s*(?:个|项(?!目)|宗)(?P<follow>.?)"
)
COUNT_B = re.compile(
    rf"(?=[\d零〇一二两三四五六七八九十百千])(?P<num>{COUNT_INT})\s*(?:余|多)?\s*(?:个(?!月)|项|宗)(?P<mid>(?!以及|和|及|与)(?:[^\d,;。、:()!?个]{{0,10}}?|[^\d,;。、:()!?个项]{{11,24}}?的))项目"
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
# 项目数和签约金额分别为56个、328.6亿元: a count paired with the amount after it
COUNT_H = re.compile(
    rf"项目(?:个数|总数|数量|数)(?:和|及|与|、)[^,;。\d]{{0,8}}?分别(?:为|是|达)?"
    rf"\s*(?P<num>{INT})\s*[个项宗](?=\s*[、,])"
)
# a count right after its stage verb, the word 项目 understood (已实际开工680个,占97.4%)
COUNT_F = re.compile(rf"(?:开工|竣工|投产|签约|开建|落地)(?P<num>{INT})\s*(?:余|多)?\s*[个宗](?=[,;。]|$)")
# a place's count in a list, the word 项目 understood (各县区开工项目数分别为:埇桥区24个,萧县17个)
COUNT_G = re.compile(
    rf"(?:^|(?<=[,、:;]))(?![全本该各])[\u4e00-\u9fff]{{1,6}}?(?:区|县|市|州|旗|镇|乡)"
    rf"(?P<num>{INT})\s*[个宗](?=[,;。、]|$)"
)
# a count as an ordinal-free "N大" headword (十大数字经济重点项目, 六大项目): N major projects;
# 一大批 is a vague batch and 五大类项目 counts categories
COUNT_N = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千第])(?P<num>(?!一大)[一二两三四五六七八九十百]+)大"
    r"(?P<mid>(?![批类])[^\d,;。、:()!?个类批领域板块行业]{0,10}?)项目"
)
# investment cases counted with 件 (Taiwan usage: 投资案共计82件, 方案核准46件, 投资件数共计1,086件)
COUNT_T = re.compile(
    rf"(?:投资案|核准|件数)(?:共计|合计|累计|共|计|达|为)?\s*(?P<num>{INT})\s*(?:余|多)?\s*件(?=[,;。、]|$)"
)
LIST_COUNT = re.compile(rf"分别[^\d,;。、:()多少增减]{{0,6}}?\s*{INT}\s*[个项宗](?:\s*[、和及与,]\s*{INT}\s*[个项宗])+")
_CUR_LEAD = re.compile(r"(新台币|台币|美元|港币|港元|欧元|日元)\s*(?:约|逾|超|近)?\s*$")
_LIST_ITEM = re.compile(rf"(?P<num>{INT})\s*[个项宗]")

_PRE_TAILS = {"约": "签合协节制预", "达": "到表传", "过": "通经超"}
_CUE_PREFIX = re.compile(
    r"\s*(?:计划|协议|签约|合同)?(?:总投资|投资总额|投资额|总金额|金额|总额|(?<=约)额)"
    r"(?:为|达|约)?\s*"
)
_TRADE_SUBJECT = re.compile(r"采购|贸易|交易|成交|销售|成果转化|技术转让|技术合同")
_TRADE_DEAL = re.compile(r"采购|贸易|成交")  # 贸易类项目, 采购项目: deals, not investment
_LAST_ITEM = re.compile(r"[^和及与、]*$")
_ANCHORS = re.compile(r"[元亿币]+")
# every character a MONEY_RE match can consume; a match lies inside one run of them that holds
# its currency or 亿, so runs without 元/币/镑/亿 (dates, plain counts) are never tried
_MONEY_CHARS = r"\s\d,.超过多达高将近接大约突破到逾上零〇一二两三四五六七八九十百千点余万亿美元欧港币日英镑韩人民"
_MONEY_RUN = re.compile(rf"[{_MONEY_CHARS}]*[元币镑亿][{_MONEY_CHARS}]*")
_RANGE_HINT = re.compile(r"[至到\-—~]")
_ALT_GAP = re.compile(r"\s*[(,]?\s*(?:折合|约合|相当于|合)(?:人民币|美元)?\s*(?:约)?\s*")
_LIST_HEAD = re.compile(r"分别(?:投资|出资)?(?:为|是|达到|达|约)?\s*$")
_LIST_JOIN = re.compile(r"\s*[、和及与,]\s*")
_NUM_CHARS = set("0123456789.,零〇一二两三四五六七八九十百千万亿点 ")
_COUNT_FOLLOW_OK = set(",、;。:()和及与总投计合涉签共 ") | {""}
_TRAP_BEFORE = re.compile("|".join(row["pattern"] for row in load("traps_zh")))
_TRAP_AFTER = re.compile(r"^\s*(?:级|产业|的产业|集群|俱乐部|[^,;。、]{0,6}?(?:基金|贷款|授信|产值|营收|税收))")
_BAND_MIN = re.compile(r"^\s*(?:\(含\))?\s*(?:及|或)?以上")
_BAND_MAX = re.compile(r"^\s*(?:\(含\))?\s*(?:及|或)?以(?:下|内)")
# the words after an amount up to 项目, never across a space (a headline's 揽金1026亿 签约项目76个)
_THEN_PROJECT = re.compile(r"^(?:\s*\(含\))?(?:\s*(?:及|或)?(?:以上|以下)\s*)?的?[^,;。、\d\s]{0,10}?项目")
_DIFF_BEFORE = re.compile(r"(?:多|少|增加|减少|增长|多出)(?:签约|签订|开工|引进|落地|竣工|投产)?\s*$")
_DIFF_CLAUSE = re.compile(r"(?:比|较)[^,;。]{0,8}(?:多|少|增加|减少)")
_BELOW = re.compile(r"(?:不足|低于|少于|不到|未满|未达)\s*$")  # 不足10亿元的项目: upper bound
_LEVEL = re.compile(r"^\s*级[^,;。、\d]{0,6}?项目")  # 百亿元级项目: lower bound
# an investor's amount then what it builds: 投资6.2亿元,在某区建设…项目 / 分别投资50亿元,各自兴建A和B
_BUILD_AFTER = re.compile(
    r"^\s*[,,]?\s*(?:各自|主要)?(?:用于)?(?:在[^,;。、]{1,12}?)?(?:建设|兴建|新建|投建|打造|建)(?!成|设中)"
)
BUILD_AFTER = _BUILD_AFTER
_OVER = ("超过", "超", "逾", "过")
_COUNT_THEN_EACH = re.compile(rf"{INT}\s*[个项宗]\s*项目\s*(?:的)?(?:单体)?(?<!总)投资(?:额|规模)?(?:均)?\s*$")
_TOTAL_BEFORE = re.compile(r"(?:总投资|投资总额|总金额|总额|合计)(?:为)?\s*$")
_ABOUT = (None, "约", "大约", "近", "将近", "接近", "达", "达到")
_EACH_BEFORE = re.compile(r"分别(?:投资|出资)?(?:约|超过|超|逾|近)?\s*$")
_NAMED_CUE = re.compile(r"(?:总投资|计划总投资|投资总额|投资额|计划投资|投资)(?:额)?(?:为|达|约|超)?\s*$")


@dataclass(slots=True)
class Tok:
    kind: str  # amount | band | named | trap | count | ref
    start: int
    end: int
    value: float | None = None  # amount value or count
    currency: str | None = None
    approx: bool = False
    size_min: float | None = None
    size_max: float | None = None
    name: str | None = None
    mid: str = ""  # words between 个 and 项目 (359个签约项目)
    listed: bool = False  # item of a 分别 list
    inline: bool = False  # listed count with its own subject (开工项目32个、竣工项目15个)
    alt: tuple[float, str] | None = None
    used: bool = False
    names: tuple[str, ...] = ()  # 分别投资X,兴建A和B: one amount each


def _trap_scope(prefix: str) -> str:
    """Where trap words count: after an event name when projects follow it (投资贸易洽谈会共签约
    项目总投资: 贸易 names the fair), else the whole clause (交易会上贸易成交额 stays trade)."""
    rest = after_event(prefix) if "项目" in prefix else None
    return rest if rest is not None and "项目" in rest else prefix


def _money(s: str, m: re.Match, bounds: list[int], counts: list[Tok]) -> Tok | None:
    a, b = m.span()
    if a > 0 and (s[a - 1].isdigit() or s[a - 1] in ".第数几"):
        return None  # 数十亿元, 几亿元: a vague size, no figure
    pre, bpre, num, bnum, text = m.group("pre", "bpre", "num", "bnum", 0)
    pre, num = pre or bpre, num or bnum
    if pre and a > 0 and s[a - 1] in _PRE_TAILS.get(pre, ""):  # 签约5亿元, 到达, 超过
        text, pre = text[len(pre) :], None
        a += len(m.group("pre") or m.group("bpre"))
    bare_unit = not num
    try:
        parsed = parse_amount(text.replace(pre or "\x00", "", 1) if pre == "上" else text)
    except (ValueError, KeyError):
        return None
    if parsed is None:
        return None
    value, cur, approx = parsed
    lead = _CUR_LEAD.search(s, max(0, a - 4), a) if cur == "CNY" and a > 0 else None
    if lead:  # 新台币1,236亿元 / 美元5亿元: the currency named before the figure
        cur = CURRENCIES[lead.group(1)]
    if pre == "上":
        approx = False
    if value < 1e5 and not bare_unit:
        return None
    if in_quotes(s, a):
        return Tok("trap", a, b)
    after = s[b:]
    prefix = s[clause_start(s, a) : a]
    if _CUE_PREFIX.fullmatch(prefix) and clause_start(s, a) > 0:  # 采购签约654个,协议金额X
        lo = clause_start(s, a)
        if _TRADE_SUBJECT.search(s, clause_start(s, lo - 1), lo):
            return Tok("trap", a, b)
    if _LEVEL.match(after):
        return Tok("band", a, b, size_min=value)
    if pre in _OVER and _COUNT_THEN_EACH.search(prefix):  # 3个项目投资超过50亿元: each above it
        return Tok("band", a, b, size_min=value)
    if _TRAP_AFTER.match(after) or _TRAP_BEFORE.search(_trap_scope(prefix)):
        return Tok("trap", a, b)
    cid = clause_id(bounds, a)
    count_follows = bool(counts) and any(c.start >= b and clause_id(bounds, c.start) == cid for c in counts)
    then_project = _THEN_PROJECT.match(after)
    if _BELOW.search(prefix) and (then_project or count_follows):
        return Tok("band", a, b, size_max=value)
    if _BAND_MIN.match(after):
        if "项目" in clause_after(s, b) or count_follows:
            return Tok("band", a, b, size_min=value)
        if bare_unit:
            return None
        return Tok("amount", a, b, value, cur, True)
    if _BAND_MAX.match(after) and ("项目" in clause_after(s, b) or count_follows):
        return Tok("band", a, b, size_max=value)
    if pre == "上" and (bare_unit or num in ("十", "百", "千")):
        return Tok("band", a, b, size_min=value)
    total = then_project and pre in _ABOUT and _TOTAL_BEFORE.search(s, max(0, a - 8), a)
    if then_project and count_follows and not total:
        return Tok("band", a, b, size_min=value)  # 投资超10亿元的项目12个 (总投资约150亿元的项目46个 is their total)
    if bare_unit:  # 近万亿元 is an amount; a bare 亿元 is not
        unit = m.group("unit") or m.group("bunit")
        return Tok("amount", a, b, value, cur, True) if pre and unit == "万亿" else None
    cue = _NAMED_CUE.search(s[max(0, a - 8) : a])
    name = project_name(after) if cue or then_project else None
    if name and cue:
        return Tok("named", a, b, value, cur, approx, name=name)
    build = _BUILD_AFTER.match(after) if cue else None
    if build and name_before(s, a):  # A项目:总投资X,主要建设B生产线: A is the project
        build = None
    if build:
        names = built_names(after[build.end() :])
        if names:
            each = len(names) > 1 and _EACH_BEFORE.search(s[max(0, a - 10) : a])
            if len(names) == 1 or each:
                return Tok("named", a, b, value, cur, approx, name=names[0], names=tuple(names))
    if then_project and not name and not total:  # 投资超百亿元的大项目: a class of projects, no total
        return Tok("band", a, b, size_min=value)
    return Tok("amount", a, b, value, cur, approx)


def _counts(s: str) -> list[Tok]:
    out: list[Tok] = []
    listed: list[tuple[int, int]] = []
    has_list, has_project = "分别" in s, "项目" in s
    trade = _TRADE_DEAL.search(s) is not None
    if not has_project and not has_list:  # a region list (南昌市72个、总投资…) needs no 项目
        return _implicit_counts(s, out, _listed_counts(s))
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
        if trade and (_TRADE_DEAL.search(m.group("mid")) or _trade_words(s, a)):
            continue
        if "分别" in m.group("mid"):
            continue  # 两个片区分别签约项目5宗、3宗: a count of places, each with its projects
        n = parse_count(s[a : m.start("mid")])
        if n and not any(t.start <= a < t.end for t in out):
            out.append(Tok("count", a, m.end(), n, mid=m.group("mid")))
    for m in COUNT_N.finditer(s) if "大" in s else ():
        a = m.start()
        if in_quotes(s, a) or any(t.start <= a < t.end for t in out):
            continue
        n = parse_count(m.group("num"))
        if n and n > 1:
            out.append(Tok("count", a, m.end(), n, mid=m.group("mid")))
    places = list(COUNT_G.finditer(s)) if _G_HINT.search(s) else []
    if has_list and "数" in s:
        places += COUNT_H.finditer(s)
    return _implicit_counts(s, out, _listed_counts(s) + places)


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
    return found + list(COUNT_D.finditer(s)) if "以上" in s or "以下" in s else found


def _trade_words(s: str, a: int) -> bool:
    """The word before a count's 项目 (after the last 和/及/与/、 and any event name: 投资贸易
    洽谈会 is a fair) names trade or purchase deals (贸易类项目19个, 采购项目…)."""
    lo = clause_start(s, a, soft=False)
    if not _TRADE_DEAL.search(s, lo, a):
        return False
    text = _LAST_ITEM.search(s, lo, a).group()  # the word right before 项目
    rest = after_event(text)
    return bool(_TRADE_DEAL.search(text if rest is None else rest))


def _implicit_counts(s: str, out: list[Tok], extra: list[re.Match] | None = None) -> list[Tok]:
    """Counts whose 项目 is understood: after a region or band in a list (COUNT_C/D, passed in),
    agreements (签订15项投资协议), a count right after its stage verb (已开工680个)."""
    extra = extra or []
    if "协议" in s or "合同" in s:
        extra += COUNT_E.finditer(s)
    extra += COUNT_F.finditer(s)
    if "件" in s:
        extra += COUNT_T.finditer(s)
    for m in extra:
        a = m.start("num")
        if in_quotes(s, a) or any(t.start <= a < t.end for t in out):
            continue
        if _TRADE_SUBJECT.search(s, clause_start(s, a, soft=False), a):
            continue
        if _DIFF_BEFORE.search(s, 0, a) or _DIFF_CLAUSE.search(s, clause_start(s, a, soft=False), a):
            continue  # 比去年同期多签约17个 / 多38个: a difference
        n = parse_count(m.group("num") + "个")
        if n:
            out.append(Tok("count", a, m.end(), n))
    return sorted(out, key=lambda t: t.start)


def _windows(s: str) -> list[tuple[int, int]]:
    """Spans around each run of 元/亿/币 where a money phrase can be: regexes run only there."""
    spans: list[tuple[int, int]] = []
    n = len(s)
    for m in _ANCHORS.finditer(s):
        a, b = m.span()
        lo, hi = (a - 24 if a > 24 else 0), (b + 6 if b + 6 < n else n)
        while lo > 0 and s[lo - 1] in _NUM_CHARS:
            lo -= 1
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _ranges(s: str, windows: list[tuple[int, int]]) -> list[Tok]:
    """Size bands written as a range (10亿元至50亿元)."""
    out = []
    for lo, hi in windows:
        for m in RANGE_RE.finditer(s, lo, hi):
            try:
                low = parse_number(m.group("n1")) * MONEY_UNITS[m.group("u1") or m.group("u2")]
                high = parse_number(m.group("n2")) * MONEY_UNITS[m.group("u2")]
            except (ValueError, KeyError):
                continue
            out.append(Tok("band", m.start(), m.end(), size_min=low, size_max=high))
    return out


def _money_matches(s: str, windows: list[tuple[int, int]]) -> list[re.Match]:
    """MONEY_RE.finditer over each window, tried only inside runs that can hold a match (the
    window end stays the search end: the 亿 lookahead sees what the window lets it see)."""
    found = []
    for lo, hi in windows:
        for run in _MONEY_RUN.finditer(s, lo, hi):
            end = run.end()
            for m in MONEY_RE.finditer(s, run.start(), hi):
                if m.start() >= end:
                    break
                found.append(m)
    return found


# a sign or an exponent right before a money figure: not an amount of investment
_NOT_A_QUANTITY = re.compile(r"(?:(?<![\d.])[-−]|负|\d[eE][+-]?)\s*$")  # 3-5亿元 is a range


def scan(s: str) -> list[Tok]:
    """All figure tokens of sentence s, in text order."""
    counts = _counts(s)
    windows = _windows(s)
    if not windows:  # no 元/亿/币: no money, only counts
        return counts
    bounds = boundaries(s)
    toks = _ranges(s, windows) if _RANGE_HINT.search(s) else []
    taken = [(t.start, t.end) for t in toks]
    for m in _money_matches(s, windows):
        if taken and any(x <= m.start() < y for x, y in taken):
            continue
        if _NOT_A_QUANTITY.search(s, max(0, m.start() - 3), m.start()):
            continue  # 负5亿元, -5亿元, 1.5e3亿元: no investment amount
        tok = _money(s, m, bounds, counts)
        if tok is not None:
            toks.append(tok)
    toks.sort(key=lambda t: t.start)
    _mark_alt_and_lists(s, toks)
    toks = [t for t in toks if not t.used]
    return sorted(toks + counts, key=lambda t: t.start) if counts else toks


def _mark_alt_and_lists(s: str, toks: list[Tok]) -> None:
    """'5亿美元(折合人民币32亿元)' -> alt on the first; moneys after 分别 joined by 、和 are a list."""
    money = [t for t in toks if t.kind in ("amount", "named")]
    if not money:
        return
    for x, y in zip(money, money[1:]):
        if x.currency != y.currency and y.start - x.end <= 8 and _ALT_GAP.fullmatch(s, x.end, y.start):
            x.alt, y.used = (y.value, y.currency), True
    if "分别" not in s:
        return
    runs: list[list[Tok]] = []
    for i, t in enumerate(money):
        if _LIST_HEAD.search(s[max(0, t.start - 8) : t.start]):
            t.listed = True
            runs.append([t])
        elif i and money[i - 1].listed and _LIST_JOIN.fullmatch(s, money[i - 1].end, t.start):
            t.listed = True
            runs[-1].append(t)
    for run in runs:  # 分别投资50亿元,各自兴建…: one amount is no list
        if len(run) == 1 and run[0].kind == "named":
            run[0].listed = False
