"""One English sentence -> its cohort mentions (before article-level merging).

Amounts and counts are found (en_figures, en_counts), the figures grouped into cohorts in
reading order (en_grouping, with the size bands of en_bands; "respectively" pairs lists, and a
sector list it pairs gives each cohort its sector, see en_lists), and each group read as one
mention (en_mention). Figures of an earlier edition ("compared with 180 projects at the
previous session"), running totals over past years and goals ("strive to sign 300 projects
this year") are left out; "Of the signed projects, ..." gives its stage to every part.
"""

from __future__ import annotations

import re

from flows.core.extract.en.cohort_stage import CLAUSE_END, paired_stage_windows
from flows.core.extract.en.counts import find_counts
from flows.core.extract.en.cues import has_any
from flows.core.extract.en.earlier import EARLIER_WORDS, earlier_round
from flows.core.extract.en.figures import Group, Item, amount_items
from flows.core.extract.en.grouping import group_items, respectively_groups
from flows.core.extract.en.labels import sector_in, stage_near
from flows.core.extract.en.lists import list_labels
from flows.core.extract.en.mention import SUBSET, cohort_mention
from flows.core.extract.en.table_rows import table_rows
from flows.core.model import CohortMention

_DIGIT = re.compile(r"\d")
PROJECT_WORDS = ("project", "deal", "contract", "agreement", "initiatives", "program", "pacts")  # cues.OTHER_UNITS
_GAPPED_CUES = ("among", "includ", "of them", "of which", "of these", "namely")
MONEY_WORDS = (
    "illion",
    "yuan",
    "$",
    "¥",
    "€",
    "£",
    "rmb",
    "usd",
    "cny",
    "eur",
    "hkd",
    "jpy",
    "gbp",
    "dollar",
    "bln",
    "bn",
    "yen",
    "pound",
    "renminbi",
)


def _clause_start(s: str, start: int, prev_end: int) -> int:
    """Where the clause of a group starting at `start` begins: after the group before, a ';'
    or a ':' (not one right before the figure: 'Battery projects: 11, with ...')."""
    colon = s.rfind(":", 0, start)
    if colon >= 0 and not s[colon + 1 : start].strip():
        colon = s.rfind(":", 0, colon)
    return max(prev_end, s.rfind(";", 0, start) + 1, colon + 1)


def sentence_mentions(s: str, index: int) -> tuple[list[CohortMention], list[tuple]]:
    """Cohort mentions of sentence `s` (number `index`), and countless 'every project' bands."""
    low = s.lower()
    has_project = has_any(low, PROJECT_WORDS)
    if "illion" in low:
        has_money = True
    elif not has_project and not _DIGIT.search(s):
        return [], []  # the cheap exit most sentences take
    else:
        has_money = has_any(low, MONEY_WORDS)
    # 'Among them, 6 are on infrastructure, ...': counts of a list whose noun is left out
    counted = has_project or has_any(low, _GAPPED_CUES) or "combined investment" in low  # en_firm_counts
    if not counted and not has_money:
        return [], []
    items, spans = table_rows(s, *amount_items(s)) if has_money else ([], [])
    counts = find_counts(s, spans + [(it.start, it.end) for it in items]) if counted else []
    if not counts and not items:
        return [], []
    items += [Item(c.start, c.end, count=c) for c in counts]
    items.sort(key=lambda it: it.start)
    resp = respectively_groups(s, items) if "respectively" in low else None
    if resp:
        head, paired, every = resp
        groups = head + paired
        list_labels(s, paired)
        paired_stage_windows(s, paired)
    else:
        groups, every = group_items(s, items)
        if "respectively" in low:
            list_labels(s, [g for g in groups if g.count is not None or g.amount is not None])
    out = []
    earlier = has_any(low, _PREVIOUS_WORDS) or has_any(low, EARLIER_WORDS)
    whole_subset = bool(SUBSET.match(s.strip()) or SUBSET.search(s[:25]))
    head = _PART_HEAD.match(s) if low.lstrip().startswith(("of ", "among ")) else None
    intro_stage = stage_near(head.group(1), 0, 0) if head else None
    for g_i, g in enumerate(groups):
        if g.count is None and g.amount is None:
            continue
        prev_end = groups[g_i - 1].end if g_i else 0
        clause_start = _clause_start(s, g.start, prev_end)
        next_start = groups[g_i + 1].start if g_i + 1 < len(groups) else len(s)
        if g.count == 1 and g.amount is None and g.band is None and not _breakdown_item(s, groups, g_i, next_start):
            continue  # 'one iconic project launched ...': no figure of its own
        if earlier and _earlier_edition(s, g, prev_end, next_start):
            continue  # '... compared with 180 projects at the previous session'
        if g.count and _goal_or_forecast(s, low, g, clause_start, next_start):
            continue
        if g.count and g.amount is None and "fund" in low and _fund_group(s, g):
            continue  # 'six fund cooperation projects ... with a total scale of X' (refused): funds
        m = cohort_mention(s, index, g, clause_start, prev_end, next_start, whole_subset)
        if m.stage is None and out and out[-1].extra["subset"] and _LIST_GAP.fullmatch(s, prev_end, g.start):
            m.extra["subset"] = True  # 'including 108 overseas projects, 1,484 domestic projects'
        if m.stage is None and (intro_stage or (out and out[-1].stage and m.project_count == 1)):
            # 'Of the signed projects, ...'; 'The started projects include a X plant, a Y
            # base ...': a listed project without a stage word of its own shares the list's
            m.stage = intro_stage or out[-1].stage
            m.extra["explicit_stage"] = True
        out.append(m)
    return out, every


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?")
_FUND_NOUN = re.compile(r"\bfunds?\b", re.I)


def _fund_group(s: str, g: Group) -> bool:
    """The group's count counts funds: 'N fund (cooperation) projects' (kept with an amount of
    their own, 'fund projects worth X'; without one, the fund's scale was refused)."""
    c = next(it.count for it in g.items if it.count)
    return _FUND_NOUN.search(s, c.start, c.end) is not None


def _goal_or_forecast(s: str, low: str, g: Group, clause_start: int, next_start: int) -> bool:
    """'... strive to sign 300 projects in the whole year' (a goal), 'It is expected that more
    than 1,400 contracts will be signed' (a forecast): no result of the event."""
    target = _TARGET.search(s, clause_start, g.start) if has_any(low, _TARGET_WORDS) else None
    if target:
        # a plan's batch is not dated by a participle clause after it (', climaxing in 2022');
        # a goal verb's year may sit there (', aiming to complete the task by the end of 2023')
        tail = None if _GOAL_VERB.match(target.group(0)) else _ING_CLAUSE.search(s, g.end)
        if _YEAR_SCOPE.search(s, 0, tail.start() if tail else len(s)):
            return True
    return " that " in low and _FUTURE_SIGNING.search(s, clause_start, next_start) is not None


# 'Of the signed projects, 35 ... and 12 ...': the intro's stage is every part's
_PART_HEAD = re.compile(
    r"\s*(?:of|among)\s+(?:the|these|those|all\s+the)\s+((?:[\w'’-]+\s+){1,4}?)"
    r"(?:projects|deals|contracts|agreements)\s*,",
    re.I,
)
# a goal for the period, not a result: 'plans to attract 420 projects ... this year' (but
# 'plans to implement 1,427 key projects this year' is the year's list of projects)
_TARGET_WORDS = ("plan", "aim", "striv", "target", "goal", "seek", "endeavo", "expect")
_TARGET = re.compile(
    r"\b(?:plan(?:s|ned)?\s+to(?!\s+(?:implement|build|construct|carry|arrange|advance|push))|aim(?:s|ed)?\s+(?:to|at)|striv(?:e|es|ing)\s+(?:to|for)|"
    r"target(?:s|ed)?\s+(?:to|of)|goal\s+(?:is\s+to|of)|seek(?:s|ing)?\s+to|"
    r"endeavou?r(?:s|ing)?\s+to|expect(?:s|ed)?\s+to)\s+(?:[\w'’-]+\s+){0,3}?$",
    re.I,
)
_GOAL_VERB = re.compile(r"(?:aim|striv|target|goal|seek|endeavo)", re.I)
_FUTURE_SIGNING = re.compile(
    r"\b(?:estimated|expected|predicted|projected|forecast)\s+that\b[^.;]*?\bwill\s+(?:be\s+)?"
    r"(?:signed|sign|inked|concluded|clinched)\b",
    re.I,
)
_ING_CLAUSE = re.compile(r",\s+(?!including\b|totall?ing\b|involving\b|covering\b)[a-z]+ing\b")
_YEAR_SCOPE = re.compile(
    r"\b(?:this\s+year|the\s+(?:whole|full|entire)\s+year|for\s+the\s+year|"
    r"(?:by|in)\s+(?:the\s+end\s+of\s+)?20\d\d)\b",
    re.I,
)

# figures of an earlier edition of the event, given for comparison
_PREVIOUS = re.compile(
    r"\b(?:at|in|during|for)\s+(?:the\s+|its\s+)?(?:previous|last|prior|preceding|former)\s+(?:(?:year'?s|edition\s+of\s+the|session\s+of\s+the)\s+)?"
    r"(?:session|edition|fair|expo|exposition|conference|event|forum|congress|convention)\b|"
    r"\b(?:at|in|during)\s+(?:the\s+same|this|that)\s+(?:session|edition|fair|expo|conference|event|forum)\s+"
    r"(?:last\s+year|a\s+year\s+(?:earlier|ago|before))\b|"  # 'At the same event last year, ...'
    r"\b(?:the|its)\s+(?:previous|last|prior|preceding)\s+(?:session|edition|fair|expo|exposition|conference|event|forum)\s+"
    r"(?:saw|had|recorded|witnessed|yielded|registered|attracted|signed)\b",  # 'The previous expo saw ...'
    re.I,
)
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|as\s+against|up\s+from|down\s+from)\s+"
    r"(?:the\s+)?$",
    re.I,
)
# a running total over earlier years or editions: 'Over the past five years, the expo has
# brought in more than 600 billion yuan', 'since its launch', 'since 1992', 'for four years
# running', 'Prior to this', 'From 2019 to the first half of 2022', 'cumulatively', 'Since it was
# launched in 2005', a sentence opening 'To the year of 2016, ...' (a stock up to a year)
_CUMULATIVE = re.compile(
    r"\b(?:(?:over|in|during|for|within)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:years|decades?|sessions|editions)|"
    r"since\s+(?:its|the\s+expo's|the\s+fair's|the\s+event's)\s+(?:launch|inception|founding|debut|first\s+(?:session|edition))|"
    r"since\s+(?:19|20)\d\d|(?:[\w-]+\s+)years\s+running|prior\s+to\s+this|from\s+(?:19|20)\d\d\s+to\b|"
    r"since\s+(?:it|the\s+[\w-]+)\s+(?:was\s+)?(?:launched|founded|established|inaugurated|first\s+held)|"
    r"(?:ac)?cumulative(?:ly)?|accumulated|in\s+(?:the\s+)?(?:past|previous)\s+(?:[\w-]+\s+)?(?:sessions|editions)|"
    r"^(?:to|up\s+to|until|till)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:year\s+(?:of\s+)?)?(?:19|20)\d\d)\b",
    re.I,
)
_PREVIOUS_WORDS = (
    "past",
    "from 19",
    "from 20",
    "running",
    "since",
    "cumulativ",
    "accumulat",
    "previous",
    "last ",
    "prior",
    "preceding",
    "former",
    "compared",
    "versus",
    "against",
    "up from",
    "down from",
    "to the year",
    "to the end",
    "to 19",  # 'To 2016, ...', 'Up to 2021, ...' (_CUMULATIVE's '^(?:to|up to) 20dd')
    "to 20",
    "until",
    "till",
)


def _earlier_edition(s: str, g: Group, prev_end: int, next_start: int) -> bool:
    """'compared with 180 projects worth 90 billion yuan at the previous session', 'At the
    last edition of the expo, 150 projects were signed': not this event's cohort."""
    before = s[prev_end : g.start]
    clause = before[before.rfind(";") + 1 :]
    after = CLAUSE_END.split(s[g.end : next_start], maxsplit=1)[0]
    return bool(
        _COMPARED.search(before)
        or _PREVIOUS.search(clause)
        or _PREVIOUS.search(after)
        or _CUMULATIVE.search(clause)
        or _CUMULATIVE.search(after)
        or earlier_round(before, clause, after)
    )


# 'Specifically, 12 projects were signed ...' after a running total: its breakdown
_BREAKDOWN = re.compile(r"\s*(?:specifically|in\s+detail|of\s+(?:them|these|which)|among\s+(?:them|these))\s*,", re.I)


def breaks_down_earlier(s: str, prev: str) -> bool:
    """Whether s opens a breakdown ('Specifically, ...') of the running total or earlier
    edition the sentence before gave ('Prior to this, the zone has taken part in 48 ...')."""
    if not _BREAKDOWN.match(s):
        return False
    low = prev.lower()
    return has_any(low, _PREVIOUS_WORDS) and bool(_CUMULATIVE.search(prev) or _PREVIOUS.search(prev))


def _breakdown_item(s: str, groups: list[Group], g_i: int, next_start: int) -> bool:
    """'7 industrial projects, 3 cultural and tourism projects, 1 modern logistics project and
    1 new energy project': a group of one in a breakdown of counts by field is a cohort."""
    if not g_i or groups[g_i - 1].count is None or groups[g_i - 1].amount is not None:
        return False
    return sector_in(s[groups[g_i].start : min(next_start, groups[g_i].start + 60)]) is not None
