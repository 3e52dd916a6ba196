"""A total after a list of a group's projects belongs to the group, not to one of them.

'These projects included a photovoltaic project, a school building and an ecological
restoration project, with a total investment of 1.77 billion yuan': the clause's subject is
the group the sentence before counted, its verb lists some of its projects, and the 'total'
after the list is the group's. No item of the list is a cohort of one; the amount points back
to the group (as 'The projects include 9 A and 37 B ones, ..., with a total investment of X').
"""

from __future__ import annotations

import re

_GROUP_LISTS = re.compile(
    r"^\s*(?:the|these|those|all\s+(?:the|these))\s+(?:[\w'’-]+\s+){0,2}?(?:projects|deals)\s+"
    r"(?:(?:mainly|mostly)\s+)?(?:include[sd]?|cover(?:s|ed)?|involv(?:e|es|ed)|compris(?:e|es|ed)|(?:are|were)\s+)",
    re.I,
)
_TOTAL_LEAD = re.compile(
    r",\s*(?:with\s+)?(?:an?\s+|the\s+)?(?:total|combined|aggregate|overall)\b[^,;()]{0,30}$|,\s*(?:totall?ing|worth\s+a\s+total\s+of)\s+[^,;()]{0,12}$",
    re.I,
)


def group_total(prefix: str) -> bool:
    """Whether the amount after prefix is the total of a group whose projects the clause lists."""
    head, lead = _GROUP_LISTS.match(prefix), _TOTAL_LEAD.search(prefix)
    # a list of two or more (one item with its total, 'include the X park, with a total
    # investment of Y', is that project's)
    return bool(head and lead and _LIST_SEP.search(prefix, head.end(), lead.start()))


_LIST_SEP = re.compile(r",\s|\s(?:and|as\s+well\s+as)\s", re.I)
