"""`newsetl` command line: each command wraps one library call.

Data goes to stdout, diagnostics to stderr, every error as one line `newsetl: ...` (no
traceback). Exit codes: 0 done, 1 run failed, 2 usage or settings error, 3 another run holds the
warehouse.
Prefect is imported only by `run` and `serve` (it costs seconds), so `extract`, `sql`, `tables`,
`describe` and `export` stay fast.

This package holds the click group and entry point (`main`); the commands live by family:
`flow_commands` (run, serve; Prefect plumbing in `prefect_session`), `query` (sql, tables,
describe) and `outputs` (extract, export, report), with what they share in `common`.
"""

from __future__ import annotations

import click

from flows.cli.flow_commands import run, serve
from flows.cli.outputs import export, extract, report
from flows.cli.query import describe, sql, tables


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


for _command in (run, extract, sql, tables, describe, export, serve, report):
    main.add_command(_command)
