"""The commands that run the ETL flow: `run` (once, then a summary and warnings about articles
that gave no cohort) and `serve` (a Prefect deployment on its schedule until interrupted), with
the checks both make before Prefect starts: the raw directory exists, a configured
PREFECT_API_URL answers, no other run holds the warehouse.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from contextlib import ExitStack
from pathlib import Path

import click

from flows.cli.common import EXIT_BUSY, EXIT_USAGE, fail, first_line, settings_or_fail, warn
from flows.cli.prefect_session import run_with_prefect, set_prefect_defaults
from flows.core.present.render import one_line


@click.command()
@click.option("--raw", "raw_dir", type=click.Path(path_type=Path), help="Raw news directory (default raw/).")
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb).")
@click.option(
    "--export", "export_dir", type=click.Path(path_type=Path), help="Parquet directory (default warehouse/export/)."
)
@click.option("--batch-size", type=int, help="Files per extraction task.")
@click.option(
    "--task-runner",
    type=click.Choice(["auto", "thread", "process", "dask"]),
    help="Where extraction batches run (default auto: processes for many files).",
)
@click.option("--workers", type=int, help="Parallel extraction workers (default 2).")
@click.option("--dask-address", help="Address of an existing Dask scheduler (with --task-runner dask).")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as one JSON object.")
@click.option("--quiet", "-q", is_flag=True, help="Only warnings and errors: no Prefect log, no summary.")
@click.option(
    "--verbose", "-v", is_flag=True, help="Prefect's log with the flow's own summary line, and every quarantined file."
)
def run(
    raw_dir, warehouse, export_dir, batch_size, task_runner, workers, dask_address, as_json, quiet, verbose
) -> None:
    """Run the ETL flow once: ingest new or changed files, load, refresh views, export.

    Prints a summary (stdout) and Prefect's log of the run (stderr); --quiet prints only
    warnings and errors, --verbose everything.

    Example: newsetl run --raw raw --warehouse warehouse/news.duckdb
    """
    if quiet and verbose:
        fail("--quiet and --verbose exclude each other", EXIT_USAGE)
    settings = settings_or_fail(
        raw_dir=raw_dir,
        warehouse=warehouse,
        export_dir=export_dir,
        batch_size=batch_size,
        task_runner=task_runner,
        workers=workers,
        dask_address=dask_address,
    )
    _raw_dir_or_fail(settings.raw_dir)
    from flows.core.warehouse.publish import WarehouseBusy, run_lock
    from flows.prefect_local import configured_api_url

    if configured_api_url():
        _reachable_or_fail(configured_api_url())
    verbosity = "quiet" if quiet else "verbose" if verbose else "normal"
    with ExitStack() as held:
        try:  # before anything heavy starts; held to the end (the flow re-enters it)
            held.enter_context(run_lock(settings.warehouse))
        except WarehouseBusy as exc:
            fail(str(exc), EXIT_BUSY)
        summary = run_with_prefect(settings, verbosity)
    if as_json:
        click.echo(json.dumps(summary, default=str))
    elif not quiet:
        _print_summary(summary, everything=verbose)
    _warn_about_empty_results(summary, settings)


def _raw_dir_or_fail(raw_dir: Path) -> None:
    """The raw directory must be a directory (exit 2 otherwise); an empty one gets a warning."""
    if not raw_dir.exists():
        fail(f"raw directory not found: {raw_dir}", EXIT_USAGE)
    if not raw_dir.is_dir():
        fail(f"raw directory {raw_dir} is not a directory (give the folder that holds the news files)", EXIT_USAGE)
    if not any(p.is_file() for p in raw_dir.rglob("*")):
        warn(f"raw directory {raw_dir} holds no files: nothing to load (files loaded before are retired)")


def _reachable_or_fail(api_url: str, timeout: float = 5.0) -> None:
    """A configured PREFECT_API_URL must answer before Prefect is started against it."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(api_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        fail(f"PREFECT_API_URL {api_url!r} is not an http(s) URL", EXIT_USAGE)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            pass
    except OSError as exc:
        fail(
            f"the Prefect API at {api_url} is not reachable ({exc.strerror or exc}); start it "
            "(`prefect server start`) or unset PREFECT_API_URL to use a local temporary server"
        )


def _print_summary(s: dict, everything: bool = False) -> None:
    click.echo(
        f"run {s['run_id']}: files seen {s['files_seen']}, new {s['files_new']}, changed "
        f"{s['files_changed']}, unchanged {s['files_unchanged']}, quarantined "
        f"{s['files_quarantined']}; articles {s['articles_loaded']}, cohorts "
        f"{s['cohorts_loaded']}, rejects {s['rejects']}; exported {s['exported']} relations"
    )
    click.echo(
        f"  facts {s['facts_total']} ({s['conflicted_facts']} with conflicting reports); "
        f"removed files {s['files_removed']}; data-quality findings: "
        + (", ".join(f"{k} {v}" for k, v in s["dq_issues"].items()) or "none")
        + " (see the dq_issues view)"
    )
    shown = s["quarantine"] if everything else s["quarantine"][:20]
    for q in shown:
        click.echo(f"  quarantined {one_line(q['source_file'])}: {one_line(q['reason'])}")
    if len(s["quarantine"]) > len(shown):
        click.echo(f"  ... and {len(s['quarantine']) - 20} more (see the quarantine table)")
    click.echo("  seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in s["seconds"].items()))


def _warn_about_empty_results(summary: dict, settings) -> None:
    """Files that were read but gave no cohort are worth a word: wrong language, no figures,
    or figures the rules do not know yet."""
    read = summary.get("articles_loaded", 0)
    if not read:
        return
    empty = _articles_without_cohorts(settings, summary.get("run_id"))
    if summary.get("cohorts_loaded", 0) == 0:
        warn(
            f"the {read} article(s) this run loaded yielded no cohorts "
            "(see `newsetl extract FILE` for what the rules find)"
        )
    elif empty:
        shown = ", ".join(empty[:5]) + (f" and {len(empty) - 5} more" if len(empty) > 5 else "")
        warn(f"{len(empty)} article(s) yielded no cohorts: {shown} (see `newsetl extract FILE`)")


def _articles_without_cohorts(settings, run_id) -> list[str]:
    from flows.core.warehouse import connect as wh

    try:
        con = wh.connect_sandboxed(settings.warehouse, settings.memory_limit)
        try:
            rows = con.execute(
                "select source_file from dim_article where run_id = $run and "
                "retired_at is null and coalesce(cohort_count, 0) = 0 "
                "order by source_file",
                {"run": str(run_id)},
            ).fetchall()
        finally:
            con.close()
    except Exception:  # noqa: BLE001 - a warning's detail is not worth failing a finished run
        return []
    return [r[0] for r in rows]


@click.command()
@click.option("--raw", "raw_dir", type=click.Path(path_type=Path), help="Raw news directory (default raw/).")
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb).")
@click.option(
    "--export", "export_dir", type=click.Path(path_type=Path), help="Parquet directory (default warehouse/export/)."
)
@click.option("--cron", "schedule_cron", help="Cron schedule (default NEWSETL_SCHEDULE_CRON or '0 * * * *').")
@click.option("--interval", "schedule_interval", type=float, help="Run every N seconds instead of the cron.")
def serve(raw_dir, warehouse, export_dir, schedule_cron, schedule_interval) -> None:
    """Serve the ETL flow as a Prefect deployment on its schedule until interrupted.

    Uses PREFECT_API_URL when set; otherwise starts a local Prefect server on a loopback port
    and stops it on exit. Example: newsetl serve --cron "*/15 * * * *"
    """
    settings = settings_or_fail(
        raw_dir=raw_dir,
        warehouse=warehouse,
        export_dir=export_dir,
        schedule_cron=schedule_cron,
        schedule_interval=schedule_interval,
    )
    _raw_dir_or_fail(settings.raw_dir)
    from flows.prefect_local import configured_api_url, full_server

    configured = configured_api_url()
    if configured:
        _reachable_or_fail(configured)
    set_prefect_defaults()
    from flows.deploy import serve as serve_flow

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    log_file = settings.warehouse.parent / "prefect-server.log"
    try:
        with full_server(log_file) as api_url:
            os.environ["PREFECT_API_URL"] = api_url
            click.echo(
                f"newsetl: serving on {api_url} "
                f"({'every %g s' % settings.schedule_interval if settings.schedule_interval else settings.schedule_cron})",
                err=True,
            )
            serve_flow(
                settings.raw_dir,
                settings.warehouse,
                settings.export_dir,
                settings.batch_size,
                settings.memory_limit,
                settings.schedule_cron,
                settings.schedule_interval,
                settings.task_runner,
                settings.workers,
                settings.dask_address,
            )
    except KeyboardInterrupt:
        pass
    except RuntimeError as exc:
        fail(first_line(exc))
    except Exception as exc:  # noqa: BLE001 - Prefect's client errors: one line, not 95
        fail(f"serve failed: {type(exc).__name__}: {first_line(exc)}")
