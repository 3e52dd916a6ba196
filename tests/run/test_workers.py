"""The worker pool runs a planned batch in its own processes, with the same result as in-process,
and its processes go when it is closed."""

from __future__ import annotations

import shutil

import polars as pl
import pytest

from flows.core.run import runner
from flows.core.run.workers import BatchPool

from conftest import DATA, wait_gone

pytestmark = pytest.mark.slow


def _plan(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(DATA / "raw", raw)
    batches = runner.plan_batches(raw, batch_size=100)
    return raw, runner.write_plan(tmp_path / "plan.parquet", batches, {})


def _frames(result) -> dict[str, pl.DataFrame]:
    """A planned batch's frames, its articles and cohorts read from the parquet parts it wrote
    (read at once: a second run of the batch writes the same files)."""
    frames = {name: getattr(result, name) for name in ("files", "quarantine", "rejects")}
    for name in ("articles", "cohorts"):
        parts = [p.with_name(f"{p.name}.{name}.parquet") for p in result.parts]
        frames[name] = pl.concat([getattr(result, name), *map(pl.read_parquet, parts)])
    return frames


def test_a_batch_in_the_pool_equals_the_batch_run_here(tmp_path):
    raw, plan = _plan(tmp_path)
    here = _frames(runner.run_planned_batch(plan, 0, raw))
    pool = BatchPool(1)
    try:
        there = _frames(pool.run_batch(plan, 0, raw))
        processes = pool.processes()
        assert len(processes) == 1 and processes[0].is_alive()  # its one worker, still up
    finally:
        pool.close(wait=True)
    assert here["cohorts"].height > 0
    for name, frame in here.items():
        assert there[name].equals(frame), name


def test_closed_pool_leaves_no_processes(tmp_path):
    pool = BatchPool(2)
    pids = [p.pid for p in pool.processes()]
    assert len(pids) == 2
    pool.close()
    assert wait_gone(pids) == []
