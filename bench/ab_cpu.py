"""CPU per article of two checkouts' extraction rules, measured in alternation (A/B).

    uv run python bench/ab_cpu.py --base ../wt-base --raw DIR [--rounds 40]

On a shared machine the load drifts between two runs of bench/extract_cpu.py by more than a
speed change is worth. This starts one worker per checkout (the current one and --base), each
reading DIR once, then asks them in turn, round after round (en, zh, all; the order flipped
each round), for the process CPU (time.process_time) of one extract_articles call, and prints
one JSON line: per language, the median µs per article of base and new and the change in %.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "zh", "all")

# the worker: run inside a checkout, it times extract_articles over one language per request
WORKER = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, ".")
from flows.core.extract.batch import extract_articles
from flows.core.ingest.discover import discover, read_batch
import flows
assert Path(flows.__file__).resolve().is_relative_to(Path.cwd().resolve()), "rules imported from another checkout"
raw = Path(sys.argv[1])
articles, _ = read_batch(discover(raw), raw)
subsets = {lang: [a for a in articles if lang == "all" or a.source_file.startswith(lang)] for lang in %r}
extract_articles(articles)
print("ready", flush=True)
for line in sys.stdin:
    subset = subsets[line.strip()]
    clock = time.process_time()
    extract_articles(subset)
    print(json.dumps(1e6 * (time.process_time() - clock) / max(1, len(subset))), flush=True)
""" % (LANGS,)


def _start(checkout: Path, raw: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(raw)],
        cwd=checkout,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    if proc.stdout.readline().strip() != "ready":
        raise SystemExit(f"error: the worker in {checkout} did not start")
    return proc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="the checkout to compare against")
    ap.add_argument("--raw", required=True)
    ap.add_argument("--rounds", type=int, default=40)
    args = ap.parse_args(argv)
    raw = Path(args.raw).resolve()
    workers = {"base": _start(Path(args.base).resolve(), raw), "new": _start(ROOT, raw)}
    times: dict[tuple[str, str], list[float]] = {}
    for k in range(args.rounds):
        for lang in LANGS:
            for name in ("base", "new") if k % 2 == 0 else ("new", "base"):
                proc = workers[name]
                proc.stdin.write(lang + "\n")
                proc.stdin.flush()
                times.setdefault((name, lang), []).append(json.loads(proc.stdout.readline()))
    for proc in workers.values():
        proc.stdin.close()
        proc.wait()
    out: dict = {"rounds": args.rounds}
    for lang in LANGS:
        base, new = statistics.median(times[("base", lang)]), statistics.median(times[("new", lang)])
        out[lang] = {
            "base_us": round(base, 1),
            "new_us": round(new, 1),
            "change_pct": round(100 * (new - base) / base, 1),
        }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
