"""The flow on a local two-worker Dask cluster builds the same warehouse as the default runner."""

from __future__ import annotations

import shutil
from contextlib import nullcontext

import duckdb
import pytest

from conftest import DATA, wait_gone

pytestmark = pytest.mark.slow

TABLES = {
    "cohorts": "select * from cohorts order by all",
    "facts": "select * exclude (fact_id, chosen_cohort_id, parent_fact_id) from fct_cohort_fact order by all",
    "events": "select * from dim_event order by all",
    "quarantine": "select source_file, reason from quarantine order by all",
    "bands": "select * from size_band_totals order by all",
    "sectors": "select * from sector_totals order by all",
}


def contents(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: con.execute(query).fetchall() for name, query in TABLES.items()}
    finally:
        con.close()


def test_dask_runner_builds_the_same_warehouse(prefect_harness, tmp_path):
    from flows.etl_flow import etl

    raw = tmp_path / "raw"
    shutil.copytree(DATA / "raw", raw)
    shutil.copytree(DATA / "same_event", raw / "same_event")
    built = {}
    for runner in ("thread", "dask"):
        db = tmp_path / runner / "w.duckdb"
        summary = etl(
            raw_dir=str(raw),
            warehouse=str(db),
            export_dir=str(tmp_path / runner / "x"),
            batch_size=2,
            task_runner=runner,
            workers=2,
        )
        assert summary["batches"] == 5
        built[runner] = contents(db)
    assert built["dask"] == built["thread"]
    assert len(built["dask"]["cohorts"]) > 20


def test_workers_started_before_the_flow_build_the_same_warehouse(prefect_harness, tmp_path):
    """`newsetl run` spawns the process pool while Prefect boots when there are more files than
    one batch; the flow adopts it and the warehouse is the one the thread runner builds."""
    from flows import etl_flow
    from flows.core.run.workers import workers_started_early

    raw = tmp_path / "raw"
    shutil.copytree(DATA / "raw", raw)
    shutil.copytree(DATA / "same_event", raw / "same_event")
    built = {}
    for runner in ("thread", "early"):
        with workers_started_early(2) if runner == "early" else nullcontext() as early:
            db = tmp_path / runner / "w.duckdb"
            summary = etl_flow.etl(
                raw_dir=str(raw),
                warehouse=str(db),
                export_dir=str(tmp_path / runner / "x"),
                batch_size=2,
                task_runner="thread" if runner == "thread" else "process",
                workers=2,
            )
            if early is not None:
                assert early.closed  # adopted by the run and stopped with it, not left over
        assert summary["batches"] == 5
        built[runner] = contents(db)
    assert built["early"] == built["thread"]


def test_unused_early_workers_are_stopped(tmp_path):
    from flows.core.run.workers import workers_started_early

    with workers_started_early(2) as pool:
        pids = [p.pid for p in pool.processes()]
        assert len(pids) == 2
    assert pool.closed
    assert wait_gone(pids) == []
