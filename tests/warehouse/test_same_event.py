"""Three reports of one event (China News Service, Xinhua in other words, and a Chinese report)
load as one event whose aggregates equal those of the single report."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from conftest import DATA, run_once

SAME = DATA / "same_event"


def aggregates(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "events": con.execute(
                "select event_name, event_year, total_projects, "
                "round(total_investment_cny / 1e9, 2), source_articles "
                "from event_totals"
            ).fetchall(),
            "sectors": con.execute(
                "select sector_level, sector_code, projects, round(investment_cny / 1e9, 2) from sector_totals"
            ).fetchall(),
            "bands": con.execute(
                "select band_min, band_max, projects, round(investment_cny / 1e9, 2) from size_band_totals"
            ).fetchall(),
        }
    finally:
        con.close()


@pytest.fixture
def single(tmp_path):
    raw = tmp_path / "single"
    raw.mkdir()
    shutil.copy(SAME / "wmc2021_chinanews.txt", raw)
    run_once(raw, tmp_path / "single.duckdb")
    return aggregates(tmp_path / "single.duckdb")


def test_three_reports_of_one_event_are_counted_once(single, tmp_path):
    raw = tmp_path / "all"
    shutil.copytree(SAME, raw)
    run_once(raw, tmp_path / "all.duckdb")
    both = aggregates(tmp_path / "all.duckdb")
    assert [e[:4] for e in both["events"]] == [("World Manufacturing Conference", 2021, 703, 582.18)]
    assert both["events"][0][4] == 3
    assert both["sectors"] == single["sectors"]
    assert both["bands"] == single["bands"]
    assert single["bands"] == [(1e10, None, 7, 90.2), (1e9, 1e10, 160, 331.71), (None, 1e9, 536, 160.27)]
