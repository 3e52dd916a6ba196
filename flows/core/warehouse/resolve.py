"""Resolve cohort mentions from many articles into facts: one event, one cohort, one row.

Mentions of one event (same event_id) from different articles are the same cohort when their
qualifiers agree (sector, size band, region, project name; stages unless one is the generic
'promoted') and their figures meet (equal project counts, or amounts within 2 %). A matched
mention whose figures differ is kept as a conflict: the fact takes the figures of its most
specific source, by this rule, in order: an exact amount over an approximate one; more
significant digits ("4 billion 280 million" over "4.2 billion"); count and amount over one of
them; the earliest published; the first file name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

import polars as pl

from flows.core.contract import BRIDGE_SCHEMA, FACT_SCHEMA
from flows.core.extract.merge import close, tolerance

AMOUNT_MEET = tolerance("restated_amount")  # two reports' amounts that name one cohort;
# within "same_amount" they agree, else the fact has a conflict
CHUNK_ROWS = 50_000  # mentions matched per chunk of whole events

QUALIFIERS = ("sector_code", "size_min", "size_max", "region")


class _Mention(NamedTuple):
    """One mention as the matching sees it (`quals` and `bucket` computed once)."""

    cohort_id: str
    article_id: str
    quals: tuple  # QUALIFIERS + the folded project name
    project_count: int | None
    amount: float | None
    amount_cny: float | None
    bucket: int | None  # see _bucket
    approximate: bool | None
    stage: str | None
    published_at: str | None
    source_file: str
    cohort_index: int


_COLUMNS = [
    "cohort_id",
    "article_id",
    *QUALIFIERS,
    "project_name",
    "project_count",
    "amount",
    "amount_cny",
    "approximate",
    "stage",
    "published_at",
    "source_file",
    "cohort_index",
]


@dataclass
class _Fact:
    mentions: list[_Mention] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


def _name(value: str | None) -> str | None:
    return None if value is None else "".join(value.lower().split())


def compatible(a: _Mention, b: _Mention) -> bool:
    if a.quals != b.quals:
        return False
    return a.stage == b.stage or "promoted" in (a.stage, b.stage) or None in (a.stage, b.stage)


def meet(a: _Mention, b: _Mention) -> bool:
    same_count = a.project_count is not None and a.project_count == b.project_count
    return same_count or close(a.amount_cny, b.amount_cny, "restated_amount")


def agree(a: _Mention, b: _Mention) -> bool:
    counts = a.project_count == b.project_count
    amounts = (a.amount_cny is None and b.amount_cny is None) or close(a.amount_cny, b.amount_cny, "same_amount")
    return counts and amounts


def _significant_digits(amount: float | None) -> int:
    if amount is None:
        return 0
    return len(f"{amount:.0f}".rstrip("0"))


def specificity(m: _Mention) -> tuple:
    """Sort key: the most specific source first (see the module docstring)."""
    return (
        bool(m.approximate) if m.amount is not None else True,
        -_significant_digits(m.amount),
        -((m.project_count is not None) + (m.amount is not None)),
        m.published_at or "9999",
        m.source_file,
        m.cohort_index,
    )


def resolve(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """mentions (fct_cohort_mention joined with its article) -> (facts, bridge fact->mention).

    Most events have one report: each mention is its own fact, in one vectorized step. Only
    events reported by several articles go through the matching below, which yields the
    bridge alone; the facts are then built from the chosen mentions, columnar."""
    if mentions.is_empty():
        return pl.DataFrame(schema=FACT_SCHEMA), pl.DataFrame(schema=BRIDGE_SCHEMA)
    mentions = mentions.with_columns(pl.col("cohort_id", "parent_cohort_id").cast(pl.String))
    multi = pl.col("article_id").n_unique().over("event_id") > 1
    single = mentions.filter(~multi).select(
        ("f:" + pl.col("cohort_id")).alias("fact_id"),
        "cohort_id",
        pl.lit("chosen").alias("role"),
        pl.lit(1, dtype=pl.Int32).alias("source_count"),
        pl.lit(False).alias("has_conflict"),
    )
    several = mentions.filter(multi)
    links = pl.concat([single, _resolve_several(several)]) if not several.is_empty() else single
    fact_of = links.select("cohort_id", pl.col("fact_id").alias("parent_fact_id"))
    facts = (
        links.filter(pl.col("role") == "chosen")
        .join(mentions, on="cohort_id", how="left")
        .join(fact_of, left_on="parent_cohort_id", right_on="cohort_id", how="left")
        .with_columns(pl.col("cohort_id").alias("chosen_cohort_id"))
        .select(list(FACT_SCHEMA))
        .cast(FACT_SCHEMA)
    )
    return facts, links.select(list(BRIDGE_SCHEMA))


def _resolve_several(mentions: pl.DataFrame) -> pl.DataFrame:
    """Bridge rows (fact_id, cohort_id, role, source_count, has_conflict) for events that more
    than one article reports, a chunk of whole events at a time."""
    alone = _alone(mentions)
    singles = mentions.filter(alone).select(
        ("f:" + pl.col("cohort_id")).alias("fact_id"),
        "cohort_id",
        pl.lit("chosen").alias("role"),
        pl.lit(1, dtype=pl.Int32).alias("source_count"),
        pl.lit(False).alias("has_conflict"),
    )
    ordered = (
        mentions.filter(~alone)
        .sort(["event_id", "published_at", "source_file", "cohort_index"], nulls_last=True)
        .select("event_id", *_COLUMNS)
    )
    return pl.concat([singles, *map(resolve_events, event_chunks(ordered))])


def event_chunks(ordered: pl.DataFrame) -> list[pl.DataFrame]:
    """Slices of about CHUNK_ROWS rows (more for a bigger event) that never split an event."""
    events = ordered["event_id"]
    starts = (events != events.shift(1)).fill_null(True).arg_true().to_list() + [ordered.height]
    chunks, first = [], 0
    while first < len(starts) - 1:
        last = first + 1
        while last < len(starts) - 1 and starts[last] - starts[first] < CHUNK_ROWS:
            last += 1
        chunks.append(ordered.slice(starts[first], starts[last] - starts[first]))
        first = last
    return chunks


def resolve_events(chunk: pl.DataFrame) -> pl.DataFrame:
    """Bridge rows of a chunk of whole events (columns event_id + _COLUMNS, each event's rows
    together in matching order). Events become plain tuples a chunk at a time: far cheaper
    than a dict or frame per event, and the memory of one chunk, not of every mention."""
    events = chunk["event_id"]
    starts = (events != events.shift(1)).fill_null(True).arg_true().to_list() + [chunk.height]
    rows = chunk.select(_COLUMNS).rows()
    out: list[tuple] = []
    for lo, hi in zip(starts, starts[1:]):
        _resolve_event(rows[lo:hi], out)
    return _bridge_rows(out)


def _resolve_event(plain: list[tuple], out: list[tuple]) -> None:
    """Bridge rows of one event's mentions (plain rows of _COLUMNS), appended to out."""
    for cluster in _cluster([_mention(row) for row in plain]):
        chosen = min(cluster.mentions, key=specificity)
        fact_id = "f:" + cluster.mentions[0].cohort_id
        agreeing = [agree(chosen, m) for m in cluster.mentions]
        conflict, sources = not all(agreeing), len(cluster.mentions)
        for m, agrees in zip(cluster.mentions, agreeing):
            role = "chosen" if m is chosen else ("agrees" if agrees else "conflicts")
            out.append((fact_id, m.cohort_id, role, sources, conflict))


def _bridge_rows(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        orient="row",
        schema={
            "fact_id": pl.String,
            "cohort_id": pl.String,
            "role": pl.String,
            "source_count": pl.Int32,
            "has_conflict": pl.Boolean,
        },
    )


def _alone(mentions: pl.DataFrame) -> pl.Series:
    """Mentions no mention of another article can match, found in one vectorized pass: none
    shares their event and qualifiers and either their count or an amount bucket within two of
    theirs (a looser test than _cluster's, so it never calls a matchable mention alone). Each
    is a fact of its own, as _cluster would make it, and leaving them out changes nothing for
    the others: they can join no cluster, and no cluster forms around them."""
    frame = mentions.select(
        pl.int_range(pl.len()).alias("row"),
        pl.col("article_id").rank("dense").alias("article"),
        # hashed event + qualifiers: a collision only adds candidates, never hides one
        pl.struct("event_id", *QUALIFIERS).hash().alias("quals"),
        "project_count",
        pl.when(pl.col("amount_cny") > 0)
        .then((pl.col("amount_cny").log() / math.log1p(AMOUNT_MEET)).floor().cast(pl.Int64))
        .alias("bucket"),
    )
    by_count = (
        frame.filter(pl.col("project_count").is_not_null())
        .group_by("quals", "project_count")
        .agg(pl.col("article").n_unique().alias("articles"))
        .filter(pl.col("articles") > 1)
        .drop("articles")
    )
    count_partner = frame.join(by_count, on=["quals", "project_count"], how="semi")["row"]
    amounts = frame.filter(pl.col("bucket").is_not_null())
    buckets = amounts.group_by("quals", "bucket").agg(
        pl.col("article").n_unique().alias("articles"), pl.col("article").first().alias("only")
    )
    # one join per neighbouring bucket, so that no frame is five times the amounts' size (as
    # exploding every row into its five buckets first would be; docs/scaling.md)
    near = [
        amounts.select("row", "article", "quals", pl.col("bucket") + offset)
        .join(buckets, on=["quals", "bucket"], how="inner")
        .filter((pl.col("articles") > 1) | (pl.col("only") != pl.col("article")))["row"]
        for offset in range(-2, 3)
    ]
    partnered = pl.concat([count_partner, *near]).unique()
    return ~frame["row"].is_in(partnered.implode())


def _mention(row: tuple) -> _Mention:
    cohort_id, article_id, sector, size_min, size_max, region, name, count, amount, cny, *rest = row
    return _Mention(
        cohort_id,
        article_id,
        (sector, size_min, size_max, region, _name(name)),
        count,
        amount,
        cny,
        _bucket(cny) if cny else None,
        *rest,
    )


def _bucket(amount: float) -> int:
    """Amounts within AMOUNT_MEET of each other fall in the same or a neighbouring bucket."""
    return math.floor(math.log(amount) / math.log1p(AMOUNT_MEET))


def _cluster(mentions: list[_Mention]) -> list[_Fact]:
    """Greedy matching of each mention to an earlier cluster, found through two indexes
    (qualifiers + count, qualifiers + amount bucket) so the cost stays linear in mentions."""
    clusters: list[_Fact] = []
    by_count: dict[tuple, list[int]] = {}
    by_amount: dict[tuple, list[int]] = {}
    for m in mentions:
        quals = m.quals
        candidates: set[int] = set()
        if m.project_count is not None:
            candidates.update(by_count.get((quals, m.project_count), ()))
        if m.bucket is not None:
            for near in (m.bucket - 1, m.bucket, m.bucket + 1):
                candidates.update(by_amount.get((quals, near), ()))
        best, best_score = None, 0
        for index in sorted(candidates):
            cluster = clusters[index]
            head = cluster.mentions[0]
            if m.article_id in cluster.articles or not (compatible(head, m) and meet(head, m)):
                continue
            score = 1 + agree(head, m)
            if score > best_score:
                best, best_score = cluster, score
        if best is None:
            best = _Fact()
            clusters.append(best)
            index = len(clusters) - 1
            if m.project_count is not None:
                by_count.setdefault((quals, m.project_count), []).append(index)
            if m.bucket is not None:
                by_amount.setdefault((quals, m.bucket), []).append(index)
        best.mentions.append(m)
        best.articles.add(m.article_id)
    return clusters
