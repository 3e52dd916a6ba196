"""A named project's name told around its figure, and its sector (split from zh.article):
- the name a segment's own words refer back to (该项目, a segment opening on a project alone, the
  project the sentence before signed: 签订A项目投资协议。该项目总投资X);
- the project the last few sentences tell as signed or started (`done_before`, for zh.one_project);
- its sector from its name's words, else the head of the list it stands in (某产业签约了总投资X的A、
  总投资Y的B), else its description after it.
Used by zh.article.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start
from flows.core.extract.zh.labels import generic_only, sector_of
from flows.core.extract.zh.names import COUNT, group_words, opening_name
from flows.core.extract.zh.tokens import Tok

# a segment's end
SEGMENT = re.compile(r"[;。]")
# a project referred back to (该项目, 此项目)
_THIS_PROJECT = re.compile(r"该项目|这个项目|此项目")


def segment_start(s: str, pos: int, floor: int) -> int:
    """Start of the stage window: after the last ; 。 or 其中 before pos, not before floor."""
    cut = max(s.rfind(";", 0, pos), s.rfind("。", 0, pos))
    q = s.rfind("其中", 0, pos)
    cut = max(cut + 1, q + 2 if q >= 0 else 0)
    return max(cut, floor)


# the head of a list of named projects: 某某产业签约了总投资X的A、总投资Y的B等项目
_NAMED_LIST_HEAD = re.compile(
    r"(?:其中\s*,?\s*)?(?P<lead>[^,;。、:\d]{2,14}?)(?:产业|领域|行业|方面)?\s*"
    r"(?:(?:共|还|已)?(?:签约了?|签下了?|签订了?|引进了?|落地了?|开工了?)(?=\s*(?:计划)?(?:总投资|投资))|项目中\s*,)"
)


def named_sector(s: str, toks: list[Tok], k: int, name: str) -> str | None:
    """A named project's sector: its name's words; else the head of the list it stands in (节能
    环保产业签约了总投资X的A、总投资Y的B: each takes 节能环保) when the name has only generic
    words (树脂生产) or none; else its description after it."""
    own = sector_of(name, head="left")
    if own and not generic_only(name):
        return own
    t = toks[k]
    seg = max(s.rfind(";", 0, t.start), s.rfind("。", 0, t.start)) + 1
    head = _NAMED_LIST_HEAD.match(s, seg)
    if head and head.end() <= t.start:
        lead = sector_of(head.group("lead"))
        if lead and not generic_only(head.group("lead")):
            return lead
    return own or (None if t.names else _described_sector(s, toks, k))


def _described_sector(s: str, toks: list[Tok], k: int) -> str | None:
    """A name without a sector word (台玻技改项目): the project's own description after it, up to
    the next figure or the end of its segment (…将改造光伏玻璃生产线 -> new_energy)."""
    if s.startswith("、", toks[k].end + (s[toks[k].end : toks[k].end + 1] == ")")):
        return None  # A项目(总投资12亿元)、B项目…: the next item follows
    nxt = next((u.start for u in toks[k + 1 :] if u.kind in ("amount", "named", "count")), None)
    end = len(s) if nxt is None else max(toks[k].end, clause_start(s, nxt))  # not the next item's name
    seg = SEGMENT.search(s, toks[k].end, end)
    return sector_of(s[toks[k].end : seg.start() if seg else end], head="left")


def anaphora_name(s: str, pos: int, prev: str = "") -> str | None:
    """'其中,A工程意义重大,该项目全长…,总投资X亿元': 该项目 in the amount's segment refers to the
    project its first clause names; '其中,A项目,将在某地建设…,总投资X亿元': a segment that opens on a
    project alone, its total the first figure after it; a sentence opening on 该项目 refers to the
    project the sentence before signed (签订A项目投资协议。该项目总投资X)."""
    lo = segment_start(s, pos, 0)
    head = s[lo:pos].lstrip(",")
    if head.startswith("其中"):
        head = head[2:].lstrip(",")
    if not _THIS_PROJECT.search(s, lo, pos):
        first, _, rest = head.partition(",")
        if rest and _BARE_CUE.search(rest) and not _MONEY_OR_COUNT.search(rest) and first.endswith(("项目", "工程")):
            return opening_name(first)
        signed = SIGNED_CLAUSE.search(first) if rest and _BARE_CUE.fullmatch("," + rest) else None
        if signed:  # …再次签订A项目,总投资达X (年产…的合作项目: its capacity names it)
            name = signed.group("name")
            return opening_name(name) or (name if _CAPACITY_NAME.match(name) else None)
        invested = _INVESTED_NAME.search(first) if _BOTH_TOTAL.fullmatch(rest) else None
        if invested:  # 某集团在某市投资的A项目,总投资及外资金额均为X
            return invested.group("name")
        deal = _ONE_INVESTOR.match(head) if lo == 0 and not _MONEY_OR_COUNT.search(head) else None
        if deal and _CUE_AT_END.search(head):  # 与A公司签订的项目计划投资X: one deal
            return deal.group("firm") + "项目"
        subject = _SUBJECT_NAME.match(head) if lo == 0 else None  # A项目是…之一,…,拟投资X
        if subject and _OWN_CUE.search(head) and not _MONEY_OR_COUNT.search(head):
            return opening_name(subject.group("name"))
        parts = head.split(",")  # …,A项目在某会上成功签约,总投资X: the project the clause before signed
        done = _done_clause(parts[-2]) if len(parts) > 1 and _BARE_CUE.fullmatch("," + parts[-1]) else None
        if done and not _MONEY_OR_COUNT.search(parts[-2]):
            return opening_name(done)
        told = (
            _SUBJECT_NAME.match(first) if rest and _OWN_CUE.search(rest) and not _MONEY_OR_COUNT.search(rest) else None
        )
        return opening_name(told.group("name")) if told else None  # (其中,)A项目是…,由B打造,拟投资X
    if lo == 0 and prev and _THIS_PROJECT.match(s):
        signed = _NAMED_AS.search(prev)  # …签约的A类项目为B项目。该项目…: B
        if signed is None:
            for signed in _SIGNED_NAME.finditer(prev):  # noqa: B007 - keeps the last
                pass
        if signed is None:  # 甲政府与乙公司A项目正式签约。该项目…: A, its firm aside
            signed = _FIRM_PROJECT_SIGNED.search(prev)
        if signed:
            return opening_name(signed.group("name"))
    return opening_name(head.split(",", 1)[0])


# 签订A项目投资协议 / 签约A项目: the project a sentence signs
_SIGNED_NAME = re.compile(r"(?:签订|签约|签署|签下)了?(?P<name>[^,;。、\d]{3,30}?项目)(?:投资|合作)?(?:协议|合同)?")
# the project a clause ends signing (签约A项目 / 某县与某集团签订了A项目投资合同): the one reader, also
# one_project's (…签订了A项目合同,总投资X)
SIGNED_CLAUSE = re.compile(
    r"(?:签订|签约|签署|签下)[了的]?(?P<name>[^,;。、]{3,40}?项目)(?:投资|合作)?(?:合同书?|协议书?)?\s*$"
)
_CAPACITY_NAME = re.compile(r"年产\d[^,;。、]{2,30}的[^,;。、\d]{0,6}项目$")
_INVESTED_NAME = re.compile(r"投资(?:建设)?的(?P<name>[^,;。、的\d]{4,40}?项目)$")
_BOTH_TOTAL = re.compile(r"\s*(?:总投资|投资总额)及[^,;。\d]{1,8}?均为\s*")
_CUE_AT_END = re.compile(r"(?:总投资|投资总额|投资)额?(?:为|达|约)?\s*$")
_ONE_INVESTOR = re.compile(
    r"(?:与|和|同)(?P<firm>[^,;。、\d]{2,30}?(?:公司|集团))[^,;。、\d]{0,8}?签订(?:的项目|[^,;。\d]{2,20}?协议)"
)
_NAMED_AS = re.compile(r"项目(?:为|是)(?P<name>[^,;。、]{3,40}?项目)(?=[,;。]|$)")
# A项目(在某推介会上)成功签约 / 正式落户: one project named as the subject of its signing
_FIRM_PROJECT_SIGNED = re.compile(
    r"(?:与|和|同)[^,;。、]{2,30}?(?:公司|集团)(?P<name>[^,;。、]{3,40}?项目)(?:正式|成功|顺利)?(?:签约|签约落户)\s*。?\s*$"
)
# A项目(在某会上)(成功|正式|集中)签约/开工/落户: a project a clause or sentence tells as signed, started or landed
_DONE_NAME = re.compile(
    r"(?:我市|我县|我区|该市|该县|该区)?(?P<name>[^,;。、的!!?]{3,30}?(?:项目|工程))(?:在[^,;。]{0,30}?)?"
    r"(?:正式|成功|顺利|(?P<batch>集中))?(?P<verb>签约落户|签约|落户|落地|开工|动工|奠基|开建)"
)
_REACH = 3


def _one_done(done: re.Match | None) -> str | None:
    """The name a done-match tells, unless it is a batch (集中开工) or a group's words (全区重大项目)."""
    if done is None or done.group("batch"):
        return None
    name = done.group("name").strip()
    return None if group_words(name) else name


def _done_clause(clause: str) -> str | None:
    """The project a whole clause tells as done (…,A项目在某会上成功签约,总投资X)."""
    done = None
    for done in _DONE_NAME.finditer(clause):  # noqa: B007 - keeps the last
        pass
    return _one_done(done) if done and done.end() == len(clause.rstrip()) else None


def done_before(sentences: list[str], i: int) -> tuple[str | None, str] | None:
    """(name, verb) of the project the last few sentences (the title among them) tell as signed or
    started, when they count no group; the name is None for a batch or a group's words (全区重大
    项目集中开工: the verb still gives the stage of the batch's total)."""
    for x in sentences[max(0, i - _REACH) : i][::-1]:
        if COUNT.search(x):
            return None
        done = None
        for done in _DONE_NAME.finditer(x):  # noqa: B007 - keeps the last
            pass
        if done:
            return _one_done(done), done.group("verb")
    return None


_SUBJECT_NAME = re.compile(r"(?P<name>[^,;。、\d]{3,30}?项目)(?:是|为|系)")
_OWN_CUE = re.compile(r",\s*(?:拟|计划|预计)?(?:总投资|投资总额|投资)(?:额)?(?:为|达|约)?\s*$")
_BARE_CUE = re.compile(r",\s*(?:计划|预计)?(?:总投资|投资总额)(?:额)?(?:为|达|约)?\s*$")
_MONEY_OR_COUNT = re.compile(r"\d\s*(?:万|亿)?\s*(?:元|美元|个|项)")
