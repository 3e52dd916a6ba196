"""Two counts of two stages and one total after them: the total is the two groups' sum.
'集中开工8个项目、签约10个项目,总投资X' / '开工项目15个,签约项目20个,总投资合计X': one cohort of
8+10 projects with X (its stage the first count's), and the two counts stay count-only cohorts.
Not when the second count has an amount of its own, when 其中 / 包括 makes the second a part of
the first, or when both counts state one stage. Called by zh.article's _sentence on its found list.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.tokens import Tok
from flows.core.model import CohortMention

_STAGES = frozenset(("started", "signed", "completed", "negotiating"))
# between the two counts: a join and the second's verb (、签约 / ,集中签约 / 和竣工)
_JOIN = re.compile(r"(?:个?项目)?\s*(?:、|,|和|及|以及)\s*(?:和|及)?[^,;。、\d其包含]{0,10}")
# between the second count and the total: its clause's end and a word of a sum
_SUM_GAP = re.compile(
    r"(?:个?项目)?\s*,\s*(?:[^,;。、\d]{0,6}?)(?:总投资额?|投资总额|总金额|总额|合计|共计|总计)"
    r"(?:额)?(?:合计|共计|总计|共)?(?:为|达到?|约|超过?|逾|近)?\s*"
)


def _entry(found: list, pos: int, pred) -> int | None:
    return next((i for i, (at, m, _) in enumerate(found) if at == pos and pred(m)), None)


def stage_sum(s: str, idx: int, toks: list[Tok], found: list[tuple[int, CohortMention, dict]]) -> None:
    """Replace the second count's (or no count's) hold on a total after two stage counts by a
    cohort of their sum."""
    for c1, c2, a in zip(toks, toks[1:], toks[2:]):
        if (c1.kind, c2.kind, a.kind) != ("count", "count", "amount") or c1.listed or c2.listed:
            continue
        if not (_JOIN.fullmatch(s, c1.end, c2.start) and _SUM_GAP.fullmatch(s, c2.end, a.start)):
            continue
        i1 = _entry(found, c1.start, lambda m: m.amount is None)
        i2 = _entry(found, c2.start, lambda m, v=a.value: m.amount is None or m.amount == v)
        if i1 is None or i2 is None:
            continue
        own1, own2 = found[i1][2].get("own"), found[i2][2].get("own")
        if own1 not in _STAGES or own2 not in _STAGES or own1 == own2:
            continue
        m2 = found[i2][1]
        m2.amount = m2.currency = m2.alt_amount = m2.alt_currency = None
        m2.approximate = False
        found[:] = [f for f in found if not (f[0] == a.start and f[1].project_count is None)]
        total = CohortMention(
            evidence=s,
            sentence_index=idx,
            project_count=int(c1.value + c2.value),
            amount=a.value,
            currency=a.currency,
            approximate=a.approx,
            alt_amount=a.alt[0] if a.alt else None,
            alt_currency=a.alt[1] if a.alt else None,
        )
        total.extra["stage_sum"] = True
        found.append((a.start, total, {"own": own1, "before": s[: c1.start], "after": s[a.end :]}))
        found.sort(key=lambda f: f[0])
        return
