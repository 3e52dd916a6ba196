"""Figures of another kind than project investment, refused by `keep_amount` (en_context):
averages, FDI, plans, targets and trade whatever the clause says; output, revenue, tax, added
value, funds ... when the clause does not speak of investment (both lists are data:
flows/lexicons/traps_en.csv); investment done ('with an investment of X completed'); and the later items of a list of such
figures ('The added value of ... was X, and the tertiary industry was Y').
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import MONEY_FIGURE as _MONEY_BEFORE
from flows.core.extract.en.cues import cue, may_contain, plain, trie
from flows.core.extract.en.fast import search_rows
from flows.core.extract.en.numbers import ABOUT_Q, LOWER_Q, UPPER_Q, WORD_NUM, Amount
from flows.core.lexicon import load

# a qualifier before the amount (the number recognizers' own lists)
# an optional qualifier before a figure (also en_singles)
QUAL_OPT = rf"(?:(?:{LOWER_Q}|{UPPER_Q}|{ABOUT_Q})\s+)?"


def _traps(kind: str) -> tuple[re.Pattern, tuple[str, ...]]:
    """The trap patterns of one kind (flows/lexicons/traps_en.csv) as one case-insensitive
    pattern between word boundaries, and the cue words every match holds one of."""
    rows = [r for r in load("traps_en") if r["kind"] == kind]
    pattern = re.compile(r"\b(?:" + "|".join(r["pattern"] for r in rows) + r")\b", re.I)
    return pattern, tuple(sorted({c for r in rows for c in r["cues"].split("|")}))


def _trap_rows(kind: str) -> tuple:
    """The same rows one by one, each with its own cues (for en/fast.search_rows)."""
    rows = [r for r in load("traps_en") if r["kind"] == kind]
    return tuple((re.compile(r"\b(?:" + r["pattern"] + r")\b", re.I), tuple(r["cues"].split("|"))) for r in rows)


# figures that are never a project cohort, even when 'investment' is said (averages, FDI,
# plans, targets, investment completed, trade), and their cue words for `may_never`
NEVER, NEVER_CUES = _traps("never")
_NEVER_ROWS = _trap_rows("never")
_NEVER_WORDS_RE = re.compile(trie(NEVER_CUES))  # (one prefix-factored scan for all the cue words)


def may_never(text: str) -> bool:
    """False only when NEVER cannot match text (has_any(text.lower(), NEVER_CUES), as one
    prefix-factored pattern: most clauses hold none of the words, and one scan beats 35)."""
    return not plain(text) or _NEVER_WORDS_RE.search(text.lower()) is not None


# figures of another kind, refused when the clause does not speak of investment
NOT_INVESTMENT, _OTHER_CUES = _traps("other_kind")
_OTHER_ROWS = _trap_rows("other_kind")


def never_search(text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """= NEVER.search(text, pos, endpos), trying only the rows whose cue occurs."""
    return search_rows(NEVER, _NEVER_ROWS, text, pos, endpos)


def other_kind_search(text: str) -> re.Match | None:
    """= NOT_INVESTMENT.search(text), trying only the rows whose cue occurs."""
    return search_rows(NOT_INVESTMENT, _OTHER_ROWS, text)


NOT_INVESTMENT_CUE = cue(*map(re.escape, _OTHER_CUES))

_PROJECT_WORD = re.compile(r"\bprojects?\b|\bdeals?\b|\bcontracts?\b", re.I)
_WITH_INVESTMENT = re.compile(r"\bwith\s+(?:an?\s+)?investment\s+of\s+(?:[\w-]+\s+){0,2}$", re.I)

# 'X of investment has been completed': investment done, not a group's amount
_DONE_AFTER = re.compile(
    r"\s+(?:of|in)\s+investments?\s+(?:ha(?:ve|s|d)\s+been|(?:was|were))\s+(?:completed|made|finished)\b", re.I
)

# 'X (has been) invested into key projects from Jan. to Oct.' / '... by the end of June': money
# spent in a period, a progress statistic (never 'will be invested', a plan or a signing)
_SPENT_BY_DATE = re.compile(
    r"\s+(?:(?:has|have|had)\s+(?:already\s+)?been\s+|was\s+|were\s+)?invested\s+(?:in|into)\s+[^;]{0,60}?"
    r"(?:\bfrom\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+to\b|\bin\s+the\s+first\s+"
    r"(?:half|quarter|three\s+quarters|\w+\s+months)\b|\b(?:by|till|until|up\s+to)\s+the\s+end\s+of\b|\bso\s+far\b)",
    re.I,
)
# a list item of the figures before: '..., and the tertiary industry was ', 'intelligent sensors was '
_PARALLEL_LAST = ("was", "were", "at", "reached", "about", "nearly")  # what _PARALLEL_ITEM ends with
_PARALLEL_ITEM = re.compile(
    r"^\s*(?:and\s+)?[^,;]{0,120}?\b(?:was|were|stood\s+at|reached)\s+(?:about\s+|nearly\s+)?$", re.I
)


# 'brought in investment of 62.86 billion yuan from other domestic provinces': funds drawn in
# from elsewhere in the country (a yearly statistic of money in place, MT of 省外资金)
_FROM_OTHER_PROVINCES = re.compile(
    r"\s+(?:(?:in\s+)?(?:investments?|funds?|capital)\s+)?from\s+(?:other\s+(?:domestic\s+)?provinces|"
    r"outside\s+the\s+province)\b",
    re.I,
)


def done_or_parallel(s: str, a: Amount, before: str, clause: str) -> bool:
    """'with an investment of 91.72 billion yuan completed', 'X of investments have been completed'
    (investment done); 'The added value
    of ... was X, and the tertiary industry was Y' (a list item of output figures)."""
    if (
        (
            s.startswith(" completed", a.end)
            and not s[a.end + 10 : a.end + 11].isalpha()
            and _WITH_INVESTMENT.search(before)
        )
        or _DONE_AFTER.match(s, a.end)
        or (" invested " in s[a.end : a.end + 30].lower() and _SPENT_BY_DATE.match(s, a.end))
    ):
        return True
    if " from " in s[a.end : a.end + 30] and _FROM_OTHER_PROVINCES.match(s, a.end) and not _PROJECT_WORD.search(clause):
        return True
    return (
        clause.rstrip().endswith(_PARALLEL_LAST)
        and bool(_PARALLEL_ITEM.search(clause))
        and _not_investment_before(s, a.start, clause)
    )


# 'Its scale topped X' is an industry's size; 'the 28 projects ..., with their total scale
# reaching X' (MT of 总规模) is the projects' total: the scale rows refuse only where the
# sentence names no project or its subject is an industry or sector
_SCALE_ROW = re.compile(r"\bscale\b", re.I)
_INDUSTRY_SUBJECT = re.compile(r"\b(?:industry|industries|sectors?)\b", re.I)


def other_kind(s: str, a: Amount, clause: str) -> bool:
    """A figure of another kind (traps_en.csv other_kind) named in a clause that does not
    speak of investment."""
    if "investment" in clause.lower() or not may_contain(clause, NOT_INVESTMENT_CUE):
        return False
    trap = other_kind_search(clause)
    if trap is None or not _SCALE_ROW.search(trap.group()):
        return trap is not None
    head = s[: a.start - len(clause)]
    return not _PROJECT_WORD.search(s) or bool(_INDUSTRY_SUBJECT.search(head))


def _not_investment_before(s: str, start: int, clause: str) -> bool:
    """Whether the clause, speaking of no investment or projects, continues a sentence whose
    earlier figures are output, added value, tax or the like."""
    if "investment" in clause.lower() or _PROJECT_WORD.search(clause):
        return False
    head = s[: start - len(clause)]
    return (
        "investment" not in head.lower() and may_contain(head, NOT_INVESTMENT_CUE) and bool(NOT_INVESTMENT.search(head))
    )


# a part of a group's total given beside it: 'including US$8.4 billion in foreign investment',
# 'of which US$243 million of foreign capital', '$510 million of which was invested by the
# Chinese side', '..., and the contracted foreign capital is X' after the total investment
_PART_INTRO = re.compile(rf"\b(?:including|of\s+which|among\s+which)\s+{QUAL_OPT}$", re.I)
_FOREIGN_AFTER = re.compile(
    r"\s*(?:in|of)\s+(?:contracted\s+|actual\s+)?(?:foreign|overseas|external)\s+(?:investment|capital|funds)\b", re.I
)
_OF_WHICH_AFTER = re.compile(r"\s*of\s+(?:which|that|this)\s+(?:was|were|is|are|came|comes|will|has|had)\b", re.I)
_FOREIGN_IS = re.compile(
    r"\b(?:foreign|overseas)\s+(?:capital|investment|funds)\s+(?:is|was|were|are|of|totall?ed|reached|"
    rf"amounted\s+to|stood\s+at)\s+{QUAL_OPT}$",
    re.I,
)
# '..., with a total investment of X and a contractual investment of Y': the contracted part;
# '..., with a total investment of X, and a planned investment of Y': the year's share
# (or at the clause's start: keep_amount cuts '... X yuan and ' off, leaving 'contracted investment of ')
_CONTRACTUAL = re.compile(
    r"(?:\band\s+|^\s*)(?:an?\s+|the\s+|its\s+)?(?:contractual|contracted|planned|(?:annual|yearly)(?:\s+planned)?)\s+"
    r"(?:investment|capital|funds)\s+"
    rf"(?:of|is|was|reached|totall?ed|amounted\s+to)\s+{QUAL_OPT}$",
    re.I,
)
# ... unless the figure has a count of its own: 'and a planned investment of Y went to 9 projects'
_OWN_COUNT_AFTER = re.compile(
    rf"[^,;.]{{0,60}}?\b(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,3}}?(?:projects|deals|agreements|contracts)\b",
    re.I,
)


def part_of_total(s: str, a: Amount, clause: str) -> bool:
    """Whether the amount is a part (foreign capital, one side's share) of a total the
    sentence gave before it."""
    after = s[a.end : a.end + 40].lower()
    if "of th" in after or "of which" in after:
        if _OF_WHICH_AFTER.match(s, a.end):
            return bool(_MONEY_BEFORE.search(s, 0, a.start))
    low = clause.lower()
    if (
        ("contract" in low or "plan" in low or "year" in low or "annual" in low)
        and _CONTRACTUAL.search(clause)
        and _MONEY_BEFORE.search(s, 0, a.start)
        and not _OWN_COUNT_AFTER.match(s, a.end)
    ):
        return True
    if ("foreign" in after or "overseas" in after or "external" in after) and _FOREIGN_AFTER.match(s, a.end):
        if _PART_INTRO.search(clause):
            return bool(_MONEY_BEFORE.search(s, 0, a.start - len(clause)))
    if ("foreign" in low or "overseas" in low) and _FOREIGN_IS.search(clause) and not _PROJECT_WORD.search(clause):
        return bool(_MONEY_BEFORE.search(s, 0, a.start - len(clause)))
    return False


# 'Participants at the ... Import and Export Fair signed deals worth US$24.95 billion': deals
# of a trade fair (imports, exports) are trade, not investment projects
_TRADE_FAIR = re.compile(
    r"\b(?:imports?|exports?)(?:\s+and\s+(?:imports?|exports?))?\s+(?:commodities\s+|goods\s+|products\s+)?"
    r"(?:fair|expo|exposition)\b",
    re.I,
)
_DEALS_WORTH = re.compile(
    r"\bdeals\s+(?:worth|valued\s+at|totall?ing|of)\s+(?:(?:about|around|nearly|over|more\s+than)\s+)?$", re.I
)


# 'More than 100,000 buyers attended the expo, striking deals worth X': purchases
_BUYERS = re.compile(r"\b(?:buyers|purchasers|shoppers|traders)\b", re.I)


def trade_fair_deals(s: str, clause: str) -> bool:
    """Deals worth X at an import and export fair or struck by buyers, in a sentence of no
    investment or project."""
    low = s.lower()
    if "deals" not in clause.lower() or "invest" in low or "project" in low:
        return False
    return bool(_DEALS_WORTH.search(clause) and (_TRADE_FAIR.search(s) or _BUYERS.search(s)))


def beside_or_trade(s: str, a: Amount, clause: str) -> bool:
    """A part of a total given beside it, or a trade fair's deals (`part_of_total`,
    `trade_fair_deals`): not a cohort's amount."""
    return part_of_total(s, a, clause) or trade_fair_deals(s, clause)
