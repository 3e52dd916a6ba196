"""A headline's round approximate amount for the body's precise one, counts equal.

'19 projects signed with an investment of more than 20 billion yuan' over the body's '19
projects were signed, with a total investment of 21.946 billion yuan': the headline rounds
the body's total further than a restatement in the body would (tolerances.csv
rounded_restatement, not the 5 % of a body restatement), and says so ('more than', 'nearly'):
one cohort. The headline's figure must have fewer significant digits than the body's, and
its direction must fit ('more than 20' for 21.9, 'nearly 22' for 21.9).
"""

from __future__ import annotations

import re

from flows.core.extract.merge import close
from flows.core.model import CohortMention

_BELOW = re.compile(r"\b(?:nearly|almost|close\s+to|up\s+to|under|less\s+than)\b", re.I)


def _digits(v: float) -> int:
    return len(f"{v:.6g}".replace(".", "").split("e")[0].rstrip("0"))


def _title(m: CohortMention) -> bool:
    """m stands in the page's headline: its first line, or a title line (short, no full stop)
    among the first three after a dateline."""
    text = (m.evidence or "").rstrip()
    return m.sentence_index == 0 or (m.sentence_index <= 2 and len(text) < 160 and text[-1:] not in ".;:")


def rounds_headline(m: CohortMention, n: CohortMention) -> bool:
    """m, a headline's approximate amount with n's count, rounds body cohort n's amount."""
    if not _title(m) or n.sentence_index <= m.sentence_index or not m.approximate or n.approximate:
        return False
    if m.amount is None or n.amount is None or m.currency != n.currency or m.project_count != n.project_count:
        return False
    if not close(m.amount, n.amount, "rounded_restatement") or _digits(m.amount) >= _digits(n.amount):
        return False
    below = bool(_BELOW.search(m.evidence or ""))
    return m.amount >= n.amount if below else m.amount <= n.amount
