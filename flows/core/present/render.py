"""Render query results: an aligned table for the terminal, CSV/TSV for spreadsheets, a JSON array
or JSON lines for programs, a Markdown table for notes.

The table aligns by display width: a CJK character takes two terminal columns
(`unicodedata.east_asian_width` W/F), combining marks none. JSON takes any DuckDB value: dates
and times as ISO 8601, DECIMAL as a number, BLOB as hex text, INTERVAL as text, UUID as text,
lists and structs as arrays and objects, NaN and infinities as text.
"""

from __future__ import annotations

import csv
import io
import json
import math
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from uuid import UUID

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")


def display_width(text: str) -> int:
    """Terminal columns `text` takes: East Asian wide and fullwidth characters count two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


_SHOWN = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}


def one_line(text: str) -> str:
    """One terminal line per row, nothing the terminal would act on: newlines and tabs shown as
    escapes, every other control character (ESC of a terminal sequence, BEL, C1) as \\xNN."""
    if text.isprintable():
        return text
    return "".join(_SHOWN.get(ch) or (f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch) for ch in text)


def _interval(value: timedelta) -> str:
    """ISO 8601 duration: 3 days 4 hours -> P3DT4H (DuckDB's Python client gives months as
    30 days)."""
    sign = "-" if value < timedelta(0) else ""
    value = abs(value)
    seconds = value.seconds + value.microseconds / 1e6
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    clock = "".join(
        f"{int(n) if n == int(n) else round(n, 6)}{unit}"
        for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S"))
        if n
    )
    return f"{sign}P{value.days}D" + (f"T{clock}" if clock else "") if value.days or not clock else f"{sign}PT{clock}"


def _text(value) -> str:
    """A value as text for table, CSV and Markdown cells (NULL handled by the caller)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return f"{value:.6g}" if abs(value) < 1e6 else f"{value:,.2f}"
    if isinstance(value, Decimal) and value.is_finite() and abs(value) >= 1_000_000:
        return f"{value:,}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(value).hex()
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return _interval(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(jsonable(value), ensure_ascii=False)
    return str(value)


def _csv_text(value) -> str:
    """CSV/TSV cells keep full precision (no thousands separators, no rounding)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        return str(value)
    return _text(value)


def jsonable(value):
    """Any value DuckDB's Python client returns, as something json.dumps takes."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return _interval(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(value).hex()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    return str(value)


def _numeric(values: list) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) for v in present)


def _cut(text: str, max_width: int | None) -> str:
    """At most max_width terminal columns, an ellipsis marking the cut."""
    if not max_width or display_width(text) <= max_width:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > max_width - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _table(columns: list[str], rows: list[tuple], max_width: int | None = None) -> str:
    cells = [[_cut("NULL" if v is None else one_line(_text(v)), max_width) for v in row] for row in rows]
    right = [_numeric([row[i] for row in rows]) for i in range(len(columns))]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return " | ".join(_pad(v, w, r) for v, w, r in zip(values, widths, right, strict=True)).rstrip()

    out = [line(columns), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _markdown(columns: list[str], rows: list[tuple]) -> str:
    def cell(value) -> str:
        text = "NULL" if value is None else _text(value)
        text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")
        return one_line(text)

    right = [_numeric([row[i] for row in rows]) for i in range(len(columns))]
    out = [
        "| " + " | ".join(cell(c) for c in columns) + " |",
        "| " + " | ".join("---:" if r else "---" for r in right) + " |",
    ]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def _delimited(columns: list[str], rows: list[tuple], delimiter: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_text(v) for v in row] for row in rows)
    return buf.getvalue()


def render(columns: list[str], rows: list[tuple], fmt: str, max_width: int | None = None) -> str:
    """`rows` (tuples in `columns` order) as text in one of FORMATS. `max_width` cuts the cells
    of a table to that many terminal columns (other formats keep every character)."""
    if fmt == "json":
        records = [
            json.dumps({c: jsonable(v) for c, v in zip(columns, row, strict=True)}, ensure_ascii=False) for row in rows
        ]  # one array, an object a line (as sqlite-utils writes it)
        return "[" + ",\n ".join(records) + "]\n"
    if fmt == "jsonl":
        return "".join(
            json.dumps({c: jsonable(v) for c, v in zip(columns, row, strict=True)}, ensure_ascii=False) + "\n"
            for row in rows
        )
    if fmt == "csv":
        return _delimited(columns, rows, ",")
    if fmt == "tsv":
        return _delimited(columns, rows, "\t")
    if fmt == "markdown":
        return _markdown(columns, rows)
    if fmt == "table":
        return _table(columns, rows, max_width)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
