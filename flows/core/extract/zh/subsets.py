"""Append one Chinese sentence's cohort mentions in text order, linking subsets and stages.

A mention after 其中 is a subset (`parent`) of the last top-level cohort before it (in the
sentence, else the article so far) and keeps a band stated on that parent (亿元以上项目36个,
其中…); a mention after a frame (在签下的42个项目中,) is a subset of the cohort with the frame's
count, else of an earlier top-level cohort with the frame's stage, else of the article's first.
A mention without a stage verb of its own takes the frame's or its parent's stage, else the last
verb before it, else the first after it in its segment.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.labels import stage_of
from flows.core.model import CohortMention

_SEGMENT = re.compile(r"[;。]")
_LIST_HEAD = re.compile(r"分别(?:为|是)\s*:")  # a breakdown of the count before it
# a count of one whose project is named right after it: 百亿元级项目1个,为总投资120亿元的A项目
_ONE_IS_NAMED = re.compile(r"[^,;。]*?[1一]\s*[个项宗]\s*,\s*(?:即|为|是)\s*(?:总?投资(?:额)?(?:为|达|约)?)?\s*")


def _names_one(s: str, prev: tuple[int, CohortMention] | None, pos: int, m: CohortMention) -> bool:
    """m names the project of the count of one before it (prev): it gives that cohort its
    amount, name and sector (the count's band stays)."""
    if prev is None or not m.project_name or m.amount is None:
        return False
    at, o = prev
    if o.project_count != 1 or o.amount is not None or o.project_name or not _ONE_IS_NAMED.fullmatch(s, at, pos):
        return False
    o.amount, o.currency, o.approximate = m.amount, m.currency, m.approximate
    o.project_name, o.sector_code = m.project_name, m.sector_code or o.sector_code
    return True


def _fallback_stage(hints: dict) -> str | None:
    """No stage of its own: the last verb before it, else the first after it in its segment,
    before a 其中 list (hints hold the texts; the lexicon runs only when needed)."""
    before = stage_of(hints["before"], last=True)
    if before or "after" not in hints:
        return before
    return stage_of(_SEGMENT.split(hints["after"], 1)[0].split("其中", 1)[0])  # not its subsets' verbs


def _frame_parent(out: list[CohortMention], m: CohortMention, ref, frame_stage, state: dict) -> int | None:
    """The cohort a framed mention belongs to: the one with the frame's count, else an earlier
    top-level cohort of the frame's stage, else the article's first."""
    refs = [
        i
        for i, o in enumerate(out)
        if ref
        and o.project_count == ref
        and (o.amount is not None or o.size_min is not None or o.sentence_index == m.sentence_index)
    ]
    same = [
        i
        for i, o in enumerate(out)
        if frame_stage
        and o.parent is None
        and o.stage == frame_stage
        and o.project_name is None
        and o.sentence_index < m.sentence_index
    ]
    return refs[0] if refs else same[0] if same else state["first_top"]


def _keeps_band(out: list[CohortMention], m: CohortMention, s: str, subset: bool, ref) -> bool:
    """A subset takes its parent's band: a 其中 item of a banded group in the same sentence
    (亿元以上项目36个,其中…), or an item under a frame naming the group by its count
    (投资5000万元以上在建项目96个…。96个在建项目中,…)."""
    if m.parent is None or m.parent >= len(out) or m.project_name is not None:
        return False
    if m.size_min is not None or m.size_max is not None:
        return False
    parent = out[m.parent]
    return (subset and parent.evidence == s) or (bool(ref) and not subset and parent.project_count == ref)


def link(s: str, found: list, out: list[CohortMention], state: dict, frames: list, frame_refs: dict) -> None:
    """Append in text order; 其中 / 在…项目中 make subsets of the cohort they refer to (the last
    frame before a mention is its frame: 签约项目中,…;开工项目中,…)."""
    n0 = len(out)
    found.sort(key=lambda x: x[0])
    sentence_tops: list[tuple[int, int]] = []
    prev: tuple[int, CohortMention] | None = None
    for pos, m, hints in found:
        if hints.get("named") and _names_one(s, prev, pos, m):
            continue
        frame = next((f for f in reversed(frames) if pos >= f.end()), None) if frames else None
        frame_stage = stage_of(frame.group()) if frame else None
        ref = frame_refs.get(frame.start()) if frame else None
        q = s.rfind("其中", 0, pos)
        framed = subset = False
        head = _LIST_HEAD.search(s, sentence_tops[-1][0], pos) if sentence_tops and not hints.get("named") else None
        if q >= 0 and not _SEGMENT.search(s, q, pos):
            subset = True  # a 其中 item is never the parent of the next one
            earlier = [i for p, i in sentence_tops if p < q]
            m.parent = earlier[-1] if earlier else state["last_top"]
        elif head and not _SEGMENT.search(s, head.start(), pos):  # 亿元以上项目251个,分别为:A县58个、…
            subset, m.parent = True, sentence_tops[-1][1]
        elif frame:
            framed = True
            m.parent = _frame_parent(out, m, ref, frame_stage, state)
        stage = hints.get("own") or (frame_stage if framed else None)
        if _keeps_band(out, m, s, subset, framed and ref):
            m.size_min, m.size_max = out[m.parent].size_min, out[m.parent].size_max
        if not stage and m.parent is not None and m.parent < len(out):
            stage = out[m.parent].stage
        m.stage = stage or state.get("list_stage") or _fallback_stage(hints)
        m.extra["explicit_stage"] = bool(hints.get("own"))
        out.append(m)
        prev = (pos, m)
        if m.parent is None and not hints.get("named") and not subset and not framed:
            state["last_top"] = len(out) - 1
            if state.get("first_top") is None:
                state["first_top"] = len(out) - 1
            sentence_tops.append((pos, len(out) - 1))
        elif framed and not hints.get("named"):  # 在签约项目中,制造业项目38个,…,其中…: its 其中 parent
            sentence_tops.append((pos, len(out) - 1))
    _list_stage(s, sentence_tops, out, state)
    _zip_parallel(s, out, n0, state)
    _partition_total(out, n0)


def _list_stage(s: str, tops: list[tuple[int, int]], out: list[CohortMention], state: dict) -> None:
    """「開工一批」項目617個,總投資X,具體如下: the lines after a head that ends on a colon take its
    stage when they have none of their own; a later head with a verb of its own ends the list."""
    staged = [out[i] for _, i in tops if out[i].extra.get("explicit_stage")]
    if s.rstrip().endswith(":") and staged:
        state["list_stage"] = staged[-1].stage
    elif staged:
        state["list_stage"] = None


def _partition_total(out: list[CohortMention], n0: int) -> None:
    """重点项目94个,其中续建17项,新建77项,总投资X: after 其中 items that add up to their
    parent's count, an amount on the last item is the parent's total."""
    for i in range(n0, len(out)):
        p = out[i]
        if p.amount is not None or not p.project_count or p.parent is not None:
            continue
        kids = [m for m in out[i + 1 :] if m.parent == i]
        if not kids or len(kids) < 2 or any(m.project_count is None or m.project_name for m in kids):
            continue
        last = kids[-1]
        if last.amount is None or not (sum(m.project_count for m in kids) == p.project_count or _band_split(p, kids)):
            continue
        if any(m.amount is not None for m in kids[:-1]):
            continue
        named = _named_item(last, kids)
        if named is not None:  # 其中实施项目195个,前期推进项目25个,实施项目总投资X: the 实施 item's
            named.amount, named.currency, named.approximate = last.amount, last.currency, last.approximate
            named.alt_amount, named.alt_currency = last.alt_amount, last.alt_currency
            last.amount = last.currency = last.alt_amount = last.alt_currency = None
            continue
        p.amount, p.currency, p.approximate = last.amount, last.currency, last.approximate
        p.alt_amount, p.alt_currency = last.alt_amount, last.alt_currency
        last.amount = last.currency = last.alt_amount = last.alt_currency = None


_ITEM_TOTAL = re.compile(r"([^\d,;。、:\s]{2,6})\s*项目\s*(?:计划)?总投资")


def _named_item(last: CohortMention, kids: list[CohortMention]) -> CohortMention | None:
    """The earlier 其中 item a total after the last one names by its noun (实施项目总投资X after
    实施项目195个,前期推进项目25个), else None."""
    text = last.evidence or ""
    for m in _ITEM_TOTAL.finditer(text) if "项目" in text else ():
        said = re.compile(rf"{re.escape(m.group(1))}\s*项目\s*(\d+)\s*[个项宗]")
        counts = {int(c) for c in said.findall(text, 0, m.start())}
        for kid in kids[:-1]:
            if kid.project_count in counts:
                return kid
    return None


# a total right after the last 其中 item's count: …、1至10亿级项目6个,总投资额为X
_TOTAL_AFTER_ITEM = re.compile(
    r"[个项宗]\s*[,、]\s*(?:协议|计划|签约)?总投资(?:额|总额)?(?:为|达到?|约)?\s*[\d一二三四五六七八九十]"
)


def _band_split(p: CohortMention, kids: list[CohortMention]) -> bool:
    """其中 items that split their parent by size band (其中,100亿级项目1个、…、1至10亿级项目6个,
    总投资额为X): a total named right after the last item is the parent's."""
    bands = [(m.size_min, m.size_max) for m in kids]
    if any(b == (None, None) or b == (p.size_min, p.size_max) for b in bands):
        return False
    ev = kids[-1].evidence or ""
    return ev == p.evidence and _TOTAL_AFTER_ITEM.search(ev) is not None


def _zip_parallel(s: str, out: list[CohortMention], n0: int, state: dict) -> None:
    """共签约项目26个,其中合同项目23个,协议项目3个;签约项目总投资X,其中合同资金Y,协议资金Z: the
    counts, then past a ; as many amounts in the same order (top, then its 其中 items): one
    cohort per pair."""
    new = out[n0:]
    k = len(new) // 2
    if k < 2 or len(new) % 2 or ";" not in s:
        return
    counts, amounts = new[:k], new[k:]
    if any(m.amount is not None or m.project_count is None or m.project_name for m in counts):
        return
    if any(m.project_count is not None or m.amount is None or m.project_name for m in amounts):
        return
    if counts[0].parent is not None or amounts[0].parent is not None:
        return
    if any(m.parent != n0 for m in counts[1:]) or any(m.parent != n0 + k for m in amounts[1:]):
        return
    for c, a in zip(counts, amounts):
        c.amount, c.currency, c.approximate = a.amount, a.currency, a.approximate
        c.alt_amount, c.alt_currency = a.alt_amount, a.alt_currency
        c.sector_code = c.sector_code or a.sector_code
    del out[n0 + k :]
    for key in ("last_top", "first_top"):
        if state.get(key) is not None and state[key] >= n0 + k:
            state[key] = n0
