-- data-quality findings of the last load (sql/checks/*.sql), one row per finding
create table if not exists dq_issue (
    check_name varchar not null,
    severity varchar not null,          -- error | warning
    event_id varchar,
    fact_id varchar,
    cohort_id varchar,
    detail varchar not null,
    run_id varchar
);
