"""A group's total and its count in two clauses of one sentence (used by en_article): 'The
total investment amounted to 120 billion yuan, and 130 projects were signed', 'The fair
clinched 101 projects, investment of which amounts to 88.6 billion yuan' -> one cohort ('more
than X of investment as 30 projects were signed', one clause, is the counts stage's matter).

The sentence holds these two figures only: a bare amount and a count-only group (no band, no
part of another, the same stage). A total told first must open the sentence as '(the) (total)
investment <verb> X' and the count follow its comma with nothing but 'and' between: a time or
place frame on either clause ('Last year, ...', 'and in Wuhu 25 projects') or another kind of
investment ('Foreign investment ...') tells two groups. A count told first takes the amount
after it only when the amount's clause points straight back at it ('investment of which
amounts to', 'their total investment reached'), with no part ('of industrial projects', 'in
manufacturing') or period ('this year') of its own.
"""

from __future__ import annotations

import re

from flows.core.extract.en.numbers import WORD_NUM
from flows.core.model import CohortMention

# 'Total investment came to X, and 77 projects were signed': the whole sentence's shape
_TOTAL_THEN_COUNT = re.compile(
    r"\s*(?:the\s+)?(?:(?:total|combined|overall)\s+)?investment\s+(?:[a-z]+\s+){1,3}(?:US\$|\$|RMB\s*)?\d[\d.,]*\s*"
    r"(?:(?:b|m|tr)illion\s*)?(?:(?:US\s+)?dollars|yuan|euros|RMB|pounds|yen)?\s*(?:\([^()]*\)\s*)?[,;]\s*(?:and\s+)?"
    rf"(?:(?:a\s+total\s+of|altogether|some|about|around|nearly|more\s+than|over)\s+)?(?:\d|{WORD_NUM}\b)",
    re.I,
)
_POINTS_BACK = re.compile(
    r"\b(?:(?:investment|value)\s+of\s+which|of\s+which\s+the\s+(?:total\s+)?investment|their\s+(?:total\s+|combined\s+)?"
    r"investment|whose\s+(?:total\s+|combined\s+)?investment)\b",
    re.I,
)
# '... of which the total investment of industrial projects', 'investment of which in
# manufacturing', 'their total investment this year': a part's or a period's amount
_OWN_FRAME = re.compile(r"\s+(?:of|in|for|from|by|during|at|since|this|last|next)\b", re.I)


def _bare(m: CohortMention, part: bool = False) -> bool:
    """A bare amount (`part`: one its 'of which' marked a part may do: 'investment of which')."""
    return (
        m.project_count is None
        and m.amount is not None
        and not m.project_name
        and m.size_min is None
        and m.size_max is None
        and (part or not m.extra.get("subset"))
    )


def _counted(m: CohortMention) -> bool:
    return (
        m.project_count is not None
        and m.project_count > 1
        and m.amount is None
        and m.size_min is None
        and m.size_max is None
        and not m.extra.get("subset")
    )


def _one_group(amount: CohortMention, count: CohortMention, amount_first: bool) -> bool:
    text = amount.evidence or ""
    if amount.stage != count.stage and amount.extra.get("explicit_stage") and count.extra.get("explicit_stage"):
        return False  # 'Projects worth X were signed, and 12 projects started construction': two groups
    if amount_first:  # two clauses ('X, and N projects were signed'), not 'X of investment as N ...'
        return _TOTAL_THEN_COUNT.match(text) is not None
    back = _POINTS_BACK.search(text)
    if back is None or _OWN_FRAME.match(text, back.end()):
        return False
    return not amount.sector_code or amount.sector_code == count.sector_code  # a part's field


def join_in_sentence(mentions: list[CohortMention]) -> list[CohortMention]:
    """Fold a sentence's bare total into its only count-only group (see the module's note)."""
    by_sentence: dict[int, list[CohortMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    dropped: set[int] = set()
    for pair in by_sentence.values():
        if len(pair) != 2:
            continue
        first, second = pair
        if _bare(first) and _counted(second) and _one_group(first, second, True):
            first.project_count, first.approximate = second.project_count, first.approximate or second.approximate
            first.sector_code = first.sector_code or second.sector_code
            dropped.add(id(second))
        elif _counted(first) and _bare(second, part=True) and _one_group(second, first, False):
            first.amount, first.currency = second.amount, second.currency
            first.alt_amount, first.alt_currency = second.alt_amount, second.alt_currency
            first.approximate = first.approximate or second.approximate
            dropped.add(id(second))
    return [m for m in mentions if id(m) not in dropped] if dropped else mentions
