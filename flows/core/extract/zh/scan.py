"""Scan one Chinese sentence into figure tokens: money (amount, size band, named project, trap)
and project counts (zh_counts), each with its character span.

Only figures that can belong to a project cohort survive as `amount`/`band`/`named`/`count`;
shares, growth, differences, averages, tax, output, trade and procurement, funds and bonds,
annual plans, leverage (带动投资), per-unit lower bounds (均超过), milestones (首次超), capacities
and quoted industry names are classified `trap` so the assembler in extract_zh ignores them.
An investor's amount followed by what it builds (投资6.2亿元,建设…项目) is a named project;
vague sizes (数十亿元) are none. Where money phrases can be, and how found ones join (alternatives,
分别 lists), is zh.money_find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.core.extract.zh.clauses import boundaries, clause_after, clause_id, clause_start, in_plan, in_quotes
from flows.core.extract.zh.counts import TRADE_SUBJECT, examples_total_end, find_counts
from flows.core.extract.zh.events import after_event
from flows.core.extract.zh.fast import any_of, may_hold
from flows.core.extract.zh.money_find import RANGE_HINT, mark_alt_and_lists, money_matches, ranges
from flows.core.extract.zh.money_find import windows as find_windows
from flows.core.extract.zh.names import built_names, listed_named, name_before, project_name
from flows.core.extract.zh.numerals import (
    CURRENCIES,
    INT,
    parse_amount,
)
from flows.core.extract.zh.tokens import Tok
from flows.core.extract.zh.trap_lists import trap_list_items
from flows.core.extract.zh.words import PROJECT_WORD, SUM_WORD, TOTAL_INVESTMENT, TOTAL_WORD
from flows.core.lexicon import load

_CUR_LEAD = re.compile(r"(新台币|台币|美元|港币|港元|欧元|日元)\s*(?:约|逾|超|近)?\s*$")
_PRE_TAILS = {"约": "签合协节制预", "达": "到表传", "过": "通经超"}
_CUE_PREFIX = re.compile(
    r"\s*(?:计划|协议|签约|合同)?(?:总投资|投资总额|投资额|总金额|金额|总额|(?<=约)额)"
    r"(?:为|达|约)?\s*"
)
# …,引资X: the outside part
_FOREIGN_PART = re.compile(r"\s*(?:其中)?(?:外资(?:金额|额)|引资额?)(?:为|达|约)?\s*")
_TOTAL_JUST_BEFORE = re.compile(r"总投资(?:额)?(?:为|达|约)?\s*[\d.,]+\s*(?:万|亿)?(?:美元|元|港元)\s*,\s*$")
# a bare contract clause (…现场销售X,签订合同Y、签订意向协议Z): sales after sales, when a trade clause leads
_DEAL_CUE = re.compile(r"\s*(?:签订|签约|达成)[^,;。、\d]{0,4}?(?:合同|协议)(?:金额|额)?(?:为|达|约)?\s*")
# words before a figure that make it a trap: any_of's test = re.compile("|".join(patterns)).search(x) is not None
_trap_before = any_of([row["pattern"] for row in load("traps_zh")])
_TRAP_AFTER = re.compile(
    r"^\s*(?:级|的?产业(?![^,;。、\d]{0,12}?项目)|集群|俱乐部|[^,;。、]{0,6}?(?:基金|贷款|授信|产值|营收|税收)"
    r"|[^,;。、\d]{0,10}?(?:采购|购销)项目"  # 签约9.1亿元铜精矿原料采购项目: a purchase deal
    r"|(?:及|或)?以[上下]的?(?:标准|要求|门槛|条件))"  # 投资总额在1亿元以上的标准: a criterion
)
_BAND_MIN = re.compile(r"^\s*(?:\(含\))?\s*(?:及|或)?以上")
_BAND_MAX = re.compile(r"^\s*(?:\(含\))?\s*(?:及|或)?以(?:下|内)")
# the words after an amount up to 项目, never across a space (a headline's 揽金1026亿 签约项目76个)
_THEN_PROJECT = re.compile(
    rf"^(?:\s*\(含\))?(?:\s*(?:及|或)?(?:以上|以下)\s*)?的?[^,;。、\d\s]{{0,10}}?(?:{PROJECT_WORD})"
)
# a signing verb right before a plain figure that runs into its projects (签约36.5亿元各类项目66个)
_SIGNED_SUM = re.compile(r"(?:签约|签订|签下|引进|引资)\s*$")
_NO_DE = re.compile(r"^[^的,;。、\d\s]{0,6}项目")
# 不足10亿元的项目: upper bound
_BELOW = re.compile(r"(?:不足|低于|少于|不到|未满|未达)\s*$")
_EXAMPLE_OF = re.compile(r"^的?[^,;。、\d\s]{0,10}?项目等")
# 百亿元级项目: that level up to the next (×10)
_LEVEL = re.compile(r"^\s*级[^,;。、\d]{0,6}?项目")
# an investor's amount then what it builds: 投资6.2亿元,在某区建设…项目 / 分别投资50亿元,各自兴建A和B
_BUILD_AFTER = re.compile(
    r"^\s*(?:,\s*(?:用地|占地|征地|规划用地)[^,;。、]{1,12}?)?"  # 投资X,用地1500亩,在某县建设A: a land aside
    r"\s*[,,]?\s*(?:各自|主要)?(?:用于)?(?:(?:在[^,;。、]{1,12}?)?(?:建设|兴建|新建|投建|打造|新上|建)(?!成|设中)"
    r"|(?:落户|落地|位于)[^,;。、]{1,14}?的)"  # 投资12亿元,落户某经开区的A项目
)
BUILD_AFTER = _BUILD_AFTER
# a count's clause right before the amount's (项目18个,总投资X / 共18个项目,总投资X): the amount is the count's
_COUNTED_BEFORE = re.compile(
    rf"(?:{INT})\s*[个项宗](?:{PROJECT_WORD})?\s*[,，]\s*(?:计划)?(?:{TOTAL_WORD}|投资)(?:为|达到?|约|超过?)?\s*$"
)
_OVER = ("超过", "超", "逾", "过")
# a bare unit (亿元, no numeral) naming a class of projects: 亿元项目 / 过亿元的合同、协议项目 (labels, wt-zh9)
_BARE_BAND = re.compile(r"^的?[^,;。\d\s]{0,12}?项目")
# N个(内资)项目投资(额)(均)(在)…: each of the N above the figure (3个项目投资超过50亿元, 49个内资项目投资额均在5000万元以上)
_COUNT_THEN_EACH = re.compile(
    rf"{INT}\s*[个项宗][^,;。\d]{{0,6}}?项目\s*(?:的)?(?:单体)?(?<!总)投资(?:额|规模)?(?:均)?(?:在)?\s*$"
)
# …的项目有N项 (N > 1): the projects whose investment reaches the figure, each
_EACH_REACHES = re.compile(rf"^的?[^,;。、\d]{{0,10}}?项目(?:有|共有)\s*(?![1一]\s*[个项宗])(?:{INT})\s*[个项宗]")
# a per-project criterion counted without 项目: 投资总额在X的达N个 / 投资额在X的有N个
_AT_CUE = re.compile(r"(?:投资总额|投资额|总投资|投资规模)(?:均)?在\s*$")
_AT_COUNT = re.compile(rf"^\s*(?:以上)?的(?:项目)?(?:达到?|有|共有|为)\s*(?:{INT})\s*[个项宗]")
_COUNT_CUE_BEFORE = re.compile(rf"{INT}\s*[个项宗]\s*(?:计划)?(?:{TOTAL_INVESTMENT})(?:额)?(?:为|达|约|超)?\s*$")
_TOTALS = ("总投资", "投资总额")  # what every _COUNT_CUE_BEFORE match holds
_TOTAL_BEFORE = re.compile(rf"(?:{TOTAL_WORD}|合计)(?:为)?\s*$")
_SUM_CUE = re.compile(rf"(?:{TOTAL_WORD}|签约金额|{SUM_WORD})(?:达到?|约|为)?\s*$")
_ABOUT = (None, "约", "大约", "近", "将近", "接近", "达", "达到")
_EACH_BEFORE = re.compile(r"分别(?:投资|出资)?(?:约|超过|超|逾|近)?\s*$")
_NAMED_CUE = re.compile(r"(?:总投资|计划总投资|投资总额|投资额|计划投资|投资|签订|签下)(?:额)?(?:为|达|约|超)?\s*$")


def _trap_scope(prefix: str) -> str:
    """Where trap words count: after an event name when projects follow it (投资贸易洽谈会共签约
    项目总投资: 贸易 names the fair), else the whole clause (交易会上贸易成交额 stays trade)."""
    rest = after_event(prefix) if "项目" in prefix else None
    return rest if rest is not None and "项目" in rest else prefix


@dataclass(slots=True)
class _Figure:
    """One money match read: where it starts, its value and the words it is written with."""

    start: int  # after a verb's tail taken off the front (签约5亿元: 约 belongs to 签约)
    value: float
    currency: str
    approx: bool
    pre: str | None  # the bound word before the number (超过, 约, 上), if it is one
    num: str | None  # None for a bare unit (亿元, 近万亿元)
    unit: str | None


def _read_figure(s: str, m: re.Match) -> _Figure | None:
    """The value of a money match; None for a vague size (数十亿元), a sum under 100,000 or
    text that does not parse."""
    a = m.start()
    if a > 0 and (s[a - 1].isdigit() or s[a - 1] in ".第数几"):
        return None  # 数十亿元, 几亿元: a vague size, no figure
    pre, bpre, num, bnum, text = m.group("pre", "bpre", "num", "bnum", 0)
    pre, num = pre or bpre, num or bnum
    if pre and a > 0 and s[a - 1] in _PRE_TAILS.get(pre, ""):  # 签约5亿元, 到达, 超过
        text, pre = text[len(pre) :], None
        a += len(m.group("pre") or m.group("bpre"))
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
    if value < 1e5 and num:
        return None
    return _Figure(a, value, cur, approx, pre, num, m.group("unit") or m.group("bunit"))


def _money(s: str, m: re.Match, bounds: list[int], counts: list[Tok]) -> Tok | None:
    """Classify one money match as amount, size band, named project or trap (None: no figure)."""
    f = _read_figure(s, m)
    if f is None:
        return None
    a, b = f.start, m.end()
    after, prefix = s[b:], s[clause_start(s, a) : a]
    decided = _trap_or_lower_bound(s, f, b, prefix, after)
    if decided is not None:
        return decided
    cid = clause_id(bounds, a)
    count_follows = bool(counts) and any(c.start >= b and clause_id(bounds, c.start) == cid for c in counts)
    then_project = _THEN_PROJECT.match(after)
    if _BELOW.search(prefix) and (then_project or count_follows):
        return Tok("band", a, b, size_max=f.value)
    if _BAND_MIN.match(after):
        return _at_least(s, f, b, count_follows)
    if _BAND_MAX.match(after) and ("项目" in clause_after(s, b) or count_follows):
        return Tok("band", a, b, size_max=f.value)
    if f.pre == "上" and (not f.num or f.num in ("十", "百", "千")):
        if f.num and _SUM_CUE.search(prefix) and not then_project and not after.lstrip().startswith("的"):
            # 总投资上百亿元: a round total, not a band (总投资上亿元的达20个 stays one)
            return Tok("amount", a, b, f.value, f.currency, True)
        return Tok("band", a, b, size_min=f.value)
    total = then_project and f.pre in _ABOUT and _TOTAL_BEFORE.search(s, max(0, a - 8), a)
    if total and f.pre in ("达", "达到") and _EACH_REACHES.match(after):
        total = None  # 总投资达4000万美元的项目有2项: each reaches it
    if _AT_CUE.search(prefix) and _AT_COUNT.match(after):  # 投资总额在1000万美元的达19个: each
        return Tok("band", a, b, size_min=f.value)
    if (
        then_project
        and count_follows
        and f.num
        and f.pre is None
        and _SIGNED_SUM.search(prefix)
        and _NO_DE.match(after)
    ):
        return Tok("amount", a, b, f.value, f.currency, f.approx)  # 签约36.5亿元各类项目66个: their sum
    if then_project and count_follows and not _EXAMPLE_OF.match(after):  # 投资超10亿元的项目12个
        # (总投资约150亿元的项目46个 is their total; 投资7亿元的A项目等9个: A is one of them)
        return Tok("amount", a, b, f.value, f.currency, f.approx) if total else Tok("band", a, b, size_min=f.value)
    if not f.num and f.pre in (None, *_OVER) and _BARE_BAND.match(after):  # 28个亿元项目 / 过亿元的A、B项目
        return Tok("band", a, b, size_min=f.value)
    if not f.num:  # 近万亿元 is an amount; a bare 亿元 is not
        return Tok("amount", a, b, f.value, f.currency, True) if f.pre and f.unit == "万亿" else None
    return _amount_or_named(s, f, b, bool(then_project), bool(total))


def _trap_or_lower_bound(s: str, f: _Figure, b: int, prefix: str, after: str) -> Tok | None:
    """What the words right around the figure decide: a trap (quoted, trade, fund, output…) or
    a lower bound per project (百亿元级项目, 3个项目投资超过50亿元); None when they decide nothing."""
    a = f.start
    if in_quotes(s, a) or in_plan(s, a):  # 全年目标…总投资额超600亿元: a target
        return Tok("trap", a, b)
    foreign = ("外资" in prefix or "引资" in prefix) and _FOREIGN_PART.fullmatch(prefix)  # (one is in every match)
    if foreign and _TOTAL_JUST_BEFORE.search(s, 0, clause_start(s, a, soft=False)):
        return Tok("trap", a, b)  # 总投资1亿美元,外资金额4,000万美元: the foreign part of that total
    deal = _DEAL_CUE.fullmatch(prefix) is not None
    if (deal or _CUE_PREFIX.fullmatch(prefix)) and clause_start(s, a) > 0:  # 采购签约654个,协议金额X
        lo = clause_start(s, a)
        before = s[
            clause_start(s, clause_start(s, a, soft=False) - 1, soft=False) if deal else clause_start(s, lo - 1) : lo
        ]
        if TRADE_SUBJECT.search(before):  # not when 交易 only names the fair (成果交易会…签约项目2716项)
            rest = after_event(before)
            if rest is None or TRADE_SUBJECT.search(rest):
                return Tok("trap", a, b)
    if _LEVEL.match(after):
        return Tok("band", a, b, size_min=f.value, size_max=f.value * 10)
    if (f.pre in _OVER or _BAND_MIN.match(after)) and _COUNT_THEN_EACH.search(prefix):  # each above it
        return Tok("band", a, b, size_min=f.value)
    if _TRAP_AFTER.match(after) or (_trap_before(_trap_scope(prefix)) and not _fdi_of_count(s, a, prefix)):
        return Tok("trap", a, b)
    if prefix.endswith("计划投资") and _YEAR_SHARE.search(after.split("。", 1)[0].split(";", 1)[0]):
        return Tok("trap", a, b)  # 重点项目104个,计划投资X,完成投资Y,占年度计划的47%: the year's plan
    return None


# 外资项目16个,协议外资总投资额X美元: the only sum given for a count of foreign-funded projects is theirs
_FDI_CUE = re.compile(
    r"\s*(?:合同|协议|签约)(?:外资|台资|港资|侨资)(?:总投资)?(?:额|金额)?(?:为|达到?|约|超过?|逾)?\s*"
)
_FDI_COUNT = re.compile(rf"(?:外资|台资|港资|侨资)(?:投资)?项目\s*(?:{INT})\s*[个项宗]\s*[,、]?\s*$")


def _fdi_of_count(s: str, a: int, prefix: str) -> bool:
    lo = clause_start(s, a)
    if lo <= 0 or _FDI_CUE.fullmatch(prefix) is None or _FDI_COUNT.search(s, max(0, lo - 16), lo) is None:
        return False
    return _TOTAL_NEXT.match(s, a) is None  # …合同外资X,总投资Y: the count's total is Y


# the clause after a foreign-capital figure gives the projects' total (合同外资额X,总投资Y)
_TOTAL_NEXT = re.compile(r"[^,;。]*,\s*(?:项目)?(?:计划)?(?:总投资|投资总额)")


# the year's plan
_YEAR_SHARE = re.compile(r"占年度(?:投资)?计划|年度(?:投资)?计划的|占总投资(?:额)?(?:的)?\s*\d")


_PROJECT_WORD = re.compile(PROJECT_WORD)
_EACH_WORD = re.compile(r"(?:全部|均|都|一律)(?:投资(?:额)?)?(?:为|在|是|达到?)?\s*$")


def _at_least(s: str, f: _Figure, b: int, count_follows: bool) -> Tok | None:
    """X亿元以上: the lower bound of the projects its clause names or counts, or of each of them
    (投资额全部为5亿元以上), else an approximate amount (a bare 亿元以上 is none)."""
    if _PROJECT_WORD.search(clause_after(s, b)) or count_follows or _EACH_WORD.search(s, max(0, f.start - 6), f.start):
        bound = _BAND_MIN.match(s[b : b + 8])  # the band ends after (含)以上
        return Tok("band", f.start, b + (bound.end() if bound else 0), size_min=f.value)
    if not f.num:
        return None
    return Tok("amount", f.start, b, f.value, f.currency, True)


def _amount_or_named(s: str, f: _Figure, b: int, then_project: bool, total: bool) -> Tok:
    """A plain figure: the amount of the project named after it (总投资X亿元的A项目) or built
    with it (投资X亿元,建设A项目), a class of projects (投资超百亿元的大项目), else an amount."""
    a, after = f.start, s[b:]
    cue_lo = max(0, a - 14)
    if (may_hold(s, cue_lo, a, _TOTALS) and _COUNT_CUE_BEFORE.search(s, cue_lo, a)) or examples_total_end(s, b) >= 0:
        return Tok("amount", a, b, f.value, f.currency, f.approx)  # 8个总投资X的外资项目: the count's total
    cue = _NAMED_CUE.search(s[max(0, a - 8) : a]) or listed_named(s, a)  # …的A、30亿元的B
    name = project_name(after) if cue or then_project else None
    if name and cue:
        return Tok("named", a, b, f.value, f.currency, f.approx, name=name)
    build = _BUILD_AFTER.match(after) if cue else None
    if build and name_before(s, a):  # A项目:总投资X,主要建设B生产线: A is the project
        build = None
    if build and _COUNTED_BEFORE.search(s, max(0, a - 24), a):  # 开工项目18个,总投资X,…建设A: the count's total
        build = None
    if build:
        names = built_names(after[build.end() :])
        if names:
            each = len(names) > 1 and _EACH_BEFORE.search(s[max(0, a - 10) : a])
            if len(names) == 1 or each:
                return Tok("named", a, b, f.value, f.currency, f.approx, name=names[0], names=tuple(names))
    if then_project and not name and not total:  # 投资超百亿元的大项目: a class of projects, no total
        return Tok("band", a, b, size_min=f.value)
    return Tok("amount", a, b, f.value, f.currency, f.approx)


# a sign or exponent before it; 3-5亿元 a range
_NOT_A_QUANTITY = re.compile(r"(?:(?<![\d.])[-−]|负|\d[eE][+-]?)\s*$")


def scan(s: str) -> list[Tok]:
    """All figure tokens of sentence s, in text order."""
    counts = find_counts(s)
    windows = find_windows(s)
    if not windows:  # no 元/亿/币: no money, only counts
        return counts
    bounds = boundaries(s)
    toks = ranges(s, windows) if RANGE_HINT.search(s) else []
    taken = [(t.start, t.end) for t in toks]
    for m in money_matches(s, windows):
        if taken and any(x <= m.start() < y for x, y in taken):
            continue
        if _NOT_A_QUANTITY.search(s, max(0, m.start() - 3), m.start()):
            continue  # 负5亿元, -5亿元, 1.5e3亿元: no investment amount
        tok = _money(s, m, bounds, counts)
        if tok is not None:
            toks.append(tok)
    toks.sort(key=lambda t: t.start)
    trap_list_items(s, toks)  # 分别到位资金X亿、Y亿…: every item of a trap's list
    mark_alt_and_lists(s, toks)
    toks = [t for t in toks if not t.used]
    return sorted(toks + counts, key=lambda t: t.start) if counts else toks
