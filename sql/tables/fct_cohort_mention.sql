-- mentions: one row per distinct cohort per article, with the sentence it came from and where.
-- fct_cohort_fact resolves mentions of one event from several articles into one fact.
create table if not exists fct_cohort_mention (
    cohort_id varchar not null,         -- article_id || ':' || cohort_index
    article_id varchar not null,
    event_id varchar not null,
    cohort_index integer not null,      -- order within the article
    parent_index integer,               -- the cohort this one is a subset of ("among them")
    project_count bigint,
    amount double,                      -- full units of currency
    currency varchar,
    amount_cny double,
    approximate boolean not null,
    stage varchar,
    sector_code varchar,
    size_min double,
    size_max double,
    region varchar,
    project_name varchar,
    evidence varchar not null,
    sentence_index integer,
    char_start integer,                 -- offsets of the evidence sentence in the article's
    char_end integer,                   -- normalized text (NFKC; Chinese folded to simplified)
    alt_amount double,
    alt_currency varchar,
    run_id varchar
);
