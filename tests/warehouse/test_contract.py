"""The cohort columns are spelled once (schemas/ -> flows/core/contract.py); the SQL DDL spells
them again, and must agree with the records in names and types."""

from __future__ import annotations

import polars as pl
import pytest

from flows.core import contract

DUCK = {pl.String: "VARCHAR", pl.Int64: "BIGINT", pl.Int32: "INTEGER", pl.Float64: "DOUBLE", pl.Boolean: "BOOLEAN"}
ARTICLE_LEVEL = {
    "source_file",
    "lang",
    "event_name",
    "event_year",
    "city",
    "province",
    "canonical_event_id",
    "event_year_source",
}  # kept on dim_article / dim_event, not per mention


def columns(con, relation: str) -> dict[str, str]:
    return dict(con.execute(f"select column_name, column_type from (describe {relation})").fetchall())


def test_the_cohorts_view_has_the_contract_columns_in_order(con):
    got = columns(con, "cohorts")
    assert list(got) == contract.CONTRACT_COLUMNS
    for name in contract.CONTRACT_COLUMNS:
        assert got[name] == DUCK[contract.COHORT_SCHEMA[name]], name


@pytest.mark.parametrize(
    "relation,schema,skip",
    [
        ("fct_cohort_mention", contract.KEYED_COHORT_SCHEMA, ARTICLE_LEVEL),
        ("fct_cohort_fact", contract.FACT_SCHEMA, set()),
        ("bridge_fact_mention", contract.BRIDGE_SCHEMA, set()),
        ("raw_file", contract.FILE_SCHEMA, {"status"}),
        ("dim_article", contract.ARTICLE_SCHEMA, set()),
        ("quarantine", contract.QUARANTINE_SCHEMA, set()),
        ("rejects", contract.REJECT_SCHEMA, set()),
    ],
)
def test_table_ddl_agrees_with_its_record(con, relation, schema, skip):
    got = columns(con, relation)
    want = {name: DUCK[dtype] for name, dtype in schema.items() if name not in skip}
    assert {name: got.get(name) for name in want} == want


def test_every_mention_column_comes_from_a_record(con):
    """No column of fct_cohort_mention that the records do not know (but the run id)."""
    assert set(columns(con, "fct_cohort_mention")) - set(contract.KEYED_COHORT_SCHEMA) == {"run_id"}
