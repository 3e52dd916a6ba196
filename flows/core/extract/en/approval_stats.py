"""Counts of an approvals statistic (used by en_article): a page that reports capital flowing
between places ('Investment in Taiwan from the Chinese mainland hit X in the first half', read
as a statistic by en_other_figures) and never speaks of signing, fairs or ceremonies gives its
'N projects were approved' / 'given the green light' as the same statistic: no group of
projects of its own.
"""

from __future__ import annotations

import re

from flows.core.extract.en.other_figures import FLOW_ANY
from flows.core.model import CohortMention

_EVENT_TALK = re.compile(r"\b(?:sign\w*|ink\w*|fair|expo|forum|ceremony|conference|summit)\b", re.I)
_APPROVED = re.compile(r"\b(?:approv\w*|green\s+light)\b", re.I)


def drop_approval_counts(mentions: list[CohortMention], sentences: list[str]) -> list[CohortMention]:
    """mentions without the count-only approvals of a flow-statistics page."""
    if not any(m.amount is None and _APPROVED.search(m.evidence or "") for m in mentions):
        return mentions
    if any(_EVENT_TALK.search(s) for s in sentences) or not any(
        FLOW_ANY.search(s) for s in sentences if "nvestment" in s
    ):
        return mentions
    return [m for m in mentions if m.amount is not None or not _APPROVED.search(m.evidence or "")]
