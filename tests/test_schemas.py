"""The record contract: every failing row is rejected with all its errors, good rows pass."""

from __future__ import annotations

from schemas import validate_rows

GOOD = {
    "source_file": "a.txt",
    "lang": "en",
    "project_count": 5,
    "amount": 1e9,
    "currency": "CNY",
    "stage": "signed",
    "evidence": "Five projects worth 1 billion yuan were signed.",
    "cohort_index": 0,
}


def test_good_rows_pass_unchanged():
    assert validate_rows([GOOD, {**GOOD, "cohort_index": 1}]) == ([GOOD, {**GOOD, "cohort_index": 1}], [])


def test_every_bad_row_is_rejected_with_all_its_errors():
    rows = [
        GOOD,
        {**GOOD, "cohort_index": 1, "stage": "planned", "project_count": 0},
        {**GOOD, "cohort_index": 2, "currency": None},
        {**GOOD, "cohort_index": 3, "project_count": None, "amount": None},
        {**GOOD, "cohort_index": 4, "sector_code": "textiles", "size_min": 5e9, "size_max": 1e9},
    ]
    good, bad = validate_rows(rows)
    assert good == [GOOD]
    assert [b["cohort_index"] for b in bad] == [1, 2, 3, 4]
    assert "stage" in bad[0]["errors"] and "project_count" in bad[0]["errors"]
    assert "an amount needs a currency" in bad[1]["errors"]
    assert "a project count or an amount" in bad[2]["errors"]
    assert "sector_code" in bad[3]["errors"]
    assert all(b["source_file"] == "a.txt" and b["evidence"] for b in bad)
