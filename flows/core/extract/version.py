"""A fingerprint of the extraction rules: the ingest and extract code and the lexicons.

Stored with every loaded file; when the rules change, the next run re-extracts every file
instead of keeping figures an older rule set produced. Code that does not decide what is
extracted (warehouse, run, present, the CLI) is left out, so editing it re-extracts nothing.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

CORE = Path(__file__).resolve().parents[1]


def fingerprinted_files(flows_dir: Path = CORE.parent) -> list[Path]:
    """The files the fingerprint reads, under a `flows/` package directory."""
    folders = (flows_dir / "core" / "ingest", flows_dir / "core" / "extract", flows_dir / "lexicons")
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in (".py", ".csv"))


def fingerprint(flows_dir: Path = CORE.parent) -> str:
    digest = hashlib.sha256()
    for path in fingerprinted_files(flows_dir):
        digest.update(path.relative_to(flows_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def extractor_version() -> str:
    return fingerprint()
