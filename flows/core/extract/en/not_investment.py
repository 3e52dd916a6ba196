"""Figures of another kind than project investment, refused by `keep_amount` (en_context):
output, revenue, tax, added value, funds ... when the clause does not speak of investment;
investment done ('with an investment of X completed'); and the later items of a list of such
figures ('The added value of ... was X, and the tertiary industry was Y').
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import cue, may_contain
from flows.core.extract.en.numbers import Amount

# Figures of another kind, refused when the clause does not speak of investment
_NOT_INVESTMENT = re.compile(
    r"\b(?:output|revenue|revenues|sales|tax|taxes|profit|profits|turnover|trade\s+volume|GDP|"
    r"funds?(?!\s+projects)|imports?|exports?|retail|consumption|income|salary|salaries|subsid(?:y|ies)|"
    r"per\s+capita|loans?|credit|registered\s+capital|market\s+value|transactions?|"
    r"gross\s+domestic\s+product|(?:total\s+)?assets|added\s+value|value[-\s]added)\b",
    re.I,
)
_NOT_INVESTMENT_CUE = cue(
    "output",
    "revenue",
    "sales",
    "tax",
    "profit",
    "turnover",
    "trade",
    "gdp",
    "fund",
    "import",
    "export",
    "retail",
    "consumption",
    "income",
    "salar",
    "subsid",
    "capita",
    "loan",
    "credit",
    "registered",
    "market",
    "transaction",
    "domestic product",
    "assets",
    "added",
)

_PROJECT_WORD = re.compile(r"\bprojects?\b|\bdeals?\b|\bcontracts?\b", re.I)
_WITH_INVESTMENT = re.compile(r"\bwith\s+(?:an?\s+)?investment\s+of\s+(?:[\w-]+\s+){0,2}$", re.I)


# a list item of the figures before: '..., and the tertiary industry was ', 'intelligent sensors was '
_PARALLEL_LAST = ("was", "were", "at", "reached", "about", "nearly")  # what _PARALLEL_ITEM ends with
_PARALLEL_ITEM = re.compile(
    r"^\s*(?:and\s+)?[^,;]{0,120}?\b(?:was|were|stood\s+at|reached)\s+(?:about\s+|nearly\s+)?$", re.I
)


def done_or_parallel(s: str, a: Amount, before: str, clause: str) -> bool:
    """'with an investment of 91.72 billion yuan completed' (investment done); 'The added value
    of ... was X, and the tertiary industry was Y' (a list item of output figures)."""
    if (
        s.startswith(" completed", a.end)
        and not s[a.end + 10 : a.end + 11].isalpha()
        and _WITH_INVESTMENT.search(before)
    ):
        return True
    return (
        clause.rstrip().endswith(_PARALLEL_LAST)
        and bool(_PARALLEL_ITEM.search(clause))
        and _not_investment_before(s, a.start, clause)
    )


def _not_investment_before(s: str, start: int, clause: str) -> bool:
    """Whether the clause, speaking of no investment or projects, continues a sentence whose
    earlier figures are output, added value, tax or the like."""
    if "investment" in clause.lower() or _PROJECT_WORD.search(clause):
        return False
    head = s[: start - len(clause)]
    return (
        "investment" not in head.lower()
        and may_contain(head, _NOT_INVESTMENT_CUE)
        and bool(_NOT_INVESTMENT.search(head))
    )
