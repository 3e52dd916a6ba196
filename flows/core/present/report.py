"""`newsetl report`: one self-contained HTML page of the aggregates, for people who would
rather look than read. The data is embedded as JSON and drawn as SVG by a small inline script
(no network, no libraries), so the page works offline and a headless browser can check it.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

_QUERIES = {
    "events": "select event_id, coalesce(name_en, event_name) as event, event_year, province, "
              "total_projects, total_investment_cny, source_articles from event_totals "
              "where total_investment_cny is not null or total_projects is not null",
    "sectors": "select event_id, sector_code, sector_name_en, projects, investment_cny "
               "from sector_totals where sector_level = 'sector' and investment_cny is not null",
    "bands": "select event_id, band_label, band_min, projects, investment_cny, is_derived "
             "from size_band_totals",
    "years": "select event_year, sum(investment_cny) as investment_cny, sum(projects) as projects "
             "from province_year_totals where event_year is not null group by event_year "
             "order by event_year",
}


def collect(con) -> dict[str, list[dict]]:
    data = {}
    for name, query in _QUERIES.items():
        rel = con.sql(query)
        data[name] = [dict(zip(rel.columns, row)) for row in rel.fetchall()]
    return data


def render(data: dict[str, list[dict]], title: str = "newsetl: investment projects by event") -> str:
    payload = json.dumps(data, ensure_ascii=False, default=str).replace("</", "<\\/")
    return _TEMPLATE.replace("{{title}}", html.escape(title)).replace("{{data}}", payload)


def write_report(con, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(render(collect(con)), encoding="utf-8")
    tmp.replace(out)
    return out


_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px} h2{font-size:17px;margin-top:28px} .event{border-top:1px solid #ddd;padding-top:8px}
.muted{color:#777} svg text{font-size:12px} .bar{fill:#3b6ea8} .derived{fill:#9db7d5} .year{fill:#c4672d}
table{border-collapse:collapse} td,th{padding:2px 8px;text-align:right} th{text-align:left}
</style></head>
<body>
<h1>{{title}}</h1>
<p class="muted">Investment in yuan; each event counted once however many reports covered it.
Lighter size-band bars are derived from the cumulative bands reports state.</p>
<h2>Investment by year</h2><div id="years"></div>
<div id="events"></div>
<script id="report-data" type="application/json">{{data}}</script>
<script>
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const NS = "http://www.w3.org/2000/svg";
  const fmt = v => v == null ? "n/a" : v >= 1e9 ? (v / 1e9).toFixed(2) + " bn" : (v / 1e6).toFixed(1) + " m";
  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    return node;
  }
  function bars(rows, label, value, cls) {
    const rowH = 22, labelW = 260, width = 760, max = Math.max(...rows.map(r => value(r) || 0), 1);
    const svg = el("svg", {width: width, height: rows.length * rowH + 10, class: "chart", role: "img"});
    rows.forEach((r, i) => {
      const w = Math.max(1, (value(r) || 0) / max * (width - labelW - 110));
      svg.appendChild(el("text", {x: 0, y: i * rowH + 15}, label(r)));
      svg.appendChild(el("rect", {x: labelW, y: i * rowH + 3, width: w, height: rowH - 6,
                                  class: typeof cls === "function" ? cls(r) : cls}));
      svg.appendChild(el("text", {x: labelW + w + 6, y: i * rowH + 15}, fmt(value(r))));
    });
    return svg;
  }
  const years = document.getElementById("years");
  if (data.years.length) years.appendChild(bars(data.years, r => String(r.event_year), r => r.investment_cny, "year"));
  else years.textContent = "No dated events yet.";
  const host = document.getElementById("events");
  data.events.forEach(ev => {
    const box = document.createElement("div");
    box.className = "event";
    box.dataset.eventId = ev.event_id;
    const h = document.createElement("h2");
    h.textContent = `${ev.event || "(unnamed event)"} ${ev.event_year || ""}`;
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = `${ev.total_projects ?? "n/a"} projects, ${fmt(ev.total_investment_cny)} yuan` +
      ` (${ev.province || "province unknown"}; ${ev.source_articles} report(s))`;
    box.append(h, p);
    const sectors = data.sectors.filter(s => s.event_id === ev.event_id);
    if (sectors.length) {
      box.appendChild(Object.assign(document.createElement("h3"), {textContent: "By sector"}));
      box.appendChild(bars(sectors, s => s.sector_name_en || s.sector_code, s => s.investment_cny, "bar"));
    }
    const bands = data.bands.filter(b => b.event_id === ev.event_id && b.investment_cny != null);
    if (bands.length) {
      box.appendChild(Object.assign(document.createElement("h3"), {textContent: "By project size"}));
      box.appendChild(bars(bands, b => b.band_label, b => b.investment_cny, b => b.is_derived ? "derived" : "bar"));
    }
    host.appendChild(box);
  });
  document.body.dataset.rendered = document.querySelectorAll("svg.chart rect").length;
})();
</script>
</body></html>
"""
