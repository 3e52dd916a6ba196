"""Decoding and parsing raw files: encodings, HTML main text, JSON, JSONL, broken input."""

from __future__ import annotations

import json

import pytest

from flows.core.ingest.discover import discover, scan_batch
from flows.core.ingest.read import Unreadable, decode_bytes, parse_bytes

from conftest import DATA

RAW = DATA / "raw"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_decode_detects_chinese_encodings(encoding):
    text = "中國東盟博覽會共簽約項目一百三十二個,總投資五十八點五億美元。" * 3
    if encoding == "gb18030":
        text = "世界制造业大会共签约项目678个,投资总额6178亿元。其中战略性新兴产业项目288个。" * 3
    assert decode_bytes(text.encode(encoding)) == text


def test_decode_honours_declared_charset_and_widens_gbk():
    text = "本次集中签约项目33个,总投资80.93亿元;集中开工项目40个,总投资279亿元。"
    assert decode_bytes(text.encode("gb18030"), declared="gb2312") == text


def test_a_wrong_declared_charset_does_not_garble_utf8():
    text = "本次集中签约项目33个,总投资80.93亿元;集中开工项目40个,总投资279亿元。"
    assert decode_bytes(text.encode("utf-8"), declared="gbk") == text


def test_random_bytes_without_nul_are_not_text():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(Unreadable, match="undecodable|not text"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t", "empty file"),
        (b"\x00\x01\x02binary", "binary content"),
    ],
)
def test_decode_rejects_unusable_bytes(data, reason):
    with pytest.raises(Unreadable, match=reason):
        decode_bytes(data)


def test_html_keeps_the_article_and_drops_navigation():
    arts, _ = parse_bytes((RAW / "more" / "expo_gbk.html").read_bytes(), ".html", "more/expo_gbk.html")
    text = arts[0].text
    assert "45 projects" in text and "12 new materials projects" in text
    assert "Copyright" not in text and "Home |" not in text


def test_json_object_fields():
    arts, bad = parse_bytes((RAW / "more" / "wuhan.json").read_bytes(), ".json", "more/wuhan.json")
    assert bad == []
    assert (arts[0].title, arts[0].published_at, arts[0].url) == (
        "Wuhan signs 30 projects",
        "2023-04-07",
        "https://example.org/a",
    )


@pytest.mark.parametrize(
    "payload, reason",
    [
        (b"{broken", "invalid JSON"),
        (b"[1, 2]", "expected an object"),
        (json.dumps({"title": "x"}).encode(), "no text field"),
    ],
)
def test_json_errors_are_reasons(payload, reason):
    with pytest.raises(Unreadable, match=reason):
        parse_bytes(payload, ".json", "x.json")


def test_jsonl_quarantines_line_by_line():
    arts, bad = parse_bytes((RAW / "more" / "feed.jsonl").read_bytes(), ".jsonl", "more/feed.jsonl")
    assert [a.source_file for a in arts] == ["more/feed.jsonl#1", "more/feed.jsonl#4"]
    assert [ref for ref, _ in bad] == ["more/feed.jsonl#2", "more/feed.jsonl#3"]
    assert "invalid JSON" in bad[0][1] and "no text field" in bad[1][1]


def test_unsupported_suffix_is_a_reason():
    with pytest.raises(Unreadable, match="unsupported file type .pdf"):
        parse_bytes(b"%PDF", ".pdf", "a.pdf")


def test_discover_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for rel in ["z.txt", "b/a.txt", "b/c/d.json", ".hidden.txt", ".git/x.txt", "name with space 中文.txt"]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    rels = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert rels == ["b/a.txt", "b/c/d.json", "name with space 中文.txt", "z.txt"]


def test_scan_batch_classifies_every_file():
    paths = discover(RAW)
    scan = scan_batch(paths, RAW)
    status = {f.path: f.status for f in scan.files}
    assert status == {
        "en_wmc2021.txt": "new",
        "more/empty.txt": "quarantined",
        "more/expo_gbk.html": "new",
        "more/feed.jsonl": "new",
        "more/random.txt": "quarantined",
        "more/wuhan.json": "new",
        "zh/jiangsu_gb18030.txt": "new",
    }
    reasons = {q.source_file: q.reason for q in scan.quarantined}
    assert reasons["more/empty.txt"] == "empty file"
    assert reasons["more/random.txt"].startswith("binary content")
    assert set(reasons) == {"more/empty.txt", "more/random.txt", "more/feed.jsonl#2", "more/feed.jsonl#3"}
    known = {f.path: f.content_hash for f in scan.files}
    again = scan_batch(paths, RAW, known)
    assert {f.status for f in again.files} == {"unchanged"}
    assert again.articles == []


def test_more_files_than_counts_candidate_files_only(tmp_path):
    from flows.core.ingest.discover import more_files_than

    for name in ("a.txt", "b.html", "sub/c.json", "sub/deeper/d.txt", ".hidden.txt", ".git/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert more_files_than(tmp_path, 3)
    assert not more_files_than(tmp_path, 4)
    assert not more_files_than(tmp_path / "missing", 0)


def test_utf16_text_with_a_byte_order_mark_is_decoded():
    from flows.core.ingest.read import decode_bytes

    text = "合肥市签约项目36个，总投资420亿元。"
    assert decode_bytes(text.encode("utf-16")) == text  # BOM + little endian
    assert decode_bytes(b"\xfe\xff" + text.encode("utf-16-be")) == text


def test_a_big_jsonl_feed_is_read_in_chunks_with_the_same_result(tmp_path, monkeypatch):
    """Streamed line by line in chunks of 7 articles, a feed gives the articles, bad lines,
    hashes and cohorts that reading it whole gives."""
    from flows.core.ingest import discover as discovering
    from flows.core.ingest import read
    from flows.core.run.pipeline import process_batch

    lines = []
    for i in range(40):
        lines.append(
            json.dumps(
                {"content": f"合肥市签约项目{i + 2}个，总投资{i + 10}亿元。", "title": f"t{i}"}, ensure_ascii=False
            )
        )
        if i % 9 == 0:
            lines += ["", "{broken", json.dumps({"text": 5})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = process_batch([tmp_path / "feed.jsonl"], tmp_path, {})
    monkeypatch.setattr(read, "STREAM_JSONL_BYTES", 0)
    monkeypatch.setattr(discovering, "CHUNK_ARTICLES", 7)
    chunks = list(discovering.scan_chunks([tmp_path / "feed.jsonl"], tmp_path))
    assert len(chunks) >= 5 and max(len(c.articles) for c in chunks) < 14
    streamed = process_batch([tmp_path / "feed.jsonl"], tmp_path, {})
    for name in ("files", "articles", "cohorts", "quarantine", "rejects"):
        assert getattr(streamed, name).equals(getattr(whole, name)), name
    assert streamed.cohorts.height == 40 and streamed.quarantine.height == 10
