"""Counts of a roundup's items that leave the noun out, after a subset cue.

Place items in a ';'-separated list: 'Among them, there are 8 provincial-level ones with
...;Hefei has 41, with a total investment of X;118 in Wuhu, with a total investment of Y;Bengbu
52, a total investment of Z' (each names one place, before or after the number, and gives its
own investment). Field items of a machine-translated breakdown: 'Among the 37 projects ...,
there are 3 agriculture, 7 industry, 4 integrated transportation, ... and new 6 urbanization'.
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import OF_THEM

# a place name of one to three capitalised words; a machine translation's split syllable ("Ji 'an")
_WORD = r"[A-Z][\w'’-]*(?:\s+['’][a-z]+)?"
_UNIT = r"\s+(?:[Cc]ity|[Pp]refecture|[Cc]ounty|[Dd]istrict)"
_PLACE = rf"{_WORD}(?:\s+{_WORD}){{0,2}}(?:{_UNIT})?"
_PLACE_BEFORE = re.compile(rf"\s*{_PLACE}\s+(?:(?:has|had|have|(?:directly\s+)?manages)\s+)?", re.ASCII)
# '118 in Wuhu,'; '31 Yingtan city,' (no 'in': the place must end with its unit word)
_PLACE_AFTER = re.compile(rf"\s+(?:in\s+{_PLACE}|{_WORD}(?:\s+{_WORD}){{0,2}}{_UNIT})(?=\s*,)", re.ASCII)
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


_THERE_ARE = re.compile(r"\bthere\s+(?:are|were)\s+(?=(?:new\s+)?\d)", re.I)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_FIELD_ITEM = re.compile(r"(?:new\s+)?(\d+)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})")
_NOT_FIELD = frozenset(
    "projects project ones percent times years countries cities enterprises companies people".split()
)


def field_item_counts(sentence: str, tokens: list) -> list[tuple[int, int, int]]:
    """(index, start, end) of the counts of a 'there are 3 agriculture, 7 industry, ... and
    new 6 urbanization' breakdown: three or more items, every one a number and one to three
    lower-case field words (none a noun of another kind)."""
    m = _THERE_ARE.search(sentence)
    if not m:
        return []
    tail_end = sentence.find(".", m.end())
    tail_end = len(sentence) if tail_end < 0 else tail_end
    pieces, pos = [], m.end()
    for sep in _ITEM_SPLIT.finditer(sentence, m.end(), tail_end):
        pieces.append((pos, sep.start()))
        pos = sep.end()
    pieces.append((pos, tail_end))
    out = []
    for a, b in pieces:
        item = _FIELD_ITEM.fullmatch(sentence, a, b)
        if not item or _NOT_FIELD.intersection(item.group(2).split()):
            return []
        i = next((k for k, t in enumerate(tokens) if t[0] == item.start(1)), None)
        if i is None:
            return []
        out.append((i, item.start(1), item.end(1)))
    return out if len(out) >= 3 else []


# a number that ends a quoted capitalised name: 'the “Fortune Global 500”'
_CLOSE = ("”", '"', "’", "'")
_NAME_NUMBER = re.compile(r"\b[A-Z][\w'’-]*\s+$")


def item_before(sentence: str, tokens: list, i: int) -> int:
    """The index of the nearest token before token i that is no part of a name ('25 by the
    “Chinese Top 500”, and 7 by ...': the 7 follows the 25), -1 when none."""
    j = i - 1
    while (
        j >= 0
        and sentence[tokens[j][1] : tokens[j][1] + 1] in _CLOSE
        and _NAME_NUMBER.search(sentence, max(0, tokens[j][0] - 30), tokens[j][0])
    ):
        j -= 1
    return j


# 'signing 141 of them', 'So far 23 of them, or 29.5%, totaling X, have begun construction':
# a partitive count of the projects named before (in this sentence or the one before it)
_PARTITIVE = re.compile(rf"{OF_THEM}(?!\s+(?:are|were|was|is)\s+(?:\w+\s+){{0,2}}?(?:from|foreign))")
_OTHER_KIND = re.compile(
    r"\b(?:enterprises|companies|firms|people|guests|visitors|exhibitors|participants|delegates|countries|"
    r"regions|cities|buyers|investors|merchants)\b",
    re.I,
)
_PROJECT_CUE = re.compile(
    r"\bprojects?\b|\bsign(?:ed|ing)\b|\bconstruction\b|\bbroke\s+ground\b|\btotall?ing\b|\binvestment\b", re.I
)


# 'Three of them are modern agricultural projects with ...': a word count naming its kind
_WORD_ITEM = re.compile(
    r"\s+(?:are|were|have\s+been|has\s+been)\s+(?:[\w'’-]+\s+){0,3}?(?:projects\b|(?:started|signed|completed|launched)\b)",
    re.I,
)  # ... or its stage: 'nine of them have been started'


def partitive_counts(sentence: str, tokens: list, counted: set[int]) -> list[tuple[int, int, int]]:
    """(index, start, end) of the uncounted numbers followed by 'of them/these/those' in a
    sentence that speaks of projects (signing, construction, investment) and counts no other
    kind of thing (enterprises, guests, countries ...) before them."""
    if "of th" not in sentence or not _PROJECT_CUE.search(sentence):
        return []
    out = []
    for i, (start, end, _, text) in enumerate(tokens):
        m = _PARTITIVE.match(sentence, end)
        if (
            i in counted
            or not m
            or not (text[:1].isdigit() or _WORD_ITEM.match(sentence, m.end()) and tokens[i][2] > 1)
        ):
            continue
        if _OTHER_KIND.search(sentence, 0, start):
            continue
        out.append((i, start, m.end()))
    return out
