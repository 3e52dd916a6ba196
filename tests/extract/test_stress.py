"""Stress sets: articles written for the tests (never seen while writing the rules), one folder
per language under tests/data/stress/<lang>/ holding the articles and a gold.jsonl in the dev
gold format (GOLD_FORMAT.md). Every gold.jsonl found there is extracted and scored as the
shared scorer scores the dev set, and its language must stay above the floors below.

Matching: a predicted cohort matches a gold cohort of the same file when the counts are equal
(or both absent) and the amounts agree within 0.5 % in the same currency (or the gold's `alt`
conversion, or both absent); one-to-one, in gold order. Gold cohorts marked "optional" count
neither way. Label accuracy is over matched pairs where the gold (or the prediction) gives
the label, as in the scorer.

    uv run python tests/extract/test_stress.py [--show-errors]   prints the figures per language
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from flows.core.extract.batch import extract_articles  # noqa: E402
from flows.core.ingest.discover import discover, read_batch  # noqa: E402

STRESS = ROOT / "tests" / "data" / "stress"
AMOUNT_TOL = 0.005
BAND_TOL = 0.01
# floors per language: (F1, sector, band, stage), the reached figures rounded down to 0.05
# (en: F1 0.991, sector 0.946, band 1.000, stage 1.000 on 38 articles); a language without a
# row uses DEFAULT, the project's targets for unseen articles
FLOORS = {"en": (0.95, 0.90, 0.95, 0.95)}
DEFAULT = (0.85, 0.80, 0.90, 0.90)
FLOORS["zh"] = (0.97, 0.95, 0.95, 0.95)  # 57 written articles, 1.000 after the fixes they led to


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


GOLDS = sorted(STRESS.glob("*/gold.jsonl"))


@pytest.mark.parametrize("gold_path", GOLDS, ids=[g.parent.name for g in GOLDS])
def test_stress_floors(gold_path: Path):
    t, errors = score_set(gold_path)
    f = figures(t)
    f1, sector, band, stage = FLOORS.get(gold_path.parent.name, DEFAULT)
    shown = "\n".join(f"{e[0]} {e[1]}: {e[2]}" for e in errors)
    assert f["f1"] >= f1, f"F1 {f['f1']:.3f} < {f1}\n{shown}"
    assert f["sector"] >= sector, f"sector {f['sector']:.3f} < {sector}\n{shown}"
    assert f["band"] >= band, f"band {f['band']:.3f} < {band}\n{shown}"
    assert f["stage"] >= stage, f"stage {f['stage']:.3f} < {stage}\n{shown}"


def main(argv: list[str]) -> int:
    for gold_path in GOLDS:
        t, errors = score_set(gold_path)
        f = figures(t)
        print(
            f"{gold_path.parent.name}: F1 {f['f1']:.3f}  P {f['p']:.3f}  R {f['r']:.3f}  "
            f"(gold {t['gold']}, predicted {t['pred']}, matched {t['matched']})  sector "
            f"{f['sector']:.3f}  band {f['band']:.3f}  stage {f['stage']:.3f}"
        )
        if "--show-errors" in argv:
            for e in errors:
                print(f"   {e[0]} {e[1]}: {e[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
