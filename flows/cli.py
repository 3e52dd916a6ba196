"""`newsetl` command line: each command wraps one library call.

Data goes to stdout, diagnostics to stderr. Exit codes: 0 done, 1 run failed, 2 usage error,
3 another run holds the warehouse.
Prefect is imported only by `run` (it costs seconds), so `extract`, `sql` and `export` stay fast.
"""
from __future__ import annotations

import json
import logging
import os
import re
import signal
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import click

from flows.core.settings import build_settings

EXIT_FAILED = 1
EXIT_USAGE = 2      # click's own code for usage errors
EXIT_BUSY = 3       # another run holds the warehouse

# Prefect's local (temporary server) mode offline: no telemetry attempts, no resource metrics.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
}


def _fail(message: str, code: int = EXIT_FAILED) -> None:
    click.echo(f"newsetl: {message}", err=True)
    sys.exit(code)


def _settings(**flags):
    try:
        return build_settings(**flags)
    except Exception as exc:  # pydantic ValidationError: bad flag or NEWSETL_ variable
        raise click.UsageError(f"invalid settings: {exc}") from exc


@click.group()
def main() -> None:
    """newsetl: Chinese investment news -> DuckDB warehouse of project cohorts."""


@main.command()
@click.option("--raw", "raw_dir", type=click.Path(path_type=Path), help="Raw news directory (default raw/).")
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb).")
@click.option("--export", "export_dir", type=click.Path(path_type=Path), help="Parquet directory (default warehouse/export/).")
@click.option("--batch-size", type=int, help="Files per extraction task.")
@click.option("--task-runner", type=click.Choice(["auto", "thread", "process", "dask"]),
              help="Where extraction batches run (default auto: processes for many files).")
@click.option("--workers", type=int, help="Parallel extraction workers (default 2).")
@click.option("--dask-address", help="Address of an existing Dask scheduler (with --task-runner dask).")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as one JSON object.")
def run(raw_dir, warehouse, export_dir, batch_size, task_runner, workers, dask_address, as_json) -> None:
    """Run the ETL flow once: ingest new or changed files, load, refresh views, export.

    Example: newsetl run --raw raw --warehouse warehouse/news.duckdb
    """
    settings = _settings(raw_dir=raw_dir, warehouse=warehouse, export_dir=export_dir,
                         batch_size=batch_size, task_runner=task_runner, workers=workers,
                         dask_address=dask_address)
    if not settings.raw_dir.is_dir():
        _fail(f"raw directory not found: {settings.raw_dir}")
    from flows.core.warehouse.publish import WarehouseBusy, run_lock

    with ExitStack() as held:
        try:      # before anything heavy starts; held to the end (the flow re-enters it)
            held.enter_context(run_lock(settings.warehouse))
        except WarehouseBusy as exc:
            _fail(str(exc), EXIT_BUSY)
        summary = _run_with_prefect(settings)
    if as_json:
        click.echo(json.dumps(summary, default=str))
    else:
        _print_summary(summary)


def _run_with_prefect(settings) -> dict:
    """The flow once, on the configured Prefect API or a temporary local server."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    from flows.prefect_local import prefect_api_for_run

    # The temporary Prefect server boots on the other core while prefect and the core import.
    try:
        with prefect_api_for_run(settings.warehouse.parent / "prefect-server.log") as api_ready:
            from flows import etl_flow

            _start_workers_if_many_files(etl_flow, settings)
            try:
                api_ready()
                logging.getLogger("prefect.flow_runs").addFilter(_no_dead_ui_links)
                summary = _run_flow(etl_flow.etl, settings)
            finally:
                etl_flow.stop_unused_workers()
    except (OSError, RuntimeError) as exc:   # the local Prefect server could not start
        _fail(f"Prefect: {exc}")
    return summary


def _start_workers_if_many_files(etl_flow, settings) -> None:
    """More files than one batch: the run will want its process pool, so spawn the workers
    now, while Prefect's server boots (≈ 3 s, one core), instead of after the planning."""
    from flows.core.ingest.discover import more_files_than

    if settings.task_runner in ("auto", "process") and settings.workers > 1 and \
            more_files_than(settings.raw_dir, settings.batch_size):
        etl_flow.start_workers_early(settings.workers)


def _no_dead_ui_links(record: logging.LogRecord) -> bool:
    """Drop "View at http://127.0.0.1:PORT/..." lines: a temporary server has no UI and is gone
    when the run ends (Prefect prints none for its own temporary server either)."""
    from flows.prefect_local import started_here

    return not (started_here() and record.getMessage().startswith("View at "))


def _run_flow(etl, settings) -> dict:
    from flows.core.warehouse.publish import WarehouseBusy

    progress = _attach_progress_bar()
    clock = time.perf_counter()
    try:
        with _no_heartbeats_on_a_temporary_server():
            summary = etl(raw_dir=str(settings.raw_dir), warehouse=str(settings.warehouse),
                          export_dir=str(settings.export_dir), batch_size=settings.batch_size,
                          memory_limit=settings.memory_limit, task_runner=settings.task_runner,
                          workers=settings.workers, dask_address=settings.dask_address)
        # the flow as Prefect runs it: from the flow call to its return (exported parquet)
        summary["seconds"]["flow"] = round(time.perf_counter() - clock, 3)
        return summary
    except WarehouseBusy as exc:
        _fail(str(exc), EXIT_BUSY)
    except Exception as exc:  # noqa: BLE001 - one line for the user; Prefect logged the detail
        _fail(f"run failed: {type(exc).__name__}: {exc}")
    finally:
        if progress is not None:
            progress.close()
        _drain_prefect()


@contextmanager
def _no_heartbeats_on_a_temporary_server():
    """Flow-run heartbeats let a lasting server mark a crashed run. The temporary server stops
    with this command, so nothing would read them, and a sync flow waits (up to 1 s) for its
    heartbeat thread as it ends: none while the API is a temporary server started here."""
    from flows.prefect_local import started_here

    if not started_here():
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


def _print_summary(s: dict) -> None:
    click.echo(
        f"run {s['run_id']}: files seen {s['files_seen']}, new {s['files_new']}, changed "
        f"{s['files_changed']}, unchanged {s['files_unchanged']}, quarantined "
        f"{s['files_quarantined']}; articles {s['articles_loaded']}, cohorts "
        f"{s['cohorts_loaded']}, rejects {s['rejects']}; exported {s['exported']} relations"
    )
    click.echo(f"  facts {s['facts_total']} ({s['conflicted_facts']} with conflicting reports); "
               f"removed files {s['files_removed']}; data-quality findings: "
               + (", ".join(f"{k} {v}" for k, v in s["dq_issues"].items()) or "none")
               + " (see the dq_issues view)")
    for q in s["quarantine"][:20]:
        click.echo(f"  quarantined {q['source_file']}: {q['reason']}")
    if len(s["quarantine"]) > 20:
        click.echo(f"  ... and {len(s['quarantine']) - 20} more (see the quarantine table)")
    click.echo("  seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in s["seconds"].items()))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract(files) -> None:
    """Print the cohorts found in FILES as JSON lines, touching no warehouse.

    Example: newsetl extract raw/wmc2021_chinanews.txt
    """
    from flows.core.contract import CONTRACT_COLUMNS
    from flows.core.extract.batch import extract_articles
    from flows.core.ingest.read import Unreadable, parse_bytes, read_bytes

    articles, failed = [], 0
    for path in files:
        try:
            good, bad = parse_bytes(read_bytes(path), path.suffix, path.as_posix())
        except Unreadable as exc:
            click.echo(f"newsetl: {path}: {exc}", err=True)
            failed += 1
            continue
        for ref, reason in bad:
            click.echo(f"newsetl: {ref}: {reason}", err=True)
        articles.extend(good)
    for row in extract_articles(articles).select(CONTRACT_COLUMNS).iter_rows(named=True):
        click.echo(json.dumps(row, ensure_ascii=False))
    if failed == len(files):
        sys.exit(EXIT_FAILED)


@main.command()
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--allow-local-files", is_flag=True,
              help="Let the query read and write local files (COPY, read_csv, ATTACH); off by default.")
@click.argument("query")
def sql(warehouse, fmt, allow_local_files, query) -> None:
    """Run a read-only SQL QUERY against the warehouse. The query sees the warehouse only,
    unless --allow-local-files.

    Example: newsetl sql "select * from size_band_totals"
    """
    import duckdb

    from flows.core.warehouse import connect as wh
    from flows.core.present.render import render

    settings = _settings(warehouse=warehouse)
    if not settings.warehouse.exists():
        _fail(f"warehouse not found: {settings.warehouse} (run `newsetl run` first)")
    try:
        con = (wh.connect(settings.warehouse, read_only=True, memory_limit=settings.memory_limit)
               if allow_local_files else wh.connect_sandboxed(settings.warehouse, settings.memory_limit))
        try:
            cursor = con.execute(query)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows = cursor.fetchall() if columns else []
        finally:
            con.close()
    except duckdb.Error as exc:
        _fail(str(exc).splitlines()[0])
    click.echo(render(columns, rows, fmt), nl=False)


@main.command()
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output directory (default warehouse/export/).")
def export(warehouse, out_dir) -> None:
    """Write every table and view as parquet, one file per relation (DIR/cohorts.parquet, ...).

    Example: newsetl export --out warehouse/export
    """
    from flows.core.run.runner import export_all

    settings = _settings(warehouse=warehouse, export_dir=out_dir)
    if not settings.warehouse.exists():
        _fail(f"warehouse not found: {settings.warehouse} (run `newsetl run` first)")
    for path in export_all(settings.warehouse, settings.export_dir, settings.memory_limit, full=True):
        click.echo(str(path))


@main.command()
@click.option("--raw", "raw_dir", type=click.Path(path_type=Path), help="Raw news directory (default raw/).")
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb).")
@click.option("--export", "export_dir", type=click.Path(path_type=Path), help="Parquet directory (default warehouse/export/).")
@click.option("--cron", "schedule_cron", help="Cron schedule (default NEWSETL_SCHEDULE_CRON or '0 * * * *').")
@click.option("--interval", "schedule_interval", type=float, help="Run every N seconds instead of the cron.")
def serve(raw_dir, warehouse, export_dir, schedule_cron, schedule_interval) -> None:
    """Serve the ETL flow as a Prefect deployment on its schedule until interrupted.

    Uses PREFECT_API_URL when set; otherwise starts a local Prefect server on a loopback port
    and stops it on exit. Example: newsetl serve --cron "*/15 * * * *"
    """
    settings = _settings(raw_dir=raw_dir, warehouse=warehouse, export_dir=export_dir,
                         schedule_cron=schedule_cron, schedule_interval=schedule_interval)
    if not settings.raw_dir.is_dir():
        _fail(f"raw directory not found: {settings.raw_dir}")
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    from flows.deploy import serve as serve_flow
    from flows.prefect_local import full_server

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    log_file = settings.warehouse.parent / "prefect-server.log"
    try:
        with full_server(log_file) as api_url:
            os.environ["PREFECT_API_URL"] = api_url
            click.echo(f"newsetl: serving on {api_url} "
                       f"({'every %g s' % settings.schedule_interval if settings.schedule_interval else settings.schedule_cron})",
                       err=True)
            serve_flow(settings.raw_dir, settings.warehouse, settings.export_dir,
                       settings.batch_size, settings.memory_limit, settings.schedule_cron,
                       settings.schedule_interval, settings.task_runner, settings.workers,
                       settings.dask_address)
    except KeyboardInterrupt:
        pass
    except RuntimeError as exc:
        _fail(str(exc))


@main.command()
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb).")
@click.option("--out", "out_file", type=click.Path(path_type=Path), default=Path("warehouse/report.html"),
              show_default=True, help="HTML file to write.")
def report(warehouse, out_file) -> None:
    """Write a self-contained HTML report with charts of the aggregates (works offline).

    Example: newsetl report --out warehouse/report.html
    """
    from flows.core.warehouse import connect as wh
    from flows.core.present.report import write_report

    settings = _settings(warehouse=warehouse)
    if not settings.warehouse.exists():
        _fail(f"warehouse not found: {settings.warehouse} (run `newsetl run` first)")
    con = wh.connect(settings.warehouse, read_only=True, memory_limit=settings.memory_limit)
    try:
        click.echo(str(write_report(con, out_file)))
    finally:
        con.close()


if __name__ == "__main__":
    main()
