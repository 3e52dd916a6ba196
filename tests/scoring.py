"""The shared scorer's matching (../shared/tools/score.py), for tests that need nothing
outside the repo: counts equal (or both absent), amounts within 0.5 % in the same currency (or
the gold's `alt` conversion, or both absent), one-to-one in gold order; gold cohorts marked
"optional" count neither way; label accuracy over matched pairs where the gold (or the
prediction) gives the label. Used by the holdout and stress tests."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from flows.core.extract.batch import extract_articles
from flows.core.ingest.discover import discover, read_batch

AMOUNT_TOL = 0.005
BAND_TOL = 0.01


def _close(a, b, tol) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= tol * max(abs(a), abs(b))


def _match(g: dict, p: dict) -> bool:
    if g.get("count") is None and g.get("amount") is None:
        return False
    gc, pc = g.get("count"), p["project_count"]
    if (gc is None) != (pc is None) or (gc is not None and int(gc) != int(pc)):
        return False
    ga, pa = g.get("amount"), p["amount"]
    if ga is None or pa is None:
        return ga is None and pa is None
    if p["currency"] == g.get("currency", "CNY") and _close(ga, pa, AMOUNT_TOL):
        return True
    alt = g.get("alt")
    return bool(alt) and p["currency"] == alt.get("currency") and _close(alt["amount"], pa, AMOUNT_TOL)


def score_set(gold_path: Path, raw: Path | None = None) -> tuple[dict, list]:
    """Tally (gold, pred, matched, label hits) for one gold.jsonl and its articles (beside it,
    or under `raw`), and the errors as (file, kind, cohort)."""
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    raw = raw or gold_path.parent
    files = {g["file"] for g in gold}
    paths = [f for f in discover(raw) if f.name in files]
    articles, bad = read_batch(paths, raw)
    assert not bad, f"quarantined: {bad}"
    preds: dict[str, list[dict]] = defaultdict(list)
    for row in extract_articles(articles).to_dicts():
        preds[Path(row["source_file"]).name].append(row)
    t: dict = defaultdict(int)
    errors: list = []
    for art in gold:
        P = preds.get(art["file"], [])
        used: set[int] = set()
        for g in (g for g in art["cohorts"] if not g.get("optional")):
            t["gold"] += 1
            hit = next((i for i, p in enumerate(P) if i not in used and _match(g, p)), None)
            if hit is None:
                errors.append((art["file"], "missed", g))
                continue
            used.add(hit)
            p = P[hit]
            t["matched"] += 1
            if "sector" in g or p["sector_code"] is not None:
                t["sector_n"] += 1
                ok = p["sector_code"] in (g.get("sector") or [None])
                t["sector_ok"] += ok
                if not ok:
                    errors.append((art["file"], f"sector {p['sector_code']}", g))
            if "size_min" in g or "size_max" in g or p["size_min"] is not None:
                t["band_n"] += 1
                ok = _close(g.get("size_min"), p["size_min"], BAND_TOL) and _close(
                    g.get("size_max"), p["size_max"], BAND_TOL
                )
                t["band_ok"] += ok
                if not ok:
                    errors.append((art["file"], f"band {p['size_min']}-{p['size_max']}", g))
            if "stage" in g:
                t["stage_n"] += 1
                ok = p["stage"] in g["stage"]
                t["stage_ok"] += ok
                if not ok:
                    errors.append((art["file"], f"stage {p['stage']}", g))
        neutral = 0
        for g in (g for g in art["cohorts"] if g.get("optional")):
            hit = next((i for i, p in enumerate(P) if i not in used and _match(g, p)), None)
            if hit is not None:
                used.add(hit)
                neutral += 1
        for i, p in enumerate(P):
            if i not in used:
                errors.append(
                    (
                        art["file"],
                        "spurious",
                        {k: p[k] for k in ("project_count", "amount", "currency", "stage", "sector_code", "size_min")},
                    )
                )
        t["pred"] += len(P) - neutral
    return t, errors


def figures(t: dict) -> dict:
    p = t["matched"] / t["pred"] if t["pred"] else 0.0
    r = t["matched"] / t["gold"] if t["gold"] else 0.0
    acc = {k: (t[f"{k}_ok"] / t[f"{k}_n"] if t[f"{k}_n"] else 1.0) for k in ("sector", "band", "stage")}
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "p": p, "r": r, **acc}


def extract_and_score(gold_file: Path, raw: Path) -> dict[str, float]:
    """Extract the gold's articles from `raw` and score them: f1, gold, sector, band, stage."""
    t, _ = score_set(gold_file, raw)
    return {**figures(t), "gold": t["gold"]}
