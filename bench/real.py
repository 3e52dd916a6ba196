"""`bench/run.py --real`: the issue-14 figures on real-wording corpora, in one run.

For each size (default 20,000): build the corpus (bench/realcorpus.py), warm the page cache,
then `--repeat` times, back to back: a one-file `newsetl run` on raw/ (the fixed cost) and a
full `newsetl run` of the corpus on a fresh warehouse, each with the wall, the CPU of its whole
process tree and the tree's peak RSS; and once, bench/floor.py on the same corpus (the CPU of
the run's necessary parts in one process). Reports medians:

- articles/s, marginal: articles / (run wall - one-file wall)
- CPU µs/article of the whole run, and the ratio run CPU / floor CPU
- peak RSS of the process tree
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import run as bench_run
from realcorpus import MissingDevset, build
from run import ROOT, newsetl_run, warm


def floor(raw: Path, root: Path = ROOT) -> dict:
    out = subprocess.run(
        [sys.executable, str(root / "bench" / "floor.py"), str(raw)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def fresh_run(raw: Path, work: Path, runner: str, root: Path = ROOT) -> dict:
    """`newsetl run` of the code in `root` on a fresh warehouse."""
    shutil.rmtree(work, ignore_errors=True)
    bench_run.ROOT = root
    try:
        result = newsetl_run(raw, work / "news.duckdb", work / "export", runner)
    finally:
        bench_run.ROOT = ROOT
    shutil.rmtree(work, ignore_errors=True)
    return result


def measure(out: Path, n: int, repeat: int, runner: str, roots: list[Path] | None = None) -> list[dict]:
    """The figures of the code in each tree of `roots` (this one by default), their runs
    alternating: a one-file run, then the corpus, per tree, `repeat` times."""
    roots = roots or [ROOT]
    try:
        raw = build(n, out / f"real-{n}")
    except MissingDevset as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2) from None
    warm(raw)
    runs: dict[Path, tuple[list, list]] = {root: ([], []) for root in roots}
    for root in roots:  # warms the code's page cache
        fresh_run(root / "raw", out / "run-real-one", runner, root)
    for _ in range(repeat):
        for root, (ones, fulls) in runs.items():
            ones.append(fresh_run(root / "raw", out / "run-real-one", runner, root))
            fulls.append(fresh_run(raw, out / f"run-real-{n}", runner, root))
    return [
        dict(figures(n, repeat, ones, fulls, floor(raw, root)), code=str(root)) for root, (ones, fulls) in runs.items()
    ]


def figures(n: int, repeat: int, ones: list[dict], fulls: list[dict], base: dict) -> dict:
    med = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
    one_wall, wall, cpu = med(ones, "wall_s"), med(fulls, "wall_s"), med(fulls, "cpu_s")
    return {
        "articles": n,
        "repeat": repeat,
        "one_file_wall_s": round(one_wall, 2),
        "one_file_cpu_s": round(med(ones, "cpu_s"), 2),
        "wall_s": round(wall, 2),
        "articles_per_s_marginal": round(n / (wall - one_wall), 1),
        "cpu_s": round(cpu, 2),
        "cpu_us_per_article": round(cpu / n * 1e6, 1),
        "floor_cpu_s": base["cpu_s"],
        "floor_parts_cpu_s": base["parts_cpu_s"],
        "cpu_over_floor": round(cpu / base["cpu_s"], 3),
        "peak_rss_mb": round(med(fulls, "peak_rss_mb")),
        "walls": [round(r["wall_s"], 2) for r in fulls],
        "one_file_walls": [round(r["wall_s"], 2) for r in ones],
        "cpu_by_role_s": {
            name: round(statistics.median(r["cpu_by_role_s"].get(name, 0.0) for r in fulls), 2)
            for name in ("command", "server", "worker")
        },
        "one_file_cpu_by_role_s": {
            name: round(statistics.median(r["cpu_by_role_s"].get(name, 0.0) for r in ones), 2)
            for name in ("command", "server", "worker")
        },
        "peak_rss_by_role_mb": fulls[-1]["peak_rss_by_role_mb"],
        "stages_s": fulls[-1]["summary"]["seconds"],
        "cohorts": fulls[-1]["summary"]["cohorts_loaded"],
    }


def table(results: list[dict]) -> str:
    lines = [
        "| code | articles | one-file wall s | run wall s | articles/s (marginal) | CPU µs/article | CPU / floor | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['code']} | {r['articles']:,} | {r['one_file_wall_s']} | {r['wall_s']} | {r['articles_per_s_marginal']:,} | "
            f"{r['cpu_us_per_article']} | {r['cpu_over_floor']} | {r['peak_rss_mb']:,} |"
        )
    return "\n".join(lines)


def main_real(args) -> None:
    sizes = args.sizes or [20_000]
    roots = [Path(p).resolve() for p in args.against] + [ROOT] if args.against else None
    results = [r for n in sizes for r in measure(args.out, n, args.repeat, args.task_runner, roots)]
    (args.out / "results-real.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    print(table(results))
