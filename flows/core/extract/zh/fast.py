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


NUM_HEAD = r"(?=[\d零〇一二两三四五六七八九十百千])"  # the opening lookahead of the count patterns
# every character a count's number and what follows it up to its classifier can be written with
# (COUNT_INT: digits, . , a space, 万, the Chinese numerals; then spaces and 余 or 多)
_NUM_RUN = r"[\d零〇一二两三四五六七八九十百千,.\s万余多]"


def classified(pattern: re.Pattern, classifiers: str) -> re.Pattern:
    """pattern (which opens on NUM_HEAD) with that lookahead also seeing the classifier the
    number runs up to: the same matches, but a digit that opens no count (2023年, 15.6%) fails in
    one possessive scan of its run instead of every split of the number being tried. Valid while
    only _NUM_RUN characters stand between the number's start and one of `classifiers` in every
    match (tests/extract/test_speed_equivalence.py compares it with the pattern as written)."""
    assert pattern.pattern.startswith(NUM_HEAD), pattern.pattern[:40]
    head = rf"(?=[\d零〇一二两三四五六七八九十百千]{_NUM_RUN}*+[{classifiers}])"
    return re.compile(head + pattern.pattern[len(NUM_HEAD) :], pattern.flags)


def as_written(pattern: re.Pattern) -> re.Pattern:
    """The pattern `classified` was made from (its head ends at the first '])')."""
    return re.compile(NUM_HEAD + pattern.pattern[pattern.pattern.index("])") + 2 :], pattern.flags)


def any_of(patterns: list[str]):
    """A test equal to re.compile("|".join(patterns)).search(text) is not None: the plain words
    among the patterns as one prefix-factored regex (the engine skips to their first characters),
    the others as one alternation (only which alternative matches first differs, not whether
    one does)."""
    words = [p for p in patterns if re.escape(p) == p]
    rest = [p for p in patterns if re.escape(p) != p]
    first = re.compile(trie(words) if words else "(?!)")
    other = re.compile("|".join(rest) if rest else "(?!)")
    return lambda text: first.search(text) is not None or other.search(text) is not None
