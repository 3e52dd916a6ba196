"""A corpus of hostile files is quarantined file by file (line by line for JSONL) with reasons,
and every good file still loads; a removed file's facts are retired, not deleted."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone

import duckdb

from flows.core.run import runner

from conftest import DATA, run_once

SEED = DATA / "raw" / "en_wmc2021.txt"
GOOD_ZH = "新华社合肥5月20日电 合肥市重大项目集中签约,共签约项目36个,总投资420亿元。"


def build_hostile(raw):
    deep = raw.joinpath(*[f"level{i}" for i in range(30)])
    deep.mkdir(parents=True)
    shutil.copy(SEED, deep / "deep copy 世界制造业大会.txt")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (raw / "random bytes.txt").write_bytes(bytes((i * 97 + 13) % 255 + 1 for i in range(5000)))
    (raw / "truncated.html").write_text("<html><head><title>x</title></head><body><div><p>", encoding="utf-8")
    (raw / "broken.json").write_text('{"content": "unterminated', encoding="utf-8")
    lines = [json.dumps({"content": GOOD_ZH}, ensure_ascii=False), "{nope}", json.dumps({"text": 5})]
    (raw / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (raw / "wrong charset.html").write_bytes(
        (
            "<html><head><meta charset='gb2312'></head><body><article><p>"
            + GOOD_ZH * 3
            + "</p></article></body></html>"
        ).encode("utf-8")
    )
    with open(raw / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    os.mkfifo(raw / "pipe.txt")
    os.symlink(raw / "nowhere.txt", raw / "dangling.txt")
    (raw / "notes.pdf").write_bytes(b"%PDF-1.4")
    (raw / "vanishes.txt").write_text(GOOD_ZH, encoding="utf-8")
    shutil.copy(SEED, raw / "good.txt")


def test_hostile_corpus_is_quarantined_with_reasons_and_good_files_load(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    build_hostile(raw)
    db = tmp_path / "w.duckdb"
    known = runner.prepare(db, "1GB")
    plan = runner.plan_batches(raw, 4)
    (raw / "vanishes.txt").unlink()  # gone between discovery and reading
    batches = [runner.run_batch(b, raw, known) for b in plan]
    counts = runner.load_batches(db, "1GB", "r1", batches, raw, datetime.now(timezone.utc))
    con = duckdb.connect(str(db), read_only=True)
    reasons = dict(con.execute("select source_file, reason from quarantine").fetchall())
    loaded = {r[0] for r in con.execute("select distinct source_file from cohorts").fetchall()}
    con.close()
    expected = {
        "empty.txt": "empty file",
        "binary.txt": "binary content (NUL bytes)",
        "random bytes.txt": "undecodable",
        "truncated.html": "HTML has no extractable main text",
        "broken.json": "invalid JSON",
        "feed.jsonl#2": "invalid JSON",
        "feed.jsonl#3": "JSON object has no text field",
        "huge.txt": "file too large",
        "pipe.txt": "not a regular file",
        "dangling.txt": "dangling symlink",
        "notes.pdf": "unsupported file type .pdf",
        "vanishes.txt": "cannot read file",
    }
    assert set(reasons) == set(expected)
    for name, reason in expected.items():
        assert reasons[name].startswith(reason) or reason in reasons[name], (name, reasons[name])
    deep_name = "/".join(f"level{i}" for i in range(30)) + "/deep copy 世界制造业大会.txt"
    assert loaded == {"good.txt", deep_name, "feed.jsonl#1", "wrong charset.html"}
    assert counts.files_quarantined == 10


def test_a_removed_file_is_retired_and_comes_back(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "a.txt")
    (raw / "b.txt").write_text(GOOD_ZH, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    run_once(raw, db)

    def state():
        con = duckdb.connect(str(db), read_only=True)
        try:
            return (
                con.execute("select distinct source_file from cohorts order by 1").fetchall(),
                con.execute("select count(*) from fct_cohort_mention").fetchall()[0][0],
                con.execute("select path, status from raw_file order by 1").fetchall(),
                con.execute("select count(*) from event_totals").fetchall()[0][0],
            )
        finally:
            con.close()

    before = state()
    (raw / "b.txt").unlink()
    counts = run_once(raw, db)
    assert counts.files_removed == 1
    files, mentions, raw_files, events = state()
    assert files == [("a.txt",)]
    assert mentions == before[1]  # kept, only flagged
    assert ("b.txt", "removed") in raw_files
    assert events == before[3] - 1
    (raw / "b.txt").write_text(GOOD_ZH, encoding="utf-8")
    run_once(raw, db)
    assert state() == before
