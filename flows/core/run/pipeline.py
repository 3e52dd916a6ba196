"""One batch of raw files -> validated frames ready for the warehouse (no I/O but reading).

scan (decode, skip unchanged) -> extract cohorts -> validate each row against
schemas.CohortRecord -> key articles, events and cohorts. Every file ends up as loaded,
unchanged or quarantined; every extracted row as a cohort or a reject.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import polars as pl

from flows.core.contract import (
    ARTICLE_SCHEMA,
    COHORT_SCHEMA,
    FILE_SCHEMA,
    KEYED_COHORT_SCHEMA,
    QUARANTINE_SCHEMA,
    REJECT_SCHEMA,
    BatchResult,
)
from flows.core.extract.batch import extract_rows, full_text
from flows.core.ingest.discover import Quarantined, ScanResult, scan_chunks
from flows.core.ingest.language import detect_lang
from flows.core.model import Article
from schemas import validate_rows


def key(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()[:16]


def event_key(canonical_id: str | None, name: str | None, year: int | None, source_file: str) -> str:
    """A known event (any language, any alias) and year -> one event; an unknown name
    (case/space-folded) and year -> one event; no name -> the article's own."""
    if canonical_id:
        return key(f"known|{canonical_id}|{year or ''}")
    if name:
        return key(f"event|{' '.join(name.lower().split())}|{year or ''}")
    return key(f"article|{source_file}")


PART_ARTICLES = 20_000  # articles a batch holds before it writes them out (with `parts_dir`)


def process_batch(
    paths: list[Path], raw_dir: Path, known: dict[str, str], parts_dir: Path | None = None
) -> BatchResult:
    """Read, extract and validate a batch, a chunk of articles at a time (a big JSONL feed is
    never held whole); seconds are the CPU time of this thread per stage. With `parts_dir`,
    the articles and their cohorts go to parquet files there (result.parts): every
    PART_ARTICLES articles, so that memory does not grow with a feed's size, and the rest at
    the end, so that the rows reach the warehouse's load straight from these files (the flow
    process never holds or stages them)."""
    seconds = dict.fromkeys(("read", "extract", "validate"), 0.0)
    files, quarantined, rejects, parts = [], [], [], []
    articles: list[pl.DataFrame] = []
    cohorts: list[pl.DataFrame] = []
    chunks = scan_chunks(paths, raw_dir, known)
    while True:
        clock = time.thread_time()
        scan = next(chunks, None)
        seconds["read"] += time.thread_time() - clock
        if scan is None:
            break
        clock = time.thread_time()
        rows = _extract(scan)
        seconds["extract"] += time.thread_time() - clock
        clock = time.thread_time()
        good, bad = validate_rows(rows)
        cohorts.append(pl.DataFrame(good, schema=COHORT_SCHEMA))
        articles.append(_article_frame(scan.articles))
        files += scan.files
        quarantined += scan.quarantined
        rejects += bad
        if parts_dir is not None and sum(f.height for f in articles) >= PART_ARTICLES:
            parts.append(_write_part(parts_dir / str(len(parts)), articles, cohorts))
            articles, cohorts = [], []
        seconds["validate"] += time.thread_time() - clock
    if parts_dir is not None and any(f.height for f in articles):
        clock = time.thread_time()
        parts.append(_write_part(parts_dir / str(len(parts)), articles, cohorts))
        articles, cohorts = [], []
        seconds["validate"] += time.thread_time() - clock
    result = BatchResult(
        files=pl.DataFrame([vars(f) for f in files], schema=FILE_SCHEMA),
        articles=pl.concat(articles) if articles else pl.DataFrame(schema=ARTICLE_SCHEMA),
        cohorts=_keyed(pl.concat(cohorts) if cohorts else pl.DataFrame(schema=COHORT_SCHEMA)),
        quarantine=pl.DataFrame([vars(q) for q in quarantined], schema=QUARANTINE_SCHEMA),
        rejects=pl.DataFrame(rejects, schema=REJECT_SCHEMA),
    )
    result.seconds = seconds
    result.parts = parts
    return result


def _write_part(part: Path, articles: list[pl.DataFrame], cohorts: list[pl.DataFrame]) -> Path:
    """PART.articles.parquet and PART.cohorts.parquet, in the staging tables' column order and
    types (the load reads them as they are); lz4: written and read once, soon deleted."""
    part.parent.mkdir(parents=True, exist_ok=True)
    pl.concat(articles).select(list(ARTICLE_SCHEMA)).cast(ARTICLE_SCHEMA).write_parquet(
        part.with_name(part.name + ".articles.parquet"), compression="lz4", statistics=False
    )
    keyed = _keyed(pl.concat(cohorts) if cohorts else pl.DataFrame(schema=COHORT_SCHEMA))
    keyed.select(list(KEYED_COHORT_SCHEMA)).cast(KEYED_COHORT_SCHEMA).write_parquet(
        part.with_name(part.name + ".cohorts.parquet"), compression="lz4", statistics=False
    )
    return part


def _extract(scan: ScanResult) -> list[dict]:
    """The chunk's cohort rows; an article the rules fail on is quarantined like an unreadable
    file (its file keeps its old facts) and leaves the chunk."""
    failures: list[tuple[str, str]] = []
    rows = extract_rows(scan.articles, failures)
    if failures:
        failed = {ref for ref, _ in failures}
        scan.articles = [a for a in scan.articles if a.source_file not in failed]
        scan.quarantined += [Quarantined(ref, reason) for ref, reason in failures]
        for f in scan.files:
            if f.path in failed:
                f.status = "quarantined"
    return rows


def _keyed(cohorts: pl.DataFrame) -> pl.DataFrame:
    """Add article_id, event_id and cohort_id: hashed once per article, joined back."""
    on = ["source_file", "canonical_event_id", "event_name", "event_year"]
    keys = cohorts.select(on).unique(maintain_order=True)
    keys = keys.with_columns(
        pl.Series("article_id", [key(f) for f in keys["source_file"]], dtype=pl.String),
        pl.Series("event_id", [event_key(c, n, y, f) for f, c, n, y in keys.iter_rows()], dtype=pl.String),
    )
    return cohorts.join(keys, on=on, how="left", nulls_equal=True, maintain_order="left").with_columns(
        (pl.col("article_id") + ":" + pl.col("cohort_index").cast(pl.String)).alias("cohort_id")
    )


def _article_frame(articles: list[Article]) -> pl.DataFrame:
    rows = [
        {
            "article_id": key(a.source_file),
            "source_file": a.source_file,
            "content_hash": a.content_hash or "",
            "lang": a.lang or detect_lang(full_text(a)),
            "title": a.title,
            "url": a.url,
            "published_at": a.published_at,
            "source": a.source,
        }
        for a in articles
    ]
    return pl.DataFrame(rows, schema=ARTICLE_SCHEMA)
