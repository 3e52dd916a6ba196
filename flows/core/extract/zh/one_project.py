"""A total told of one project that the text names apart from its figure: a cohort of one. Reports on
one project give its amount in a clause of its own, the name in the clause or sentence before:
- 开工的A基地建设一期项目,项目总投资5580万元 / …A项目开工现场,该项目总投资1.2亿元;
- A项目正式签约。…据悉,该项目由B公司投资建设,…,总投资23.5亿元 (the sentence before or the
  title names it: 总投资超14亿元!A物流园项目开工。…项目计划总投资14.13亿元);
- 最大的签约项目是A旅游区,总投资100亿元 (named after 是/为); 甲与乙签订了A项目合同,总投资X;
- 总投资25亿元、总容量为30万吨的A中心在某地奠基 (an aside between the total and the name).
Only when the sentence holds no other amount and no count, and no group was counted in the sentences
searched for the name (项目总投资X after 20个项目集中开工 is the batch's). Used by zh.post_passes.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.labels import sector_of, stage_of
from flows.core.extract.zh.named_refs import SIGNED_CLAUSE, done_before
from flows.core.extract.zh.names import COUNT, WORKS, group_words
from flows.core.extract.zh.scan import scan
from flows.core.extract.zh.words import TOTAL_INVESTMENT
from flows.core.model import CohortMention

_CUE = rf"(?:计划|预计|拟)?(?:{TOTAL_INVESTMENT})(?:额)?(?:为|达到?|约|超过|近)?\s*"
_BARE = re.compile(rf"\s*(?P<this>(?:该|此|这个)?项目)?{_CUE}")
_THIS_SEGMENT = re.compile(r"\s*(?:据悉|据了解|据介绍|其中)?\s*,?\s*(?:该|此|这个)项目")
_NAME_BEFORE = re.compile(
    r"(?:^|设在|在|的|,)\s*(?P<name>[^,;。、的在!!\d]{3,30}?(?:项目|工程)(?:[一二三四五六七八九十\d]期)?)"
)
_NAMED_AS = re.compile(r"项目(?:是|为)(?P<name>[^,;。、\d]{3,30})\s*$")
_ASIDE_NAME = re.compile(rf"、[^,;。的]{{2,24}}?的(?P<name>[^,;。、的\d]{{3,30}}?{WORKS})(?=在|于|正式|项目|[,;。])")
# a money figure (named_refs._FIGURE also takes a count)
_MONEY = re.compile(r"\d[\d.,]*\s*(?:万|亿)?\s*(?:元|美元)")


def one_projects(sentences: list[str], mentions: list[CohortMention]) -> None:
    """Amounts alone told of one named project become cohorts of one."""
    for m in mentions:
        if m.amount is None or m.project_count is not None or m.project_name:
            continue
        if any(o is not m and o.sentence_index == m.sentence_index and o.amount for o in mentions):
            continue
        s = m.evidence
        tok = next((t for t in scan(s) if t.kind == "amount" and t.value == m.amount), None)
        if tok is None or COUNT.search(s):
            continue
        found = _named(sentences, m, s, tok.start, tok.end)
        if found is None:
            continue
        name, verb = found
        if name is not None and not group_words(name):  # the name tests names.py applies
            m.project_count, m.project_name = 1, name
            m.sector_code = m.sector_code or sector_of(name, head="left")
        if verb and m.stage in (None, "promoted"):
            m.stage = stage_of(verb) or m.stage


def _named(sentences: list[str], m: CohortMention, s: str, a: int, b: int) -> tuple[str | None, str | None] | None:
    """The project's name (and the verb it was told with) for the amount at s[a:b], else None."""
    aside = _ASIDE_NAME.match(s, b)
    if aside:
        return aside.group("name"), None
    lo = max(s.rfind(c, 0, a) for c in ",;。:!!") + 1
    bare = _BARE.fullmatch(s, lo, a)
    if bare is None:
        return None
    before = s[:lo].rstrip(",")
    named_as = _NAMED_AS.search(before)
    if named_as:
        return named_as.group("name"), None
    seg = max(before.rfind(";"), before.rfind("。")) + 1
    signed = SIGNED_CLAUSE.search(before, max(seg, before.rfind(",") + 1))
    if signed and not bare.group("this"):  # 某县与某集团签订了A项目合同,总投资X
        return signed.group("name"), "签约"
    this = bare.group("this") or _THIS_SEGMENT.match(s, seg)
    if not this or _MONEY.search(s, seg, lo):
        return None
    own = None
    for own in _NAME_BEFORE.finditer(before, seg):  # noqa: B007 - keeps the last
        pass
    if own and own.end() == len(before) or (own and "该项目" in s[own.end() : a]):
        return own.group("name"), None
    return done_before(sentences, m.sentence_index)
