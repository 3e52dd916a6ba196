"""DuckDB I/O around the load: connect, apply the SQL files, seed dimensions.

The SQL lives in sql/<layer>/<object>.sql (one object per file), applied layer by layer
(tables, macros, staging, marts); a view reading a view not yet created waits for the next
pass. Then sql/docs/<relation>.sql puts a COMMENT on every relation and column (`newsetl
describe` and any DuckDB client show them). Frames go in through Arrow (`register` +
`INSERT ... SELECT`). flows/core/warehouse/load.py loads.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb
import polars as pl

from flows.core.extract.version import extractor_version
from flows.core.lexicon import load as load_lexicon

SQL_DIR = Path(__file__).resolve().parents[3] / "sql"
LAYERS = ("tables", "macros", "staging", "marts")
# the warehouse's schemas: main (tables and marts, what analysts query) and staging (internal
# views the marts read); a relation outside main is named schema.relation
SCHEMAS = ("main", "staging")
SCHEMAS_SQL = "(" + ", ".join(f"'{s}'" for s in SCHEMAS) + ")"  # for `schema_name in ...`
QUALIFIER_SQL = "case when schema_name = 'main' then '' else schema_name || '.' end || "  # + a name column
DOCS_LAYER = "docs"  # COMMENT ON statements, applied after the marts (views lose them on replace)
_COMMENT_TARGET = re.compile(r"^\s*comment\s+on\s+(table|view|column)\s+([\w.]+)\s+is\s", re.I)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(text: str | Path) -> str:
    """A SQL string literal (file paths in COPY / read_parquet, which take no parameters)."""
    return "'" + str(text).replace("'", "''") + "'"


def sql_files() -> list[Path]:
    return [p for layer in LAYERS for p in sorted((SQL_DIR / layer).glob("*.sql"))]


def connect(path: Path | str, read_only: bool = False, memory_limit: str = "1GB"):
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    con.execute(f"set memory_limit = '{_checked_limit(memory_limit)}'")
    return con


def connect_sandboxed(path: Path | str, memory_limit: str = "1GB"):
    """Read-only, and nothing beyond the warehouse: no files read or written (COPY, read_text),
    no other database attached, settings locked so a query cannot lift that."""
    return duckdb.connect(
        str(path),
        read_only=True,
        config={
            "memory_limit": _checked_limit(memory_limit),
            "enable_external_access": False,
            "lock_configuration": True,
        },
    )


def _checked_limit(limit: str) -> str:
    if not limit.replace(".", "").replace(" ", "").rstrip("KMGTBkmgtib").isdigit():
        raise ValueError(f"invalid memory limit: {limit!r}")
    return limit


_UNITS = {"KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}


def limit_bytes(limit: str) -> float:
    """A memory limit as the settings take it ("512MB", "1.5 GiB"), in bytes."""
    text = _checked_limit(limit).replace(" ", "").upper()
    unit = text.lstrip("0123456789.")
    if unit not in _UNITS:
        raise ValueError(f"invalid memory limit: {limit!r}")
    return float(text[: len(text) - len(unit)]) * _UNITS[unit]


def smaller_limit(a: str, b: str) -> str:
    return a if limit_bytes(a) <= limit_bytes(b) else b


def schema_version() -> str:
    digest = hashlib.sha256()
    for path in sorted((SQL_DIR / "tables").glob("*.sql")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def apply_schema(con) -> None:
    """Create tables, macros and views (idempotent) and reseed the lexicon dimensions.

    Every table is derived from the raw files, so when the table DDL changes the warehouse is
    rebuilt: all relations are dropped and the next load re-extracts every raw file."""
    if _stored_schema_version(con) not in (None, schema_version()):
        _drop_everything(con)
    _apply_in_dependency_order(con, sql_files())
    apply_docs(con)
    con.execute("delete from meta where meta_key = 'schema_version'")
    con.execute("insert into meta values ('schema_version', ?)", [schema_version()])
    for table, frame in _seeds().items():
        con.register("seed_rows", frame.to_arrow())
        con.execute(f"delete from {quote(table)}")
        con.execute(f"insert into {quote(table)} by name select * from seed_rows")
        con.unregister("seed_rows")


def apply_docs(con) -> list[str]:
    """The COMMENT ON statements of sql/docs/*.sql, in one transaction. A comment whose relation
    or column does not exist is skipped and returned, not raised: documentation never fails a
    run (tests/present/test_sql_command.py fails on a stale or missing comment instead)."""
    columns = set(
        con.execute(
            f"select lower({QUALIFIER_SQL}table_name || '.' || column_name) from duckdb_columns() "
            f"where database_name = current_database() and schema_name in {SCHEMAS_SQL}"
        ).fetchall()
    )
    relations = {
        r[0]
        for r in con.execute(
            f"select lower({QUALIFIER_SQL}table_name) from duckdb_tables() where database_name = current_database() "
            f"and schema_name in {SCHEMAS_SQL} union select lower({QUALIFIER_SQL}view_name) from duckdb_views() "
            f"where database_name = current_database() and schema_name in {SCHEMAS_SQL}"
        ).fetchall()
    }
    targets = {r[0] for r in columns} | relations
    todo, skipped = [], []
    for path in sorted((SQL_DIR / DOCS_LAYER).glob("*.sql")):
        for statement in statements(path):
            match = _COMMENT_TARGET.match(_strip_comment_lines(statement))
            target = match.group(2).lower() if match else None
            (todo if target in targets else skipped).append(
                statement if target in targets else f"{path.name}: {target or statement[:60]}"
            )
    try:
        con.execute("begin transaction")
    except duckdb.TransactionException:  # the caller's transaction holds them
        for statement in todo:
            con.execute(statement)
        return skipped
    try:
        for statement in todo:
            con.execute(statement)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return skipped


def _strip_comment_lines(statement: str) -> str:
    return "\n".join(line for line in statement.splitlines() if not line.strip().startswith("--"))


def statements(path: Path) -> list[str]:
    """The statements of one SQL file (split at a ';' that ends a line)."""
    text = path.read_text(encoding="utf-8")
    return [s.strip() for s in re.split(r";[ \t]*(?:\n|$)", text) if _code(s)]


def _code(statement: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in statement.splitlines())


def apply_statements(con, paths: list[Path], params: dict | None = None) -> None:
    """Each statement of each file in order; a statement gets the `params` it names ($name)."""
    for path in paths:
        for statement in statements(path):
            bound = {k: v for k, v in (params or {}).items() if f"${k}" in statement}
            con.execute(statement, bound or None)


def _stored_schema_version(con) -> str | None:
    exists = con.execute(
        "select count(*) from information_schema.tables where table_schema = 'main' and table_name = 'meta'"
    ).fetchall()[0][0]
    if not exists:
        has_tables = con.execute(
            "select count(*) from information_schema.tables where table_schema = 'main'"
        ).fetchall()[0][0]
        return "unknown" if has_tables else None
    rows = con.execute("select meta_value from meta where meta_key = 'schema_version'").fetchall()
    return rows[0][0] if rows else "unknown"


def _drop_everything(con) -> None:
    con.execute("drop schema if exists staging cascade")
    views = con.execute(
        "select table_name from information_schema.tables where table_schema = 'main' and table_type = 'VIEW'"
    ).fetchall()
    for (name,) in views:
        con.execute(f"drop view if exists {quote(name)} cascade")
    tables = con.execute(
        "select table_name from information_schema.tables where table_schema = 'main' and table_type <> 'VIEW'"
    ).fetchall()
    for (name,) in tables:
        con.execute(f"drop table if exists {quote(name)} cascade")


def _apply_in_dependency_order(con, paths: list[Path]) -> None:
    """Apply files layer by layer; a view that reads a view not yet created waits for the
    next pass (dbt resolves refs the same way), so file names need not encode the order."""
    pending = list(paths)
    while pending:
        deferred, error = [], None
        for path in pending:
            try:
                con.execute(path.read_text(encoding="utf-8"))
            except duckdb.CatalogException as exc:
                deferred.append(path)
                error = exc
        if len(deferred) == len(pending):
            raise error
        pending = deferred


def lexicon_frame(name: str, **casts) -> pl.DataFrame:
    rows = load_lexicon(name)
    columns = list(rows[0]) if rows else []
    frame = pl.DataFrame(
        [[row.get(c) for c in columns] for row in rows], orient="row", schema=dict.fromkeys(columns, pl.String)
    )
    return frame.with_columns(
        [pl.col(c).cast(t) for c, t in casts.items()]
        + [pl.col(c).replace("", None) for c, t in frame.schema.items() if t == pl.String and c not in casts]
    )


def _seeds() -> dict[str, pl.DataFrame]:
    """Dimension tables that mirror the CSV lexicons."""
    terms = pl.concat(
        [
            lexicon_frame(f"sectors_{lang}").select("sector_code", pl.lit(lang).alias("lang"), "term")
            for lang in ("en", "zh")
        ]
    )
    return {
        "dim_sector": lexicon_frame("sectors"),
        "dim_stage": lexicon_frame("stages", stage_order=pl.Int32),
        "dim_region": lexicon_frame("places").select("name_en", "name_zh", "level", "province_en"),
        "dim_fx_rate": lexicon_frame("fx_rates", year=pl.Int32, cny_per_unit=pl.Float64).rename({"year": "rate_year"}),
        "dim_sector_term": terms,
        "dim_tolerance": lexicon_frame("tolerances", relative=pl.Float64).rename({"name": "tolerance_name"}),
    }


def known_files(con) -> pl.DataFrame:
    """path, content_hash, size_bytes, mtime_ns of files loaded by the current extraction rules."""
    return con.sql(
        "select path, content_hash, size_bytes, mtime_ns from raw_file "
        "where extractor_version = $version and status <> 'removed'",
        params={"version": extractor_version()},
    ).pl()
