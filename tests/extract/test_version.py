"""The extraction fingerprint covers the code and data that decide what is extracted (ingest,
extract, lexicons) and nothing else: editing the report or the warehouse re-extracts nothing."""

from __future__ import annotations

import shutil

from flows.core.extract.version import CORE, extractor_version, fingerprint

FLOWS = CORE.parent


def _copy(tmp_path):
    copy = tmp_path / "flows"
    shutil.copytree(FLOWS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_fingerprint_of_the_tree_is_the_running_one(tmp_path):
    assert fingerprint(_copy(tmp_path)) == extractor_version()


def test_editing_report_warehouse_or_runner_keeps_the_fingerprint(tmp_path):
    copy = _copy(tmp_path)
    before = fingerprint(copy)
    for module in ("core/present/report.py", "core/warehouse/load.py", "core/run/runner.py", "cli/__init__.py"):
        with open(copy / module, "a", encoding="utf-8") as fh:
            fh.write("\n# an edit that changes no extraction\n")
    assert fingerprint(copy) == before


def test_editing_a_rule_or_a_lexicon_changes_the_fingerprint(tmp_path):
    for edited in (
        "core/extract/en/counts.py",
        "core/extract/zh/scan.py",
        "core/ingest/read.py",
        "lexicons/sectors_zh.csv",
    ):
        copy = _copy(tmp_path / edited.replace("/", "_"))
        before = fingerprint(copy)
        with open(copy / edited, "a", encoding="utf-8") as fh:
            fh.write("\n")
        assert fingerprint(copy) != before, edited
