"""The README's worker path for real: `prefect server start`, a process work pool, `prefect
deploy --all` from prefect.yaml, a run of the deployment, and a worker that picks it up and
loads the warehouse under NEWSETL_HOME."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from conftest import DATA, ROOT

pytestmark = pytest.mark.slow


def prefect(args: list[str], env: dict, cwd, timeout: float = 120) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "prefect", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_a_worker_runs_the_deployment_of_prefect_yaml(tmp_path):
    from flows.prefect_local import full_server

    home = tmp_path / "home"  # NEWSETL_HOME: where the worker runs the flow
    home.mkdir()
    shutil.copy(ROOT / "prefect.yaml", home / "prefect.yaml")
    (home / "flows").symlink_to(ROOT / "flows")
    shutil.copytree(DATA / "same_event", home / "raw")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    saved = dict(os.environ)
    os.environ.pop("PREFECT_API_URL", None)
    os.environ["PREFECT_HOME"] = env["PREFECT_HOME"]
    try:
        with full_server(tmp_path / "server.log") as api:
            env.update(PREFECT_API_URL=api, NEWSETL_HOME=str(home))
            prefect(["work-pool", "create", "newsetl", "--type", "process"], env, home)
            prefect(["--no-prompt", "deploy", "--all"], env, home)
            prefect(["deployment", "run", "newsetl-etl/newsetl-worker"], env, home)
            worker = prefect(["worker", "start", "--pool", "newsetl", "--run-once"], env, home, timeout=300)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    db = home / "warehouse" / "news.duckdb"
    assert db.exists(), worker.stdout + worker.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from cohorts").fetchone()[0] > 0
    finally:
        con.close()
    assert (home / "warehouse" / "export" / "cohorts.parquet").exists()
