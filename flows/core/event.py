"""Event name, year and host place of an article (placeholder until the gazetteer lands)."""
from __future__ import annotations

from flows.core.model import EventInfo


def detect_event(title: str | None, sentences: list[str], lang: str,
                 published_at: str | None) -> EventInfo:
    year = int(published_at[:4]) if published_at and published_at[:4].isdigit() else None
    return EventInfo(event_year=year)
