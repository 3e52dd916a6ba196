"""`newsetl serve`: the ETL flow as a Prefect deployment on the configured schedule.

Prefect cannot schedule on its temporary in-process server, so serve talks to the configured
Prefect API (PREFECT_API_URL) or, when none is set, starts `prefect server start` on a free
loopback port itself and stops it on exit. One run at a time: a run that comes due while
another is still going, or a backlog of late runs after downtime, is cancelled instead of
piling up into a burst (deployment concurrency 1 with CANCEL_NEW, late runs skipped at start).
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

DEPLOYMENT = "newsetl-scheduled"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(api_url: str, timeout: float = 90.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the local Prefect server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the Prefect server at {api_url} did not become healthy in {timeout:.0f} s")


@contextmanager
def prefect_api(log_file: Path):
    """Yield the API URL to use: the configured one, or a local server started (and stopped) here."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield configured
        return
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_UI_ENABLED": "false"}
    with open(log_file, "ab") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
             "--port", str(port), "--no-ui", "--analytics-off"],
            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        wait_healthy(api_url, process=server)
        yield api_url
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)


def serve(raw_dir: Path, warehouse: Path, export_dir: Path, batch_size: int, memory_limit: str,
          cron: str | None, interval: float | None, task_runner: str = "auto", workers: int = 2,
          dask_address: str | None = None) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM). Must run with PREFECT_API_URL already set."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    from flows.etl_flow import etl

    cancel_late_runs()
    schedule = {"interval": interval} if interval else {"cron": cron}
    etl.serve(
        name=DEPLOYMENT,
        parameters={"raw_dir": str(raw_dir.resolve()), "warehouse": str(warehouse.resolve()),
                    "export_dir": str(export_dir.resolve()), "batch_size": batch_size,
                    "memory_limit": memory_limit, "task_runner": task_runner,
                    "workers": workers, "dask_address": dask_address},
        global_limit=ConcurrencyLimitConfig(limit=1,
                                            collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
        limit=1,
        pause_on_shutdown=False,
        print_starting_message=True,
        **schedule,
    )


def cancel_late_runs() -> int:
    """Cancel runs of this deployment that were due while nobody served it (no catch-up burst)."""
    from datetime import datetime, timezone

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (DeploymentFilter, DeploymentFilterName,
                                                FlowRunFilter, FlowRunFilterExpectedStartTime,
                                                FlowRunFilterState, FlowRunFilterStateName)
    from prefect.states import Cancelled

    now = datetime.now(timezone.utc)
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[DEPLOYMENT])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(name=FlowRunFilterStateName(any_=["Scheduled", "Late"])),
                expected_start_time=FlowRunFilterExpectedStartTime(before_=now)))
        for run in runs:
            client.set_flow_run_state(run.id, Cancelled(message="missed while not served"), force=True)
        return len(runs)
