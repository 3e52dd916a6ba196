"""Cheap necessary conditions tried before the English rules' costlier regexes.

A case-insensitive pattern that opens with a word boundary is tried at every position of the
text; most texts lack the words it needs. `may_contain` / `may_end_with` answer False only when
the regex cannot match, so skipping it on False never changes a result. Outside ASCII, four
characters fold onto ASCII letters under re.IGNORECASE (İ ı ſ K): texts holding one are not
pre-checked.
"""

from __future__ import annotations

import re

from flows.core.lexicon import trie  # (re-exported: en modules import it from here)

_FOLDS = frozenset("İıſ\u212a")


def plain(text: str) -> bool:
    """True when str.lower() folds text exactly as re.IGNORECASE does."""
    return text.isascii() or _FOLDS.isdisjoint(text)


def cue(*words: str) -> re.Pattern:
    """A case-sensitive pattern of lower-case literals (or small regexes) for `may_contain`."""
    return re.compile("|".join(words))


def may_contain(text: str, pattern: re.Pattern) -> bool:
    """False only when the lower-cased text holds none of the cue's words."""
    return not plain(text) or pattern.search(text.lower()) is not None


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of the words occurs in text (a plain substring test)."""
    for w in words:
        if w in text:
            return True
    return False


def may_end_with(
    text: str, words: tuple[str, ...], space: bool = False, of_after: tuple[str, ...] | None = None
) -> bool:
    """False only when the text's last whitespace-separated word (lower-cased) ends with none
    of `words`, or (`space`) the text does not end with whitespace. With `of_after`, a last
    word 'of' counts only after a word ending with one of of_after ('in excess of')."""
    if not plain(text):
        return True
    if space and not text[-1:].isspace():
        return False
    parts = text.rsplit(None, 2)
    if not parts:
        return False
    last = parts[-1].lower()
    if of_after is not None and last == "of":
        return len(parts) > 1 and parts[-2].lower().endswith(of_after)
    return last.endswith(words)


def word_finder(words) -> re.Pattern:
    """A pattern that finds one of the lower-case words standing alone among letters (no
    letter either side) in " " + text: a prefix-factored regex after a separator, several
    times faster than `has_any` over a long word list plus the lookbehind regex."""
    return re.compile(rf"[^a-z](?:{trie(words)})(?![a-z])")


# nouns that count projects besides 'projects', 'deals', 'contracts' (en_counts._UNIT):
# 'contract programs', 'investment programmes'; 'initiatives' only when a value, a size or a
# start follows ('182 major initiatives each valued at ...', '17,000 initiatives launched')
OTHER_UNITS = (
    r"(?:contract(?:ed)?|investment|cooperation)\s+program(?:me)?s|"
    # a bare 'programs' right after the number (or 'N of the programs') when a figure, a value
    # or a signing follows in its clause: 'Nineteen programs, with a total investment of ...'
    r"program(?:me)?s(?=[^.;]{0,80}?\b(?:investments?|invested|worth|valued|signed|inked|contracted|introduced)\b)|"
    # 'Construction of 19 new production facilities with a combined investment of X', '8 new
    # manufacturing plants worth X', 'six production lines valued at X'
    r"(?:(?<=production\s)|(?<=manufacturing\s))(?:facilities|plants|lines)"
    r"(?=[^.;]{0,40}?\b(?:investments?|worth|valued)\b)|"
    # 'Twelve pacts worth 3.2 billion dollars were signed': a signing's pacts with their value
    r"pacts(?=[^.;]{0,80}?\b(?:investments?|worth|valued|signed|inked|sealed)\b)|"
    r"initiatives(?=\s+(?:each\s+)?(?:valued|worth|with\s+(?:an?\s+)?(?:total\s+)?investment|launched|breaking|broke))"
)


def word_number_matches(pattern: re.Pattern, text: str, finder: re.Pattern) -> list[re.Match]:
    """= list(pattern.finditer(text)) for a case-insensitive pattern whose every match opens
    with a word that `finder` (a word_finder) finds standing alone in " " + text.lower()
    (counts.WORD_TOKEN_RE and the number words): the pattern is tried only where one starts."""
    if not plain(text):
        return list(pattern.finditer(text))
    out: list[re.Match] = []
    last = 0
    for c in finder.finditer(" " + text.lower()):
        if c.start() >= last:  # (the word starts at c.start() + 1 in " " + text)
            m = pattern.match(text, c.start())
            if m:
                out.append(m)
                last = m.end()
    return out


# 'N of them/these/those': a partitive count of a group named before (en_place_items,
# en_grouping); one definition
OF_THEM = r"\s+of\s+(?:them|these|those)\b"


# no report gives a group's (or a project's) investment below this, in any currency (en_context's
# floor; en_dropped_unit's bare figure lies under it)
LEAST_INVESTMENT = 1e5

# a money figure ('5 billion', '3 million yuan', '$2'): one definition for the rules that ask
# whether a sentence states money before or after a point (en_count_refusals, en_not_investment,
# en_other_figures)
MONEY_FIGURE = re.compile(r"\d\s*(?:trillion|billion|million|bln|mln|yuan|dollars|euros)\b|[$¥€£]\s*\d", re.I)

# a sentence or page that speaks of signing or of an event ('signed', 'inks', 'the fair', 'the
# ceremony'; not 'significant'): one list (en_other_figures' flow statistics and their approvals)
SIGNING_EVENT = r"sign(?:ed|ing|s)?|ink(?:ed|ing|s)?|fair|expo|forum|ceremony|conference|summit"

# a year's share named after a figure ('X for this year', 'X (US$Y) in the current year', 'X in
# 2023'): one home for en_context's planned share and en_other_figures' 'with Y for this year'
THIS_YEAR_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:for\s+|in\s+|during\s+)?(?:this|the\s+current|the)\s+year\b|"
    r"in\s+(?:19|20)\d\d\b(?!\s*-))",
    re.I,
)

# the words that end a company's name ('... Group', '... Co., Ltd.'): one definition (en_labels'
# mask of firms, en_singles' company subject); FIRM_WORDS are literals every match holds one of
FIRM_SUFFIX = r"(?:Group|Corporation|Company|Holdings|Co\.|Corp\.|Inc\b\.?|Ltd\b\.?|Limited)"
FIRM_WORDS = ("Group", "Corporation", "Company", "Holdings", "Co.", "Corp.", "Inc", "Ltd", "Limited")
