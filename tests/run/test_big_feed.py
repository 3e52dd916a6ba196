"""A big JSONL feed is written out in parts while its batch runs, so that a worker's memory does
not grow with the feed: the warehouse is the one the in-memory path builds."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import duckdb

from flows.core.contract import files_only
from flows.core.ingest import discover as discovering
from flows.core.ingest import read
from flows.core.run import pipeline, runner
from flows.core.warehouse.publish import run_lock, working_copy

from conftest import run_once


def _feed(raw, articles: int = 40) -> None:
    raw.mkdir()
    lines = [
        json.dumps(
            {"content": f"第{i}市集中签约项目{i + 2}个，总投资{i + 10}亿元。", "title": f"t{i}"}, ensure_ascii=False
        )
        for i in range(articles)
    ]
    (raw / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (raw / "other.txt").write_text("Hefei signed 12 projects worth 3.4 billion yuan.", encoding="utf-8")


def _run_in_parts(raw, db, parts_dir):
    """run_once, with the batches writing parts to parts_dir as a run's workers do."""
    with run_lock(db), working_copy(db) as work:
        known = runner.prepare_files(work, "1GB")
        plan = runner.plan_run(raw, 2, 1, known)
        batches = [runner.run_batch(b, raw, {}, parts_dir / str(i)) for i, b in enumerate(plan.batches)]
        used = [p for b in batches for p in b.parts]
        with runner.staging(work, "1GB") as stage:
            for batch in batches:
                stage(batch)
        runner.load_batches(
            work, "1GB", "run-parts", [files_only(plan.unchanged)], raw, datetime.now(timezone.utc), plan.complete
        )
        runner.publish(work, db)
    return used


def _cohorts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select * from cohorts order by all").fetchall()
    finally:
        con.close()


def test_a_feed_written_out_in_parts_loads_what_the_in_memory_path_loads(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    _feed(raw)
    run_once(raw, tmp_path / "whole.duckdb")
    monkeypatch.setattr(read, "STREAM_JSONL_BYTES", 0)
    monkeypatch.setattr(discovering, "CHUNK_ARTICLES", 7)
    monkeypatch.setattr(pipeline, "PART_ARTICLES", 10)
    parts_dir = tmp_path / "parts"
    used = _run_in_parts(raw, tmp_path / "parts.duckdb", parts_dir)
    assert len(used) >= 3  # 40 articles, a part every 10 or more
    assert not list(parts_dir.rglob("*.parquet"))  # each part removed once staged
    whole, parted = _cohorts(tmp_path / "whole.duckdb"), _cohorts(tmp_path / "parts.duckdb")
    assert len(whole) == 41 and parted == whole


def test_a_run_that_died_leaves_no_parts_for_the_next(tmp_path):
    from flows.core.warehouse.publish import start_work, work_path

    db = tmp_path / "w.duckdb"
    stale = work_path(db).with_name(work_path(db).name + ".plan.parts") / "0"
    stale.mkdir(parents=True)
    (stale.parent / "0.articles.parquet").write_bytes(b"left by a killed run")
    start_work(db)
    assert not stale.parent.exists()
