"""Amounts and size bands in any currency -> yuan, at the rate of the figures' year."""

from __future__ import annotations

import pytest

from flows.core.extract.batch import extract_articles
from flows.core.extract.fx import rate, to_cny
from flows.core.model import Article


def test_yuan_is_yuan_and_unknown_currencies_give_none():
    assert to_cny(5e9, "CNY", 2021) == 5e9
    assert to_cny(5e9, "XYZ", 2021) is None
    assert to_cny(None, "USD", 2021) is None and to_cny(1e9, None, 2021) is None


def test_dollars_convert_at_the_year_on_file_or_the_nearest_one():
    r2013 = rate("USD", 2013)
    assert 6.0 < r2013 < 6.3
    assert to_cny(1e9, "USD", 2013) == pytest.approx(1e9 * r2013)
    assert rate("USD", 1990) == rate("USD", 2005)  # before the table: its first year
    assert rate("USD", None) == rate("USD", 2100)  # no year: the latest rate


def test_a_band_stated_in_dollars_is_stored_in_yuan():
    text = "In 2019, Ningbo signed 30 projects each worth over $100 million."
    rows = [
        r for r in extract_articles([Article(source_file="a.txt", text=text)]).to_dicts() if r["project_count"] == 30
    ]
    assert len(rows) == 1
    assert rows[0]["size_min"] == pytest.approx(1e8 * rate("USD", rows[0]["event_year"]))
