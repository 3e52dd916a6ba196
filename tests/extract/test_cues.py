"""Every cheap cue-word pre-check agrees with the regex it guards: whenever the regex can match
a text, the pre-check lets it through. A cue list missing a word would silently disable its
rule; this runs every guarded regex over real text (the test data, the phenomenon cases and the
dev set's articles when NEWSETL_DEVSET names it, as .ci/run does) and fails on any text it would
skip."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from flows.core.extract.en import (
    article_fields,
    cohort_sector,
    context,
    grouping,
    mention,
    not_investment,
)
from flows.core.extract.en.cues import may_contain
from flows.core.ingest.discover import discover, read_batch

from conftest import DATA, ROOT

DEVSET = Path(os.environ.get("NEWSETL_DEVSET", "/nonexistent")) / "raw"

# (cue, regex it guards, how the rule applies the regex, the window the cue is tried on)
GUARDS = {
    "not-investment": (not_investment.NOT_INVESTMENT_CUE, not_investment.NOT_INVESTMENT, "search", None),
    "never": (not_investment._NEVER_WORDS_RE, not_investment.NEVER, "search", None),
    "many-fields": (article_fields._MANY_FIELDS_CUE, article_fields._MANY_FIELDS, "search", None),
    "open-list": (cohort_sector._OPEN_LIST_CUE, cohort_sector._OPEN_LIST, "search", None),
    "event-for": (article_fields._EVENT_FOR_CUE, article_fields._EVENT_FOR, "search", None),
    "planned-after": (context._PLANNED_CUE, context._PLANNED_AFTER, "match", 60),
    "subset": (mention._SUBSET_CUE, mention.SUBSET, "search", None),
    "part-of": (grouping._PART_CUE, grouping._PART_OF, "search", None),
    "anaphor-demonstrative": (mention._ANAPHOR_CUE, mention._DEMONSTRATIVE, "search", None),
    "anaphor-definite": (mention._ANAPHOR_CUE, mention._DEFINITE, "search", None),
}


def _texts() -> list[str]:
    texts = []
    for raw in [DATA / "raw", DATA / "holdout" / "raw", *sorted((DATA / "stress").glob("*")), DEVSET]:
        if raw.is_dir():
            articles, _ = read_batch(discover(raw), raw)
            texts += [a.text for a in articles]
    for cases in sorted((ROOT / "tests" / "extract").glob("*/cases.jsonl")):
        texts += [json.loads(line)["text"] for line in cases.read_text("utf-8").splitlines() if line.strip()]
    pieces = []
    for text in texts:
        pieces.append(text)
        pieces += [p for p in re.split(r"(?<=[.;!?])\s+|\n", text) if p.strip()]
    return pieces


TEXTS = _texts()


def test_there_is_text_to_check():
    assert len(TEXTS) > 500


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_the_cue_never_skips_a_text_its_regex_matches(name):
    cue, regex, how, window = GUARDS[name]
    skipped = []
    for text in TEXTS:
        if how == "search":
            if regex.search(text) and not may_contain(text, cue):
                skipped.append(text)
        else:
            for start in range(len(text)):
                if regex.match(text, start) and not may_contain(text[start : start + window], cue):
                    skipped.append(text[start : start + window])
    assert not skipped, f"{name}: the cue words miss {len(skipped)} texts, e.g. {skipped[:3]}"
