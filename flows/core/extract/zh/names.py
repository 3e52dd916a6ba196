"""Names of single Chinese projects next to their amount.

`project_name` reads the name after '总投资X亿元的' (…的年产20万吨钢铁项目); `name_before` the
name right before an amount (年产20万吨钢铁项目总投资30亿元). Generic groups (签约项目,
这些项目, 10个项目) are no names.
"""
from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start

_NAME_END = re.compile(r"[,;:。!?、【】\[\]|“”]|以及|等")
_NAME_STOP = re.compile(r"已|正在|顺利|落户|成功")
_LEAD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_UP_TO_PROJECT = re.compile(r"^(.*项目(?:[一二三四五六七八九十\d]期)?)")
_GENERIC_GROUP = re.compile(r"(?:一批|这批|该|此|这些|其他|各类|重点|重大|新|签约|产业|合作|投资|招商|集中|"
                            r"开工|在建|续建|新建|新开工|的)*项目$")
_HAS_COUNT = re.compile(r"\d\s*[个项]")
_PHASE_TAIL = re.compile(r"项目(?:[一二三四五六七八九十\d]期)?$")
_HEAD_CUE = re.compile(r"签|开工|此次|本次|今年|引进|落地|投资")
_NAME_FIRST = re.compile(
    r"^(?P<name>.+?项目(?:[一二三四五六七八九十\d]期)?)\s*,?\s*(?:计划|预计)?(?:总投资|投资总额|投资)"
    r"(?:额|规模)?(?:为|达到|达|约|超过|超|近|逾)?\s*$")
_CUE_ONLY = re.compile(r"^\s*(?:计划|预计)?(?:总投资|投资总额|投资)(?:额|规模)?(?:为|达到|达|约|超过|超|近|逾)?\s*$")
_GENERIC_TAIL = re.compile(
    r"(?:签约|开工|集中|重大|重点|产业|合作|投资|招商|新建|续建|在建|竣工|投产|这些|各类|该|此类|其他|"
    r"入库|储备|上述|全部|所有|新开工|列统|亿元以上|以上|落地|引进|外资|内资)$")
_NOT_A_NAME = re.compile(r"等|批|[\d零一二两三四五六七八九十]\s*个|这些|所有|全部|共|大会|论坛|博览会|峰会|会上|"
                         r"交易会|洽谈会|活动|仪式|全市|全省|全区|全县|今年|去年|本届|上届")


def project_name(after: str) -> str | None:
    """The name after '总投资X亿元的': up to a clause break, 等 or 以及; ends at its last 项目."""
    cut = _NAME_END.search(after)
    text = (after[:cut.start()] if cut else after).strip()
    if text.startswith("的"):
        text = text[1:].strip()
    if not text or not _LEAD.match(text):
        return None
    m = _UP_TO_PROJECT.match(text)
    if m:
        text = m.group(1)
    else:
        cut = _NAME_STOP.search(text)
        text = text[:cut.start()] if cut else text
    core = _GENERIC_GROUP.sub("", text)
    if len(core) < 3 or len(text) < 4 or _HAS_COUNT.search(text):
        return None
    return text


def name_before(s: str, a: int) -> str | None:
    """'年产20万吨钢铁项目总投资30亿元' -> the project named right before its amount."""
    lo = clause_start(s, a, soft=False)
    if _CUE_ONLY.match(s[lo:a]) and lo > 0 and s[lo - 1] == ",":
        lo = clause_start(s, lo - 1, soft=False)
    m = _NAME_FIRST.match(s[lo:a].strip())
    if not m:
        return None
    name = m.group("name").strip()
    head, sep, tail = name.rpartition("的")
    if sep and _HEAD_CUE.search(head):
        name = tail
    core = _PHASE_TAIL.sub("", name)
    if len(core) < 3 or _GENERIC_TAIL.search(core) or _NOT_A_NAME.search(name):
        return None
    if not _LEAD.match(name):
        return None
    return name
