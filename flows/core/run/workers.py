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
        self._executor.shutdown(wait=wait, cancel_futures=True)
