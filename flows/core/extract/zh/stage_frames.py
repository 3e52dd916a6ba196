"""A progress report's stage groups inside a group of one sector: 全市25个省重点工业项目完成投资X。
6个新开工项目中,3个项目已开工建设: the new starts, and the started among them, are parts of the
industrial group just counted, and a reader files them under its sector. Used by count_sector.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.labels import sector_of
from flows.core.model import CohortMention

# a stage word a group of the same projects is broken out by
_STAGE_WORD = re.compile(r"新开工|续建|新建|在建|开工|复工|竣工|投产|建成|完工")
_CLAUSE_END = "，,;；。:："
# a count with its classifier; compared by number, so that no pattern is compiled per call
_COUNT_AT = re.compile(r"(?<![\d.])(\d+)\s*[个项]")
# the groups of one report stand within a sentence or two of their frame
_REACH = 2


def _clause(evidence: str, count: int) -> str | None:
    """The clause holding the count `count` (up to the punctuation around it), or None."""
    m = next((c for c in _COUNT_AT.finditer(evidence) if int(c.group(1)) == count), None)
    if m is None:
        return None
    lo = max(evidence.rfind(c, 0, m.start()) for c in _CLAUSE_END) + 1
    ends = [i for i in (evidence.find(c, m.end()) for c in _CLAUSE_END) if i >= 0]
    return evidence[lo : min(ends) if ends else len(evidence)]


def _stage_only(m: CohortMention) -> bool:
    """The count's own clause names its projects only by their stage (6个新开工项目中 / 58个续建项目)."""
    if m.sector_code or m.project_name or m.size_min or m.region or not m.project_count:
        return False
    clause = _clause(m.evidence, m.project_count)
    return bool(clause and _STAGE_WORD.search(clause) and sector_of(clause) is None)


def stage_groups_in_frame(mentions: list[CohortMention]) -> None:
    """A count named only by a stage, within a sentence or two after a counted group of one sector
    and smaller than it, with no other group between, is that group's part and takes its sector."""
    frame: CohortMention | None = None
    for m in mentions:
        if m.sector_code and m.project_count and m.parent is None and not m.project_name:
            frame = m
            continue
        if frame is None:
            continue
        near = 0 <= m.sentence_index - frame.sentence_index <= _REACH
        if near and _stage_only(m) and m.project_count < frame.project_count:
            m.sector_code = frame.sector_code
        elif m.parent is None:
            frame = None
