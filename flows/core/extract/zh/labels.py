"""Sector and stage labels for Chinese cohorts, from the sectors_zh / stages_zh lexicons.

Both lexicons are compiled once into one alternation (longest term first, so 新能源汽车 beats
新能源 and 拟签约 beats 签约 at the same position). A group's sector is the term nearest its
head noun (rightmost); a named project's is the first term of its name; a stage is the first
verb outside an event name. Both are pure functions of their text, cached: group subjects
(外资项目, 签约项目) recur from article to article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.core.extract.zh.events import in_event_name, suffix_pattern
from flows.core.extract.zh.fast import terms_pattern
from flows.core.lexicon import load

# text up to an event name (世界制造业大会, ...论坛) names the event, not the cohort's sector
_EVENT_TAIL = re.compile(rf"^.*{suffix_pattern('zh')}")
# a quoted basket of priority industries (“双七双五”产业) is an emerging-industries group
_EVENT_STAGES = ("signed", "started", "completed")  # 签约大会, 集中开工仪式 name what happened
_EXAMPLES_LEAD = re.compile(r"签下|签约|签订|签署|引进|包括|涵盖|[有是为的:,]")
_QUOTED_BASKET = re.compile(r"“[^”]{2,12}”(?:产业|新兴产业)")
_N_BIG = re.compile(r"[两二三四五六七八九十]大")
_BASKET = re.compile(r"(?:主导|优势|支柱)产业(?:链)?项目")
_N_GENERIC = re.compile(r"[三四五六七八九十]大(?:主导|优势|重点|支柱|新兴)?产业")
_BARE_GROUP = re.compile(r"(?:产业|行业|领域|类)*项目")


def _compile(rows: tuple[dict[str, str], ...], key: str) -> tuple[re.Pattern, dict[str, str]]:
    table = {r["term"].strip(): r[key].strip() for r in rows if r.get("term", "").strip()}
    return terms_pattern(table), table  # = re.compile("|".join(the terms escaped, longest first))


@lru_cache(maxsize=1)
def _groups() -> frozenset[str]:
    """Category words (服务业, 社会民生, 新能源): a project 'named' only by them is a group."""
    return frozenset(r["term"].strip() for r in load("sectors_zh") if (r.get("group") or "").strip())


@lru_cache(maxsize=1)
def _weak() -> frozenset[str]:
    """Generic sector terms (产业项目, 生产, 制造): they label only when nothing specific does."""
    return frozenset(r["term"].strip() for r in load("sectors_zh") if (r.get("weak") or "").strip())


@lru_cache(maxsize=1)
def _sectors() -> tuple[re.Pattern, dict[str, str]]:
    return _compile(load("sectors_zh"), "sector_code")


@lru_cache(maxsize=1)
def _stages() -> tuple[re.Pattern, dict[str, str]]:
    return _compile(load("stages_zh"), "stage")


@lru_cache(maxsize=4096)
def sector_of(text: str, head: str = "right") -> str | None:
    """Sector of a cohort described by `text` (the words before its count or its name)."""
    if not text:
        return None
    text = _EVENT_TAIL.sub("", text)
    if "——" in text.rstrip("—"):  # 从A、到B,再到C——这32个项目: the words before a dash are an aside
        text = text[text.rfind("——") + 2 :]
    if head == "right" and "等" in text:  # 电子信息等产业项目: examples before 等, the group after
        cut = text.rfind("等")
        own = sector_of(text[cut + 1 :], head)
        if own and own != _weak_only(text[cut + 1 :]):
            return own
        examples = _examples_sector(text[:cut]) or _named_examples(text[:cut], own)  # the examples'
        if examples:
            return examples
        if own is None and _BARE_GROUP.search(text, cut + 1):  # 轻工、纺织和化工等传统产业项目: the
            root = _examples_root(text[:cut])  # examples all fall under one of them (manufacturing)
            if root:
                return root
        if own:  # 新能源、新材料等产业项目: several sectors' examples, not the generic noun's
            bare = _BARE_GROUP.fullmatch(text, cut + 1)  # 等首位产业项目: a basket of its own
            if bare:
                return _mixed_examples(text[:cut], own)
            if own == _weak_only(text[cut + 1 :]) and _beyond(text[:cut], own):
                return None  # 工业和现代农业、现代服务业等产业链…项目: industries and more, no sector
            return own
        lead = None  # 清洁能源领域共签下A、B等项目: the words before the examples (before their first 、,
        first = text.find("、", 0, cut)  # not a 有 inside one of them: 有机固废…项目)
        for lead in _EXAMPLES_LEAD.finditer(text, 0, first if first > 0 else cut):  # noqa: B007 - keeps the last
            pass
        return sector_of(text[: lead.start()], head) if lead else None
    pattern, table = _sectors()
    hits = [h for h in pattern.finditer(text) if table[h.group()] != "none"]  # none: 工业园
    weak = _weak()
    strong = [h for h in hits if h.group() not in weak]
    if strong:
        if head == "left":  # 有色金属新材料产业园: a category word (新材料) names it
            groups = _groups()
            hit = next((h for h in strong if h.group() in groups), strong[0])
        else:
            hit = max(strong, key=lambda m: (m.end(), len(m.group())))
            big = _N_BIG.search(text) if "大" in text else None
            counted = {table[h.group()] for h in strong if big and h.end() <= big.start()}
            if len(counted) > 2 or (len(counted) == 2 and big.group()[0] not in "两二"):
                return None  # 电子信息、新能源、生物医药三大产业项目: several sectors together
            if len(counted) == 2:  # 集成电路、生物医药两大…项目: two joined, either one (the nearer)
                return table[max((h for h in strong if h.end() <= big.start()), key=lambda m: m.end()).group()]
            if "、" in text and len(strong) > 1:
                listed = _listed_sectors(text, table[hit.group()])
                if listed != "":
                    return listed
        return table[hit.group()]
    if _QUOTED_BASKET.search(text):
        return "emerging_industries"
    if hits:  # generic words only: the head noun (建材市场 -> 市场)
        if ("大" in text and _N_GENERIC.search(text)) or _BASKET.search(text):
            return None  # 四大产业项目 / “4+2”主导产业项目: several industries together, no one sector
        return table[max(hits, key=lambda m: (m.end(), len(m.group()))).group()]
    return None


def basket(text: str) -> bool:
    """A group named as a basket of several industries (五大支柱产业的项目, “4+2”主导产业项目)."""
    return "产业" in text and bool(_N_GENERIC.search(text) or _BASKET.search(text) or _NAMED_BASKET.search(text))


_NAMED_BASKET = re.compile(r"(?:[三四五六七八九十]大|“[^”]{1,8}”)(?:主导|优势|支柱|重点|特色)产业")


def first_of_kinds(text: str) -> str | None:
    """基础设施、农业产业化、一二三产融合发展: kinds a group is made of, each with a sector word, read
    as a closed list: the first kind's sector; None when one kind names none or there is one."""
    items = text.split("、")
    if len(items) < 2:
        return None
    pattern, table = _sectors()
    firsts = [next((h for h in pattern.finditer(i) if table[h.group()] != "none"), None) for i in items]
    named = all(
        f or pattern.search(i) for f, i in zip(firsts, items, strict=True)
    )  # 一二三产融合: a kind, no one sector
    return table[firsts[0].group()] if firsts[0] and named else None


def _listed_sectors(text: str, own: str) -> str | None:
    """新能源、新材料、现代钢铁冶金产业项目: items joined by 、 right before the head noun, each a
    sector of its own: the nearest sector above them all, else the first item's (a closed list,
    先进制造、文化旅游和现代农业项目, names one group a reader files under any of its items); ""
    when text holds no such list (one item, or items that are not all sector words)."""
    items = text.split("、")
    pattern, table = _sectors()
    tail = items[-1]
    weak = _weak()
    last = [h for h in pattern.finditer(tail) if table[h.group()] != "none" and h.group() not in weak]
    if not last or _GROUP_TAIL.fullmatch(tail, last[-1].end()) is None:
        return ""
    words = "、".join(items[:-1]) + "、" + tail[: last[-1].end()]
    codes = _codes(words)
    if len(codes) < 2:
        return ""
    if _EXAMPLE_JOIN.sub("", _FIELD_FILLER.sub("", pattern.sub("", _list_only(words, pattern)))):
        return ""
    parents = _parents()
    lines = [_ancestors(c, parents) for c in codes]
    if all(own in line for line in lines):
        return own
    common = set.intersection(*lines)
    first = next(table[h.group()] for h in pattern.finditer(words) if table[h.group()] != "none")
    return next((c for c in _line(first, parents) if c in common), first)


_GROUP_TAIL = re.compile(r"(?:产业|行业|领域|类)*(?:重点|重大)?项目")


def generic_only(text: str) -> bool:
    """Only generic terms (产业项目) name a sector in text."""
    return _weak_only(text) is not None


def _weak_only(text: str) -> str | None:
    """The sector of text when only generic terms (产业项目) give it, else None."""
    pattern, table = _sectors()
    hits = [h.group() for h in pattern.finditer(text) if table[h.group()] != "none"]
    weak = _weak()
    return table[hits[-1]] if hits and all(h in weak for h in hits) else None


def _codes(text: str) -> set[str]:
    pattern, table = _sectors()
    return {table[h.group()] for h in pattern.finditer(text)} - {"none"}


def _beyond(text: str, own: str) -> bool:
    """Two or more listed items (工业和现代农业、现代服务业) of which one lies outside `own` and
    the emerging industries: a generic word after them names no sector. One name holding two
    terms (滨湖电子材料) is no list; 高端装备、新材料、新能源汽车 stay industrial."""
    items = [c for c in (_codes(p) for p in _ITEM_SPLIT.split(text)) if c]
    if len(items) < 2:
        return False
    parents, inside = _parents(), {own, "emerging_industries"}
    return any(not (_ancestors(c, parents) & inside) for codes in items for c in codes)


_ITEM_SPLIT = re.compile(r"[、和及与]|以及")


_EXAMPLE_JOIN = re.compile(r"[、,和及与\s]|以及")


def _list_only(text: str, pattern: re.Pattern) -> str:
    """The list part of examples: from the first sector term on (签约文旅、工业、商贸 -> 文旅、工业、商贸)."""
    first = pattern.search(text) if "、" in text else None  # one example (A数据中心等) is no list
    return text[first.start() :] if first else text


def _examples_sector(text: str) -> str | None:
    """A list of sector words only (新能源汽车、动力电池 / 教育、医疗、养老) that all give one sector."""
    pattern, table = _sectors()
    text = _list_only(text, pattern)
    codes = {table[h.group()] for h in pattern.finditer(text)}
    if _EXAMPLE_JOIN.sub("", pattern.sub("", text)):
        codes = _item_heads(text, pattern, table)  # 高端设施农业、生态高效农业: modifiers, one head
    if len(codes) != 1 or "none" in codes:
        return None
    return codes.pop()


def _named_examples(text: str, own: str | None) -> str | None:
    """Two or more named examples (A生物科技产业园、B生物科技总部等16个项目) each holding a specific
    sector term, all of one sector, before a group naming none (`own`): that sector."""
    items = text.split("、")
    if own is not None or len(items) < 2:
        return None
    pattern, weak = _sectors()[0], _weak()
    if not all(any(h.group() not in weak for h in pattern.finditer(i)) for i in items):
        return None
    codes = {sector_of(i, head="left") for i in items}
    return codes.pop() if len(codes) == 1 and None not in codes else None


def _list_codes(text: str) -> set[str] | None:
    """The sectors of a list of sector words only (its joins aside), two at least; else None."""
    pattern, table = _sectors()
    text = _list_only(text, pattern)
    codes = {table[h.group()] for h in pattern.finditer(text)}
    if len(codes) < 2 or "none" in codes or _EXAMPLE_JOIN.sub("", pattern.sub("", text)):
        return None
    return codes


def _examples_root(text: str) -> str | None:
    """A list of sector words only, one of whose sectors lies above all the others (轻工、建材和
    化工: manufacturing over chemicals): that sector."""
    codes = _list_codes(text)
    if codes is None:
        return None
    parents = _parents()
    tops = {c for c in codes if not (_ancestors(c, parents) - {c}) & codes}
    return tops.pop() if len(tops) == 1 else None


def _item_heads(text: str, pattern: re.Pattern, table: dict[str, str]) -> set[str]:
    """The sectors of 、-joined items that each end in a sector term (its head noun, as in
    生态高效农业); empty when one item does not, or the text is one item."""
    items = text.split("、")
    heads = [list(pattern.finditer(item)) for item in items]
    if len(items) < 2 or not all(h and h[-1].end() == len(i) for h, i in zip(heads, items, strict=True)):
        return set()
    return {table[h[-1].group()] for h in heads}


def _mixed_examples(text: str, own: str) -> str | None:
    """The sector of a generic group (产业项目) after a list of sector words: `own` when the list
    is not only sector words or all of them fall under it (装备制造、汽车零部件 -> manufacturing),
    else the nearest sector above them all (新能源、新材料 -> emerging industries), else none."""
    codes = _list_codes(text)
    if codes is None:
        return own
    parents = _parents()
    lines = [_ancestors(c, parents) for c in codes]
    if all(own in line for line in lines):
        return own
    common = set.intersection(*lines)
    return next((c for c in _line(next(iter(codes)), parents) if c in common), None)


def _line(code: str, parents: dict[str, str]) -> list[str]:
    """code and the sectors above it, nearest first."""
    line = [code]
    while parents.get(line[-1]) and parents[line[-1]] not in line:
        line.append(parents[line[-1]])
    return line


def _ancestors(code: str, parents: dict[str, str]) -> set[str]:
    return set(_line(code, parents))


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    return {r["sector_code"]: (r.get("parent_code") or "").strip() for r in load("sectors")}


# a group's fields named after it: 签约项目67个,…,涉及算力、人工智能等领域 (or 涉及A、B和C产业, the clause ending there)
FIELDS_VERB = "涉及|涵盖|覆盖|聚焦|集中在|分布在|主要为"  # (shared with zh.fields_next)
_FIELDS_AFTER = re.compile(
    rf"^[^;。]*?(?:{FIELDS_VERB})(?:了|到)?([^,;。:等]{{2,60}})(?:等(?:多个|诸多|众多)?(?:产业)?(?:细分)?(?:领域|产业|行业|方面)|(?:领域|产业|行业)(?=[,;。]|$))"
)


_FIELD_FILLER = re.compile(r"高端|先进|新型|现代|绿色|特色|精深|相关|产业链?|行业")


@lru_cache(maxsize=4096)
def fields_sector(after: str) -> tuple[str | None, int]:
    """The sector of a group from the fields listed after it (涉及X、Y等领域) when they all give
    one sector, or one specific sector and its sub-sectors (数字经济、人工智能 -> new_generation_it;
    a broad root such as manufacturing over its branches is a mix), and where the phrase ends."""
    m = _FIELDS_AFTER.match(after)
    if not m:
        return None, 0
    text = m.group(1)
    pattern, table = _sectors()
    codes = {table[h.group()] for h in pattern.finditer(text)}
    if not codes or "none" in codes or _EXAMPLE_JOIN.sub("", _FIELD_FILLER.sub("", pattern.sub("", text))):
        return None, 0
    parents = _parents()
    tops = {c for c in codes if parents.get(c) not in codes}
    if len(tops) != 1 or (len(codes) > 1 and not parents.get(next(iter(tops)))):
        return None, 0  # 装备制造、建材、纺织服装: a mix of industries, not one broad group
    return tops.pop(), m.end()


_GROUP_FILLER = re.compile(r"[及和与、]|类|产业|领域|行业|板块|方面|其他|重点|重大")


# a clause that only names a category and ranks it (其次是第三产业 / 第二产业涉及项目和投资额最多)
_RANKED_GROUP = re.compile(
    r"(?:其次是|其次为|再次是|首先是)?\s*(?P<t>[^,;:。\d]{2,8}?)\s*(?:涉及[^,;:。\d]{0,12}?最多|最多"
    r"|呈[^,;:。\d]{1,6}之势|占主导|唱主角|为主体?|成为主力|增长(?:迅速|较快|强劲))?"  # 战略性新兴产业呈爆发之势
)


def ranked_group_sector(clause: str) -> str | None:
    """The sector of a clause naming only a category word (第二产业, 服务业), maybe ranked."""
    m = _RANKED_GROUP.fullmatch(clause)
    if not m or m.group("t") not in _groups():
        return None
    pattern, table = _sectors()
    hit = pattern.fullmatch(m.group("t"))
    return table[hit.group()] if hit and table[hit.group()] != "none" else None


@lru_cache(maxsize=4096)
def only_sector_words(text: str) -> bool:
    """True when text is nothing but sector terms (服务业, 社会民生类, 电子信息产业): a group of
    projects, not one project's name."""
    pattern, table = _sectors()
    groups = _groups()
    rest = pattern.sub(lambda h: "" if h.group() in groups else h.group(), text)
    return bool(text) and rest != text and not _GROUP_FILLER.sub("", rest).strip()


@lru_cache(maxsize=4096)
def stage_of(text: str, last: bool = False) -> str | None:
    """First (or last) stage verb in `text`. Words of an event name (招商|推介会) are no verbs;
    only when no other verb is left does a signing / groundbreaking event (签约大会) give one."""
    if not text:
        return None
    pattern, table = _stages()
    hits = [h for h in pattern.finditer(text) if table[h.group()] != "none"]
    named = [h for h in hits if in_event_name(text, h.end())]
    if named:
        hits = [h for h in hits if h not in named] or [h for h in named if table[h.group()] in _EVENT_STAGES]
    if not hits:
        return None
    if not last:  # 招商引资签约项目: the generic 招商 yields to 签约
        specific = [h for h in hits if table[h.group()] != "promoted"]
        if specific:
            return table[specific[0].group()]
    return table[hits[-1 if last else 0].group()]


# a sentence viewing the group told before by size, field or source (从项目规模看,10亿元以上项目196个)
_VIEW = re.compile(
    r"^\W{0,2}从(?:项目|投资)?(?:规模|产业|行业|领域|类别|区域|地区|结构|资金来源|投资来源)\w{0,4}(?:来)?看"
)


def breakdown_view(evidence: str) -> bool:
    """The counts of a sentence opening 从规模看 / 从产业分布看 break down the group before: with no
    stage of their own they share the stage last stated."""
    return bool(_VIEW.match(evidence))
