"""A list item's money figure whose scale word the page dropped ('five modern service projects
with a total investment of USD 480.' after items in millions and billions): when the items of
the sentence add up to a total the sentence or one of the three before states only with the figure
read in millions (or billions), the scale word is put back (called by en_repair).
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import LEAST_INVESTMENT as _SMALL
from flows.core.extract.en.cues import plain
from flows.core.extract.en.numbers import Amount, find_amounts
from flows.core.extract.merge import close

_SCALES = ((1e6, "million"), (1e9, "billion"))
_BACK = 3  # sentences before that may state the total (an average and a band between)
_CUE = re.compile(r"\d\s*(?:million|billion)\b", re.I)  # (each match holds its own 'illion': a pre-check)
# a money figure with no scale word ('USD 480', '$ 480.', '480 yuan'): the cheap gate
_BARE = re.compile(
    r"(?:\b(?:USD|US\$|RMB|CNY|HK\$)|[$¥€£])\s?\d[\d,]*(?:\.\d+)?(?![\d,.]*\s*(?:trillion|billion|million|bln|mln|bn|mn)\b)(?![\d,]|\.\d)"
    r"|\b\d[\d,]*(?:\.\d+)?\s+(?:yuan|dollars|U\.S\.\s+dollars)\b",
    re.I,
)


def restore_dropped_units(sentences: list[str]) -> list[str]:
    """The sentences, each list item that lost its scale word given it back."""
    out = list(sentences)
    for i, s in enumerate(sentences):
        if (plain(s) and s.lower().count("illion") < 2) or len(_CUE.findall(s)) < 2 or not _BARE.search(s):
            continue
        amounts = find_amounts(s)
        before = [b for p in sentences[max(0, i - _BACK) : i] for b in find_amounts(p)]  # (once, not per amount)
        for a in reversed(amounts):
            scale = _dropped_scale(a, amounts, before)
            if scale:
                s = s[: a.end] + " " + scale + s[a.end :]
        out[i] = s
    return out


def _dropped_scale(a: Amount, amounts: list[Amount], before: list[Amount]) -> str | None:
    """'million' or 'billion' when a is a bare small figure among scaled items of one
    currency whose sum, with a so scaled, is a total stated beside them."""
    if a.currency is None or a.value >= _SMALL or a.value != int(a.value):
        return None
    items = [b for b in amounts if b is not a and b.currency == a.currency and b.value >= _SMALL]
    if len(items) < 2:
        return None
    totals = [b.value for b in before + items if b.currency == a.currency]
    part = sum(b.value for b in items)
    for factor, word in _SCALES:
        whole = part + a.value * factor
        if any(close(whole, t, "same_amount") for t in totals):
            return word
        # the total may be one of the items themselves (stated first in the sentence)
        if any(close(whole - b.value, b.value, "same_amount") for b in items):
            return word
    return None
