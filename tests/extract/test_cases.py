"""Extraction phenomena as data: every row of tests/extract/{en,zh}/cases.jsonl is one case.

A case is a sentence or short passage written for the tests (never copied from a dev article)
and the cohorts a careful reader finds in it:

    {"id": "en-respectively-01", "phenomenon": "respectively",
     "text": "...", "title": "optional headline",
     "cohorts": [{"count": 3, "amount": 1.2e9, "currency": "CNY", "stage": "signed",
                  "sector": "biomedicine", "size_min": 1e8, "size_max": null,
                  "region": "Wuhu", "name": "..."}]}

The text goes through the whole extraction path (language, normalization, sentences, the
language's rules, article-level merge) as `newsetl extract` does. The extracted cohorts must
be exactly the expected ones: same number, each expected cohort matched one-to-one by count
and amount (exact, up to float rounding) and currency; every label the case gives
(stage, sector, size_min, size_max, region, name) must equal the extracted one, and a label
the case gives as null must be absent.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from flows.core.extract.batch import extract_articles
from flows.core.model import Article

HERE = Path(__file__).resolve().parent
LABELS = {
    "stage": "stage",
    "sector": "sector_code",
    "size_min": "size_min",
    "size_max": "size_max",
    "region": "region",
    "name": "project_name",
}


def _cases() -> list[dict]:
    out = []
    for path in sorted(HERE.glob("*/cases.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                case.setdefault("id", f"{path.parent.name}:{n}")
                out.append(case)
    return out


CASES = _cases()


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9)


def _matches(want: dict, got: dict) -> bool:
    return (
        want.get("count") == got["project_count"]
        and _same(want.get("amount"), got["amount"])
        and (want.get("amount") is None or want.get("currency", "CNY") == got["currency"])
    )


def extract_text(text: str, title: str | None = None) -> list[dict]:
    return extract_articles([Article(source_file="case.txt", text=text, title=title)]).to_dicts()


def test_cases_exist_in_both_languages():
    langs = {Path(p).parent.name for p in HERE.glob("*/cases.jsonl")}
    assert {"en", "zh"} <= langs
    assert len({c["id"] for c in CASES}) == len(CASES), "case ids must be unique"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    got = extract_text(case["text"], case.get("title"))
    shown = [
        {k: v for k, v in g.items() if k in ("project_count", "amount", "currency", *LABELS.values()) and v is not None}
        for g in got
    ]
    assert len(got) == len(case["cohorts"]), f"expected {case['cohorts']}\n got {shown}"
    free = list(range(len(got)))
    for want in case["cohorts"]:
        hit = next((i for i in free if _matches(want, got[i])), None)
        assert hit is not None, f"missing {want}\n got {shown}"
        free.remove(hit)
        for key, col in LABELS.items():
            if key in want:
                value = got[hit][col]
                ok = _same(want[key], value) if key.startswith("size") else want[key] == value
                assert ok, f"{key}: expected {want[key]!r}, got {value!r} in {shown[hit]}"
