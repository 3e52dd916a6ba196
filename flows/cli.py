"""`newsetl` command line: each command wraps one library call.

Data goes to stdout, diagnostics to stderr, every error as one line `newsetl: ...` (no
traceback). Exit codes: 0 done, 1 run failed, 2 usage or settings error, 3 another run holds the
warehouse.
Prefect is imported only by `run` and `serve` (it costs seconds), so `extract`, `sql`, `tables`,
`describe` and `export` stay fast.
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

from flows.core.settings import SettingsError, build_settings

EXIT_FAILED = 1
EXIT_USAGE = 2  # click's own code for usage errors
EXIT_BUSY = 3  # another run holds the warehouse

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


def _warn(message: str) -> None:
    click.echo(f"newsetl: warning: {message}", err=True)


def _settings(**flags):
    try:
        return build_settings(**flags)
    except SettingsError as exc:  # a bad flag or NEWSETL_ variable, said in one line
        _fail(f"invalid settings: {exc}", EXIT_USAGE)


def _raw_dir_or_fail(raw_dir: Path) -> None:
    """The raw directory must be a directory (exit 2 otherwise); an empty one gets a warning."""
    if not raw_dir.exists():
        _fail(f"raw directory not found: {raw_dir}", EXIT_USAGE)
    if not raw_dir.is_dir():
        _fail(f"raw directory {raw_dir} is not a directory (give the folder that holds the news files)", EXIT_USAGE)
    if not any(p.is_file() for p in raw_dir.rglob("*")):
        _warn(f"raw directory {raw_dir} holds no files: nothing to load (files loaded before are retired)")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsetl")
    except PackageNotFoundError:
        return "unknown"


@click.group()
@click.version_option(_version(), "--version", prog_name="newsetl", message="%(prog)s %(version)s")
def main() -> None:
    """newsetl: Chinese investment news -> DuckDB warehouse of project cohorts."""


@main.command()
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
        _fail("--quiet and --verbose exclude each other", EXIT_USAGE)
    settings = _settings(
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
            _fail(str(exc), EXIT_BUSY)
        summary = _run_with_prefect(settings, verbosity)
    if as_json:
        click.echo(json.dumps(summary, default=str))
    elif not quiet:
        _print_summary(summary, everything=verbose)
    _warn_about_empty_results(summary, settings)


def _warn_about_empty_results(summary: dict, settings) -> None:
    """Files that were read but gave no cohort are worth a word: wrong language, no figures,
    or figures the rules do not know yet."""
    read = summary.get("articles_loaded", 0)
    if not read:
        return
    empty = _articles_without_cohorts(settings, summary.get("run_id"))
    if summary.get("cohorts_loaded", 0) == 0:
        _warn(
            f"the {read} article(s) this run loaded yielded no cohorts "
            "(see `newsetl extract FILE` for what the rules find)"
        )
    elif empty:
        shown = ", ".join(empty[:5]) + (f" and {len(empty) - 5} more" if len(empty) > 5 else "")
        _warn(f"{len(empty)} article(s) yielded no cohorts: {shown} (see `newsetl extract FILE`)")


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


def _run_with_prefect(settings, verbosity: str = "normal") -> dict:
    """The flow once, on the configured Prefect API or a temporary local server."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    from flows.prefect_local import prefect_api_for_run

    # The temporary Prefect server boots on the other core while prefect and the core import.
    try:
        with prefect_api_for_run(settings.warehouse.parent / "prefect-server.log") as api_ready:
            from flows import etl_flow

            _console_log_level(verbosity)
            _start_workers_if_many_files(etl_flow, settings)
            try:
                api_ready()
                logging.getLogger("prefect.flow_runs").addFilter(_no_dead_ui_links)
                summary = _run_flow(etl_flow.etl, settings, progress_bar=verbosity != "quiet")
            finally:
                etl_flow.stop_unused_workers()
    except (OSError, RuntimeError) as exc:  # the local Prefect server could not start
        _fail(f"Prefect: {exc}")
    return summary


def _start_workers_if_many_files(etl_flow, settings) -> None:
    """More files than one batch: the run will want its process pool, so spawn the workers
    now, while Prefect's server boots (≈ 3 s, one core), instead of after the planning."""
    from flows.core.ingest.discover import more_files_than

    if (
        settings.task_runner in ("auto", "process")
        and settings.workers > 1
        and more_files_than(settings.raw_dir, settings.batch_size)
    ):
        etl_flow.start_workers_early(settings.workers)


def _no_dead_ui_links(record: logging.LogRecord) -> bool:
    """Drop "View at http://127.0.0.1:PORT/..." lines: a temporary server has no UI and is gone
    when the run ends (Prefect prints none for its own temporary server either)."""
    from flows.prefect_local import started_here

    return not (started_here() and record.getMessage().startswith("View at "))


def _run_flow(etl, settings, progress_bar: bool = True) -> dict:
    from flows.core.warehouse.publish import WarehouseBusy

    progress = _attach_progress_bar() if progress_bar else None
    clock = time.perf_counter()
    try:
        with _no_heartbeats_on_a_temporary_server():
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
        click.echo(f"  quarantined {q['source_file']}: {q['reason']}")
    if len(s["quarantine"]) > len(shown):
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


WAREHOUSE_OPTION = click.option(
    "--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb)."
)


def _format_option(default: str = "table"):
    from flows.core.present.render import FORMATS

    def both(command):
        command = click.option(
            "--max-width",
            type=click.IntRange(min=0),
            help="Cut table cells to N columns (default: 80 on a terminal, no cut in a pipe; 0: never).",
        )(command)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            default=default,
            show_default=True,
            help="table (aligned, for the terminal), csv, tsv, json (one array), "
            "jsonl (one object a line) or markdown.",
        )(command)

    return both


def _cell_width(max_width: int | None) -> int | None:
    if max_width is not None:
        return max_width or None
    return 80 if sys.stdout.isatty() else None


def _open_warehouse(warehouse, allow_local_files: bool = False):
    """The published warehouse, read-only. Sandboxed (the warehouse only: no files, no ATTACH)
    unless allow_local_files. Each command is a fresh process, so it sees the file as it is now
    (DuckDB caches a database instance per path and process: a long-lived process that still
    holds an older connection would see that connection's snapshot)."""
    import duckdb

    from flows.core.warehouse import connect as wh

    settings = _settings(warehouse=warehouse)
    if not settings.warehouse.exists():
        _fail(f"warehouse not found: {settings.warehouse} (run `newsetl run` first)")
    try:
        if allow_local_files:
            return wh.connect(settings.warehouse, read_only=True, memory_limit=settings.memory_limit)
        return wh.connect_sandboxed(settings.warehouse, settings.memory_limit)
    except duckdb.Error as exc:
        _fail(f"cannot open {settings.warehouse}: {_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _read_sql(query: str) -> tuple[str, str]:
    """QUERY as given: SQL text, '-' for standard input, or the path of a file of SQL."""
    if query == "-":
        return click.get_text_stream("stdin").read(), "standard input"
    if "\n" not in query and len(query) < 4096 and query.strip().lower().endswith(".sql"):
        path = Path(query.strip())
        if not path.is_file():
            if any(ch.isspace() for ch in query.strip()):
                return query, "the command line"  # SQL that happens to end in ".sql"
            _fail(f"SQL file not found: {path}", EXIT_USAGE)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read {path}: {exc}", EXIT_USAGE)
    return query, "the command line"


def _emit(columns: list[str], rows: list[tuple], fmt: str, max_width: int | None = None) -> None:
    from flows.core.present.render import render

    try:
        text = render(columns, rows, fmt, _cell_width(max_width))
    except Exception as exc:  # noqa: BLE001 - one line, whatever value type a query returns
        _fail(f"cannot write the result as {fmt}: {type(exc).__name__}: {_first_line(exc)}")
    click.echo(text, nl=False)


@main.command()
@WAREHOUSE_OPTION
@_format_option()
@click.option(
    "--param",
    "params",
    nargs=2,
    multiple=True,
    metavar="NAME VALUE",
    help="Bind $NAME in the SQL to VALUE (bound as text, cast where compared: $year or $year::int). Repeatable.",
)
@click.option("--limit", type=click.IntRange(min=0), help="Print at most N rows (says so when there are more).")
@click.option(
    "--allow-local-files",
    is_flag=True,
    help="Let the query read and write local files (COPY, read_csv, ATTACH); off by default.",
)
@click.argument("query")
def sql(warehouse, fmt, max_width, params, limit, allow_local_files, query) -> None:
    """Run read-only SQL against the warehouse and print the result.

    QUERY is SQL text, a path to a .sql file, or - to read standard input. Several statements
    run in order and the last one's result is printed (with a notice on stderr). The query sees
    the warehouse only, unless --allow-local-files.

    Example: newsetl sql "select * from size_band_totals"

    Example: newsetl sql --format csv --param year 2021 "select * from event_totals where event_year = $year"
    """
    import duckdb

    text, origin = _read_sql(query)
    try:
        statements = duckdb.extract_statements(text)
    except duckdb.Error as exc:
        _fail(_first_line(exc))
    if not statements:
        _fail(f"no SQL statement in {origin}", EXIT_USAGE)
    bind = dict(params)
    if len(bind) < len(params):
        _fail("a --param name is given twice", EXIT_USAGE)
    used = set().union(*(set(s.named_parameters) for s in statements))
    unused = sorted(set(bind) - used)
    if unused:
        _fail(f"--param {unused[0]}: no ${unused[0]} in the SQL", EXIT_USAGE)
    con = _open_warehouse(warehouse, allow_local_files)
    try:
        try:
            for statement in statements:
                named = {k: v for k, v in bind.items() if k in statement.named_parameters}
                cursor = con.execute(statement, named or None)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            if not columns:
                rows, more = [], False
            elif limit is None:
                rows, more = cursor.fetchall(), False
            else:
                rows = cursor.fetchmany(limit + 1)
                rows, more = rows[:limit], len(rows) > limit
        finally:
            con.close()
    except duckdb.Error as exc:
        _fail(_first_line(exc))
    except Exception as exc:  # noqa: BLE001 - a value the client cannot convert: one line too
        _fail(f"{type(exc).__name__}: {_first_line(exc)}")
    if len(statements) > 1:
        click.echo(f"newsetl: ran {len(statements)} statements; the result is the last one's", err=True)
    _emit(columns, rows, fmt, max_width)
    if more:
        click.echo(f"newsetl: first {limit} rows shown (--limit); the query returns more", err=True)


_RELATIONS = """
with relation as (
    select table_name as name, 'table' as kind, comment from duckdb_tables()
    where database_name = current_database() and schema_name = 'main' and not temporary
    union all
    select view_name, 'view', comment from duckdb_views()
    where database_name = current_database() and schema_name = 'main' and not internal and not temporary
)
select
    name,
    case
        when kind = 'view' and name like 'stg\\_%' escape '\\' then 'staging'
        when kind = 'view' then 'mart'
        when name like 'fct\\_%' escape '\\' or name like 'bridge\\_%' escape '\\' then 'fact'
        when name like 'dim\\_%' escape '\\' then 'dimension'
        else 'internal'
    end as layer,
    kind,
    comment
from relation
order by
    case layer when 'mart' then 1 when 'fact' then 2 when 'dimension' then 3
        when 'internal' then 4 else 5 end,
    name
"""


@main.command()
@WAREHOUSE_OPTION
@_format_option()
def tables(warehouse, fmt, max_width) -> None:
    """List the warehouse's tables and views with what each holds: marts (the views analysts
    query) first, then facts, dimensions, internal tables and staging views.

    Example: newsetl tables
    """
    import duckdb

    con = _open_warehouse(warehouse)
    try:
        cursor = con.execute(_RELATIONS)
        columns, rows = [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.Error as exc:
        _fail(_first_line(exc))
    finally:
        con.close()
    _emit(columns, rows, fmt, max_width)


@main.command()
@WAREHOUSE_OPTION
@_format_option()
@click.argument("relation")
def describe(warehouse, fmt, max_width, relation) -> None:
    """Show the columns of a table or view: name, type, nullability and what it means.

    Example: newsetl describe sector_totals
    """
    import duckdb

    con = _open_warehouse(warehouse)
    try:
        found = con.execute(
            f"select name, layer, kind, comment from ({_RELATIONS}) where lower(name) = lower($name)",
            {"name": relation},
        ).fetchall()
        if not found:
            _fail(f"no table or view named {relation!r} (`newsetl tables` lists them)", EXIT_USAGE)
        name, layer, kind, comment = found[0]
        cursor = con.execute(
            'select column_name as "column", data_type as type, '
            "case when is_nullable then 'yes' else 'no' end as nullable, comment "
            "from duckdb_columns() where database_name = current_database() and "
            "schema_name = 'main' and table_name = $name order by column_index",
            {"name": name},
        )
        columns, rows = [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.Error as exc:
        _fail(_first_line(exc))
    finally:
        con.close()
    if fmt in ("table", "markdown"):
        click.echo(f"{name} ({layer} {kind}): {comment or 'no comment'}\n")
    _emit(columns, rows, fmt, max_width)


@main.command()
@WAREHOUSE_OPTION
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output directory (default warehouse/export/).")
def export(warehouse, out_dir) -> None:
    """Write every table and view as parquet, one file per relation (DIR/cohorts.parquet, ...).

    Example: newsetl export --out warehouse/export
    """
    import duckdb

    from flows.core.run.runner import export_all

    settings = _settings(warehouse=warehouse, export_dir=out_dir)
    if not settings.warehouse.exists():
        _fail(f"warehouse not found: {settings.warehouse} (run `newsetl run` first)")
    if settings.export_dir.exists() and not settings.export_dir.is_dir():
        _fail(f"--out {settings.export_dir} is a file; give a directory for the parquet files", EXIT_USAGE)
    try:
        written = export_all(settings.warehouse, settings.export_dir, settings.memory_limit, full=True)
    except (OSError, duckdb.Error) as exc:
        _fail(f"export failed: {_first_line(exc)}")
    for path in written:
        click.echo(str(path))


@main.command()
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
    settings = _settings(
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
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
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
        _fail(_first_line(exc))
    except Exception as exc:  # noqa: BLE001 - Prefect's client errors: one line, not 95
        _fail(f"serve failed: {type(exc).__name__}: {_first_line(exc)}")


def _reachable_or_fail(api_url: str, timeout: float = 5.0) -> None:
    """A configured PREFECT_API_URL must answer before Prefect is started against it."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(api_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        _fail(f"PREFECT_API_URL {api_url!r} is not an http(s) URL", EXIT_USAGE)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            pass
    except OSError as exc:
        _fail(
            f"the Prefect API at {api_url} is not reachable ({exc.strerror or exc}); start it "
            "(`prefect server start`) or unset PREFECT_API_URL to use a local temporary server"
        )


@main.command()
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb).")
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path),
    default=Path("warehouse/report.html"),
    show_default=True,
    help="HTML file to write.",
)
def report(warehouse, out_file) -> None:
    """Write a self-contained HTML report with charts of the aggregates (works offline).

    Example: newsetl report --out warehouse/report.html
    """
    from flows.core.present.report import write_report
    from flows.core.warehouse import connect as wh

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
