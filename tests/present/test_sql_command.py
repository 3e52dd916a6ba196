"""`newsetl sql`, `tables` and `describe` as an analyst uses them (issue 15), through click's
runner on a warehouse built without Prefect; and the COMMENT on every relation and column."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.core.present.render import display_width, render
from flows.core.warehouse import connect as wh

from conftest import DATA, run_once


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """The English and Chinese sample reports, loaded the way a run does (no Prefect)."""
    tmp = tmp_path_factory.mktemp("sqlcmd")
    raw = tmp / "raw"
    shutil.copytree(DATA / "same_event", raw)
    db = tmp / "w.duckdb"
    run_once(raw, db)
    return db


@pytest.fixture
def sql(warehouse):
    runner = CliRunner()

    def invoke(*args, stdin=None):
        return runner.invoke(main, ["sql", "--warehouse", str(warehouse), *args], input=stdin)

    return invoke


def lines_of(result):
    return result.output.splitlines()


# ---- formats


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("csv", "n,s\n1,a\n2,\n"),
        ("tsv", "n\ts\n1\ta\n2\t\n"),
        ("json", '[{"n": 1, "s": "a"},\n {"n": 2, "s": null}]\n'),
        ("jsonl", '{"n": 1, "s": "a"}\n{"n": 2, "s": null}\n'),
        ("markdown", "| n | s |\n| ---: | --- |\n| 1 | a |\n| 2 | NULL |\n"),
        ("table", "n | s\n--+-----\n1 | a\n2 | NULL\n(2 rows)\n"),
    ],
)
def test_every_format(sql, fmt, expected):
    result = sql("--format", fmt, "select * from (values (1, 'a'), (2, null)) t(n, s) order by n")
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_json_is_one_array_and_empty_results_are_valid_json(sql):
    assert json.loads(sql("--format", "json", "select 1 as n where false").output) == []
    rows = json.loads(sql("--format", "json", "select * from cohorts").output)
    assert isinstance(rows, list) and rows and "evidence" in rows[0]


def test_json_takes_blob_interval_decimal_uuid_and_nested_values(sql):
    result = sql(
        "--format",
        "json",
        "select 'ab'::blob as b, interval 3 day + interval 4 hour as i, "
        "1.50::decimal(18,2) as d, '00000000-0000-0000-0000-000000000001'::uuid as u, "
        "[1, 2] as l, {'x': date '2021-09-20'} as s, 'nan'::double as nan, "
        "time '10:00' as t",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {
            "b": "\\x6162",
            "i": "P3DT4H",
            "d": 1.5,
            "u": "00000000-0000-0000-0000-000000000001",
            "l": [1, 2],
            "s": {"x": "2021-09-20"},
            "nan": "nan",
            "t": "10:00:00",
        }
    ]
    for fmt in ("jsonl", "csv", "tsv", "markdown", "table"):
        assert sql("--format", fmt, "select 'ab'::blob as b, interval 1 day as i").exit_code == 0


def test_table_aligns_chinese_by_display_width():
    text = render(["name", "n"], [("重大项目", 1), ("WMC", 22)], "table")
    header, rule, *rows, count = text.splitlines()
    assert count == "(2 rows)"
    # every '|' at the same terminal column: 重大项目 is 8 columns wide, like 'WMC' + 5 spaces
    bars = {display_width(line.split("|")[0]) for line in [header, *rows]}
    assert bars == {9} and rule.index("+") == 9
    assert rows == ["重大项目 |  1", "WMC      | 22"]  # numbers right-aligned
    assert display_width("中文ab") == 6 and display_width("e\u0301") == 1


def test_table_keeps_one_line_per_row(sql):
    result = sql("select 'two\nlines' as s")
    assert lines_of(result)[2] == "two\\nlines"


# ---- parameters, input, limits, statements


def test_param_binds_named_values(sql):
    result = sql(
        "--format",
        "jsonl",
        "--param",
        "lang",
        "zh",
        "--param",
        "n",
        "1",
        "select count(*) > 0 as found, $n::int + 1 as two from cohorts where lang = $lang",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"found": True, "two": 2}


def test_param_that_no_statement_uses_is_a_usage_error(sql):
    result = sql("--param", "year", "2021", "select 1")
    assert result.exit_code == 2 and lines_of(result) == ["newsetl: --param year: no $year in the SQL"]


def test_param_is_not_sql_injection(sql):
    result = sql("--format", "jsonl", "--param", "s", "x'; drop table cohorts; --", "select $s as s")
    assert json.loads(result.output) == {"s": "x'; drop table cohorts; --"}


def test_sql_from_stdin_and_from_a_file(sql, tmp_path):
    result = sql("--format", "csv", "-", stdin="select 42 as answer;\n")
    assert result.exit_code == 0 and result.output == "answer\n42\n"
    query = tmp_path / "q.sql"
    query.write_text("-- how many cohorts\nselect count(*) > 0 as any_rows from cohorts\n", encoding="utf-8")
    result = sql("--format", "csv", str(query))
    assert result.exit_code == 0 and result.output == "any_rows\ntrue\n"
    missing = sql(str(tmp_path / "nope.sql"))
    assert missing.exit_code == 2 and len(lines_of(missing)) == 1 and "not found" in missing.output
    text = sql("--format", "csv", "select 'q.sql' as name -- not a file: q.sql")
    assert text.exit_code == 0 and text.output == "name\nq.sql\n"


def test_limit_cuts_rows_and_says_so(sql):
    result = sql("--format", "csv", "--limit", "2", "select * from range(5) t(i)")
    assert result.exit_code == 0
    assert result.stdout == "i\n0\n1\n"
    assert "first 2 rows" in result.stderr
    exact = sql("--format", "csv", "--limit", "5", "select * from range(5) t(i)")
    assert "first" not in exact.stderr


def test_several_statements_run_and_the_last_result_is_printed(sql):
    result = sql("--format", "csv", "select 1 as a; select 2 as b")
    assert result.exit_code == 0
    assert result.stdout == "b\n2\n"
    assert "ran 2 statements" in result.stderr


@pytest.mark.parametrize("query", ["", "   ", "-- only a comment", ";"])
def test_empty_sql_is_one_line_usage_error(sql, query):
    result = sql("--", query) if query.startswith("-") else sql(query)
    assert result.exit_code == 2, result.output
    assert lines_of(result) == ["newsetl: no SQL statement in the command line"]
    assert "Traceback" not in result.output


def test_sql_errors_are_one_line(sql):
    for query in ("select frobnicate()", "selct 1", "select * from no_such_table"):
        result = sql(query)
        assert result.exit_code == 1 and len(lines_of(result)) == 1, result.output
        assert result.output.startswith("newsetl: ")


def test_sandboxed_unless_allowed(sql, tmp_path):
    outside = tmp_path / "out.csv"
    result = sql(f"copy (select 1) to '{outside}'")
    assert result.exit_code == 1 and not outside.exists()


def test_sql_sees_a_rebuilt_warehouse_each_time(tmp_path):
    """Each `newsetl sql` opens the file afresh: a run published in between is seen at once."""
    raw = tmp_path / "raw"
    raw.mkdir()
    db = tmp_path / "w.duckdb"
    shutil.copy(DATA / "same_event" / "wmc2021_chinanews.txt", raw / "a.txt")
    run_once(raw, db)
    runner = CliRunner()
    count = lambda: (
        runner.invoke(
            main,
            [
                "sql",
                "--warehouse",
                str(db),
                "--format",
                "csv",  # noqa: E731
                "select count(distinct source_file) from cohorts",
            ],
        ).output
    )
    assert count().splitlines()[1] == "1"
    shutil.copy(DATA / "same_event" / "wmc2021_zh.txt", raw / "b.txt")
    run_once(raw, db)
    assert count().splitlines()[1] == "2"


# ---- tables and describe


def test_tables_lists_marts_first_with_their_comments(warehouse):
    result = CliRunner().invoke(main, ["tables", "--warehouse", str(warehouse), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    names = [r["name"] for r in rows]
    assert names[0] == "cohorts" and {"sector_totals", "dim_event", "staging.stg_fact", "meta"} <= set(names)
    layers = [r["layer"] for r in rows]
    assert layers == sorted(layers, key=["mart", "fact", "dimension", "internal", "staging"].index)
    assert all(r["comment"] for r in rows)
    table = CliRunner().invoke(main, ["tables", "--warehouse", str(warehouse)])
    assert table.output.splitlines()[0].split() == ["name", "|", "layer", "|", "kind", "|", "comment"]


def test_describe_shows_types_and_column_comments(warehouse):
    result = CliRunner().invoke(
        main, ["describe", "--warehouse", str(warehouse), "--format", "json", "size_band_totals"]
    )
    assert result.exit_code == 0, result.output
    columns = {r["column"]: r for r in json.loads(result.output)}
    assert columns["projects"]["type"] == "BIGINT"
    assert columns["investment_cny"]["type"] == "DECIMAL(18,2)"
    assert "computed" in columns["is_derived"]["comment"]
    text = CliRunner().invoke(main, ["describe", "--warehouse", str(warehouse), "SECTOR_TOTALS"])
    assert text.exit_code == 0 and text.output.startswith("sector_totals (mart view): Per event and sector")


def test_describe_of_an_unknown_relation_is_a_usage_error(warehouse):
    result = CliRunner().invoke(main, ["describe", "--warehouse", str(warehouse), "nope"])
    assert result.exit_code == 2 and len(result.output.splitlines()) == 1
    assert "newsetl tables" in result.output


# ---- comments (dbt-style docs) and amount types


def _undocumented(con) -> list[str]:
    here = "database_name = current_database() and schema_name in ('main', 'staging') and not internal"
    relations = con.execute(
        f"select table_name from duckdb_tables() where {here} and (comment is null or trim(comment) = '') "
        f"union all select view_name from duckdb_views() where {here} "
        "and (comment is null or trim(comment) = '')"
    ).fetchall()
    columns = con.execute(
        f"select table_name || '.' || column_name from duckdb_columns() where {here} "
        "and (comment is null or trim(comment) = '')"
    ).fetchall()
    return sorted(r[0] for r in relations + columns)


def test_every_relation_and_column_has_a_comment(con):
    """A new table, view or column needs a line in sql/docs/<relation>.sql; this lists what lacks one."""
    missing = _undocumented(con)
    assert missing == [], "add COMMENT ON statements to sql/docs/ for: " + ", ".join(missing)


def test_every_comment_statement_applies(con):
    """No stale comment: each statement of sql/docs names a relation or column that exists."""
    assert wh.apply_docs(con) == []
    docs = sorted((wh.SQL_DIR / wh.DOCS_LAYER).glob("*.sql"))
    relations = {
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where schema_name in ('main', 'staging') "
            "union all select view_name from duckdb_views() where schema_name in ('main', 'staging') "
            "and not internal"
        ).fetchall()
    }
    assert {p.stem for p in docs} <= relations, "sql/docs/ files for relations that do not exist"


def test_comments_survive_the_views_being_replaced(warehouse, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    con = duckdb.connect(str(copy))
    try:
        wh.apply_schema(con)  # as the next run does: views replaced, comments applied again
        assert _undocumented(con) == []
    finally:
        con.close()


def test_a_comment_on_a_missing_column_is_skipped_not_fatal(con, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "x.sql").write_text(
        "comment on column cohorts.gone is 'old';\ncomment on view cohorts is 'still applied';\n", encoding="utf-8"
    )
    monkeypatch.setattr(wh, "SQL_DIR", tmp_path)
    assert wh.apply_docs(con) == ["x.sql: cohorts.gone"]
    assert con.execute("select comment from duckdb_views() where view_name = 'cohorts'").fetchone() == (
        "still applied",
    )


def test_mart_amounts_are_decimal_without_float_noise(con):
    from conftest import given_article, given_cohort, given_event, resolved

    given_event(con)
    given_article(con)
    given_cohort(con, 0, 30, 3.0e9)
    given_cohort(con, 1, 10, 0.1e9, sector="biomedicine", name="A")
    given_cohort(con, 2, 10, 0.2e9, sector="biomedicine", name="B")
    given_cohort(con, 3, 3, 0.7e9, parent=0, size_min=1e8)
    resolved(con)
    types = dict(
        con.execute(
            "select column_name, data_type from duckdb_columns() where table_name in "
            "('sector_totals', 'size_band_totals') and column_name in "
            "('projects', 'investment_cny')"
        ).fetchall()
    )
    assert types == {"projects": "BIGINT", "investment_cny": "DECIMAL(18,2)"}
    (amount,) = con.execute(
        "select investment_cny from sector_totals where sector_code = 'biomedicine' and sector_level = 'sector'"
    ).fetchone()
    assert str(amount) == "300000000.00"  # 0.1e9 + 0.2e9 is 300000000.00000006 in doubles
    cohorts = dict(
        con.execute("select column_name, data_type from duckdb_columns() where table_name = 'cohorts'").fetchall()
    )
    assert cohorts["amount"] == "DOUBLE" and cohorts["amount_cny"] == "DOUBLE"  # the contract's types
    money = con.execute(
        "select table_name, data_type from duckdb_columns() where (table_name, column_name) in "
        "(('event_totals', 'total_investment_cny'), ('province_year_totals', 'investment_cny'))"
    ).fetchall()
    assert sorted(money) == [("event_totals", "DECIMAL(18,2)"), ("province_year_totals", "DECIMAL(18,2)")]
    (total,) = con.execute("select total_investment_cny from event_totals").fetchone()
    assert str(total) == "3000000000.00"


def test_max_width_cuts_table_cells_only(sql):
    query = "select repeat('汉', 30) as zh, repeat('a', 30) as en"
    table = sql("--max-width", "10", query)
    assert table.exit_code == 0, table.output
    assert lines_of(table)[2] == "汉汉汉汉… | aaaaaaaaa…"
    assert display_width(lines_of(table)[2].split(" | ")[0]) <= 10
    assert "…" not in sql("--max-width", "10", "--format", "csv", query).output
    assert "…" not in sql(query).output  # a pipe (the runner) is not cut by default


def test_table_and_markdown_print_no_terminal_control_sequences(sql):
    """A file name (or any text) holding ESC sequences or BEL cannot drive the terminal."""
    query = "select 'raw/' || chr(27) || '[2J' || chr(7) || 'x.txt' as source_file"
    for fmt in ("table", "markdown"):
        out = sql("--format", fmt, query).output
        assert "\x1b" not in out and "\x07" not in out
        assert "raw/\\x1b[2J\\x07x.txt" in out
    assert "\\u001b" in sql("--format", "json", query).output  # JSON escapes it itself


def test_staging_views_live_in_their_own_schema(warehouse):
    """Analysts see the marts in main; the views the marts read are staging.*, listed last."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        main_views = {
            r[0] for r in con.execute("select view_name from duckdb_views() where schema_name = 'main'").fetchall()
        }
        staged = {
            r[0] for r in con.execute("select view_name from duckdb_views() where schema_name = 'staging'").fetchall()
        }
    finally:
        con.close()
    assert staged == {"stg_cohort", "stg_fact", "stg_event_scope"}
    assert not any(name.startswith("stg_") for name in main_views) and "cohorts" in main_views
    result = CliRunner().invoke(main, ["describe", "--warehouse", str(warehouse), "staging.stg_fact"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("staging.stg_fact (staging view): Staging (internal)")
    assert "is_total_candidate" in result.output
