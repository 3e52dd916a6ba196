"""Split the dev set into 4 folds by a hash of the file name, and copy some folds out.

Fold k holds the files whose sha256(file name) is k modulo 4. Rule work reads folds 0-2 only;
fold 3 stays unread until the final measurement (issue 12), so that its score says how well the
rules carry to articles they were not written on.

    uv run python bench/folds.py --out /tmp/dev-work --folds 0 1 2     # the working folds
    uv run python bench/folds.py --out /tmp/dev-unread --folds 3       # only at the end

Writes OUT/raw/<files> and OUT/gold.jsonl. Needs ../shared/devset (or --devset).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

FOLDS = 4
UNREAD_FOLD = 3


def fold_of(file_name: str) -> int:
    return int(hashlib.sha256(file_name.encode("utf-8")).hexdigest(), 16) % FOLDS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "devset"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--folds", type=int, nargs="+", required=True)
    args = ap.parse_args(argv)
    devset = Path(args.devset)
    if not (devset / "raw").is_dir():
        print(f"error: no dev set at {devset} (expected ../shared/devset beside the repo)", file=sys.stderr)
        return 2
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    (out / "raw").mkdir(parents=True)
    wanted = set(args.folds)
    kept = 0
    for path in sorted((devset / "raw").iterdir()):
        if fold_of(path.name) in wanted:
            shutil.copy2(path, out / "raw" / path.name)
            kept += 1
    with open(devset / "gold.jsonl", encoding="utf-8") as src, open(out / "gold.jsonl", "w", encoding="utf-8") as dst:
        for line in src:
            if line.strip() and fold_of(json.loads(line)["file"]) in wanted:
                dst.write(line)
    print(f"{kept} articles of folds {sorted(wanted)} -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
