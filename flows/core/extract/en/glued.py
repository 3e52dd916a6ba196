"""Sentences a page ran together without a space after the full stop.

Machine-translated portal pages often drop the space after a sentence's full stop: '... a
total investment of 27.5 billion yuan.There are 49 industrial projects ...', '... 23.6
billion yuan.8 projects worth more than 1 billion yuan ...'. The splitter then keeps two (or
ten) sentences as one, and a figure of one sentence is read with the words of the next
('yuan.8' is no decimal: a decimal point never follows the unit). A full stop after a
lower-case word (or a figure: '... in 2022.Sixty-eight
...') and before a capitalised word or a figure that a word follows is a
sentence break; abbreviations ('U.S.', 'e.g.', 'No.5') and web addresses ('www.gov.cn') are
not cut: they have no three lower-case letters before the stop, or no capital or figure after.
"""

from __future__ import annotations

import re

# (?<=[a-z]{3})\.(?=[A-Z][a-z]|\d[\d,.]*\s+[a-z])|(?<=\d)\.(?=[A-Z][a-z]), opened by its full stop so
# that the regex engine skips to the stops instead of trying a look-behind at every character
_GLUED = re.compile(r"\.(?:(?<=[a-z]{3}\.)(?=[A-Z][a-z]|\d[\d,.]*\s+[a-z])|(?<=\d\.)(?=[A-Z][a-z]))")


def split_glued(s: str) -> list[str]:
    """The sentences of s, cut where a full stop has no space after it."""
    if "." not in s:
        return [s]
    parts = _GLUED.split(s)
    if len(parts) == 1:
        return parts
    return [p + "." if k < len(parts) - 1 else p for k, p in enumerate(parts) if p.strip()]


_OPEN_END = re.compile(r"[\w,(“\"'-]$")
_FIELD = re.compile(r"[a-z]+(?:\s[a-z]+)?\s*[:：|]")


# a line that ends on a word no sentence or heading ends on: 'contracts for 88 major projects in'
_DANGLING = re.compile(r"\b(?:in|of|the|for|and|to|with|by|at|on|an?|from|into|than|its|their|which)$")
# (a match starts at most its longest word from the end: wrapped searches only there)
_DANGLING_MOST = max(len(w) for w in re.findall(r"[a-z]+", _DANGLING.pattern))
_MONTH_DOT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")  # 'Feb.' + '27, in which'


def wrapped(prev: str, s: str) -> bool:
    """s continues prev: a page wrapped at a fixed width cut one sentence at a line end
    ('... retail transaction of on-site tourism' + 'projects reached 51 million yuan, ...'):
    prev ends in a word or comma, s opens in lower case (not a page's 'published: ...' field);
    or prev ends on a preposition or article ('... projects in' + 'Inner Mongolia, ...') or on
    a month's abbreviation before the day ('on Feb.' + '27, ...'), whatever s opens with."""
    end = prev.rstrip()
    if _DANGLING.search(end, max(0, len(end) - _DANGLING_MOST)) or (s[:1].isdigit() and _MONTH_DOT.search(end)):
        return True
    return s[:1].islower() and not _FIELD.match(s) and bool(_OPEN_END.search(end))
