"""Figures of another kind than project investment, refused by `keep_amount` (en_context):
averages, FDI, plans, targets and trade whatever the clause says; output, revenue, tax, added
value, funds ... when the clause does not speak of investment (both lists are data:
flows/lexicons/traps_en.csv); investment done ('with an investment of X completed'); and the later items of a list of such
figures ('The added value of ... was X, and the tertiary industry was Y').
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import cue, may_contain
from flows.core.extract.en.numbers import Amount
from flows.core.lexicon import load


def _traps(kind: str) -> tuple[re.Pattern, tuple[str, ...]]:
    """The trap patterns of one kind (flows/lexicons/traps_en.csv) as one case-insensitive
    pattern between word boundaries, and the cue words every match holds one of."""
    rows = [r for r in load("traps_en") if r["kind"] == kind]
    pattern = re.compile(r"\b(?:" + "|".join(r["pattern"] for r in rows) + r")\b", re.I)
    return pattern, tuple(sorted({c for r in rows for c in r["cues"].split("|")}))


# figures that are never a project cohort, even when 'investment' is said (averages, FDI,
# plans, targets, investment completed, trade), and their cue words for `_may_never`
NEVER, NEVER_CUES = _traps("never")
# figures of another kind, refused when the clause does not speak of investment
NOT_INVESTMENT, _OTHER_CUES = _traps("other_kind")
NOT_INVESTMENT_CUE = cue(*map(re.escape, _OTHER_CUES))

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
        "investment" not in head.lower() and may_contain(head, NOT_INVESTMENT_CUE) and bool(NOT_INVESTMENT.search(head))
    )
