"""A fingerprint of the extraction rules: the core's code and the lexicons.

Stored with every loaded file; when the rules change, the next run re-extracts every file
instead of keeping figures an older rule set produced.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.sha256()
    files = sorted(_ROOT.rglob("*.py")) + sorted((_ROOT.parent / "lexicons").glob("*.csv"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
