"""Whatever sits in raw/, a run loses nothing it should keep (issue 13): a symlink loop or a
dangling link does not end discovery, a folder discovery cannot list retires nothing, file names
are compared exactly (no LIKE on '_' or '%'), and symlinks leading outside raw/ are not read."""

from __future__ import annotations

import json
import os

import duckdb
import pytest

from flows.core.ingest import discover as discovering

from conftest import export_rows, run_once

EN = "The {n} signing day in Hefei saw {c} projects signed with a total investment of {a} billion yuan."
ZH = "合肥市重大项目集中签约，共签约项目{c}个，总投资{a}亿元。"


def _files(raw, n):
    for i in range(n):
        (raw / f"f{i:02}.txt").write_text(EN.format(n=i, c=10 + i, a=20 + i), encoding="utf-8")


def _state(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (
            sorted(con.execute("select source_file, project_count, amount from cohorts").fetchall()),
            dict(con.execute("select path, status from raw_file").fetchall()),
            dict(con.execute("select source_file, reason from quarantine").fetchall()),
        )
    finally:
        con.close()


def test_a_symlink_loop_and_a_dangling_link_retire_nothing(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    _files(raw, 16)
    run_once(raw, db)
    cohorts, _, _ = _state(db)
    os.symlink("b.txt", raw / "a.txt")
    os.symlink("a.txt", raw / "b.txt")
    os.symlink("nowhere.txt", raw / "c.txt")
    counts = run_once(raw, db)
    after, files, quarantine = _state(db)
    assert counts.files_removed == 0 and counts.files_seen == 19
    assert after == cohorts
    assert quarantine["a.txt"] == "symlink loop" and quarantine["b.txt"] == "symlink loop"
    assert quarantine["c.txt"].startswith("dangling symlink")
    assert sum(status == "removed" for status in files.values()) == 0


def test_a_folder_discovery_cannot_list_retires_nothing(tmp_path, monkeypatch):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    (raw / "sub").mkdir(parents=True)
    _files(raw, 2)
    (raw / "sub" / "z.txt").write_text(EN.format(n=9, c=40, a=80), encoding="utf-8")
    run_once(raw, db)
    before, _, _ = _state(db)
    scandir = os.scandir

    def failing(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(discovering.os, "scandir", failing)
    counts = run_once(raw, db)
    assert counts.files_removed == 0
    assert _state(db)[0] == before
    monkeypatch.undo()
    (raw / "sub" / "z.txt").unlink()  # really gone: now it is retired
    assert run_once(raw, db).files_removed == 1


@pytest.mark.parametrize(
    "name,other",
    [
        ("news_1.jsonl", "news-1.jsonl"),
        ("news%.jsonl", "news-x.jsonl"),
        ("%.jsonl", "a.jsonl"),
        ("_.jsonl", "a.jsonl"),
        ("back\\slash.jsonl", "back-slash.jsonl"),
        ("quo'te\".jsonl", "quote.jsonl"),
        ("new\nline.jsonl", "new-line.jsonl"),
    ],
)
def test_file_names_are_compared_exactly(tmp_path, name, other):
    """Editing or adding `name` never touches the articles of `other`."""
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    lines = [json.dumps({"content": ZH.format(c=10 + i, a=100 + i)}, ensure_ascii=False) for i in range(3)]
    (raw / other).write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_once(raw, db)
    kept = [row for row in _state(db)[0] if row[0].startswith(other + "#")]
    assert len(kept) == 3
    (raw / name).write_text(json.dumps({"content": ZH.format(c=7, a=9)}, ensure_ascii=False) + "\n", encoding="utf-8")
    run_once(raw, db)
    (raw / name).write_text(json.dumps({"content": ZH.format(c=8, a=9)}, ensure_ascii=False) + "\n", encoding="utf-8")
    run_once(raw, db)
    cohorts = _state(db)[0]
    assert [row for row in cohorts if row[0].startswith(other + "#")] == kept
    assert [row[1] for row in cohorts if row[0].startswith(name + "#")] == [8]


def test_a_symlink_to_a_file_outside_raw_is_not_read(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text(EN.format(n=1, c=5, a=6), encoding="utf-8")
    os.symlink(outside, raw / "passwd.txt")
    (raw / "inside.txt").write_text(EN.format(n=2, c=7, a=8), encoding="utf-8")
    os.symlink("inside.txt", raw / "alias.txt")
    run_once(raw, db)
    cohorts, _, quarantine = _state(db)
    assert quarantine == {"passwd.txt": "symlink points outside the raw directory"}
    assert {row[0] for row in cohorts} == {"inside.txt", "alias.txt"}


def test_an_export_missed_after_publish_is_caught_up_by_the_next_run(tmp_path):
    """A run killed between publish and export (here: published without exporting) leaves
    the exports on the old snapshot; the next run, though no file changed, rewrites them."""
    from flows.core.run.runner import export_all

    raw, db, out = tmp_path / "raw", tmp_path / "w.duckdb", tmp_path / "export"
    raw.mkdir()
    _files(raw, 2)
    run_once(raw, db)
    export_all(db, out)
    _files(raw, 4)
    run_once(raw, db)  # published; its export never happened
    (out / ".cohorts.parquet.999.dead.tmp").write_bytes(b"PAR1 half")
    counts = run_once(raw, db)
    assert not counts.data_changed
    written = {p.name for p in export_all(db, out)}
    assert "cohorts.parquet" in written and "fct_cohort_mention.parquet" in written
    assert not list(out.glob(".*.tmp"))
    export_all(db, tmp_path / "clean", full=True)
    assert export_rows(out) == export_rows(tmp_path / "clean")
    assert len(duckdb.sql(f"select * from read_parquet('{out / 'cohorts.parquet'}')").fetchall()) == 4


@pytest.mark.slow
def test_concurrent_exports_into_one_directory_do_not_collide(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from flows.core.run.runner import export_all

    raw, db, out = tmp_path / "raw", tmp_path / "w.duckdb", tmp_path / "export"
    raw.mkdir()
    _files(raw, 3)
    run_once(raw, db)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: export_all(db, out, full=True), range(12)))
    assert all(len(r) == len(results[0]) for r in results)
    assert not list(out.glob(".*.tmp"))
    export_all(db, tmp_path / "clean", full=True)
    assert export_rows(out) == export_rows(tmp_path / "clean")


@pytest.mark.parametrize(
    "query",
    [
        "copy (select 1) to '{tmp}/x.csv'",
        "select * from read_text('/etc/hostname')",
        "attach '{tmp}/other.duckdb' as other",
        "set enable_external_access = true",
    ],
)
def test_newsetl_sql_sees_the_warehouse_only(tmp_path, query):
    from click.testing import CliRunner

    from flows.cli import main

    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    _files(raw, 1)
    run_once(raw, db)
    result = CliRunner().invoke(main, ["sql", "--warehouse", str(db), query.format(tmp=tmp_path)])
    assert result.exit_code != 0, result.output
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "other.duckdb").exists()
    ok = CliRunner().invoke(main, ["sql", "--warehouse", str(db), "select count(*) from cohorts"])
    assert ok.exit_code == 0 and "1" in ok.output


def test_newsetl_sql_reads_local_files_when_allowed(tmp_path):
    from click.testing import CliRunner

    from flows.cli import main

    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    _files(raw, 1)
    run_once(raw, db)
    result = CliRunner().invoke(
        main, ["sql", "--warehouse", str(db), "--allow-local-files", f"copy (select 1 as x) to '{tmp_path}/x.csv'"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.csv").exists()


@pytest.mark.slow
def test_a_second_run_is_refused_at_once_while_the_first_boots(tmp_path):
    """The command takes the run lock before it starts Prefect and keeps it: a second run
    started meanwhile exits 3 with one line, no Prefect error, no failed flow run."""
    import subprocess
    import sys
    import time

    from conftest import ROOT

    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    _files(raw, 3)
    cmd = [
        sys.executable,
        "-m",
        "flows.cli",
        "run",
        "--raw",
        str(raw),
        "--warehouse",
        str(db),
        "--export",
        str(tmp_path / "export"),
    ]
    first = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = db.with_name(db.name + ".lock")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (lock.exists() and lock.read_text().strip()):
        time.sleep(0.05)
    second = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60)
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert second.returncode == 3, second.stderr
    assert second.stderr.strip().count("\n") == 0 and "another run is loading" in second.stderr
    assert "ERROR" not in second.stderr + second.stdout and "Traceback" not in second.stderr
    assert "Flow run" not in second.stderr + second.stdout  # no flow run was started


def test_a_failed_run_leaves_no_working_copy(tmp_path):
    from flows.core.warehouse.publish import work_path, working_copy

    db = tmp_path / "w.duckdb"
    db.write_bytes(b"published")
    with pytest.raises(OSError):
        with working_copy(db) as work:
            work.with_name(work.name + ".wal").write_bytes(b"log")
            raise OSError(28, "No space left on device")
    assert not work_path(db).exists() and not work_path(db).with_name(work_path(db).name + ".wal").exists()
    assert db.read_bytes() == b"published"


def test_quarantine_rows_of_a_file_that_is_gone_go_with_it(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    _files(raw, 1)
    (raw / "bad.json").write_text("{nope", encoding="utf-8")
    run_once(raw, db)
    assert "bad.json" in _state(db)[2]
    (raw / "bad.json").unlink()
    run_once(raw, db)
    assert _state(db)[2] == {}
