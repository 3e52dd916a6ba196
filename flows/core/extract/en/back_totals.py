"""A total told in the sentence after a count, in the two openings that put the amount before
the words pointing back at the group: 'With total investment nearing X, these projects are
located in ...' and 'Among the projects, which have a total investment of X, 78 focus on A,
...'. The amount is the group's of the sentence before (article._join_anaphors), as for
'These projects involve a total investment of X'.
"""

from __future__ import annotations

import re

_GROUP = r"(?:projects|deals|contracts|agreements)"
# 'With (a|the) total investment (of|nearing|exceeding ...) X, these|the projects ...'
_WITH_TOTAL = re.compile(
    r"\s*With\s+(?:an?\s+|the\s+|their\s+)?(?:total|combined|overall)\s+(?:planned\s+)?investment\s+[^,;()]{0,25}$",
    re.I,
)
_THEN_GROUP = re.compile(
    rf"\s*(?:\([^()]{{1,60}}\)\s*)?,\s*(?:(?P<dem>these|those)|the|all\s+the|all|they\b)(?:\s+(?:[\w'’-]+\s+){{0,2}}?{_GROUP}\b|(?<=they))",
    re.I,
)
# 'Among the projects, which have (a total investment of) X, ...'
_AMONG_WHICH = re.compile(
    rf"\s*Among\s+(?:the|these|those|all\s+the)\s+(?:[\w'’-]+\s+){{0,2}}?{_GROUP},\s*which\s+"
    r"(?:have|has|had|involve|involves|carry|carries|cover|covers)\s+(?:an?\s+)?(?:total\s+|combined\s+)?"
    r"investment\s+of\s+[^,;()]{0,20}$",
    re.I,
)


def pointing_back(sentence: str, start: int, end: int) -> str | None:
    """'demonstrative' or 'definite' when the amount at start..end opens its sentence in one
    of those two frames, else None."""
    head = sentence[:start]
    if _AMONG_WHICH.fullmatch(head):
        return "definite"
    if _WITH_TOTAL.fullmatch(head):
        m = _THEN_GROUP.match(sentence, end)
        if m:
            return "demonstrative" if m.group("dem") else "definite"
    return None
