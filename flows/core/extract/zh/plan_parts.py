"""Parts told in the figure of their group: a group counted with only its year's plan (共安排X项目N个,
年度计划投资Y), then broken out after 其中 with each part's 计划投资 — those are the parts' shares of
the year's plan too, not their total investment. Used by zh.cohorts.finish.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.numerals import figure_span
from flows.core.extract.zh.words import TOTAL_INVESTMENT
from flows.core.model import CohortMention

# the group's only figure is the year's plan (年度计划投资 / 年度计划完成投资 / 年度投资计划)
_YEAR_PLAN = re.compile(r"年度(?:投资)?计划(?:完成)?投资|年度投资计划")
# a part's own clause ends at these
_CLAUSE_END = "，,;；。:：、"
# a total investment stated with its figure (not 占…总投资的N%, a share)
_TOTAL = re.compile(rf"(?:{TOTAL_INVESTMENT}|总额)(?:额)?(?:为|达到?|约|超过?)?\s*\d")


def plan_parts(mentions: list[CohortMention]) -> None:
    """A part whose 计划投资 follows a group given only its yearly plan keeps no amount."""
    for m in mentions:
        if m.amount is None or m.parent is None or m.parent >= len(mentions):
            continue
        group = mentions[m.parent]
        if group.amount is not None or not _YEAR_PLAN.search(group.evidence) or _TOTAL.search(group.evidence):
            continue
        own = _own_clause(m.evidence, m.amount)
        if "计划投资" in own and not _TOTAL.search(own):
            m.amount = m.currency = m.alt_amount = m.alt_currency = None


def _own_clause(s: str, amount: float) -> str:
    """The clause of the part's figure (from the punctuation before it to its end), or the
    sentence when the figure is not written in digits."""
    span = figure_span(s, amount)
    if span is None:
        return s
    return s[max(s.rfind(c, 0, span[0]) for c in _CLAUSE_END) + 1 : span[1]]
