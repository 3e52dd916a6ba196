"""Cheaper equivalents of English patterns that profiles show costly (bench/extract_cpu.py).

Each function gives exactly what the pattern it stands for gives (the docstring says which);
tests/extract/test_speed_equivalence.py checks each on the stress articles' sentences, and
bench/same_output.py the whole output. None of them reads a cue vocabulary: they only find
where a pattern can start (a digit, a number word) and leave the pattern to decide.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.core.extract.en.cues import plain
from flows.core.lexicon import trie

# repair._ANY_GLUE = r"\d[A-Za-z]{3}|[a-z]{2}\d|[a-z]{3}(?:project|deal)", each branch opened
# by a literal or a digit so that the regex engine skips to them
_GLUE_DIGIT = re.compile(r"\d(?:[A-Za-z]{3}|(?<=[a-z]{2}\d))")
_GLUE_NOUN = re.compile(r"project(?<=[a-z]{3}project)|deal(?<=[a-z]{3}deal)")


def glued(s: str) -> bool:
    """= repair._ANY_GLUE.search(s) is not None."""
    return _GLUE_DIGIT.search(s) is not None or (("project" in s or "deal" in s) and _GLUE_NOUN.search(s) is not None)


def in_last_words(pattern: re.Pattern, text: str, words: int) -> bool:
    """= pattern.search(text) is not None, for a pattern whose every match lies within the
    text's last `words` whitespace-separated words and the spaces after them (one that ends
    at $ after at most that many words, as context._DELTA_BEFORE: 'extra investment by of ')."""
    parts = text.rsplit(None, words)
    return pattern.search(text, len(parts[0]) if len(parts) > words else 0) is not None


def search_rows(whole: re.Pattern, rows: tuple, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """= whole.search(text, pos, endpos) in span, for whole = \\b(?:r1|r2|...)\\b (re.I) and rows =
    ((\\b(?:ri)\\b compiled alike, cues of ri), ...) in the same order, where every match of a row
    holds one of its lower-case cues: only the rows whose cue occurs in the span are tried, and
    the leftmost match wins, the earlier row on a tie (the alternation tries its rows in order at
    each position, each row backtracking as it does alone). Outside plain text, whole itself."""
    n = len(text)
    end = n if endpos is None else max(0, min(endpos, n))
    pos = max(0, pos)
    if not plain(text):
        return whole.search(text, pos, end)
    if pos > end:  # (no cue occurs in an empty span; whole finds nothing there either)
        return None
    best = None
    for k in _rows_with_cues(rows, text.lower(), pos, end):  # (plain: lower() as re.I folds)
        m = rows[k][0].search(text, pos, end)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


class _Same:
    """rows as a cache key by identity (hashing the rows' patterns each call costs what it saves)."""

    __slots__ = ("rows",)

    def __init__(self, rows: tuple):
        self.rows = rows

    def __hash__(self) -> int:
        return id(self.rows)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and other.rows is self.rows


@lru_cache(maxsize=16)
def _cue_scan(key: _Same) -> tuple:
    """(the cues as one prefix-factored pattern (the longest cue at a position), cue -> the rows
    of it and of every cue that is a prefix of it, rows with an empty cue), once per rows."""
    rows = key.rows
    cues = {c for _, row_cues in rows for c in row_cues if c}
    owners = {c: {k for k, (_, row_cues) in enumerate(rows) if c in row_cues} for c in cues}
    closed = {c: frozenset().union(*(owners[p] for p in cues if c.startswith(p))) for c in cues}
    always = frozenset(k for k, (_, row_cues) in enumerate(rows) if "" in row_cues)
    return re.compile(trie(cues) if cues else "(?!)"), closed, always


def _rows_with_cues(rows: tuple, low: str, pos: int, end: int) -> list[int]:
    """The indexes, in order, of the rows one of whose cues occurs in low[pos:end] (= any(
    low.find(c, pos, end) >= 0 for c in cues), pos <= end): the cues found at each position are
    the longest one there and those that are prefixes of it."""
    scan, closed, always = _cue_scan(_Same(rows))
    found = set(always)
    while (m := scan.search(low, pos, end)) is not None:  # (at each start: no cue inside another lost)
        found |= closed[m.group(0)]
        pos = m.start() + 1
    return sorted(found)
