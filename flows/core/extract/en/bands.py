"""Per-project size bands: whether an amount sizes each project rather than summing them.

"each over 50 million yuan", "1 billion yuan and above", "16 projects (above 1 billion yuan)",
"100-million-yuan-level projects", "11 projects with investment of more than 1 billion yuan",
"26 projects exceeded 1 billion yuan", "There are 13 projects worth more than 2 billion yuan"
state a floor or a ceiling per project (a round threshold, not a sum), and so does a figure
no total of that many projects can be: "2,076 projects worth more than 100 million yuan".
"""

from __future__ import annotations

import re

from flows.core.extract.en.cues import has_any, may_end_with, plain
from flows.core.extract.en.figures import ARE_ABOVE_LAST, Group, Item
from flows.core.extract.en.numbers import LOWER_Q, UPPER_Q, WORD_NUM

_AND_ABOVE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:and|or)\s+(?:above|over|more|upwards|beyond)\b|"
    r"(?:above|or\s+above)\s+(?:projects?|ones)\b)",
    re.I,
)  # MT '1 billion yuan above projects 3'
_AND_BELOW = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:and|or)\s+(?:below|under|less)\b", re.I)
# ('in each district', 'every year' share out places or times, not the projects' investment)
_EACH = re.compile(
    r"\b(?:each|apiece|every|per\s+project|individually|a\s+piece)\b(?!\s+(?:of\s+the\s+)?(?:district|county|counties|"
    r"city|cities|province|region|town|township|village|venue|sub-venue|prefecture|zone|park|place|year|quarter|month|week|day)s?\b)",
    re.I,
)
_UPPER_SET = frozenset(UPPER_Q.split("|"))
_EACH_WORDS = ("each", "piece", "every", "per", "individually")  # what _EACH needs

_IN_TOTAL = re.compile(r"\s*(?:in\s+total|in\s+all|altogether|combined)\b", re.I)
_PUNCT_OR_PAREN = re.compile(r"[,;.(]")
_EACH_LEAD = re.compile(
    r"^\s*(?:in\s+(?:investment|value)\s+)?(?:each|apiece|a\s+piece|per\s+project|individually)\b", re.I
)
_ARE_ABOVE = re.compile(
    rf"\b(?:are|were|is|was|be|fall|falls|stood|stand)\s+(?:all\s+)?(?:of\s+)?"
    rf"(?:{LOWER_Q}|{UPPER_Q})\s+$",
    re.I,
)
# '16 projects (above 1 billion yuan)', 'projects above scale (100 million yuan)': a band
_PAREN_BAND = re.compile(
    rf"\b(?:(?P<noun>projects|deals|ones)|(?P<scale>(?:above|over)\s+(?:designated\s+)?(?:scales?|size)))\s*"
    rf"\(\s*(?:each\s+|all\s+)?(?:(?:valued|worth|with\s+investment)\s+(?:at\s+|of\s+)?)?"
    rf"(?P<q>{LOWER_Q}|{UPPER_Q})?\s*$",
    re.I,
)
# '100-million-yuan-level projects', 'projects of 10-billion-yuan level': a class by size
_LEVEL_AFTER = re.compile(r"[\s-]*(?:level|class|grade)\b", re.I)

# "11 projects with investment of more than 1 billion yuan", "8 projects of over 500 million
# yuan", "..., including 64 above 5 billion yuan" (a gapped part): no 'total', a round threshold
# ('those with investment of over 1 billion yuan include ...': THOSE_HEAD)
_WITH_Q = re.compile(
    rf"(?:\b(?:projects|ones|(?<=\b1\s)project)\s+(?:each\s+)?(?:of\s+|with\s+(?:(?:an?\s+)?(?:individual\s+)?investments?\s+"
    rf"(?:contract\s+)?(?:scale\s+|value\s+)?(?:of\s+)?)?)?|(?<![\w.,])(?:\d[\d,]*|{WORD_NUM})\s+(?:each\s+)?with\s+"
    rf"(?:(?:an?\s+)?(?:individual\s+)?investments?\s+(?:contract\s+)?(?:scale\s+|value\s+)?(?:of\s+)?)?"
    rf"|\b(?:including|of\s+which|among\s+them,?)\s+(?!(?:19|20)\d\d\b)(?:\d[\d,]*|{WORD_NUM})\s+(?:each\s+)?)"
    rf"(?:{LOWER_Q}|{UPPER_Q})\s+$",
    re.I,
)
# '26 projects exceeded 1 billion yuan, and 3 exceeded 5 billion yuan', 'Six of these projects
# have a budget exceeding 1 billion yuan': each is above a round threshold (a sum reads 'their
# investment exceeded ...')
_EXCEED = re.compile(
    rf"(?<![\w.,])(?:\d[\d,]*|{WORD_NUM})\s+(?:(?:[\w'’-]+\s+){{0,3}}?(?:projects|deals|ones)\s+)?"
    rf"(?:each\s+|all\s+)?(?:exceed(?:ed|s)?|top(?:ped|s)|surpass(?:ed|es)|"
    rf"(?:have|has|had)\s+(?:an?\s+)?(?:budget|investment)s?\s+exceeding)\s+$",
    re.I,
)
# 'There are 13 projects worth more than 2 billion yuan': an existential count with a round
# floor sorts projects by size (a sum reads '13 projects worth ... were signed')
_THERE_ARE = re.compile(
    rf"\bthere\s+(?:are|were|is|was)\s+(?:(?:also|altogether|in\s+all)\s+)?"
    rf"(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,3}}?(?:projects|deals)\s+(?:each\s+)?"
    rf"(?:worth|valued\s+at|of|with\s+(?:an?\s+)?(?:investments?|investment\s+scale)\s+of)\s+"
    rf"(?:{LOWER_Q})\s+$",
    re.I,
)
# '..., and 6 projects valued at over 10 billion yuan' continuing a 'There are ...' sentence
_THERE_AND = re.compile(
    rf"(?:,\s*|\s)and\s+(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,3}}?(?:projects|deals)\s+(?:each\s+)?"
    rf"(?:worth|valued\s+at|of|with\s+(?:an?\s+)?(?:investments?|investment\s+scale)\s+of)\s+"
    rf"(?:{LOWER_Q})\s+$",
    re.I,
)
# '..., including 3 projects with a total investment of more than 3 billion yuan', 'Having
# introduced 4 projects with a total investment of over 500 million yuan, 6 projects with a
# total investment of over 1 billion yuan, ...': the translated 总投资X亿元以上项目N个 is a band
# when the phrase follows 'including/among them' or runs in a series
_WITH_TOTAL_Q = re.compile(
    rf"(?<![\w.,])(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,2}}?projects?\s+with\s+(?:an?\s+)?total\s+"
    rf"investment\s+(?:of\s+)?(?:{LOWER_Q})\s+$",
    re.I,
)
_TOTAL_Q_SERIES = re.compile(rf"\bprojects?\s+with\s+(?:an?\s+)?total\s+investment\s+(?:of\s+)?(?:{LOWER_Q})\s", re.I)
_SUBSET_INTRO = re.compile(r"\b(?:including|among\s+(?:them|which|these)|of\s+which)\b", re.I)
# 'Deals worth over 48 billion yuan (about ...) covering 19 major projects': the sum of the
# projects the words after it count, not a floor
_COVERING = re.compile(
    rf"\s*(?:\([^)]*\)\s*)?,?\s*(?:covering|involving|spanning|across|for)\s+(?:a\s+total\s+of\s+)?"
    rf"(?:\d|{WORD_NUM}\b)",
    re.I,
)
# 'will see more than 20 billion yuan (US$2.9 billion) of investment as 50 projects were
# signed': a quantity of investment is a sum, not a floor each project passes
_OF_INVESTMENT = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:of|in)\s+(?:new\s+|fresh\s+|total\s+)?investments?\b", re.I)
_EXCEED_LAST = ("exceed", "exceeded", "exceeds", "topped", "tops", "surpassed", "surpasses", "exceeding")
# 'five of the projects signed are for investments exceeding 10 billion yuan', '78 percent of
# the projects involve deals of more than 1 billion yuan': plural investments or deals above a
# floor size each project
# 'will invest more than 130 billion yuan on ten priority projects': the total they get
_INVEST_LEAD = re.compile(rf"\binvest(?:s|ed|ing)?\s+(?:a\s+total\s+of\s+)?(?:{LOWER_Q})\s+$", re.I)
_IN_COUNT = re.compile(rf"\s*(?:in|on|into)\s+(?:the\s+)?(?:\d|{WORD_NUM}\b)", re.I)


def _invest_in(s: str, it: Item, near: str) -> bool:
    return "invest" in near and bool(_INVEST_LEAD.search(near)) and bool(_IN_COUNT.match(s, it.end))


# 'Of the 30 projects, those worth more than 1 billion yuan include ...', '..., those with
# investment of over X': 'those' stands for the projects, each above (or below) the bound; the
# band names projects of its own, not the counted group before it (grouping)
THOSE_HEAD = re.compile(r"\bthose\s+(?:each\s+)?(?:with|worth|valued|of)\b[^,;()]*$", re.I)
_FOR_INVESTMENTS = re.compile(
    rf"\b(?:(?:are|were|is|was)\s+for|involv(?:e|es|ed|ing))\s+(?:investments|deals)\s+(?:of\s+)?(?:{LOWER_Q})\s+$",
    re.I,
)


def band_of(
    s: str, it: Item, prev_end: int, count_follows: bool, after_amount: bool = False, next_start: int | None = None
) -> tuple | None:
    """Per-project size band an amount states, or None when it is a total."""
    a = it.amount
    if it.band:
        return it.band
    if a.size_class or _LEVEL_AFTER.match(s, it.end):  # '78 100-million-yuan-level projects': a size class
        return (a.value, None)
    if "(" in s[max(0, a.start - 25) : a.start]:
        m = _PAREN_BAND.search(s, max(0, a.start - 60), a.start)
        if m and (m.group("q") or m.group("scale")):
            q = (m.group("q") or "").lower()
            return (None, a.value) if q in _UPPER_SET else (a.value, None)
    after = s[it.end : it.end + 40]
    if _AND_ABOVE.match(after):
        return (a.value, None)
    if _AND_BELOW.match(after):
        return (None, a.value)
    clause = max(prev_end, s.rfind(",", 0, it.start) + 1, s.rfind(";", 0, it.start) + 1)
    pre = s[clause : it.start]
    if clause == prev_end and after_amount:  # 'over 5 billion yuan each have a combined ...':
        pre = _EACH_LEAD.sub("", pre)  # that 'each' bands the figure before
    stop = _PUNCT_OR_PAREN.search(s, it.end)
    end = stop.start() if stop else len(s)
    if next_start is not None and next_start < end:
        end = next_start
    local = pre + s[it.end : end]
    near = s[max(0, a.start - 64) : a.start]
    if (
        (not plain(local) or has_any(local.lower(), _EACH_WORDS))
        and _EACH.search(local)
        or may_end_with(near, ARE_ABOVE_LAST, True, ("excess", "upwards"))
        and _ARE_ABOVE.search(near)
        or (
            a.bound == "lower"
            and count_follows
            and not _COVERING.match(s, it.end)
            and not _OF_INVESTMENT.match(s, it.end)
            and not _invest_in(s, it, near)
        )
        or (a.bound == "lower" and (" investments " in near or " deals " in near) and _FOR_INVESTMENTS.search(near))
        or _round_threshold(s, it, near)
        or (a.bound in ("lower", "upper") and "those" in near and THOSE_HEAD.search(near))
    ):
        if a.bound == "upper":
            return (None, a.value)
        return (a.value, None)
    return None


# '607 projects were worth more than 100 million yuan each, 26 ones more than 5 billion yuan,
# and 12 ones over 10 billion yuan': the verb and 'each' left out of the later items
_GAPPED_ONES = re.compile(
    rf"(?:,\s*|\s)(?:and\s+)?(?:\d[\d,]*|{WORD_NUM})\s+ones\s+(?:{LOWER_Q})\s+$",
    re.I,
)


# '8 projects worth more than 1 billion yuan, with a total investment of 15.3 billion yuan': a
# round floor followed at once by the group's own total is each project's size
_N_WORTH = re.compile(
    rf"(?<![\w.,])(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,3}}?(?:projects|deals)\s+(?:each\s+)?"
    rf"(?:worth|valued\s+at|of)\s+(?:{LOWER_Q})\s+$",
    re.I,
)
# '..., with 12 projects valued at more than 1 billion yuan', '12 of them are worth over 1
# billion yuan': a part of a group already counted, sorted by a round floor
_SUBSET_WORTH = re.compile(
    rf"(?:\b(?:with|of\s+which|among\s+(?:them|which|these))\s+(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"|(?<![\w.,])(?:\d[\d,]*|{WORD_NUM})\s+of\s+(?:them|these|those|the\s+projects)\s+)"
    rf"(?:(?:are|were)\s+)?(?:each\s+)?(?:valued\s+at|worth)\s+(?:{LOWER_Q})\s+$",
    re.I,
)
_THEN_TOTAL = re.compile(
    r"\s*,?\s*(?:with\s+(?:a\s+)?(?:total|combined|aggregate)\s+investment|totall?ing|(?:and\s+)?a\s+total\s+of)\b",
    re.I,
)


# 'smaller projects valued below 5 million yuan': a ceiling after the noun is a size class (a
# sum is never 'below')
_VALUED_BELOW = re.compile(rf"\bprojects\s+(?:each\s+)?(?:valued|worth)\s+(?:at\s+)?(?:{UPPER_Q})\s+$", re.I)


# '18 projects received an investment of more than 1 billion yuan': 'an investment' is each
# project's, a floor ('12 projects attracted more than X' is their sum)
_RECEIVED_Q = re.compile(
    rf"(?<![\w.,])(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,3}}?projects\s+(?:each\s+)?"
    rf"(?:received|receive|got|had|have)\s+an\s+investment\s+of\s+(?:{LOWER_Q})\s+$",
    re.I,
)
# ... but 'A total of 42 projects received an investment of more than X' is their sum
_TOTAL_OF_BEFORE = re.compile(r"\b(?:a\s+total\s+of|altogether|in\s+all)\s+$", re.I)


def _received_each(s: str, start: int, near: str) -> bool:
    m = _RECEIVED_Q.search(near)
    return m is not None and not _TOTAL_OF_BEFORE.search(s, 0, start - len(near) + m.start())


# MT 'of which the investment of more than 1 billion yuan is 7.2 billion yuan' (10亿元以上
# 项目投资72亿元): the first figure sorts the projects, the second is their sum
_INVESTMENT_OF_Q = re.compile(
    rf"\binvestment\s+(?:of\s+)?(?:(?:the\s+)?projects\s+(?:of\s+|with\s+)?)?(?:{LOWER_Q})\s+$", re.I
)
# ... 'is 7.2 billion yuan': the verb before the band's sum (also en/grouping's)
IS_SUM = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:is|was|reached|totall?ed|stood\s+at|came\s+to)\s+(?:about\s+)?", re.I)


def _sum_follows(s: str, end: int) -> bool:
    """Whether IS_SUM and a figure follow s[:end]."""
    m = IS_SUM.match(s, end)
    return m is not None and s[m.end() : m.end() + 1].isdigit()


def _round_threshold(s: str, it: Item, near: str) -> bool:
    """A round figure that a count's phrase makes a per-project threshold: '11 projects with
    investment of more than 1 billion yuan', '26 projects exceeded 1 billion yuan', 'There are
    13 projects worth more than 2 billion yuan, and 5 projects worth over 10 billion yuan'."""
    a = it.amount
    if not _round(a.value) or _IN_TOTAL.match(s, it.end):
        return False
    return bool(
        (a.bound in ("lower", "upper") and _WITH_Q.search(near))
        or (a.bound == "upper" and _VALUED_BELOW.search(near) is not None)
        or (may_end_with(near, _EXCEED_LAST, True) and _EXCEED.search(near))
        or (a.bound == "lower" and "total" in near and _total_band(s, it))
        or (a.bound == "lower" and _THEN_TOTAL.match(s, it.end) is not None and _N_WORTH.search(near) is not None)
        or (a.bound == "lower" and _SUBSET_WORTH.search(s, max(0, a.start - 90), a.start) is not None)
        or (a.bound == "lower" and "here " in near and _THERE_ARE.search(s, max(0, a.start - 90), a.start))
        or (a.bound == "lower" and " an investment" in near and _received_each(s, a.start, near))
        or (a.bound == "lower" and _INVESTMENT_OF_Q.search(near) is not None and _sum_follows(s, it.end))
        or (
            a.bound == "lower"
            and " ones " in near
            and _GAPPED_ONES.search(near)
            and _EACH.search(s, 0, a.start) is not None
        )
        or (
            a.bound == "lower"
            and s.lstrip()[:6].lower() == "there "
            and " and " in near
            and _THERE_AND.search(s, max(0, a.start - 90), a.start)
        )
    )


def _total_band(s: str, it: Item) -> bool:
    """'including 3 projects with a total investment of more than 3 billion yuan' or one of a
    series of such phrases: each project's floor, not the sum."""
    start = it.amount.start
    m = _WITH_TOTAL_Q.search(s, max(0, start - 90), start)
    if m is None:
        return False
    if len(_TOTAL_Q_SERIES.findall(s)) >= 2:
        return True
    clause = s[max(0, start - 120) : m.start()]
    return _SUBSET_INTRO.search(clause[-30:]) is not None


def _round(value: float) -> bool:
    """1, 2, 3 or 5 times a power of ten: a size threshold rather than a sum."""
    mantissa = f"{value:.6e}".split("e")[0].rstrip("0").rstrip(".")
    return mantissa in ("1", "2", "3", "5")


# a figure per project that no total can be: 'projects worth over 100 million yuan' for 2,000
_MIN_AVERAGE = 2e7
_TINY_AVERAGE = 5e5  # no group of a hundred projects or more averages below this
_CNY_PER = {"CNY": 1.0, "HKD": 0.9, "USD": 7.0, "EUR": 7.5, "GBP": 8.5, "JPY": 0.05}
_SHORT_GAP = re.compile(r"[^,;()]{0,40}")

# '126 projects among them': a part of the group whose floor it then shares
_SUBSET_OF = re.compile(r"\b(?:among\s+(?:them|these|which)|of\s+(?:them|these|which))\b", re.I)


def implausible_total(s: str, cur: Group, it: Item, floor: float | None) -> bool:
    """'2,076 projects worth more than 100 million yuan', '126 projects among them are valued
    at 10 billion yuan' after 'projects worth over 100 million': the figure is each project's
    size, since no total of that many projects (of that floor, for a part of the group) can
    be so small."""
    a = it.amount
    if (
        not cur.count
        or cur.count < 2
        or not _round(a.value)
        or a.bound == "upper"
        or not _SHORT_GAP.fullmatch(s[cur.end : it.start])
    ):
        return False
    average = a.value * _CNY_PER.get(a.currency or "CNY", 1.0) / cur.count
    if a.bound is None and average < _MIN_AVERAGE and "total investment" in s[it.end :]:
        return True  # '138 projects worth 50 million yuan have started, with a total investment of X'
    if a.bound is None and cur.count >= 100 and average < _TINY_AVERAGE:
        return True  # 'start work on more than 1,000 projects with an investment of 100 million yuan' (亿元以上)
    return (a.bound == "lower" and average < _MIN_AVERAGE) or (
        floor is not None and average < floor and _SUBSET_OF.search(s, cur.start, it.start) is not None
    )


def floor_of(band: tuple | None) -> float:
    """The lower bound of a band (0 when it has none)."""
    return band[0] or 0.0 if band else 0.0
