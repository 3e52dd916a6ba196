"""The processes that run extraction batches for the flow (never imports prefect).

The flow's `extract-batch` tasks run in threads of the flow's own process and hand each batch
to one of these processes. The processes hold the extraction code only: no Prefect client,
settings or event queue to build per task (Prefect's process pool rebuilds them for every task;
docs/scaling.md has the measurement), nothing of Prefect's to import at start or to flush at exit. They can be spawned before the flow (while Prefect's
server boots), and they die with the flow's process, even one killed with -9.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from flows.core.contract import BatchResult
from flows.core.run import runner
from flows.core.run.lifetime import die_with_parent


def _worker_start() -> None:
    """First thing in each worker process: die with the flow's process, then warm up the
    extraction code (imports, lexicons, compiled patterns)."""
    die_with_parent()
    runner.warm_up()


class BatchPool:
    """`workers` processes, spawned now from the calling thread, each warmed up."""

    def __init__(self, workers: int):
        self.workers = workers
        self.closed = False
        self._executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start
        )
        # a spawn pool starts a process per item submitted while none is idle: all of them now
        # (none is idle before its warm-up ends), from this thread (see die_with_parent)
        for _ in range(workers):
            self._executor.submit(int)

    def run_batch(self, plan: Path, batch_no: int, raw_dir: Path) -> BatchResult:
        """runner.run_planned_batch in one of the processes; blocks the calling thread."""
        return self._executor.submit(runner.run_planned_batch, plan, batch_no, raw_dir).result()

    def processes(self) -> list:
        """The worker processes (multiprocessing.Process), for tests and the benchmark."""
        return list((self._executor._processes or {}).values())

    def close(self, wait: bool = False) -> None:
        """Stop the processes: queued batches are cancelled; without `wait` they exit in the
        background (the interpreter still joins them at exit)."""
        self.closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)


# Run state in context variables (Prefect's thread task runner copies the context into each task):
# the workers spawned early by the command, and the pool of the run in progress.
_EARLY_WORKERS: ContextVar[BatchPool | None] = ContextVar("newsetl_early_workers", default=None)
_RUN_WORKERS: ContextVar[BatchPool | None] = ContextVar("newsetl_run_workers", default=None)


@contextmanager
def workers_started_early(workers: int):
    """Spawn the extraction worker processes now (each imports and warms the extraction code
    while Prefect's server boots); a run inside the block with as many workers adopts them.
    They are stopped when the block ends, used or not."""
    pool = BatchPool(workers)
    token = _EARLY_WORKERS.set(pool)
    try:
        yield pool
    finally:
        _EARLY_WORKERS.reset(token)
        pool.close()


@contextmanager
def batches_in_processes(workers: int):
    """The run's worker pool (the early one if there is one of this size, not yet used), in
    use by extract_batch until the block ends; then its processes exit in the background."""
    early = _EARLY_WORKERS.get()
    pool = early if early is not None and early.workers == workers and not early.closed else BatchPool(workers)
    token = _RUN_WORKERS.set(pool)
    try:
        yield pool
    finally:
        _RUN_WORKERS.reset(token)
        pool.close()


def run_pool() -> BatchPool | None:
    """The worker pool of the run in progress in this context, if it runs batches in processes."""
    return _RUN_WORKERS.get()
