"""The command line through click's runner: every command documented, data on stdout."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from flows.cli import main

from conftest import DATA

SEED = DATA / "raw" / "en_wmc2021.txt"


@pytest.fixture
def cli():
    return CliRunner()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(cli, command):
    result = cli.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: newsetl " + command in result.output


def test_extract_prints_json_lines_with_contract_columns(cli):
    result = cli.invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and set(rows[0]) == {
        "source_file", "lang", "event_name", "event_year", "city", "province", "project_count",
        "amount", "currency", "amount_cny", "stage", "sector_code", "size_min", "size_max",
        "region", "project_name", "evidence"}
    assert (rows[0]["project_count"], rows[0]["amount"]) == (703, 582180000000.0)


def test_extract_of_a_broken_file_fails_with_a_reason(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    result = cli.invoke(main, ["extract", str(bad)])
    assert result.exit_code == 1
    assert "invalid JSON" in result.output


@pytest.fixture
def built_warehouse(tmp_path):
    from conftest import run_once

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "wmc.txt")
    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    return db


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "n,s\n1,a\n"),
    ("json", '{"n": 1, "s": "a"}\n'),
    ("table", "n | s\n--+--\n1 | a\n(1 row)\n"),
])
def test_sql_formats(cli, built_warehouse, fmt, expected):
    result = cli.invoke(main, ["sql", "--warehouse", str(built_warehouse), "--format", fmt,
                               "select 1 as n, 'a' as s"])
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_sql_is_read_only(cli, built_warehouse):
    result = cli.invoke(main, ["sql", "--warehouse", str(built_warehouse), "delete from fct_cohort_mention"])
    assert result.exit_code == 1
    assert "read-only" in result.output.lower()


def test_sql_without_warehouse_says_so(cli, tmp_path):
    result = cli.invoke(main, ["sql", "--warehouse", str(tmp_path / "none.duckdb"), "select 1"])
    assert result.exit_code == 1 and "warehouse not found" in result.output


def test_export_writes_one_parquet_per_relation(cli, built_warehouse, tmp_path):
    out = tmp_path / "export"
    result = cli.invoke(main, ["export", "--warehouse", str(built_warehouse), "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.stem for p in out.glob("*.parquet"))
    for relation in ("cohorts", "sector_totals", "size_band_totals", "fct_cohort_mention", "dim_sector"):
        assert relation in names
    assert not list(out.glob(".*.tmp"))


def test_bad_setting_is_a_usage_error(cli, monkeypatch):
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", "zero")
    result = cli.invoke(main, ["sql", "select 1"])
    assert result.exit_code == 2 and "invalid settings" in result.output


def test_no_flow_heartbeats_only_on_a_temporary_server_started_here(monkeypatch):
    from prefect.settings import get_current_settings

    from flows import cli as cli_module, prefect_local as local_api

    default = get_current_settings().flows.heartbeat_frequency
    assert default is not None
    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.example:4200/api")   # configured
    with cli_module._no_heartbeats_on_a_temporary_server():
        assert get_current_settings().flows.heartbeat_frequency == default
    monkeypatch.setattr(local_api, "_STARTED", ["http://prefect.example:4200/api"])   # ours
    with cli_module._no_heartbeats_on_a_temporary_server():
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency == default
