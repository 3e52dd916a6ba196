"""Article-level merging of cohort mentions, and the one table of "the same amount".

`TOLERANCES` (flows/lexicons/tolerances.csv) says when two amounts are one amount; the
language packages, fact resolution and the DQ checks all read it. `dedupe` folds a cohort the
article repeats into its first statement.
"""

from __future__ import annotations

from functools import lru_cache

from flows.core.lexicon import load
from flows.core.model import CohortMention


@lru_cache(maxsize=1)
def _tolerances() -> dict[str, float]:
    return {row["name"]: float(row["relative"]) for row in load("tolerances")}


def tolerance(name: str) -> float:
    """The relative tolerance called `name` in flows/lexicons/tolerances.csv."""
    return _tolerances()[name]


def close(a: float | None, b: float | None, name: str) -> bool:
    """Whether a and b are one amount under tolerance `name` (False when either is missing)."""
    return a is not None and b is not None and abs(a - b) <= tolerance(name) * max(abs(a), abs(b))


_GROUP_LABELS = ("sector_code", "region", "size_min", "size_max")


def other_group(a: CohortMention, b: CohortMention) -> bool:
    """Two count-only mentions with the same count but different labels are two groups
    ('新能源项目4个…生物医药项目4个', 'four in Hefei … four in Wuhu'), and so are two that each
    carry a kind of label the other lacks (新能源项目4个 by sector, 亿元以上项目4个 by band)."""
    if a.amount is not None or b.amount is not None:
        return False
    at_a, at_b = a.extra.get("field_item_at"), b.extra.get("field_item_at")
    if at_a is not None and at_b is not None and a.sentence_index == b.sentence_index and at_a != at_b:
        return True  # 'five headquarters economy projects, five modern commerce projects': two items
    restated = a.sentence_index == b.sentence_index and b.extra.get("restates")  # '..., and the 6 A projects'
    if (a.sentence_index == b.sentence_index or a.region) and a.stage and b.stage and a.stage != b.stage:
        if not restated:
            return True  # 新签约项目9个,…,新竣工项目9个 / a place's 3 started, its 3 completed: two groups
    if {a.stage, b.stage} == {"started", "completed"} and a.sentence_index and b.sentence_index:
        return True  # ■ 新开工30项 … ■ 基本建成30项 (a title's may restate either): started and finished, two groups
    if any(
        getattr(a, attr) is not None and getattr(b, attr) is not None and getattr(a, attr) != getattr(b, attr)
        for attr in _GROUP_LABELS
    ):
        return True
    kinds_a, kinds_b = _label_kinds(a), _label_kinds(b)
    return bool(kinds_a - kinds_b) and bool(kinds_b - kinds_a)


def _label_kinds(m: CohortMention) -> set[str]:
    """The kinds of group label a mention carries: sector, region, band, stage."""
    kinds = {attr for attr in ("sector_code", "region", "stage") if getattr(m, attr) is not None}
    if m.size_min is not None or m.size_max is not None:
        kinds.add("band")
    return kinds


def dedupe(mentions: list[CohortMention]) -> list[CohortMention]:
    """A cohort the article repeats is one row: same count, amount (to 10,000 units), currency
    and name -> keep the first, fill its empty labels from the repeats, re-point parents."""
    kept: list[CohortMention] = []
    where: dict[tuple, list[int]] = {}
    remap: dict[int, int] = {}
    for i, m in enumerate(mentions):
        key = (m.project_count, None if m.amount is None else round(m.amount, -4), m.currency, m.project_name)
        same = next((k for k in where.get(key, ()) if not other_group(kept[k], m)), None)
        if same is not None:
            first = kept[same]
            for attr in ("stage", "sector_code", "region", "alt_amount", "alt_currency"):
                if getattr(first, attr) is None and getattr(m, attr) is not None:
                    setattr(first, attr, getattr(m, attr))
            if first.size_min is None and first.size_max is None:  # a band moves whole
                first.size_min, first.size_max, first.size_currency = m.size_min, m.size_max, m.size_currency
            remap[i] = same
            continue
        where.setdefault(key, []).append(len(kept))
        remap[i] = len(kept)
        kept.append(m)
    for m in kept:
        if m.parent is not None:
            m.parent = remap.get(m.parent)
    return kept
