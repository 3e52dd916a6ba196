"""The later items of a list whose first figure is of another kind are of that kind too:
3个县已分别到位资金12亿、8.5亿和6亿元 lists funds in place, every item. Used by zh.scan.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.tokens import Tok

# joined by 、/和, bare items between that are no token (…12亿、8.5亿和6亿元)
_JOIN = re.compile(r"(?:\s*[、和及与]\s*[\d.]+\s*(?:万亿|亿|万)?)*\s*[、和及与]\s*")


def trap_list_items(s: str, toks: list[Tok]) -> None:
    """An amount joined by 、/和 right after a trap figure (no other words between) is a trap."""
    for x, y in zip(toks, toks[1:]):
        if x.kind == "trap" and y.kind == "amount" and _JOIN.fullmatch(s, x.end, y.start):
            y.kind = "trap"
