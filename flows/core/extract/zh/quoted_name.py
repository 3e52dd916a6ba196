"""A project named in quotes right before its amount's cue: '「某某产业园区」签约金额就高达X' /
'“某某智慧谷”总投资X' / '《某某小镇》项目投资额X' is a project of one with that name. The quoted
words themselves must end as a works noun does (园区, 基地, 中心, 小镇…), 项目 after them is not
enough: a quoted slogan, campaign or programme ('“双招双引”签约金额', 「产创条例」, “新基建”项目总投资,
“三个一批”项目) names no project, nor do quoted words holding a numeral, group or sector words only.
Called by zh.article's _sentence for an amount no count took.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start
from flows.core.extract.zh.names import WORKS, group_words

# names' works nouns and the ones a quoted name may end on too (“某某智慧谷”, 《A小镇》, 「B大厦」)
_WORKS_END = rf"(?:{WORKS}|城|谷|小镇|镇|广场|港|大厦|楼|会馆|案)"
_QUOTED = re.compile(
    r"[「“《\"](?P<name>[^」”》\",;。「“《]{2,30}?)[」”》\"]\s*(?P<tail>项目)?\s*的?\s*"
    r"(?:签约(?:总)?金额|签约额|协议(?:总)?金额|合同(?:总)?金额|计划总投资|总投资额?|投资总额|投资额|投资)"
    r"\s*(?:就|也|则)?\s*(?:高达|达到?|为|约|超过?|逾|近)?\s*$"
)
_NOT_WORKS = re.compile(r"条例|办法|规划|方案|政策|意见|通知|行动|战略|计划|工程师|招商|双招|活动")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千万双]")  # “三个一批”, “两新”, “双百工程”, “万企兴万村”


def quoted_name(s: str, pos: int) -> str | None:
    """The quoted name of the project an amount at pos belongs to, or None."""
    lo = clause_start(s, pos, soft=False)
    if not any(q in s[lo:pos] for q in '」”》"'):
        return None
    hit = _QUOTED.search(s, lo, pos)
    if hit is None:
        return None
    name = hit.group("name").strip()
    if _NOT_WORKS.search(name) or _NUMERAL.search(name) or not re.search(_WORKS_END + "$", name):
        return None
    if len(name) < 4 or group_words(name):
        return None
    return name + (hit.group("tail") or "")
