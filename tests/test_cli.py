"""The command line through click's runner: every command documented, data on stdout."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.core.contract import CONTRACT_COLUMNS

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
    assert rows and list(rows[0]) == CONTRACT_COLUMNS
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


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("csv", "n,s\n1,a\n"),
        ("json", '[{"n": 1, "s": "a"}]\n'),
        ("jsonl", '{"n": 1, "s": "a"}\n'),
        ("table", "n | s\n--+--\n1 | a\n(1 row)\n"),
    ],
)
def test_sql_formats(cli, built_warehouse, fmt, expected):
    result = cli.invoke(main, ["sql", "--warehouse", str(built_warehouse), "--format", fmt, "select 1 as n, 'a' as s"])
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


def one_line(result) -> str:
    """The whole output of a failed command: one line `newsetl: ...`, no traceback."""
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsetl: "), result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return lines[0]


@pytest.mark.parametrize(
    "variable, value, expected",
    [
        ("NEWSETL_BATCH_SIZE", "zero", "NEWSETL_BATCH_SIZE='zero': Input should be a valid integer"),
        ("NEWSETL_MEMORY_LIMIT", "lots", "NEWSETL_MEMORY_LIMIT='lots': String should match pattern"),
        ("NEWSETL_SCHEDULE_CRON", "hourly", "five cron fields"),
        ("NEWSETL_BATCHSIZE", "10", "unknown environment variable NEWSETL_BATCHSIZE"),
        ("newsetl_warehous", "x", "unknown environment variable newsetl_warehous"),
    ],
)
def test_settings_errors_are_one_line_exit_2(cli, monkeypatch, variable, value, expected):
    monkeypatch.setenv(variable, value)
    result = cli.invoke(main, ["sql", "select 1"])
    assert result.exit_code == 2
    line = one_line(result)
    assert line.startswith("newsetl: invalid settings: ") and expected in line
    assert "https://" not in line  # pydantic's help URL is not shown


def test_batch_size_above_2000_is_refused(cli, tmp_path):
    result = cli.invoke(main, ["run", "--raw", str(tmp_path), "--batch-size", "5000"])
    assert result.exit_code == 2
    assert "--batch-size=5000: Input should be less than or equal to 2000" in one_line(result)


def test_missing_raw_dir_is_a_usage_error(cli, tmp_path):
    result = cli.invoke(main, ["run", "--raw", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "raw directory not found" in one_line(result)


def test_raw_file_is_not_a_directory(cli, tmp_path):
    result = cli.invoke(main, ["run", "--raw", str(SEED)])
    assert result.exit_code == 2 and "is not a directory" in one_line(result)


SUMMARY = {
    "run_id": "r1",
    "files_seen": 0,
    "files_new": 0,
    "files_changed": 0,
    "files_unchanged": 0,
    "files_quarantined": 0,
    "files_removed": 0,
    "articles_loaded": 0,
    "cohorts_loaded": 0,
    "rejects": 0,
    "exported": 0,
    "facts_total": 0,
    "conflicted_facts": 0,
    "dq_issues": {},
    "quarantine": [],
    "seconds": {"flow": 0.1},
}


@pytest.fixture
def fake_run(monkeypatch, tmp_path):
    """`newsetl run` with the Prefect flow replaced by a summary (no server, no flow)."""
    from flows.cli import flow_commands

    monkeypatch.delenv("PREFECT_API_URL", raising=False)  # no configured API to check
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(tmp_path / "no-profiles.toml"))

    calls = []

    def fake(settings, verbosity="normal", **overrides):
        calls.append(verbosity)
        return {**SUMMARY, **fake.summary}

    fake.summary = {}
    fake.calls = calls
    monkeypatch.setattr(flow_commands, "run_with_prefect", fake)
    return fake


def test_empty_raw_dir_says_so(cli, tmp_path, fake_run):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    result = cli.invoke(main, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "w.duckdb"), "--quiet"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"newsetl: warning: raw directory {raw} holds no files: nothing to load (files loaded before are retired)"
    ]


def test_a_run_whose_articles_yield_no_cohorts_says_so(cli, tmp_path, fake_run):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "weather.txt").write_text("It rained in Hefei.", encoding="utf-8")
    fake_run.summary = {"files_seen": 1, "files_new": 1, "articles_loaded": 1}
    result = cli.invoke(main, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "w.duckdb"), "-q"])
    assert result.exit_code == 0
    assert result.output == (
        "newsetl: warning: the 1 article(s) this run loaded yielded no cohorts "
        "(see `newsetl extract FILE` for what the rules find)\n"
    )


def test_the_articles_without_cohorts_are_named(cli, tmp_path, fake_run):
    from conftest import run_once

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "wmc.txt")
    (raw / "weather.txt").write_text("It rained in Hefei all day.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        run_id = con.execute("select any_value(run_id) from dim_article").fetchone()[0]
    fake_run.summary = {"run_id": run_id, "files_seen": 2, "articles_loaded": 2, "cohorts_loaded": 6}
    result = cli.invoke(main, ["run", "--raw", str(raw), "--warehouse", str(db), "--quiet"])
    assert result.exit_code == 0
    assert result.output == (
        "newsetl: warning: 1 article(s) yielded no cohorts: weather.txt (see `newsetl extract FILE`)\n"
    )


def test_quiet_prints_no_summary_and_verbose_every_quarantined_file(cli, raw, tmp_path, fake_run):
    db = str(tmp_path / "w.duckdb")
    fake_run.summary = {
        "files_seen": 30,
        "files_quarantined": 30,
        "quarantine": [{"source_file": f"f{i}.txt", "reason": "empty"} for i in range(30)],
    }
    quiet = cli.invoke(main, ["run", "--raw", str(raw), "--warehouse", db, "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""
    normal = cli.invoke(main, ["run", "--raw", str(raw), "--warehouse", db])
    assert normal.output.count("quarantined f") == 20 and "and 10 more" in normal.output
    assert normal.output.count("run r1: files seen") == 1
    verbose = cli.invoke(main, ["run", "--raw", str(raw), "--warehouse", db, "--verbose"])
    assert verbose.output.count("quarantined f") == 30 and "more" not in verbose.output
    assert fake_run.calls == ["quiet", "normal", "verbose"]
    both = cli.invoke(main, ["run", "--raw", str(raw), "-q", "-v"])
    assert both.exit_code == 2 and "exclude each other" in one_line(both)


def test_console_log_levels_and_no_duplicated_summary_line():
    """Prefect's console handler: quiet shows warnings only; the flow's own summary line (the
    command prints the summary) only with --verbose; the API log (Prefect UI) keeps both."""
    import logging

    from prefect.logging.handlers import PrefectConsoleHandler

    from flows.cli import prefect_session

    summary = logging.LogRecord(
        "prefect.flow_runs", logging.INFO, __file__, 1, "run r1: 3 files seen, 3 new, 0 changed", None, None
    )
    progress = logging.LogRecord(
        "prefect.flow_runs", logging.INFO, __file__, 1, "run r1 progress: 3/3 files read and extracted", None, None
    )
    root = logging.getLogger()
    handler = PrefectConsoleHandler()
    root.addHandler(handler)
    try:  # one process, several commands (as under CliRunner): each sets its own level
        for verbosity, level, shows_summary in (
            ("quiet", logging.WARNING, False),
            ("verbose", logging.NOTSET, True),
            ("normal", logging.NOTSET, False),
            ("verbose", logging.NOTSET, True),
        ):
            prefect_session._console_log_level(verbosity)
            assert handler.level == level
            assert bool(handler.filter(summary)) is shows_summary
            assert handler.filter(progress)
    finally:
        root.removeHandler(handler)


def test_version(cli):
    result = cli.invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("newsetl ")
    from importlib.metadata import version

    assert result.output.strip() == f"newsetl {version('newsetl')}"


def test_export_onto_an_existing_file_is_one_line(cli, built_warehouse, tmp_path):
    target = tmp_path / "taken.parquet"
    target.write_bytes(b"not a directory")
    result = cli.invoke(main, ["export", "--warehouse", str(built_warehouse), "--out", str(target)])
    assert result.exit_code == 2 and "is a file" in one_line(result)
    assert target.read_bytes() == b"not a directory"


def test_serve_with_an_unreachable_prefect_api_is_one_line(cli, tmp_path, monkeypatch):
    from flows.prefect_local import free_port

    url = f"http://127.0.0.1:{free_port()}/api"  # nothing listens there
    monkeypatch.setenv("PREFECT_API_URL", url)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("x", encoding="utf-8")
    result = cli.invoke(main, ["serve", "--raw", str(raw), "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1
    assert f"the Prefect API at {url} is not reachable" in one_line(result)


def test_run_with_an_unreachable_prefect_api_is_one_line(cli, raw, tmp_path, monkeypatch):
    from flows.prefect_local import free_port

    url = f"http://127.0.0.1:{free_port()}/api"
    monkeypatch.setenv("PREFECT_API_URL", url)
    result = cli.invoke(main, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1
    assert f"the Prefect API at {url} is not reachable" in one_line(result)
    assert not (tmp_path / "w.duckdb").exists()


def test_dev_score_without_the_dev_set_is_one_line_exit_2(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "dev_score.py"), "--raw", str(tmp_path / "devset" / "raw")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and len(done.stderr.splitlines()) == 1
    assert "dev articles directory not found" in done.stderr and "Traceback" not in done.stderr


def test_no_flow_heartbeats_only_on_a_temporary_server_started_here(monkeypatch):
    from prefect.settings import get_current_settings

    from flows.cli import prefect_session

    default = get_current_settings().flows.heartbeat_frequency
    assert default is not None
    with prefect_session._no_heartbeats_on_a_temporary_server(False):  # a configured API
        assert get_current_settings().flows.heartbeat_frequency == default
    with prefect_session._no_heartbeats_on_a_temporary_server(True):  # ours
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency == default


def test_warnings_and_errors_print_no_terminal_control_sequences(capsys):
    from flows.cli.common import fail, warn

    warn("no cohorts in raw/\x1b]0;owned\x07a.txt")
    with pytest.raises(SystemExit):
        fail("cannot read raw/\x1b[2Jb.txt")
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "raw/\\x1b]0;owned\\x07a.txt" in err and "raw/\\x1b[2Jb.txt" in err
