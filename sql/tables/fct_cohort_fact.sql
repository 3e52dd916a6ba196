-- facts: one row per distinct cohort per event, resolved from the mentions of every article
-- (flows/core/resolve.py states the matching and most-specific-source rules)
create table if not exists fct_cohort_fact (
    fact_id varchar not null,
    event_id varchar not null,
    parent_fact_id varchar,             -- the fact this one is a subset of ("among them")
    project_count bigint,
    amount double,
    currency varchar,
    amount_cny double,
    approximate boolean,
    stage varchar,
    sector_code varchar,
    size_min double,
    size_max double,
    region varchar,
    project_name varchar,
    chosen_cohort_id varchar not null,  -- the mention whose figures the fact carries
    source_count integer not null,
    has_conflict boolean not null
);
