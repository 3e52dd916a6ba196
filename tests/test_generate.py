"""bench/generate.py: deterministic synthetic corpus whose gold matches the files it writes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path, PurePosixPath

from flows.core.ingest.read import parse_bytes

from conftest import ROOT


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


gen = _load_generator()


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_corpus(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    gen.generate(50, a, seed=7, workers=1)
    gen.generate(50, b, seed=7, workers=1)
    gen.generate(50, c, seed=8, workers=1)
    snap_a = _snapshot(a)
    assert snap_a == _snapshot(b)
    assert snap_a["gold.jsonl"] != _snapshot(c)["gold.jsonl"]


def test_gold_matches_files_and_mix(tmp_path):
    out = tmp_path / "corpus"
    gen.generate(50, out, seed=1, workers=1)
    gold = [json.loads(line) for line in (out / "gold.jsonl").read_text("utf-8").splitlines()]
    assert len(gold) == 50
    files = sorted(p.relative_to(out / "articles").as_posix() for p in (out / "articles").rglob("*") if p.is_file())
    assert sorted(g["file"] for g in gold) == files
    assert len({PurePosixPath(f).name for f in files}) == 50  # the scorer matches base names
    assert not (out / "articles" / "gold.jsonl").exists()
    assert {g["lang"] for g in gold} == {"en", "zh"}
    assert {PurePosixPath(f).suffix for f in files} == {".txt", ".html", ".json"}
    n_cohorts = 0
    for g in gold:
        assert g["event"]["city"] and g["event"]["province"] and 2015 <= g["event"]["year"] <= 2025
        for c in g["cohorts"]:
            n_cohorts += 1
            assert "count" in c or "amount" in c
            if "amount" in c:
                assert c["currency"] in ("CNY", "USD") and c["amount"] > 0
        data = (out / "articles" / g["file"]).read_bytes()
        suffix = PurePosixPath(g["file"]).suffix
        if suffix != ".html":  # the reader decodes what the generator wrote
            (art,), _ = parse_bytes(data, suffix, g["file"])
            assert len(art.text) > 200
    assert n_cohorts > 100


def test_chinese_numerals():
    assert gen.cn_int(132) == "一百三十二"
    assert gen.cn_int(105) == "一百零五"
    assert gen.cn_int(12) == "十二"
    assert gen.cn_int(2012) == "两千零一十二"
    assert gen.cn_dec("58.5") == "五十八点五"
