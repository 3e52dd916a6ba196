"""Money of a Taiwan text: its bare 元 is the New Taiwan dollar, and 兆 is a trillion.

A Taiwan outlet (or a mainland page quoting one) writes 投资金额为2042亿元 for NT dollars; the
article says so elsewhere (新台币 once, Taiwan's ministries: flows/lexicons/local_yuan_zh.csv).
A cohort whose own sentence names 人民币 keeps yuan. A text's own note on its unit ((美元,下同)
after a figure) makes the bare figures from there on (no currency written after their digits) that
currency, up to the next note.
Taiwan print writes 兆 for 万亿
(2兆4,891亿元, 1.03兆元): `trillions` rewrites it before the scanners read the sentence.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.numerals import CURRENCIES, figure_span, parse_number
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
_NOTE_CURRENCIES = sorted((k for k, v in CURRENCIES.items() if v != "CNY"), key=len, reverse=True)
_UNIT_NOTE = re.compile(rf"\((?:单位[:：])?(?P<cur>{'|'.join(_NOTE_CURRENCIES)})[,，、]\s*下同\)")
# the currency written with a figure (…元, 人民币…)
_WRITTEN_AFTER = re.compile(rf"\s*(?:{'|'.join(sorted(CURRENCIES, key=len, reverse=True))}|人民币)")


def _unit_note(sentences: list[str], mentions: list[CohortMention]) -> None:
    """A bare figure (no currency after its digits, the notes left out) after a (美元,下同) note, or
    carrying it, is in that note's currency: the nearest note before it wins."""
    notes = [(i, m) for i, s in enumerate(sentences) if "下同" in s for m in _UNIT_NOTE.finditer(s)]
    if not notes:
        return
    for c in mentions:
        if c.currency != "CNY" or c.amount is None or c.sentence_index < notes[0][0]:
            continue
        s = sentences[c.sentence_index]
        span = figure_span(s, c.amount)
        end = span[1] if span else -1
        pos = (c.sentence_index, end if end >= 0 else len(s))
        at, note = next(((i, m) for i, m in reversed(notes) if (i, m.start()) <= pos), (None, None))
        if note is None:
            continue
        if end >= 0:  # the figure's own tail, its sentence's notes left out
            tail = _UNIT_NOTE.sub("", s[end:])
            written = _WRITTEN_AFTER.match(tail) or s[:end].rstrip(" ,万亿.0123456789").endswith("人民币")
        else:  # not in digits: no 元 in the sentence after the note
            written = "元" in _UNIT_NOTE.sub("", s[note.end() if at == c.sentence_index else 0 :])
        if not written:
            c.currency = CURRENCIES[note.group("cur")]


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
