"""Score the extractor on the dev set without a warehouse (fast inner loop for rule work).

    uv run python bench/dev_score.py [--raw ../shared/devset/raw] [--show-errors]

Extracts every dev article, writes the cohorts as parquet to a temp dir and runs the shared
scorer on it. The full path (newsetl run + score.py) must give the same figures.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from flows.core.extract.batch import extract_articles
from flows.core.ingest.discover import discover, read_batch

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", default=str(SHARED / "devset" / "raw"))
    ap.add_argument("--gold", default=str(SHARED / "devset" / "gold.jsonl"))
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    raw = Path(args.raw)
    articles, bad = read_batch(discover(raw), raw)
    for q in bad:
        print(f"quarantined {q.source_file}: {q.reason}", file=sys.stderr)
    cohorts = extract_articles(articles)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cohorts.parquet"
        cohorts.write_parquet(out)
        cmd = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", args.gold,
               "--cohorts", str(out)]
        if args.show_errors:
            cmd.append("--show-errors")
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
