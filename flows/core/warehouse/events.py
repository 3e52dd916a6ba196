"""Event resolution inside the load: the articles that report one event become one event.

Runs after sql/load/05 (the run's articles are in, each under its own event key as extracted)
and before the facts are resolved. In scope: the run's articles, the members of the events it
touched (replaced and removed articles) and the members of the existing events that can be
candidates of a new article (same year and province, same curated event or same name key, or
the same extracted key), found with equi-joins on event_member, never all pairs. The scope is
clustered again from scratch (flows/core/warehouse/event_match.py), and the mentions, articles,
dim_event and event_member of the scope rewritten (sql/load/events/apply.sql); the events it
touched (before and after) are added to touched_event, so their facts are resolved again.
"""

from __future__ import annotations

import hashlib

import polars as pl

from flows.core.contract import frame_schema
from flows.core.warehouse.connect import SQL_DIR, apply_statements
from flows.core.warehouse.event_evidence import Figure, Report, prepare
from flows.core.warehouse.event_keys import is_generic, name_key
from flows.core.warehouse.event_match import Member, cluster
from schemas.records import EventMemberRecord, EventRecord

EVENTS_DIR = SQL_DIR / "load" / "events"
MEMBER_SCHEMA = frame_schema(EventMemberRecord)
EVENT_SCHEMA = frame_schema(EventRecord)

_BATCH_REPORTS = """
select distinct on (article_id)
    article_id, source_file, event_id as reported_event_id, event_name, event_year,
    event_year_source as year_source, city, province, canonical_event_id
from staged_cohort
order by article_id, cohort_index
"""


def _key(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()[:16]


def resolve(con) -> int:
    """Resolve the run's articles and their candidates into events; -> articles in scope."""
    con.execute("delete from event_member where article_id not in (select article_id from fct_cohort_mention)")
    batch = con.sql(_BATCH_REPORTS).pl()
    keys = [name_key(n, c, p) for n, c, p in batch.select("event_name", "city", "province").iter_rows()]
    batch = batch.with_columns(pl.Series("name_key", keys, dtype=pl.String))
    # a name that only names a kind of event ("signing ceremony") finds no candidates by name
    scope = batch.with_columns(pl.Series("name_key", [None if is_generic(k) else k for k in keys], dtype=pl.String))
    con.register("new_report", scope.to_arrow())
    try:
        apply_statements(con, [EVENTS_DIR / "scope.sql"])
    finally:
        con.unregister("new_report")
    reports = _reports(con, batch)
    if not reports:
        for table in ("new_article", "scope_event", "scope_old_event"):
            con.execute(f"drop table if exists {table}")
        return 0
    events = cluster(list(reports.values()))
    reserved = {
        row[0]
        for row in con.execute(
            "select event_id from dim_event where event_id not in (select event_id from scope_old_event)"
        ).fetchall()
    }
    members, rows = [], []
    for event in events:
        event_id = _event_id(event, reserved)
        rows.append(_event_row(event_id, event))
        members += [_member_row(event_id, m) for m in event]
    con.register("resolved_member", pl.DataFrame(members, schema=MEMBER_SCHEMA, orient="row").to_arrow())
    con.register("resolved_event", pl.DataFrame(rows, schema=EVENT_SCHEMA, orient="row").to_arrow())
    try:
        apply_statements(con, [EVENTS_DIR / "apply.sql"])
    finally:
        con.unregister("resolved_member")
        con.unregister("resolved_event")
    return len(members)


_ATTRS = (
    "reported_event_id",
    "event_name",
    "event_year",
    "year_source",
    "city",
    "province",
    "canonical_event_id",
    "name_key",
)


def _reports(con, batch: pl.DataFrame) -> dict[str, Report]:
    """The scope's articles as the matcher sees them (attributes as extracted: the run's from
    its staged rows, the others' from event_member), each with its own extracted attributes
    kept in `attrs`."""
    existing = con.sql(
        "select m.article_id, a.source_file, "
        + ", ".join(f"m.{c}" for c in _ATTRS)
        + " from event_member as m inner join dim_article as a on m.article_id = a.article_id "
        "where m.event_id in (select event_id from scope_event) "
        "and m.article_id not in (select article_id from new_article)"
    ).pl()
    both = pl.concat(
        [batch.select("article_id", "source_file", *_ATTRS), existing.select("article_id", "source_file", *_ATTRS)],
        how="vertical_relaxed",
    )
    con.register("scope_article_rows", both.select("article_id").to_arrow())
    try:
        info = dict(
            (r[0], r[1:])
            for r in con.execute(
                "select article_id, title, retired_at is not null from dim_article "
                "where article_id in (select article_id from scope_article_rows)"
            ).fetchall()
        )
        heads = con.execute(
            "select article_id, project_count, amount_cny, approximate, evidence "
            "from fct_cohort_mention where article_id in (select article_id from scope_article_rows) "
            "and parent_index is null and sector_code is null and region is null "
            "and project_name is null and size_max is null "
            "order by article_id, cohort_index"
        ).fetchall()
    finally:
        con.unregister("scope_article_rows")
    figures: dict[str, list[Figure]] = {}
    evidence: dict[str, list[str]] = {}
    for article_id, count, amount, approximate, text in heads:
        figures.setdefault(article_id, []).append(Figure(count, amount, bool(approximate)))
        evidence.setdefault(article_id, []).append(text)
    reports: dict[str, Report] = {}
    for row in both.iter_rows(named=True):
        title, retired = info.get(row["article_id"], (None, True))
        report = Report(
            row["article_id"],
            row["source_file"],
            row["event_year"],
            row["city"],
            row["province"],
            row["canonical_event_id"],
            row["event_name"],
            figures=figures.get(row["article_id"], []),
            retired=retired,
        )
        prepare(report, [title, *evidence.get(row["article_id"], [])])
        report.attrs = row  # the article's own event, for event_member
        reports[row["article_id"]] = report
    return reports


def _event_id(event: list[Member], reserved: set[str]) -> str:
    """The first member's extracted key (so an event reported once keeps its id), unless
    another event holds it: then one derived from it and the first member."""
    first = event[0].report
    event_id = first.attrs["reported_event_id"]
    if event_id in reserved:
        event_id = _key(f"{event_id}|{first.article_id}")
    reserved.add(event_id)
    return event_id


def _event_row(event_id: str, event: list[Member]) -> tuple:
    """The event's attributes: the first member's (file order), a missing one filled from the
    next member that states it."""
    attrs = [m.report.attrs for m in event]
    named = next((a for a in attrs if a["event_name"]), attrs[0])
    placed = next((a for a in attrs if a["city"]), None) or next((a for a in attrs if a["province"]), attrs[0])
    dated = (
        named if named["event_year"] is not None else next((a for a in attrs if a["event_year"] is not None), attrs[0])
    )
    canonical = next((a["canonical_event_id"] for a in attrs if a["canonical_event_id"]), None)
    return (
        event_id,
        named["event_name"],
        dated["event_year"],
        dated["year_source"],
        placed["city"],
        placed["province"],
        canonical,
    )


def _member_row(event_id: str, m: Member) -> tuple:
    a = m.report.attrs
    return (event_id, m.report.article_id, m.reason, m.matched, m.detail, *(a[c] for c in _ATTRS))
