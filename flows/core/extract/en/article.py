"""English cohort rules: an article's sentences -> its cohort mentions.

Sentences after a "Related links" heading (other articles' headlines) are not read. Each
sentence is read by en_sentence; then, article-wide, headlines blending two body cohorts are
dropped, restatements and rounded or approximate repeats of a precise cohort are folded into
it, subsets ("among them", "of which") get a `parent`, "every project ..." floors go to the
headline cohort, and cohorts without a stage verb of their own inherit their parent's or the
article's dominant stage.
"""
from __future__ import annotations

import re

from flows.core.extract.en.labels import stage_counts
from flows.core.extract.en.sentence import sentence_mentions
from flows.core.model import CohortMention

NEAR = 0.05          # "more than 580 billion" restates 582.18 billion
SAME = 0.005         # the scorer's own tolerance
# a heading after which a web page lists other articles' headlines
_RELATED = re.compile(
    r"(?:related|read\s+more|see\s+also|more\s+(?:news|stories|reading)|recommended|"
    r"you\s+may\s+also\s+like)\b"
    r"(?:\s+(?:links?|stories|news|articles?|reports?|reading|coverage|content))?\s*[:：>»]?\s*$", re.I)
LABELS = ("sector_code", "size_min", "size_max", "region", "alt_amount", "alt_currency",
          "project_name")


def extract_en(sentences: list[str]) -> list[CohortMention]:
    mentions: list[CohortMention] = []
    every: list[tuple] = []
    for i, s in enumerate(sentences):
        if len(s) < 40 and _RELATED.match(s):
            sentences = sentences[:i]
            break
        found, bands = sentence_mentions(s, i)
        mentions.extend(found)
        every.extend(bands)
    if not mentions:
        return []
    kept = _fold(_drop_headline_blends(mentions))
    _assign_parents(kept)
    _apply_every_band(kept, every)
    _resolve_stages(kept, sentences)
    for m in kept:
        m.extra.pop("subset", None)
    return kept


def _close(a: float | None, b: float | None, tol: float) -> bool:
    return a is not None and b is not None and abs(a - b) <= tol * max(abs(a), abs(b))


def _amount_near(m: CohortMention, n: CohortMention, tol: float) -> bool:
    """m's amount restates n's amount or n's conversion, within tol, same currency."""
    if m.amount is None:
        return False
    if n.amount is not None and m.currency == n.currency and _close(m.amount, n.amount, tol):
        return True
    return n.alt_amount is not None and m.currency == n.alt_currency and \
        _close(m.amount, n.alt_amount, tol)


def _covers(n: CohortMention, m: CohortMention) -> bool:
    """True when precise cohort n already states what mention m restates."""
    if n is m or n.amount is None:
        return False
    if m.project_count is not None:
        if n.project_count != m.project_count:
            return False
        if m.amount is None:
            return m.size_min is None and m.size_max is None
        if m.currency != n.currency:
            return _amount_near(m, n, SAME)
        if not _amount_near(m, n, NEAR):
            return False
        return (m.approximate and not n.approximate) or (_fewer_digits(m.amount, n) and (
            m.sentence_index == 0 or _amount_near(m, n, SAME)))
    if n.project_count is None:
        return False
    return _amount_near(m, n, SAME) or (
        _amount_near(m, n, NEAR) and (m.approximate or m.sentence_index == 0 or
                                      _fewer_digits(m.amount, n)))


def _fewer_digits(value: float, n: CohortMention) -> bool:
    """'USD 38 billion' is a rounding of 38.97 billion: fewer significant digits."""
    def digits(v: float) -> int:
        return len(f"{v:.6g}".replace(".", "").replace("-", "").split("e")[0].rstrip("0"))
    others = [v for v in (n.amount, n.alt_amount) if v is not None]
    return any(digits(value) < digits(v) for v in others)


def _drop_headline_blends(mentions: list[CohortMention]) -> list[CohortMention]:
    """A headline pairing one body cohort's count with another's amount ("42 deals, German
    investment tops 1.1 billion euros") is two facts squeezed together, not a cohort."""
    body = [n for n in mentions if n.sentence_index > 0]
    out = []
    for m in mentions:
        if m.sentence_index == 0 and m.project_count is not None and m.amount is not None:
            same_count = [n for n in body if n.project_count == m.project_count]
            same_amount = [n for n in body if _amount_near(m, n, SAME)]
            if same_count and same_amount and not any(n in same_amount for n in same_count):
                continue
        out.append(m)
    return out


def _merge_into(n: CohortMention, m: CohortMention) -> None:
    for attr in LABELS:
        if getattr(n, attr) is None and getattr(m, attr) is not None:
            setattr(n, attr, getattr(m, attr))
    if not n.extra.get("explicit_stage") and m.extra.get("explicit_stage"):
        n.stage = m.stage
        n.extra["explicit_stage"] = True


def _key(m: CohortMention) -> tuple:
    return (m.project_count, None if m.amount is None else round(m.amount, -4), m.currency,
            m.project_name, m.size_min, m.size_max)


def _fold(mentions: list[CohortMention]) -> list[CohortMention]:
    """Drop restatements: exact repeats, and approximate/rounded/count-only echoes of a
    precise cohort (labels the echo carries are kept on the cohort it restates)."""
    dropped: set[int] = set()
    for i, m in enumerate(mentions):
        for j, n in enumerate(mentions):
            if j != i and j not in dropped and _covers(n, m):
                _merge_into(n, m)
                dropped.add(i)
                break
    kept: list[CohortMention] = []
    where: dict[tuple, CohortMention] = {}
    for i, m in enumerate(mentions):
        if i in dropped:
            continue
        first = where.get(_key(m))
        if first is not None:
            _merge_into(first, m)
            continue
        where[_key(m)] = m
        kept.append(m)
    return kept


def _larger(n: CohortMention, m: CohortMention) -> bool:
    compared = False
    if n.project_count is not None and m.project_count is not None:
        if n.project_count <= m.project_count:
            return False
        compared = True
    if n.amount is not None and m.amount is not None and n.currency == m.currency:
        if n.amount <= m.amount:
            return False
        compared = True
    return compared


def _assign_parents(kept: list[CohortMention]) -> None:
    for i, m in enumerate(kept):
        if not m.extra.get("subset"):
            continue
        for j in range(i - 1, -1, -1):
            n = kept[j]
            if n.sentence_index == m.sentence_index and n.extra.get("subset"):
                continue  # a sibling in the same breakdown
            if _larger(n, m):
                m.parent = j
                break


def _apply_every_band(kept: list[CohortMention], every: list[tuple]) -> None:
    """'every project was valued at over ¥500 million' floors the headline cohort."""
    if not every:
        return
    roots = [m for m in kept if m.parent is None and m.project_count is not None
             and m.size_min is None and m.size_max is None]
    if roots:
        root = max(roots, key=lambda m: m.project_count)
        root.size_min, root.size_max = every[0]


def _resolve_stages(kept: list[CohortMention], sentences: list[str]) -> None:
    dominant = None   # tallied only when some cohort needs it (it costs a pass per article)
    for m in kept:
        if m.extra.get("explicit_stage") and m.stage:
            continue
        parent = kept[m.parent] if m.parent is not None else None
        if parent is not None and parent.stage:
            m.stage = parent.stage
            continue
        if dominant is None:
            tally = stage_counts(sentences)
            dominant = tally.most_common(1)[0][0] if tally else "promoted"
        m.stage = dominant
