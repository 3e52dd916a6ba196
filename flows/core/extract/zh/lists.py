"""分别 lists of one Chinese sentence: N counts or N amounts read as N cohorts, in order.

Counts right before a 分别 amount list are its items, each keeping its own subject
(开工项目32个、竣工项目15个,总投资分别为X、Y); N listed counts pair with the next N listed
amounts; the subject before 分别 splits on 和/与/及/、 into one subject per item. An amount list
alone is one project per amount when its items are named: before 分别 (A项目、B项目分别投资X、Y),
in an enumeration before it (分别是A项目和B项目,总投资分别为X和Y) or after it (分别投资X、Y,建设P和Q).
"""

from __future__ import annotations

import re

from flows.core.extract.zh.clauses import clause_start
from flows.core.extract.zh.labels import sector_of, stage_of
from flows.core.extract.zh.names import built_names, list_name
from flows.core.extract.zh.scan import BUILD_AFTER
from flows.core.extract.zh.tokens import Tok
from flows.core.model import CohortMention

ITEM_SPLIT = re.compile(r"[和与及、]")
_SEGMENT = re.compile(r"[;。]")
_NAMES_HEAD = re.compile(r"(?:分别是|分别为|包括|即)\s*:?(?P<items>[^,;。:]+)")


def inline_counts(s: str, toks: list[Tok]) -> None:
    """'开工项目32个、竣工项目15个,总投资分别为218.4亿元、63.5亿元': the counts right before a
    分别 amount list, one per amount, are its items (each keeps its own subject)."""
    amounts = [t for t in toks if t.kind == "amount" and t.listed and not t.used]
    if len(amounts) < 2 or any(t.kind == "count" and t.listed for t in toks):
        return
    run: list[Tok] = []
    for t in toks:
        if t.start >= amounts[0].start:
            break
        run = run + [t] if t.kind == "count" and not t.used else []
    run = run[-len(amounts) :]
    if (
        len(run) == len(amounts)
        and not _SEGMENT.search(s[run[0].start : amounts[0].start])
        and "其中" not in s[run[0].end : amounts[0].start]
    ):
        for c in run:
            c.listed = c.inline = True


def paired_lists(s: str, idx: int, toks: list[Tok], found: list) -> None:
    """分别 lists: N counts pair with the next N listed amounts; subjects split on 和/与/及/、."""
    counts = [t for t in toks if t.kind == "count" and t.listed and not t.used]
    amounts = [t for t in toks if t.kind == "amount" and t.listed and not t.used]
    lead = counts or amounts
    if len(lead) < 2:
        return
    first = lead[0].start
    at = s.rfind("分别", 0, first)
    lo = clause_start(s, at if at >= 0 else first, soft=False)
    parts = [p for p in ITEM_SPLIT.split(s[lo : at if at >= 0 else first]) if p]
    if counts:
        paired = [a for a in amounts if a.start > counts[-1].end][: len(counts)]
        paired = paired if len(paired) == len(counts) else [None] * len(counts)
    else:
        paired, counts = amounts, [None] * len(amounts)
    prev = lo
    names = [list_name(p) for p in parts] if not counts[0] and len(parts) == len(counts) else []
    if not all(names):  # every item a project, or none of them is
        names = []
    if not counts[0] and not names:  # 分别是A项目和B项目,总投资分别为X和Y
        names = _listed_names(s, lo, first, len(amounts))
    if not counts[0] and not names:  # A、B分别投资X、Y,建设P和Q: one project each
        build = BUILD_AFTER.match(s[amounts[-1].end :])
        built = built_names(s[amounts[-1].end + build.end() :]) if build else []
        names = built if len(built) == len(amounts) else []
    for i, (c, a) in enumerate(zip(counts, paired)):
        subject = parts[i] if len(parts) == len(counts) else s[lo:first]
        if c and c.inline:
            subject, prev = s[max(prev, clause_start(s, c.start)) : c.end], c.end
        name = names[i] if names else None
        m = CohortMention(
            evidence=s, sentence_index=idx, project_count=int(c.value) if c else 1 if name else None, project_name=name
        )
        if a:
            a.used = True
            m.amount, m.currency, m.approximate = a.value, a.currency, a.approx
        if c:
            c.used = True
        m.sector_code = sector_of(name, head="left") if name else sector_of(subject)
        found.append(((c or a).start, m, {"own": stage_of(subject), "before": s[:first], "named": bool(name)}))


def _listed_names(s: str, lo: int, first: int, n: int) -> list[str]:
    """Names enumerated in the clause before a 分别 amount list (两个项目…,分别是A项目和B项目,总投资
    分别为X和Y): one per amount, every item a project."""
    seg = max(s.rfind(";", 0, first), s.rfind("。", 0, first)) + 1
    heads = list(_NAMES_HEAD.finditer(s, seg, lo))
    if not heads:
        return []
    last = heads[-1]
    names = [list_name(p) for p in ITEM_SPLIT.split(last.group("items")) if p]
    return names if len(names) == n and all(names) else []
