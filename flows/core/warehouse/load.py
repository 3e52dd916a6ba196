"""Load a run into DuckDB: batches are staged as they finish, then applied in ONE transaction.

Staging tables in the run's working copy hold the batches (so the flow holds one at a time);
`load` exposes them as batch_* views, replaces and retires articles, inserts mentions and
events, resolves facts and runs the DQ checks of the touched events, and logs the run. Values
are bound as parameters; relation names come from this module only.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import polars as pl

from flows.core.warehouse import facts
from flows.core.run.pipeline import (ARTICLE_SCHEMA, FILE_SCHEMA, KEYED_COHORT_SCHEMA,
                                 QUARANTINE_SCHEMA, REJECT_SCHEMA, BatchResult, files_only)
from flows.core.extract.version import extractor_version
from flows.core.warehouse.connect import lexicon_frame, quote


@dataclass
class LoadCounts:
    files_seen: int = 0
    files_new: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    files_quarantined: int = 0
    files_removed: int = 0
    articles_loaded: int = 0
    cohorts_loaded: int = 0
    rejects: int = 0
    facts_seconds: float = 0.0      # resolving facts and running the DQ checks, inside the load
    facts_total: int = 0            # facts in the warehouse after the load
    conflicted_facts: int = 0
    dq_issues: dict = field(default_factory=dict)   # check name -> findings

    @property
    def data_changed(self) -> bool:
        return bool(self.files_new or self.files_changed or self.files_quarantined
                    or self.files_removed)


_STAGES = {"stage_file": FILE_SCHEMA, "stage_article": ARTICLE_SCHEMA,
           "stage_cohort": KEYED_COHORT_SCHEMA, "stage_quarantine": QUARANTINE_SCHEMA,
           "stage_reject": REJECT_SCHEMA}


def stage(con, result: BatchResult) -> None:
    """Append one batch's frames to the run's staging tables (in the working copy), so the
    flow holds one batch in memory at a time; `load` then applies them in one transaction."""
    frames = {"stage_file": result.files, "stage_article": result.articles,
              "stage_cohort": result.cohorts, "stage_quarantine": result.quarantine,
              "stage_reject": result.rejects}
    for table, frame in frames.items():
        con.register("staged_rows", frame.select(list(_STAGES[table])).cast(_STAGES[table]).to_arrow())
        try:
            con.execute(f"create table if not exists {quote(table)} as "
                        "select * from staged_rows limit 0")
            con.execute(f"insert into {quote(table)} select * from staged_rows")
        finally:
            con.unregister("staged_rows")


def clear_stages(con) -> None:
    for table in _STAGES:
        con.execute(f"drop table if exists {quote(table)}")


def load(con, run_id: str, batches: list[BatchResult] | None, raw_dir: str, started_at) -> LoadCounts:
    """Every staged batch of the run (plus `batches`, staged first) in ONE transaction: the
    warehouse is before or after, never between."""
    for result in batches or []:
        stage(con, result)
    stage(con, _empty_result())                 # creates the staging tables of an empty run
    con.register("known_events", lexicon_frame("events").select(
        pl.col("event_id").alias("canonical_event_id"), "name_en", "name_zh").to_arrow())
    try:
        for statement in _BATCH_VIEWS:
            con.execute(statement)
        counts = _stage_counts(con)
        con.execute("begin transaction")
        try:
            counts.files_removed = con.execute(_COUNT_REMOVED).fetchall()[0][0]
            for statement in _LOAD_STATEMENTS:
                params = {k: v for k, v in (("run_id", run_id), ("version", extractor_version()))
                          if f"${k}" in statement}
                con.execute(statement, params or None)
            clock = time.perf_counter()
            if counts.data_changed:           # nothing loaded, replaced or retired: all stands
                facts.refresh(con)
                facts.run_checks(con, run_id)
            counts.facts_seconds = time.perf_counter() - clock
            counts.facts_total, counts.conflicted_facts = con.execute(
                "select count(*), count(*) filter (where has_conflict) from fct_cohort_fact"
            ).fetchall()[0]
            counts.dq_issues = dict(con.execute(
                "select check_name, count(*) from dq_issue group by all order by all").fetchall())
            _record_run(con, run_id, raw_dir, started_at, counts, "completed")
            for name in _BATCH_VIEW_NAMES:
                con.execute(f"drop view if exists {quote(name)}")
            clear_stages(con)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    finally:
        con.unregister("known_events")
    return counts


def _empty_result() -> BatchResult:
    return files_only(pl.DataFrame(schema=FILE_SCHEMA))


def _stage_counts(con) -> LoadCounts:
    row = con.execute(
        "select count(*), count(*) filter (where status = 'new'), "
        "count(*) filter (where status = 'changed'), count(*) filter (where status = 'unchanged'), "
        "count(*) filter (where status = 'quarantined'), (select count(*) from stage_article), "
        "(select count(*) from stage_cohort), (select count(*) from stage_reject) "
        "from stage_file").fetchall()[0]
    names = ("files_seen", "files_new", "files_changed", "files_unchanged", "files_quarantined",
             "articles_loaded", "cohorts_loaded", "rejects")
    return LoadCounts(**dict(zip(names, row)))


# the staged rows under the names the load statements read them by
_BATCH_VIEW_NAMES = ("batch_file", "batch_replaced", "batch_article", "batch_cohort",
                     "batch_event", "batch_quarantine", "batch_reject")
_BATCH_VIEWS = (
    "create or replace temp view batch_file as select * from stage_file",
    "create or replace temp view batch_replaced as select path from stage_file "
    "where status in ('new', 'changed')",
    "create or replace temp view batch_article as select article.*, event_of.event_id, "
    "event_of.cohort_count from stage_article as article left join (select source_file, "
    "min(event_id) as event_id, cast(count(*) as integer) as cohort_count from stage_cohort "
    "group by source_file) as event_of on article.source_file = event_of.source_file",
    "create or replace temp view batch_cohort as select * from stage_cohort",
    "create or replace temp view batch_event as select distinct on (cohort.event_id) "
    "cohort.event_id, cohort.event_name, cohort.event_year, cohort.city, cohort.province, "
    "cohort.canonical_event_id, known_events.name_en, known_events.name_zh "
    "from stage_cohort as cohort left join known_events "
    "on cohort.canonical_event_id = known_events.canonical_event_id "
    "order by cohort.event_id, cohort.source_file, cohort.cohort_index",
    "create or replace temp view batch_quarantine as select * from stage_quarantine",
    "create or replace temp view batch_reject as select * from stage_reject",
)


# a replaced file loses its old articles (a .jsonl file: all its lines) before the new load
_OF_REPLACED = ("select a.article_id from dim_article a join batch_replaced r "
                "on a.source_file = r.path or a.source_file like r.path || '#%'")
# files the warehouse holds that this run did not find: their articles are retired (kept, flagged)
_REMOVED = ("select path from raw_file where status <> 'removed' "
            "and path not in (select path from batch_file)")
_OF_REMOVED = ("select a.article_id from dim_article a join (" + _REMOVED + ") r "
               "on a.source_file = r.path or a.source_file like r.path || '#%'")
_COUNT_REMOVED = f"select count(*) from ({_REMOVED})"
_LOAD_STATEMENTS = (
    # events whose facts must be resolved again: those of replaced, removed and new articles
    "create or replace temp table touched_event as select distinct event_id from "
    f"fct_cohort_mention where article_id in ({_OF_REPLACED}) or article_id in ({_OF_REMOVED}) "
    "union select distinct event_id from batch_cohort",
    f"update dim_article set retired_at = now() where retired_at is null and article_id in ({_OF_REMOVED})",
    f"update raw_file set status = 'removed', run_id = $run_id, seen_at = now() where path in ({_REMOVED})",
    f"delete from fct_cohort_mention where article_id in ({_OF_REPLACED})",
    f"delete from dim_article where article_id in ({_OF_REPLACED})",
    "delete from rejects where source_file in (select path from batch_replaced) "
    "or regexp_replace(source_file, '#[0-9]+$', '') in (select path from batch_replaced)",
    "delete from quarantine where regexp_replace(source_file, '#[0-9]+$', '') in "
    "(select path from batch_file where status <> 'unchanged')",
    "insert into dim_article by name select *, now() as loaded_at, $run_id as run_id "
    "from batch_article",
    "insert into fct_cohort_mention by name select * exclude (source_file, lang, event_name, "
    "event_year, city, province, canonical_event_id), $run_id as run_id from batch_cohort",
    # an event keeps the name and place of the report that first brought it
    "insert into dim_event by name select * from batch_event "
    "where event_id not in (select event_id from dim_event)",
    "delete from dim_event where event_id not in (select event_id from fct_cohort_mention)",
    "insert into quarantine by name select *, $run_id as run_id, now() as quarantined_at "
    "from batch_quarantine",
    "insert into rejects by name select *, $run_id as run_id from batch_reject",
    "delete from raw_file where path in (select path from batch_file where status <> 'unchanged')",
    "update raw_file set mtime_ns = batch_file.mtime_ns from batch_file where raw_file.path = "
    "batch_file.path and batch_file.status = 'unchanged' and raw_file.mtime_ns is distinct from "
    "batch_file.mtime_ns",
    "insert into raw_file by name select path, content_hash, size_bytes, mtime_ns, "
    "case when status = 'quarantined' then 'quarantined' else 'loaded' end as status, "
    "$version as extractor_version, $run_id as run_id, now() as seen_at from batch_file where status <> 'unchanged'",
    "delete from dim_size_band",
    "insert into dim_size_band by name select distinct "
    "coalesce(cast(size_min as varchar), '') || '-' || coalesce(cast(size_max as varchar), '') "
    "as band_id, size_min, size_max, band_label(size_min, size_max) as label_en "
    "from fct_cohort_mention where size_min is not null or size_max is not null",
)


def _record_run(con, run_id, raw_dir, started_at, counts: LoadCounts, status: str) -> None:
    con.execute(
        "insert into etl_run values ($run_id, $started_at, now(), $raw_dir, $seen, $new, "
        "$changed, $unchanged, $quarantined, $removed, $articles, $cohorts, $rejects, $status)",
        {"run_id": run_id, "started_at": started_at, "raw_dir": raw_dir,
         "seen": counts.files_seen, "new": counts.files_new, "changed": counts.files_changed,
         "unchanged": counts.files_unchanged, "quarantined": counts.files_quarantined,
         "removed": counts.files_removed,
         "articles": counts.articles_loaded, "cohorts": counts.cohorts_loaded,
         "rejects": counts.rejects, "status": status},
    )
