"""Fault injection: a run killed with -9 at every stage, a disk that fills up, an export racing a
run. Each trial ends with a normal run whose every export equals a clean run's, row for row."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from flows.core.run.runner import export_all

from conftest import DATA, ROOT, export_rows, run_once

pytestmark = pytest.mark.slow

EN = "The {n} signing day in Hefei saw {c} projects signed with a total investment of {a} billion yuan."

TRIAL = """
import os, signal, sys
from pathlib import Path
from flows.core.warehouse import facts
from flows.core.warehouse import export as exporting
from flows.core.run import runner
import conftest

raw, db, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
die = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
if point == "extract":            # while reading and extracting batches
    runner.run_batch = die
elif point == "stage":            # batches staged, the load not begun
    runner.load_batches = die
elif point == "load":             # inside the load transaction, mentions inserted, facts not yet
    facts.refresh = die
elif point == "publish":          # load committed and checkpointed, rename not yet done
    runner.publish = die
elif point == "after_publish":    # published, export not begun
    runner.export_all = die
elif point == "export":           # export half written
    real_write = exporting._write
    done = []
    def write_then_die(con, name, target):
        if done:
            die()
        done.append(name)
        real_write(con, name, target)
    exporting._write = write_then_die
conftest.run_once(raw, db)
runner.export_all(db, db.parent / "export")
"""


def _raw(tmp_path, n):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    for i in range(n):
        (raw / f"f{i:02}.txt").write_text(EN.format(n=i, c=10 + i, a=20 + i), encoding="utf-8")
    shutil.copy(DATA / "raw" / "en_wmc2021.txt", raw / "wmc.txt")
    return raw


def _clean(tmp_path, raw):
    db = tmp_path / "clean" / "w.duckdb"
    run_once(raw, db)
    export_all(db, tmp_path / "clean" / "export")
    return export_rows(tmp_path / "clean" / "export")


@pytest.mark.parametrize("point", ["extract", "stage", "load", "publish", "after_publish", "export"])
def test_kill_minus_nine_then_a_normal_run_exports_what_a_clean_run_does(tmp_path, point):
    raw = _raw(tmp_path, 3)
    db, export = tmp_path / "w" / "news.duckdb", tmp_path / "w" / "export"
    run_once(raw, db)
    export_all(db, export)
    _raw(tmp_path, 6)  # three more files for the killed run
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    proc = subprocess.run([sys.executable, "-c", TRIAL, str(raw), str(db), point], cwd=ROOT, env=env)
    assert proc.returncode == -9
    run_once(raw, db)
    export_all(db, export)
    assert not list(export.glob(".*.tmp"))
    assert export_rows(export) == _clean(tmp_path, raw)


def test_concurrent_export_and_run_end_on_the_published_snapshot(tmp_path):
    raw = _raw(tmp_path, 3)
    db, export = tmp_path / "w" / "news.duckdb", tmp_path / "w" / "export"
    run_once(raw, db)
    export_all(db, export)
    _raw(tmp_path, 8)
    exporter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom pathlib import Path\nfrom flows.core.run.runner import export_all\n"
            "for _ in range(15):\n    export_all(Path(sys.argv[1]), Path(sys.argv[2]), full=True)\n",
            str(db),
            str(export),
        ],
        cwd=ROOT,
    )
    run_once(raw, db)
    export_all(db, export)
    assert exporter.wait(timeout=120) == 0
    export_all(db, export)
    assert export_rows(export) == _clean(tmp_path, raw)


def test_a_full_disk_fails_the_run_and_the_next_one_completes(tmp_path):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True).returncode
        != 0
    ):
        pytest.skip("this machine does not let the test mount a tmpfs")
    try:
        raw = _raw(tmp_path, 40)
        db, export = disk / "news.duckdb", disk / "export"
        with pytest.raises(Exception, match="No space left|disk|space|write"):
            run_once(raw, db)
        assert not (disk / "news.duckdb.work").exists()  # the failed run cleaned up
        assert not (disk / "news.duckdb.work.wal").exists()
        subprocess.run(["mount", "-o", "remount,size=256m", str(disk)], check=True)
        run_once(raw, db)
        export_all(db, export)
        assert not (disk / "news.duckdb.work").exists()
        assert export_rows(export) == _clean(tmp_path, raw)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
