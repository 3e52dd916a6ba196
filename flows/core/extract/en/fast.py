"""Cheaper equivalents of English patterns that profiles show costly (bench/extract_cpu.py).

Each function gives exactly what the pattern it stands for gives (the docstring says which);
tests/extract/test_speed_equivalence.py checks each on the stress articles' sentences, and
bench/same_output.py the whole output. None of them reads a cue vocabulary: they only find
where a pattern can start (a digit, a number word) and leave the pattern to decide.
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import plain

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
    low = text.lower()  # (plain: as long as text, folded as re.IGNORECASE folds)
    best = None
    for pattern, cues in rows:
        for c in cues:
            if low.find(c, pos, end) >= 0:
                break
        else:
            continue
        m = pattern.search(text, pos, end)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best
