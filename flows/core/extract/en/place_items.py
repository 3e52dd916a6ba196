"""Counts of a roundup's place items that leave the noun out, in a ';'-separated list after a
subset cue: 'Among them, there are 8 provincial-level ones with ...;Hefei has 41, with a total
investment of X;118 in Wuhu, with a total investment of Y;Bengbu 52, a total investment of Z'.
Each item names one place (before or after the number) and gives its own investment.
"""

from __future__ import annotations

import re

_PLACE = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:\s+[Cc]ity|\s+[Pp]refecture|\s+[Cc]ounty|\s+[Dd]istrict)?"
_PLACE_BEFORE = re.compile(rf"\s*{_PLACE}\s+(?:(?:has|had|have)\s+)?", re.ASCII)
_PLACE_AFTER = re.compile(rf"\s+in\s+{_PLACE}(?=\s*,)", re.ASCII)
_INVESTMENT_AFTER = re.compile(r"\s*,\s*(?:with\s+)?(?:an?\s+)?(?:total\s+|combined\s+)?investment\b", re.I)


def place_item_counts(sentence: str, tokens: list, counted: set[int]) -> list[tuple[int, int, int]]:
    """(index, start, end) of the tokens that are such place items' counts; `counted`: the
    indexes of tokens already read as counts (one must come first)."""
    out = []
    for i, (start, end, _, text) in enumerate(tokens):
        if i in counted or not text[:1].isdigit() or not any(j < i for j in counted):
            continue
        seg_start = sentence.rfind(";", 0, start) + 1
        if seg_start == 0:
            continue
        prefix = sentence[seg_start:start]
        after = _PLACE_AFTER.match(sentence, end)
        if prefix.strip():
            if after or not _PLACE_BEFORE.fullmatch(prefix):
                continue
            item_end = end
        elif after:
            item_end = after.end()
        else:
            continue
        if _INVESTMENT_AFTER.match(sentence, item_end):
            out.append((i, start, item_end))
    return out
