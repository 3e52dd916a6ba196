"""One project told by its investor or its rank, beside a group's figures (used by
en_mention's `_facility_name`): 'X Group, a maker of ..., agreed to spend 11.3 billion yuan on
the construction of A, B and C' (a company's own project: a cohort of one named by what it
builds), 'The largest one is for the construction of the X bridge, valued at US$240 million'
(the largest of a group's deals: a cohort of one); the machine-translated frame 'with a
total investment of 3 billion yuan of <name> production line' (总投资X的Y: one project).
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import FIRM_SUFFIX
from flows.core.extract.en.not_investment import QUAL_OPT
from flows.core.extract.en.numbers import WORD_NUM

# a qualifier before the amount (the number recognizers' own lists)

# a company as the sentence's subject, then its own spending verb right before the amount
_COMPANY_SPENDS = re.compile(
    r"^\s*(?:[A-Z][\w&'’.\-]*\s+){1,5}"
    + rf"(?:{FIRM_SUFFIX}|Co\b)"
    + r"(?:\s*,[^;:]{0,120}?,)?\s+(?:has\s+|have\s+)?(?:agreed|agrees|plans|planned|will|is\s+to|intends|decided|pledged|"
    r"won\s+approval|(?:got|gained|received|obtained)\s+(?:the\s+)?approval)"
    rf"\s+(?:to\s+)?(?:spend|invest|inject|put)\s+{QUAL_OPT}$"
)
# '... won approval to invest US$100 million to make computer components in Shenzhen', '...
# will invest X in building its global research center in Minhang'
_TO_MAKE = re.compile(
    r"\s+(?:to\s+(?:make|build|produce|manufacture|set\s+up|develop|explore|open)|"
    r"(?:in|on)\s+(?:building|constructing|setting\s+up|establishing))\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"([^.;,()]{3,80}?)(?:\s+(?:in|on|at|of|for))?(?=\s*(?:[.;,]|$))",
    re.I,
)
# 'The largest one is for ..., valued at': the largest of the deals told before
_LARGEST = re.compile(
    r"^\s*(?:the\s+)?(?:largest|biggest)\s+(?:one|project|deal|contract|agreement|single\s+project)\s+(?:is|was)\b"
    r"[^;:]*?(?:valued\s+at|worth|with\s+(?:an?\s+)?(?:total\s+)?investment\s+of|at\s+a\s+cost\s+of|costing)\s+"
    rf"{QUAL_OPT}$",
    re.I,
)
_BUILT = re.compile(
    r"\s+(?:on|in|into|for)\s+(?:the\s+)?(?:construction|building|development|expansion)\s+of\s+(?:the\s+|an?\s+)?"
    r"([^.;()]{3,120}?)(?=\s*(?:[.;]|$|,\s*(?:which|with|and\s+the|valued|worth)\b))",
    re.I,
)
# 'with a total investment of X of <name> production line / project': the amount of one
_TOTAL_OF_FRAME = re.compile(rf"\b(?:total\s+)?investment\s+of\s+{QUAL_OPT}$", re.I)
_OF_FACILITY = re.compile(
    r"\s+of\s+(?:the\s+|an?\s+)?((?:(?!(?:which|them|these|those|investment|total)\b)[\w'’-]+\s+){0,6}?"
    r"(?:production\s+lines?|project|plant|base|park|factory|centre|center|complex))\b(?![-’'])",
    re.I,
)
_OBJECT_OF = re.compile(
    r"\b(?:construction|building|development|expansion)\s+of\s+(?:the\s+|an?\s+)?([^,.;()]{3,100})", re.I
)


# 'signed a 20-billion-yuan contract with X Group': one contract with one firm
_SIGNED_A = re.compile(r"\b(?:signed|inked|sealed|clinched|concluded)\s+an?\s+$", re.I)
_CONTRACT_WITH = re.compile(
    r"\s*(?:(?:investment|cooperation|project)\s+)?(?:contract|agreement|deal)\s+with\s+((?:[A-Z][\w&'’.\-]*\s*){1,8})"
)

# ... but 'covering 12 projects', 'and 11 other firms' after it: a contract of several
_MANY_AFTER = re.compile(
    rf"[^.;]{{0,60}}?\b(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,2}}?(?:projects|firms|companies|enterprises|"
    r"investors|deals|agreements|contracts)\b",
    re.I,
)


def single_project(s: str, end: int, prefix: str) -> str | None:
    """The name of the one project a company's own spending or a 'largest one' clause sizes
    (the amount ends at `end`, the clause before it is `prefix`), or None."""
    if prefix.endswith(("a ", "an ")) and _SIGNED_A.search(prefix):
        m = _CONTRACT_WITH.match(s, end)
        if m and not _MANY_AFTER.match(s, m.end()):
            return "contract with " + " ".join(m.group(1).split())
    if prefix[:1].isupper() and _COMPANY_SPENDS.search(prefix):
        m = _BUILT.match(s, end) or _TO_MAKE.match(s, end)
        if m:
            return " ".join(m.group(1).split())
    if ("largest" in prefix[:12].lower() or "biggest" in prefix[:12].lower()) and _LARGEST.search(prefix):
        m = _OBJECT_OF.search(prefix)
        return " ".join(m.group(1).split()) if m else "largest project"
    return None


def total_of_name(s: str, start: int, end: int) -> tuple[str, int] | None:
    """MT 'with a total investment of X of <name> production line' (the amount at start:end):
    the one project's name and where it ends (en_figures makes the item run to it)."""
    if not s.startswith(" of ", end) or not _TOTAL_OF_FRAME.search(s, max(0, start - 40), start):
        return None
    m = _OF_FACILITY.match(s, end)
    return (" ".join(m.group(1).split()), m.end()) if m else None
