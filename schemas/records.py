"""Records of the load beside the cohort: files, articles, quarantine, rejects, keyed cohorts,
facts and their bridge. flows/core/contract.py derives every frame schema from these."""

from __future__ import annotations

from pydantic import BaseModel

from schemas.cohort import I32, CohortRecord


class FileRecord(BaseModel):
    path: str  # relative to the raw dir, '/'-separated
    content_hash: str | None = None
    size_bytes: int | None = None
    status: str  # new | changed | unchanged | quarantined
    mtime_ns: int | None = None


class ArticleRecord(BaseModel):
    article_id: str
    source_file: str  # 'x.jsonl#N' for a line of a JSONL file
    content_hash: str
    lang: str
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    source: str | None = None


class QuarantineRecord(BaseModel):
    source_file: str
    content_hash: str | None = None
    reason: str


class RejectRecord(BaseModel):
    source_file: str | None = None
    cohort_index: I32 | None = None
    errors: str
    evidence: str | None = None


class KeyedCohortRecord(CohortRecord):
    article_id: str
    event_id: str
    cohort_id: str  # article_id || ':' || cohort_index


class FactRecord(BaseModel):
    """One cohort of one event, however many reports state it (fct_cohort_fact)."""

    fact_id: str
    event_id: str
    parent_fact_id: str | None = None
    project_count: int | None = None
    amount: float | None = None
    currency: str | None = None
    amount_cny: float | None = None
    approximate: bool
    stage: str | None = None
    sector_code: str | None = None
    size_min: float | None = None
    size_max: float | None = None
    region: str | None = None
    project_name: str | None = None
    chosen_cohort_id: str
    source_count: I32
    has_conflict: bool


class BridgeRecord(BaseModel):
    fact_id: str
    cohort_id: str
    role: str  # chosen | agrees | conflicts


class EventRecord(BaseModel):
    """One event however many articles report it (dim_event, as events.py resolves it)."""

    event_id: str
    event_name: str | None = None
    event_year: I32 | None = None
    year_source: str | None = None  # text | edition | published_at | dateline | text_frequent
    city: str | None = None
    province: str | None = None
    canonical_event_id: str | None = None


class EventMemberRecord(BaseModel):
    """An article of an event and why it is one (event_member), with its own event as
    extracted (reported_event_id is its extraction key)."""

    event_id: str
    article_id: str
    reason: str  # first | alias | names | figures | retired
    matched_article_id: str | None = None
    detail: str | None = None
    reported_event_id: str
    event_name: str | None = None
    event_year: I32 | None = None
    year_source: str | None = None
    city: str | None = None
    province: str | None = None
    canonical_event_id: str | None = None
    name_key: str | None = None
