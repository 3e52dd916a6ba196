"""Counts of a subset sentence whose items are a number and a bare participle: 'Among them,
there were 121 approved and 1,188 recorded, with ... respectively' (the projects of the
sentence before, split by what was done to them). Only a list of two or more such items after
'there were' or 'among them,' counts; a lone 'N approved' stays no count."""

from __future__ import annotations

import re

_NUM = r"\d{1,3}(?:,\d{3})+|\d+"
_ITEM = rf"(?:{_NUM})\s+[a-z]{{3,}}ed"
_LIST = re.compile(
    rf"(?:\bthere\s+(?:are|were)\s+|^\s*(?:among|of)\s+(?:them|these|which)\s*,\s*)"
    rf"(?P<items>{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ITEM})+)(?=\s*[,;.]|\s*$)",
    re.I,
)
_ONE = re.compile(rf"({_NUM})\s+[a-z]+ed", re.I)


def participle_item_counts(sentence: str, tokens: list) -> list[tuple[int, int, int]]:
    """(index, start, end) of the tokens that are the numbers of such a list."""
    m = _LIST.search(sentence)
    if not m:
        return []
    out = []
    for item in _ONE.finditer(sentence, m.start("items"), m.end("items")):
        i = next((k for k, t in enumerate(tokens) if t[0] == item.start(1)), None)
        if i is None:
            return []
        out.append((i, item.start(1), item.end(1)))
    return out
