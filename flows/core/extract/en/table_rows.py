"""Rows of a machine-translated size table: 'Investment 100-500 million yuan project 498,
500 million-1 billion yuan project 121, more than 1 billion yuan project 117' (投资1-5亿元项目
498个 ...): each row is a size band, the singular 'project' and the count of projects of that
size (used by en_sentence, before the sentence's other figures are grouped).
"""

from __future__ import annotations

import re

from flows.core.extract.en.counts import Count
from flows.core.extract.en.figures import Item
from flows.core.extract.en.numbers import Amount

_UNIT = {"million": 1e6, "billion": 1e9}
_ROW = re.compile(
    r"(?:(?P<q>more\s+than|over|above)\s+)?(?P<cur>\$|US\$)?(?P<lo>\d+(?:\.\d+)?)\s*(?P<lou>million|billion)?"
    r"(?:\s*(?:yuan)?\s*-\s*(?P<hi>\d+(?:\.\d+)?)\s*(?P<hiu>million|billion))?\s*(?:yuan\s+)?"
    r"project\s+(?P<n>\d+)(?=\s*(?:[,;]|\.(?!\d)|$))",
    re.I,
)

_ROW_HINT = re.compile(r"project\s+\d", re.I)  # what every _ROW match holds


def table_rows(s: str, items: list[Item], spans: list[tuple[int, int]]) -> tuple[list[Item], list[tuple[int, int]]]:
    """The sentence's amount items and money spans with its table rows read: each row a band
    item and the count item after it (the amounts the row's figures were read as dropped)."""
    if "project " not in s or len(_ROW_HINT.findall(s)) < 2:
        return items, spans  # (each _ROW match holds its own 'project N': under two, under 4 rows)
    rows = []
    for m in _ROW.finditer(s):
        unit = m.group("hiu") or m.group("lou")
        if not unit or (m.group("hi") is None and not m.group("q")) or (m.group("hi") and m.group("q")):
            continue
        lo = float(m.group("lo")) * _UNIT[(m.group("lou") or unit).lower()]
        hi = float(m.group("hi")) * _UNIT[unit.lower()] if m.group("hi") else None
        currency = "USD" if m.group("cur") else "CNY"
        band_end = m.start("n") - len("project ")
        amount = Amount(m.start(), band_end, hi or lo, currency, False, "lower" if hi is None else None)
        count = Count(m.start("n"), m.end("n"), int(m.group("n")), "predicate")
        rows += [Item(m.start(), band_end, amount=amount, band=(lo, hi)), Item(count.start, count.end, count=count)]
    if len(rows) < 4:  # a table has two rows at least
        return items, spans
    taken = [(it.start, it.end) for it in rows]
    kept = [it for it in items if not any(a <= it.start < b or it.start <= a < it.end for a, b in taken)]
    return sorted(kept + rows, key=lambda it: it.start), spans + taken
