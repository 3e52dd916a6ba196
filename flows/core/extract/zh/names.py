"""Names of single Chinese projects next to their amount.

`project_name` reads the name after '总投资X亿元的' (…的年产20万吨钢铁项目); `name_before` the
name right before an amount (年产20万吨钢铁项目总投资30亿元). Generic groups (签约项目,
这些项目, 10个项目) are no names.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start
from flows.core.extract.zh.labels import only_sector_words
from flows.core.extract.zh.words import TOTAL_INVESTMENT

# (A项目和投资X的B项目: the first name ends at its 项目 when the next project's amount follows)
_NAME_END = re.compile(r"[,;:。!?、【】\[\]|“”]|以及|等|(?<=项目|工程)(?:和|及|与)(?=(?:总|计划)?投资)")
_NAME_STOP = re.compile(r"已|正在|顺利|落户|成功")
# a name opens on a character, a letter or a size (11.6万平方米商住楼项目, 30万吨聚酯项目)
_LEAD = re.compile(r"“?(?:[\u4e00-\u9fffA-Za-z]|\d+(?:\.\d+)?\s*[万千]?(?:平方米|亩|吨|千瓦|兆瓦|辆|套|台))")
_UP_TO_PROJECT = re.compile(r"^(.*项目(?:[一二三四五六七八九十\d]期)?)")
_GENERIC_GROUP = re.compile(
    r"(?:一批|这批|该|此|这些|其他|各类|重点|重大|新|签约|产业|合作|投资|招商|集中|"
    r"开工|在建|续建|新建|新开工|的)*项目$"
)
# a count of projects, or a batch however many (一批重大项目); 第三个 is a rank. The one "has a count"
# test of every name reader (names, named_refs, one_project)
COUNT = re.compile(
    r"(?<!第)(?:\d\s*(?:个|项|宗|批)|[一二两三四五六七八九十百]+\s*(?:个|项|宗)[^,;。]{0,6}项目"
    r"|(?:一批|一系列|多个|多项|若干)[^,;。]{0,8}项目)"
)
_PHASE_TAIL = re.compile(r"项目(?:[一二三四五六七八九十\d]期)?$")
_HEAD_CUE = re.compile(r"签|开工|此次|本次|今年|引进|落地|投资|洽谈|对接")
# what a named project ends with (the one list of works nouns; quoted_name adds its quoted-only ones): 项目, or a works noun (铁路…段, …工程, …产业园, …中心, …生产线, …度假区, …酒店)
WORKS = r"(?:项目|工程|[^\d]段|产业园|园区|园|中心|基地|生产线|工厂|厂|养殖场|电站|大桥|桥梁|隧道|铁路|公路|机场|码头|医院|学校|综合体|度假区|酒店|景区|乐园|旅游村)"
# the cue between a project and its amount: 总投资 / 投资额, or what was signed for it (签约额, 合同金额)
_CUE = rf"(?:(?:计划|预计|估计|预估|协议)?(?:新增)?(?:{TOTAL_INVESTMENT}|投资)(?:额|规模)?|签约(?:总|金)?额|合同(?:总|金)?额)"
_NAME_FIRST = re.compile(
    rf"^(?P<name>.+?{WORKS}(?:[一二三四五六七八九十\d]期)?)\s*[,(:、]?\s*{_CUE}"
    r"(?:为|达到|达|约|超过|超|近|逾)?\s*$"
)
_BRACKET_NAMED = re.compile(rf"(?:如|包括|例如)?(?P<name>[^,;。、()\d]{{2,30}}?{WORKS})$")
_CUE_ONLY = re.compile(rf"^\s*(?:由[^,;。]{{1,20}}?)?{_CUE}(?:为|达到|达|约|超过|超|近|逾)?\s*$")
_BARE_REACH = re.compile(r"\s*(?:达到?|为|约)?\s*")
# a ranking aside between a project and its amount: A项目投资额最大,计划总投资X
_LARGEST = re.compile(rf"(?P<works>{WORKS})(?:的)?(?:投资(?:额|规模|总额)?|规模|体量)(?:最大|最高)(?=\s*,)")
_GENERIC_TAIL = re.compile(
    r"(?:签约|开工|集中|重大|重点|产业|合作|投资|招商|新建|续建|在建|竣工|投产|这些|各类|该|此类|其他|"
    r"入库|储备|上述|全部|所有|新开工|列统|亿元以上|以上|落地|引进|外资|内资|内联|外联|合同|协议|引资|领域|行业|板块)$"
)
_NOT_A_NAME = re.compile(
    r"等|批|现场|阶段|[\d零一二两三四五六七八九十]\s*[个宗]|这些|所有|全部|共(?![享建作同赢])|"
    r"大会|论坛|博览会|峰会|会上|"
    r"交易会|洽谈会|活动|仪式|全市|全省|全区|全县|今年|去年|第[^,;。]{1,4}届|本届|上届|历届|"
    r"^(?:将|将在|计划|拟|主要)(?:在|建设|新建|布局)"  # 将在某区建设A生产线: what a project will build
)


def project_name(after: str) -> str | None:
    """The name after '总投资X亿元的': up to a clause break, 等 or 以及; ends at its last 项目."""
    cut = _NAME_END.search(after)
    text = (after[: cut.start()] if cut else after).strip()
    if text.startswith("的"):
        text = text[1:].strip()
    if not text or not _LEAD.match(text):
        return None
    m = _UP_TO_PROJECT.match(text)
    if m:
        text = m.group(1)
    elif not after.lstrip().startswith("的"):  # 总投资X亿元之后…: no name follows
        return None
    else:
        cut = _NAME_STOP.search(text)
        text = text[: cut.start()] if cut else text
    core = _GENERIC_GROUP.sub("", text)
    if len(core) < 3 or len(text) < 4 or COUNT.search(text) or only_sector_words(core):
        return None
    return text


# an enumerator before a list item's name: 一是 / 其二 / 第三, / 4、
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+[,、]?|第[一二三四五六七八九十]+[,、]?|\d+[、.])"
)


_BY_INVESTOR = re.compile(r"\s*,\s*由[^,;。]{1,20}?(?P<cue>总投资|投资|出资)(?=\s*(?:约|超过|超|近|逾)?\s*$)")


def _name_start(s: str, lo: int) -> tuple[int, str]:
    """Back over a bracketed aside (A养殖场(占地80亩)项目): the text after the bracket and the
    name's words before it (the aside itself is dropped)."""
    if lo > 0 and s[lo - 1] == ")":
        op = s.rfind("(", 0, lo - 1)
        if op > 0 and op > lo - 16:
            return lo, s[clause_start(s, op) : op]
    return lo, ""


_INVESTOR_ASIDE = re.compile(
    r"(?:投资方|投资主体|投资商|投资企业|建设单位|建设主体|项目业主|业主单位|实施主体|"
    r"签约企业|签约方)"
    r"(?:为|是|:)?[^,;。]{1,30}"
)


# 甲政府与乙公司签订A项目框架协议,投资额X: the agreement's project is the name, its signers are not
_AGREEMENT = re.compile(
    r"(?P<works>项目|工程)(?:投资|合作|招商|战略合作)?(?:框架)?协议(?:书)?(?=\s*[,(:]\s*(?:投资|总投资))"
)
_SIGNER = re.compile(r"^[^,;。]{2,40}?(?:签订|签署|签下)了?(?!的)(?=[^,;。]{3,})")


# a land aside between a project and its amount (A项目,已租地1600亩,计划投资X): no name
_LAND_ASIDE = re.compile(
    r"(?:已|拟|计划|共)?(?:租地|征地|用地|占地|流转土地|流转)(?:面积)?(?:约|达|超过|近)?\s*[\d.]+\s*万?(?:亩|平方米|公顷)"
)


def name_before(s: str, a: int) -> str | None:
    """'年产20万吨钢铁项目总投资30亿元' -> the project named right before its amount (its own
    clause: after a 、 of a list or the number of a numbered item)."""
    lo = clause_start(s, a)
    if lo == a and a > 1 and s[a - 1] == "(":  # 如A项目(80亿元)、B基地(70亿元): the amount in brackets
        m = _BRACKET_NAMED.match(s, clause_start(s, a - 1), a - 1)
        return _checked(m.group("name").strip()) if m else None
    cut = None
    largest = lo > 2 and s[lo - 1] == "," and _BARE_REACH.fullmatch(s, lo, a) and s[lo - 3 : lo - 1] in ("最大", "最高")
    if largest:  # A项目投资额最大,达X: the ranking clause names A
        rank = s[clause_start(s, lo - 1) : lo]  # A项目投资额最大,
        m = _NAME_FIRST.match(_LARGEST.sub(r"\g<works>", rank).rstrip(",") + "投资")
        return _checked(m.group("name").strip()) if m else None
    if (
        _CUE_ONLY.match(s[lo:a])
        and lo > 0
        and (s[lo - 1] in ",(:" or (s[lo - 1] == "、" and s.endswith("项目", 0, lo - 1)))
    ):
        # A项目(总投资12亿元), A项目:总投资…, A项目、总投资… (a page's 、 for its comma)
        cue = lo
        lo = clause_start(s, lo - 1)
        if (
            lo > 0
            and s[lo - 1] == ","
            and (_INVESTOR_ASIDE.fullmatch(s, lo, cue - 1) or _LAND_ASIDE.fullmatch(s, lo, cue - 1))
        ):
            cut = (lo - 1, cue - 1)  # A项目,投资方为B公司,总投资X: the aside is no name
            lo = clause_start(s, lo - 1)
    lo, head = _name_start(s, lo)
    body = s[lo : cut[0]] + s[cut[1] : a] if cut else s[lo:a]
    text = (head + body).strip() if head else body.strip()
    if "由" in text:  # A项目,由B公司投资X亿元: the investor is no name
        text = _BY_INVESTOR.sub(r",\g<cue>", text)
    if "最" in text:
        text = _LARGEST.sub(r"\g<works>", text)
    text = _ENUMERATOR.sub("", text)
    m = _NAME_FIRST.match(_AGREEMENT.sub(r"\g<works>", text) if "协议" in text else text)  # (every match holds 协议)
    if not m:
        return None
    return _checked(_SIGNER.sub("", m.group("name").strip()))


def _checked(name: str) -> str | None:
    """A name found before its amount, unless it is a group's words (签约项目, 服务业项目)."""
    name = _DISCOURSE_LEAD.sub("", name)  # 另外石油化工项目: a category
    head, sep, tail = name.rpartition("的")
    if sep and _HEAD_CUE.search(head):
        name = tail
    core = _PHASE_TAIL.sub("", name)
    if len(core) < 3 or _GENERIC_TAIL.search(core) or _NOT_A_NAME.search(name):
        return None
    if not _LEAD.match(name) or only_sector_words(core):  # 服务业项目 is a group
        return None
    return name


_DISCOURSE_LEAD = re.compile(r"^(?:另外|此外|其中|同时|其次|还有)")


_LIST_ITEM_NAME = re.compile(rf"[^,;:。!?]{{3,40}}?{WORKS}(?:[一二三四五六七八九十\d]期)?")
_BUILT_END = re.compile(r"[,;:。!?()【】\[\]|]|以及|等")
_BUILT_SPLIT = re.compile(r"和|与|及|、")
_BUILT_TAIL = re.compile(rf"^(?P<name>.*{WORKS}(?:[一二三四五六七八九十\d]期)?)")


_OPENING = re.compile(r"^(?P<name>[\u4e00-\u9fff“”A-Za-z0-9]{3,30}?(?:项目|工程)(?:[一二三四五六七八九十\d]期)?)")


_CUE_TAIL = re.compile(r"(?:的)?(?:计划|预计|协议)?(?:总投资|投资总额|投资额|投资)(?:额|规模)?$")


def list_name(part: str) -> str | None:
    """One item of 'A项目、B项目、C项目总投资分别为…': the item when it names a project."""
    text = _CUE_TAIL.sub("", part.strip()).strip()
    text = _ENUMERATOR.sub("", text)
    if not _LIST_ITEM_NAME.fullmatch(text) or not _LEAD.match(text):
        return None
    core = _PHASE_TAIL.sub("", text)
    if len(_GENERIC_GROUP.sub("", text)) < 3 or _GENERIC_TAIL.search(core) or _NOT_A_NAME.search(text):
        return None
    return None if only_sector_words(core) else text


def opening_name(clause: str) -> str | None:
    """The project a clause opens with (A扩容工程意义重大 -> A扩容工程), when it is one."""
    m = _OPENING.match(clause.strip())
    if not m or not _LEAD.match(m.group("name")):
        return None
    name = m.group("name")
    core = _PHASE_TAIL.sub("", name)
    if len(_GENERIC_GROUP.sub("", name)) < 3 or _GENERIC_TAIL.search(core) or _NOT_A_NAME.search(name):
        return None
    return name


def built_names(after: str) -> list[str]:
    """Names after '(投资X亿元,)建设': 年产300万吨林浆纸一体化项目; 'A生产线和B生产线' -> both."""
    cut = _BUILT_END.search(after)
    text = (after[: cut.start()] if cut else after).strip()
    whole = _BUILT_TAIL.match(text)
    if not whole or len(whole.group("name")) < 4 or COUNT.search(text):
        return []  # 新上亿元以上项目12个: a count of its own, not what the amount builds
    parts = [p for p in _BUILT_SPLIT.split(text) if p]
    if len(parts) > 1 and all(_BUILT_TAIL.match(p) and len(p) >= 3 for p in parts):
        return [p.strip() for p in parts]
    name = whole.group("name")
    return [] if group_words(name) else [name]


def _a_group(name: str) -> bool:
    """A group's words, not one project's name (亿元以上项目, 重点工业项目, 工业项目)."""
    core = _PHASE_TAIL.sub("", name)
    return len(_GENERIC_GROUP.sub("", name)) < 3 or bool(_GENERIC_TAIL.search(core)) or only_sector_words(core)


def group_words(name: str) -> bool:
    """`name` says a group, a scope or an event, not one project (全区重大项目, 一批重点项目,
    我县举行招商引资项目, 年一季度重点项目): the tests every name reader here applies."""
    return bool(_NOT_A_NAME.search(name)) or _a_group(name)


# a list of projects told as amount-then-name, the cue once at its head: 引进投资80亿元的A、30亿元的B
_LISTED_NAMED = re.compile(
    r"(?:总投资|投资)[^,;。]{0,4}?\d[\d.]*\s*[亿万]元的[^,;。\d]{2,30}(?:、\s*\d[\d.]*\s*[亿万]元的[^,;。\d]{2,30})*、\s*$"
)


def listed_named(s: str, a: int) -> bool:
    """The figure at `a` is the next item of such a list: its name follows it as the first's did."""
    return a > 0 and s[a - 1] == "、" and bool(_LISTED_NAMED.search(s, max(0, a - 120), a))


def without_names(text: str, toks: list) -> str:
    """`text` without the project names its sentence's named figures carry: a word of a name
    (…物流配送储备项目) is no stage verb of the list it stands in."""
    for t in toks:
        for name in (t.names or (t.name,)) if t.kind == "named" else ():
            if name:
                text = text.replace(name, "")
    return text
