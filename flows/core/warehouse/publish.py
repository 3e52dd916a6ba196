"""Crash-safe, reader-friendly writes: build a working copy, then publish it atomically.

DuckDB lets one process write a file or many read it, never both. So a run never writes the
published warehouse: it copies it to `<name>.work`, loads there, CHECKPOINTs, closes and
`os.replace`s the copy over the published file. Readers (newsetl sql, any DuckDB client) keep
the snapshot they opened and see the new one on reconnect; a run killed at any point leaves the
published file exactly as it was. A lock file makes a second concurrent run fail fast.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse's run lock."""


def work_path(published: Path) -> Path:
    return published.with_name(published.name + ".work")


class _HeldLocks:
    """Run locks this process holds (lock path -> depth): the command takes the lock before it
    starts Prefect and the flow takes it again, in the same process, without blocking itself."""

    def __init__(self) -> None:
        self.depth: dict[str, int] = {}


_HELD = _HeldLocks()


@contextmanager
def run_lock(published: Path):
    """Exclusive for the whole run; released by the OS if the process dies. Re-entrant within
    one process."""
    published.parent.mkdir(parents=True, exist_ok=True)
    lock = str(published.with_name(published.name + ".lock").resolve())
    if _HELD.depth.get(lock):
        _HELD.depth[lock] += 1
        try:
            yield
        finally:
            _HELD.depth[lock] -= 1
        return
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            raise WarehouseBusy(f"another run is loading {published} (pid {holder}); try again when it ends") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _HELD.depth[lock] = 1
        try:
            yield
        finally:
            _HELD.depth.pop(lock, None)
    finally:
        os.close(fd)


def start_work(published: Path) -> Path:
    """A fresh working copy of the published warehouse (or nothing, for a first run)."""
    work = discard_work(published)
    if published.exists():
        shutil.copyfile(published, work)
    return work


def publish(work: Path, published: Path) -> None:
    """Atomically replace the published warehouse by the finished (checkpointed, closed) copy."""
    wal = work.with_name(work.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{work} still has a write-ahead log; checkpoint before publishing")
    fd = os.open(work, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(work, published)


@contextmanager
def working_copy(published: Path):
    """start_work's copy for the block; a block that fails (a full disk, an error) leaves no
    working copy or write-ahead log behind. A finished block has published it (renamed)."""
    work = start_work(published)
    try:
        yield work
    except BaseException:
        discard_work(published)
        raise


def discard_work(published: Path) -> Path:
    """Remove a working copy and its write-ahead log (a run that failed, or a stale one)."""
    work = work_path(published)
    for stale in (work, work.with_name(work.name + ".wal"), work.with_name(work.name + ".plan.parquet")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(work.with_name(work.name + ".plan.parts"), ignore_errors=True)  # big feeds' parts
    return work
