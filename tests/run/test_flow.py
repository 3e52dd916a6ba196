"""The Prefect flow end to end on the tiny sample corpus, under one test harness per session."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from conftest import DATA

pytestmark = pytest.mark.slow


@pytest.fixture
def corpus(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(DATA / "raw", raw)
    return raw


def test_flow_loads_good_files_quarantines_bad_ones_and_exports(prefect_harness, corpus, tmp_path):
    from flows.etl_flow import etl

    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    summary = etl(raw_dir=str(corpus), warehouse=str(db), export_dir=str(export), batch_size=3)
    assert summary["batches"] == 3
    assert (summary["files_seen"], summary["files_new"], summary["files_quarantined"]) == (7, 5, 2)
    assert {q["source_file"] for q in summary["quarantine"]} == {
        "more/empty.txt",
        "more/random.txt",
        "more/feed.jsonl#2",
        "more/feed.jsonl#3",
    }
    con = duckdb.connect(str(db), read_only=True)
    try:
        seed = con.execute(
            "select project_count, amount, sector_code, size_min, stage from cohorts "
            "where source_file = 'en_wmc2021.txt' order by project_count desc"
        ).fetchall()
        files = {r[0] for r in con.execute("select distinct source_file from cohorts").fetchall()}
        quarantined = con.execute("select count(*) from quarantine").fetchone()[0]
        total = con.execute("select count(*) from cohorts").fetchone()[0]
    finally:
        con.close()
    assert [row[:4] for row in seed] == [
        (703, 582.18e9, None, None),
        (463, 435.39e9, "emerging_industries", None),
        (399, 374.32e9, None, None),
        (167, 421.91e9, None, 1e9),
        (66, 146.37e9, seed[4][2], None),
        (7, 90.2e9, None, 1e10),
    ]
    assert seed[4][2] in ("new_energy", "new_energy_vehicles")
    assert [seed[0][4], seed[2][4], seed[4][4]] == ["promoted", "signed", "signed"]
    assert files >= {
        "en_wmc2021.txt",
        "zh/jiangsu_gb18030.txt",
        "more/wuhan.json",
        "more/feed.jsonl#1",
        "more/feed.jsonl#4",
    }
    assert quarantined == 4
    exported = (
        duckdb.connect()
        .execute("select count(*) from read_parquet(?)", [str(export / "cohorts.parquet")])
        .fetchone()[0]
    )
    assert exported == total

    again = etl(raw_dir=str(corpus), warehouse=str(db), export_dir=str(export), batch_size=3)
    assert (again["files_unchanged"], again["cohorts_loaded"]) == (7, 0)
