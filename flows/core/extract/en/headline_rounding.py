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


def title_line(m: CohortMention) -> bool:
    """m stands in the page's headline: its first line, or a title line (short, no full stop)
    among the first six (after a dateline, or a portal's 'News Article' and category lines)."""
    return title_text(m.sentence_index, m.evidence or "")


def title_text(index: int, text: str) -> bool:
    """Line `index` of the page, `text`, is a headline (see title_line)."""
    text = text.rstrip()
    return index == 0 or (index <= _TITLE_LINES and len(text) < 160 and text[-1:] not in ".;:")


_TITLE_LINES = 5  # the last line index a title may stand on


def rounds_headline(m: CohortMention, n: CohortMention) -> bool:
    """m, a headline's approximate amount with n's count, rounds body cohort n's amount."""
    if not title_line(m) or n.sentence_index <= m.sentence_index or not m.approximate:
        return False
    # the body's amount, or its conversion in the headline's currency ('over 5 bln USD' for
    # '37.3 billion yuan (about 5.85 billion U.S. dollars)'); a headline may leave the count out
    body = n.amount if m.currency == n.currency else n.alt_amount if m.currency == n.alt_currency else None
    if m.amount is None or body is None or m.project_count not in (None, n.project_count):
        return False
    if not close(m.amount, body, "rounded_restatement") or _digits(m.amount) >= _digits(body):
        return False
    below = bool(_BELOW.search(m.evidence or ""))
    return m.amount >= body if below else m.amount <= body


def rounds_headline_count(m: CohortMention, n: CohortMention) -> bool:
    """m, a headline's approximate count with no amount ('Over 600 deals signed'), rounds body
    cohort n's count (638): fewer significant digits, within headline_restatement, and the
    direction its qualifier says."""
    if not title_line(m) or n.sentence_index <= m.sentence_index or not m.approximate or m.amount is not None:
        return False
    mc, nc = m.project_count, n.project_count
    if mc is None or nc is None or m.size_min is not None or m.size_max is not None or m.extra.get("subset"):
        return False
    if not close(float(mc), float(nc), "headline_restatement") or _digits(mc) >= _digits(nc):
        return False
    return mc >= nc if _BELOW.search(m.evidence or "") else mc <= nc
