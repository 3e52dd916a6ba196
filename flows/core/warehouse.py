"""DuckDB I/O: apply the SQL files, load a run's batches in one transaction, export parquet.

The SQL lives in sql/<layer>/<object>.sql (one object per file) and is applied in the fixed
layer order below, then alphabetically. Frames arrive as Polars and go in through Arrow
(`register` + `INSERT ... SELECT`), the fast path. Values are bound as parameters; relation
names come only from the SQL files and are quoted.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from flows.core import facts
from flows.core.lexicon import load as load_lexicon
from flows.core.pipeline import (ARTICLE_SCHEMA, FILE_SCHEMA, KEYED_COHORT_SCHEMA,
                                 QUARANTINE_SCHEMA, REJECT_SCHEMA, BatchResult)
from flows.core.version import extractor_version

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
LAYERS = ("tables", "macros", "staging", "marts")


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


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_files() -> list[Path]:
    return [p for layer in LAYERS for p in sorted((SQL_DIR / layer).glob("*.sql"))]


def connect(path: Path | str, read_only: bool = False, memory_limit: str = "1GB"):
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    con.execute(f"set memory_limit = '{_checked_limit(memory_limit)}'")
    return con


def _checked_limit(limit: str) -> str:
    if not limit.replace(".", "").replace(" ", "").rstrip("KMGTBkmgtib").isdigit():
        raise ValueError(f"invalid memory limit: {limit!r}")
    return limit


def schema_version() -> str:
    digest = hashlib.sha256()
    for path in sorted((SQL_DIR / "tables").glob("*.sql")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def apply_schema(con) -> None:
    """Create tables, macros and views (idempotent) and reseed the lexicon dimensions.

    Every table is derived from the raw files, so when the table DDL changes the warehouse is
    rebuilt: all relations are dropped and the next load re-extracts every raw file."""
    if _stored_schema_version(con) not in (None, schema_version()):
        _drop_everything(con)
    _apply_in_dependency_order(con, sql_files())
    con.execute("delete from meta where meta_key = 'schema_version'")
    con.execute("insert into meta values ('schema_version', ?)", [schema_version()])
    for table, frame in _seeds().items():
        con.register("seed_rows", frame.to_arrow())
        con.execute(f"delete from {quote(table)}")
        con.execute(f"insert into {quote(table)} by name select * from seed_rows")
        con.unregister("seed_rows")
    if con.execute("select count(*) from dim_date").fetchall()[0][0] == 0:
        con.execute(
            "insert into dim_date select d::date, year(d), quarter(d), month(d) "
            "from range(date '2000-01-01', date '2036-01-01', interval 1 day) t(d)")


def _stored_schema_version(con) -> str | None:
    exists = con.execute("select count(*) from information_schema.tables where table_schema = "
                         "'main' and table_name = 'meta'").fetchall()[0][0]
    if not exists:
        has_tables = con.execute("select count(*) from information_schema.tables "
                                 "where table_schema = 'main'").fetchall()[0][0]
        return "unknown" if has_tables else None
    rows = con.execute("select meta_value from meta where meta_key = 'schema_version'").fetchall()
    return rows[0][0] if rows else "unknown"


def _drop_everything(con) -> None:
    views = con.execute("select table_name from information_schema.tables where table_schema = "
                        "'main' and table_type = 'VIEW'").fetchall()
    for (name,) in views:
        con.execute(f"drop view if exists {quote(name)} cascade")
    tables = con.execute("select table_name from information_schema.tables where table_schema = "
                         "'main' and table_type <> 'VIEW'").fetchall()
    for (name,) in tables:
        con.execute(f"drop table if exists {quote(name)} cascade")


def _apply_in_dependency_order(con, paths: list[Path]) -> None:
    """Apply files layer by layer; a view that reads a view not yet created waits for the
    next pass (dbt resolves refs the same way), so file names need not encode the order."""
    pending = list(paths)
    while pending:
        deferred, error = [], None
        for path in pending:
            try:
                con.execute(path.read_text(encoding="utf-8"))
            except duckdb.CatalogException as exc:
                deferred.append(path)
                error = exc
        if len(deferred) == len(pending):
            raise error
        pending = deferred


def _lexicon_frame(name: str, **casts) -> pl.DataFrame:
    frame = pl.DataFrame(list(load_lexicon(name)))
    return frame.with_columns(
        [pl.col(c).cast(t) for c, t in casts.items()]
        + [pl.col(c).replace("", None) for c, t in frame.schema.items() if t == pl.String and c not in casts])


def _seeds() -> dict[str, pl.DataFrame]:
    """Dimension tables that mirror the CSV lexicons."""
    terms = pl.concat([
        _lexicon_frame(f"sectors_{lang}").select("sector_code", pl.lit(lang).alias("lang"), "term")
        for lang in ("en", "zh")])
    return {
        "dim_sector": _lexicon_frame("sectors"),
        "dim_stage": _lexicon_frame("stages", stage_order=pl.Int32),
        "dim_region": _lexicon_frame("places").select("name_en", "name_zh", "level", "province_en"),
        "dim_fx_rate": _lexicon_frame("fx_rates", year=pl.Int32, cny_per_unit=pl.Float64)
        .rename({"year": "rate_year"}),
        "dim_sector_term": terms,
    }


def known_files(con) -> pl.DataFrame:
    """path, content_hash, size_bytes, mtime_ns of files loaded by the current extraction rules."""
    return con.sql(
        "select path, content_hash, size_bytes, mtime_ns from raw_file "
        "where extractor_version = $version and status <> 'removed'",
        params={"version": extractor_version()}).pl()


def known_hashes(con) -> dict[str, str]:
    """path -> content hash of files loaded by the current extraction rules."""
    return dict(known_files(con).select("path", "content_hash").iter_rows())


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
    con.register("known_events", _lexicon_frame("events").select(
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
    from flows.core.pipeline import files_only

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


def relations(con) -> list[str]:
    """Every user table and view, tables first, by name."""
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = 'main' "
        "order by table_type, table_name"
    ).fetchall()
    return [r[0] for r in rows]


EVERY_RUN = ("etl_run", "meta")   # relations that change even when no file did


def export(con, out_dir: Path, data_changed: bool = True) -> list[Path]:
    """Each relation as out_dir/<name>.parquet, written to a temp name and moved into place.
    When no data changed, only the run log and missing files are written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in relations(con):
        target = out_dir / f"{name}.parquet"
        if not data_changed and name not in EVERY_RUN and target.exists():
            continue
        tmp = out_dir / f".{name}.parquet.tmp"
        con.sql(f"select * from {quote(name)}").pl().write_parquet(tmp)
        os.replace(tmp, target)
        written.append(target)
    return written
