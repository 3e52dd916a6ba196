"""Publishing snapshots: readers never block a run, a second run is refused, a dead run leaves
the published warehouse untouched. Real processes, real files."""
from __future__ import annotations

import shutil
import subprocess
import sys

import duckdb
import pytest

from flows.core.publish import WarehouseBusy, run_lock

from conftest import DATA, ROOT
from test_warehouse import run_once

SEED = DATA / "raw" / "en_wmc2021.txt"


def cohort_count(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from fct_cohort_mention").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(SEED, folder / "wmc.txt")
    return folder


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
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert int(reader.stdout.readline()) == first
        shutil.copy(SEED, raw / "copy.txt")
        run_once(raw, db)                          # would raise "Could not set lock" if it wrote db
        out, _ = reader.communicate("go\n", timeout=60)
        assert int(out) == first                   # the reader kept its snapshot
    finally:
        reader.kill()
    assert cohort_count(db) == 2 * first           # a new connection sees the new snapshot


HOLDER = """
import sys, time
from pathlib import Path
from flows.core.publish import run_lock
with run_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


def test_a_second_concurrent_run_is_refused_with_a_clear_message(tmp_path):
    db = tmp_path / "news.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE,
                              text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(WarehouseBusy, match=f"another run is loading .* \\(pid {holder.pid}\\)"):
            with run_lock(db):
                pass
    finally:
        holder.kill()
        holder.wait()
    with run_lock(db):                             # the lock dies with its process
        pass


KILLED = """
import sys, os, signal, shutil
from datetime import datetime, timezone
from pathlib import Path
from flows.core import runner, warehouse
from flows.core.publish import run_lock, start_work
raw, db = Path(sys.argv[1]), Path(sys.argv[2])
real_load = warehouse.load
def load_then_die(con, *args, **kwargs):
    counts = real_load(con, *args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)       # after the commit, before the publish
warehouse.load = load_then_die
with run_lock(db):
    work = start_work(db)
    known = runner.prepare(work, "1GB")
    batches = [runner.run_batch(b, raw, known) for b in runner.plan_batches(raw, 10)]
    runner.load_batches(work, "1GB", "run", batches, raw, datetime.now(timezone.utc))
"""


def test_kill_minus_nine_during_a_run_leaves_the_published_warehouse_whole(raw, tmp_path):
    db = tmp_path / "news.duckdb"
    run_once(raw, db)
    before = cohort_count(db)
    shutil.copy(SEED, raw / "copy.txt")
    proc = subprocess.run([sys.executable, "-c", KILLED, str(raw), str(db)], cwd=ROOT)
    assert proc.returncode == -9
    assert cohort_count(db) == before              # published snapshot untouched
    counts = run_once(raw, db)                     # the next run completes
    assert counts.files_new == 1
    assert cohort_count(db) == 2 * before
