"""Shared fixtures: an in-memory warehouse with the schema applied, and paths to test data."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from flows.core.warehouse import connect as warehouse

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie does not), from /proc: a child another thread may
    already have reaped reads as alive to multiprocessing's join, never here."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_gone(pids, timeout: float = 30) -> list[int]:
    """The pids still running after up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return [p for p in pids if alive(p)]


@pytest.fixture
def con():
    connection = warehouse.connect(":memory:", memory_limit="1GB")
    warehouse.apply_schema(connection)
    yield connection
    connection.close()


@pytest.fixture
def raw(tmp_path):
    """A raw directory holding the seed report as wmc.txt."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(DATA / "raw" / "en_wmc2021.txt", folder / "wmc.txt")
    return folder


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect backend for every flow test of the session."""
    import os

    for name, value in {"PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                        "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false"}.items():
        os.environ.setdefault(name, value)
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness():
        yield
