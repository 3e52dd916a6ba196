"""An event's facts with their evidence: each fact's figures and scope (stage, sector, size band,
region, project), its findings and conflict flag, and every report behind it (the sentence, the
source file and outlet), sub-facts listed under the fact they are part of.
"""

from __future__ import annotations

from flows.core.present import report_charts as charts
from flows.core.present.report_html import e, flag, reported_money


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
        money = reported_money(m.get("amount"), m.get("currency"))
        figs = f" <b>reports {e(charts.projects(m.get('project_count')))} · {e(money)}</b>"
    return (
        f'<li class="mention {e(role)}">{flag(role, "role-" + role)}{figs} <q class="evidence">'
        f'{e(m.get("evidence"))}</q> <span class="src">{where}'
        + (f" · {e(' · '.join(meta))}" if meta else "")
        + "</span></li>"
    )


def facts_table(facts: list[dict], findings: list[dict]) -> str:
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
            flag(x["check_name"], x.get("severity") or "warning", x.get("detail") or "")
            for x in by_fact.get(f["fact_id"], [])
        ]
        if f.get("has_conflict"):
            flags.append(flag("conflict", "conflict", "a report disagrees with the figures kept"))
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
