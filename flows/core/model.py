"""Plain records that flow between the pure core's stages.

`Article` is one decoded document; `CohortMention` is one cohort as an extractor found it in
one article; `EventInfo` is the article-level event and place. They are dataclasses (not
pydantic) because they are built in hot loops; `schemas/` validates the final rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    source_file: str  # relative to the raw dir, '/'-separated; 'x.jsonl#N' for lines
    text: str  # decoded main text (title not included)
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    source: str | None = None
    content_hash: str | None = None
    lang: str | None = None  # set by extraction ('en' | 'zh')


@dataclass
class CohortMention:
    """One cohort as found in one article. Amounts are in full units of `currency`."""

    project_count: int | None = None
    amount: float | None = None
    currency: str | None = None  # ISO 4217; required when amount is set
    approximate: bool = False  # 'more than', 'nearly', 超, 近 ...
    stage: str | None = None  # signed|started|completed|negotiating|promoted
    sector_code: str | None = None  # one of the 20 contract codes
    size_min: float | None = None  # per-project band, in units of size_currency
    size_max: float | None = None
    size_currency: str | None = None  # the band's currency when not yuan ("each over $100 million")
    region: str | None = None  # English name, when narrower than the article's place
    project_name: str | None = None  # for cohorts of one named project
    evidence: str = ""  # the sentence the figures came from
    sentence_index: int = 0  # index into the article's sentence list
    parent: int | None = None  # index of the parent cohort in the same article's list
    alt_amount: float | None = None  # parenthetical conversion, e.g. ($1.45 billion)
    alt_currency: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class EventInfo:
    event_name: str | None = None
    event_year: int | None = None
    city: str | None = None  # English names
    province: str | None = None
    canonical_id: str | None = None  # events.csv event_id when the event is a known one
    year_source: str | None = None  # text | edition | published_at | dateline | text_frequent
