"""Proof that a speed change left the extraction output identical, row for row and field for field.

    uv run python bench/same_output.py --write SNAPDIR RAWDIR [RAWDIR ...]
    uv run python bench/same_output.py --check SNAPDIR RAWDIR [RAWDIR ...]

Runs `extract_articles` over every article of each RAWDIR (read as `newsetl run` reads them)
and writes one JSONL snapshot per directory under SNAPDIR (`--write`), or compares the rows
against the snapshot written before (`--check`): every COHORT_SCHEMA column, keys sorted,
floats as repr (so 1e-17 apart is a difference), plus the articles the rules failed on. Prints
the first differences and exits 1 on any (2 when a snapshot is missing). Keep snapshots outside
the repository: they are the output of the code at some commit, not part of it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.core.contract import COHORT_SCHEMA  # noqa: E402
from flows.core.extract.batch import extract_articles  # noqa: E402
from flows.core.ingest.discover import discover, read_batch  # noqa: E402

CHUNK = 500  # articles per extract_articles call (a run's batches are of this order)
SHOW = 10  # differences printed per directory


def _value(v):
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, list):
        return [_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _value(x) for k, x in sorted(v.items())}
    return v


def snapshot_lines(raw: Path) -> list[str]:
    """One JSON line per cohort row (in output order) and per failed article, for raw/."""
    paths = discover(raw)
    lines: list[str] = []
    for start in range(0, len(paths), CHUNK):
        articles, _ = read_batch(paths[start : start + CHUNK], raw)
        failures: list[tuple[str, str]] = []
        frame = extract_articles(articles, failures)
        assert list(frame.columns) == list(COHORT_SCHEMA), "columns differ from COHORT_SCHEMA"
        for row in frame.iter_rows(named=True):
            lines.append(json.dumps(_value(row), sort_keys=True, ensure_ascii=False))
        for source, reason in failures:
            lines.append(json.dumps({"failed": source, "reason": reason}, sort_keys=True, ensure_ascii=False))
    return lines


def snap_name(raw: Path) -> str:
    """A snapshot file name for a directory: its last two parts and a hash of its full path."""
    full = str(raw.resolve())
    tail = "_".join(raw.resolve().parts[-2:])
    return f"{tail}-{hashlib.sha1(full.encode()).hexdigest()[:8]}.jsonl"


def compare(old: list[str], new: list[str]) -> list[str]:
    """Human-readable differences between two snapshots (first SHOW)."""
    out = []
    if len(old) != len(new):
        out.append(f"rows: {len(old)} in the snapshot, {len(new)} now")
    for i, (a, b) in enumerate(zip(old, new)):
        if a == b:
            continue
        ra, rb = json.loads(a), json.loads(b)
        fields = sorted(k for k in set(ra) | set(rb) if ra.get(k) != rb.get(k))
        where = rb.get("source_file") or rb.get("failed")
        diffs = ", ".join(f"{k}: {ra.get(k)!r} -> {rb.get(k)!r}" for k in fields[:6])
        out.append(f"row {i} ({where}): {diffs}")
        if len(out) >= SHOW:
            break
    if len(old) != len(new) and len(out) < SHOW:
        extra = old[len(new) :] if len(old) > len(new) else new[len(old) :]
        out.extend(f"  unmatched: {line[:200]}" for line in extra[: SHOW - len(out)])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="SNAPDIR")
    mode.add_argument("--check", type=Path, metavar="SNAPDIR")
    ap.add_argument("raw", nargs="+", type=Path)
    args = ap.parse_args(argv)
    status = 0
    for raw in args.raw:
        if not raw.is_dir():
            print(f"error: no directory {raw}", file=sys.stderr)
            return 2
        lines = snapshot_lines(raw)
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            (args.write / snap_name(raw)).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            print(f"wrote {raw}: {len(lines)} rows")
            continue
        snap = args.check / snap_name(raw)
        if not snap.exists():
            print(f"error: no snapshot {snap} for {raw}", file=sys.stderr)
            return 2
        diffs = compare(snap.read_text(encoding="utf-8").splitlines(), lines)
        print(f"{'identical' if not diffs else 'DIFFERENT'} {raw}: {len(lines)} rows")
        for d in diffs:
            print("  " + d)
        status = status or (1 if diffs else 0)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
