"""The benchmark: synthetic corpora of N articles through a full `newsetl run`, timed.

    uv run python bench/run.py --sizes 10000 30000 100000 [--task-runner auto] [--out bench/out]

For each size: generate (or reuse) a corpus with known cohorts (bench/generate.py), warm the
page cache, run `newsetl run` on a fresh warehouse in a subprocess (Prefect start included),
sample the RSS of the whole process tree, run again on the unchanged corpus, and score the
export against the corpus gold. A one-file run on raw/ gives the fixed cost. Results go to
OUT/results.json and a table on stdout. Not part of the test suite: timings are measured here,
never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def descendants(pid: int) -> list[int]:
    """Every process below pid (children, their children, ...), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    out, stack = [], list(children.get(pid, []))
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(children.get(p, []))
    return out


def tree_rss_mb(pid: int, by_pid: dict[int, float] | None = None) -> float:
    """Resident memory of a process and all its descendants, from /proc (each process's in
    `by_pid`, when given)."""
    total = 0
    for p in [pid, *descendants(pid)]:
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        if by_pid is not None:
                            by_pid[p] = int(line.split()[1]) / 1024
        except OSError:
            continue
    return total / 1024


def role(pid: int) -> str:
    """What a process of the run is: the Prefect server, an extraction worker, or the command."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read()
    except OSError:
        return "gone"
    if b"uvicorn" in cmd or b"prefect\x00server" in cmd:
        return "server"
    return "worker" if b"multiprocessing" in cmd else "command"


def cpu_by_pid(pid: int, seen: dict[int, tuple[str, float]]) -> None:
    """Record the CPU seconds so far (user + system) of pid and its descendants, with their role."""
    tick = os.sysconf("SC_CLK_TCK")
    for p in [pid, *descendants(pid)]:
        try:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu = (int(fields[11]) + int(fields[12])) / tick
        name = seen[p][0] if p in seen else role(p)
        seen[p] = (name, cpu)


def timed_run(args: list[str]) -> dict:
    """Run a command, return wall seconds, CPU seconds of its whole process tree (user + system,
    every descendant reaped), peak tree RSS (MB) and its JSON stdout."""
    peak = [0.0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    done = threading.Event()

    seen: dict[int, tuple[str, float]] = {}

    peak_roles: dict[str, float] = {}

    def sample():
        while not done.is_set():
            by_pid: dict[int, float] = {}
            peak[0] = max(peak[0], tree_rss_mb(proc.pid, by_pid))
            cpu_by_pid(proc.pid, seen)
            for p, mb in by_pid.items():  # each role's largest process
                name = seen[p][0] if p in seen else "gone"
                peak_roles[name] = round(max(peak_roles.get(name, 0.0), mb))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}")
    summary = json.loads(out.strip().splitlines()[-1])
    roles: dict[str, float] = {}
    for name, value in seen.values():  # sampled every 0.2 s: the last fraction is missed
        roles[name] = round(roles.get(name, 0.0) + value, 2)
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "cpu_by_role_s": roles,
        "peak_rss_by_role_mb": peak_roles,
        "peak_rss_mb": peak[0],
        "summary": summary,
    }


def newsetl_run(raw: Path, warehouse: Path, export: Path, runner: str) -> dict:
    return timed_run(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "run",
            "--raw",
            str(raw),
            "--warehouse",
            str(warehouse),
            "--export",
            str(export),
            "--task-runner",
            runner,
            "--json",
        ]
    )


def corpus(out: Path, n: int, seed: int) -> Path:
    folder = out / f"corpus-{n}"
    marker = folder / "done.json"
    if not (marker.exists() and json.loads(marker.read_text()) == {"n": n, "seed": seed}):
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate.py"),
                "--articles",
                str(n),
                "--out",
                str(folder),
                "--seed",
                str(seed),
                "--clean",
            ],
            check=True,
            cwd=ROOT,
        )
        marker.write_text(json.dumps({"n": n, "seed": seed}))
    return folder


def warm(folder: Path) -> tuple[int, int]:
    files = size = 0
    for root, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(root, name), "rb") as fh:
                size += len(fh.read())
            files += 1
    return files, size


def score(export: Path, gold: Path) -> dict:
    if not SCORER.exists():
        return {}
    out = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--cohorts", str(export / "cohorts.parquet"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_size(out: Path, n: int, seed: int, runner: str) -> dict:
    folder = corpus(out, n, seed)
    files, size = warm(folder / "articles")
    work = out / f"run-{n}"
    shutil.rmtree(work, ignore_errors=True)
    first = newsetl_run(folder / "articles", work / "news.duckdb", work / "export", runner)
    second = newsetl_run(folder / "articles", work / "news.duckdb", work / "export", runner)
    quality = score(work / "export", folder / "gold.jsonl")
    return {
        "articles": n,
        "files": files,
        "mb": round(size / 1e6, 1),
        "wall_s": round(first["wall_s"], 2),
        # flow start to exported parquet (the measure): the command less the temporary
        # server's start, Prefect's imports and the stop
        "flow_s": first["summary"]["seconds"].get("flow"),
        "articles_per_s": round(n / first["wall_s"], 1),
        "mb_per_s": round(size / 1e6 / first["wall_s"], 2),
        "us_per_article": round(first["wall_s"] / n * 1e6, 1),
        "peak_rss_mb": round(first["peak_rss_mb"]),
        "stages_s": first["summary"]["seconds"],
        "cohorts": first["summary"]["cohorts_loaded"],
        "quarantined": first["summary"]["files_quarantined"],
        "rerun_wall_s": round(second["wall_s"], 2),
        "rerun_peak_rss_mb": round(second["peak_rss_mb"]),
        "f1": {lang: quality[lang]["f1"] for lang in ("en", "zh", "all") if lang in quality},
    }


def one_file(out: Path, runner: str) -> dict:
    work = out / "run-one-file"
    shutil.rmtree(work, ignore_errors=True)
    result = newsetl_run(ROOT / "raw", work / "news.duckdb", work / "export", runner)
    return {
        "wall_s": round(result["wall_s"], 2),
        "peak_rss_mb": round(result["peak_rss_mb"]),
        "stages_s": result["summary"]["seconds"],
    }


def linearity(results: dict) -> dict:
    """Cost per article two ways: net of the one-file run's fixed cost, and marginal (the
    extra seconds per extra article between consecutive sizes); each with max/min."""
    fixed = results["one_file"]["wall_s"]
    sizes = sorted(results["sizes"], key=lambda r: r["articles"])
    net = {r["articles"]: round((r["wall_s"] - fixed) / r["articles"] * 1e6, 1) for r in sizes}
    marginal = {
        f"{a['articles']}-{b['articles']}": round(
            (b["wall_s"] - a["wall_s"]) / (b["articles"] - a["articles"]) * 1e6, 1
        )
        for a, b in zip(sizes, sizes[1:])
    }
    spread = lambda values: round(max(values) / min(values), 3) if values and min(values) > 0 else None
    return {
        "fixed_s": fixed,
        "net_us_per_article": net,
        "net_max_over_min": spread(list(net.values())),
        "marginal_us_per_article": marginal,
        "marginal_max_over_min": spread(list(marginal.values())),
    }


def table(results: dict) -> str:
    lines = [
        "| articles | MB | wall s | flow s | articles/s | MB/s | µs/article | peak RSS MB | re-run s | F1 en | F1 zh |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results["sizes"]:
        lines.append(
            f"| {r['articles']:,} | {r['mb']} | {r['wall_s']} | {r.get('flow_s')} | {r['articles_per_s']} | "
            f"{r['mb_per_s']} | {r['us_per_article']} | {r['peak_rss_mb']} | "
            f"{r['rerun_wall_s']} | {r['f1'].get('en', 'n/a')} | {r['f1'].get('zh', 'n/a')} |"
        )
    one = results["one_file"]
    lines.append(
        "\nwall s: the whole `newsetl run` command (Prefect's temporary server start and "
        "stop included); flow s: flow start to exported parquet"
    )
    lines.append(f"one-file run on raw/: {one['wall_s']} s, peak RSS {one['peak_rss_mb']} MB")
    for r in results["sizes"]:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in r["stages_s"].items())
        lines.append(f"{r['articles']:,} articles, stages (s): {stages}")
    lin = results.get("linearity") or linearity(results)
    lines.append(
        "µs per article net of the one-file run: "
        + ", ".join(f"{n:,} {v}" for n, v in lin["net_us_per_article"].items())
        + f" (max/min {lin['net_max_over_min']})"
    )
    lines.append(
        "marginal µs per article: "
        + ", ".join(f"{k} {v}" for k, v in lin["marginal_us_per_article"].items())
        + f" (max/min {lin['marginal_max_over_min']})"
    )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real", action="store_true", help="real-wording corpora from ../shared/devset/raw")
    ap.add_argument("--repeat", type=int, default=1, help="with --real: runs of each size (medians reported)")
    ap.add_argument(
        "--against", nargs="*", default=[], help="with --real: other trees (the code before), run alternately"
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--task-runner", default="auto", choices=["auto", "thread", "process", "dask"])
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.real:
        from real import main_real

        main_real(args)
        return
    args.sizes = args.sizes or [10_000, 30_000, 100_000]
    results = {
        "task_runner": args.task_runner,
        "cpus": os.cpu_count(),
        "one_file": one_file(args.out, args.task_runner),
        "sizes": [bench_size(args.out, n, args.seed, args.task_runner) for n in args.sizes],
    }
    results["linearity"] = linearity(results)
    (args.out / "results.json").write_text(json.dumps(results, indent=2))
    (args.out / "results.md").write_text(table(results) + "\n")
    print(table(results))


if __name__ == "__main__":
    main()
