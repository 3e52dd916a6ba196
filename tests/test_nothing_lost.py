"""Whatever sits in raw/, a run loses nothing it should keep (issue 13): a symlink loop or a
dangling link does not end discovery, a folder discovery cannot list retires nothing, file names
are compared exactly (no LIKE on '_' or '%'), and symlinks leading outside raw/ are not read."""
from __future__ import annotations

import json
import os

import duckdb
import pytest

from flows.core.ingest import discover as discovering

from conftest import run_once

EN = "The {n} signing day in Hefei saw {c} projects signed with a total investment of {a} billion yuan."
ZH = "合肥市重大项目集中签约，共签约项目{c}个，总投资{a}亿元。"


def _files(raw, n):
    for i in range(n):
        (raw / f"f{i:02}.txt").write_text(EN.format(n=i, c=10 + i, a=20 + i), encoding="utf-8")


def _state(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (sorted(con.execute("select source_file, project_count, amount from cohorts").fetchall()),
                dict(con.execute("select path, status from raw_file").fetchall()),
                dict(con.execute("select source_file, reason from quarantine").fetchall()))
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
    (raw / "sub" / "z.txt").unlink()                    # really gone: now it is retired
    assert run_once(raw, db).files_removed == 1


@pytest.mark.parametrize("name,other", [
    ("news_1.jsonl", "news-1.jsonl"), ("news%.jsonl", "news-x.jsonl"), ("%.jsonl", "a.jsonl"),
    ("_.jsonl", "a.jsonl"), ("back\\slash.jsonl", "back-slash.jsonl"), ("quo'te\".jsonl", "quote.jsonl"),
    ("new\nline.jsonl", "new-line.jsonl"),
])
def test_file_names_are_compared_exactly(tmp_path, name, other):
    """Editing or adding `name` never touches the articles of `other`."""
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    lines = [json.dumps({"content": ZH.format(c=10 + i, a=100 + i)}, ensure_ascii=False) for i in range(3)]
    (raw / other).write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_once(raw, db)
    kept = [row for row in _state(db)[0] if row[0].startswith(other + "#")]
    assert len(kept) == 3
    (raw / name).write_text(json.dumps({"content": ZH.format(c=7, a=9)}, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    run_once(raw, db)
    (raw / name).write_text(json.dumps({"content": ZH.format(c=8, a=9)}, ensure_ascii=False) + "\n",
                            encoding="utf-8")
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
