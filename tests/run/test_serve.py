"""`newsetl serve` for real: a local Prefect server, the deployment on a short interval, a file
dropped into the raw directory loaded by a scheduled run, and a clean stop."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import DATA, ROOT

pytestmark = pytest.mark.slow


def cohorts_in(db) -> int:
    if not db.exists():
        return 0
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute("select count(*) from cohorts").fetchall()[0][0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def test_serve_runs_the_flow_on_schedule_and_stops_its_server(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    db = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "serve",
            "--raw",
            str(raw),
            "--warehouse",
            str(db),
            "--export",
            str(tmp_path / "export"),
            "--interval",
            "3",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while not db.exists() and time.monotonic() < deadline:  # first (empty) scheduled run
            assert proc.poll() is None, proc.stdout.read()
            time.sleep(1)
        shutil.copy(DATA / "raw" / "en_wmc2021.txt", raw / "dropped.txt")
        while cohorts_in(db) < 6 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read()
            time.sleep(1)
        assert cohorts_in(db) == 6
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
    assert proc.returncode == 0, out
    port = int(re.search(r"serving on http://127\.0\.0\.1:(\d+)/api", out).group(1))
    with socket.socket() as sock:  # the local server it started is gone
        assert sock.connect_ex(("127.0.0.1", port)) != 0
