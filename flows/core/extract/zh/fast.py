"""Cheaper equivalents of Chinese patterns that profiles show costly (bench/extract_cpu.py).

Each gives exactly what the pattern it stands for gives (the docstring says which);
tests/extract/test_speed_equivalence.py checks each on the stress articles' sentences, and
bench/same_output.py the whole output. None of them holds a vocabulary of its own.
"""

from __future__ import annotations

import re

from flows.core.lexicon import trie


def terms_pattern(terms) -> re.Pattern:
    """= re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))): the
    terms as one prefix-factored regex. At a position the text decides one path through the
    terms' characters; the longer continuation is tried first, so the longest term there wins,
    as in the flat alternation sorted longest first (which tries all 500 terms at each
    character the text has)."""
    return re.compile(trie(terms))


def may_hold(s: str, lo: int, hi: int, words: tuple[str, ...]) -> bool:
    """Whether s[lo:hi] holds one of the words: a pre-check for a pattern run over that span
    (pattern.search(s, lo, hi), .match, .finditer) whose every match holds one of them."""
    for w in words:
        if s.find(w, lo, hi) >= 0:
            return True
    return False
