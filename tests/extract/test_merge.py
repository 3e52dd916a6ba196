"""One table says when two amounts are one amount; its rows mean what they say."""

from __future__ import annotations

import pytest

from flows.core.extract.merge import close, tolerance
from flows.core.lexicon import load


def test_every_tolerance_is_a_small_positive_fraction_with_a_meaning():
    rows = load("tolerances")
    assert {r["name"] for r in rows} >= {
        "same_amount",
        "restated_amount",
        "rounded_restatement",
        "headline_restatement",
    }
    for row in rows:
        assert 0 < float(row["relative"]) < 0.5 and row["meaning"], row


def test_tolerances_nest_from_same_to_headline():
    order = ["same_amount", "restated_amount", "rounded_restatement", "headline_restatement"]
    values = [tolerance(name) for name in order]
    assert values == sorted(values) and len(set(values)) == len(values)


@pytest.mark.parametrize(
    "a,b,name,same",
    [
        (582.18e9, 582.2e9, "same_amount", True),
        (582.18e9, 575e9, "same_amount", False),
        (582.18e9, 575e9, "restated_amount", True),
        (8156.3e8, 7800e8, "restated_amount", False),
        (8156.3e8, 7800e8, "rounded_restatement", True),
        (None, 1e9, "same_amount", False),
    ],
)
def test_close(a, b, name, same):
    assert close(a, b, name) is same


def test_same_count_groups_with_other_label_kinds_stay_apart():
    from flows.core.extract.merge import dedupe
    from flows.core.model import CohortMention

    by_sector = CohortMention(project_count=4, stage="signed", sector_code="new_energy")
    by_band = CohortMention(project_count=4, stage="started", size_min=1e8)
    assert len(dedupe([by_sector, by_band])) == 2
    # a repeat that only adds a label is still one group
    bare = CohortMention(project_count=4, stage="signed")
    assert len(dedupe([CohortMention(project_count=4, stage="signed", sector_code="new_energy"), bare])) == 1
