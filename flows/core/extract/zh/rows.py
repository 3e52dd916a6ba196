"""Chinese cohorts against the rows they sit in: a banded group whose total is under its count
times the band's floor (the figure is not the group's), and a row's part (开复工项目N个 after the
row's count and total; 预备项目N项 after the row's 正式项目) that takes the row's sector. Used by
zh.cohorts.finish.
"""

from __future__ import annotations

import re
from copy import copy

from flows.core.model import CohortMention


def explicit(m: CohortMention) -> bool:
    """The mention's stage came from its own words."""
    return bool(m.stage and m.extra.get("explicit_stage"))


def below_band(mentions: list[CohortMention]) -> list[CohortMention]:
    """…千万元以上项目71个,合同签约额七亿多元: a total under count × the band's floor cannot be the
    banded group's; the group keeps its count and the figure stands alone."""
    out = []
    for m in mentions:
        out.append(m)
        if not (m.amount and m.project_count and m.size_min and m.currency == (m.size_currency or "CNY")):
            continue
        if m.amount < 0.99 * m.project_count * m.size_min:
            alone = copy(m)
            alone.project_count = alone.size_min = alone.size_max = alone.parent = None
            alone.extra = {k: v for k, v in m.extra.items() if k == "explicit_stage"}
            m.amount = m.currency = m.alt_amount = m.alt_currency = None
            out.append(alone)
    return out


def row_part_sector(mentions: list[CohortMention]) -> None:
    """基础设施类正式项目68项,预备项目6项: the row's reserve is of its row's sector (the part under
    way, 新型化工项目32个,总投资X,开复工项目25个, is stage_frames.stage_parts_keep_sector's)."""
    for m in mentions:
        if m.amount is not None or not m.project_count or m.sector_code is not None:
            continue
        row = None
        for p in mentions:
            if p is m:
                break
            if p.sentence_index == m.sentence_index and p.project_count and _status_part(p.project_count, m):
                row = p
        if row is not None and row.sector_code and m.project_count <= row.project_count:
            m.sector_code = row.sector_code


# N个,预备项目M个 (every start, overlapping ones too: the numbers are compared, so that no
# pattern is compiled per call)
_STATUS_PAIR = re.compile(r"(?<!\d)(?=(\d+)\s*[个项],\s*(?:预备|储备|前期)项目\s*(\d+)\s*[个项])")
# N个,协议/合同/签约…
_COUNT_THEN_DEAL = re.compile(r"(?<![\d.])(?=(\d+)\s*[个项宗],\s*(?:协议|合同|签约))")


def _status_part(n: int, m: CohortMention) -> bool:
    return any(int(a) == n and int(b) == m.project_count for a, b in _STATUS_PAIR.findall(m.evidence))


def band_part_total_to_parent(mentions: list[CohortMention]) -> None:
    """签约24个项目,其中亿元以上项目9个,协议总投资X: an agreements' or contracts' total (协议/合同/签约…)
    right after a banded 其中 part, its parent in the same sentence given none, is the signing's, the
    parent's (其中…以上的项目18个,总投资X stays the part's)."""
    for m in mentions:
        if m.parent is None or m.amount is None or m.size_min is None or m.project_name or m.parent >= len(mentions):
            continue
        p = mentions[m.parent]
        if not any(int(a) == m.project_count for a in _COUNT_THEN_DEAL.findall(m.evidence)):
            continue
        if p.amount is None and p.project_count and p.sentence_index == m.sentence_index and p.size_min is None:
            p.amount, p.currency, p.approximate = m.amount, m.currency, m.approximate
            p.alt_amount, p.alt_currency = m.alt_amount, m.alt_currency
            m.amount = m.currency = m.alt_amount = m.alt_currency = None
