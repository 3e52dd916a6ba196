"""Parquet exports that are always the published snapshot.

Each relation goes to `<out>/<name>.parquet` through a temporary name unique to the process,
then a rename. `_manifest.json` (the warehouse's data snapshot, the run, the relations) is
written last and atomically: an export directory whose manifest does not name the published
snapshot, or misses a file, is rewritten whole by the next run. Exports into one directory
are serialized by a lock file, so `newsetl export` and a run's export never interleave.
"""

from __future__ import annotations

import fcntl
import json
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

from flows.core.warehouse.connect import literal, quote

MANIFEST = "_manifest.json"
LOCK = ".export.lock"
EVERY_RUN = ("etl_run", "meta")  # relations that change even when no file did


def relations(con) -> list[str]:
    """Every user table and view, tables first, by name."""
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = 'main' order by table_type, table_name"
    ).fetchall()
    return [r[0] for r in rows]


def snapshot(con) -> dict[str, str | None]:
    """{"data_run_id": the last run that changed data, "run_id": the last run}."""
    rows = con.execute(
        "select run_id, (coalesce(files_new, 0) + coalesce(files_changed, 0) "
        "+ coalesce(files_quarantined, 0) + coalesce(files_removed, 0)) > 0 "
        "from etl_run order by finished_at desc, started_at desc"
    ).fetchall()
    return {"run_id": rows[0][0] if rows else None, "data_run_id": next((r for r, changed in rows if changed), None)}


def read_manifest(out_dir: Path) -> dict | None:
    try:
        return json.loads((out_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None


@contextmanager
def export_lock(out_dir: Path):
    """One export at a time into out_dir (blocks until the other one ends)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def export(con, out_dir: Path, full: bool = False) -> list[Path]:
    """Every relation as out_dir/<name>.parquet; unless `full`, the ones that cannot have
    changed since the manifest's snapshot are kept. Returns the files written."""
    with export_lock(out_dir):
        for leftover in out_dir.glob(".*.tmp"):  # an export that died: no one else writes
            leftover.unlink(missing_ok=True)
        names, now = relations(con), snapshot(con)
        before = read_manifest(out_dir)
        current = (
            not full
            and before is not None
            and before.get("data_run_id") == now["data_run_id"]
            and before.get("relations") == names
        )
        written = []
        for name in names:
            target = out_dir / f"{name}.parquet"
            if current and name not in EVERY_RUN and target.exists():
                continue
            _write(con, name, target)
            written.append(target)
        _write_manifest(out_dir, {**now, "relations": names})
        return written


def _write(con, name: str, target: Path) -> None:
    """DuckDB streams the relation into the file (a view's sort spills past the connection's
    memory limit), so no relation is ever held whole in this process (docs/scaling.md)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        con.execute(
            f"copy (select * from {quote(name)}) to {literal(tmp)} "
            "(format parquet, compression zstd, compression_level 1)"
        )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _write_manifest(out_dir: Path, manifest: dict) -> None:
    tmp = out_dir / f".{MANIFEST}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(tmp, out_dir / MANIFEST)
