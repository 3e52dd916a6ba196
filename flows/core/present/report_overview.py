"""The top of the report: the header of run facts (when the page was made, from which run, how
many files, articles, facts, conflicts and findings, which files were quarantined) and the table
of events that the page's script sorts and filters, each row linking to the event's section.
"""

from __future__ import annotations

from flows.core.present import report_charts as charts
from flows.core.present.report_html import (
    e,
    event_anchor,
    event_flags,
    event_name,
    event_name_zh,
    langs,
    num_cell,
    place,
)

TITLE = "newsetl: investment projects by event"


def header(run: dict, generated: str, n_events: int) -> str:
    r = run.get("run") or {}
    files = run.get("files", {})
    articles = run.get("articles", {})
    quarantine = run.get("quarantine", [])
    seen = sum(files.values())
    file_parts = ", ".join(f"{n} {status}" for status, n in files.items())
    items = [
        ("generated", generated),
        (
            "from run",
            f"{r.get('run_id', 'no run recorded')} ({r.get('status') or 'status n/a'}; "
            f"started {r.get('started_at') or 'n/a'}, finished {r.get('finished_at') or 'n/a'})",
        ),
        ("raw directory", r.get("raw_dir") or "n/a"),
        ("files", f"{seen} known ({file_parts})" if seen else "none"),
        (
            "articles",
            f"{sum(articles.values())} current"
            + (" (" + ", ".join(f"{lang} {n}" for lang, n in articles.items()) + ")" if articles else "")
            + (f", {run.get('retired_articles')} retired" if run.get("retired_articles") else ""),
        ),
        ("events", str(n_events)),
        (
            "facts",
            f"{run.get('facts', 0)} resolved from {run.get('mentions', 0)} mentions; "
            f"{run.get('conflicted_facts', 0)} with conflicting reports",
        ),
        ("data-quality findings", str(run.get("dq_findings", 0))),
        ("quarantined", f"{len(quarantine)} file(s)"),
        ("rejected cohorts", str(run.get("rejects", 0))),
    ]
    dl = "".join(f'<dt>{e(k)}</dt><dd data-fact="{e(k)}">{e(v)}</dd>' for k, v in items)
    q = ""
    if quarantine:
        q = (
            '<details class="quarantine"><summary>Quarantined files and why</summary><ul>'
            + "".join(f"<li><code>{e(x['source_file'])}</code>: {e(x['reason'])}</li>" for x in quarantine)
            + "</ul></details>"
        )
    return f'<header><h1>{e(TITLE)}</h1><dl class="facts">{dl}</dl>{q}</header>'


_COLUMNS = ["event", "year", "place", "projects", "investment", "reports", "languages", "DQ flags"]


def event_table(events: list[dict], findings: dict[str, list[dict]]) -> str:
    head = "".join(f'<th data-col="{i}" tabindex="0" aria-sort="none">{e(c)}</th>' for i, c in enumerate(_COLUMNS))
    rows = []
    for ev in events:
        slug = event_anchor(ev["event_id"])
        zh = event_name_zh(ev)
        name = f'<a href="#{slug}">{e(event_name(ev))}</a>' + (f' <span class="zh">{e(zh)}</span>' if zh else "")
        year = ev.get("event_year")
        rows.append(
            f'<tr data-event="{e(ev["event_id"])}"><td>{name}</td>'
            + (
                f'<td class="num" data-v="{year}">{year}</td>'
                if year is not None
                else f'<td class="num unknown">{charts.UNKNOWN_YEAR}</td>'
            )
            + f"<td>{e(place(ev))}</td>"
            + num_cell(
                ev.get("total_projects"), f"{ev['total_projects']:,}" if ev.get("total_projects") is not None else "n/a"
            )
            + num_cell(ev.get("total_investment_cny"), charts.yuan(ev.get("total_investment_cny")))
            + num_cell(ev.get("source_articles"), str(ev.get("source_articles") or 0))
            + f"<td>{e(langs(ev))}</td>"
            + f'<td class="flags">{" ".join(event_flags(ev, findings.get(ev["event_id"], [])))}</td></tr>'
        )
    return (
        '<section id="events"><h2>Events</h2>'
        '<p><label>Filter events: <input id="event-filter" type="search" '
        'placeholder="name, place, year, flag..."></label> <span id="event-count" class="muted">'
        f"{len(events)} of {len(events)} events</span> "
        '<span class="muted">· click a column header to sort</span></p>'
        f'<table id="event-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )
