"""Peak memory of one worker reading, extracting and validating one big JSONL feed.

    uv run python bench/jsonl_memory.py --lines 100000 300000

For each size: writes a feed of short English and Chinese signing reports to a temp dir, runs
`process_batch` on it in a fresh process and prints one JSON line (lines, MB, peak RSS MB, s).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
import polars as pl
from pathlib import Path
from flows.core.run.pipeline import process_batch
path = Path(sys.argv[1])
clock = time.perf_counter()
result = process_batch([path], path.parent, {}, path.parent / "parts")  # as a run's worker does
rows = result.cohorts.height + sum(pl.scan_parquet(str(p) + ".cohorts.parquet").select(pl.len()).collect().item() for p in result.parts)
print(json.dumps({"cohorts": rows, "parts": len(result.parts), "seconds": round(time.perf_counter() - clock, 1),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def write_feed(path: Path, lines: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(lines):
            if i % 2:
                text = f"City {i} signed {i % 80 + 2} projects worth {i % 900 + 1} billion yuan at the fair."
            else:
                text = f"第{i}市重大项目集中签约，共签约项目{i % 80 + 2}个，总投资{i % 900 + 1}亿元。"
            fh.write(json.dumps({"content": text, "title": f"t{i}"}, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, nargs="+", default=[100_000, 300_000])
    args = ap.parse_args(argv)
    for lines in args.lines:
        with tempfile.TemporaryDirectory() as tmp:
            feed = Path(tmp) / "feed.jsonl"
            write_feed(feed, lines)
            out = subprocess.run([sys.executable, "-c", CHILD, str(feed)], capture_output=True, text=True, check=True)
            print(json.dumps({"lines": lines, "mb": round(feed.stat().st_size / 2**20, 1), **json.loads(out.stdout)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
