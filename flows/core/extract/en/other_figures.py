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
- 'a deal, worth X, with a ... trading group': an order from a trader;
- 'invested X in other countries': outward investment;
- 'expressions of interest for N project clues ..., with a planned investment of X': leads;
- 'Investment in A from B hit X': a flow of capital between places, in a sentence of no projects
  (and, on a page of no signing or event, its count-only approvals: `drop_approval_counts`);
- '..., with Y for this year' after a total: the year's share; 'a 200-billion-yuan ... industrial
  cluster': the scale a cluster aims at; 'projects worth over X will be reviewed' (no other
  figure in the sentence): a size class.
"""

from __future__ import annotations

import re

from flows.core.extract.en.changes import number_changed
from flows.core.extract.en.cues import MONEY_FIGURE as _MONEY
from flows.core.extract.en.cues import SIGNING_EVENT, THIS_YEAR_AFTER, cue, has_any, may_contain
from flows.core.extract.en.not_investment import QUAL_OPT, may_never, never_search
from flows.core.extract.en.numbers import ABOUT_Q, LOWER_Q, Amount
from flows.core.model import CohortMention

_KIND_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*or\s+(?:about\s+)?[\d.]+\s*(?:percent|per\s+cent|%)\s*,\s*)?(?:in|of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:sales|revenues?|turnover|"
    r"exports?|imports?|trade|output(?:\s+value)?|tax(?:es)?|profits?|transactions?|(?:the\s+)?(?:economic\s+)?benefits?)\b"
    r"|\s*worth\s+of\s+(?:[\w-]+\s+){0,2}?(?:items|goods|commodities|products|supplies|equipment|materials)\b",
    re.I,
)  # ... and '$12 million worth of items for a project could enter the zone': goods, not investment;
# 'X, or 52 percent, of the transaction value': a share of a trade total
# 'Deals worth X were clinched for the sale of farm produce': trade, when deals (not projects:
# 'projects worth X were launched for the supply of clean water') are what is worth X
_SOLD_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:were|was|have\s+been|has\s+been)\s+(?:\w+\s+){0,2}?for\s+the\s+(?:sale|purchase|supply|"
    r"export|import)\s+of\b",
    re.I,
)
_DEALS = re.compile(r"\b(?:deals?|contracts?|agreements?|orders?|transactions?)\b", re.I)
_ITEM = re.compile(r"^\s*(?:and\s+)?[^,;]{0,80}?\b(?:was|were|is|are)\s+(?:about\s+|nearly\s+|around\s+)?$", re.I)
# what every _ITEM match ends with: white space after the last letter of one of its words
# (s e t y d in any case re.I folds: ſ is an s); keep in step with _ITEM's words
_ITEM_LAST = frozenset("sSſeEtTyYdD")
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


# 'invested 1.09 billion yuan in other countries': outward investment, not projects drawn in (the
# words after the figure; traps_en.csv's outbound row reads those before it: 'outbound investment of')
_ABROAD_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:in|into)\s+(?:other|foreign|overseas)\s+(?:countries|markets|economies)|"
    r"abroad|overseas(?!\s+(?:investment|capital|funds|investors|companies|firms|Chinese)))\b",
    re.I,
)


# 'expressions of interest for 207 investment project clues were registered, with a total
# planned investment of X': leads and intentions on record, not projects signed
_LEADS = re.compile(
    r"\b(?:expressions?\s+of\s+interest|(?:project|investment)\s+clues|(?:\d[\d,]*|several|many)\s+(?:new\s+)?"
    r"(?:project|investment)\s+leads|clues\s+(?:of|for|to|on)\s+"
    r"(?:investment|projects?))\b",
    re.I,
)


# 'Investment in Taiwan from the Chinese mainland hit X in the first half', 'the amount of
# approved China investments in Taiwan, which totaled X': a flow of capital between places
# (a statistic like FDI) in a sentence of no projects, deals or signing
_FLOW_HEAD = (
    r"\b(?:(?:[Nn]ew\s+)?[Ii]nvestments?|[Cc]apital)\s+(?:in|into|on|from)\s+(?:the\s+)?[A-Z][^;]{0,70}?"
    r"\s(?:hit|reached|totall?ed|stood\s+at|amounted\s+to|rose\s+to|fell\s+to|dropped\s+to|was)\s+"
    rf"(?:(?:{ABOUT_Q})\s+)?"
)
FLOW = re.compile(_FLOW_HEAD + "$")
_FLOW_ANY = re.compile(_FLOW_HEAD + r"(?:US\$|\$|RMB\s?|\d)")  # ... a sentence stating one
_EVENT_TALK = re.compile(rf"\b(?:{SIGNING_EVENT})\b", re.I)
_SIGNING = re.compile(rf"\b(?:projects?|deals?|contracts?|agreements?|{SIGNING_EVENT})\b", re.I)
_APPROVED = re.compile(r"\b(?:approv\w*|green\s+light)\b", re.I)


def drop_approval_counts(mentions: list[CohortMention], sentences: list[str]) -> list[CohortMention]:
    """The FLOW statistic at page level (used by en_article): a page that states a flow of
    capital between places and never speaks of signing or events gives its 'N projects were
    approved' / 'given the green light' as the same statistic, no group of its own."""
    if not any(m.amount is None and _APPROVED.search(m.evidence or "") for m in mentions):
        return mentions
    if any(_EVENT_TALK.search(s) for s in sentences) or not any(
        _FLOW_ANY.search(s) for s in sentences if "nvestment" in s
    ):
        return mentions
    return [m for m in mentions if m.amount is not None or not _APPROVED.search(m.evidence or "")]


# 'The total investment topped X, with Y for this year': the year's share of a total
_WITH_ONLY = re.compile(rf"^\s*(?:with|and|of\s+which)\s+{QUAL_OPT}$", re.I)
# the scale class a place aims at, in either order: 'to build a 200-billion-yuan modern
# biomedical industrial cluster', MT 'to step into zones of over 100 billion yuan' (one rule)
_CLUSTER_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:industrial\s+|industry\s+)?clusters?\b", re.I)
_PLACE_VERBS = ("step", "enter", "becom", "grow")  # what _CLASS_PLACE_BEFORE needs
_OF_LAST = ("of ", "than ", "over ")  # ... and how a clause it matches ends
_CLASS_PLACE_BEFORE = re.compile(
    r"\b(?:step(?:s|ped|ping)?|enter(?:s|ed|ing)?|becom(?:e|es|ing)|grow(?:s|n|ing)?)\s+(?:into\s+)?(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:zones?|parks?|clusters?|bases?)\s+of\s+(?:(?:over|more\s+than)\s+)?$",
    re.I,
)


# 'projects worth over 1 billion yuan will be reviewed monthly': a size class in a sentence
# that counts nothing
_CLASS_BEFORE = re.compile(
    r"\bprojects\s+(?:each\s+)?(?:worth|valued\s+at|of|with\s+(?:an?\s+)?investments?\s+of)\s+"
    rf"(?:{LOWER_Q})\s+$",
    re.I,
)


# ... and only where the sentence reviews or selects ('will be reviewed', 'must', 'are required')
# and neither signs nor names a stage: 'The city signed projects worth more than X' is a group
_REVIEWS = re.compile(
    r"\b(?:will\s+be\s+(?:reviewed|assessed|evaluated|checked|inspected|monitored|audited|selected|"
    r"screened|prioritized)|must|are\s+required|shall|should)\b",
    re.I,
)
_SIGNS_OR_STAGE = re.compile(
    r"\b(?:sign(?:ed|ing|s)?|ink(?:ed|ing|s)?|clinched|sealed|agreements?|contracts?|deals?|"
    r"launched|started|completed|operation|construction|approved|landed|introduced|attracted)\b",
    re.I,
)


def _size_class(s: str, a: Amount, clause: str) -> bool:
    if a.bound != "lower" or "projects " not in clause.lower() or not _CLASS_BEFORE.search(clause):
        return False
    if any(ch.isdigit() for ch in s[: a.start] + s[a.end :]) or not _REVIEWS.search(s):
        return False
    return _SIGNS_OR_STAGE.search(s) is None


def other_figure(s: str, a: Amount, clause: str) -> bool:
    """Whether the amount is of another kind by the words after it or by its list."""
    if a.bound == "lower" and _size_class(s, a, clause):
        return True
    if " year" in s[a.end : a.end + 60] and _WITH_ONLY.match(clause) and THIS_YEAR_AFTER.match(s, a.end):
        return _MONEY.search(s, 0, a.start - len(clause)) is not None
    if s[a.end - 5 : a.end] == "-yuan" and _CLUSTER_AFTER.match(s, a.end):
        return True
    if clause.endswith(_OF_LAST) and has_any(clause.lower(), _PLACE_VERBS) and _CLASS_PLACE_BEFORE.search(clause):
        return True
    if a.start < 8 and s.lstrip().startswith("(") and _CLOSE.match(s, a.end) and ")" not in s[: a.start]:
        return True  # '(US$56.25 billion) last year.': a wrapped line's conversion of the figure before
    if "nvestment" in s[: a.start] and FLOW.search(s, max(0, a.start - 140), a.start) and not _SIGNING.search(s):
        return True
    if ("clue" in s or "interest" in s or " leads" in s) and _LEADS.search(s, 0, a.start):
        return True
    if "invest" in clause and _ABROAD_AFTER.match(s, a.end):
        return True
    if "trading" in s[a.end : a.end + 60] and _TRADER_AFTER.match(s, a.end):
        return True
    if "projects " in clause and _CLASS_OF_SHARE.search(clause):
        return True
    if "fund" in s[:60].lower() and _SCALE_OF.search(clause) and _FUND_SUBJECT.match(s):
        return True
    if _KIND_AFTER.match(s, a.end) or number_changed(s, a, clause):  # (en_changes)
        return True
    if _SOLD_AFTER.match(s, a.end) and _DEALS.search(clause) and "project" not in clause.lower():
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
