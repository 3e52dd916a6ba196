"""Event name, year and host place of an article.

Name: a known recurring event (flows/lexicons/events.csv, any alias in either language) wins
over a generic pattern (flows.core.extract.event_names). Year: the one attached to the event, else the edition
ordinal of the event (events.csv first_year or edition_years), else the publication year, else a
full date in the opening lines (dateline), else the most frequent year in the text; which one
is kept as year_source (text | edition | published_at | dateline | text_frequent).
Place: the known event's host, else the dateline, else a venue phrase, else the first place
named in the opening sentences (flows.core.extract.places).
"""

from __future__ import annotations

import re
from collections import Counter

from flows.core.extract.event_names import YEAR, ZH_NUMERALS, find_event_name
from flows.core.extract.places import Place, find_places
from flows.core.model import EventInfo

VENUE_LINES, DATELINE_LINES, PLACE_LINES = 10, 4, 3
_MONTH_EN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b({YEAR})[-/.](?:0?[1-9]|1[0-2])[-/.](?:[0-3]?\d)\b|({YEAR})年\s*\d{{1,2}}月\s*\d{{1,2}}日"
    rf"|\b{_MONTH_EN}\s+\d{{1,2}},?\s+({YEAR})\b|\b\d{{1,2}}\s+{_MONTH_EN}\s+({YEAR})\b"
)
_YEAR_TOKEN = re.compile(YEAR)  # candidates; the context is checked in Python
_NOT_YEAR_AFTER = re.compile(
    r"\d|[.,]\d|\s*(?:%|percent|billion|million|thousand|yuan|dollars|US|"
    r"tons?|projects?|enterprises|companies|亿|万|千|百|元|个|家|人|吨|项|平方)"
)
_DATELINE_EN = re.compile(
    r"\s*(?:,\s*[A-Z][a-z]+\s*)?,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2}\b|\s*\([A-Za-z][\w .]{0,25}\)\s*[:\-–—]"
)
_DATELINE_ZH = re.compile(
    rf"^(.{{0,24}}?)(?:(?:\d{{1,2}}|[{ZH_NUMERALS}]{{1,3}})月)?"
    rf"(?:\d{{1,2}}|[{ZH_NUMERALS}]{{1,3}})日(?:电|讯)"
)
_VENUE_EN = re.compile(
    r"\b(?:held|hosted|organi[sz]ed|took place|opened|kicked off|staged|convened|venue|ran|"
    r"closed)\b[^.;]{0,40}?\bin\s+(?:the\s+(?:city|province)\s+of\s+)?$"
)
# (every branch opens with a literal, so that the regex engine skips to their first letters:
# 'ran(?<=\bran)\b' is '\bran\b')
_VENUE_WORD = re.compile(
    r"held|hosted|organi[sz]ed|took place|opened|kicked off|staged|convened|venue|"
    r"ran(?<=\bran)\b|closed|举行|举办|召开|开幕|闭幕|启动"
)
_VENUE_ZH_AFTER = re.compile(r"(?:市|省)?[^,。;]{0,6}?(?:举行|举办|召开|开幕|闭幕|启动)")


def detect_event(title: str | None, sentences: list[str], lang: str, published_at: str | None) -> EventInfo:
    """Event of an article from its sentences in order (the title is normally the first)."""
    lines = list(sentences)
    if title and title.strip() and (not lines or title.strip()[:20] not in lines[0]):
        lines.insert(0, title.strip())
    name, row, years, ordinal = find_event_name(lines, lang)
    year, source = (max(years), "text") if years else (None, None)
    if year is None and ordinal and row:
        year, source = _edition_year(row, ordinal), "edition"
    if year is None and published_at and published_at[:4].isdigit():
        year, source = int(published_at[:4]), "published_at"
    if year is None:
        year, source = _dateline_year(lines), "dateline"
    if year is None:
        year, source = _frequent_year(lines), "text_frequent"
    city, province = _host(row, lines, lang)
    return EventInfo(
        event_name=name,
        event_year=year,
        city=city,
        province=province,
        canonical_id=row["event_id"] if row else None,
        year_source=source if year is not None else None,
    )


def _edition_year(row: dict, ordinal: int) -> int | None:
    """The year of edition `ordinal` of a known event: its listed edition years (irregular
    events, "12:2013;13:2015"), else first_year + ordinal - 1 (held once a year, no gaps)."""
    listed = dict(pair.split(":") for pair in (row.get("edition_years") or "").split(";") if ":" in pair)
    if str(ordinal) in listed:
        return int(listed[str(ordinal)])
    if (row.get("first_year") or "").isdigit():
        return int(row["first_year"]) + ordinal - 1
    return None


def _dateline_year(lines: list[str]) -> int | None:
    """A full date in the opening lines (a dateline or a page's date line: "2021-11-24",
    "2021年11月24日", "Nov 24, 2021", "24 November 2021")."""
    for line in lines[:DATELINE_LINES]:
        m = _full_date(line)
        if m:
            return int(next(g for g in m.groups() if g))
    return None


_DATE_START = re.compile(r"[\dJFMASOND]")  # where a _FULL_DATE match can start


def _full_date(line: str) -> re.Match | None:
    """_FULL_DATE.search(line), tried only where a date can start (a digit, a month's capital)
    and only in a line that holds a year: one pattern of four branches at every character of
    a long line was the cost."""
    if not _YEAR_TOKEN.search(line):
        return None
    for c in _DATE_START.finditer(line):
        m = _FULL_DATE.match(line, c.start())  # \b still sees the character before
        if m:
            return m
    return None


def _frequent_year(lines: list[str]) -> int | None:
    counts = Counter(
        int(m.group(0))
        for line in lines
        for m in _YEAR_TOKEN.finditer(line)
        if not (m.start() and line[m.start() - 1] in "0123456789.,$¥€£") and not _NOT_YEAR_AFTER.match(line, m.end())
    )
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def _host(row: dict | None, lines: list[str], lang: str) -> tuple[str | None, str | None]:
    """(city, province) in English."""
    if row and (row.get("province_en") or row.get("city_en")):
        return row.get("city_en") or None, row.get("province_en") or None
    head = max(DATELINE_LINES, PLACE_LINES)
    found = [
        find_places(line, lang) if k < PLACE_LINES or _may_date_or_venue(line, lang) else []
        for k, line in enumerate(lines[:head])
    ]
    opening = [p for places in found[:PLACE_LINES] for p in places]
    place = _dateline(lines, found, lang) or _venue(lines, _venue_places(lines, found, lang), lang)
    place = place or (opening[0] if opening else None)
    if place is None:
        return None, None
    if place.city is None:  # a province: take a city of it named early on
        city = next((p for p in opening if p.city and p.province_en == place.province_en), None)
        return (city.city if city else None), place.province_en
    return place.city, place.province_en


_DATE_CUE_EN = re.compile(r"\(|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # (every _DATELINE_EN match holds one)


def _may_date_or_venue(line: str, lang: str) -> bool:
    """False only when neither _dateline nor _venue can take a place of the line (a line past
    PLACE_LINES: its places serve only them): no 日电/日讯 (zh, every _DATELINE_ZH match ends
    so) nor '(' or month (en, every _DATELINE_EN match holds one), and no venue word (every
    _VENUE_EN and _VENUE_ZH_AFTER match holds one of _VENUE_WORD's)."""
    if lang == "zh":
        dated = "日电" in line or "日讯" in line
    else:
        dated = _DATE_CUE_EN.search(line) is not None
    return dated or _VENUE_WORD.search(line) is not None


def _venue_places(lines: list[str], found: list[list[Place]], lang: str):
    """The places of each opening line (found), then of each later line up to VENUE_LINES that
    has a venue word, computed only when _venue reaches that line."""
    yield from found
    for line in lines[len(found) : VENUE_LINES]:
        yield find_places(line, lang) if _VENUE_WORD.search(line) else []


def _dateline(lines: list[str], found: list[list[Place]], lang: str) -> Place | None:
    for line, places in zip(lines[:DATELINE_LINES], found):
        if lang == "zh":
            m = _DATELINE_ZH.match(line) if "日电" in line or "日讯" in line else None  # (every match ends so)
            before = [p for p in places if m and p.end <= m.end(1)]
            if before:
                return before[-1]
            continue
        for p in places:
            if p.start < 80 and _DATELINE_EN.match(line, p.end):
                return p
    return None


def _venue(lines: list[str], found: list[list[Place]], lang: str) -> Place | None:
    for line, places in zip(lines, found):
        for p in places:
            if lang == "zh":
                if line[p.start - 1 : p.start] in ("在", "于") and _VENUE_ZH_AFTER.match(line, p.end):
                    return p
            elif _venue_before(line[max(0, p.start - 70) : p.start]):
                return p
    return None


def _venue_before(window: str) -> bool:
    """= _VENUE_EN.search(window) is not None, tried only when the window ends as every match
    does: 'in' or 'of' and then white space."""
    end = window.rstrip()
    return len(end) < len(window) and end.endswith(("in", "of")) and _VENUE_EN.search(window) is not None
