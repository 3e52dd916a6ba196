"""Figures of earlier editions or rounds of an event, beside this one's (used by
en_sentence's `_earlier_edition`): 'signed during the previous nine fairs', 'In the previous two
campaigns, the province signed ...', 'below the US$29.3 billion from the last pre-pandemic
fair'. Words of the genre, not of one event.
"""

from __future__ import annotations

import re

_EVENTS = r"sessions?|editions?|fairs?|expos?|campaigns?|rounds?|events?|conferences?|forums?|meetings?|conventions?"
# 'during the previous nine fairs', 'from the last pre-pandemic fair', 'During the past two Smart
# China Expos'
_EARLIER_ROUND = re.compile(
    r"\b(?:at|in|during|over|from|of|for)\s+(?:the\s+|its\s+)?(?:previous|last|prior|preceding|past)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{_EVENTS})\b",
    re.I,
)
# 'During these fairs, 6,708 contracts were signed': figures over several editions at once
_THESE_ROUNDS = re.compile(
    r"\b(?:at|in|during|over)\s+(?:these|those)\s+(?:[\w'’-]+\s+)?(?:sessions|editions|fairs|expos|campaigns|rounds)\b",
    re.I,
)
# '..., but a decrease of $1.08 billion compared to the 104th Fair': a difference from an edition
_COMPARED_AFTER = re.compile(
    r"\s*(?:yuan\s+|dollars\s+)?(?:compared\s+(?:with|to)|than)\s+(?:that\s+of\s+)?the\s+(?:\d+(?:st|nd|rd|th)|previous|last|prior)\s+"
    rf"(?:[\w'’-]+\s+)?(?:{_EVENTS})\b",
    re.I,
)
# words one of which every pattern here needs beyond en_sentence's _PREVIOUS_WORDS (its gate)
EARLIER_WORDS = ("these ", "those ", "below the", "above the", "short of", "exceeding the", "surpassing", "topping")
# 'well below the US$29.3 billion ...': the figure an earlier one is compared with
_BELOW_THE = re.compile(r"\b(?:below|above|short\s+of|exceeding|surpassing|topping)\s+the\s+$", re.I)


def earlier_round(before: str, clause: str, after: str) -> bool:
    """Whether a group belongs to an earlier edition or round: its clause (or the clause
    after it) says so, or the text right before it compares it ('below the')."""
    return bool(
        _EARLIER_ROUND.search(clause)
        or _EARLIER_ROUND.search(after)
        or _BELOW_THE.search(before[-40:])
        or _THESE_ROUNDS.search(clause)
        or _COMPARED_AFTER.match(after)
    )


# a sentence that opens on a time long past: its figures are of then, up to a new clause of now
_YEARS_AGO = re.compile(
    r"\W*(?:[^,;.]{0,60}?\b(?:said|says|recalled|recalls|noted)\s+(?:that\s+)?)?"  # 'Bo said that 10 years ago ...'
    r"(?:about\s+|some\s+|over\s+)?(?:\d+|a\s+few|several|ten|five|twenty)\s+years\s+ago\b"
    r"(?![^.;]*\b(?:compared|than)\b)",
    re.I,
)
_NOW_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\b|\b(?:now|today|this\s+year|on\s+\w+day)\b", re.I)


# 'after investing X in the province last year': what was spent before the news, not a group's total
_AFTER_INVESTING = re.compile(
    r"\b(?:after|having)\s+(?:invest(?:ing|ed)|poured|pouring)\s+(?:(?:a\s+total\s+of|about|over|more\s+than|nearly)\s+)?$",
    re.I,
)


def past_figure(s: str, at: int) -> bool:
    """The sentence opens on a time long past ('10 years ago, when ...') and no clause of now
    ('; on Monday', ', and today') comes before the figure at `at`. 'The zone, founded 20 years
    ago, signed ...' opens on no past time. Or the figure is what was spent before ('after
    investing X last year')."""
    if "nvest" in s[max(0, at - 40) : at] and _AFTER_INVESTING.search(s, max(0, at - 40), at):
        return True
    if "years ago" not in s[:at]:
        return False
    past = _YEARS_AGO.match(s, 0, at)
    return past is not None and _NOW_CLAUSE.search(s, past.end(), at) is None
