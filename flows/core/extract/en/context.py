"""What the words around an English amount say about it.

`keep_amount` refuses figures that are not project investment (output, trade, FDI in actual
use, fixed assets, averages, funds, funds in place / paid-in, investment completed, this
year's planned share, targets, increases); `adjective_head` reads the noun an adjectival amount
qualifies ("a 12-billion-yuan hydrogen park" -> a named project, "a 20-billion-yuan fund" ->
not a cohort); `NAME_RE` finds "the/a ... park|plant|center ..." project names, `framed_name`
"the X project funded by Y with an investment of" and `object_name` "... into a branch".
"""

from __future__ import annotations

import re
from dataclasses import replace

from flows.core.extract.en.changes import carried_clause
from flows.core.extract.en.cues import LEAST_INVESTMENT, THIS_YEAR_AFTER, cue, may_contain, may_end_with, plain
from flows.core.extract.en.earlier import past_figure
from flows.core.extract.en.fast import in_last_words
from flows.core.extract.en.not_investment import (
    _PROJECT_WORD,
    beside_or_trade,
    done_or_parallel,
    never_search,
    other_kind,
)
from flows.core.extract.en.not_investment import may_never as _may_never
from flows.core.extract.en.numbers import LOWER_Q, Amount
from flows.core.extract.en.other_figures import other_figure

# facility nouns that end a single project's name
HEADS = (
    r"project|park|plant|base|complex|centre|center|factory|facility|hub|zone|headquarters|"
    r"campus|terminal|hospital|resort|institute|laboratory|airport|railway|expressway|"
    r"warehouse"
)
NAME_RE = re.compile(
    rf"\b(?:the|an?)\s+((?:(?:[\w'’\-]+(?:,\d[\w'’\-]*)*|Co\.,|Ltd\.|Inc\.|\([\w'’\- ]{{1,24}}\))\s+){{0,13}}?(?:{HEADS})"
    r"(?:\s+(?:project|park|plant|base|complex|centre|center))*)\b"
    r"(?!\s+(?:signing|ceremony|conference|fair|investment|intensive|centrali[sz]ed|concentrated|start-up|"
    r"commencement|groundbreaking|activit(?:y|ies)))",
    re.I,
)
# 'Major projects include the X park ...': the plural names the list, the name one project
_INTRO = re.compile(
    r"\b(?:include[sd]?|including|such\s+as|namely|notably|e\.g\.|"
    r"for\s+(?:example|instance)|among\s+(?:them|these|which)\s+(?:is|was|are|were))\s",
    re.I,
)
_NAME_STOP = re.compile(r"\b(?:total|projects|deals|investment|worth|\d[\d,.]*)\b", re.I)

_FOREIGN_PART = re.compile(
    r"\b(?:including|involving)\s+(?:an?\s+)?(?:(?:total|estimated|combined)\s+)*foreign[-\s](?:investment|capital)\s+of\s+$",
    re.I,
)
# ('X yuan for the investment this year' after a total: MT of 年度投资, the year's share)
_AFTER_NOT = re.compile(
    r"\s*(?:(?:to|in|of|into)\s+(?:the\s+)?(?:[\w'’\-]+\s+){0,4}?(?:output|revenues?|sales|tax(?:es)?|"
    r"profits?|GDP|turnover|funds?|capital|fixed[-\s]assets?)|in\s+(?:scale|size)|worth\s+of\s+(?:[\w'’\-]+\s+){0,2}?"
    r"(?:trade|purchas\w*|procurement|sales|imports?|exports?)|(?:of\s+)?(?:annual|yearly)\s+(?:plan(?:ned)?\s+)?investment|(?:for|of)\s+(?:the\s+)?investments?\s+(?:this|the\s+current)\s+year|for\s+this\s+year's\s+investment|(?:was|were|has\s+been|had\s+been)\s+(?:invested|poured|injected|spent)|"
    r"(?:\)\s*|\([^)]*\)\s*)?worth\s+of\s+investment\s+(?:was|were|has\s+been|had\s+been)\s+(?:completed|made|finished)|"
    r"of\s+(?:[\w'’\-]+\s+){0,3}?(?:investment|capital)\s+(?:last\s+year|in\s+(?:19|20)\d\d))\b",  # an inflow
    re.I,
)
# 'The investment in A, B and C projects is 2.7, 24.3 and 17.3 billion yuan, accounting for
# 54%, 41% and 58% of their annual plan respectively': a progress figure (investment done)
_PLAN_SHARE_AFTER = re.compile(
    r"(?:[^;.]|\.\d){0,120}?,\s*(?:accounting\s+for|completing|fulfilling)\s+(?:[^;.]|\.\d){1,60}?\s+of\s+(?:the|their|its)\s+"
    r"(?:annual|yearly|full-year)\s+(?:investment\s+)?(?:plans?|targets?|tasks?)\b",
    re.I,
)
# "with 6.8 billion yuan planned for 2014", "... to be put in during the current year":
# this year's planned share of a multi-year total ('will be completed in 2025' tells when a
# project finishes, not a share: 'will be' takes only the spending verbs)
_PLANNED_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:is|was|are|were)\s+)?(?:(?:planned|scheduled|earmarked|arranged)"
    r"(?:\s+to\s+be\s+(?:invested|put\s+in))?|to\s+be\s+(?:invested|put\s+in|completed|spent)|will\s+be\s+(?:invested|put\s+in|spent))"
    r"\s+(?:for|during|in|within|this|over)\s+(?:the\s+)?(?:this|current|year|\d{4})",
    re.I,
)

# ... and 'with an estimated investment of X in 2023' after the total: the year's share
_PLANNED_BEFORE = re.compile(r"\b(?:planned|plans?|annual|scheduled|estimated)\b", re.I)
_PLANNED_CUE = cue("plan", "schedul", "earmark", "arrang", "to be", "will be")  # (... will be invested this year)
_FORECAST = re.compile(r"\b(?:estimated|expected|predicted|projected|forecast)\s+that\b[^.;]*\bwill\b", re.I)
_DELTA_BEFORE = re.compile(
    r"\b(?:increase[sd]?|increasing|up|rose|risen|grew|grown|growth|added|more|higher|lower|extra\s+investment|"
    r"decrease[sd]?|down|fell|dropped)\s+(?:by\s+)?(?:of\s+)?$",
    re.I,
)
_DELTA_AFTER = re.compile(r"\s*(?:more|less|higher|lower|fewer)\s+than\b", re.I)
_BARE_Q = re.compile(rf"\b(?:{LOWER_Q}|nearly|about|around|almost)\s*$", re.I)

# words each of the patterns above needs (en_cues: skip the pattern when none occurs)
_BARE_Q_LAST = (
    "than",
    "over",
    "above",
    "least",
    "exceeding",
    "beyond",
    "topping",
    "nearly",
    "about",
    "around",
    "almost",
)  # and 'in excess of', 'upwards of'
_OF_AFTER = ("excess", "upwards")
_DELTA_LAST = (
    "increase",
    "increases",
    "increased",
    "increasing",
    "up",
    "rose",
    "risen",
    "grew",
    "grown",
    "growth",
    "added",
    "investment",
    "more",
    "higher",
    "lower",
    "decrease",
    "decreases",
    "decreased",
    "down",
    "fell",
    "dropped",
)

# "a 12-billion-yuan hydrogen energy industrial park in Baicheng"
_ADJ_AMOUNT = re.compile(r"-(?:trillion|billion|million)\b|-(?:yuan|dollars?|euros?)$", re.I)
_PHRASE = re.compile(
    r"\s+((?:[A-Za-z][\w'’\-]*\s+){0,7}?[A-Za-z][\w'’\-]*)"
    r"(?=\s*(?:[,.;:()]|$|\s(?:in|at|on|by|with|for|to|of|that|which|is|was|"
    r"will|would|are|were|has|had|and|near|from|invested|built|funded|developed|"
    r"backed|owned|operated|located|launched|planned|undertaken|constructed)\b))"
)
_NOT_HEAD = re.compile(
    r"\b(?:funds?|loans?|credit|subsid(?:y|ies)|bonds?|budget|"
    r"output|revenue|deficit|financing|package|stimulus|blueprint|target|goal|plan|quota)\b",
    re.I,
)
_HEAD_END = re.compile(
    rf"\b(?:{HEADS}|branch|store|mall|hotel|mill|mine|port|station|"
    r"school|tower|farm|line|cluster)$",
    re.I,
)
_PHRASE_TO_HEAD = re.compile(
    rf"\s+((?:(?!(?:an?|the)\s)[A-Za-z][\w'’\-]*\s+){{0,7}}?(?:{HEADS}|branch|store|mall|hotel|mill|mine|"
    r"port|station|school|tower|farm|line|cluster))\b(?![\w-])",
    re.I,
)
_BY_INVESTOR = re.compile(r"\s+(?:by|from)\s+(?:[A-Z][\w&'’.\-]*(?:\s+|$)){1,4}")
# 'a 4.5 billion yuan data center': an unhyphenated amount after an article is adjectival too
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])an?\s$", re.I)


# 'output value, sales revenue and profits are expected to increase by 66.7 billion yuan,
# 65.6 billion yuan, and 7.6 billion yuan, respectively': the later items of a list whose
# first item is refused are refused with it
_LIST_ITEMS_BEFORE = re.compile(
    r"(?:\d[\d.,]*\s*(?:(?:b|m|tr)illion\s*)?(?:yuan|US\s+dollars|dollars|euros)\s*,\s*(?:and\s+)?)+$", re.I
)
_LIST_HEAD = re.compile(r"\d[\d.,]*\s*(?:(?:b|m|tr)illion\s*)?(?:yuan|US\s+dollars|dollars|euros)", re.I)


def _refused_list_item(s: str, a: Amount) -> bool:
    m = _LIST_ITEMS_BEFORE.search(s, max(0, a.start - 120), a.start)
    if m is None:
        return False
    head = _LIST_HEAD.match(s, m.start())
    return head is not None and not keep_amount(s, replace(a, start=head.start(), end=head.end()))


def keep_amount(s: str, a: Amount) -> bool:
    """False when the amount is an output, trade, FDI, average, fund or increase figure, or
    too small to be a group's investment (MT '$31': a count read as money)."""
    if a.value < LEAST_INVESTMENT:  # (cues)
        return False
    if "respectively" in s[a.end : a.end + 160] and _refused_list_item(s, a):
        return False
    before = s[max(0, a.start - 90) : a.start]
    clause = before[max(before.rfind(","), before.rfind(";"), before.rfind(":")) + 1 :]
    clause = carried_clause(s, a.start, clause)  # '..., reaching X' carries the clause before on (en_changes)
    if "yuan and " in clause:  # '9 fund projects worth 15 billion yuan and 31 industrial projects worth'
        clause = clause[clause.rfind("yuan and ") + 9 :]
    if _may_never(clause) and never_search(clause):
        return False
    if other_kind(s, a, clause):  # 'the digital economy exceeded X' (traps_en.csv other_kind)
        return False
    if not _PROJECT_WORD.search(s) and _may_never(s[: a.start]) and never_search(s, 0, a.start):
        return False
    if "foreign" in clause.lower() and _FOREIGN_PART.search(clause) and not _PROJECT_WORD.search(clause):
        return False  # 'The projects, involving a total foreign investment of X': a part of their total
    if beside_or_trade(s, a, clause):  # 'including US$8.4 billion in foreign investment'
        return False
    if done_or_parallel(s, a, before, clause):
        return False
    if other_figure(s, a, clause):  # 'X yuan in sales', a trap list's later item (en_other_figures)
        return False
    if past_figure(s, a.start):
        return False  # '10 years ago, when he first came, the city got 2.8 billion dollars': a past figure
    if " that " in s[: a.start] and _FORECAST.search(s, 0, a.start):
        return False  # 'It is estimated that the contracts will exceed 180 billion yuan'
    if ("accounting for" in s or "completing" in s or "fulfilling" in s) and _PLAN_SHARE_AFTER.match(s, a.end):
        return False  # '... is 24.28 billion yuan, accounting for 40.98% of their annual plan'
    after_end = _CONVERSION.match(s, a.end).end()  # '108.7 billion yuan (US$15.5 billion) was injected'
    if (_AFTER_NOT.match(s, after_end) and not _of_which_spent(s, a, before)) or (
        may_contain(s[a.end : a.end + 60], _PLANNED_CUE) and _PLANNED_AFTER.match(s, a.end)
    ):
        return False
    last = clause.rsplit(" and ", 1)[-1]
    if THIS_YEAR_AFTER.match(s, a.end) and _PLANNED_BEFORE.search(last) and "total" not in last.lower():
        return False  # 'planned investment of 6.2 billion yuan this year'

    bare = _BARE_Q.sub("", before) if may_end_with(before, _BARE_Q_LAST, of_after=_OF_AFTER) else before
    return not ((_may_be_delta(bare) and in_last_words(_DELTA_BEFORE, bare, 4)) or _DELTA_AFTER.match(s, a.end))


# '..., with a total investment of X, of which Y yuan was spent on local contracted projects':
# a part of the total that names its projects (translated 其中), not money spent
_SPENT_ON_PROJECTS = re.compile(r"\s*(?:was|were)\s+spent\s+on\s+(?:[\w'’-]+\s+){0,4}?projects\b", re.I)


_CONVERSION = re.compile(r"(?:\s*\([^()]{1,40}\))?")
# '1,309 projects were approved, ..., in which about X was invested': the counted group's own total
_IN_WHICH = re.compile(r"\bprojects\b[^;]*,\s*in\s+which\s+(?:about\s+|around\s+|nearly\s+|over\s+)?$", re.I)


def _of_which_spent(s: str, a: Amount, before: str) -> bool:
    if (
        "in which" in before
        and _IN_WHICH.search(before)
        and re.match(r"(?:\s*\([^()]{1,40}\))?\s*(?:was|were)\s+invested\b", s[a.end :])
    ):
        return True
    return before.rstrip().lower().endswith("of which") and _SPENT_ON_PROJECTS.match(s, a.end) is not None


def _may_be_delta(bare: str) -> bool:
    """False only when _DELTA_BEFORE cannot match: its text ends 'VERB [by] [of] '."""
    if not plain(bare):
        return True
    if not bare[-1:].isspace():
        return False
    words = [w.lower() for w in bare.split()[-3:]]
    if words and words[-1] == "of":
        words.pop()
    if words and words[-1] == "by":
        words.pop()
    return bool(words) and words[-1].endswith(_DELTA_LAST)


# MT drops the article: 'Furthermore, 500 million yuan cooperation project was signed between ...'
_BARE_LEAD = re.compile(r"(?:^|[.;]|^\s*[A-Z][a-z]+,)\s*$")
_BARE_SIGNED = re.compile(
    r"\s+((?:[a-z][\w'’-]*\s+){0,3}?(?:project|contract))\s+(?:was|has\s+been)\s+(?:signed|concluded|inked)\b"
)
_BARE_VERBS = ("signed", "concluded", "inked")  # one ends every _BARE_SIGNED match (adjective_head's pre-check)


def adjective_head(s: str, a: Amount) -> tuple[str, int] | None:
    """For an adjectival amount ("a 4.5-billion-yuan medical center"): ('drop', end) when it
    sizes a fund or the like, (the facility's name, its end) when it sizes one project."""
    if not _ADJ_AMOUNT.search(s[a.start : a.end]) and not (
        s[a.start - 2 : a.start].lower() in ("a ", "n ") and _ARTICLE_BEFORE.search(s, max(0, a.start - 4), a.start)
    ):
        signed = s.find("signed", a.end) >= 0 or s.find("concluded", a.end) >= 0 or s.find("inked", a.end) >= 0
        bare = _BARE_SIGNED.match(s, a.end) if signed else None  # (before _BARE_LEAD: it scans all s before)
        bare = bare if bare and _BARE_LEAD.search(s, 0, a.start) else None
        return (bare.group(1), bare.end(1)) if bare else None
    m = _PHRASE.match(s, a.end)
    if not m:
        return None
    phrase = m.group(1)
    if _NOT_HEAD.search(phrase):
        return "drop", m.end()
    if phrase.lower() == "investment":  # 'a 4-billion yuan investment by SenseTime': one investor's project
        by = _BY_INVESTOR.match(s, m.end())
        if by:
            return f"{phrase} {' '.join(by.group(0).split())}", by.end()
    if _HEAD_END.search(phrase):
        return phrase, m.end()
    # 'a 9.6-billion-yuan packaging and testing base': the name runs on to its head noun
    m = _PHRASE_TO_HEAD.match(s, a.end)
    return (m.group(1), m.end()) if m and not _NOT_HEAD.search(m.group(1)) else None


def project_name(text: str) -> str | None:
    """The last 'the/a ... <facility>' name in text, when it reads as one project's name."""
    names, pos = [], 0
    while (n := NAME_RE.search(text, pos)) is not None:
        if _NAME_STOP.search(n.group(1)):
            pos = n.start(1)  # 'the signed projects include the X base': retry inside
        else:
            names.append(n.group(1))
            pos = n.end()
    return names[-1] if names else None


# 'has put 300 million yuan into setting up a branch', '1 billion yuan in a paper mill',
# 'will invest 2.8 billion yuan to build a logistics hub': the one thing the amount buys
_OBJECT_HEADS = (
    rf"{HEADS}|branch|enterprise|store|mall|hotel|production\s+line|mine|port|"
    r"station|school|university|building|tower|farm|mill|pasture|plantation"
)
_OBJECT_NAME = re.compile(
    rf"\s+(?:(?:in|into|on|for)\s+(?:(?:setting\s+up|building|constructing|establishing|developing|"
    rf"launching|expanding)\s+)?an?|to\s+(?:build|set\s+up|construct|establish|develop|launch|"
    rf"expand)\s+(?:an?|the|its|their)|for\s+the\s+(?:construction|building)\s+of\s+(?:an?|the|its))\s+"
    rf"((?:[\w'’\-]+\s+){{0,6}}?(?:{_OBJECT_HEADS}))\b",
    re.I,
)
_OBJECT_CUE = ("in ", "into ", "on ", "for ", "to ")  # 'for the construction of an X base' too
# 'the X integrated project funded by Y with an investment of 28.3 billion yuan': a
# singular facility noun heads the clause the amount ends
_SINGULAR_FRAME = re.compile(
    rf"\b(?:the|an?|[\w'’-]+['’]s)\s+((?:(?!\bprojects\b|,\s*(?:while|whereas|and|but|including|such\s+as)\b)[^;:(]){{0,120}}?\b(?:{_OBJECT_HEADS})"
    rf"(?:\s+(?:project|park|plant|base|complex|centre|center))*)\b"
    rf"(?!\s+(?:signing|ceremony|conference|fair|intensive|centrali[sz]ed|concentrated|start-up|commencement|"
    rf"groundbreaking|activit(?:y|ies)|promotion)\b)"
    rf"(?:(?!\bprojects\b|\band\s+the\b|\band\s+an?\b|,\s*(?:while|whereas|and)\b)[^;:]){{0,90}}?\s"
    rf"(?:with\s+(?:an?\s+)?(?:total\s+)?investment\s+of|(?<=,\s)an?\s+total\s+investment\s+of|worth|valued\s+at|at\s+a\s+cost\s+of|costing|"
    rf"(?:has|had|have|involves|involving|carries|carrying)\s+(?:an?\s+)?(?:total\s+|planned\s+)?investment\s+of|"
    rf"accounts?\s+for|accounted\s+for)\s+"
    rf"(?:(?:{LOWER_Q}|about|nearly|around|approximately|roughly)\s+)?$",
    re.I,
)
_FRAME_LAST = (
    ("of", "worth", "at", "costing", "for")
    + tuple(q.split()[-1] for q in LOWER_Q.split("|"))
    + ("about", "nearly", "around", "approximately", "roughly")
)


PLURAL_AGENTS = re.compile(
    r"\b(?:investors|companies|enterprises|firms|businesses|"
    r"projects|deals)\b",
    re.I,
)


_ONE_OF = re.compile(r",\s+one\s+of\s+[^,;]{3,90},")


def object_name(s: str, end: int, prefix: str = "") -> str | None:
    """The facility an amount is spent on, named right after it ('... into a branch'), when
    no plural spends it ('foreign firms put $3 billion into a zone' is no one project)."""
    if not s[end : end + 6].lower().lstrip().startswith(_OBJECT_CUE):
        return None
    agents = after_intro(prefix)
    if "one of" in agents:  # 'The power group, one of China's five power companies, will ...'
        agents = _ONE_OF.sub(" ", agents)
    if PLURAL_AGENTS.search(agents):
        return None
    m = _OBJECT_NAME.match(s, end)
    return m.group(1) if m and not _NAME_STOP.search(m.group(1)) else None


# machine-translated lists drop the article: '..., including bamboo decoration materials
# project with a total investment of X, solid waste treatment project with ...': a list
# item whose singular facility noun stands right before its own figure
_BARE_FRAME = re.compile(
    rf"(?:\bincluding|\bnamely|\bsuch\s+as|,|;|\band)\s+((?:(?!(?:the|an?|and|of\s+which|projects)\b)[A-Za-z][\w'’\-]*\s+){{1,10}}?"
    rf"(?:{HEADS}))\s+(?:,\s*)?with\s+(?:an?\s+)?(?:total\s+)?investment\s+of\s+"
    rf"(?:(?:{LOWER_Q}|about|nearly|around|approximately|roughly)\s+)?$",
    re.I,
)


def framed_name(prefix: str) -> str | None:
    """The singular facility whose own figure the clause ends with ('the X project funded by
    Y with an investment of'), or None."""
    if not may_end_with(prefix, _FRAME_LAST, True):
        return None
    low = prefix[-180:]
    m = _SINGULAR_FRAME.search(low)
    if m is None and "investment of" in low[-40:]:  # the bare frame's cheap pre-check
        m = _BARE_FRAME.search(low)
    return " ".join(m.group(1).split()) if m else None


def after_intro(prefix: str) -> str:
    """The part of prefix after its last 'include(s)/such as/namely ...', or all of it."""
    last = None
    for last in _INTRO.finditer(prefix):  # noqa: B007 - the loop keeps the last match
        pass
    return prefix[last.end() :] if last else prefix
