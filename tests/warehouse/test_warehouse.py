"""Loading runs into DuckDB: incremental, replacing changed files, keeping facts of broken ones,
and all-or-nothing transactions."""

from __future__ import annotations

import os
import shutil

import pytest

from flows.core.run import runner
from flows.core.warehouse import connect as warehouse
from flows.core.warehouse import load as loading

from conftest import DATA, run_once

SEED = DATA / "raw" / "en_wmc2021.txt"


def snapshot(db):
    con = warehouse.connect(db, read_only=True)
    try:
        return {
            "articles": con.execute(
                "select article_id, source_file, content_hash, event_id from dim_article order by 1"
            ).fetchall(),
            "cohorts": con.execute("select * exclude (run_id) from fct_cohort_mention order by cohort_id").fetchall(),
            "events": con.execute("select * from dim_event order by 1").fetchall(),
            "quarantine": con.execute("select source_file, reason from quarantine order by 1").fetchall(),
        }
    finally:
        con.close()


def test_second_run_on_same_input_changes_nothing(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    first = run_once(raw, db)
    before = snapshot(db)
    second = run_once(raw, db)
    assert (first.files_new, first.articles_loaded) == (1, 1)
    assert (second.files_unchanged, second.articles_loaded, second.cohorts_loaded) == (1, 0, 0)
    assert snapshot(db) == before
    assert len(before["cohorts"]) == first.cohorts_loaded > 0


def test_changed_file_replaces_its_own_facts(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(SEED, raw / "other.txt")
    run_once(raw, db)
    other_before = [r for r in snapshot(db)["cohorts"] if r[1] == warehouse_key("other.txt")]
    text = (raw / "wmc.txt").read_text(encoding="utf-8")
    (raw / "wmc.txt").write_text(text.split("So far,")[0], encoding="utf-8")
    counts = run_once(raw, db)
    assert (counts.files_changed, counts.files_unchanged) == (1, 1)
    after = snapshot(db)
    wmc_rows = [r for r in after["cohorts"] if r[1] == warehouse_key("wmc.txt")]
    assert {r[5] for r in wmc_rows} == {703, 7}  # only the first two paragraphs' cohorts remain
    assert [r for r in after["cohorts"] if r[1] == warehouse_key("other.txt")] == other_before


def test_a_file_that_turns_bad_is_quarantined_and_keeps_its_facts(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    before = snapshot(db)
    (raw / "wmc.txt").write_bytes(b"\x00\xff\x00garbage")
    counts = run_once(raw, db)
    assert counts.files_quarantined == 1
    after = snapshot(db)
    assert after["cohorts"] == before["cohorts"]
    assert after["quarantine"] == [("wmc.txt", "binary content (NUL bytes)")]
    shutil.copy(SEED, raw / "wmc.txt")
    run_once(raw, db)
    assert snapshot(db)["quarantine"] == []


def test_a_failing_load_leaves_the_warehouse_as_it_was(raw, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    before = snapshot(db)
    (raw / "new.txt").write_text("Hefei signed 12 projects worth 3 billion yuan.", encoding="utf-8")
    failing = tmp_path / "sql_load" / "89_fail.sql"
    failing.parent.mkdir()
    failing.write_text("select error('disk full');\n")
    monkeypatch.setattr(
        loading,
        "load_files",
        lambda: sorted([*(loading.LOAD_DIR.glob("[0-9][0-9]_*.sql")), failing], key=lambda p: p.name),
    )
    with pytest.raises(Exception, match="disk full"):
        run_once(raw, db)
    assert snapshot(db) == before


def test_new_extraction_rules_reprocess_unchanged_files(raw, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    monkeypatch.setattr(warehouse, "extractor_version", lambda: "rules-v2")
    counts = run_once(raw, db)
    assert counts.files_unchanged == 0 and counts.articles_loaded == 1


def warehouse_key(source_file: str) -> str:
    from flows.core.run.pipeline import key

    return key(source_file)


def test_files_with_the_same_size_and_mtime_are_not_read_again(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    path = raw / "wmc.txt"
    info = path.stat()
    data = path.read_bytes()
    path.write_bytes(data.replace(b"703", b"704"))  # same size...
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # ...and mtime: not even read
    counts = run_once(raw, db)
    assert (counts.files_unchanged, counts.articles_loaded) == (1, 0)
    path.write_bytes(data)  # same content, new mtime: read,
    counts = run_once(raw, db)  # found unchanged by its hash
    assert (counts.files_unchanged, counts.articles_loaded) == (1, 0)
    path.write_bytes(data.replace(b"703", b"704"))  # new mtime and content: reloaded
    counts = run_once(raw, db)
    assert (counts.files_changed, counts.articles_loaded) == (1, 1)


def test_an_unchanged_run_rewrites_only_the_run_log_and_missing_exports(raw, tmp_path):
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    run_once(raw, db)
    runner.export_all(db, out)
    counts = run_once(raw, db)
    assert not counts.data_changed
    (out / "dim_sector.parquet").unlink()
    written = runner.export_all(db, out)
    assert sorted(p.name for p in written) == ["dim_sector.parquet", "etl_run.parquet", "meta.parquet"]


def test_an_article_the_rules_fail_on_is_quarantined_and_the_rest_loads(raw, tmp_path, monkeypatch):
    from flows.core.extract import batch as extract

    db = tmp_path / "w.duckdb"
    shutil.copy(SEED, raw / "other.txt")
    run_once(raw, db)
    before = snapshot(db)
    real = extract.EXTRACTORS["en"]

    def fragile(sentences):
        if any("hostile" in s for s in sentences):
            raise ValueError("rule bug")
        return real(sentences)

    monkeypatch.setitem(extract.EXTRACTORS, "en", fragile)
    (raw / "wmc.txt").write_text("A hostile sentence. " + SEED.read_text("utf-8"), encoding="utf-8")
    (raw / "new.txt").write_text("Hefei signed 12 projects worth 3 billion yuan.", encoding="utf-8")
    counts = run_once(raw, db)
    after = snapshot(db)
    assert after["quarantine"] == [("wmc.txt", "extraction failed: ValueError: rule bug")]
    assert counts.files_quarantined == 1 and counts.files_new == 1
    kept = [row for row in after["cohorts"] if row[1] == warehouse_key("wmc.txt")]
    assert kept == [row for row in before["cohorts"] if row[1] == warehouse_key("wmc.txt")]
    assert any(row[1] == warehouse_key("new.txt") for row in after["cohorts"])


def test_held_open_working_copy_is_one_instance_for_every_stage(tmp_path):
    """While runner.held_open holds the working copy, a stage's connection closing does not
    close (and checkpoint) the database: the next stage's connection finds the same instance."""
    from flows.core.run.runner import held_open

    path = tmp_path / "work.duckdb"
    setting = "select current_setting('checkpoint_threshold')"
    with held_open(path, "1GB"):
        first = warehouse.connect(path)
        first.execute("set checkpoint_threshold = '300MB'")
        first.close()
        second = warehouse.connect(path)
        assert second.execute(setting).fetchone()[0] == "286.1 MiB"  # 300 MB
        second.close()
    alone = warehouse.connect(path)
    assert alone.execute(setting).fetchone()[0] != "286.1 MiB"  # a fresh instance after
    alone.close()


def test_a_report_edit_re_extracts_nothing(raw, tmp_path, monkeypatch):
    """A run after an edit outside the rules (same fingerprint) reads no file again."""
    from flows.core.extract import version

    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    flows_copy = tmp_path / "flows"
    shutil.copytree(version.CORE.parent, flows_copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = version.fingerprint(flows_copy)
    (flows_copy / "core" / "present" / "report.py").write_text("# rewritten\n", encoding="utf-8")
    assert version.fingerprint(flows_copy) == before
    counts = run_once(raw, db)
    assert (counts.files_unchanged, counts.files_new, counts.files_changed) == (1, 0, 0)


def test_memory_limits_compare_in_bytes_and_the_export_takes_the_smaller():
    assert warehouse.limit_bytes("512MB") == 512e6
    assert warehouse.limit_bytes("1.5 GiB") == 1.5 * 2**30
    assert warehouse.smaller_limit("1GB", runner.EXPORT_MEMORY_LIMIT) == runner.EXPORT_MEMORY_LIMIT
    assert warehouse.smaller_limit("300MB", runner.EXPORT_MEMORY_LIMIT) == "300MB"
    assert warehouse.smaller_limit("2 GiB", "1GB") == "1GB"
    with pytest.raises(ValueError):
        warehouse.limit_bytes("lots")


def test_the_export_streams_each_relation_with_its_rows_and_order(raw, tmp_path):
    """Parquet written by DuckDB's COPY: the cohorts view's rows in its order, counts as int64."""
    import polars as pl

    wh, out = tmp_path / "w.duckdb", tmp_path / "export"
    run_once(raw, wh)
    runner.export_all(wh, out)
    con = warehouse.connect(wh, read_only=True)
    try:
        expected = con.sql("select * from cohorts").pl()
    finally:
        con.close()
    written = pl.read_parquet(out / "cohorts.parquet")
    assert written.height > 0 and written.equals(expected)
    assert pl.read_parquet(out / "province_year_totals.parquet").schema["projects"] == pl.Int64
