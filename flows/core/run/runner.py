"""The stages of one ETL run as plain functions; the Prefect flow wraps each in a task.

discover (with the warehouse's known hashes) -> process batches -> load in one transaction
-> export. Each returns plain data so it can be tested without Prefect.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.core.contract import FILE_SCHEMA, BatchResult
from flows.core.ingest.discover import discover, discover_stats
from flows.core.run.pipeline import process_batch
from flows.core.warehouse import connect as warehouse
from flows.core.warehouse import export as exporting
from flows.core.warehouse import load as loading
from flows.core.warehouse import publish as publishing

# the export's DuckDB memory at most (the smaller of this and the run's limit): at 100k
# real-wording articles the cohorts view's sort peaked at +700 MB in 1 GB, +500 in 512 MB,
# spilling the rest (docs/scaling.md)
EXPORT_MEMORY_LIMIT = "512MB"


def prepare_files(warehouse_path: Path, memory_limit: str) -> pl.DataFrame:
    """Create or upgrade the schema of the warehouse file at `warehouse_path` (the run's working
    copy); return the files it already holds (path, content_hash, size_bytes, mtime_ns)."""
    con = warehouse.connect(warehouse_path, memory_limit=memory_limit)
    try:
        warehouse.apply_schema(con)
        return warehouse.known_files(con)
    finally:
        con.close()


def prepare(warehouse_path: Path, memory_limit: str) -> dict[str, str]:
    """As prepare_files, as path -> content hash."""
    known = prepare_files(warehouse_path, memory_limit)
    return dict(known.select("path", "content_hash").iter_rows())


def _cut(rels: list[str], batch_size: int, workers: int) -> list[list[str]]:
    """At most batch_size files a batch, and at least four batches per worker when there are
    enough files (>= 100 a batch), so that no worker idles while another finishes a big one."""
    size = max(1, min(batch_size, max(100, -(-len(rels) // (4 * workers)))))
    return [rels[i : i + size] for i in range(0, len(rels), size)]


def plan_batches(raw_dir: Path, batch_size: int, workers: int = 1) -> list[list[str]]:
    """Relative paths of every raw file, cut into batches (a few dozen tasks, not one per file)."""
    return _cut([p.relative_to(raw_dir).as_posix() for p in discover(raw_dir)], batch_size, workers)


@dataclass
class Plan:
    batches: list[list[str]]  # files to read (new, or size/mtime differ from what is known)
    unchanged: pl.DataFrame  # files skipped unread: same size and mtime as when loaded
    problems: list[str] = field(default_factory=list)  # folders discovery could not list

    @property
    def complete(self) -> bool:
        """Whether discovery saw every file: only then may files it did not see be retired."""
        return not self.problems


def plan_run(raw_dir: Path, batch_size: int, workers: int, known: pl.DataFrame) -> Plan:
    """Discover the raw files and skip, without reading them, those whose size and mtime are
    those of the loaded version (a file touched but unchanged is read and found unchanged)."""
    problems: list[str] = []
    stats = pl.DataFrame(
        discover_stats(raw_dir, problems), orient="row", schema={"path": pl.String, "size": pl.Int64, "mtime": pl.Int64}
    )
    joined = stats.join(known, on="path", how="left")
    same = ((pl.col("size") == pl.col("size_bytes")) & (pl.col("mtime") == pl.col("mtime_ns"))).fill_null(False)
    unchanged = (
        joined.filter(same)
        .select("path", "content_hash", "size_bytes", pl.lit("unchanged").alias("status"), "mtime_ns")
        .cast(FILE_SCHEMA)
    )
    todo = joined.filter(~same)["path"].to_list()
    return Plan(_cut(todo, batch_size, workers), unchanged, problems)


def run_batch(rels: list[str], raw_dir: Path, known: dict[str, str], parts_dir: Path | None = None) -> BatchResult:
    return process_batch([raw_dir / r for r in rels], raw_dir, known, parts_dir)


def plan_path(work: Path) -> Path:
    """The plan file of a run on the working copy `work`."""
    return work.with_name(work.name + ".plan.parquet")


def parts_dir_of(plan: Path) -> Path:
    """Where the batches of a plan write their articles and cohorts as parquet parts (read by
    the load, which deletes them; the folder goes once the load is done)."""
    return plan.with_name(plan.name.removesuffix(".parquet") + ".parts")


def write_plan(path: Path, batches: list[list[str]], known: dict[str, str]) -> Path:
    """The run's batches and the hashes the warehouse knows, as one parquet file: tasks get
    (plan, batch number) instead of 100,000 paths as parameters."""
    rows = pl.DataFrame(
        {"batch_no": [i for i, b in enumerate(batches) for _ in b], "path": [r for b in batches for r in b]},
        schema={"batch_no": pl.Int32, "path": pl.String},
    )
    hashes = pl.DataFrame(
        {"path": list(known), "known_hash": list(known.values())}, schema={"path": pl.String, "known_hash": pl.String}
    )
    # a row group per batch: a task reads its own rows only (row-group statistics on batch_no)
    rows.join(hashes, on="path", how="left", maintain_order="left").write_parquet(
        path, row_group_size=max(1, max((len(b) for b in batches), default=1)), statistics=True
    )
    return path


def warm_up() -> None:
    """Run once in each extraction worker process as it starts: import the extraction code and
    extract two tiny articles, so lexicons, compiled patterns, the HTML reader and the
    validator are ready before the first batch. Never fails (a warm-up is optional)."""
    try:
        from flows.core.extract.batch import extract_rows
        from flows.core.ingest.read import parse_html
        from flows.core.model import Article
        from schemas import validate_rows

        parse_html(b"<html><body><article><p>warm up</p></article></body></html>", "warm.html")
        validate_rows(
            extract_rows(
                [
                    Article(source_file="warm-en.txt", text="The expo signed 12 projects worth 3 billion yuan."),
                    Article(source_file="warm-zh.txt", text="博览会签约项目12个，总投资30亿元。"),
                ]
            )
        )
    except Exception:  # noqa: BLE001
        pass


def run_planned_batch(plan: Path, batch_no: int, raw_dir: Path) -> BatchResult:
    rows = pl.scan_parquet(plan).filter(pl.col("batch_no") == batch_no).collect()
    known = {p: h for p, h in rows.select("path", "known_hash").iter_rows() if h is not None}
    with few_collections():
        return run_batch(rows["path"].to_list(), raw_dir, known, parts_dir_of(plan) / str(batch_no))


@contextmanager
def few_collections():
    """No cyclic garbage collection during a batch. A batch makes millions of short-lived
    objects (freed by reference counting; the rules make no cycles), and every 70,000 of them
    CPython would walk the whole heap of long-lived modules and lexicons. Those are frozen out
    of the collector's reach first; collection resumes after (docs/scaling.md)."""
    was_enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def held_open(warehouse_path: Path, memory_limit: str):
    """Hold the run's working copy open while its stages (prepare, staging, load) open and close
    their own connections to it: in one process they then share one DuckDB instance, and
    closing the staging connection does not checkpoint the staged rows that the load reads back
    and drops in its own transaction; the load's checkpoint is the one that writes the
    warehouse. The staged rows stay in DuckDB's buffers meanwhile, within its memory_limit
    (docs/scaling.md gives the cost). Never crosses a task boundary: tasks still open their
    connections by path."""
    con = warehouse.connect(warehouse_path, memory_limit=memory_limit)
    try:
        yield
    finally:
        con.close()


@contextmanager
def staging(warehouse_path: Path, memory_limit: str):
    """Yield a function that appends a finished batch to the working copy's staging tables
    (after which the batch can be dropped). One connection for the whole extraction, so the
    working copy is not checkpointed once per batch."""
    con = warehouse.connect(warehouse_path, memory_limit=memory_limit)
    # No checkpoint while batches are staged: DuckDB's automatic one (every 16 MB of WAL) would
    # re-write the growing staging tables every few batches. The load's checkpoint writes the
    # warehouse.
    con.execute("set checkpoint_threshold = '512MB'")
    try:
        yield lambda result: loading.stage(con, result)
    finally:
        con.close()


def load_batches(
    warehouse_path: Path,
    memory_limit: str,
    run_id: str,
    batches: list[BatchResult] | None,
    raw_dir: Path,
    started_at,
    retire_unseen: bool = True,
) -> loading.LoadCounts:
    """Load what was staged, plus `batches`, in one transaction; checkpoint. Files the run did
    not see are retired only with `retire_unseen` (discovery was complete)."""
    con = warehouse.connect(warehouse_path, memory_limit=memory_limit)
    try:
        counts = loading.load(con, run_id, batches, str(raw_dir), started_at, retire_unseen)
        con.execute("checkpoint")
        return counts
    finally:
        con.close()


def export_all(warehouse_path: Path, out_dir: Path, memory_limit: str = "1GB", full: bool = False) -> list[Path]:
    """The published warehouse as parquet (flows/core/warehouse/export.py): whatever the
    manifest shows out of date is written again (everything with `full`). The export streams
    and its sorts spill, so it needs no more than EXPORT_MEMORY_LIMIT (docs/scaling.md)."""
    limit = warehouse.smaller_limit(memory_limit, EXPORT_MEMORY_LIMIT)
    con = warehouse.connect(warehouse_path, read_only=True, memory_limit=limit)
    try:
        return exporting.export(con, out_dir, full)
    finally:
        con.close()


def publish(work: Path, published: Path) -> None:
    """Make the finished working copy the warehouse readers see (atomic rename)."""
    publishing.publish(work, published)
