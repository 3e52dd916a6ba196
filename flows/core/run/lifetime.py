"""Child processes that never outlive the process that started them (Linux's PDEATHSIG)."""

from __future__ import annotations

import ctypes
import signal

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Get SIGTERM when the parent dies, even by kill -9 (Linux; elsewhere nothing): call it in
    a child, before exec or first thing in a worker process. The signal follows the parent's
    *thread* that spawned the child: spawn from a thread that lives as long as the child should."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
