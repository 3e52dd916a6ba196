"""The loopback Prefect API for runs in local mode: configured APIs win, the temporary server
starts, answers, stops, and never outlives the command (even one killed with -9)."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import textwrap
import urllib.request

import pytest

from flows import prefect_local as local_api

from conftest import ROOT, alive, wait_gone

pytestmark = pytest.mark.slow


def test_environment_url_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.example:4200/api")
    assert local_api.configured_api_url() == "http://prefect.example:4200/api"


def test_active_profile_url_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    (tmp_path / "profiles.toml").write_text(
        textwrap.dedent("""
        active = "team"
        [profiles.local]
        [profiles.team]
        PREFECT_API_URL = "http://10.0.0.5:4200/api"
    """)
    )
    assert local_api.configured_api_url() == "http://10.0.0.5:4200/api"
    monkeypatch.setenv("PREFECT_PROFILE", "local")
    assert local_api.configured_api_url() is None


def test_no_profile_file_means_no_configured_api(monkeypatch, tmp_path):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "nothing-here"))
    assert local_api.configured_api_url() is None


def test_configured_api_starts_no_server(monkeypatch, tmp_path):
    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.example:4200/api")
    with local_api.prefect_api_for_run(tmp_path / "server.log") as api:
        api.ready()
        assert os.environ["PREFECT_API_URL"] == "http://prefect.example:4200/api"
        assert not api.temporary
    assert not (tmp_path / "server.log").exists()


def test_temporary_server_answers_then_stops(monkeypatch, tmp_path):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with local_api.prefect_api_for_run(tmp_path / "server.log") as api:
        url = os.environ["PREFECT_API_URL"]  # set before prefect is imported
        assert url.startswith("http://127.0.0.1:") and api.temporary
        api.ready()
        with urllib.request.urlopen(f"{url}/health", timeout=5) as resp:
            assert resp.status == 200
    assert "PREFECT_API_URL" not in os.environ
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{url}/health", timeout=2)


def test_server_dies_with_a_killed_command(tmp_path):
    """kill -9 of the command cannot run its clean-up; the server must go anyway."""
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from flows.prefect_local import TemporaryServer
        server = TemporaryServer(Path({str(tmp_path / "server.log")!r}))
        print(server.process.pid, flush=True)
        time.sleep(120)
    """)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    server_pid = int(parent.stdout.readline())
    assert alive(server_pid)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert wait_gone([server_pid], timeout=20) == []


def _descendants(pid: int) -> list[int]:
    """bench/run.py's /proc walk (the benchmark samples the same process tree)."""
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    bench_run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_run)
    return bench_run.descendants(pid)


def test_a_run_killed_mid_extraction_leaves_no_processes(tmp_path):
    """kill -9 of `newsetl run` while its worker pool extracts: the temporary server and every
    extraction worker go with it."""
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = (ROOT / "raw" / "wmc2021_chinanews.txt").read_bytes()
    for i in range(400):
        (raw / f"a{i:03d}.txt").write_bytes(seed)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "run",
            "--raw",
            str(raw),
            "--warehouse",
            str(tmp_path / "w.duckdb"),
            "--export",
            str(tmp_path / "x"),
            "--batch-size",
            "10",
            "--task-runner",
            "process",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in run.stderr:
            if "progress:" in line:
                break
        family = _descendants(run.pid)
        assert len(family) >= 3  # the server and two workers at least
    finally:
        run.kill()
        run.wait()
    assert wait_gone(family) == []


def test_a_running_local_server_is_reused_instead_of_starting_one(tmp_path, monkeypatch):
    """A Prefect server already answering at its default local address (here a stand-in
    that answers /api/health) is used for the run; no temporary server is started."""
    import http.server
    import threading

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/api/health" else 404)
            self.end_headers()
            self.wfile.write(b"true")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/api"
    monkeypatch.setattr(local_api, "LOCAL_SERVER_URLS", ("http://127.0.0.1:9/api", url))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(local_api, "TemporaryServer", None)  # would fail if called
    try:
        with local_api.prefect_api_for_run(tmp_path / "server.log") as api:
            api.ready()
            assert os.environ["PREFECT_API_URL"] == url
            assert not api.temporary
        assert "PREFECT_API_URL" not in os.environ
    finally:
        server.shutdown()
