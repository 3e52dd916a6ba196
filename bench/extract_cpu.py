"""CPU per article of the extraction rules alone (no warehouse, no Prefect), on real articles.

    uv run python bench/extract_cpu.py --raw DIR [--repeat 20]

Reads every article under DIR once, then times `extract_articles` over them `repeat` times with
time.process_time (this process's CPU, whatever else the machine does) and prints one JSON line:
articles, cohorts, CPU µs per article (median over repeats) per language and for all.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

try:
    from flows.core.extract.batch import extract_articles
    from flows.core.ingest.discover import discover, read_batch
except ImportError:  # the layout before flows/core/ was split into folders
    from flows.core.extract import extract_articles
    from flows.core.ingest import discover, read_batch


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", required=True)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    raw = Path(args.raw)
    if not raw.is_dir():
        print(f"error: no directory {raw}", file=sys.stderr)
        return 2
    articles, _ = read_batch(discover(raw), raw)
    extract_articles(articles)  # warm: lexicons, compiled patterns
    out = {"articles": len(articles)}
    for lang in ("en", "zh", "all"):
        subset = [a for a in articles if lang == "all" or a.source_file.startswith(lang)]
        times = []
        for _ in range(args.repeat):
            clock = time.process_time()
            cohorts = extract_articles(subset)
            times.append(time.process_time() - clock)
        out[lang] = {
            "articles": len(subset),
            "cohorts": cohorts.height,
            "cpu_us_per_article": round(1e6 * statistics.median(times) / max(1, len(subset)), 1),
        }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
