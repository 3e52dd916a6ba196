"""Counts read off the counts around them (used by en_counts): the numbers a predicate count
lists after it ('projects numbered 123, 85 and 25 respectively') and a list item that leaves
its noun out ('Among them, 6 are on infrastructure, 25 on industry'); and `Count` itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.core.extract.en.cues import may_end_with
from flows.core.extract.en.place_items import item_before


@dataclass
class Count:
    start: int
    end: int  # end of the count phrase (unit noun included when there is one)
    value: int
    kind: str  # noun | list | predicate | elliptic | verb | gapped
    post: bool = False  # MT order, the noun before the number: 'started projects 247'


_BE_BEFORE = re.compile(r"\b(?:were|was|are|is)\s+$", re.I)
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)", re.I)
PROJECT_WORD = re.compile(r"\bprojects?\b|\bdeals\b|\bcontracts\b", re.I)


# a list item that leaves its noun out: "Among them, 6 are on infrastructure, 25 on industry",
# "13 projects, 11 signed on Monday and two signed earlier", "They include two with ..."
_GAP_BEFORE = re.compile(
    r"(?:[,;:(]|\b(?:and|while|whereas|include[sd]?|including|namely|(?:of|among)\s+(?:them|which|these)))\s*$", re.I
)  # ... and '93 projects were signed, of which 31 have started construction'
_GAP_AFTER = re.compile(
    r"\s+(?:of\s+(?:them|these|which)\s+)?(?:(?:are|were|is|was|being|have\s+been|has\s+been|had\s+been|"
    r"have|has|had)\s+)?(?:newly\s+)?(?:on|in(?!\s+each\b)|with|having|from|for|by|located|based|signed|inked|started|launched|completed|put|"
    r"contracted|covering|involving|broken|begun|commenced|entered|involved?|involves|covers?|"
    r"covered|belong(?:s|ed)?\s+to|related\s+to|relating\s+to|focus(?:es|ed)?\s+on|exceed(?:ed|s)?|topped|surpassed|"
    r"above|over|more\s+than)\b|"
    r"\s+(?:are|were)\s+(?:[\w&'’-]+\s+){0,3}?(?:headquarters|cent(?:er|re)s|bases|plants|factories|"
    r"facilities)\b",
    re.I,
)  # 'Among them, 7 are regional headquarters'

GAP_CONTEXT = re.compile(
    r"\b(?:among\s+(?:them|these|which|those)|of\s+(?:them|these|which|those)|include[sd]?|"
    r"including|namely|(?:of|among)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:projects|deals|contracts|agreements))\b",
    re.I,
)
_GAP_WORDS = (
    *(",", ";", ":", "and", "while", "whereas", "include", "included", "includes", "including", "namely"),
    *("which", "them", "these"),
)


def gapped_counts(sentence: str, tokens: list, counts: dict[int, Count]) -> None:
    """Counts whose noun is gapped in a list: allowed after an earlier count of the sentence or
    a subset cue ('among them', 'they include')."""
    if len(counts) == len(tokens):
        return
    for i, (start, end, value, _) in enumerate(tokens):
        if i in counts:
            continue
        before = sentence[:start].rstrip()
        if not before or not (before[-1] in ",;:(" or may_end_with(before, _GAP_WORDS[3:])):
            continue
        if not _GAP_BEFORE.search(before[-12:]) or not _GAP_AFTER.match(sentence, end):
            continue
        if i > 0 and item_before(sentence, tokens, i) not in counts:
            continue  # '12 countries, 8 from Europe': the item's noun is not 'projects'
        if any(j < i for j in counts) or GAP_CONTEXT.search(before):
            counts[i] = Count(start, end, value, "gapped")


def listed_counts(sentence: str, tokens: list, counts: dict[int, Count]) -> None:
    """'projects numbered 123, 85 and 25 respectively': the numbers listed after a predicate
    count are counts too, when the list closes with 'and' ('123, 85 of which' is no list)."""
    heads = [i for i, c in counts.items() if c.kind == "predicate"]
    if "respectively" in sentence:  # 'the numbers of A and B projects were 12 and 8 respectively'
        heads += [
            i
            for i, t in enumerate(tokens)
            if i not in counts and _BE_BEFORE.search(sentence, 0, t[0]) and PROJECT_WORD.search(sentence, 0, t[0])
        ]
    for i in heads:
        chain, last_gap = [], ""
        j = i
        while j + 1 < len(tokens) and j + 1 not in counts:
            gap = sentence[tokens[j][1] : tokens[j + 1][0]]
            if not LIST_GAP.fullmatch(gap):
                break
            chain.append(j + 1)
            last_gap = gap
            j += 1
        if (
            chain
            and re.search(r"\b(?:and|or)\b", last_gap)
            and not re.match(r"\s*(?:of|in)\s+(?:them|these|which)\b", sentence[tokens[j][1] :])
        ):
            if i not in counts:
                counts[i] = Count(tokens[i][0], tokens[i][1], tokens[i][2], "predicate")
            for k in chain:
                start, end, value, _ = tokens[k]
                counts[k] = Count(start, end, value, "list")
