"""Machine-translated size bands that leave the currency out ('there are 15 projects above
100 million, 11 projects ranging from 50 million to 100 million'): a scaled number right after
'projects above/ranging from ...' and closing its phrase is a yuan band (the reports' own
currency), so that the count it sizes gets its band.
"""

from __future__ import annotations

import re

_BEFORE = re.compile(
    r"\bprojects\s+(?:each\s+)?(?:(?:worth|valued\s+at|of|with\s+(?:an\s+)?investment\s+of)\s+)?"
    r"(?:above|over|more\s+than|exceeding|below|under|less\s+than|ranging\s+from|between|from)\s+"
    r"(?:[\d.,]+\s+(?:m|b)illion\s+(?:to|and|-|–)\s+)?$",
    re.I,
)
_AFTER = re.compile(r"\s*(?:[,;.]|and\b|$)", re.I)


def yuan_bands(sentence: str, found: list) -> None:
    """Give CNY to the currency-less scaled amounts of found that close such a band phrase."""
    for a in found:
        if (
            a.currency is None
            and _BEFORE.search(sentence, max(0, a.start - 60), a.start)
            and _AFTER.match(sentence, a.end)
        ):
            a.currency = "CNY"
