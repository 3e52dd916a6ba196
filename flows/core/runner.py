"""The stages of one ETL run as plain functions; the Prefect flow wraps each in a task.

discover (with the warehouse's known hashes) -> process batches -> load in one transaction
-> export. Each returns plain data so it can be tested without Prefect.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from flows.core import publish as publishing
from flows.core import warehouse
from flows.core.ingest import discover
from flows.core.pipeline import BatchResult, process_batch


def prepare(warehouse_path: Path, memory_limit: str) -> dict[str, str]:
    """Create or upgrade the schema of the warehouse file at `warehouse_path` (the run's working
    copy); return path -> content hash of the files it already holds."""
    con = warehouse.connect(warehouse_path, memory_limit=memory_limit)
    try:
        warehouse.apply_schema(con)
        return warehouse.known_hashes(con)
    finally:
        con.close()


def plan_batches(raw_dir: Path, batch_size: int, workers: int = 1) -> list[list[str]]:
    """Relative paths of every raw file, cut into batches (a few dozen tasks, not one per file):
    at most batch_size files each, and at least four batches per worker when there are enough
    files (>= 100 a batch), so that no worker idles while another finishes a big last batch."""
    rels = [p.relative_to(raw_dir).as_posix() for p in discover(raw_dir)]
    size = max(1, min(batch_size, max(100, -(-len(rels) // (4 * workers)))))
    return [rels[i:i + size] for i in range(0, len(rels), size)]


def run_batch(rels: list[str], raw_dir: Path, known: dict[str, str]) -> BatchResult:
    return process_batch([raw_dir / r for r in rels], raw_dir, known)


def write_plan(path: Path, batches: list[list[str]], known: dict[str, str]) -> Path:
    """The run's batches and the hashes the warehouse knows, as one parquet file: tasks get
    (plan, batch number) instead of 100,000 paths as parameters."""
    rows = pl.DataFrame(
        {"batch_no": [i for i, b in enumerate(batches) for _ in b],
         "path": [r for b in batches for r in b]},
        schema={"batch_no": pl.Int32, "path": pl.String})
    hashes = pl.DataFrame({"path": list(known), "known_hash": list(known.values())},
                          schema={"path": pl.String, "known_hash": pl.String})
    rows.join(hashes, on="path", how="left", maintain_order="left").write_parquet(path)
    return path


def run_planned_batch(plan: Path, batch_no: int, raw_dir: Path) -> BatchResult:
    rows = pl.scan_parquet(plan).filter(pl.col("batch_no") == batch_no).collect()
    known = {p: h for p, h in rows.select("path", "known_hash").iter_rows() if h is not None}
    return run_batch(rows["path"].to_list(), raw_dir, known)


def load_batches(warehouse_path: Path, memory_limit: str, run_id: str, batches: list[BatchResult],
                 raw_dir: Path, started_at) -> warehouse.LoadCounts:
    con = warehouse.connect(warehouse_path, memory_limit=memory_limit)
    try:
        counts = warehouse.load(con, run_id, batches, str(raw_dir), started_at)
        con.execute("checkpoint")
        return counts
    finally:
        con.close()


def export_all(warehouse_path: Path, out_dir: Path, memory_limit: str = "2GB") -> list[Path]:
    con = warehouse.connect(warehouse_path, read_only=True, memory_limit=memory_limit)
    try:
        return warehouse.export(con, out_dir)
    finally:
        con.close()


def publish(work: Path, published: Path) -> None:
    """Make the finished working copy the warehouse readers see (atomic rename)."""
    publishing.publish(work, published)
