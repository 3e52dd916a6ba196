"""Figures summed over all the editions of an event or since an earlier year: no cohort of this
round. '2005年至今,…已举办十四届,…累计签约合作项目N个,投资总额X' / '历届大会共签约项目N个' /
'自2016年以来,累计引进项目N个' (in an article of a later year): the clause that opens the
cumulative span is cut from the sentence up to its ';' or end, or up to the clause that names this
edition by its ordinal (已连续举办十届,第十届…共签约), this round's figures kept. 举办以来 alone
(博览会举办以来,共签约…) may be since this fair opened: cut only with 累计/历届/总计; 创办以来 and
自首届(举办)以来 are since the first edition: cut with 共 too.
'今年以来…累计' (this year's running total) stays, and so does a since-year that is the latest year
the article names; a span that names this round (本届, 本次, 此次, 今年) is not cut.
Called by zh.article's extract_zh on each repaired sentence.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start
from flows.core.extract.zh.words import THIS_ROUND

_NUMERAL = r"[\d一二两三四五六七八九十]+"
# all the editions so far: 历届 / 举办以来 / 已(连续)举办十四届 / (自)首届(举办)以来 / 创办以来
_EDITIONS = re.compile(
    rf"历届|首届[^,;。]{{0,4}}?以来|(?:创办|开办)以来|(?P<held>(?:举办|举行)以来)"
    rf"|已(?:连续|成功|累计)?(?:举办|举行)了?{_NUMERAL}(?:届|次)"
    rf"|{_NUMERAL}届以来"
)
# 举办以来 alone may be since this fair opened (博览会举办以来,共签约…): all editions only with 累计/历届/总计
_ALL_SUM = re.compile(r"累计|历届|总计")
# the edition an article reports on, named by its ordinal (…已连续举办十届,第十届洽谈会共签约…)
_THIS_EDITION = re.compile(rf"第{_NUMERAL}届|本届")
# since an earlier year: 2005年至今 / 自2016年以来 / 2018年起
_SINCE_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年[^,;。\d]{0,4}?(?:以来|至今|迄今|起)")
_SUM = re.compile(r"累计|共计|总计|共有|共签|共引|共落|共开")
_THIS_ROUND = re.compile(rf"{THIS_ROUND}|本届|今年|当年|本年")
_YEAR = re.compile(r"(?<![至到\-—~])((?:19|20)\d{2})\s*年")


_AHEAD = re.compile(r"计划|预计|力争|争取|将于|将在|目标|规划|到|至|前")
# a target after the year (2025年全面建成 / 2026年实现产值… / 2025年底完工 / 突破千亿元)
_TARGET_AFTER = re.compile(r"[^,;。\d]{0,6}?(?:建成|实现|投产|竣工|完工|突破|达到|前)")
# a plan anywhere after the year in its sentence (2025年,全市将继续… / 2025年全市…力争增长8%)
_FUTURE = re.compile(r"将|力争|计划|预计|目标|争取")


def _latest_year(sentences: list[str]) -> int:
    """The latest year the article reports on (a planned or target year, 计划2025年建成 / 到2025年 /
    2025年全面建成 / 2025年,全市将… / 2025年全市…力争…, is none; 于2024年5月10日 is a date)."""
    years = [
        int(m.group(1))
        for t in sentences
        for m in _YEAR.finditer(t)
        if not _AHEAD.search(t, max(0, m.start() - 4), m.start())
        and not _TARGET_AFTER.match(t, m.end())
        and not _FUTURE.search(t, m.end())
    ]
    return max(years, default=0)


def without_past_totals(s: str, sentences: list[str]) -> str:
    """The sentence without its clauses of all editions' or earlier years' cumulative figures."""
    if "累计" not in s and "共" not in s and "总计" not in s:
        return s
    since = _SINCE_YEAR.search(s)
    if since is not None and int(since.group("y")) >= _latest_year(sentences):
        since = None  # 2023年以来 in an article of 2023: this year's running total
    cues = [m for m in (_EDITIONS.search(s), since) if m is not None]
    if not cues:
        return s
    cue = min(cues, key=lambda m: m.start())
    hi = s.find(";", cue.end())
    hi = len(s) if hi < 0 else hi
    edition = _THIS_EDITION.search(s, cue.end(), hi)
    if edition is not None:  # the clauses from the one naming this edition on are its own
        hi = clause_start(s, edition.start(), soft=False)
    lo = clause_start(s, cue.start(), soft=False)
    span = s[lo:hi]
    if _SUM.search(span) is None or _THIS_ROUND.search(span):
        return s
    if cue.re is _EDITIONS and cue.group("held") and not _ALL_SUM.search(span):
        return s
    return s[:lo] + s[hi:]
