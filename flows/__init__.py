"""newsetl's code. Importing it keeps Python's bytecode cache working (see keep_bytecode)."""

from __future__ import annotations

import os
import sys


def keep_bytecode() -> None:
    """Cache compiled modules even where PYTHONDONTWRITEBYTECODE is set (machines like ours set
    it): without a cache every process compiles prefect from source again (`import prefect`
    about 2 s instead of 0.6). The cache goes under the virtual environment (`.venv/pycache`),
    never beside the sources, which is what that variable protects. Child processes (Prefect's
    temporary server, the run's workers) inherit the same setting through the environment.

    This replaces uv's `compile-bytecode`, which byte-compiles the whole environment again on
    every `uv run` (astral-sh/uv#12202: 0.5-0.8 s added to every command)."""
    if not sys.dont_write_bytecode:
        return
    prefix = os.path.join(sys.prefix, "pycache")
    sys.pycache_prefix = prefix
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


keep_bytecode()
