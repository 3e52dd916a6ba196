"""A Prefect API on loopback for commands run without a configured one (never imports prefect).

`newsetl run` in Prefect's local mode needs the temporary server Prefect would start on the first
flow call. Prefect starts it only after `import prefect` and an import of its whole server
package in this process, and then waits for it (../shared/FACTS.md has the timings). `TemporaryServer` starts
the very same server (uvicorn on `prefect.server.api.server:create_app` in ephemeral mode, which is
what `prefect.server.api.server.SubprocessASGIServer` runs) as the first thing the command does,
so its start-up overlaps the imports of prefect, polars and duckdb on the other core, and stops it
when the command ends. `newsetl serve` needs the scheduler services: `full_server` runs
`prefect server start`.

A PREFECT_API_URL in the environment or in the active Prefect profile is always used instead.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flows.core.run.lifetime import die_with_parent


@dataclass(frozen=True)
class RunAPI:
    """The Prefect API of one command: `ready()` returns once it answers; `temporary` says it is
    a server this command started (no UI, gone when the command ends)."""

    ready: Callable[[], None]
    temporary: bool = False


def _nothing_to_wait_for() -> None:
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment, else from the active Prefect profile, else None."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH", home / "profiles.toml")).expanduser()
    try:
        doc = tomllib.loads(profiles.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or doc.get("active")
    url = doc.get("profiles", {}).get(active, {}).get("PREFECT_API_URL") if active else None
    return str(url) if url else None


LOCAL_SERVER_URLS = ("http://127.0.0.1:4200/api",)  # where `prefect server start` listens


def running_local_server() -> str | None:
    """The API of a Prefect server already running on this machine at its default address
    (`prefect server start`), if one answers its health check at once; else None."""
    for url in LOCAL_SERVER_URLS:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=0.3) as resp:
                if resp.status == 200:
                    return url
        except (OSError, ValueError):
            continue
    return None


def wait_healthy(
    api_url: str, timeout: float = 90.0, process: subprocess.Popen | None = None, poll: float = 0.5
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the local Prefect server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(poll)
    raise RuntimeError(f"the Prefect server at {api_url} did not become healthy in {timeout:.0f} s")


def _spawn(args: list[str], env: dict[str, str], log_file: Path) -> subprocess.Popen:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with open(log_file, "ab") as log:
        return subprocess.Popen(
            args,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
            preexec_fn=die_with_parent if sys.platform.startswith("linux") else None,
        )


def _stop(process: subprocess.Popen, grace: float) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# What the temporary server skips at start (≈ 1.3 s of its ≈ 4.5 s boot on the critical path of
# a small run; docs/scaling.md): the SDK's telemetry set-up at `import prefect`, and registering
# block types, which first imports every installed Prefect collection (prefect-dask, ...) to
# hash them. newsetl's flows use no blocks; `prefect server start` (newsetl serve) registers them.
TEMPORARY_SERVER_SKIPS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
    "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
}


class TemporaryServer:
    """Prefect's temporary (ephemeral-mode) server, started early and stopped by `stop()`."""

    def __init__(self, log_file: Path) -> None:
        spec = importlib.util.find_spec("prefect")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("prefect is not installed")
        self.port = free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT_SERVER_UI_ENABLED": "false",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            **TEMPORARY_SERVER_SKIPS,
        }
        app_dir = str(Path(next(iter(spec.submodule_search_locations))).parent)
        self.process = _spawn(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--app-dir",
                app_dir,
                "--factory",
                "prefect.server.api.server:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "error",
                "--lifespan",
                "on",
            ],
            env,
            log_file,
        )

    def wait(self, timeout: float | None = None) -> str:
        """Block until the server answers; a first start with a new PREFECT_HOME creates and
        migrates its database, which can take tens of seconds, so the default allows two minutes
        (PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS overrides it)."""
        if timeout is None:
            timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 120))
        wait_healthy(self.api_url, timeout=timeout, process=self.process, poll=0.05)
        return self.api_url

    def stop(self) -> None:
        _stop(self.process, grace=5)


@contextmanager
def prefect_api_for_run(log_file: Path):
    """Around a flow run: yield a RunAPI whose ready() returns once the Prefect API answers. Uses the
    configured API when there is one, else a Prefect server already running at its default
    local address (reused across runs); otherwise starts the temporary server now, so that it
    boots while the caller imports prefect (PREFECT_API_URL is set at once: Prefect reads its
    settings at import), and stops it on exit."""
    if configured_api_url():
        yield RunAPI(_nothing_to_wait_for)
        return
    running = running_local_server()
    if running:  # `prefect server start` on this machine: use it
        os.environ["PREFECT_API_URL"] = running
        try:
            yield RunAPI(_nothing_to_wait_for)
        finally:
            if os.environ.get("PREFECT_API_URL") == running:
                del os.environ["PREFECT_API_URL"]
        return
    server = TemporaryServer(log_file)
    os.environ["PREFECT_API_URL"] = server.api_url

    def ready() -> None:
        try:
            server.wait()
        except RuntimeError as exc:
            raise RuntimeError(f"{exc} (its log: {log_file})") from exc

    try:
        yield RunAPI(ready, temporary=True)
    finally:
        server.stop()
        if os.environ.get("PREFECT_API_URL") == server.api_url:
            del os.environ["PREFECT_API_URL"]


@contextmanager
def full_server(log_file: Path):
    """Yield the API URL to use: the configured one, or `prefect server start` (with its
    scheduler) on a free loopback port, started here and stopped on exit."""
    configured = configured_api_url()
    if configured:
        yield configured
        return
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_UI_ENABLED": "false"}
    server = _spawn(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-ui",
            "--analytics-off",
        ],
        env,
        log_file,
    )
    try:
        wait_healthy(api_url, process=server)
        yield api_url
    finally:
        _stop(server, grace=20)
