"""A group named only by a generic word (重大产业项目2533个) whose 其中 parts lie in fields outside the
generic word's sector (农业…项目194个, 工业…项目647个, 服务业…项目599个) is a mix of fields, not one:
its sector is cleared when the parts span two or more top-level families, one of them not industrial. A
group named by a specific field keeps it. Used by zh.post_passes.
"""

from __future__ import annotations

from functools import lru_cache

from flows.core.extract.zh.labels import generic_only
from flows.core.extract.zh.stage_frames import words_before
from flows.core.lexicon import load
from flows.core.model import CohortMention


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    return {r["sector_code"]: (r.get("parent_code") or "").strip() for r in load("sectors")}


def _line(code: str) -> list[str]:
    """The code and its ancestors, the top-level family last."""
    parents, line = _parents(), [code]
    while parents.get(line[-1]) and parents[line[-1]] not in line:
        line.append(parents[line[-1]])
    return line


# the industrial families: parts all within them (新材料, 生物医药, 汽车) break down an industrial group
_INDUSTRY = frozenset({"manufacturing", "emerging_industries"})


def mixed_parts(mentions: list[CohortMention]) -> None:
    """Clear the generic sector of a group whose parts fall outside it."""
    for i, m in enumerate(mentions):
        if not m.sector_code or not m.project_count or m.project_name:
            continue
        kids = {k.sector_code for k in mentions if k.parent == i and k.sector_code}
        if len(kids) < 2 or all(m.sector_code in _line(k) for k in kids):
            continue
        families = {_line(k)[-1] for k in kids}
        if len(families) < 2 or families <= _INDUSTRY:  # 产业项目 of 新材料 and 生物医药 parts: industrial
            continue
        words = words_before(m.evidence, m.project_count)  # its own words (zh.stage_frames)
        if words and generic_only(words):
            m.sector_code = None
