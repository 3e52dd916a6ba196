"""Find raw files and turn them into articles, quarantining what cannot be read.

`discover` walks the raw directory (recursively, sorted, hidden entries and symlinked
directories skipped; symlinks are read only to files inside it); `scan_batch` reads a batch of files, skips the ones whose content hash
the warehouse already holds, and returns articles plus quarantine rows so that one bad file
never stops the others.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from flows.core.ingest.read import (
    Unreadable,
    content_hash,
    file_digest,
    iter_jsonl,
    parse_bytes,
    read_file,
    stat_of,
    streams_as_utf8,
)
from flows.core.model import Article


@dataclass
class Quarantined:
    source_file: str
    reason: str
    content_hash: str | None = None


@dataclass
class RawFile:
    path: str  # relative to the raw dir
    content_hash: str | None
    size_bytes: int | None
    status: str  # new | changed | unchanged | quarantined
    mtime_ns: int | None = None


@dataclass
class ScanResult:
    articles: list[Article] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    files: list[RawFile] = field(default_factory=list)


def relpath(path: Path, raw_dir: Path) -> str:
    return path.relative_to(raw_dir).as_posix()


def _candidates(raw_dir: Path, problems: list[str] | None = None):
    """(relative path, os.DirEntry) of every candidate file under raw_dir, unordered: hidden
    entries and symlinked directories skipped. An entry whose type cannot be told (a symlink
    loop, a dangling link) is still a candidate: reading it quarantines it with the reason.
    A folder that cannot be listed is reported in `problems`: its files were not seen."""
    stack = [("", str(raw_dir))]
    while stack:
        prefix, folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            if problems is not None:
                problems.append(f"{prefix or './'}: cannot list: {exc.strerror or exc}")
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    if not entry.is_symlink():
                        stack.append((prefix + entry.name + "/", entry.path))
                    continue
            except OSError:
                pass
            yield prefix + entry.name, entry


def _existing(raw_dir: Path) -> Path:
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw directory not found: {raw_dir}")
    return raw_dir


def discover(raw_dir: Path) -> list[Path]:
    """Every candidate file under raw_dir, sorted by relative path."""
    return [raw_dir / rel for rel in sorted(rel for rel, _ in _candidates(_existing(raw_dir)))]


def discover_stats(raw_dir: Path, problems: list[str] | None = None) -> list[tuple[str, int | None, int | None]]:
    """(relative path, size, mtime_ns) of every candidate file, in `discover` order; None when
    stat fails (a file that vanished or a dangling link: reading it later quarantines it).
    Folders that could not be listed are added to `problems`."""
    out: list[tuple[str, int | None, int | None]] = []
    for rel, entry in _candidates(_existing(raw_dir), problems):
        try:
            info = entry.stat()
            out.append((rel, info.st_size, info.st_mtime_ns))
        except OSError:
            out.append((rel, None, None))
    out.sort(key=lambda row: row[0])
    return out


def more_files_than(raw_dir: Path, n: int) -> bool:
    """Whether raw_dir holds more than n candidate files (counting stops at n + 1)."""
    return next(islice(_candidates(raw_dir), n, None), None) is not None


CHUNK_ARTICLES = 2000  # articles a chunk of a batch holds at once


def scan_batch(paths: list[Path], raw_dir: Path, known: dict[str, str] | None = None) -> ScanResult:
    """Read a batch whole; `known` maps relative path -> content hash already in the warehouse."""
    out = ScanResult()
    for chunk in scan_chunks(paths, raw_dir, known):
        out.articles += chunk.articles
        out.quarantined += chunk.quarantined
        out.files += chunk.files
    return out


def scan_chunks(
    paths: list[Path], raw_dir: Path, known: dict[str, str] | None = None, max_articles: int | None = None
) -> Iterator[ScanResult]:
    """Read a batch as chunks of about max_articles articles: a big JSONL feed is read line by
    line, so memory holds a chunk, not the file. A file's row comes with its last articles."""
    known = known or {}
    max_articles = max_articles or CHUNK_ARTICLES
    out = ScanResult()
    for path in paths:
        rel = relpath(path, raw_dir)
        digest = size = mtime = None
        try:
            _confined(path, raw_dir)
            info = stat_of(path) if path.suffix.lower() == ".jsonl" else None  # one stat per file
            if info is not None and streams_as_utf8(path, info.st_size):
                mtime = info.st_mtime_ns
                digest, size = file_digest(path)
                if known.get(rel) == digest:
                    out.files.append(RawFile(rel, digest, size, "unchanged", mtime))
                    continue
                for articles, bad_lines in iter_jsonl(path, rel, max_articles):
                    out.articles.extend(articles)
                    out.quarantined.extend(Quarantined(ref, reason, digest) for ref, reason in bad_lines)
                    if len(out.articles) >= max_articles:
                        yield out
                        out = ScanResult()
                out.files.append(RawFile(rel, digest, size, "changed" if rel in known else "new", mtime))
                continue
            data, info = read_file(path, info)
            digest, size, mtime = content_hash(data), len(data), info.st_mtime_ns
            if known.get(rel) == digest:
                out.files.append(RawFile(rel, digest, size, "unchanged", mtime))
                continue
            articles, bad_lines = parse_bytes(data, path.suffix, rel, digest)
        except Unreadable as exc:
            out.quarantined.append(Quarantined(rel, str(exc), digest))
            out.files.append(RawFile(rel, digest, size, "quarantined", mtime))
            continue
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
            out.quarantined.append(Quarantined(rel, f"unexpected {type(exc).__name__}: {exc}", digest))
            out.files.append(RawFile(rel, digest, size, "quarantined", mtime))
            continue
        out.articles.extend(articles)
        out.quarantined.extend(Quarantined(ref, reason, digest) for ref, reason in bad_lines)
        out.files.append(RawFile(rel, digest, size, "changed" if rel in known else "new", mtime))
        if len(out.articles) >= max_articles:
            yield out
            out = ScanResult()
    if out.articles or out.quarantined or out.files:
        yield out


def _confined(path: Path, raw_dir: Path) -> None:
    """A symlink is read only when it leads to a file inside the raw directory."""
    if not path.is_symlink():
        return
    try:
        target = path.resolve(strict=True)
    except RuntimeError as exc:  # Python 3.11-3.12 report a loop as RuntimeError
        raise Unreadable("symlink loop") from exc
    except OSError as exc:
        raise Unreadable(
            "symlink loop" if exc.errno == errno.ELOOP else f"dangling symlink: {exc.strerror or exc}"
        ) from exc
    if not target.is_relative_to(raw_dir.resolve()):
        raise Unreadable("symlink points outside the raw directory")


def read_batch(paths: list[Path], raw_dir: Path) -> tuple[list[Article], list[Quarantined]]:
    """All articles of the files, ignoring what a warehouse holds (for `newsetl extract`)."""
    scan = scan_batch(paths, raw_dir)
    return scan.articles, scan.quarantined
