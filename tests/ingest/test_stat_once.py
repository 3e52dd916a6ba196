"""Each file on its way in is stat-ed once and hashed once (JSONL feeds too, streamed or not)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from flows.core.ingest import discover, read


@pytest.mark.parametrize("streamed", [False, True])
def test_jsonl_stat_and_hash_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": f"第{i}条新闻,签约项目{i}个,总投资{i}亿元。"}, ensure_ascii=False) for i in range(3)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(read, "STREAM_JSONL_BYTES", 1 if streamed else 10**9)
    stats, hashes = [], []
    real_stat, real_sha = Path.stat, hashlib.sha256

    def counting_stat(self, *args, **kwargs):
        if self.name == feed.name and kwargs.get("follow_symlinks", True):  # not is_symlink's lstat
            stats.append(self)
        return real_stat(self, *args, **kwargs)

    def counting_sha(*args, **kwargs):
        hashes.append(1)
        return real_sha(*args, **kwargs)

    monkeypatch.setattr(Path, "stat", counting_stat)
    monkeypatch.setattr(read.hashlib, "sha256", counting_sha)
    scan = discover.scan_batch([feed], tmp_path)
    assert [f.status for f in scan.files] == ["new"]
    assert len(scan.articles) == 3
    assert len(stats) == 1
    # one hash of the file, plus one per line for each JSONL article's own content hash
    assert len(hashes) == 1 + len(scan.articles)
