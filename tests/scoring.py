"""The shared scorer's one-to-one matching (../shared/tools/score.py), copied so tests need
nothing outside the repo: equal counts (or both absent) and amounts within 0.5 % in the same
currency (or in the gold's alternative currency); labels counted on matched pairs."""

from __future__ import annotations

import json
from pathlib import Path

from flows.core.extract.batch import extract_articles
from flows.core.ingest.discover import read_batch

AMOUNT_TOL, BAND_TOL = 0.005, 0.01


def _close(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= tol * max(abs(a), abs(b))


def _amount_matches(g, p):
    ga, pa = g.get("amount"), p["amount"]
    if ga is None or pa is None:
        return ga is None and pa is None
    if (p["currency"] or "").upper() == (g.get("currency") or "CNY").upper() and _close(ga, pa, AMOUNT_TOL):
        return True
    alt = g.get("alt")
    return (
        bool(alt)
        and (p["currency"] or "").upper() == alt.get("currency", "").upper()
        and _close(alt.get("amount"), pa, AMOUNT_TOL)
    )


def _is_match(g, p):
    if g.get("count") is None and g.get("amount") is None:
        return False
    gc, pc = g.get("count"), p["count"]
    counts = (gc is None and pc is None) if gc is None or pc is None else int(gc) == int(pc)
    return counts and _amount_matches(g, p)


def score(gold: list[dict], preds: dict[str, list[dict]]) -> dict[str, float]:
    """-> f1 and sector/band/stage accuracy (1.0 where no pair carries the label)."""
    t = dict.fromkeys(
        ("gold", "pred", "matched", "sector_n", "sector_ok", "band_n", "band_ok", "stage_n", "stage_ok"), 0
    )
    for art in gold:
        P, used = preds.get(Path(art["file"]).name, []), set()
        t["pred"] += len(P)
        for g in art["cohorts"]:
            t["gold"] += 1
            hit = next((i for i, p in enumerate(P) if i not in used and _is_match(g, p)), None)
            if hit is None:
                continue
            used.add(hit)
            p = P[hit]
            t["matched"] += 1
            if "sector" in g or p["sector"] is not None:
                t["sector_n"] += 1
                t["sector_ok"] += p["sector"] in (g.get("sector") or [None])
            if "size_min" in g or "size_max" in g or p["size_min"] is not None:
                t["band_n"] += 1
                t["band_ok"] += _close(g.get("size_min"), p["size_min"], BAND_TOL) and _close(
                    g.get("size_max"), p["size_max"], BAND_TOL
                )
            if "stage" in g:
                t["stage_n"] += 1
                t["stage_ok"] += p["stage"] in g["stage"]
    prec = t["matched"] / t["pred"] if t["pred"] else 0.0
    rec = t["matched"] / t["gold"] if t["gold"] else 0.0
    out = {"f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "gold": t["gold"]}
    for k in ("sector", "band", "stage"):
        out[k] = t[f"{k}_ok"] / t[f"{k}_n"] if t[f"{k}_n"] else 1.0
    return out


def extract_and_score(gold_file: Path, raw: Path) -> dict[str, float]:
    """Extract the gold's articles from `raw` and score them against the gold."""
    gold = [json.loads(line) for line in gold_file.read_text("utf-8").splitlines() if line.strip()]
    articles, bad = read_batch([raw / g["file"] for g in gold], raw)
    assert not bad, bad
    preds: dict[str, list[dict]] = {}
    for r in extract_articles(articles).to_dicts():
        preds.setdefault(Path(r["source_file"]).name, []).append(
            {
                "count": r["project_count"],
                "amount": r["amount"],
                "currency": r["currency"],
                "sector": r["sector_code"],
                "size_min": r["size_min"],
                "size_max": r["size_max"],
                "stage": r["stage"],
            }
        )
    return score(gold, preds)
