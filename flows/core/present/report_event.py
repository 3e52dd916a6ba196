"""One event's section of the report: the headline total and flags, the sector and size-band
charts with the data-quality findings about each beside it, conflicting reports and the other
findings beside the facts, then the facts with their evidence.
"""

from __future__ import annotations

from flows.core.present import report_charts as charts
from flows.core.present.report_facts import facts_table
from flows.core.present.report_html import (
    e,
    event_anchor,
    event_flags,
    event_name,
    event_name_zh,
    flag,
    langs,
    place,
    reported_money,
    year_label,
)

SECTOR_CHECKS = {"sector_parts_exceed_total"}
BAND_CHECKS = {"bands_not_monotone"}


def _finding(f: dict) -> str:
    link = f' <a href="#fact-{e(f["fact_id"])}">see the fact</a>' if f.get("fact_id") else ""
    return (
        f'<li class="finding {e(f.get("severity"))}">{flag(f["check_name"], f.get("severity") or "warning")} '
        f"{e(f.get('detail'))}{link}</li>"
    )


def _aside(findings: list[dict], empty: str) -> str:
    if not findings:
        return f'<aside class="dq ok"><p class="muted">{e(empty)}</p></aside>'
    return '<aside class="dq"><h4>Data-quality findings</h4><ul>' + "".join(map(_finding, findings)) + "</ul></aside>"


def _conflict(c: dict) -> str:
    def figs(count, amount, currency):
        return f"{charts.projects(count)} · {reported_money(amount, currency)}"

    return (
        f'<li class="conflict"><a href="#fact-{e(c["fact_id"])}">fact</a>: kept '
        f"<b>{e(figs(c.get('kept_project_count'), c.get('kept_amount'), c.get('kept_currency')))}</b> "
        f"from <code>{e(c.get('kept_source_file'))}</code>; "
        f"<code>{e(c.get('reported_source_file'))}</code> reports "
        f"<b>{e(figs(c.get('reported_project_count'), c.get('reported_amount'), c.get('reported_currency')))}</b>"
        f": <q>{e(c.get('reported_evidence'))}</q></li>"
    )


def event_section(ev: dict, data: dict, specs: dict) -> str:
    eid = ev["event_id"]
    slug = event_anchor(eid)
    findings = data["dq_by_event"].get(eid, [])
    sectors = [s for s in data["sectors"] if s["event_id"] == eid]
    bands = [b for b in data["bands"] if b["event_id"] == eid]
    facts = [f for f in data["facts"] if f["event_id"] == eid]
    conflicts = [c for c in data["conflicts"] if c["event_id"] == eid]
    zh = event_name_zh(ev)
    parts = [
        f'<section class="event" id="{slug}" data-event="{e(eid)}">',
        f"<h2>{e(event_name(ev))}"
        + (f' <span class="zh">{e(zh)}</span>' if zh else "")
        + f" <small>{e(year_label(ev))} · {e(place(ev))}</small></h2>",
        f'<p class="summary">Headline total: <b>{e(charts.projects(ev.get("total_projects")))} · '
        f"{e(charts.yuan(ev.get('total_investment_cny')))}</b> · {e(ev.get('source_articles') or 0)} report(s) "
        f"({e(langs(ev))}) · {e(ev.get('facts') or 0)} facts · "
        f'{" ".join(event_flags(ev, findings)) or "no findings"} · <a href="#events">back to the table</a></p>',
    ]
    if sectors:
        cid = f"chart-sectors-{slug}"
        specs[cid] = charts.sector_chart(sectors, ev)
        parts.append(
            f'<div class="figure"><div class="chart" id="{cid}"></div>'
            + _aside([f for f in findings if f["check_name"] in SECTOR_CHECKS], "No finding about the sectors.")
            + "</div>"
        )
    if bands:
        cid = f"chart-bands-{slug}"
        specs[cid] = charts.band_chart(bands)
        parts.append(
            f'<div class="figure"><div class="chart" id="{cid}"></div>'
            + _aside([f for f in findings if f["check_name"] in BAND_CHECKS], "No finding about the size bands.")
            + "</div>"
        )
    if not sectors and not bands:
        parts.append('<p class="muted">No sector or size-band figures reported.</p>')
    other = [
        f
        for f in findings
        if f["check_name"] not in SECTOR_CHECKS | BAND_CHECKS
        or (f["check_name"] in SECTOR_CHECKS and not sectors)
        or (f["check_name"] in BAND_CHECKS and not bands)
    ]
    if other or conflicts:
        parts.append('<div class="dq beside-facts">')
        if other:
            parts.append("<h4>Data-quality findings about the facts</h4><ul>" + "".join(map(_finding, other)) + "</ul>")
        if conflicts:
            parts.append("<h4>Conflicting reports</h4><ul>" + "".join(map(_conflict, conflicts)) + "</ul>")
        parts.append("</div>")
    if facts:
        parts.append(
            f"<details open><summary>Facts ({len(facts)}) with their evidence</summary>"
            f"{facts_table(facts, findings)}</details>"
        )
    parts.append("</section>")
    return "".join(parts)
