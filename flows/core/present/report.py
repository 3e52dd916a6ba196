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

Tables and text are HTML (the header and event table in `report_overview`, each event's section
in `report_event`, its facts in `report_facts`), put together here into one page with its style
and script; charts are Vega-Lite specs (`report_charts`) drawn by the Vega bundle of
vl-convert-python, inlined: the page loads nothing from the network.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from flows.core.present import report_charts as charts
from flows.core.present.report_data import collect
from flows.core.present.report_event import event_section
from flows.core.present.report_html import e, event_name
from flows.core.present.report_overview import TITLE, event_table, header


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
    sections = "".join(event_section(ev, data, specs) for ev in events)
    body = (
        header(data["run"], generated_text, len(events))
        + '<section id="by-year"><h2>Investment by year</h2>'
        + ('<div class="chart" id="chart-years"></div>' if events else "<p>No events yet.</p>")
        + '<p class="muted">Each event counted once (its headline total); events without a year are in the '
        '"unknown year" bar; orange: events with data-quality findings or conflicting reports '
        "(see the table's DQ flags).</p></section>" + event_table(events, dq_by_event) + sections
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
