"""Restatements among an English article's cohort mentions.

A headline blending two body cohorts ("42 deals, German investment tops 1.1 billion euros":
one cohort's count, another's amount) is dropped; exact repeats, and rounded or approximate
repeats of a precise cohort ("nearly 280 deals" for 277, "more than 580 billion" for 582.18
billion, a headline's "over 400 projects worth 280b yuan", an amount restated in another
currency) are folded into the cohort they restate, whose missing labels they fill in.
"""

from __future__ import annotations

import re

from flows.core.extract.en.context import keep_amount
from flows.core.extract.en.count_refusals import MORE_NOUN, MORE_PROJECTS
from flows.core.extract.en.headline_rounding import rounds_headline, rounds_headline_count, title_line, title_text
from flows.core.extract.en.labels import sector_terms, stage_terms
from flows.core.extract.en.numbers import find_amounts
from flows.core.extract.merge import other_group
from flows.core.model import CohortMention

NEAR = 0.05  # "more than 580 billion" restates 582.18 billion
SAME = 0.005  # the scorer's own tolerance
# labels a restatement carries over to the cohort it restates
LABELS = (
    "sector_code",
    "size_min",
    "size_max",
    "size_currency",
    "region",
    "alt_amount",
    "alt_currency",
    "project_name",
)


def _close(a: float | None, b: float | None, tol: float) -> bool:
    return a is not None and b is not None and abs(a - b) <= tol * max(abs(a), abs(b))


def _amount_near(m: CohortMention, n: CohortMention, tol: float) -> bool:
    """m's amount restates n's amount or n's conversion, within tol, same currency."""
    if m.amount is None:
        return False
    if n.amount is not None and m.currency == n.currency and _close(m.amount, n.amount, tol):
        return True
    return n.alt_amount is not None and m.currency == n.alt_currency and _close(m.amount, n.alt_amount, tol)


def _states_amount_of(m: CohortMention, n: CohortMention) -> bool:
    """Whether m's sentence, which bound no amount to its count, states n's amount."""
    text = m.evidence or ""
    if m.size_min is not None or m.size_max is not None or not m.project_count or m.project_count < 2:
        return False  # '1 project of over 10 billion and 3 of over 5 billion': bands
    return bool(n.amount and any(c.isdigit() for c in text)) and any(
        a.currency == n.currency and _close(a.value, n.amount, SAME) for a in find_amounts(text)
    )


def _covers(n: CohortMention, m: CohortMention) -> bool:
    """True when precise cohort n already states what mention m restates."""
    if n is m or n.amount is None or (m.sector_code and n.sector_code and m.sector_code != n.sector_code):
        return False  # '80 infrastructure projects, 80 livelihood projects': not a repeat
    if m.amount is None and m.project_count == n.project_count and _states_amount_of(m, n):
        return True  # a title's 'with a total investment of X, ... has started and completed N projects'
    if m.amount is None and "more" in (m.evidence or "") and MORE_PROJECTS.search(m.evidence or ""):
        return False  # 'Seven more projects were signed online' after seven signed: further ones
    if (
        m.amount is None
        and m.extra.get("explicit_stage")
        and n.extra.get("explicit_stage")
        and m.stage != n.stage
        and m.sentence_index != n.sentence_index
        and not (title_line(m) and m.project_count == n.project_count and n.sentence_index > m.sentence_index)
    ):  # (a title's '8 projects launched' restates the body's eight signed with their total)
        return False  # '6 projects were signed ... 6 industrial projects will begin work': two groups
    if m.sector_code and not n.sector_code and n.size_min is not None and m.size_min is None:
        return False  # '7 projects each over 1 billion yuan ... 7 environmental ones': by band, by field
    if m.project_count is not None:
        if n.project_count != m.project_count:
            # 'nearly 280 deals signed' restates the 277 projects of a precise cohort, and a
            # headline's 'over 400 projects worth 280b yuan' the body's 412 and 283.6 billion
            if not (
                m.approximate
                and m.size_min is None
                and n.project_count is not None
                and not m.extra.get("subset")
                and _close(float(m.project_count), float(n.project_count), NEAR)
            ):
                return rounds_headline_count(m, n)  # a title's 'Over 600 deals signed' for the body's 638
            return m.amount is None or (m.sentence_index == 0 and _amount_near(m, n, NEAR))
        if m.amount is None:  # (a headline's '400 projects above 100 million yuan' restated with their total;
            # in the body the same count and band may be another place's or period's group)
            return (m.size_min, m.size_max) == (None, None) or (
                _headline(m) and (m.size_min, m.size_max) == (n.size_min, n.size_max)
            )
        if m.currency != n.currency:  # a title's '$10 bln' for '65.72 billion yuan (about $10.1 billion)'
            return _amount_near(m, n, SAME) or (title_line(m) and _amount_near(m, n, NEAR)) or rounds_headline(m, n)
        if not _amount_near(m, n, NEAR):
            return rounds_headline(m, n)  # '19 projects ... more than 20 billion' for 21.946
        return (m.approximate and not n.approximate) or (
            _fewer_digits(m.amount, n) and (title_line(m) or _amount_near(m, n, SAME))
        )
    if n.project_count is None:  # a headline's '41 bln USD' rounds the body's 41.52 billion
        return (  # (or repeats its conversion: '$13.55 bln' for 'CN¥96.37 billion (US$13.55 billion)')
            title_line(m)
            and n.sentence_index > m.sentence_index
            and _amount_near(m, n, NEAR)
            and (m.approximate or _fewer_digits(m.amount, n) or _amount_near(m, n, SAME))
        )
    return (
        _amount_near(m, n, SAME)
        or (_amount_near(m, n, NEAR) and (m.approximate or title_line(m) or _fewer_digits(m.amount, n)))
        or rounds_headline(m, n)  # a title's 'projects worth over 5 bln USD' for 5.85 billion
    )


def _headline(m: CohortMention) -> bool:
    """m stands on a headline line, one with no full stop (a page with no title line opens on
    a sentence of its body)."""
    return title_line(m) and (m.evidence or "").rstrip()[-1:] not in ".;:"


def _rounds_count(m: CohortMention, n: CohortMention) -> bool:
    """A headline's count-only '2,000 projects' rounds the body's count-only 2,046."""
    if m.sentence_index != 0 or n.sentence_index == 0 or m.amount is not None or n.amount is not None:
        return False
    mc, nc = m.project_count, n.project_count
    if mc is None or nc is None or mc == nc or m.size_min is not None or m.extra.get("subset"):
        return False
    return _close(float(mc), float(nc), NEAR) and len(str(mc).rstrip("0")) < len(str(nc).rstrip("0"))


def _fewer_digits(value: float, n: CohortMention) -> bool:
    """'USD 38 billion' is a rounding of 38.97 billion: fewer significant digits."""

    def digits(v: float) -> int:
        return len(f"{v:.6g}".replace(".", "").replace("-", "").split("e")[0].rstrip("0"))

    others = [v for v in (n.amount, n.alt_amount) if v is not None]
    return any(digits(value) < digits(v) for v in others)


def drop_headline_blends(mentions: list[CohortMention]) -> list[CohortMention]:
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


def _mixed_headline(m: CohortMention) -> bool:
    """A headline naming several fields as its deals' modifiers ('NEV, chip deals worth 88b
    yuan') sums up the event's draws: the body cohort it restates is of no one of them (but
    'attracts 61 billion yuan in health care and cultural tourism' says where the sum went,
    unlike '2.9bn yuan in farm and services projects')."""
    if m.sentence_index != 0 or m.sector_code is None:
        return False
    text = m.evidence or ""
    terms = sector_terms(text)
    if len({c for *_, c in terms}) < 2:
        return False
    put = _AMOUNT_IN.search(text)
    return not (put and put.end() <= terms[0][0] and not _DEALS.search(text, put.end()))


# 'attracts 61 billion yuan in health care and cultural tourism': the fields the sum went to
_AMOUNT_IN = re.compile(r"(?:yuan|dollars|euros|bn|billion|million)\s+in\s+(?!total\b)", re.I)
_DEALS = re.compile(r"\b(?:projects|deals|contracts)\b", re.I)  # '... yuan in farm and services projects


def _merge_into(n: CohortMention, m: CohortMention) -> None:
    for attr in LABELS:
        if attr == "sector_code" and _mixed_headline(m):
            continue
        if getattr(n, attr) is None and getattr(m, attr) is not None:
            setattr(n, attr, getattr(m, attr))
    if not n.extra.get("explicit_stage") and m.extra.get("explicit_stage"):
        n.stage = m.stage
        n.extra["explicit_stage"] = True


def _key(m: CohortMention) -> tuple:
    return (
        m.project_count,
        None if m.amount is None else round(m.amount, -4),
        m.currency,
        m.project_name,
        m.size_min,
        m.size_max,
    )


def _stage_told_apart(m: CohortMention, n: CohortMention, sentences: list[str]) -> bool:
    """A headline's count under another stage than body cohort n's ('Hefei signs 8 projects'
    over 8 started) is a second batch when a body line of its own tells that stage of as many
    further projects ('On Friday, it signed 8 more projects')."""
    if not (title_line(m) and m.amount is None and m.stage != n.stage and m.extra.get("explicit_stage")):
        return False
    count = re.compile(
        rf"(?<![\d.,]){m.project_count}{MORE_NOUN}|\banother\s+{m.project_count}\s+(?:[\w-]+\s+){{0,2}}?projects\b",
        re.I,
    )
    return any(
        i not in (m.sentence_index, n.sentence_index)
        and not title_text(i, text)
        and count.search(text) is not None
        and any(stage == m.stage for _, _, stage in stage_terms(text))
        for i, text in enumerate(sentences)
    )


def fold_restatements(mentions: list[CohortMention], sentences: list[str] | None = None) -> list[CohortMention]:
    """Drop restatements: exact repeats, and approximate/rounded/count-only echoes of a
    precise cohort (labels the echo carries are kept on the cohort it restates)."""
    dropped: set[int] = set()
    for i, m in enumerate(mentions):
        for j, n in enumerate(mentions):
            if j == i or j in dropped or (sentences and _stage_told_apart(m, n, sentences)):
                continue
            if _covers(n, m) or _rounds_count(m, n):
                _merge_into(n, m)
                dropped.add(i)
                break
    kept: list[CohortMention] = []
    where: dict[tuple, CohortMention] = {}
    for i, m in enumerate(mentions):
        if i in dropped:
            continue
        first = where.get(_key(m))
        if first is not None and not other_group(first, m):
            _merge_into(first, m)
            continue
        where.setdefault(_key(m), m)
        kept.append(m)
    return kept


def drop_trap_echoes(kept: list[CohortMention], sentences: list[str]) -> list[CohortMention]:
    """A headline's bare amount whose body figure is refused as a trap ('Lianjiang invests 5.5b
    yuan in key projects in H1' over '5.53 billion yuan worth of investment was completed')
    is that trap, rounded."""
    out = []
    for m in kept:
        if (
            m.project_count is None
            and m.amount is not None
            and not m.project_name
            and m.sentence_index <= 2
            and len(sentences[m.sentence_index]) < 130
            and not any(n is not m and (_amount_near(n, m, NEAR) or _amount_near(m, n, NEAR)) for n in kept)
            and _refused_later(m, sentences)
        ):
            continue
        out.append(m)
    return out


def _refused_later(m: CohortMention, sentences: list[str]) -> bool:
    for s in sentences[m.sentence_index + 1 :]:
        if "illion" not in s:
            continue
        for a in find_amounts(s):
            if a.currency == m.currency and _close(a.value, m.amount, NEAR) and not keep_amount(s, a):
                return True
    return False
