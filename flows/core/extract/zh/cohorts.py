"""Article-level clean-up of Chinese cohorts: drop restated figures, fill stages.

A headline that restates a body figure (揽金6329亿 next to 6329.81亿元, or a bare count that
names a cohort already given with its amount) is not a second cohort; a cohort without a
stage verb takes the article's first stated stage, else 'promoted'.
"""

from __future__ import annotations

import re

from flows.core.extract.zh.anaphora import join_anaphora
from flows.core.extract.zh.count_sector import basket_from_parts, lists_examples
from flows.core.extract.zh.counts import LIST_COUNT as _LIST_COUNT
from flows.core.extract.zh.key_lists import key_list
from flows.core.extract.zh.labels import breakdown_view, generic_only
from flows.core.extract.zh.numerals import parse_count
from flows.core.extract.zh.plan_parts import plan_parts
from flows.core.extract.zh.rows import band_part_total_to_parent, below_band, row_part_sector
from flows.core.extract.zh.rows import explicit as _explicit
from flows.core.extract.zh.same_noun import join_same_noun
from flows.core.extract.zh.stage_frames import stage_parts_keep_sector
from flows.core.model import CohortMention

# a count written as a round bound (逾百个, 近千个, 上百个, 千余个)
_ROUND_COUNT = re.compile(
    r"(?P<pre>逾|超过?|近|(?<!以)上|(?<![签节预])约)?\s*(?P<num>[一二两三四五六七八九]?[百千]|[1-9]0{1,3})"
    r"\s*(?P<more>余|多)?\s*[个项宗]"
)
# every _ROUND_COUNT match holds one: a pre-check
_ROUND_HINT = re.compile(r"[百千0]\s*(?:余|多)?\s*[个项宗]")
COVER_TOL = 0.01
# a parent's total restated on a 其中 item is written the same
SUBSET_TOL = 0.001
# 逾三千亿 / 超8000亿元 restating 3156亿 / 8156.3亿 in another sentence
ROUND_TOL = 0.15
# headlines round harder (超2000亿元 for 2386.7亿元); sentence 0 is the title
TITLE_ROUND_TOL = 0.25


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= COVER_TOL * max(abs(a), abs(b))


def _covered(m: CohortMention, others: list[CohortMention]) -> CohortMention | bool:
    """The more precise cohort that restates m (True when m is simply not a cohort), else False."""
    if m.project_name is not None:
        return False
    if m.size_min is not None or m.size_max is not None:
        return _banded_restatement(m, others)
    rounded = _rounded_restatement(m, others) or _truncated_restatement(m, others)
    if rounded is not None:
        return rounded
    if m.project_count is None and m.amount is not None:
        return _precise_amount(m, others)
    if m.amount is None and m.project_count is not None:
        return _count_restatement(m, others)
    if m.project_count is not None and m.sentence_index == 0:  # 千余个项目…总投资X over 1048个…
        o = _rounded_count(m, others)
        if o is not None and o.currency == m.currency and _close(o.amount, m.amount):
            return o
    return False


def _banded_restatement(m: CohortMention, others: list[CohortMention]) -> CohortMention | bool:
    """A headline's banded count (亿元以上项目36个) restated with its amount elsewhere."""
    if m.amount is None and m.project_count is not None:
        return next(
            (
                o
                for o in others
                if o is not m
                and o.project_count == m.project_count
                and o.amount is not None
                and (o.size_min, o.size_max) in ((m.size_min, m.size_max), _NO_BAND if _plain(m, o) else ())
            ),
            False,
        )
    return False


_NO_BAND = (None, None)


def _plain(m: CohortMention, o: CohortMention) -> bool:
    """o may restate the banded count m without its band: several projects, and o names no group
    of another kind (商贸物流等项目3个 after 10亿元以上项目3个 is another group)."""
    return m.project_count > 1 and o.sector_code is None and o.region is None


def _precise_amount(m: CohortMention, others: list[CohortMention]) -> CohortMention | bool:
    """An amount alone restated more precisely: with its count, unhedged, or with more digits."""
    for o in others:
        if o is m or o.amount is None or o.currency != m.currency:
            continue
        if not _close(o.amount, m.amount):
            continue
        more_precise = o.project_count is not None or (m.approximate and not o.approximate)
        if more_precise or (o.amount != m.amount and _digits(o.amount) > _digits(m.amount)):
            return o
    return False


def _count_restatement(m: CohortMention, others: list[CohortMention]) -> CohortMention | bool:
    """A count alone: no cohort when under 2; else the cohort stating it with an amount, as a
    round figure (逾百个) or as the same count (a title's, one without a sector of its own, or
    one of the same sector)."""
    if m.project_count < 2:
        return m.region is None  # 点军1个 in a list of places: that place's one project
    rounded = _rounded_count(m, others)
    if rounded is not None:
        return rounded
    listed = _LIST_COUNT.search(m.evidence or "")  # 长沙县、浏阳分别签约项目6个、4个: list items
    for o in others:  # a subset (其中…13个) is not another group's restatement
        if listed and o.sentence_index != m.sentence_index and m.sentence_index != 0:
            continue
        if o is m or o.project_count != m.project_count or o.amount is None:
            continue
        if m.extra.get("sum_part") and o.sentence_index != m.sentence_index:
            continue  # 开工8个、签约10个,总投资X: a part of a stage sum is its own group (zh.stage_sum)
        if _own_stage_group(m, o, others):
            continue
        if (m.sector_code is None or m.sentence_index == 0) and (m.parent is None or m.parent == o.parent):
            return o  # the title restates the body
        if m.sector_code is not None and o.sector_code is None and lists_examples(m.evidence or ""):
            return o  # 16个项目集中签约,总投资X。16个签约项目包括A、B等: the same group, its sector named
        if m.sector_code is not None and o.sector_code == m.sector_code:
            return o  # 服务业项目以97个居首 … 服务业项目97个,投资额X: the same sector's group again
    return False


def _own_stage_group(m: CohortMention, o: CohortMention, mentions: list[CohortMention]) -> bool:
    """新型化工项目32个,总投资X,开复工项目25个 … 装备制造项目25个,总投资Y: a count with a stage verb of
    its own, after its sentence's group with count and total, is that group's part under way,
    not the equal-count cohort (stated without that verb) restated; nor is a later count whose own
    stage differs from the one the cohort states (签约…8个项目,总投资X … 8个项目已开工建设)."""
    if m.sentence_index == 0 or not _explicit(m) or (_explicit(o) and o.stage == m.stage):
        return False
    if _explicit(o) and m.sentence_index > o.sentence_index and m.stage in ("started", "completed"):
        return True  # (…项目的顺利落地 restates the signed group: 落地 is no later step)
    for p in mentions:
        if p is m:
            return False
        if p.sentence_index == m.sentence_index and p.amount is not None and p.project_count:
            return True
    return False


def _rounded_count(m: CohortMention, others: list[CohortMention]) -> CohortMention | None:
    """A round count (逾百个, 近千个) restating a precise count that comes with its amount."""
    if not _ROUND_HINT.search(m.evidence or ""):
        return None
    rounds = [
        r
        for r in _ROUND_COUNT.finditer(m.evidence or "")
        if parse_count(r.group("num")) == m.project_count  # 签约项目逾百个: a rounded restatement
        and (r.group("pre") or r.group("more"))
    ]
    if not rounds:
        return None
    bound = m.sentence_index == 0 and any(r.group(0)[0] in "逾超上" for r in rounds)
    for o in others:
        if (
            o is not m
            and o.project_count
            and o.project_count != m.project_count
            and o.amount is not None
            and (
                abs(o.project_count - m.project_count) <= ROUND_TOL * m.project_count
                or (bound and o.sentence_index != 0 and m.project_count < o.project_count < 2 * m.project_count)
            )
        ):
            return o  # (a headline's 逾百个 for the body's 126个)
    return None


def _rounded_restatement(m: CohortMention, others: list[CohortMention]) -> CohortMention | None:
    """An approximate round figure (超500亿元, 逾三千亿) of a precise cohort stated elsewhere."""
    if not m.approximate or m.amount is None or _significant(m.amount) > 2:
        return None
    for o in others:
        if (
            o is m
            or o.amount is None
            or (o.approximate and _significant(o.amount) <= 2)  # 达1583亿元 is precise enough
            or o.currency != m.currency
            or o.sentence_index == m.sentence_index
            or o.project_name is not None
            or o.size_min is not None
            or o.size_max is not None
        ):
            continue
        if m.project_count not in (None, o.project_count):
            continue
        if m.sentence_index != 0 and m.stage and _explicit(o) and m.stage != o.stage:
            continue  # 另有一批约60亿元的项目集中开工 beside 56亿元 signed: another group
        tol = TITLE_ROUND_TOL if m.sentence_index == 0 else ROUND_TOL
        if abs(o.amount - m.amount) <= tol * max(o.amount, m.amount):
            return o
    if m.sentence_index == 0 and m.project_count is None and _LOWER_BOUND.search(m.evidence or ""):
        bare = not _CURRENCY_WORD.search(m.evidence or "")  # 逾千亿 with no 元: the body's currency
        for o in others:  # a headline's lower bound (签约逾百亿) of the body's total (186亿元)
            if (
                o is not m
                and o.sentence_index != 0
                and o.amount is not None
                and (o.currency == m.currency or bare)
                and o.project_name is None
                and o.size_min is None
                and m.amount <= o.amount < 2 * m.amount
            ):
                return o
    return None


# a round lower bound in a headline (逾百亿, 超千亿, 突破500亿)
_LOWER_BOUND = re.compile(
    r"(?:逾|超过?|突破|过)\s*(?:[一二两三四五六七八九]?[百千万]|[1-9]0*)\s*(?:余|多)?\s*(?:万亿|亿)"
)


_CURRENCY_WORD = re.compile(r"元|币|美金|港幣|镑|欧|円")


def _keep_stage(m: CohortMention, cover: CohortMention) -> None:
    """新签约项目61个。…61个项目协议总投资X: the cover without a verb takes the stage (and
    without a sector word the sector) the restatement it drops stated (same count)."""
    if _explicit(m) and not _explicit(cover) and m.project_count == cover.project_count:
        cover.stage, cover.extra["explicit_stage"] = m.stage, True
    if m.sector_code and not cover.sector_code and m.project_count == cover.project_count and m.project_count:
        if generic_only(m.evidence or ""):
            return  # 闽宁协作产业项目集中签约 21个项目…: the generic 产业项目 of an event name
        cover.sector_code = m.sector_code  # 8个现代农业项目集中签约 … 共有8个项目落户,合同投资X
    same = (m.project_count or 0) > 1 and m.project_count == cover.project_count
    if same and cover.size_min is None and cover.size_max is None:  # 66个过亿元项目…66个项目,总投资X
        cover.size_min, cover.size_max, cover.size_currency = m.size_min, m.size_max, m.size_currency


def _truncated_restatement(m: CohortMention, others: list[CohortMention]) -> CohortMention | None:
    """The same count with its amount cut to fewer digits (806亿 for 806.3亿元, 5096亿 for
    5096.7亿元): the precise statement is the cohort."""
    if m.amount is None or m.project_count is None:
        return None
    unit = _last_digit_unit(m.amount)
    for o in others:
        if (
            o is m
            or o.project_count != m.project_count
            or o.amount is None
            or o.currency != m.currency
            or o.project_name is not None
            or o.sentence_index == m.sentence_index
        ):
            continue
        if (
            o.amount != m.amount
            and abs(o.amount - m.amount) < unit
            and _digits(o.amount) > _digits(m.amount)
            and (m.sentence_index == 0 or (_significant(m.amount) >= 3 and m.stage == o.stage))
        ):
            return o  # the title, or a body restatement of the same group
    return None


def _last_digit_unit(x: float) -> float:
    """10 ** (place of the last non-zero digit): 80600000000 -> 1e8."""
    n, unit = int(round(x)), 1.0
    while n and n % 10 == 0:
        n //= 10
        unit *= 10
    return unit


def _significant(x: float) -> int:
    return len(f"{x:.0f}".rstrip("0"))


def _digits(x: float) -> int:
    return len(f"{x:.4f}".rstrip("0").rstrip(".").rstrip("0"))


def _parent_total_on_subset(mentions: list[CohortMention]) -> None:
    """签约项目68个,其中亿元以上项目15个,总协议资金X, where X was given to the 68 already: the
    amount after the 其中 item is its parent's total again, not the item's."""
    for m in mentions:
        if m.parent is None or m.amount is None or not m.project_count or m.project_name:
            continue
        n = mentions[m.parent].project_count if m.parent < len(mentions) else None
        if n and any(
            o is not m
            and o.project_count == n
            and o.amount is not None
            and o.currency == m.currency
            and abs(o.amount - m.amount) <= SUBSET_TOL * max(o.amount, m.amount)
            for o in mentions
        ):  # (415.9亿 and a 其中 item's own 414亿 are two totals)
            m.amount = m.currency = m.alt_amount = m.alt_currency = None


def finish(mentions: list[CohortMention]) -> list[CohortMention]:
    mentions = below_band(join_same_noun(join_anaphora(mentions)))
    row_part_sector(mentions)
    band_part_total_to_parent(mentions)
    basket_from_parts(mentions)  # 五大支柱产业的项目199个,其中电子信息项目34个…: the first part's sector
    stage_parts_keep_sector(mentions)  # 在建文旅项目608个。其中,116个项目已经投入运营: keeps 文旅
    plan_parts(mentions)  # 年度计划投资X。其中,A项目N个、计划投资Y: the parts' plans too
    _parent_total_on_subset(mentions)
    cover = [_covered(m, mentions) for m in mentions]
    remap: dict[int, int] = {}
    out: list[CohortMention] = []
    for i, m in enumerate(mentions):
        if cover[i] is False:
            remap[i] = len(out)
            out.append(m)
    for i, c in enumerate(cover):  # a dropped restatement's children follow its cover
        if isinstance(c, CohortMention):
            _keep_stage(mentions[i], c)
            j = next(k for k, x in enumerate(mentions) if x is c)
            if j in remap:
                remap[i] = remap[j]
    article_stage = next(
        (m.stage for m in out if m.stage and m.extra.get("explicit_stage")),
        next((m.stage for m in out if m.stage), "promoted"),
    )
    last = None  # the last stage stated so far: a named project with none of its own follows it
    for m in out:
        m.parent = remap.get(m.parent) if m.parent is not None else None
        if not m.stage:  # a subset whose parent took its stage only here (这些项目…,其中…)
            near = last if m.project_name or breakdown_view(m.evidence) else None
            fallback = "promoted" if key_list(m.evidence) else article_stage  # 全县重点项目50个: a list
            m.stage = (out[m.parent].stage if m.parent is not None else None) or near or fallback
        if m.extra.pop("explicit_stage", None):
            last = m.stage
    return out
