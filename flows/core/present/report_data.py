"""What the report shows, read from the warehouse's marts (read-only): run facts, events, their
sectors and size bands, data-quality findings, conflicts and the facts with their evidence.

Event rows come from `select *` on `event_totals`, read by column name, so that new columns
(event resolution is still growing) are tolerated and a missing optional one reads as None.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal


def _rows(con, query: str, params=None) -> list[dict]:
    rel = con.execute(query, params or [])
    columns = [c[0] for c in rel.description]
    return [{k: _plain(v) for k, v in zip(columns, row, strict=True)} for row in rel.fetchall()]


def _plain(value):
    """JSON- and template-friendly values: DECIMAL as float, dates and times as ISO text."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _relations(con) -> set[str]:
    return {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}


def run_facts(con) -> dict:
    have = _relations(con)
    facts: dict = {}
    runs = _rows(con, "select * from etl_run order by started_at desc nulls last limit 1") if "etl_run" in have else []
    facts["run"] = runs[0] if runs else None
    facts["files"] = {
        r["status"]: r["n"]
        for r in _rows(con, "select status, count(*) as n from raw_file group by status order by status")
    }
    facts["articles"] = {
        r["lang"] or "unknown": r["n"]
        for r in _rows(
            con, "select lang, count(*) as n from dim_article where retired_at is null group by lang order by lang"
        )
    }
    facts["retired_articles"] = con.execute("select count(*) from dim_article where retired_at is not null").fetchone()[
        0
    ]
    facts["facts"] = con.execute("select count(*) from fct_cohort_fact").fetchone()[0]
    facts["mentions"] = con.execute("select count(*) from fct_cohort_mention").fetchone()[0]
    facts["conflicted_facts"] = con.execute("select count(*) from fct_cohort_fact where has_conflict").fetchone()[0]
    facts["dq_findings"] = con.execute("select count(*) from dq_issues").fetchone()[0]
    facts["rejects"] = con.execute("select count(*) from rejects").fetchone()[0] if "rejects" in have else 0
    facts["quarantine"] = _rows(con, "select source_file, reason from quarantine order by source_file")
    return facts


_LANGS = """
select mention.event_id, article.lang, count(distinct article.article_id) as reports
from fct_cohort_mention as mention
inner join dim_article as article on mention.article_id = article.article_id
where article.retired_at is null
group by all
order by mention.event_id, article.lang
"""

_FACTS = """
select
    fact.fact_id, fact.event_id, fact.parent_fact_id, fact.project_count, fact.amount, fact.currency,
    fact.amount_cny, fact.approximate, fact.stage, fact.sector_code, sector.name_en as sector_name_en,
    fact.size_min, fact.size_max, fact.region, fact.project_name, fact.source_count, fact.has_conflict
from fct_cohort_fact as fact
left join dim_sector as sector on fact.sector_code = sector.sector_code
"""

_EVIDENCE = """
select
    bridge.fact_id, bridge.role, mention.cohort_id, mention.project_count, mention.amount,
    mention.currency, mention.evidence, article.source_file, article.source, article.lang,
    article.title, article.url, article.retired_at
from bridge_fact_mention as bridge
inner join fct_cohort_mention as mention on bridge.cohort_id = mention.cohort_id
inner join dim_article as article on mention.article_id = article.article_id
order by bridge.fact_id, case bridge.role when 'chosen' then 0 when 'agrees' then 1 else 2 end,
    article.source_file
"""


def collect(con) -> dict:
    """Everything the page shows, as plain rows."""
    events = _rows(con, "select * from event_totals")
    langs: dict[str, dict[str, int]] = {}
    for r in _rows(con, _LANGS):
        langs.setdefault(r["event_id"], {})[r["lang"] or "?"] = r["reports"]
    for ev in events:
        ev["languages"] = langs.get(ev["event_id"], {})
    evidence: dict[str, list[dict]] = {}
    for r in _rows(con, _EVIDENCE):
        evidence.setdefault(r["fact_id"], []).append(r)
    facts = _rows(con, _FACTS)
    for f in facts:
        f["mentions"] = evidence.get(f["fact_id"], [])
    return {
        "run": run_facts(con),
        "events": events,
        "sectors": _rows(con, "select * from sector_totals"),
        "bands": _rows(con, "select * from size_band_totals order by event_id, band_min desc nulls last"),
        "dq": _rows(con, "select * from dq_issues order by event_id, severity, check_name"),
        "conflicts": _rows(con, "select * from conflicts order by event_id, fact_id"),
        "facts": facts,
    }
