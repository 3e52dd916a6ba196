"""The Prefect shell of `newsetl run`: one flow, a task per stage and per batch of files.

Each task is a thin wrapper over one function of flows.core.runner; frames never get hashed
(NO_CACHE) and DuckDB connections never cross a task boundary (paths do).
"""
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.futures import as_completed

from flows.core import runner
from flows.core.publish import run_lock, start_work


@task(name="prepare-warehouse", cache_policy=NO_CACHE)
def prepare(warehouse: Path, memory_limit: str) -> dict[str, str]:
    return runner.prepare(warehouse, memory_limit)


@task(name="plan-batches", cache_policy=NO_CACHE)
def plan(raw_dir: Path, batch_size: int) -> list[list[str]]:
    return runner.plan_batches(raw_dir, batch_size)


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(rels: list[str], raw_dir: Path, known: dict[str, str]):
    return runner.run_batch(rels, raw_dir, known)


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load(warehouse: Path, memory_limit: str, run_id: str, batches, raw_dir: Path, started_at):
    return runner.load_batches(warehouse, memory_limit, run_id, batches, raw_dir, started_at)


@task(name="publish-warehouse", cache_policy=NO_CACHE)
def publish(work: Path, warehouse: Path) -> None:
    runner.publish(work, warehouse)


@task(name="export-parquet", cache_policy=NO_CACHE)
def export(warehouse: Path, export_dir: Path, memory_limit: str) -> list[Path]:
    return runner.export_all(warehouse, export_dir, memory_limit)


@flow(name="newsetl-etl", log_prints=False)
def etl(raw_dir: str = "raw", warehouse: str = "warehouse/news.duckdb",
        export_dir: str = "warehouse/export", batch_size: int = 2000,
        memory_limit: str = "2GB") -> dict:
    """Ingest new or changed files under raw_dir into the warehouse and export parquet.

    Parameters are plain strings so that a deployment can store them as JSON."""
    raw_dir, warehouse, export_dir = Path(raw_dir), Path(warehouse), Path(export_dir)
    logger = get_run_logger()
    run_id = str(get_run_context().flow_run.id) if get_run_context().flow_run else uuid.uuid4().hex
    started_at = datetime.now(timezone.utc)
    seconds: dict[str, float] = {}

    with run_lock(warehouse):
        clock = time.perf_counter()
        work = start_work(warehouse)
        known = prepare(work, memory_limit)
        batches = plan(raw_dir, batch_size)
        seconds["discover"] = time.perf_counter() - clock

        clock = time.perf_counter()
        futures = [extract_batch.submit(rels, raw_dir, known) for rels in batches]
        results, done, total = [], 0, sum(len(b) for b in batches)
        for future in as_completed(futures):
            results.append(future.result())
            done += results[-1].files.height
            logger.info("progress: %d/%d files read and extracted", done, total)
        seconds["extract"] = time.perf_counter() - clock

        clock = time.perf_counter()
        counts = load(work, memory_limit, run_id, results, raw_dir, started_at)
        publish(work, warehouse)
        seconds["load"] = time.perf_counter() - clock

        clock = time.perf_counter()
        written = export(warehouse, export_dir, memory_limit)
        seconds["export"] = time.perf_counter() - clock

    quarantined = [
        {"source_file": row["source_file"], "reason": row["reason"]}
        for r in results for row in r.quarantine.iter_rows(named=True)
    ]
    summary = {"run_id": run_id, **vars(counts), "batches": len(batches),
               "exported": len(written), "quarantine": quarantined,
               "seconds": {k: round(v, 3) for k, v in seconds.items()}}
    logger.info("run %s: %s files seen, %s new, %s changed, %s unchanged, %s quarantined, "
                "%s cohorts loaded", run_id, counts.files_seen, counts.files_new,
                counts.files_changed, counts.files_unchanged, counts.files_quarantined,
                counts.cohorts_loaded)
    return summary
