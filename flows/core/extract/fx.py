"""Dated exchange rates: amounts in any currency -> yuan, by the year the figures belong to."""

from __future__ import annotations

from functools import lru_cache

from flows.core.lexicon import load


@lru_cache(maxsize=1)
def _rates() -> dict[str, dict[int, float]]:
    table: dict[str, dict[int, float]] = {}
    for row in load("fx_rates"):
        table.setdefault(row["currency"], {})[int(row["year"])] = float(row["cny_per_unit"])
    return table


def rate(currency: str, year: int | None) -> float | None:
    """Yuan per unit in `year` (nearest year on file); None for an unknown currency."""
    if currency == "CNY":
        return 1.0
    by_year = _rates().get(currency)
    if not by_year:
        return None
    if year is None:
        year = max(by_year)
    nearest = min(by_year, key=lambda y: (abs(y - year), -y))
    return by_year[nearest]


def to_cny(amount: float | None, currency: str | None, year: int | None) -> float | None:
    if amount is None or currency is None:
        return None
    r = rate(currency, year)
    return None if r is None else amount * r
