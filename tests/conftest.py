"""Shared fixtures: an in-memory warehouse with the schema applied, and paths to test data."""

from __future__ import annotations

import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from flows.core.contract import files_only
from flows.core.run import runner
from flows.core.warehouse import connect as warehouse
from flows.core.warehouse import facts
from flows.core.warehouse.publish import run_lock, working_copy

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie does not), from /proc: a child another thread may
    already have reaped reads as alive to multiprocessing's join, never here."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_gone(pids, timeout: float = 30) -> list[int]:
    """The pids still running after up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return [p for p in pids if alive(p)]


@pytest.fixture
def con():
    connection = warehouse.connect(":memory:", memory_limit="1GB")
    warehouse.apply_schema(connection)
    yield connection
    connection.close()


@pytest.fixture
def raw(tmp_path):
    """A raw directory holding the seed report as wmc.txt."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(DATA / "raw" / "en_wmc2021.txt", folder / "wmc.txt")
    return folder


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect backend for every flow test of the session."""
    import os

    for name, value in {
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
    }.items():
        os.environ.setdefault(name, value)
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness():
        yield


def run_once(raw, db):
    """One run the way the flow does it, minus Prefect: lock, working copy, load, publish."""
    with run_lock(db), working_copy(db) as work:
        known = runner.prepare_files(work, "1GB")
        plan = runner.plan_run(raw, 2, 1, known)
        hashes = dict(known.select("path", "content_hash").iter_rows())
        batches = [runner.run_batch(b, raw, hashes) for b in plan.batches]
        batches.append(files_only(plan.unchanged))
        counts = runner.load_batches(
            work, "1GB", f"run-{datetime.now().timestamp()}", batches, raw, datetime.now(timezone.utc), plan.complete
        )
        runner.publish(work, db)
        return counts


# Given/expect helpers for the views: rows inserted straight into the warehouse tables.
ARTICLE = "a1"
EVENT = "e1"


def given_article(con, article_id=ARTICLE, source_file="wmc.txt", event_id=EVENT, lang="en"):
    con.execute(
        "insert into dim_article (article_id, source_file, content_hash, lang, event_id) values (?, ?, 'h', ?, ?)",
        [article_id, source_file, lang, event_id],
    )


def given_event(con, event_id=EVENT, name="World Manufacturing Conference", year=2021, province="Anhui"):
    con.execute(
        "insert into dim_event (event_id, event_name, event_year, city, province) values (?, ?, ?, 'Hefei', ?)",
        [event_id, name, year, province],
    )


def resolved(con):
    """Resolve facts and run the checks over everything given, as a load does."""
    con.execute("create or replace temp table touched_event as select distinct event_id from fct_cohort_mention")
    facts.refresh(con)
    facts.run_checks(con, "test-run")
    return con


def given_cohort(
    con,
    index,
    count,
    amount,
    *,
    article_id=ARTICLE,
    event_id=EVENT,
    parent=None,
    stage="signed",
    sector=None,
    size_min=None,
    size_max=None,
    name=None,
    region=None,
):
    con.execute(
        "insert into fct_cohort_mention (cohort_id, article_id, event_id, cohort_index, parent_index, "
        "project_count, amount, currency, amount_cny, approximate, stage, sector_code, size_min, "
        "size_max, region, project_name, evidence) values "
        "(?, ?, ?, ?, ?, ?, ?, 'CNY', ?, false, ?, ?, ?, ?, ?, ?, 'sentence')",
        [
            f"{article_id}:{index}",
            article_id,
            event_id,
            index,
            parent,
            count,
            amount,
            amount,
            stage,
            sector,
            size_min,
            size_max,
            region,
            name,
        ],
    )


@pytest.fixture
def wmc(con):
    """The 2021 World Manufacturing Conference report, as the extractor should load it."""
    given_event(con)
    given_article(con)
    given_cohort(con, 0, 703, 582.18e9, stage="promoted")
    given_cohort(con, 1, 7, 90.2e9, parent=0, size_min=1e10)
    given_cohort(con, 2, 399, 374.32e9, parent=0)
    given_cohort(con, 3, 463, 435.39e9, sector="emerging_industries")
    given_cohort(con, 4, 167, 421.91e9, size_min=1e9)
    given_cohort(con, 5, 66, 146.37e9, parent=4, sector="new_energy_vehicles")
    return resolved(con)


RUN_COLUMNS = {"run_id", "seen_at", "loaded_at", "quarantined_at", "started_at", "finished_at"}


def export_rows(out):
    """Every exported relation's rows, sorted, without the columns that name a run or a time,
    and without the run log (a history of runs, not data)."""
    con = duckdb.connect()
    try:
        rows = {}
        for path in sorted(out.glob("*.parquet")):
            if path.name == "etl_run.parquet":
                continue
            columns = [c[0] for c in con.execute(f"describe select * from read_parquet('{path}')").fetchall()]
            keep = ", ".join(f'"{c}"' for c in columns if c not in RUN_COLUMNS)
            rows[path.name] = sorted(map(repr, con.execute(f"select {keep} from read_parquet('{path}')").fetchall()))
        return rows
    finally:
        con.close()
