"""One cohort group of an English sentence -> its cohort mention.

The mention carries the group's figures (count, amount and its conversion, size band), the
facility a single project's amount is spent on ("... will invest 2.8 billion yuan to build a
battery plant"), its stage and sector (en_cohort_stage, en_cohort_sector), whether it is a part
of a larger cohort ("among them", "of which", "of the ..."), and, for an amount alone at the
start of a sentence, whether its clause points back at the projects of the sentence before
("These projects involve ...", "Their total investment ...").
"""

from __future__ import annotations

import re

from flows.core.extract.en.back_totals import pointing_back
from flows.core.extract.en.cohort_sector import sector_of
from flows.core.extract.en.cohort_stage import stage_of
from flows.core.extract.en.context import PLURAL_AGENTS, after_intro, framed_name, object_name, project_name
from flows.core.extract.en.counts import Count
from flows.core.extract.en.cues import cue, may_contain
from flows.core.extract.en.figures import Group
from flows.core.extract.en.group_head import FIELDS_VERB, SUBJECT
from flows.core.extract.en.labels import sector_in, stage_terms
from flows.core.extract.en.numbers import qualifier
from flows.core.extract.en.singles import single_project
from flows.core.model import CohortMention

SUBSET = re.compile(
    r"\b(?:among\s+(?:them|these|which|those)|includes?|of\s+the\s+total|of\s+(?:these|them|which|those|this|that\s+number)|"
    r"including|included|in\s+which|compris(?:e|ed|es|ing)|consist(?:ed|s|ing)?\s+of|"
    r"broken\s+down\s+by|by\s+(?:sector|industry|category|region|investor|type|scale|size|"
    r"contract\s+value|field|source)|the\s+other|another|the\s+remaining|the\s+rest)\b",
    re.I,
)

_SUBSET_CUE = cue(
    "among",
    "includ",
    r"of\s+(?:th|which)",
    r"in\s+which",
    "compris",
    "consist",
    "broken",
    "other",
    "remaining",
    r"the\s+rest",
    r"by\s+(?:sector|industry|category|region|investor|type|scale|size|contract|"
    r"field|source)",
)
_OF_THE = re.compile(r"^\S+\s+of\s+(?:the|these|those)\b", re.I)

_PLURAL_PROJECTS = re.compile(r"\b(?:projects|deals|contracts|agreements)\b", re.I)


def cohort_mention(
    s: str, index: int, g: Group, clause_start: int, prev_end: int, next_start: int, whole_subset: bool
) -> CohortMention:
    """The mention of group g of sentence s (number `index`): its clause starts at
    clause_start, the groups before and after it end at prev_end and start at next_start;
    whole_subset: the whole sentence is a part of a cohort before ('Among them, ...')."""
    a = g.amount.amount if g.amount else None
    m = CohortMention(project_count=g.count, evidence=s, sentence_index=index)
    _put_figures(m, g)
    prefix = s[clause_start : g.start]
    counted = next((it.count for it in g.items if it.count), None)
    # 'These projects included A, B and an X project, with a total investment of Y': the group's
    if g.list_total:
        m.project_count = None  # not the list's last 'an X project'
    if m.project_count in (None, 1) and a and not g.list_total:
        name = _facility_name(s, g, prefix, s[clause_start : g.end])
        if name:
            m.project_count = 1
            m.project_name = name
    m.stage = stage_of(s, g, counted, prev_end, next_start)
    m.sector_code = sector_of(s, g, counted, prefix, next_start, m.project_name)
    if counted and qualifier(s[: counted.start])[0]:
        m.approximate = True  # 'some 18 projects', 'more than 700 projects'
    subset = whole_subset or _is_part(s, g, counted, s[prev_end : g.items[0].end])
    m.extra = {"explicit_stage": m.stage is not None, "subset": subset}
    if counted and counted.kind == "noun" and m.sector_code and a is None and _listed(s, g, prev_end, next_start):
        m.extra["field_item_at"] = g.start  # a count-only field item: two of one list stay two (merge)
    if counted and prev_end and _THE_N.search(s, max(prev_end, counted.start - 7), counted.start):
        m.extra["restates"] = True  # '..., and the 6 new energy projects will start ...': not a second group (merge)
    if (
        counted
        and s[max(0, counted.start - 8) : counted.start].lower().endswith("of the ")
        and _SOME_OF.search(s, max(0, counted.start - 24), counted.start)
    ):
        m.extra["framed"] = True  # 'for several of the 46 projects': the 46, not what 'several' did
    second = prev_end > 0 and _AND_THE.match(s, prev_end, g.start)  # ', and the signed projects 5 billion'
    if g.list_total:  # 'The projects include 9 A and 37 B ones, ..., with a total investment of X'
        m.extra["anaphor"] = "definite"
    elif m.project_count is None and a and (prev_end == 0 or second):
        clause = s[second.end() : g.start] if second else s[: g.start]
        # 'The projects, which come from 11 economies, including A and B, will draw ...'
        clause = _RELATIVE.sub(r"\1", clause)
        anaphor = None if _PART_INTRO.search(clause) else _anaphor(clause)
        anaphor = anaphor or (None if second else pointing_back(s, g.start, g.end))
        if anaphor:
            m.extra["anaphor"] = anaphor
            named = stage_terms(clause)  # 'the signed projects': which of the groups before
            if named:
                m.extra["anaphor_stage"] = named[-1][2]
    return m


_THE_N = re.compile(r"\b(?:the|these|those)\s+$", re.I)
# the gap before a list's next item: a comma or 'and' right before it ('five A projects in X,
# five B projects'), not a restatement's article ('..., and the 8 A projects are ...')
_LIST_GAP = re.compile(r"[^.;]*?(?:,\s*(?:and\s+)?|\s+(?:and|as\s+well\s+as)\s+)", re.I)


def _listed(s: str, g: Group, prev_end: int, next_start: int) -> bool:
    """Whether group g is an item of a list: a list-shaped gap joins it to the group before or
    after it in the sentence."""
    return bool(
        (prev_end and _LIST_GAP.fullmatch(s, prev_end, g.start))
        or (next_start < len(s) and _LIST_GAP.fullmatch(s, g.end, next_start))
    )


def _put_figures(m: CohortMention, g: Group) -> None:
    """The group's amount, its conversion and its size band, onto m."""
    a = g.amount.amount if g.amount else None
    alt = g.amount.alt if g.amount else None
    if a:
        m.amount, m.currency, m.approximate = a.value, a.currency, a.approximate
    if alt:
        m.alt_amount, m.alt_currency = alt.value, alt.currency
    if g.band:
        m.size_min, m.size_max = g.band
        if g.band_currency not in (None, "CNY"):
            m.size_currency = g.band_currency


def _facility_name(s: str, g: Group, prefix: str, span: str) -> str | None:
    """The one facility an amount of no count (or a count of one) is spent on: named around
    the amount, nearest first ('a 2-billion-yuan plant', '... to build a battery plant')."""
    if g.count is not None:
        return g.amount.name or project_name(span)
    name = (
        g.amount.name
        or framed_name(prefix)
        or object_name(s, g.amount.end, prefix)
        or single_project(s, g.amount.end, prefix)
    )
    if not name:
        name = project_name(prefix)
        intro = after_intro(prefix)
        if name and (_PLURAL_PROJECTS.search(intro) or PLURAL_AGENTS.search(intro)):
            name = None  # 'the signed projects include the X park': a list
    return name


def _is_part(s: str, g: Group, counted: Count | None, head: str) -> bool:
    """Whether the group is a part of a cohort before: 'among them' or 'of which' before its
    first figure (`head`), '35 of the projects', or an elliptic or gapped count ('41 were ...')."""
    return (
        (may_contain(head, _SUBSET_CUE) and bool(SUBSET.search(head)))
        or bool(_OF_THE.match(s[g.start :]))
        or bool(counted and counted.kind in ("elliptic", "gapped"))
    )


# a sentence whose subject points back at the projects of the sentence before:
# 'These projects involve a total investment of ...', 'Their total investment reached ...'
_DEMONSTRATIVE = re.compile(
    r"(?:^|,)\s*(?:(?:the\s+)?(?:total|combined|overall)\s+(?:investment|value|amount)\s+(?:of|in)\s+)?"
    r"(?:these|those|such)\s+(?:[\w'’-]+\s+){0,2}?(?:projects|deals|contracts|agreements)\b",
    re.I,
)
_DEFINITE = re.compile(
    r"(?:^|,|\b(?:said|says|showed|show)\s+(?:that\s+)?)\s*(?:(?:the|all\s+the|all)\s+(?:[\w'’-]+\s+){0,2}?(?:projects|deals|contracts|agreements)\b|"
    r"they\b|their\b|(?:the\s+)?involved\s+(?:investment|value|amount)\b|(?:the\s+|an?\s+)?(?:(?:estimated|expected)\s+)?(?:(?:total|combined|overall)\s+(?:contract(?:ed)?\s+)?|"
    r"contract(?:ed)?\s+)(?:investment|value|amount)\b"
    r"(?!\s+(?:in|of|into|on|by|from)\b(?!\s+(?:(?:the|these|those|this|that|all|such)\s+(?:[\w'’-]+\s+){0,2}?|)"
    r"(?:projects|deals|contracts|agreements)\b(?!\s+(?:(?:this|last|next)\s+year|under\s+construction|(?:in|across)\s+the\s+"
    r"(?:city|province|country|county|district|region|state))\b)|\s+(?:foreign|overseas)\s+(?:investment|capital)\b|\s*$)))",
    re.I,
)  # not 'total investment in R&D' ('An estimated total investment of <the amount>' and 'The
# contract value of foreign investment' are; so are 'Officials said the total value of agreements'
# and 'the total amount of contracts'); words before the project noun only after a determiner,
# and no time or place of its own after it: 'total investment in key projects (this year / in
# the province)' is another, wider group
_SOME_OF = re.compile(r"\b(?:several|some|a\s+few|many|most|part|dozens)\s+of\s+the\s+$", re.I)
# a second clause pointing back: '..., and the signed projects 52.6 billion yuan'
_AND_THE = re.compile(r"\s*,?\s*(?:and|while|whereas)\s+(?=(?:the|these|those)\s)", re.I)
# a non-restrictive relative clause after the subject, up to the clause's last comma
_RELATIVE = re.compile(
    r"^((?:the|these|those|all\s+the)\s+(?:[\w'’-]+\s+){0,2}?(?:projects|deals|contracts|agreements)),\s*which\b.*,",
    re.I,
)
_PART_INTRO = re.compile(r"\b(?:among|of\s+which|includ\w*|in\s+which)\b", re.I)
_AN_INVESTMENT = re.compile(r"\s*an?\s+investment\s+of\s+(?:(?:about|around|approximately|nearly|some)\s+)?$", re.I)
_ANAPHOR_CUE = cue("these", "those", "such", "the", "all", "they", "their", "total", "combined", "overall", "contract")


# the subject pointing back, then a verb listing its fields: the fields name no part
_FIELDS_VERB = re.compile(rf"\s*{SUBJECT}\s+{FIELDS_VERB}", re.I)


def _anaphor(prefix: str) -> str | None:
    """'demonstrative' ('these projects'), 'definite' ('the projects', 'their', 'the total
    investment') when the clause before an amount opens with a phrase pointing back."""
    if _AN_INVESTMENT.match(prefix):  # 'N projects in X. An investment of Y was achieved ...'
        return "definite"
    fields = _FIELDS_VERB.match(prefix)  # 'These projects span A, B and C, amounting to ...'
    if not may_contain(prefix, _ANAPHOR_CUE) or sector_in(prefix[: fields.end()] if fields else prefix):
        return None
    if _DEMONSTRATIVE.search(prefix):
        return "demonstrative"
    if _DEFINITE.search(prefix):
        return "definite"
    return None
