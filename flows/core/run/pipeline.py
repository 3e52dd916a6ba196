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

from flows.core.contract import (ARTICLE_SCHEMA, COHORT_SCHEMA, FILE_SCHEMA, QUARANTINE_SCHEMA,
                                 REJECT_SCHEMA, BatchResult, files_only)
from flows.core.extract.batch import extract_rows, full_text
from flows.core.ingest.language import detect_lang
from flows.core.ingest.discover import Quarantined, ScanResult, scan_batch
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


def process_batch(paths: list[Path], raw_dir: Path, known: dict[str, str]) -> BatchResult:
    clock = time.thread_time()       # CPU of this thread: right for worker threads and processes
    scan = scan_batch(paths, raw_dir, known)
    read_s, clock = time.thread_time() - clock, time.thread_time()
    failures: list[tuple[str, str]] = []
    rows = extract_rows(scan.articles, failures)
    if failures:                 # quarantined like unreadable files: a file keeps its old facts
        failed = {ref for ref, _ in failures}
        scan.articles = [a for a in scan.articles if a.source_file not in failed]
        scan.quarantined += [Quarantined(ref, reason) for ref, reason in failures]
        for f in scan.files:
            if f.path in failed:
                f.status = "quarantined"
    extract_s, clock = time.thread_time() - clock, time.thread_time()
    good, bad = validate_rows(rows)
    result = assemble(scan, pl.DataFrame(good, schema=COHORT_SCHEMA), bad)
    result.seconds = {"read": read_s, "extract": extract_s,
                      "validate": time.thread_time() - clock}
    return result


def assemble(scan: ScanResult, cohorts: pl.DataFrame, rejects: list[dict]) -> BatchResult:
    articles = _article_frame(scan.articles)
    keyed = _keyed(cohorts)
    return BatchResult(
        files=pl.DataFrame([vars(f) for f in scan.files], schema=FILE_SCHEMA),
        articles=articles,
        cohorts=keyed,
        quarantine=pl.DataFrame([vars(q) for q in scan.quarantined], schema=QUARANTINE_SCHEMA),
        rejects=pl.DataFrame(rejects, schema=REJECT_SCHEMA),
    )


def _keyed(cohorts: pl.DataFrame) -> pl.DataFrame:
    """Add article_id, event_id and cohort_id: hashed once per article, joined back."""
    on = ["source_file", "canonical_event_id", "event_name", "event_year"]
    keys = cohorts.select(on).unique(maintain_order=True)
    keys = keys.with_columns(
        pl.Series("article_id", [key(f) for f in keys["source_file"]], dtype=pl.String),
        pl.Series("event_id", [event_key(c, n, y, f) for f, c, n, y in keys.iter_rows()],
                  dtype=pl.String),
    )
    return (
        cohorts.join(keys, on=on, how="left", nulls_equal=True, maintain_order="left")
        .with_columns(
            (pl.col("article_id") + ":" + pl.col("cohort_index").cast(pl.String)).alias("cohort_id"))
    )


def _article_frame(articles: list[Article]) -> pl.DataFrame:
    rows = [
        {"article_id": key(a.source_file), "source_file": a.source_file,
         "content_hash": a.content_hash or "",
         "lang": a.lang or detect_lang(full_text(a)), "title": a.title,
         "url": a.url, "published_at": a.published_at, "source": a.source}
        for a in articles
    ]
    return pl.DataFrame(rows, schema=ARTICLE_SCHEMA)
