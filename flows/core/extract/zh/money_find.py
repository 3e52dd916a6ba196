"""Where the money phrases of a Chinese sentence can be, and how found ones join: the windows
around each 元/亿/币 run (regexes run only there), the ranges (10亿元至50亿元), the MONEY_RE matches
tried only inside runs that can hold one, and the marks on found amounts (an alternative in
another currency, the items of a 分别 list). Split from zh.scan, which reads a figure's words.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.numerals import CUR, MONEY_UNITS, NUM, TAIL, UNIT, parse_number
from flows.core.extract.zh.tokens import Tok

_PRE = r"(?:超过|多达|高达|将近|接近|大约|突破|达到|超|逾|近|约|达|过|上)"
MONEY_RE = re.compile(
    r"(?=[超多高将接大突达逾近约过上\d零〇一二两三四五六七八九十百千万亿])"
    rf"(?:(?P<pre>{_PRE})?\s*(?P<num>{NUM})?\s*(?:余|多)?\s*(?P<unit>{UNIT})?"
    rf"(?:\s*{NUM}\s*(?:千万|百万|万))?(?:{TAIL})?\s*(?:余|多)?\s*(?P<cur>{CUR})"
    rf"|(?P<bpre>{_PRE})?\s*(?P<bnum>{NUM})\s*(?:余|多)?\s*(?P<bunit>万亿|亿)"
    r"(?=$|[\s,.;:!?、。)(”\"]|的|左右|以上|规模|投资|资金|级))"
)
RANGE_RE = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十百千])"
    rf"(?P<n1>{NUM})\s*(?P<u1>{UNIT})?\s*(?:元)?\s*(?:\((?:含|不含)\))?\s*(?:至|到|-|—|~)\s*"
    rf"(?P<n2>{NUM})\s*(?P<u2>{UNIT})\s*(?:元|(?=级))(?:\s*\((?:含|不含)\))?"
)
_ANCHORS = re.compile(r"[元亿币]+")
# every character a MONEY_RE match can consume; a match lies inside one run of them that holds
# its currency or 亿, so runs without 元/币/镑/亿 (dates, plain counts) are never tried
_MONEY_CHARS = r"\s\d,.超过多达高将近接大约突破到逾上零〇一二两三四五六七八九十百千点余万亿美元欧港币日英镑韩人民"
_MONEY_RUN = re.compile(rf"[{_MONEY_CHARS}]*[元币镑亿][{_MONEY_CHARS}]*")
RANGE_HINT = re.compile(r"[至到\-—~]")
_ALT_GAP = re.compile(r"\s*[(,]?\s*(?:折合|约合|相当于|合)(?:人民币|美元)?\s*(?:约)?\s*")
# 分别(总)投资 / 分别签约金额 …: the head of an amount list (分别签约项目15个、11个,分别总投资X、Y)
_LIST_HEAD = re.compile(
    r"分别(?:总?投资(?:额|总额)?|出资|签约(?:金额|总额)|协议(?:投资|金额)|合同金额)?(?:为|是|达到|达|约)?\s*$"
)
_LIST_JOIN = re.compile(r"\s*[、和及与,]\s*")
_NUM_CHARS = set("0123456789.,零〇一二两三四五六七八九十百千万亿点 ")


def windows(s: str) -> list[tuple[int, int]]:
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


def ranges(s: str, windows: list[tuple[int, int]]) -> list[Tok]:
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


# the characters MONEY_RE's opening lookahead admits (besides digits)
_MONEY_STARTS = frozenset("超多高将接大突达逾近约过上零〇一二两三四五六七八九十百千万亿")


def money_matches(s: str, windows: list[tuple[int, int]]) -> list[re.Match]:
    """MONEY_RE.finditer over each window, tried only inside runs that can hold a match (the
    window end stays the search end: the 亿 lookahead sees what the window lets it see).
    As finditer from the run's start, stopped at the first match starting past the run, but
    tried only at the run's positions that can open a match (no scan of the rest of the window)."""
    found = []
    match = MONEY_RE.match
    for lo, hi in windows:
        for run in _MONEY_RUN.finditer(s, lo, hi):
            q, end = run.start(), run.end()
            while q < end:
                c = s[q]
                if c in _MONEY_STARTS or c.isdigit():
                    m = match(s, q, hi)
                    if m:  # never empty: a currency or 亿 is always consumed
                        found.append(m)
                        q = m.end()
                        continue
                q += 1
    return found


def mark_alt_and_lists(s: str, toks: list[Tok]) -> None:
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
