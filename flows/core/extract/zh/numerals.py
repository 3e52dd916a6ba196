"""Chinese numerals and money amounts -> numbers (our own parser: cn2an fails on 百亿, bare 亿
and decimals before 亿/万亿).

`parse_number` reads Arabic, Chinese (一百三十二, 二十五点六, 两千) and mixed (3千) numerals;
`parse_amount` reads a whole money phrase (超6178亿元, 二十五点六亿美元, 4亿2800万元) into
(value in full units, ISO currency, approximate); `parse_count` reads 一百三十二个 / 359个.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MONEY_UNITS = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
CURRENCIES = {
    "美元": "USD",
    "美金": "USD",
    "欧元": "EUR",
    "港元": "HKD",
    "港币": "HKD",
    "澳门元": "MOP",
    "澳门币": "MOP",
    "日元": "JPY",
    "英镑": "GBP",
    "韩元": "KRW",
    "新台币": "TWD",
    "台币": "TWD",
    "元人民币": "CNY",
    "元": "CNY",
    "人民币": "CNY",
}
APPROX_PREFIXES = ("超过", "多达", "高达", "将近", "接近", "大约", "突破", "达到", "超", "逾", "近", "约", "达", "过")

# one numeral: Arabic (with thousands commas or spaces, 1 137 / decimals, a stray space before the
# point as print copy has it, 4 .8 / optionally 3千) or Chinese
NUM = (
    r"(?:(?:\d{1,3}(?: \d{3}(?!\d))+|\d+(?:,\d{3})*)(?: ?\.\d+)?(?:\s*[千百](?![万亿]?[吨瓦米]))?"
    r"|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
)
INT = r"(?:\d{1,3}(?: \d{3}(?!\d))+|\d+(?:,\d{3})*|[零〇一二两三四五六七八九十百千]+)"
UNIT = r"(?:万亿|亿|千万|百万|万)"
# the units after 万 in statistics print (29亿8,922万1,000美元: a trailing 1,000; 260亿129万5千元:
# a trailing 5千), only after 万
TAIL = r"(?<=万)(?:\d\s*[千百](?![万亿])|[一二两三四五六七八九][千百](?![万亿])|\d{1,3}(?:,\d{3})?(?![\d千百]))"
CUR = r"(?:澳门元|澳门币|美元|美金|欧元|港元|港币|日元|英镑|韩元|元人民币|元|人民币)"

_AMOUNT_RE = re.compile(
    rf"^\s*(?P<pre>{'|'.join(APPROX_PREFIXES)})?\s*(?P<num>{NUM})?\s*(?P<more>余|多)?\s*"
    rf"(?P<unit>{UNIT})?(?:\s*(?P<num2>{NUM})\s*(?P<unit2>千万|百万|万))?(?:\s*(?P<num3>{TAIL}))?"
    rf"\s*(?P<more2>余|多)?\s*"
    rf"(?P<cur>{CUR})?\s*$"
)
# a count may be written in 万 (1.2万个)
COUNT_INT = rf"(?:\d+(?:\.\d+)?\s*万|{INT})"
_COUNT_RE = re.compile(rf"^\s*(?P<num>{COUNT_INT})\s*(?:余|多)?\s*[个项宗]?\s*$")
_SPACE_COMMA = re.compile(r"[\s,]")
_ARABIC = re.compile(r"^(\d+(?:\.\d+)?)(.*)$")


def _cn_below_wan(s: str) -> float:
    """一千零三十二 -> 1032; consecutive digits concatenate (二〇二二 -> 2022)."""
    total, num, last_digit = 0.0, 0.0, False
    for ch in s:
        if ch in DIGITS:
            num = num * 10 + DIGITS[ch] if last_digit else DIGITS[ch]
            last_digit = True
        elif ch in SMALL_UNITS:
            total += (num if num or last_digit else 1) * SMALL_UNITS[ch]
            num, last_digit = 0.0, False
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + num


def _cn_int(s: str) -> float:
    if not s:
        return 0.0
    if "亿" in s:
        head, tail = s.split("亿", 1)
        return (_cn_int(head) if head else 1.0) * 1e8 + _cn_int(tail)
    if "万" in s:
        head, tail = s.split("万", 1)
        return (_cn_int(head) if head else 1.0) * 1e4 + _cn_int(tail)
    return _cn_below_wan(s)


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float:
    """'359' '6,329.81' '一百三十二' '二十五点六' '两千' '百' '3千' '1.2万' -> float."""
    s = _SPACE_COMMA.sub("", text)
    if not s:
        raise ValueError("empty numeral")
    m = _ARABIC.match(s)
    if m:
        value, rest = float(m.group(1)), m.group(2)
        for ch in rest:  # mixed forms: 3千, 1.2万, 5亿
            if ch in SMALL_UNITS:
                value *= SMALL_UNITS[ch]
            elif ch == "万":
                value *= 1e4
            elif ch == "亿":
                value *= 1e8
            else:
                raise ValueError(f"not a numeral: {text!r}")
        return value
    if "点" in s:
        whole, frac = s.split("点", 1)
        digits = "".join(str(DIGITS[c]) for c in frac)
        return (_cn_int(whole) if whole else 0.0) + float("0." + digits)
    return _cn_int(s)


def _num_or_one(s: str | None) -> float:
    return 1.0 if not s else parse_number(s)


@lru_cache(maxsize=4096)
def parse_amount(text: str) -> tuple[float, str, bool] | None:
    """'超6178亿元' -> (617800000000.0, 'CNY', True); None when it is not a money phrase.

    A money phrase needs a currency, or a 亿/万亿 unit (amounts without 元: 揽金6329亿).
    """
    m = _AMOUNT_RE.match(text)
    if not m or not (m.group("num") or m.group("unit")):
        return None
    cur, unit = m.group("cur"), m.group("unit")
    if not cur and unit not in ("亿", "万亿"):
        return None
    try:
        value = _num_or_one(m.group("num")) * MONEY_UNITS.get(unit or "", 1.0)
        if m.group("num2"):
            value += parse_number(m.group("num2")) * MONEY_UNITS[m.group("unit2")]
        if m.group("num3"):
            value += parse_number(m.group("num3"))
    except OverflowError:
        return None
    if not math.isfinite(value):
        return None
    approx = bool(m.group("pre") or m.group("more") or m.group("more2"))
    return float(round(value, 2)), CURRENCIES.get(cur or "元", "CNY"), approx


@lru_cache(maxsize=4096)
def parse_count(text: str) -> int | None:
    """'359个' '一百三十二个' '1,200项' '100余个' -> int; None when not a count."""
    m = _COUNT_RE.match(text)
    if not m:
        return None
    try:
        value = parse_number(m.group("num"))
    except OverflowError:
        return None
    if not math.isfinite(value) or value >= 1e15:  # no real count is this large
        return None
    return int(value) if value >= 1 and value == int(value) else None


# another count joined right after a count's group (…项目和1个产业基金项目, …个、3个…)
SIBLING_COUNT = re.compile(r"\s*(?:和|及|以及|与|、)\s*[\d零〇一二两三四五六七八九十百千]+\s*[个项宗]")


# a money figure in digits (3亿, 2,500万), found again by its value
_DIGIT_FIGURE = re.compile(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(万亿|亿|万)?")
_MAGNITUDE = {None: 1.0, "万": 1e4, "亿": 1e8, "万亿": 1e12}


def figure_span(s: str, amount: float) -> tuple[int, int] | None:
    """Where the digits (and magnitude) of `amount` stand in s, None when it is not written so."""
    for f in _DIGIT_FIGURE.finditer(s):
        value = float(f.group(1).replace(",", "")) * _MAGNITUDE[f.group(2)]
        if math.isclose(value, amount, rel_tol=1e-6):
            return f.span()
    return None
