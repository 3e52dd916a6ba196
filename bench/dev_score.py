"""Score the extractor on the dev set without a warehouse (fast inner loop for rule work).

    uv run python bench/dev_score.py --raw DIR --gold DIR/gold.jsonl [--show-errors]

Extracts every article under --raw, writes the cohorts as parquet to a temp dir and runs the
shared scorer (../shared/tools/score.py, or --scorer) on it. The full path (newsetl run +
score.py) must give the same figures.

Needs the dev set and the scorer, which live beside the repository (../shared/devset,
../shared/tools), not in it: without them this says where they are expected, in one line,
and exits 2. `bench/folds.py` copies the working folds out of the dev set.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXIT_MISSING = 2


def _missing(what: str, path: Path, flag: str) -> None:
    print(
        f"dev_score: {what} not found at {path} (the dev set and scorer are not part of the "
        f"repository: put them at {SHARED}/ or pass {flag})",
        file=sys.stderr,
    )
    sys.exit(EXIT_MISSING)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", default=str(SHARED / "devset" / "raw"), help="dev articles (default %(default)s)")
    ap.add_argument("--gold", default=str(SHARED / "devset" / "gold.jsonl"), help="gold cohorts (default %(default)s)")
    ap.add_argument(
        "--scorer", default=str(SHARED / "tools" / "score.py"), help="the shared scorer (default %(default)s)"
    )
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    raw, gold, scorer = Path(args.raw), Path(args.gold), Path(args.scorer)
    if not raw.is_dir():
        _missing("dev articles directory", raw, "--raw DIR")
    if not gold.is_file():
        _missing("gold file", gold, "--gold FILE")
    if not scorer.is_file():
        _missing("scorer", scorer, "--scorer FILE")

    from flows.core.extract.batch import extract_articles
    from flows.core.ingest.discover import discover, read_batch

    articles, bad = read_batch(discover(raw), raw)
    for q in bad:
        print(f"quarantined {q.source_file}: {q.reason}", file=sys.stderr)
    cohorts = extract_articles(articles)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cohorts.parquet"
        cohorts.write_parquet(out)
        cmd = [sys.executable, str(scorer), "--gold", str(gold), "--cohorts", str(out)]
        if args.show_errors:
            cmd.append("--show-errors")
        done = subprocess.run(cmd)
    if done.returncode:
        print(f"dev_score: the scorer exited with code {done.returncode}", file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
