"""The report's charts as Vega-Lite specs, built with altair and drawn in the page by the Vega
bundle that vl-convert-python ships (inlined, so the page needs no network).

Every chart is horizontal bars with the figures written at the end of each bar (projects and
yuan), labels cut to a fixed width with an ellipsis (the full text is in the tooltip) so a long
label never runs into a bar. Sectors are drawn as a tree against the event's headline total:
sub-sectors are indented under their parent and coloured apart, and a note says bars overlap
and do not add up; size bands are disjoint, with derived bands coloured apart.

Why Vega-Lite: the inlined bundle is 0.9 MB (plotly.js would be 4.8 MB), specs are plain JSON,
and Vega draws SVG whose text (the figures on the bars) a headless browser's DOM shows.
"""

from __future__ import annotations

import altair as alt

FONT = (
    'system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"WenQuanYi Micro Hei", sans-serif'
)
LABEL_LIMIT = 230  # px: longer axis labels end in an ellipsis instead of running into the bars
WIDTH = 430
INDENT = "↳ "  # a sub-sector's label (axis labels are right-aligned: an indent would not show)
BN = 1e9  # money axes in billions of yuan


def yuan(value) -> str:
    if value is None:
        return "n/a"
    value = float(value)
    for scale, unit in ((1e12, "trn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {unit} yuan"
    return f"{value:,.0f} yuan"


def projects(value) -> str:
    return "projects n/a" if value is None else f"{int(value):,} project" + ("" if value == 1 else "s")


def _figures(count, amount) -> str:
    return f"{projects(count)} · {yuan(amount)}"


def _bars(rows: list[dict], kinds: dict[str, str], money: bool, title: str, rule: float | None = None) -> dict:
    """Horizontal bars of rows {label, value, text, kind, tip}, in the given order; values in yuan
    (drawn in billions) when `money`, else project counts."""
    x_title = "investment, bn yuan" if money else "projects (no amounts reported)"
    if money:
        rows = [{**r, "value": r["value"] / BN} for r in rows]
        rule = None if rule is None else rule / BN
    order = [r["label"] for r in rows]
    top = max([r["value"] or 0 for r in rows] + [rule or 0, 1e-9])
    x = alt.X(
        "value:Q",
        title=x_title,
        scale=alt.Scale(domain=[0, top * 1.55], nice=False),
        axis=alt.Axis(format=",~r", tickCount=4),
    )
    y = alt.Y(
        "label:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT, labelFontSize=12, labelPadding=6)
    )
    data = alt.Data(values=rows)
    bars = (
        alt.Chart(data)
        .mark_bar(height={"band": 0.72})
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=list(kinds), range=list(kinds.values())),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=480),
            ),
            tooltip=[alt.Tooltip("tip:N", title="row"), alt.Tooltip("text:N", title="figures")],
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text(align="left", baseline="middle", dx=4, fontSize=11, color="#222")
        .encode(x=x, y=y, text="text:N")
    )
    layers = [bars, labels]
    if rule is not None:  # the headline total as a dashed line, under the figures
        layers.insert(
            1,
            alt.Chart(alt.Data(values=[{"value": rule}]))
            .mark_rule(color="#b03030", strokeDash=[4, 3], opacity=0.6)
            .encode(x="value:Q"),
        )
    chart = alt.layer(*layers).properties(width=WIDTH, height=alt.Step(24), title=title)
    return chart.configure(font=FONT).configure_view(stroke=None).to_dict(validate=False)


SECTOR_KINDS = {
    "event total (headline)": "#8a8a8a",
    "sector as reported": "#3b6ea8",
    "roll-up of its sub-sectors": "#1f3f66",
    "sub-sector (part of the row above)": "#9db7d5",
}


def _sector_tree(sectors: list[dict]) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """The top-level rows by sector code and the sub-sectors under each; a sub-sector whose
    parent is not among the rows stands as a top-level row of its own."""
    by_code: dict[str, dict] = {}
    for s in sectors:
        if s.get("parent_sector_code") is None:
            # a parent roll-up replaces the same sector as reported (max of own and children)
            if s["sector_code"] not in by_code or s.get("sector_level") == "parent":
                by_code[s["sector_code"]] = s
    children: dict[str, list[dict]] = {}
    for s in sectors:
        if s.get("parent_sector_code") is not None and s.get("sector_level") != "parent":
            if s["parent_sector_code"] in by_code:
                children.setdefault(s["parent_sector_code"], []).append(s)
            else:
                by_code[s["sector_code"]] = s
    return by_code, children


def sector_rows(sectors: list[dict], event: dict) -> list[dict]:
    """The event's sectors as a tree: each top-level sector (its roll-up row if it has
    sub-sectors), then its sub-sectors indented. Rows never add up to the total."""
    by_code, children = _sector_tree(sectors)
    use_money = any(s.get("investment_cny") is not None for s in sectors)

    def measure(s):
        return s.get("investment_cny") if use_money else s.get("projects")

    def key(s):
        return -(measure(s) or 0)

    def name(s):
        return s.get("sector_name_en") or s.get("sector_code") or "?"

    rows = [
        {
            "label": "Event total (headline)",
            "value": (event.get("total_investment_cny") if use_money else event.get("total_projects")) or 0,
            "text": _figures(event.get("total_projects"), event.get("total_investment_cny")),
            "kind": "event total (headline)",
            "tip": "the event's headline total",
        }
    ]
    own = {s["sector_code"] for s in sectors if s.get("sector_level") == "sector"}
    for top in sorted(by_code.values(), key=key):
        rolled = top.get("sector_level") == "parent"
        kind = "roll-up of its sub-sectors" if rolled and top["sector_code"] not in own else "sector as reported"
        parent = top.get("parent_sector_code")
        label = name(top) + (f" (in {parent})" if parent else "")
        rows.append(
            {
                "label": label,
                "value": measure(top) or 0,
                "kind": kind,
                "tip": label,
                "text": _figures(top.get("projects"), top.get("investment_cny")),
            }
        )
        for child in sorted(children.get(top["sector_code"], []), key=key):
            rows.append(
                {
                    "label": INDENT + name(child),
                    "value": measure(child) or 0,
                    "kind": "sub-sector (part of the row above)",
                    "tip": f"{name(child)}, part of {name(top)}",
                    "text": _figures(child.get("projects"), child.get("investment_cny")),
                }
            )
    return rows


def sector_chart(sectors: list[dict], event: dict) -> dict:
    rows = sector_rows(sectors, event)
    use_money = any(s.get("investment_cny") is not None for s in sectors)
    title = "By sector (sectors overlap; ↳ sub-sectors are part of the row above; bars do not add up)"
    return _bars(rows, SECTOR_KINDS, use_money, title, rule=rows[0]["value"])


BAND_KINDS = {"band stated by a report": "#3b6ea8", "band derived (difference or remainder)": "#9db7d5"}


def band_chart(bands: list[dict]) -> dict:
    use_money = any(b.get("investment_cny") is not None for b in bands)
    rows = [
        {
            "label": b.get("band_label") or "?",
            "value": (b.get("investment_cny") if use_money else b.get("projects")) or 0,
            "kind": "band derived (difference or remainder)" if b.get("is_derived") else "band stated by a report",
            "tip": b.get("band_label") or "?",
            "text": _figures(b.get("projects"), b.get("investment_cny")),
        }
        for b in bands
    ]
    title = "By project size (disjoint bands: they add up to the total)"
    return _bars(rows, BAND_KINDS, use_money, title)


YEAR_KINDS = {"events without findings": "#3b6ea8", "events with DQ findings or conflicts": "#d08a2e"}
UNKNOWN_YEAR = "unknown year"


def _year_buckets(events: list[dict]) -> dict[str, dict]:
    """Per year label: how many events and projects, the headline investment of events with and
    without findings (or conflicts), and how many are flagged."""
    years: dict[str, dict] = {}
    for ev in events:
        label = str(ev["event_year"]) if ev.get("event_year") is not None else UNKNOWN_YEAR
        y = years.setdefault(label, {"events": 0, "projects": 0, "flagged": 0.0, "clean": 0.0, "flagged_n": 0})
        y["events"] += 1
        y["projects"] += ev.get("total_projects") or 0
        flagged = bool(ev.get("dq_issues") or ev.get("conflicted_facts"))
        y["flagged_n"] += flagged
        y["flagged" if flagged else "clean"] += ev.get("total_investment_cny") or 0
    return years


def _year_bars(years: dict[str, dict], order: list[str]) -> tuple[list[dict], list[dict]]:
    """The stacked bar parts (clean and flagged investment, in billions) and the figures written
    at the end of each year's bar."""
    parts, labels = [], []
    for label in order:
        y = years[label]
        for kind, key in (("events without findings", "clean"), ("events with DQ findings or conflicts", "flagged")):
            if y[key]:
                parts.append({"label": label, "value": y[key] / BN, "kind": kind, "tip": yuan(y[key])})
        total = y["clean"] + y["flagged"]
        text = f"{y['events']} event{'s' if y['events'] != 1 else ''} · {projects(y['projects'])} · {yuan(total)}"
        if y["flagged_n"]:
            text += f" · {y['flagged_n']} flagged"
        labels.append({"label": label, "value": total / BN, "text": text})
    return parts, labels


def year_chart(events: list[dict]) -> dict:
    """Headline investment by event year, each event once; events without a year in their own
    bucket; the share of events with findings stacked apart so an outlier is seen flagged."""
    years = _year_buckets(events)
    order = sorted((k for k in years if k != UNKNOWN_YEAR)) + ([UNKNOWN_YEAR] if UNKNOWN_YEAR in years else [])
    parts, labels = _year_bars(years, order)
    top = max([r["value"] for r in labels] + [1e-9])
    x = alt.X(
        "value:Q",
        title="headline investment, bn yuan",
        scale=alt.Scale(domain=[0, top * 1.9], nice=False),
        axis=alt.Axis(format=",~r", tickCount=4),
        stack="zero",
    )
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    bars = (
        alt.Chart(alt.Data(values=parts))
        .mark_bar(height={"band": 0.72})
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "kind:N",
                title=None,
                legend=alt.Legend(orient="bottom", labelLimit=480),
                scale=alt.Scale(domain=list(YEAR_KINDS), range=list(YEAR_KINDS.values())),
            ),
            tooltip=[
                alt.Tooltip("label:N", title="year"),
                alt.Tooltip("kind:N", title="events"),
                alt.Tooltip("tip:N", title="investment"),
            ],
        )
    )
    text = (
        alt.Chart(alt.Data(values=labels))
        .mark_text(align="left", baseline="middle", dx=4, fontSize=11)
        .encode(x=alt.X("value:Q", scale=alt.Scale(domain=[0, top * 1.9], nice=False)), y=y, text="text:N")
    )
    chart = alt.layer(bars, text).properties(
        width=560, height=alt.Step(24), title="Investment by year (each event's headline total once)"
    )
    return chart.configure(font=FONT).configure_view(stroke=None).to_dict(validate=False)
