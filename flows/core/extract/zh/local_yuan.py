"""Money of a Taiwan text: its bare 元 is the New Taiwan dollar, and 兆 is a trillion.

A Taiwan outlet (or a mainland page quoting one) writes 投资金额为2042亿元 for NT dollars; the
article says so elsewhere (新台币 once, Taiwan's ministries: flows/lexicons/local_yuan_zh.csv).
A cohort whose own sentence names 人民币 keeps yuan. Taiwan print writes 兆 for 万亿
(2兆4,891亿元, 1.03兆元): `trillions` rewrites it before the scanners read the sentence.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.numerals import parse_number
from flows.core.lexicon import load
from flows.core.model import CohortMention

_CUES = tuple((r["cue"], r["with"], r["currency"]) for r in load("local_yuan_zh"))
_TRILLION = re.compile(r"(\d[\d,]*(?:\.\d+)?)兆(?:(\d[\d,]*(?:\.\d+)?)(?=亿))?(?=亿|元|新台币|美元)")


def _trillion(m: re.Match) -> str:
    head = parse_number(m.group(1))
    if m.group(2) is None:
        return f"{m.group(1)}万亿"
    return f"{head * 10000 + parse_number(m.group(2)):g}"


def trillions(s: str) -> str:
    """2兆4,891亿元 -> 24891亿元; 1.03兆元 -> 1.03万亿元 (兆瓦 and the like untouched); the
    statistics' 投(增)资 (investment or capital increase) read as 投资."""
    if "(增)" in s:
        s = s.replace("投(增)资", "投资")
    return _TRILLION.sub(_trillion, s) if "兆" in s else s


def local_currency(sentences: list[str]) -> str | None:
    text = "".join(sentences)
    for cue, also, cur in _CUES:
        if cue in text and (not also or also in text):
            return cur
    return None


def local_yuan(sentences: list[str], mentions: list[CohortMention]) -> list[CohortMention]:
    """Yuan amounts of a Taiwan text as NT dollars (their sentence names no 人民币)."""
    cur = local_currency(sentences)
    if cur is None:
        return mentions
    for m in mentions:  # a band keeps its figure: bands are compared as written
        if m.currency == "CNY" and "人民币" not in m.evidence:
            m.currency = cur
    return mentions
