"""Article-level clean-up of Chinese cohorts: drop restated figures, fill stages.

A headline that restates a body figure (揽金6329亿 next to 6329.81亿元, or a bare count that
names a cohort already given with its amount) is not a second cohort; a cohort without a
stage verb takes the article's first stated stage, else 'promoted'.
"""
from __future__ import annotations

from flows.core.model import CohortMention

COVER_TOL = 0.01
ROUND_TOL = 0.15        # 逾三千亿 / 超8000亿元 restating 3156亿 / 8156.3亿 in another sentence
TITLE_ROUND_TOL = 0.25  # headlines round harder (超2000亿元 for 2386.7亿元); sentence 0 is the title


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= COVER_TOL * max(abs(a), abs(b))


def _covered(m: CohortMention, others: list[CohortMention]) -> CohortMention | bool:
    """The more precise cohort that restates m (True when m is simply not a cohort), else False."""
    if m.project_name is not None or m.size_min is not None or m.size_max is not None:
        return False
    rounded = _rounded_restatement(m, others)
    if rounded is not None:
        return rounded
    if m.project_count is None and m.amount is not None:
        for o in others:
            if o is m or o.amount is None or o.currency != m.currency:
                continue
            if not _close(o.amount, m.amount):
                continue
            more_precise = o.project_count is not None or (m.approximate and not o.approximate)
            if more_precise or (o.amount != m.amount and _digits(o.amount) > _digits(m.amount)):
                return o
    if m.amount is None and m.project_count is not None:
        if m.project_count < 2:
            return True
        for o in others:
            if (m.sector_code is None and o is not m and o.project_count == m.project_count
                    and o.amount is not None):
                return o
    return False


def _rounded_restatement(m: CohortMention, others: list[CohortMention]) -> CohortMention | None:
    """An approximate round figure (超500亿元, 逾三千亿) of a precise cohort stated elsewhere."""
    if not m.approximate or m.amount is None or _significant(m.amount) > 2:
        return None
    for o in others:
        if (o is m or o.approximate or o.amount is None or o.currency != m.currency
                or o.sentence_index == m.sentence_index or o.project_name is not None
                or o.size_min is not None or o.size_max is not None):
            continue
        if m.project_count not in (None, o.project_count):
            continue
        tol = TITLE_ROUND_TOL if m.sentence_index == 0 else ROUND_TOL
        if abs(o.amount - m.amount) <= tol * max(o.amount, m.amount):
            return o
    return None


def _significant(x: float) -> int:
    return len(f"{x:.0f}".rstrip("0"))


def _digits(x: float) -> int:
    return len(f"{x:.4f}".rstrip("0").rstrip(".").rstrip("0"))


def finish(mentions: list[CohortMention]) -> list[CohortMention]:
    cover = [_covered(m, mentions) for m in mentions]
    remap: dict[int, int] = {}
    out: list[CohortMention] = []
    for i, m in enumerate(mentions):
        if cover[i] is False:
            remap[i] = len(out)
            out.append(m)
    for i, c in enumerate(cover):          # a dropped restatement's children follow its cover
        if isinstance(c, CohortMention):
            j = next(k for k, x in enumerate(mentions) if x is c)
            if j in remap:
                remap[i] = remap[j]
    article_stage = next((m.stage for m in out if m.stage and m.extra.get("explicit_stage")),
                         next((m.stage for m in out if m.stage), "promoted"))
    for m in out:
        m.parent = remap.get(m.parent) if m.parent is not None else None
        if not m.stage:
            m.stage = article_stage
        m.extra.pop("explicit_stage", None)
    return out
