"""Cheaper equivalents of English patterns that profiles show costly (bench/extract_cpu.py).

Each function gives exactly what the pattern it stands for gives (the docstring says which);
tests/extract/test_speed_equivalence.py checks each on the stress articles' sentences, and
bench/same_output.py the whole output. None of them reads a cue vocabulary: they only find
where a pattern can start (a digit, a number word) and leave the pattern to decide.
"""

from __future__ import annotations

import re

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
