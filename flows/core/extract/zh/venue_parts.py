"""The parts of a count of venues are venues: '共设6个开竣工活动会场,其中开工项目5个、竣工项目1个'
counts the venues at started and at completed projects (the parts add up to the venues), not
projects. Parts that do not add up to the venue count (其中主会场开工项目32个) stay projects.
Called by zh.article's _sentence before the counts take their amounts.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.numerals import INT, parse_count
from flows.core.extract.zh.tokens import Tok

# N个…会场 / N个分会场 / N个活动现场, then 其中
_VENUES = re.compile(
    rf"(?P<num>{INT})\s*个[^,;。\d]{{0,10}}?(?:会场|现场|场地|活动点)\s*(?:\([^)]{{0,20}}\))?\s*[,:]?\s*其中\s*[,:]?"
)


def venue_parts(s: str, toks: list[Tok]) -> None:
    """Mark the counts after 其中 that add up to the venue count before it as taken (no cohort)."""
    if "场" not in s or "其中" not in s:
        return
    for v in _VENUES.finditer(s):
        total = parse_count(v.group("num"))
        end = s.find("。", v.end())
        stop = min(x for x in (s.find(";", v.end()), end, len(s)) if x >= 0)
        parts = [t for t in toks if t.kind == "count" and v.end() <= t.start < stop]
        if len(parts) > 1 and total and sum(int(t.value) for t in parts) == total:
            for t in parts:
                t.used = True
