"""The Prefect shell of `newsetl run`: one flow, a task per stage and per batch of files.

Each task is a thin wrapper over one function of flows.core.run.runner; frames never get hashed
(NO_CACHE) and DuckDB connections never cross a task boundary (paths do).
"""

import os
import shutil
import time
import uuid
from contextlib import ExitStack, contextmanager
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.context import get_run_context
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows.core.contract import files_only
from flows.core.run import runner
from flows.core.run import workers as worker_pools
from flows.core.warehouse.publish import run_lock, working_copy


@task(name="prepare-warehouse", cache_policy=NO_CACHE)
def prepare(warehouse: Path, memory_limit: str):
    return runner.prepare_files(warehouse, memory_limit)


@task(name="plan-batches", cache_policy=NO_CACHE)
def plan(raw_dir: Path, batch_size: int, workers: int, known):
    return runner.plan_run(raw_dir, batch_size, workers, known)


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(plan: Path, batch_no: int, raw_dir: Path):
    """One batch: in a process of the run's worker pool when it has one (task runner
    'process'), else right here (a thread of the flow, or a Dask worker). The pool is found
    through flows.core.run.workers, so that a Dask runner can pickle this task."""
    pool = worker_pools.run_pool()
    if pool is not None:
        return pool.run_batch(plan, batch_no, raw_dir)
    return runner.run_planned_batch(plan, batch_no, raw_dir)


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load(
    warehouse: Path, memory_limit: str, run_id: str, batches, raw_dir: Path, started_at, retire_unseen: bool = True
):
    return runner.load_batches(warehouse, memory_limit, run_id, batches, raw_dir, started_at, retire_unseen)


@task(name="publish-warehouse", cache_policy=NO_CACHE)
def publish(work: Path, warehouse: Path) -> None:
    runner.publish(work, warehouse)


@task(name="export-parquet", cache_policy=NO_CACHE)
def export(warehouse: Path, export_dir: Path, memory_limit: str) -> list[Path]:
    return runner.export_all(warehouse, export_dir, memory_limit)


@contextmanager
def workers_share_this_api():
    """Dask workers (a local cluster) inherit the environment; point them at this run's
    Prefect API, or each would start a temporary server of its own (~6 s each)."""
    previous = os.environ.get("PREFECT_API_URL")
    if previous is None:
        with get_client(sync_client=True) as client:
            os.environ["PREFECT_API_URL"] = str(client.api_url).rstrip("/")
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)


def task_runner_for(kind: str, workers: int, dask_address: str | None, batches: int):
    """(Prefect task runner, whether batches go to worker processes) for the extraction.
    'auto': processes when there is more than one batch and worker, so every core works;
    threads otherwise, with no start-up cost. 'process': the tasks run in threads that hand
    each batch to a process of the run's worker pool."""
    if kind == "auto":
        kind = "process" if batches > 1 and workers > 1 else "thread"
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address), False
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
        ), False
    if kind == "process":  # a queued batch per worker, so that none waits on the bookkeeping
        return ThreadPoolTaskRunner(max_workers=2 * workers), True
    return ThreadPoolTaskRunner(max_workers=workers), False


@flow(name="extract-batches", log_prints=False)
def extract_batches(
    plan: Path, n_batches: int, n_files: int, raw_dir: Path, work: Path, memory_limit: str, run_id: str, window: int = 4
) -> dict:
    """Every batch of the plan on this flow's task runner; each result is staged into the
    working copy as it completes, so memory holds a few batches, not the whole run."""
    results = finished_in_any_order(lambda i: extract_batch.submit(plan, i, raw_dir), n_batches, window)
    return stage_as_completed(results, n_files, work, memory_limit, run_id)


def finished_in_any_order(submit, n: int, window: int):
    """Results of submit(0..n-1) as they finish, with at most `window` submitted and not yet
    taken: a future keeps its result, so submitting all at once would hold every batch."""
    inflight, submitted = set(), 0
    while submitted < n or inflight:
        while submitted < n and len(inflight) < window:
            inflight.add(submit(submitted))
            submitted += 1
        done = next(as_completed(list(inflight)))
        inflight.remove(done)
        result = done.result()
        del done
        yield result


def stage_as_completed(results, n_files: int, work: Path, memory_limit: str, run_id: str) -> dict:
    """Stage each batch result into the working copy; progress, seconds and quarantine."""
    logger = get_run_logger()
    done = 0
    seconds = {"read": 0.0, "extract": 0.0, "validate": 0.0}
    quarantine: list[dict] = []
    with runner.staging(work, memory_limit) as stage:
        for result in results:
            stage(result)
            done += result.files.height
            for name, value in result.seconds.items():
                seconds[name] = seconds.get(name, 0.0) + value
            quarantine += result.quarantine.select("source_file", "reason").to_dicts()
            logger.info("run %s progress: %d/%d files read and extracted", run_id, done, n_files)
    return {"seconds": seconds, "quarantine": quarantine}


@flow(name="newsetl-etl", log_prints=False)
def etl(
    raw_dir: str = "raw",
    warehouse: str = "warehouse/news.duckdb",
    export_dir: str = "warehouse/export",
    batch_size: int = 2000,
    memory_limit: str = "1GB",
    task_runner: str = "auto",
    workers: int = 2,
    dask_address: str | None = None,
) -> dict:
    """Ingest new or changed files under raw_dir into the warehouse and export parquet.

    Parameters are plain strings so that a deployment can store them as JSON."""
    raw_dir, warehouse, export_dir = Path(raw_dir), Path(warehouse), Path(export_dir)
    logger = get_run_logger()
    run_id = str(get_run_context().flow_run.id) if get_run_context().flow_run else uuid.uuid4().hex
    started_at = datetime.now(timezone.utc)
    logger.info("run %s: started on %s -> %s", run_id, raw_dir, warehouse)
    seconds: dict[str, float] = {}

    clock = time.perf_counter()
    with run_lock(warehouse), working_copy(warehouse) as work, ExitStack() as open_copy:
        open_copy.enter_context(runner.held_open(work, memory_limit))  # until the load is done
        known = prepare(work, memory_limit)
        planned = plan(raw_dir, batch_size, workers, known)
        batches, seconds["discover"] = planned.batches, time.perf_counter() - clock

        clock = time.perf_counter()
        extracted = read_and_extract(
            batches, known, raw_dir, work, memory_limit, run_id, task_runner, workers, dask_address
        )
        seconds["read_and_extract"] = time.perf_counter() - clock
        for stage, value in extracted["seconds"].items():  # summed over batches (worker seconds)
            seconds[f"{stage}_cpu"] = value

        clock = time.perf_counter()
        for problem in planned.problems:
            logger.warning("run %s: %s (no file is retired by this run)", run_id, problem)
        counts = load(
            work, memory_limit, run_id, [files_only(planned.unchanged)], raw_dir, started_at, planned.complete
        )
        open_copy.close()
        shutil.rmtree(runner.parts_dir_of(runner.plan_path(work)), ignore_errors=True)
        publish(work, warehouse)
        seconds["load"] = time.perf_counter() - clock - counts.facts_seconds
        seconds["views"] = counts.facts_seconds  # facts resolution + DQ checks

        clock = time.perf_counter()
        written = export(warehouse, export_dir, memory_limit)
        seconds["export"] = time.perf_counter() - clock

    log_counts(logger, run_id, counts)
    return {
        "run_id": run_id,
        **vars(counts),
        "batches": len(batches),
        "exported": len(written),
        "quarantine": extracted["quarantine"],
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
    }


def log_counts(logger, run_id: str, counts) -> None:
    """The run's one-line account of files and rows."""
    logger.info(
        "run %s: %s files seen, %s new, %s changed, %s unchanged, %s quarantined, "
        "%s removed; %s cohorts loaded, %s facts, %s data-quality findings",
        run_id,
        counts.files_seen,
        counts.files_new,
        counts.files_changed,
        counts.files_unchanged,
        counts.files_quarantined,
        counts.files_removed,
        counts.cohorts_loaded,
        counts.facts_total,
        sum(counts.dq_issues.values()),
    )


def read_and_extract(
    batches,
    known,
    raw_dir: Path,
    work: Path,
    memory_limit: str,
    run_id: str,
    task_runner: str,
    workers: int,
    dask_address: str | None,
) -> dict:
    """Every planned batch read, extracted and staged into the working copy:
    {"seconds": worker seconds per stage, "quarantine": [{source_file, reason}]}."""
    runner_for_batches, in_processes = task_runner_for(task_runner, workers, dask_address, len(batches))
    plan_file = runner.write_plan(
        runner.plan_path(work), batches, dict(known.select("path", "content_hash").iter_rows())
    )
    extracted = {"seconds": {}, "quarantine": []}
    if len(batches) == 1:  # one batch: run it here, no sub-flow or pool to start
        extracted = stage_as_completed(
            [extract_batch(plan_file, 0, raw_dir)], len(batches[0]), work, memory_limit, run_id
        )
    elif batches:
        with worker_pools.batches_in_processes(workers) if in_processes else workers_share_this_api():
            extracted = extract_batches.with_options(task_runner=runner_for_batches)(
                plan_file,
                len(batches),
                sum(map(len, batches)),
                raw_dir,
                work,
                memory_limit,
                run_id,
                window=max(4, 2 * workers),
            )
    plan_file.unlink(missing_ok=True)  # the parts stay for the load, which deletes them
    return extracted
