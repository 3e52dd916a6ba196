"""Publishing snapshots: readers never block a run, a second run is refused, a dead run leaves
the published warehouse untouched. Real processes, real files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from flows.core.run.runner import export_all
from flows.core.warehouse.publish import WarehouseBusy, run_lock

from conftest import DATA, ROOT, run_once

SEED = DATA / "raw" / "en_wmc2021.txt"

pytestmark = pytest.mark.slow


def cohort_count(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from fct_cohort_mention").fetchone()[0]
    finally:
        con.close()


READER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select count(*) from fct_cohort_mention").fetchone()[0], flush=True)
sys.stdin.readline()            # hold the connection (and DuckDB's lock) until told
print(con.execute("select count(*) from fct_cohort_mention").fetchone()[0], flush=True)
"""


def test_a_reader_holding_the_warehouse_does_not_block_a_run(raw, tmp_path):
    db = tmp_path / "news.duckdb"
    run_once(raw, db)
    first = cohort_count(db)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert int(reader.stdout.readline()) == first
        shutil.copy(SEED, raw / "copy.txt")
        run_once(raw, db)  # would raise "Could not set lock" if it wrote db
        out, _ = reader.communicate("go\n", timeout=60)
        assert int(out) == first  # the reader kept its snapshot
    finally:
        reader.kill()
    assert cohort_count(db) == 2 * first  # a new connection sees the new snapshot


HOLDER = """
import sys, time
from pathlib import Path
from flows.core.warehouse.publish import run_lock
with run_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


def test_a_second_concurrent_run_is_refused_with_a_clear_message(tmp_path):
    db = tmp_path / "news.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(WarehouseBusy, match=f"another run is loading .* \\(pid {holder.pid}\\)"):
            with run_lock(db):
                pass
    finally:
        holder.kill()
        holder.wait()
    with run_lock(db):  # the lock dies with its process
        pass


KILLED = """
import os, signal, sys
from pathlib import Path
from flows.core.warehouse import facts
from flows.core.run import runner
from flows.core.warehouse import export as exporting
import conftest

raw, db, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
die = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
if point == "extract":            # while reading and extracting batches
    runner.run_batch = die
elif point == "load":             # inside the load transaction, mentions inserted, facts not yet
    facts.refresh = die
elif point == "publish":          # load committed and checkpointed, rename not yet done
    runner.publish = die
elif point == "export":           # warehouse published, parquet export half written
    def export_then_die(con, out_dir, *args):
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / ".cohorts.parquet.123.abcd.tmp").write_bytes(b"PAR1 half")
        die()
    exporting.export = export_then_die
conftest.run_once(raw, db)
runner.export_all(db, db.parent / "export")
"""


@pytest.mark.parametrize("point", ["extract", "load", "publish", "export"])
def test_kill_minus_nine_at_any_stage_leaves_a_whole_warehouse(raw, tmp_path, point):
    db, export = tmp_path / "news.duckdb", tmp_path / "export"
    run_once(raw, db)
    before = cohort_count(db)
    shutil.copy(SEED, raw / "copy.txt")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    proc = subprocess.run([sys.executable, "-c", KILLED, str(raw), str(db), point], cwd=ROOT, env=env)
    assert proc.returncode == -9
    published = 2 * before if point == "export" else before  # the rename is the commit point
    assert cohort_count(db) == published
    assert not (export / "cohorts.parquet").exists()  # no half-written parquet in place
    counts = run_once(raw, db)  # the next run completes
    assert counts.files_new == (0 if point == "export" else 1)
    assert cohort_count(db) == 2 * before
    written = export_all(db, export)
    assert export / "cohorts.parquet" in written
    assert not list(export.glob(".*.tmp"))
