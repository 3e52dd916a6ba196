"""Small HTML pieces the report's parts share: escaping, how an event is named, placed and
dated, amounts in their currency, the flags (findings, conflicts, missing name, year or total) shown beside an event, and
number cells that sort by their value.
"""

from __future__ import annotations

import html
import re

from flows.core.present import report_charts as charts


def e(value) -> str:
    return html.escape("" if value is None else str(value))


def event_anchor(event_id) -> str:
    return "event-" + re.sub(r"[^A-Za-z0-9_-]", "_", str(event_id))


def event_name(ev: dict) -> str:
    return ev.get("name_en") or ev.get("event_name") or "(unnamed event)"


def event_name_zh(ev: dict) -> str | None:
    zh = ev.get("name_zh") or (ev.get("event_name") if ev.get("name_en") else None)
    return zh if zh and zh != event_name(ev) else None


def place(ev: dict) -> str:
    parts = [p for p in (ev.get("city"), ev.get("province")) if p]
    return ", ".join(dict.fromkeys(parts)) or "place unknown"


def year_label(ev: dict) -> str:
    return str(ev["event_year"]) if ev.get("event_year") is not None else charts.UNKNOWN_YEAR


def langs(ev: dict) -> str:
    return " · ".join(f"{lang} {n}" for lang, n in sorted(ev.get("languages", {}).items())) or "—"


def reported_money(amount, currency) -> str:
    """An amount as a report gives it: in yuan when it is CNY (or has no currency), else in its own."""
    if amount is None:
        return "n/a"
    return charts.yuan(amount) if (currency or "CNY") == "CNY" else f"{amount:,.0f} {currency}"


def flag(text: str, cls: str, title: str = "") -> str:
    return f'<span class="flag {cls}" title="{e(title)}">{e(text)}</span>'


def event_flags(ev: dict, findings: list[dict]) -> list[str]:
    flags = []
    for f in findings:
        flags.append(flag(f["check_name"], f.get("severity") or "warning", f.get("detail") or ""))
    if ev.get("conflicted_facts"):
        n = ev["conflicted_facts"]
        flags.append(flag(f"{n} conflict{'s' if n != 1 else ''}", "conflict", "reports disagree on figures"))
    if ev.get("event_year") is None:
        flags.append(flag("no year", "note", "no report gives the event's year"))
    if not (ev.get("name_en") or ev.get("event_name")):
        flags.append(flag("no name", "note", "no report names the event"))
    if ev.get("total_investment_cny") is None and ev.get("total_projects") is None:
        flags.append(flag("no total", "note", "no headline total"))
    return flags


def num_cell(value, text: str) -> str:
    sort = "" if value is None else f' data-v="{float(value)!r}"'
    return f'<td class="num"{sort}>{e(text)}</td>'
