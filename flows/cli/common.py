"""What every `newsetl` command shares: the exit codes, the one-line `newsetl: ...` error and
warning on stderr, settings from flags and NEWSETL_ variables (a bad one is a usage error), the
first line of an exception's message, and the --warehouse option.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from flows.core.present.render import one_line
from flows.core.settings import SettingsError, build_settings

EXIT_FAILED = 1
EXIT_USAGE = 2  # click's own code for usage errors
EXIT_BUSY = 3  # another run holds the warehouse

WAREHOUSE_OPTION = click.option(
    "--warehouse", type=click.Path(path_type=Path), help="DuckDB file (default warehouse/news.duckdb)."
)


def fail(message: str, code: int = EXIT_FAILED) -> None:
    """One line on stderr (file names and messages in it cannot drive the terminal), then exit."""
    click.echo(f"newsetl: {one_line(message)}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(f"newsetl: warning: {one_line(message)}", err=True)


def settings_or_fail(**flags):
    try:
        return build_settings(**flags)
    except SettingsError as exc:  # a bad flag or NEWSETL_ variable, said in one line
        fail(f"invalid settings: {exc}", EXIT_USAGE)


def first_line(exc: BaseException) -> str:
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
