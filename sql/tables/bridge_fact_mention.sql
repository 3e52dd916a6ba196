-- which mentions make up each fact: role chosen | agrees | conflicts
create table if not exists bridge_fact_mention (
    fact_id varchar not null,
    cohort_id varchar not null,
    role varchar not null
);
