"""One run of the ETL flow under Prefect, as `newsetl run` starts it: Prefect's offline
defaults, the configured API or a temporary local server, Prefect's console log set to the
command's verbosity, a progress bar on a terminal, no heartbeats or dead UI links for a
temporary server, and Prefect's queued logs sent before the server stops. A failed run is one
`newsetl: ...` line. Prefect is imported inside the functions, only when a run starts.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from contextlib import contextmanager

import click

from flows.cli.common import EXIT_BUSY, fail

# Prefect's local (temporary server) mode offline: no telemetry attempts, no resource metrics.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "DO_NOT_TRACK": "1",  # Prefect's SDK telemetry, set up at `import prefect` (≈ 0.3 s of CPU)
}


def set_prefect_defaults() -> None:
    """PREFECT_DEFAULTS for every variable the environment does not set already."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)


def run_with_prefect(settings, verbosity: str = "normal") -> dict:
    """The flow once, on the configured Prefect API or a temporary local server."""
    set_prefect_defaults()
    from flows.prefect_local import prefect_api_for_run

    # The temporary Prefect server boots on the other core while prefect and the core import.
    try:
        with (
            prefect_api_for_run(settings.warehouse.parent / "prefect-server.log") as api,
            _workers_if_many_files(settings) as etl_flow,
        ):
            _console_log_level(verbosity)
            api.ready()
            with _no_dead_ui_links(api.temporary):
                summary = _run_flow(etl_flow.etl, settings, api.temporary, progress_bar=verbosity != "quiet")
    except (OSError, RuntimeError) as exc:  # the local Prefect server could not start
        fail(f"Prefect: {exc}")
    return summary


def _console_log_level(verbosity: str) -> None:
    """Prefect's console handler (root logger): WARNING when quiet; the flow's closing summary
    line dropped unless verbose (the command prints the summary itself). The API log, which the
    Prefect UI shows, keeps everything."""
    from prefect.logging.handlers import PrefectConsoleHandler

    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler):
            handler.setLevel(logging.WARNING if verbosity == "quiet" else logging.NOTSET)
            handler.removeFilter(_not_the_flow_summary)
            if verbosity != "verbose":
                handler.addFilter(_not_the_flow_summary)


_FLOW_SUMMARY = re.compile(r"^run \S+: \d+ files seen, ")


def _not_the_flow_summary(record: logging.LogRecord) -> bool:
    return not _FLOW_SUMMARY.match(record.getMessage())


@contextmanager
def _workers_if_many_files(settings):
    """Yield the flow module. More files than one batch: the run will want its process pool, so
    the workers spawn now, while Prefect's server boots (≈ 3 s, one core), instead of after
    the planning; they stop when the block ends."""
    from flows import etl_flow
    from flows.core.ingest.discover import more_files_than
    from flows.core.run.workers import workers_started_early

    if (
        settings.task_runner in ("auto", "process")
        and settings.workers > 1
        and more_files_than(settings.raw_dir, settings.batch_size)
    ):
        with workers_started_early(settings.workers):
            yield etl_flow
    else:
        yield etl_flow


def _not_a_ui_link(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("View at ")


@contextmanager
def _no_dead_ui_links(temporary: bool):
    """Drop "View at http://127.0.0.1:PORT/..." lines while the API is a temporary server: it
    has no UI and is gone when the run ends (Prefect prints none for its own either)."""
    logger = logging.getLogger("prefect.flow_runs")
    if temporary:
        logger.addFilter(_not_a_ui_link)
    try:
        yield
    finally:
        logger.removeFilter(_not_a_ui_link)


def _run_flow(etl, settings, temporary_api: bool, progress_bar: bool = True) -> dict:
    from flows.core.warehouse.publish import WarehouseBusy

    progress = _attach_progress_bar() if progress_bar else None
    clock = time.perf_counter()
    try:
        with _no_heartbeats_on_a_temporary_server(temporary_api):
            summary = etl(
                raw_dir=str(settings.raw_dir),
                warehouse=str(settings.warehouse),
                export_dir=str(settings.export_dir),
                batch_size=settings.batch_size,
                memory_limit=settings.memory_limit,
                task_runner=settings.task_runner,
                workers=settings.workers,
                dask_address=settings.dask_address,
            )
        # the flow as Prefect runs it: from the flow call to its return (exported parquet)
        summary["seconds"]["flow"] = round(time.perf_counter() - clock, 3)
        return summary
    except WarehouseBusy as exc:
        fail(str(exc), EXIT_BUSY)
    except Exception as exc:  # noqa: BLE001 - one line for the user; Prefect logged the detail
        fail(f"run failed: {type(exc).__name__}: {exc}")
    finally:
        if progress is not None:
            progress.close()
        _drain_prefect()


@contextmanager
def _no_heartbeats_on_a_temporary_server(temporary: bool):
    """Flow-run heartbeats let a lasting server mark a crashed run. The temporary server stops
    with this command, so nothing would read them, and a sync flow waits (up to 1 s) for its
    heartbeat thread as it ends: none while the API is a temporary server started here."""
    if not temporary:
        yield
        return
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def _drain_prefect() -> None:
    """Send Prefect's queued logs and events while its API is still up (the temporary server
    stops when the command ends), as prefect_test_harness does."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=5)
        except Exception:  # noqa: BLE001 - nothing was started, or the API is gone: nothing to lose
            pass


class _ProgressBar(logging.Handler):
    """Turns the flow's 'progress: done/total files' log lines into a terminal progress bar."""

    PATTERN = re.compile(r"progress: (\d+)/(\d+) files")

    def __init__(self) -> None:
        super().__init__()
        self.bar = None

    def emit(self, record: logging.LogRecord) -> None:
        match = self.PATTERN.search(record.getMessage())
        if not match:
            return
        done, total = int(match.group(1)), int(match.group(2))
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="files", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
        logging.getLogger("prefect.flow_runs").removeHandler(self)
        super().close()


def _attach_progress_bar() -> _ProgressBar | None:
    if not sys.stderr.isatty():
        return None
    handler = _ProgressBar()
    logging.getLogger("prefect.flow_runs").addHandler(handler)
    return handler
