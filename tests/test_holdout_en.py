"""Held-out English articles (tests/data/holdout): extraction must keep its F1 and label accuracy.

The articles and their gold (en_gold.jsonl, GOLD_FORMAT of the shared dev set) were written to
exercise phrasing the dev set lacks. Matching is the shared scorer's one-to-one rule, copied
here so the test does not depend on ../shared: equal counts (or both absent) and amounts within
0.5 % in the same currency (or in the gold's alternative currency).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.core.extract import extract_articles
from flows.core.ingest import read_batch

HOLDOUT = Path(__file__).resolve().parent / "data" / "holdout"
AMOUNT_TOL, BAND_TOL = 0.005, 0.01
FLOOR = {"f1": 1.00, "sector": 1.00, "band": 1.00, "stage": 1.00}  # reached, rounded down to 0.05


def _close(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= tol * max(abs(a), abs(b))


def _amount_matches(g, p):
    ga, pa = g.get("amount"), p["amount"]
    if ga is None or pa is None:
        return ga is None and pa is None
    if (p["currency"] or "").upper() == (g.get("currency") or "CNY").upper() and \
            _close(ga, pa, AMOUNT_TOL):
        return True
    alt = g.get("alt")
    if alt and (p["currency"] or "").upper() == alt.get("currency", "").upper():
        return _close(alt.get("amount"), pa, AMOUNT_TOL)
    return False


def _is_match(g, p):
    if g.get("count") is None and g.get("amount") is None:
        return False
    gc, pc = g.get("count"), p["count"]
    counts = (gc is None and pc is None) if gc is None or pc is None else int(gc) == int(pc)
    return counts and _amount_matches(g, p)


def _score(gold: list[dict], preds: dict[str, list[dict]]) -> dict[str, float]:
    t = dict.fromkeys(("gold", "pred", "matched", "sector_n", "sector_ok", "band_n", "band_ok",
                       "stage_n", "stage_ok"), 0)
    for art in gold:
        P, used = preds.get(art["file"], []), set()
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
                t["band_ok"] += _close(g.get("size_min"), p["size_min"], BAND_TOL) and \
                    _close(g.get("size_max"), p["size_max"], BAND_TOL)
            if "stage" in g:
                t["stage_n"] += 1
                t["stage_ok"] += p["stage"] in g["stage"]
    prec = t["matched"] / t["pred"] if t["pred"] else 0.0
    rec = t["matched"] / t["gold"] if t["gold"] else 0.0
    out = {"f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}
    for k in ("sector", "band", "stage"):
        out[k] = t[f"{k}_ok"] / t[f"{k}_n"] if t[f"{k}_n"] else 1.0
    return out


@pytest.fixture(scope="module")
def result() -> dict[str, float]:
    gold = [json.loads(line) for line in (HOLDOUT / "en_gold.jsonl").open(encoding="utf-8")
            if line.strip()]
    raw = HOLDOUT / "raw"
    articles, bad = read_batch([raw / g["file"] for g in gold], raw)
    assert not bad
    rows = extract_articles(articles).to_dicts()
    preds: dict[str, list[dict]] = {}
    for r in rows:
        preds.setdefault(r["source_file"], []).append({
            "count": r["project_count"], "amount": r["amount"], "currency": r["currency"],
            "sector": r["sector_code"], "size_min": r["size_min"], "size_max": r["size_max"],
            "stage": r["stage"]})
    return _score(gold, preds)


@pytest.mark.parametrize("metric", sorted(FLOOR))
def test_holdout_en_floor(result, metric):
    assert result[metric] >= FLOOR[metric] - 1e-9, result
