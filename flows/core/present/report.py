"""`newsetl report`: one self-contained HTML page to trust and drill into.

- a header of run facts: when the page was made, from which run, how many files, articles,
  facts, conflicts, findings, and which files were quarantined;
- investment by year (events without a year in an "unknown year" bucket, events with findings
  stacked apart);
- a table of events that sorts (click a header) and filters (the text box), each row linking to
  the event's section;
- per event: sectors as a tree against the headline total and disjoint size bands, each chart
  with the data-quality findings about it beside it; conflicts and the other findings beside
  the facts; every fact with the sentences and source files behind it.

Tables and text are HTML written here; charts are Vega-Lite specs (`report_charts`) drawn by the
Vega bundle of vl-convert-python, inlined: the page loads nothing from the network.
"""

from __future__ import annotations

import functools
import html
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from flows.core.present import report_charts as charts
from flows.core.present.report_data import collect

TITLE = "newsetl: investment projects by event"
SECTOR_CHECKS = {"sector_parts_exceed_total"}
BAND_CHECKS = {"bands_not_monotone"}


def e(value) -> str:
    return html.escape("" if value is None else str(value))


def _slug(event_id) -> str:
    return "event-" + re.sub(r"[^A-Za-z0-9_-]", "_", str(event_id))


def event_name(ev: dict) -> str:
    return ev.get("name_en") or ev.get("event_name") or "(unnamed event)"


def event_name_zh(ev: dict) -> str | None:
    zh = ev.get("name_zh") or (ev.get("event_name") if ev.get("name_en") else None)
    return zh if zh and zh != event_name(ev) else None


def place(ev: dict) -> str:
    parts = [p for p in (ev.get("city"), ev.get("province")) if p]
    return ", ".join(dict.fromkeys(parts)) or "place unknown"


def _year(ev: dict) -> str:
    return str(ev["event_year"]) if ev.get("event_year") is not None else charts.UNKNOWN_YEAR


def _langs(ev: dict) -> str:
    return " · ".join(f"{lang} {n}" for lang, n in sorted(ev.get("languages", {}).items())) or "—"


def _flag(text: str, cls: str, title: str = "") -> str:
    return f'<span class="flag {cls}" title="{e(title)}">{e(text)}</span>'


def _event_flags(ev: dict, findings: list[dict]) -> list[str]:
    flags = []
    for f in findings:
        flags.append(_flag(f["check_name"], f.get("severity") or "warning", f.get("detail") or ""))
    if ev.get("conflicted_facts"):
        n = ev["conflicted_facts"]
        flags.append(_flag(f"{n} conflict{'s' if n != 1 else ''}", "conflict", "reports disagree on figures"))
    if ev.get("event_year") is None:
        flags.append(_flag("no year", "note", "no report gives the event's year"))
    if not (ev.get("name_en") or ev.get("event_name")):
        flags.append(_flag("no name", "note", "no report names the event"))
    if ev.get("total_investment_cny") is None and ev.get("total_projects") is None:
        flags.append(_flag("no total", "note", "no headline total"))
    return flags


def _num_cell(value, text: str) -> str:
    sort = "" if value is None else f' data-v="{float(value)!r}"'
    return f'<td class="num"{sort}>{e(text)}</td>'


def _header(run: dict, generated: str, n_events: int) -> str:
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


def _event_table(events: list[dict], findings: dict[str, list[dict]]) -> str:
    head = "".join(f'<th data-col="{i}" tabindex="0" aria-sort="none">{e(c)}</th>' for i, c in enumerate(_COLUMNS))
    rows = []
    for ev in events:
        slug = _slug(ev["event_id"])
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
            + _num_cell(
                ev.get("total_projects"), f"{ev['total_projects']:,}" if ev.get("total_projects") is not None else "n/a"
            )
            + _num_cell(ev.get("total_investment_cny"), charts.yuan(ev.get("total_investment_cny")))
            + _num_cell(ev.get("source_articles"), str(ev.get("source_articles") or 0))
            + f"<td>{e(_langs(ev))}</td>"
            + f'<td class="flags">{" ".join(_event_flags(ev, findings.get(ev["event_id"], [])))}</td></tr>'
        )
    return (
        '<section id="events"><h2>Events</h2>'
        '<p><label>Filter events: <input id="event-filter" type="search" '
        'placeholder="name, place, year, flag..."></label> <span id="event-count" class="muted">'
        f"{len(events)} of {len(events)} events</span> "
        '<span class="muted">· click a column header to sort</span></p>'
        f'<table id="event-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


def _finding(f: dict) -> str:
    link = f' <a href="#fact-{e(f["fact_id"])}">see the fact</a>' if f.get("fact_id") else ""
    return (
        f'<li class="finding {e(f.get("severity"))}">{_flag(f["check_name"], f.get("severity") or "warning")} '
        f"{e(f.get('detail'))}{link}</li>"
    )


def _aside(findings: list[dict], empty: str) -> str:
    if not findings:
        return f'<aside class="dq ok"><p class="muted">{e(empty)}</p></aside>'
    return '<aside class="dq"><h4>Data-quality findings</h4><ul>' + "".join(map(_finding, findings)) + "</ul></aside>"


def _conflict(c: dict) -> str:
    def figs(count, amount, currency):
        money = (
            "n/a"
            if amount is None
            else (charts.yuan(amount) if (currency or "CNY") == "CNY" else f"{amount:,.0f} {currency}")
        )
        return f"{charts.projects(count)} · {money}"

    return (
        f'<li class="conflict"><a href="#fact-{e(c["fact_id"])}">fact</a>: kept '
        f"<b>{e(figs(c.get('kept_project_count'), c.get('kept_amount'), c.get('kept_currency')))}</b> "
        f"from <code>{e(c.get('kept_source_file'))}</code>; "
        f"<code>{e(c.get('reported_source_file'))}</code> reports "
        f"<b>{e(figs(c.get('reported_project_count'), c.get('reported_amount'), c.get('reported_currency')))}</b>"
        f": <q>{e(c.get('reported_evidence'))}</q></li>"
    )


def _band(lo, hi) -> str | None:
    if lo is None and hi is None:
        return None
    if hi is None:
        return f"≥ {charts.yuan(lo)} per project"
    if lo is None:
        return f"< {charts.yuan(hi)} per project"
    return f"{charts.yuan(lo)} – {charts.yuan(hi)} per project"


def _fact_order(facts: list[dict]) -> list[tuple[int, dict]]:
    ids = {f["fact_id"] for f in facts}
    kids: dict[str | None, list[dict]] = {}
    for f in facts:
        kids.setdefault(f["parent_fact_id"] if f.get("parent_fact_id") in ids else None, []).append(f)
    out: list[tuple[int, dict]] = []

    def walk(parent, depth):
        ranked = sorted(
            kids.get(parent, []),
            key=lambda f: (-(f.get("amount_cny") or 0), -(f.get("project_count") or 0), f["fact_id"]),
        )
        for f in ranked:
            out.append((depth, f))
            if depth < 8:
                walk(f["fact_id"], depth + 1)

    walk(None, 0)
    return out


def _mention(m: dict) -> str:
    role = m.get("role") or "?"
    where = f"<code>{e(m.get('source_file'))}</code>"
    meta = [x for x in (m.get("source"), m.get("lang"), m.get("title")) if x]
    if m.get("url"):
        meta.append(f"URL {m['url']}")  # as text: the page links to nothing outside itself
    if m.get("retired_at"):
        meta.append("retired")
    figs = ""
    if role == "conflicts":
        amount = m.get("amount")
        money = (
            "n/a"
            if amount is None
            else (
                charts.yuan(amount) if (m.get("currency") or "CNY") == "CNY" else f"{amount:,.0f} {m.get('currency')}"
            )
        )
        figs = f" <b>reports {e(charts.projects(m.get('project_count')))} · {e(money)}</b>"
    return (
        f'<li class="mention {e(role)}">{_flag(role, "role-" + role)}{figs} <q class="evidence">'
        f'{e(m.get("evidence"))}</q> <span class="src">{where}'
        + (f" · {e(' · '.join(meta))}" if meta else "")
        + "</span></li>"
    )


def _facts_table(facts: list[dict], findings: list[dict]) -> str:
    by_fact: dict[str, list[dict]] = {}
    for f in findings:
        if f.get("fact_id"):
            by_fact.setdefault(f["fact_id"], []).append(f)
    rows = []
    for depth, f in _fact_order(facts):
        amount = f.get("amount")
        money = charts.yuan(f.get("amount_cny"))
        if amount is not None and (f.get("currency") or "CNY") != "CNY":
            money += f" ({amount:,.0f} {f['currency']})"
        scope = [
            x
            for x in (
                f.get("stage"),
                f.get("sector_name_en") or f.get("sector_code"),
                _band(f.get("size_min"), f.get("size_max")),
                f.get("region"),
                f.get("project_name") and f"“{f['project_name']}”",
                "approximate" if f.get("approximate") else None,
            )
            if x
        ]
        flags = [
            _flag(x["check_name"], x.get("severity") or "warning", x.get("detail") or "")
            for x in by_fact.get(f["fact_id"], [])
        ]
        if f.get("has_conflict"):
            flags.append(_flag("conflict", "conflict", "a report disagrees with the figures kept"))
        indent = "↳ " * min(depth, 1)
        rows.append(
            f'<tr id="fact-{e(f["fact_id"])}" class="depth-{min(depth, 3)}">'
            f'<td class="fig">{indent}{e(charts.projects(f.get("project_count")))}<br>{e(money)}</td>'
            f'<td>{e(" · ".join(scope))}</td><td class="flags">{" ".join(flags)}</td>'
            f'<td><ul class="mentions">{"".join(map(_mention, f.get("mentions", [])))}</ul></td></tr>'
        )
    return (
        '<table class="facts"><thead><tr><th>figures</th><th>scope</th><th>flags</th>'
        "<th>reports: evidence sentence · source file · outlet</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _event_section(ev: dict, data: dict, specs: dict) -> str:
    eid = ev["event_id"]
    slug = _slug(eid)
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
        + f" <small>{e(_year(ev))} · {e(place(ev))}</small></h2>",
        f'<p class="summary">Headline total: <b>{e(charts.projects(ev.get("total_projects")))} · '
        f"{e(charts.yuan(ev.get('total_investment_cny')))}</b> · {e(ev.get('source_articles') or 0)} report(s) "
        f"({e(_langs(ev))}) · {e(ev.get('facts') or 0)} facts · "
        f'{" ".join(_event_flags(ev, findings)) or "no findings"} · <a href="#events">back to the table</a></p>',
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
            f"{_facts_table(facts, findings)}</details>"
        )
    parts.append("</section>")
    return "".join(parts)


def _event_order(ev: dict):
    year = ev.get("event_year")
    return (year is None, year or 0, -(ev.get("total_investment_cny") or 0), event_name(ev), ev["event_id"])


def render(data: dict, generated: datetime | None = None) -> str:
    generated_text = (generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M:%S %Z").strip()
    events = sorted(data["events"], key=_event_order)
    dq_by_event: dict[str, list[dict]] = {}
    for f in data["dq"]:
        dq_by_event.setdefault(f.get("event_id"), []).append(f)
    data = {**data, "dq_by_event": dq_by_event}
    specs: dict[str, dict] = {}
    if events:
        specs["chart-years"] = charts.year_chart(events)
    sections = "".join(_event_section(ev, data, specs) for ev in events)
    body = (
        _header(data["run"], generated_text, len(events))
        + '<section id="by-year"><h2>Investment by year</h2>'
        + ('<div class="chart" id="chart-years"></div>' if events else "<p>No events yet.</p>")
        + '<p class="muted">Each event counted once (its headline total); events without a year are in the '
        '"unknown year" bar; orange: events with data-quality findings or conflicting reports '
        "(see the table's DQ flags).</p></section>" + _event_table(events, dq_by_event) + sections
    )
    payload = json.dumps(specs, ensure_ascii=False, default=str).replace("</", "<\\/")
    fills = {"title": e(TITLE), "font": charts.FONT, "vega": _vega_bundle(), "body": body, "specs": payload}
    # one pass, so nothing a report or the bundle contains is taken for a placeholder
    return re.sub(r"\{\{(\w+)\}\}", lambda m: fills[m.group(1)], _TEMPLATE)


@functools.lru_cache(maxsize=1)
def _vega_bundle() -> str:
    import vl_convert

    bundle = vl_convert.javascript_bundle()
    assert "</script" not in bundle.lower()
    return bundle


def write_report(con, out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(render(collect(con)), encoding="utf-8")
    tmp.replace(out)
    return out


_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 {{font}};margin:24px;color:#222;max-width:1280px}
h1{font-size:22px;margin:0 0 8px} h2{font-size:18px;margin:28px 0 6px} h4{margin:4px 0}
.zh{color:#444;font-weight:normal} h2 small{color:#666;font-weight:normal;font-size:14px}
.muted{color:#777} code{font-size:12px;background:#f3f3f3;padding:0 3px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
dl.facts dt{color:#666} dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%} th,td{padding:3px 8px;border-bottom:1px solid #e4e4e4;
vertical-align:top;text-align:left} td.num{text-align:right;white-space:nowrap}
#event-table th{cursor:pointer;user-select:none;background:#f5f5f5;position:sticky;top:0}
#event-table th[aria-sort=ascending]::after{content:" ▲"} #event-table th[aria-sort=descending]::after{content:" ▼"}
.flag{display:inline-block;font-size:11px;padding:0 5px;border-radius:3px;margin:1px 2px 1px 0;white-space:nowrap}
.flag.error{background:#f6d2d2;color:#8a1010} .flag.warning{background:#fbe6c2;color:#7a4a00}
.flag.conflict{background:#e7d6f5;color:#4b1f73} .flag.note{background:#e8e8e8;color:#444}
.flag.role-chosen{background:#d6ead6;color:#1d5b1d} .flag.role-agrees{background:#e3f0e3;color:#2d6a2d}
.flag.role-conflicts{background:#e7d6f5;color:#4b1f73}
.event{border-top:2px solid #ccc;margin-top:28px}
.figure{display:grid;grid-template-columns:max-content minmax(240px,1fr);gap:16px;align-items:start;margin:10px 0}
aside.dq,div.dq{background:#fff8ec;border-left:3px solid #d08a2e;padding:6px 10px;font-size:13px}
aside.dq.ok{background:#f6f8f6;border-left-color:#9bb59b} aside.dq ul,div.dq ul{margin:4px 0;padding-left:18px}
table.facts{font-size:13px} table.facts td.fig{white-space:nowrap} tr.depth-1 td.fig{padding-left:22px}
tr.depth-2 td.fig,tr.depth-3 td.fig{padding-left:40px} ul.mentions{margin:0;padding-left:16px}
q.evidence{color:#333} .src{color:#666;font-size:12px} li.mention.conflicts{background:#f7f0fc}
:target{outline:2px solid #d08a2e}
.chart-error{color:#8a1010}
</style>
<script type="text/javascript">
// Vega, Vega-Lite and vega-embed, as vl-convert-python ships them: nothing is fetched.
{{vega}}
</script>
</head>
<body>
{{body}}
<script id="chart-specs" type="application/json">{{specs}}</script>
<script>
(function () {
  const table = document.getElementById("event-table");
  if (table) {
    const body = table.tBodies[0];
    const key = (row, col) => {
      const cell = row.cells[col];
      return cell.dataset.v !== undefined ? parseFloat(cell.dataset.v) : cell.textContent.trim().toLowerCase();
    };
    table.querySelectorAll("th").forEach(th => {
      const sort = () => {
        const col = +th.dataset.col, dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        table.querySelectorAll("th").forEach(h => h.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = key(a, col), y = key(b, col);
          const xm = x === "" || x === "n/a" || x === "—" || (typeof x === "number" && isNaN(x));
          const ym = y === "" || y === "n/a" || y === "—" || (typeof y === "number" && isNaN(y));
          if (xm !== ym) return xm ? 1 : -1;  // missing values last either way
          if (typeof x === "number" && typeof y === "number") return (x - y) * dir;
          if (typeof x === "number") return -1;
          if (typeof y === "number") return 1;
          return String(x).localeCompare(String(y)) * dir;
        });
        rows.forEach(r => body.appendChild(r));
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", ev => { if (ev.key === "Enter") sort(); });
    });
    const filter = document.getElementById("event-filter"), count = document.getElementById("event-count");
    const apply = () => {
      const q = filter.value.trim().toLowerCase();
      let shown = 0;
      Array.from(body.rows).forEach(r => {
        const hit = !q || r.textContent.toLowerCase().includes(q);
        r.hidden = !hit;
        shown += hit;
      });
      count.textContent = `${shown} of ${body.rows.length} events`;
    };
    filter.addEventListener("input", apply);
    // report.html?q=words filters, ?sort=column (&dir=desc) sorts: links that keep a view
    const params = new URLSearchParams(location.search);
    if (params.get("q")) { filter.value = params.get("q"); apply(); }
    const by = Array.from(table.querySelectorAll("th")).find(th => th.textContent === params.get("sort"));
    if (by) { by.click(); if (params.get("dir") === "desc") by.click(); }
  }
  const specs = JSON.parse(document.getElementById("chart-specs").textContent);
  const ids = Object.keys(specs);
  if (typeof vegaEmbed !== "function") {
    document.body.dataset.charts = "error: no vega";
    return;
  }
  Promise.all(ids.map(id => vegaEmbed("#" + CSS.escape(id), specs[id], {renderer: "svg", actions: false})
    .catch(err => {
      const el = document.getElementById(id);
      el.classList.add("chart-error");
      el.textContent = "chart failed: " + err;
      throw err;
    })))
    .then(() => { document.body.dataset.charts = String(ids.length); })
    .catch(err => { document.body.dataset.charts = "error: " + err; });
})();
</script>
</body></html>
"""
