"""A total after a list of a group's projects belongs to the group, not to one of them.

'These projects included a photovoltaic project, a school building and an ecological
restoration project, with a total investment of 1.77 billion yuan' and 'The projects include
9 foreign-funded and 37 domestic ones, ..., with a total investment of X': the clause's
subject is the whole group the sentence before counted, its verb lists some of its projects,
and the 'total' after the list is the group's. No item of the list is a cohort of one; the
amount points back to the group (grouping marks its group `list_total`, the mention's anaphor
is 'definite').

The subject must be the whole group: 'the/these/those/all (the) projects', at most with the
group's own verb ('the signed projects', 'the projects signed on site'). A selector picks a
few out of it ('the major / key / biggest projects include A and B, with a total investment
of X': X is those few's), and a 'respectively' list or plural 'total investments' gives each
item its own amount (one plural 'total investments of X' does not): neither is the group's total.
"""

from __future__ import annotations

import re

from flows.core.extract.en.group_head import LIST_VERB, SUBJECT

# the sentence's subject is the whole group and its verb lists projects
LIST_HEAD = re.compile(rf"^\s*{SUBJECT}\s+{LIST_VERB}", re.I)
_TOTAL_LEAD = re.compile(
    r",\s*(?:with\s+)?(?:an?\s+|the\s+)?(?:total|combined|aggregate|overall)\b[^,;()]{0,30}$|,\s*(?:totall?ing|worth\s+a\s+total\s+of)\s+[^,;()]{0,12}$",
    re.I,
)
_LIST_SEP = re.compile(r",\s|\s(?:and|as\s+well\s+as)\s", re.I)
# each item its own amount: 'with total investments of 40 billion, 10 billion and 8 billion yuan
# respectively': a second amount in the lead or 'respectively' (a plural 'total investments of
# X' with one amount is still the group's total)
_EACH_OWN = re.compile(r"\d[^.;]*?(?:,\s+|\s+and\s+)(?:US\$|\$|RMB\s*)?\d", re.I)
_RESPECTIVELY = re.compile(r"^[^.;]*?\brespectively\b|^\s*(?:,\s*|and\s+)(?:US\$|\$|RMB\s*)?\d", re.I)


def each_own(s: str, lead_start: int, amount_end: int) -> bool:
    """The amount after lead_start is one of a list of amounts, one per item."""
    return bool(_EACH_OWN.search(s, lead_start, amount_end) or _RESPECTIVELY.match(s[amount_end:]))


def listed_total(s: str, start: int, end: int) -> bool:
    """Whether the amount at start..end of sentence s is the total of the whole group whose
    projects the sentence's subject lists ('The projects include A, B and C, with a total
    investment of X')."""
    head = LIST_HEAD.match(s, 0, start)
    lead = head and _TOTAL_LEAD.search(s[:start])
    # a list of two or more (one item with its total, 'include the X park, with a total
    # investment of Y', is that project's)
    return bool(head and lead and _LIST_SEP.search(s, head.end(), lead.start()) and not each_own(s, lead.start(), end))
