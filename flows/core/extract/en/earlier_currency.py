"""A bare scaled figure after an investment word takes the currency the sentence named
earlier: '400 projects with a total investment of CNY 334.1 billion, of which 255 are
industrial projects with a total investment of 219.2 billion' (the page writes the
currency once and leaves it off the parts). Only a figure that an investment or value
phrase introduces borrows, and only from an amount before it in the same sentence.
"""

from __future__ import annotations

import re

_INVESTMENT_BEFORE = re.compile(
    r"\b(?:investments?|worth|valued\s+at|investing|invested)\s+(?:of\s+)?(?:(?:about|around|nearly|"
    r"approximately|roughly|more\s+than|over|above|exceeding|some|at\s+least|close\s+to)\s+)?$",
    re.I,
)


def earlier_currency(sentence: str, found: list) -> list:
    """found, with each currency-less amount that an investment phrase introduces given the
    currency of the nearest amount before it that has one."""
    last = None
    for a in found:
        if a.currency:
            last = a.currency
        elif last and _INVESTMENT_BEFORE.search(sentence, max(0, a.start - 60), a.start):
            a.currency = last
    return found
