"""A group's amount and its count told apart (used by en_article), the one home of what a bare
total and a count-only group must be to be joined:

- in two sentences: 'Projects worth 5.3 billion dollars were signed at the expo. A total of 41
  projects were inked, including ...' -> one cohort; and 'Agreements worth X were signed ...
  Thirty-five projects (eight ...) relate to ...', 'Deals involving X were signed ... The deals
  cover 72 key projects in fields ...' (join_split_total);
- in two clauses of one sentence: 'The total investment amounted to 120 billion yuan, and 130
  projects were signed', 'The fair clinched 101 projects, investment of which amounts to 88.6
  billion yuan' (join_in_sentence). The sentence holds these two figures only, of one stage. A
  total told first must open the sentence as '(the) (total) investment <verb> X' and the count
  follow its comma with nothing but 'and' between: a time or place frame on either clause
  ('Last year, ...', 'and in Wuhu 25 projects') or another kind of investment ('Foreign
  investment ...') tells two groups. A count told first takes the amount after it only when
  the amount's clause points straight back at it ('investment of which amounts to', 'their total
  investment reached'), with no part ('of industrial projects', 'in manufacturing') or period
  ('this year') of its own. ('more than X of investment as 30 projects were signed', one clause,
  is the counts stage's matter.)
"""

from __future__ import annotations

import re

from flows.core.extract.en.article_fields import GROUP_TALK
from flows.core.extract.en.labels import stage_terms
from flows.core.extract.en.numbers import WORD_NUM
from flows.core.model import CohortMention


def _bare_amount(m: CohortMention, part: bool = False) -> bool:
    """A bare amount (`part`: one its 'of which' marked a part may do: 'investment of which')."""
    return (
        m.project_count is None
        and m.amount is not None
        and not m.project_name
        and m.size_min is None
        and m.size_max is None
        and (part or not m.extra.get("subset"))
    )


def _count_only(m: CohortMention) -> bool:
    """A count-only group of more than one project, no band, no part of another."""
    return (
        m.project_count is not None
        and m.project_count > 1
        and m.amount is None
        and m.size_min is None
        and m.size_max is None
        and not m.extra.get("subset")
    )


# a running status at a date, not the group the sentence before gave an amount for
_AS_OF = re.compile(r"\s*(?:as\s+of|by\s+the\s+end\s+of|so\s+far|to\s+date|up\s+to\s+now)\b", re.I)


def join_split_total(mentions: list[CohortMention]) -> list[CohortMention]:
    """'Projects worth 5.3 billion dollars were signed at the expo. A total of 41 projects were
    inked, including ...': a sentence's only figure, a group's amount, and the count-only group
    that opens the next sentence are one cohort (same stage, neither a part of another)."""
    out: list[CohortMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _count_only(m)
            and _bare_amount(prev)
            and prev.sentence_index == m.sentence_index - 1
            and (prev.stage in (m.stage, None) or m.extra.get("framed") or _counts_before(m, prev))
            and not _AS_OF.match(m.evidence or "")  # 'As of the end of June, 46 projects had broken ground'
            and sum(n.sentence_index == prev.sentence_index for n in mentions) == 1
            and not any(n.sentence_index == m.sentence_index for n in out)
            and (
                GROUP_TALK.search(prev.evidence or "")
                or (prev.sentence_index and _CONTRACT_VALUE.search(prev.evidence or ""))
                or _investment_signed(prev, m)  # 'X of investment was inked at the fair'
            )
            # '36 investment projects in agriculture': a part; but 'several of the 46 projects,
            # which span ...' frames the whole group, whose fields they are
            and not (
                m.sector_code and not prev.sector_code and not m.extra.get("framed") and not _BACK.match(m.evidence)
            )
        ):
            prev.project_count, prev.approximate = m.project_count, prev.approximate or m.approximate
            prev.sector_code = prev.sector_code or m.sector_code
            continue
        out.append(m)
    return out


# 'Thirty-five projects (eight ...) relate to ...' after 'Agreements worth X were signed': a
# sentence opening on a count with no stage of its own (stages_en.csv) counts the group before;
# 'Fifty-six projects have been put into operation' is another group
_COUNT_OPENS = re.compile(rf"\s*(?:\d[\d,]*|{WORD_NUM})\s+(?:[\w'’-]+\s+){{0,3}}?(?:projects|deals|agreements)\b", re.I)


def _counts_before(m: CohortMention, prev: CohortMention) -> bool:
    ev = m.evidence or ""
    return bool(_COUNT_OPENS.match(ev)) and all(stage == prev.stage for _, _, stage in stage_terms(ev))


# 'The deals cover 72 key projects in fields including ...': the group before, counted
_BACK = re.compile(
    r"\s*(?:The|These|Those)\s+(?:deals|agreements|contracts|projects)\s+(?:cover|involve|include|span)", re.I
)


# '... with the total contractual value exceeding 610 billion yuan': a group's amount too (in
# the body: a headline's is restated there)
_CONTRACT_VALUE = re.compile(r"\bcontract(?:ual|ed)?\s+(?:value|amount|investment)\b", re.I)


# 'More than X of investment has been inked at the fair', 'Investment worth X was signed': a
# signing's total told without its projects (the next sentence counts them)
_INVESTMENT_SIGNED = re.compile(
    r"\binvestments?\b[^.;]{0,60}?\b(?:inked|signed|sealed|clinched)\b|\b(?:inked|signed|sealed|clinched)\b[^.;]{0,40}?"
    r"\binvestments?\b",
    re.I,
)


# 'Total investment came to X, and 77 projects were signed': the whole sentence's shape
_TOTAL_THEN_COUNT = re.compile(
    r"\s*(?:the\s+)?(?:(?:total|combined|overall)\s+)?investment\s+(?:[a-z]+\s+){1,3}(?:US\$|\$|RMB\s*)?\d[\d.,]*\s*"
    r"(?:(?:b|m|tr)illion\s*)?(?:(?:US\s+)?dollars|yuan|euros|RMB|pounds|yen)?\s*(?:\([^()]*\)\s*)?[,;]\s*(?:and\s+)?"
    rf"(?:(?:a\s+total\s+of|altogether|some|about|around|nearly|more\s+than|over)\s+)?(?:\d|{WORD_NUM}\b)",
    re.I,
)
_POINTS_BACK = re.compile(
    r"\b(?:(?:investment|value)\s+of\s+which|of\s+which\s+the\s+(?:total\s+)?investment|their\s+(?:total\s+|combined\s+)?"
    r"investment|whose\s+(?:total\s+|combined\s+)?investment)\b",
    re.I,
)
# '... of which the total investment of industrial projects', 'investment of which in
# manufacturing', 'their total investment this year': a part's or a period's amount
_OWN_FRAME = re.compile(r"\s+(?:of|in|for|from|by|during|at|since|this|last|next)\b", re.I)


def _one_group(amount: CohortMention, count: CohortMention, amount_first: bool) -> bool:
    text = amount.evidence or ""
    if amount.stage != count.stage and amount.extra.get("explicit_stage") and count.extra.get("explicit_stage"):
        return False  # 'Projects worth X were signed, and 12 projects started construction': two groups
    if amount_first:  # two clauses ('X, and N projects were signed'), not 'X of investment as N ...'
        return _TOTAL_THEN_COUNT.match(text) is not None
    back = _POINTS_BACK.search(text)
    if back is None or _OWN_FRAME.match(text, back.end()):
        return False
    return not amount.sector_code or amount.sector_code == count.sector_code  # a part's field


def join_in_sentence(mentions: list[CohortMention]) -> list[CohortMention]:
    """Fold a sentence's bare total into its only count-only group (see the module's note)."""
    by_sentence: dict[int, list[CohortMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    dropped: set[int] = set()
    for pair in by_sentence.values():
        if len(pair) != 2:
            continue
        first, second = pair
        if _bare_amount(first) and _count_only(second) and _one_group(first, second, True):
            first.project_count, first.approximate = second.project_count, first.approximate or second.approximate
            first.sector_code = first.sector_code or second.sector_code
            dropped.add(id(second))
        elif _count_only(first) and _bare_amount(second, part=True) and _one_group(second, first, False):
            first.amount, first.currency = second.amount, second.currency
            first.alt_amount, first.alt_currency = second.alt_amount, second.alt_currency
            first.approximate = first.approximate or second.approximate
            dropped.add(id(second))
    return [m for m in mentions if id(m) not in dropped] if dropped else mentions


# with no project word to tie the two, the count's sentence must give the whole ('a total of N
# projects'), and neither sentence may frame a part of its own: a fronted time or place ('In
# 2023, ...', 'Last year, ...', 'In Wuhu, ...'), another year, or one investor group ('by Hong
# Kong firms', 'Foreign investment')
_TOTAL_COUNT = re.compile(rf"\ba\s+total\s+of\s+(?:\d|{WORD_NUM})", re.I)
_FRONTED = re.compile(r"\s*(?:in|this|last|during|for|over|by|at)\b[^,.;]{0,40},", re.I)
_INVESTORS = r"(?:[\w'’-]+\s+){1,3}?(?:firms|companies|investors|enterprises|businesses)\b"
_OWN_PART = re.compile(
    rf"\b(?:last\s+year|(?:in|during|for)\s+(?:19|20)\d\d|(?:by|from)\s+{_INVESTORS}|foreign|overseas)\b|"
    rf"^\s*{_INVESTORS}\s+(?:signed|inked)",
    re.I,
)


def _investment_signed(prev: CohortMention, m: CohortMention) -> bool:
    amount_ev, count_ev = prev.evidence or "", m.evidence or ""
    return bool(
        _INVESTMENT_SIGNED.search(amount_ev)
        and _TOTAL_COUNT.search(count_ev)
        and not any(_FRONTED.match(ev) or _OWN_PART.search(ev) for ev in (amount_ev, count_ev))
    )
