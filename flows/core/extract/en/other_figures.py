"""Money figures that the words after them, or the list they stand in, make something other
than a group's investment (called by `keep_amount`, en_context).

- 'recorded more than 1.7 million yuan in sales', 'X of exports': the kind is named after
  the figure (traps_en.csv names it before);
- '...; the capital region was Y' after 'the funds in place in the north were X': a later
  item of a list whose first figure is a trap (funds in place, FDI, trade) is that trap too;
- a trap word that opens a long clause without commas ('its goal of introducing ... and
  attracting X');
- 'X yuan in Urumqi, accounting for 21% of the region; Y yuan in Yili, ...': a ranking of
  places by a sum that the sentence never calls investment nor ties to projects;
- 'The fund is ..., with a total scale of X': the size of the fund a sentence opens on;
- 'investment in projects worth over X accounted for N percent': a size class, not a sum;
- 'a deal, worth X, with a ... trading group': an order from a trader.
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import cue, may_contain
from flows.core.extract.en.not_investment import may_never, never_search
from flows.core.extract.en.numbers import Amount

_KIND_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:in|of)\s+(?:[\w-]+\s+){0,2}?(?:sales|revenues?|turnover|"
    r"exports?|imports?|trade|output(?:\s+value)?|tax(?:es)?|profits?|transactions?|(?:the\s+)?(?:economic\s+)?benefits?)\b",
    re.I,
)
_ITEM = re.compile(r"^\s*(?:and\s+)?[^,;]{0,80}?\b(?:was|were|is|are)\s+(?:about\s+|nearly\s+|around\s+)?$", re.I)
# what every _ITEM match ends with: white space after the last letter of one of its words
# (s e t y d in any case re.I folds: ſ is an s); keep in step with _ITEM's words
_ITEM_LAST = frozenset("sSſeEtTyYdD")
_MONEY = re.compile(r"\d\s*(?:trillion|billion|million)?\s*(?:yuan|dollars|euros)\b", re.I)
_SHARE_AFTER = re.compile(
    r"\s*(?:in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s*)?,?\s*(?:accounting|accounted)\s+for\s+[\d.]+\s*%", re.I
)
_ACCOUNT = cue("account")  # what every _SHARE_AFTER match holds
_CLOSE = re.compile(r"\s*\)")
_TIES = re.compile(r"\b(?:projects?|deals?|contracts?|investment)\b", re.I)


# 'The fund is ..., with a total scale of 1 billion yuan': the size of a fund the sentence is about
_FUND_SUBJECT = re.compile(r"^\W*(?:the|this|a|an)\s+(?:[\w'’-]+\s+){0,4}?funds?\b(?!\s+projects?)", re.I)
_SCALE_OF = re.compile(r"\b(?:scale|size)\s+(?:of\s+)?(?:about\s+|nearly\s+|over\s+|more\s+than\s+)?$", re.I)


# 'investment in projects worth over 100 million yuan accounted for 82.8 percent': a size class
# naming the base of a share (a group's own total reads 'investment in N projects')
_CLASS_OF_SHARE = re.compile(
    r"\binvestments?\s+in\s+(?:the\s+)?projects\s+(?:worth|valued\s+at|of|with\s+investment\s+of)\s+"
    r"(?:over|above|more\s+than|exceeding)\s+$",
    re.I,
)


# '... signed the first deal, worth US$500 million, with a Shanghai trading group': an order
_TRADER_AFTER = re.compile(
    r"\s*,?\s*with\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?trading\s+(?:group|company|companies|firm|house)\b", re.I
)


def other_figure(s: str, a: Amount, clause: str) -> bool:
    """Whether the amount is of another kind by the words after it or by its list."""
    if "trading" in s[a.end : a.end + 60] and _TRADER_AFTER.match(s, a.end):
        return True
    if "projects " in clause and _CLASS_OF_SHARE.search(clause):
        return True
    if "fund" in s[:60].lower() and _SCALE_OF.search(clause) and _FUND_SUBJECT.match(s):
        return True
    if _KIND_AFTER.match(s, a.end):
        return True
    close = _CLOSE.match(s, a.end)  # '1.7 million yuan (US$261,538) in sales': its conversion
    if close and "(" in s[max(0, a.start - 5) : a.start] and _KIND_AFTER.match(s, close.end()):
        return True
    if clause[-1:].isspace() and clause.rstrip()[-1:] in _ITEM_LAST and _ITEM.search(clause):
        head = s[: max(0, a.start - len(clause))]
        trap = never_search(head) if _MONEY.search(head) else None
        if trap and _MONEY.search(head, trap.end()):
            return True
    if may_contain(s[a.end :], _ACCOUNT) and _SHARE_AFTER.match(s, a.end) and not _TIES.search(s):
        return True
    return _far_trap(s, a, clause)


def _far_trap(s: str, a: Amount, clause: str) -> bool:
    """A trap word opening a long clause without a comma, further back than the clause
    `keep_amount` reads ('its goal of introducing 100 projects and attracting a total
    investment scale of X')."""
    if a.start <= len(clause) + 1 or s[a.start - len(clause) - 1] in ",;:":
        return False
    head = s[max(0, a.start - 240) : a.start]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind(". "))
    if not may_never(head[cut + 1 :]):  # (a match from cut + 1 on lies in that slice)
        return False
    trap = never_search(head, cut + 1)
    return bool(trap) and not _MONEY.search(head, trap.end())  # no other figure between
