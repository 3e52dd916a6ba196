"""Counts with their noun that still count no group of this report's projects, read off the
words around them (used by en_counts): a difference from last year ('There were 41 new
projects compared with the same period last year') and the projects money was spent in
('15.26 billion yuan was invested for 88 key projects', 'X yuan were poured into 226
investment projects in ten months': investment completed in them; but 'businessmen, who
invested in 1,399 projects' names no money spent and counts the projects).
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import MONEY_FIGURE as _SPENT

# a comparison with an earlier year: matched right after a count ('41 new projects compared
# with the same period last year', '12 projects more than a year ago': a difference) or searched
# in its sentence (counts: '9 more projects were signed than in 2022' is a difference too)
COMPARED = re.compile(
    r"\s*,?\s*(?:(?:more|fewer|less)\s+)?(?:(?:compared\s+(?:with|to)|than|over)\s+(?:the\s+same\s+period\s+(?:of\s+)?)?"
    r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+(?:year|session|edition|fair)|(?:in\s+)?"
    r"(?:19|20)\d\d\b)|year[-\s]on[-\s]year\b)",
    re.I,
)
# 'Seven more projects were signed online': further projects (matched right after the count;
# searched in a sentence: restatements keeps them apart from an earlier group of that count)
MORE_NOUN = r"\s+(?:more|additional)\s+(?:[\w'’-]+\s+){0,2}?(?:projects|deals|contracts|agreements)\b"
MORE_PROJECTS = re.compile(MORE_NOUN + r"\s+(?:were|was|have|has|had|are|will)\b", re.I)
_INVESTED_FOR = re.compile(r"\b(?:invested\s+(?:for|in)|(?:poured|injected)\s+into)\s+$", re.I)


# 'Forty-two tourism programs selected among 120 programs': the pool a group was chosen from
_POOL_BEFORE = re.compile(r"\b(?:selected|chosen|picked)\s+(?:from|among|out\s+of)\s+$", re.I)


def not_a_group(sentence: str, start: int, noun_end: int) -> bool:
    """Whether the count at start (its noun ends at noun_end) is a difference or the projects
    a money figure before it was spent in."""
    if sentence[noun_end : noun_end + 30].lstrip(" ,").lower().startswith(
        ("compared", "than", "over", "more", "fewer", "less")
    ) and COMPARED.match(sentence, noun_end):
        return True
    if "selected " in sentence or "chosen " in sentence or "picked " in sentence:
        if _POOL_BEFORE.search(sentence, max(0, start - 30), start):
            return True
    return bool(
        sentence[max(0, start - 14) : start].rstrip().lower().endswith(("for", "in", "into"))
        and _INVESTED_FOR.search(sentence, max(0, start - 20), start)
        and _SPENT.search(sentence, 0, start)
    )
