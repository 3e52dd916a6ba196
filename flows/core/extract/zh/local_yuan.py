"""Money of a Taiwan text: its bare 元 is the New Taiwan dollar, and 兆 is a trillion.

A Taiwan outlet (or a mainland page quoting one) writes 投资金额为2042亿元 for NT dollars; the
article says so elsewhere (新台币 once, Taiwan's ministries: flows/lexicons/local_yuan_zh.csv).
A cohort whose own sentence names 人民币 keeps yuan. A text's own note on its unit ((美元,下同)
after a figure) makes the bare figures from there on (no 元 in their sentence after it) that currency.
Taiwan print writes 兆 for 万亿
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


# a note on the unit of the figures after it: (美元,下同) / (单位:美元,下同)
_UNIT_NOTE = re.compile(r"\((?:单位[:：])?(?P<cur>美元|港元|港币|澳门元|欧元|日元|新台币)[,，、]\s*下同\)")
_NOTE_CODES = {
    "美元": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "澳门元": "MOP",
    "欧元": "EUR",
    "日元": "JPY",
    "新台币": "TWD",
}


def _unit_note(sentences: list[str], mentions: list[CohortMention]) -> None:
    """Bare figures after a (美元,下同) note: their sentence, after the note, writes no 元."""
    note = next(((i, m) for i, s in enumerate(sentences) if "下同" in s for m in [_UNIT_NOTE.search(s)] if m), None)
    if note is None:
        return
    at, m = note
    for c in mentions:
        if c.currency != "CNY" or c.sentence_index < at:
            continue
        rest = sentences[c.sentence_index][m.end() if c.sentence_index == at else 0 :]
        if "元" not in rest:
            c.currency = _NOTE_CODES[m.group("cur")]


def local_yuan(sentences: list[str], mentions: list[CohortMention]) -> list[CohortMention]:
    """Yuan amounts of a Taiwan text as NT dollars (their sentence names no 人民币); bare figures
    after a unit note in that note's currency."""
    _unit_note(sentences, mentions)
    cur = local_currency(sentences)
    if cur is None:
        return mentions
    for m in mentions:  # a band keeps its figure: bands are compared as written
        if m.currency == "CNY" and "人民币" not in m.evidence:
            m.currency = cur
    return mentions
