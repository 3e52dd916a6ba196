"""Facts and data-quality checks inside the load transaction.

`refresh` re-resolves the facts of the events a run touched (flows/core/warehouse/resolve.py does the
matching); `run_checks` runs every sql/checks/<check>.sql query and stores its findings in
`dq_issue`, so that nothing questionable is dropped silently.
"""

from __future__ import annotations

import math
from pathlib import Path

from flows.core.warehouse.connect import SQL_DIR, apply_statements
from flows.core.warehouse.resolve import resolve

CHECKS_DIR = SQL_DIR / "checks"
FACTS_DIR = SQL_DIR / "load" / "facts"
# mentions resolved at a time: the events a run touched are split into parts of about this
# many mentions (whole events, by a hash of the event), so that the frames of the matching
# stay the size of a part, not of the corpus (docs/scaling.md)
PART_MENTIONS = 100_000


def refresh(con) -> None:
    """Replace the facts (and their mention bridge) of every event in temp table touched_event.
    Facts never span events, so each part of the events is resolved and inserted on its own."""
    touched = con.execute(
        "select count(*) from fct_cohort_mention where event_id in (select event_id from touched_event)"
    ).fetchall()[0][0]
    parts = max(1, math.ceil(touched / PART_MENTIONS))
    apply_statements(con, [FACTS_DIR / "clear.sql"])
    query = (FACTS_DIR / "touched_mentions.sql").read_text("utf-8")
    for part in range(parts):
        fact_frame, bridge = resolve(con.sql(query, params={"parts": parts, "part": part}).pl())
        con.register("new_fact", fact_frame.to_arrow())
        con.register("new_bridge", bridge.to_arrow())
        try:
            apply_statements(con, [FACTS_DIR / "insert.sql"])
        finally:
            con.unregister("new_fact")
            con.unregister("new_bridge")
        del fact_frame, bridge


def check_files() -> list[Path]:
    return sorted(CHECKS_DIR.glob("*.sql"))


def run_checks(con, run_id: str) -> None:
    con.execute("delete from dq_issue")
    for path in check_files():
        query = path.read_text(encoding="utf-8").strip().rstrip(";")
        con.execute(
            f"insert into dq_issue by name select *, $check_name as check_name, $run_id as run_id from ({query})",
            {"check_name": path.stem, "run_id": run_id},
        )
