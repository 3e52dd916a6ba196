"""`newsetl serve`: the ETL flow as a Prefect deployment on the configured schedule.

Prefect cannot schedule on its temporary in-process server, so serve talks to the configured
Prefect API (PREFECT_API_URL) or, when none is set, starts `prefect server start` on a free
loopback port itself and stops it on exit. One run at a time: a run that comes due while
another is still going, or a backlog of late runs after downtime, is cancelled instead of
piling up into a burst (deployment concurrency 1 with CANCEL_NEW, late runs skipped at start).
"""

from __future__ import annotations

from pathlib import Path

DEPLOYMENT = "newsetl-scheduled"


def serve(
    raw_dir: Path,
    warehouse: Path,
    export_dir: Path,
    batch_size: int,
    memory_limit: str,
    cron: str | None,
    interval: float | None,
    task_runner: str = "auto",
    workers: int = 2,
    dask_address: str | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM). Must run with PREFECT_API_URL already set."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    from flows.etl_flow import etl

    cancel_late_runs()
    schedule = {"interval": interval} if interval else {"cron": cron}
    etl.serve(
        name=DEPLOYMENT,
        parameters={
            "raw_dir": str(raw_dir.resolve()),
            "warehouse": str(warehouse.resolve()),
            "export_dir": str(export_dir.resolve()),
            "batch_size": batch_size,
            "memory_limit": memory_limit,
            "task_runner": task_runner,
            "workers": workers,
            "dask_address": dask_address,
        },
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
        limit=1,
        pause_on_shutdown=False,
        print_starting_message=True,
        **schedule,
    )


def cancel_late_runs() -> int:
    """Cancel runs of this deployment that were due while nobody served it (no catch-up burst)."""
    from datetime import datetime, timezone

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterName,
        FlowRunFilter,
        FlowRunFilterExpectedStartTime,
        FlowRunFilterState,
        FlowRunFilterStateName,
    )
    from prefect.states import Cancelled

    now = datetime.now(timezone.utc)
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[DEPLOYMENT])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(name=FlowRunFilterStateName(any_=["Scheduled", "Late"])),
                expected_start_time=FlowRunFilterExpectedStartTime(before_=now),
            ),
        )
        for run in runs:
            client.set_flow_run_state(run.id, Cancelled(message="missed while not served"), force=True)
        return len(runs)
