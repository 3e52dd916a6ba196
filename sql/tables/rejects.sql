-- extracted cohorts that failed the pydantic record contract (schemas/cohort.py)
create table if not exists rejects (
    source_file varchar,
    cohort_index integer,
    errors varchar not null,
    evidence varchar,
    run_id varchar
);
