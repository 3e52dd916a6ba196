"""Figures of earlier editions or rounds of an event, beside this one's (used by
en_sentence's `_earlier_edition`): 'signed during the previous nine fairs', 'In the previous two
campaigns, the province signed ...', 'below the US$29.3 billion from the last pre-pandemic
fair'. Words of the genre, not of one event.
"""

from __future__ import annotations

import re

_EVENTS = r"sessions?|editions?|fairs?|expos?|campaigns?|rounds?|events?|conferences?|forums?|meetings?|conventions?"
# 'during the previous nine fairs', 'from the last pre-pandemic fair', 'at the prior two expos'
_EARLIER_ROUND = re.compile(
    r"\b(?:at|in|during|over|from|of|for)\s+(?:the\s+|its\s+)?(?:previous|last|prior|preceding)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_EVENTS})\b",
    re.I,
)
# 'well below the US$29.3 billion ...': the figure an earlier one is compared with
_BELOW_THE = re.compile(r"\b(?:below|above|short\s+of|exceeding|surpassing|topping)\s+the\s+$", re.I)


def earlier_round(before: str, clause: str, after: str) -> bool:
    """Whether a group belongs to an earlier edition or round: its clause (or the clause
    after it) says so, or the text right before it compares it ('below the')."""
    return bool(_EARLIER_ROUND.search(clause) or _EARLIER_ROUND.search(after) or _BELOW_THE.search(before[-40:]))
