"""Facts and data-quality checks inside the load transaction.

`refresh` re-resolves the facts of the events a run touched (flows/core/warehouse/resolve.py does the
matching); `run_checks` runs every sql/checks/<check>.sql query and stores its findings in
`dq_issue`, so that nothing questionable is dropped silently.
"""

from __future__ import annotations

from pathlib import Path

from flows.core.warehouse.connect import SQL_DIR, apply_statements
from flows.core.warehouse.resolve import resolve

CHECKS_DIR = SQL_DIR / "checks"
FACTS_DIR = SQL_DIR / "load" / "facts"


def refresh(con) -> None:
    """Replace the facts (and their mention bridge) of every event in temp table touched_event."""
    fact_frame, bridge = resolve(con.sql((FACTS_DIR / "touched_mentions.sql").read_text("utf-8")).pl())
    con.register("new_fact", fact_frame.to_arrow())
    con.register("new_bridge", bridge.to_arrow())
    try:
        apply_statements(con, [FACTS_DIR / "replace.sql"])
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
            f"insert into dq_issue by name select *, $check_name as check_name, $run_id as run_id from ({query})",
            {"check_name": path.stem, "run_id": run_id},
        )
