"""The commands that write files or records without running the flow: `extract` (the cohorts
the rules find in raw files, as JSON lines, touching no warehouse), `export` (every relation as
parquet) and `report` (a self-contained HTML report of the aggregates).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from flows.cli.common import EXIT_FAILED, EXIT_USAGE, WAREHOUSE_OPTION, fail, first_line, settings_or_fail


@click.command()
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


@click.command()
@WAREHOUSE_OPTION
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output directory (default warehouse/export/).")
def export(warehouse, out_dir) -> None:
    """Write every table and view as parquet, one file per relation (DIR/cohorts.parquet, ...).

    Example: newsetl export --out warehouse/export
    """
    import duckdb

    from flows.core.run.runner import export_all

    settings = settings_or_fail(warehouse=warehouse, export_dir=out_dir)
    if not settings.warehouse.exists():
        fail(f"warehouse not found: {settings.warehouse} (run `newsetl run` first)")
    if settings.export_dir.exists() and not settings.export_dir.is_dir():
        fail(f"--out {settings.export_dir} is a file; give a directory for the parquet files", EXIT_USAGE)
    try:
        written = export_all(settings.warehouse, settings.export_dir, settings.memory_limit, full=True)
    except (OSError, duckdb.Error) as exc:
        fail(f"export failed: {first_line(exc)}")
    for path in written:
        click.echo(str(path))


@click.command()
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

    settings = settings_or_fail(warehouse=warehouse)
    if not settings.warehouse.exists():
        fail(f"warehouse not found: {settings.warehouse} (run `newsetl run` first)")
    con = wh.connect(settings.warehouse, read_only=True, memory_limit=settings.memory_limit)
    try:
        click.echo(str(write_report(con, out_file)))
    finally:
        con.close()
