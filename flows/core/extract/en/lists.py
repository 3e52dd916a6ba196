"""Sector lists that 'respectively' pairs with a sentence's figures, in order:
"Manufacturing, logistics and tourism projects numbered 12, 8 and 5 respectively" -> one
sector per cohort. Items are delimited by the lexicon's sector terms (so compound names such
as 'culture and tourism' stay whole); a list the lexicon cannot fully read is split at its
commas and 'and's instead.
"""

from __future__ import annotations

import re

from flows.core.extract.en.labels import sector_in, sector_terms

# what may separate two items of one list
_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|(?:and|or|as\s+well\s+as|&)\s+)\s*", re.I)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as|&)\s+", re.I)
_HEAD = re.compile(r"\s+(?:projects?|deals|contracts)\b.*$", re.I | re.S)
# words between two terms of one item: 'high-end equipment manufacturing'
_SAME_ITEM = re.compile(r"[\w\s'’-]*")


def _items(text: str) -> list[tuple[int, int, str]]:
    """Sector terms of text grouped into list items: (start, end, sector) per item; terms only
    words apart belong to one item (its first term names it)."""
    items: list[list] = []
    for start, end, code in sector_terms(text):
        if (
            items
            and _SAME_ITEM.fullmatch(text[items[-1][1] : start])
            and not re.search(r"\b(?:and|or)\b", text[items[-1][1] : start], re.I)
        ):
            items[-1][1] = end
            continue
        items.append([start, end, code])
    return [tuple(i) for i in items]


def _merge_same(text: str, items: list, n: int) -> list:
    """'energy saving and environmental protection': neighbours of one sector joined by 'and'
    are one item, merged while the list is longer than the figures."""
    k = 0
    while len(items) > n and k + 1 < len(items):
        a, b = items[k], items[k + 1]
        if a[2] == b[2] and re.fullmatch(r"\s+and\s+", text[a[1] : b[0]], re.I):
            items[k : k + 2] = [(a[0], b[1], a[2])]
        else:
            k += 1
    return items


def _pieces(text: str, terms: list) -> list[tuple[int, int]]:
    """Spans of text split at list glue, except glue inside a sector term ('life and health')."""
    cuts, pos = [], 0
    for g in _SPLIT.finditer(text):
        if any(s < g.end() and g.start() < e for s, e, _ in terms):
            continue
        cuts.append((pos, g.start()))
        pos = g.end()
    cuts.append((pos, len(text)))
    return [(a, b) for a, b in cuts if text[a:b].strip(" ,;")]


def _piece_sector(piece: str) -> str | None:
    """An item shares the list's head noun: 'industrial, X and Y projects' = industrial projects."""
    return sector_in(piece) or sector_in(_HEAD.sub("", piece) + " projects")


def _pure(text: str, spans: list) -> bool:
    return all(_GLUE.fullmatch(text[a[1] : b[0]]) for a, b in zip(spans, spans[1:]))


def list_sectors(text: str, n: int, from_end: bool) -> list[str | None] | None:
    """n sectors for n figures from the list in text (the last n items when the list ends
    text, the first n when it starts it), or None when text holds no such list."""
    terms = sector_terms(text)
    pieces = _pieces(text, terms)
    codes = [_piece_sector(text[a:b]) for a, b in pieces]
    if len(pieces) == n and sum(c is not None for c in codes) >= 2:
        return codes
    items = _merge_same(text, _items(text), n)
    if len(items) == n:
        return [code for _, _, code in items]
    if len(pieces) > n:
        sl = slice(-n, None) if from_end else slice(0, n)
        if all(codes[sl]) and _pure(text, pieces[sl]):
            return codes[sl]
    if len(items) > n:
        chosen = items[-n:] if from_end else items[:n]
        if _pure(text, chosen):
            return [code for _, _, code in chosen]
    return None


def respectively_sectors(
    s: str, counts: list[tuple[int, int]], amounts: list[tuple[int, int]], n: int
) -> list[str | None] | None:
    """Sectors of n parallel cohorts whose figures (count and amount spans) a 'respectively'
    sentence lists: from the list before the figures, between counts and amounts, or after."""
    spans = counts + amounts
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    regions = [(s[:first], True)]
    if counts and amounts and max(b for _, b in counts) < min(a for a, _ in amounts):
        regions.append((s[max(b for _, b in counts) : min(a for a, _ in amounts)], False))
    resp = s.lower().find("respectively", last)
    regions.append((s[last : resp if resp >= 0 else len(s)], False))
    for text, from_end in regions:
        found = list_sectors(text, n, from_end)
        if found:
            return found
    return None


def list_labels(s: str, groups: list) -> None:
    """'A, B and C projects numbered 12, 8 and 5 respectively': each cohort its list item."""
    if len(groups) < 2:
        return
    counts = [(it.start, it.end) for g in groups for it in g.items if it.count]
    amounts = [(it.start, it.end) for g in groups for it in g.items if it.amount]
    found = respectively_sectors(s, counts, amounts, len(groups))
    for g, code in zip(groups, found or ()):
        g.listed, g.sector = True, code
