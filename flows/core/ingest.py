"""Find raw files and turn them into articles, quarantining what cannot be read.

`discover` walks the raw directory (recursively, sorted, symlinks not followed);
`read_batch` decodes a batch of files and returns (articles, quarantine rows) so that one bad
file never stops the others.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from flows.core.model import Article
from flows.core.read import SUFFIXES, Unreadable, read_file, read_jsonl


@dataclass
class Quarantined:
    source_file: str
    reason: str


def relpath(path: Path, raw_dir: Path) -> str:
    return path.relative_to(raw_dir).as_posix()


def discover(raw_dir: Path) -> list[Path]:
    """Every candidate file under raw_dir, sorted by relative path; hidden files skipped."""
    found = []
    for root, dirs, files in os.walk(raw_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith("."):
                found.append(Path(root) / name)
    return sorted(found, key=lambda p: relpath(p, raw_dir))


def read_batch(paths: list[Path], raw_dir: Path) -> tuple[list[Article], list[Quarantined]]:
    articles: list[Article] = []
    bad: list[Quarantined] = []
    for path in paths:
        rel = relpath(path, raw_dir)
        try:
            if path.suffix.lower() not in SUFFIXES:
                raise Unreadable(f"unsupported file type {path.suffix or '(none)'}")
            if path.suffix.lower() == ".jsonl":
                good, lines = read_jsonl(path, rel)
                articles.extend(good)
                bad.extend(Quarantined(ref, reason) for ref, reason in lines)
            else:
                articles.extend(read_file(path, rel))
        except Unreadable as exc:
            bad.append(Quarantined(rel, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
            bad.append(Quarantined(rel, f"unexpected {type(exc).__name__}: {exc}"))
    return articles, bad
