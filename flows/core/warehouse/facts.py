"""Facts and data-quality checks inside the load transaction.

`refresh` re-resolves the facts of the events a run touched (flows/core/warehouse/resolve.py does the
matching); `run_checks` runs every sql/checks/<check>.sql query and stores its findings in
`dq_issue`, so that nothing questionable is dropped silently.
"""
from __future__ import annotations

from pathlib import Path

from flows.core.warehouse.resolve import resolve

CHECKS_DIR = Path(__file__).resolve().parents[3] / "sql" / "checks"

_TOUCHED_MENTIONS = """
select
    mention.cohort_id, mention.article_id, mention.event_id, mention.cohort_index,
    article.source_file, article.published_at, mention.project_count, mention.amount,
    mention.currency, mention.amount_cny, mention.approximate, mention.stage,
    mention.sector_code, mention.size_min, mention.size_max, mention.region,
    mention.project_name, parent.cohort_id as parent_cohort_id
from fct_cohort_mention as mention
inner join dim_article as article on mention.article_id = article.article_id
left join fct_cohort_mention as parent
    on mention.article_id = parent.article_id and mention.parent_index = parent.cohort_index
where mention.event_id in (select event_id from touched_event)
    and article.retired_at is null
"""


def refresh(con) -> None:
    """Replace the facts (and their mention bridge) of every event in temp table touched_event."""
    fact_frame, bridge = resolve(con.sql(_TOUCHED_MENTIONS).pl())
    con.execute("delete from bridge_fact_mention where fact_id in (select fact_id from "
                "fct_cohort_fact where event_id in (select event_id from touched_event))")
    con.execute("delete from fct_cohort_fact where event_id in (select event_id from touched_event)")
    con.register("new_fact", fact_frame.to_arrow())
    con.register("new_bridge", bridge.to_arrow())
    try:
        con.execute("insert into fct_cohort_fact by name select * from new_fact")
        con.execute("insert into bridge_fact_mention by name select * from new_bridge")
    finally:
        con.unregister("new_fact")
        con.unregister("new_bridge")


def check_files() -> list[Path]:
    return sorted(CHECKS_DIR.glob("*.sql"))


def run_checks(con, run_id: str) -> None:
    con.execute("delete from dq_issue")
    for path in check_files():
        query = path.read_text(encoding="utf-8").strip().rstrip(";")
        con.execute(
            f"insert into dq_issue by name select *, $check_name as check_name, $run_id as run_id "
            f"from ({query})", {"check_name": path.stem, "run_id": run_id})
