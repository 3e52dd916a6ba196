"""The commands an analyst queries the published warehouse with: `sql` (read-only SQL, from
the command line, a file or standard input, with bound parameters and a row limit), `tables`
(every table and view by layer) and `describe` (one relation's columns). Connections are
read-only and sandboxed to the warehouse; results print as a table, csv, tsv, json, jsonl or
markdown.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from flows.cli.common import EXIT_USAGE, WAREHOUSE_OPTION, fail, first_line, settings_or_fail


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

    settings = settings_or_fail(warehouse=warehouse)
    if not settings.warehouse.exists():
        fail(f"warehouse not found: {settings.warehouse} (run `newsetl run` first)")
    try:
        if allow_local_files:
            return wh.connect(settings.warehouse, read_only=True, memory_limit=settings.memory_limit)
        return wh.connect_sandboxed(settings.warehouse, settings.memory_limit)
    except duckdb.Error as exc:
        fail(f"cannot open {settings.warehouse}: {first_line(exc)}")


def _read_sql(query: str) -> tuple[str, str]:
    """QUERY as given: SQL text, '-' for standard input, or the path of a file of SQL."""
    if query == "-":
        return click.get_text_stream("stdin").read(), "standard input"
    if "\n" not in query and len(query) < 4096 and query.strip().lower().endswith(".sql"):
        path = Path(query.strip())
        if not path.is_file():
            if any(ch.isspace() for ch in query.strip()):
                return query, "the command line"  # SQL that happens to end in ".sql"
            fail(f"SQL file not found: {path}", EXIT_USAGE)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read {path}: {exc}", EXIT_USAGE)
    return query, "the command line"


def _emit(columns: list[str], rows: list[tuple], fmt: str, max_width: int | None = None) -> None:
    from flows.core.present.render import render

    try:
        text = render(columns, rows, fmt, _cell_width(max_width))
    except Exception as exc:  # noqa: BLE001 - one line, whatever value type a query returns
        fail(f"cannot write the result as {fmt}: {type(exc).__name__}: {first_line(exc)}")
    click.echo(text, nl=False)


@click.command()
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
        fail(first_line(exc))
    if not statements:
        fail(f"no SQL statement in {origin}", EXIT_USAGE)
    bind = dict(params)
    if len(bind) < len(params):
        fail("a --param name is given twice", EXIT_USAGE)
    used = set().union(*(set(s.named_parameters) for s in statements))
    unused = sorted(set(bind) - used)
    if unused:
        fail(f"--param {unused[0]}: no ${unused[0]} in the SQL", EXIT_USAGE)
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
        fail(first_line(exc))
    except Exception as exc:  # noqa: BLE001 - a value the client cannot convert: one line too
        fail(f"{type(exc).__name__}: {first_line(exc)}")
    if len(statements) > 1:
        click.echo(f"newsetl: ran {len(statements)} statements; the result is the last one's", err=True)
    _emit(columns, rows, fmt, max_width)
    if more:
        click.echo(f"newsetl: first {limit} rows shown (--limit); the query returns more", err=True)


def _relations() -> str:
    """Every relation of the warehouse's schemas with its layer, marts first (schema-qualified
    names outside main)."""
    from flows.core.warehouse.connect import QUALIFIER_SQL, SCHEMAS_SQL

    return f"""
with relation as (
    select schema_name, table_name as relation_name, 'table' as kind, comment from duckdb_tables()
    where database_name = current_database() and schema_name in {SCHEMAS_SQL} and not temporary
    union all
    select schema_name, view_name, 'view', comment from duckdb_views()
    where database_name = current_database() and schema_name in {SCHEMAS_SQL}
        and not internal and not temporary
)
select
    {QUALIFIER_SQL}relation_name as name,
    case
        when schema_name = 'staging' then 'staging'
        when kind = 'view' then 'mart'
        when relation_name like 'fct\\_%' escape '\\' or relation_name like 'bridge\\_%' escape '\\' then 'fact'
        when relation_name like 'dim\\_%' escape '\\' then 'dimension'
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


@click.command()
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
        cursor = con.execute(_relations())
        columns, rows = [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.Error as exc:
        fail(first_line(exc))
    finally:
        con.close()
    _emit(columns, rows, fmt, max_width)


@click.command()
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
            f"select name, layer, kind, comment from ({_relations()}) where lower(name) = lower($name)",
            {"name": relation},
        ).fetchall()
        if not found:
            fail(f"no table or view named {relation!r} (`newsetl tables` lists them)", EXIT_USAGE)
        name, layer, kind, comment = found[0]
        cursor = con.execute(
            'select column_name as "column", data_type as type, '
            "case when is_nullable then 'yes' else 'no' end as nullable, comment "
            "from duckdb_columns() where database_name = current_database() and "
            "schema_name = $schema and table_name = $name order by column_index",
            {"schema": name.split(".")[0] if "." in name else "main", "name": name.split(".")[-1]},
        )
        columns, rows = [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.Error as exc:
        fail(first_line(exc))
    finally:
        con.close()
    if fmt in ("table", "markdown"):
        click.echo(f"{name} ({layer} {kind}): {comment or 'no comment'}\n")
    _emit(columns, rows, fmt, max_width)
