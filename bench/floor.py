"""The floor of a run's CPU: its necessary parts, in one process, on the same corpus.

    uv run python bench/floor.py RAW_DIR [--batch 2000]

read + decode (discover, stat, read, hash, decode), extraction, validation, and a DuckDB load
of the same rows (the batches' frames appended to tables of a fresh DuckDB file through Arrow,
then a checkpoint): nothing of Prefect, no worker processes, no views or export. Prints one
JSON line: CPU seconds of this process per part (imports and warm-up excluded) and in all.
bench/run.py --real divides a run's CPU by this.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--batch", type=int, default=2000)
    args = ap.parse_args()

    import duckdb

    from flows.core.ingest.discover import discover
    from flows.core.run.pipeline import process_batch
    from flows.core.run.runner import few_collections, warm_up
    from flows.core.warehouse import load as loading

    warm_up()
    start = time.process_time()
    paths = discover(args.raw)
    discover_cpu = time.process_time() - start
    parts = {"read": discover_cpu, "extract": 0.0, "validate": 0.0, "load": 0.0}
    articles = cohorts = 0
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "floor.duckdb"))
        for i in range(0, len(paths), args.batch):
            with few_collections():
                result = process_batch(paths[i : i + args.batch], args.raw, {})
            for name, value in result.seconds.items():
                parts[name] += value
            clock = time.process_time()
            loading.stage(con, result)
            parts["load"] += time.process_time() - clock
            articles += result.articles.height
            cohorts += result.cohorts.height
        clock = time.process_time()
        con.execute("checkpoint")
        con.close()
        parts["load"] += time.process_time() - clock
    total = time.process_time() - start
    print(
        json.dumps(
            {
                "files": len(paths),
                "articles": articles,
                "cohorts": cohorts,
                "cpu_s": round(total, 3),
                "parts_cpu_s": {k: round(v, 3) for k, v in parts.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
