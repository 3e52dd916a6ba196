"""English trap vocabulary (flows/lexicons/traps_en.csv): each row matches its example, and its
cue words are a true pre-check (every match holds one), so skipping the pattern when no cue is
present never changes a result (tests/extract/test_cues.py checks the cues over real text)."""

from __future__ import annotations

import re

import pytest

from flows.core.extract.en.context import keep_amount
from flows.core.extract.en.not_investment import NEVER, NOT_INVESTMENT
from flows.core.extract.en.numbers import find_amounts
from flows.core.lexicon import load

ROWS = load("traps_en")


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["pattern"][:40])
def test_each_trap_matches_its_example_and_its_cue_covers_the_match(row):
    assert row["kind"] in ("never", "other_kind")
    match = re.search(r"\b(?:" + row["pattern"] + r")\b", row["example"], re.I)
    assert match, row["example"]
    cues = row["cues"].split("|")
    assert any(c in match.group(0).lower() for c in cues), (match.group(0), cues)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The average investment of each project was 1.2 billion yuan.", False),
        ("Bilateral trade reached 3 billion yuan.", False),
        ("The industrial added value of the zone was 8 billion yuan.", False),
        ("The 12 projects involve a total investment of 8 billion yuan.", True),
    ],
)
def test_a_trap_word_refuses_the_amount(sentence, kept):
    amounts = find_amounts(sentence)
    assert amounts and keep_amount(sentence, amounts[0]) is kept
    assert bool(NEVER.search(sentence) or NOT_INVESTMENT.search(sentence)) is not kept
