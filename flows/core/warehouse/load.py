"""Load a run into DuckDB: batches are staged as they finish, then applied in ONE transaction.

Staging tables in the run's working copy hold the batches (so the flow holds one at a time);
`load` applies sql/load/NN_*.sql in order (batch_* views over the staging tables, articles replaced
and retired, mentions and events inserted), resolves the run's articles into events
(flows/core/warehouse/events.py), resolves facts and runs the DQ checks of the touched events,
and logs the run. Values are bound as parameters.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.core.contract import (
    ARTICLE_SCHEMA,
    FILE_SCHEMA,
    KEYED_COHORT_SCHEMA,
    QUARANTINE_SCHEMA,
    REJECT_SCHEMA,
    BatchResult,
    files_only,
)
from flows.core.extract.version import extractor_version
from flows.core.warehouse import events, facts
from flows.core.warehouse.connect import SQL_DIR, apply_statements, lexicon_frame, literal, quote

LOAD_DIR = SQL_DIR / "load"
CLEANUP = "90"  # files from sql/load/90_* on run after the facts are resolved


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
    facts_seconds: float = 0.0  # resolving facts and running the DQ checks, inside the load
    facts_total: int = 0  # facts in the warehouse after the load
    conflicted_facts: int = 0
    dq_issues: dict = field(default_factory=dict)  # check name -> findings

    @property
    def data_changed(self) -> bool:
        return bool(self.files_new or self.files_changed or self.files_quarantined or self.files_removed)


_STAGES = {
    "stage_file": FILE_SCHEMA,
    "stage_article": ARTICLE_SCHEMA,
    "stage_cohort": KEYED_COHORT_SCHEMA,
    "stage_quarantine": QUARANTINE_SCHEMA,
    "stage_reject": REJECT_SCHEMA,
}


PART_SUFFIXES = {"stage_article": ".articles.parquet", "stage_cohort": ".cohorts.parquet"}


def stage(con, result: BatchResult) -> None:
    """Append one batch's frames to the run's staging tables (in the working copy), so the
    flow holds one batch in memory at a time; `load` then applies them in one transaction.
    The articles and cohorts a batch wrote to parquet parts are not copied: their paths are
    staged, and the load reads the files (the rows enter the warehouse once)."""
    frames = {
        "stage_file": result.files,
        "stage_article": result.articles,
        "stage_cohort": result.cohorts,
        "stage_quarantine": result.quarantine,
        "stage_reject": result.rejects,
    }
    parts = [(t, str(p.with_name(p.name + suffix))) for p in result.parts for t, suffix in PART_SUFFIXES.items()]
    con.execute("create table if not exists stage_part (stage varchar, path varchar)")
    if parts:
        con.executemany("insert into stage_part values (?, ?)", parts)
    for table, frame in frames.items():
        _append(con, table, frame)


def _append(con, table: str, frame: pl.DataFrame) -> None:
    con.register("staged_rows", frame.select(list(_STAGES[table])).cast(_STAGES[table]).to_arrow())
    try:
        con.execute(f"create table if not exists {quote(table)} as select * from staged_rows limit 0")
        con.execute(f"insert into {quote(table)} select * from staged_rows")
    finally:
        con.unregister("staged_rows")


def clear_stages(con) -> None:
    for table in [*_STAGES, "stage_part"]:
        con.execute(f"drop table if exists {quote(table)}")


def _staged_views(con) -> list[Path]:
    """staged_article and staged_cohort: the staging tables' rows and those of the batches'
    parquet parts, read where they lie; -> the parts' files (deleted once the load commits)."""
    paths: list[Path] = []
    for table in PART_SUFFIXES:
        files = [row[0] for row in con.execute("select path from stage_part where stage = ?", [table]).fetchall()]
        paths += map(Path, files)
        source = f"select * from {quote(table)}"
        if files:
            listed = ", ".join(map(literal, files))
            source += f" union all by name select * from read_parquet([{listed}])"
        con.execute(f"create or replace temp view {quote('staged_' + table.removeprefix('stage_'))} as {source}")
    return paths


def load(
    con, run_id: str, batches: list[BatchResult] | None, raw_dir: str, started_at, retire_unseen: bool = True
) -> LoadCounts:
    """Every staged batch of the run (plus `batches`, staged first) in ONE transaction: the
    warehouse is before or after, never between. The statements are sql/load/NN_*.sql, applied
    in order; facts are resolved and checked between the load and its clean-up (NN >= 90)."""
    for result in batches or []:
        stage(con, result)
    stage(con, _empty_result())  # creates the staging tables of an empty run
    con.register(
        "known_events",
        lexicon_frame("events").select(pl.col("event_id").alias("canonical_event_id"), "name_en", "name_zh").to_arrow(),
    )
    params = {"run_id": run_id, "version": extractor_version(), "retire_unseen": retire_unseen}
    steps = load_files()
    parts = _staged_views(con)
    try:
        counts = _stage_counts(con)
        con.execute("begin transaction")
        try:
            apply_statements(con, [p for p in steps if p.name < CLEANUP], params)
            counts.files_removed = con.execute("select count(*) from removed_file").fetchall()[0][0]
            clock = time.perf_counter()
            if counts.data_changed:  # nothing loaded, replaced or retired: all stands
                events.resolve(con)  # articles of one event -> one event, then facts
                facts.refresh(con)
                facts.run_checks(con, run_id)
            counts.facts_seconds = time.perf_counter() - clock
            counts.facts_total, counts.conflicted_facts = con.execute(
                "select count(*), count(*) filter (where has_conflict) from fct_cohort_fact"
            ).fetchall()[0]
            counts.dq_issues = dict(
                con.execute("select check_name, count(*) from dq_issue group by all order by all").fetchall()
            )
            _record_run(con, run_id, raw_dir, started_at, counts, "completed")
            apply_statements(con, [p for p in steps if p.name >= CLEANUP], params)
            clear_stages(con)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    finally:
        con.unregister("known_events")
        for view in ("staged_article", "staged_cohort"):
            con.execute(f"drop view if exists {view}")
    for path in parts:
        path.unlink(missing_ok=True)
    return counts


def load_files() -> list[Path]:
    return sorted(LOAD_DIR.glob("[0-9][0-9]_*.sql"))


def _empty_result() -> BatchResult:
    return files_only(pl.DataFrame(schema=FILE_SCHEMA))


def _stage_counts(con) -> LoadCounts:
    row = con.execute(
        "select count(*), count(*) filter (where status = 'new'), "
        "count(*) filter (where status = 'changed'), count(*) filter (where status = 'unchanged'), "
        "count(*) filter (where status = 'quarantined'), (select count(*) from staged_article), "
        "(select count(*) from staged_cohort), (select count(*) from stage_reject) "
        "from stage_file"
    ).fetchall()[0]
    names = (
        "files_seen",
        "files_new",
        "files_changed",
        "files_unchanged",
        "files_quarantined",
        "articles_loaded",
        "cohorts_loaded",
        "rejects",
    )
    return LoadCounts(**dict(zip(names, row)))


def _record_run(con, run_id, raw_dir, started_at, counts: LoadCounts, status: str) -> None:
    con.execute(
        "insert into etl_run values ($run_id, $started_at, now(), $raw_dir, $seen, $new, "
        "$changed, $unchanged, $quarantined, $removed, $articles, $cohorts, $rejects, $status)",
        {
            "run_id": run_id,
            "started_at": started_at,
            "raw_dir": raw_dir,
            "seen": counts.files_seen,
            "new": counts.files_new,
            "changed": counts.files_changed,
            "unchanged": counts.files_unchanged,
            "quarantined": counts.files_quarantined,
            "removed": counts.files_removed,
            "articles": counts.articles_loaded,
            "cohorts": counts.cohorts_loaded,
            "rejects": counts.rejects,
            "status": status,
        },
    )
