"""A project named in the clause before and its first phase's investment: '某集团在某区投资建设
A项目,一期(项目)投资X' is a cohort of one, A with X (the phase the firm commits to now).
Called by zh.article's _sentence for an amount no count took.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start
from flows.core.extract.zh.words import REACH, TOTAL_WORD

# a phase's investment after its phase word: (项目|工程)(计划)(总)投资(额)(为|达…)
_PHASE_CUE = rf"(?:项目|工程)?(?:计划)?(?:总)?投资(?:额|总额)?(?:{REACH})?\s*"
# the amount's own clause: 一期(项目)投资 / 首期总投资 / 一期工程计划投资
_PHASE = re.compile(rf"\s*(?:其中)?(?:一期|首期){_PHASE_CUE}")
# the clause before: …(投资)建设/兴建/新建 A项目
_BUILT = re.compile(
    r"(?:投资)?(?:建设|兴建|新建|投建|建)(?P<name>[^,;。、\d]{0,6}?[^,;。、]{2,28}?"
    r"(?:项目|工程|基地|产业园|园区|工厂|生产线))\s*$"
)


def phase_name(s: str, pos: int) -> str | None:
    """The project an amount at pos is the first phase of, named in the clause before."""
    lo = clause_start(s, pos, soft=False)
    if lo == 0 or "期" not in s[lo:pos] or not _PHASE.fullmatch(s, lo, pos):
        return None
    hit = _BUILT.search(s, clause_start(s, lo - 1, soft=False), lo - 1)
    return hit.group("name").strip() if hit else None


# any phase's own clause: 一期投资 / 二期工程投资 / 首期计划投资
_ANY_PHASE = re.compile(rf"\s*(?:其中)?(?:[一二三四1-4]期|首期|后期|远期){_PHASE_CUE}")
_TOTAL_BEFORE = re.compile(TOTAL_WORD)


def phase_of_total(s: str, lo: int, pos: int) -> bool:
    """An amount in a phase's clause (一期投资Y) after the total its sentence gave (总投资X): a part of X."""
    return "期" in s[lo:pos] and bool(_ANY_PHASE.fullmatch(s, lo, pos)) and bool(_TOTAL_BEFORE.search(s, 0, lo))
