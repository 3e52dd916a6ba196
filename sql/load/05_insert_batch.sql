insert into dim_article by name
select *, now() as loaded_at, $run_id as run_id from batch_article;

insert into fct_cohort_mention by name
select * exclude (source_file, lang, event_name, event_year, event_year_source, city, province,
                 canonical_event_id),
    $run_id as run_id
from batch_cohort;

-- each new article's own event, until flows/core/warehouse/events.py resolves it after this
-- file (and rewrites these rows)
insert into dim_event by name
select * from batch_event where event_id not in (select event_id from dim_event);

delete from dim_event where event_id not in (select event_id from fct_cohort_mention);

insert into quarantine by name
select *, $run_id as run_id, now() as quarantined_at from batch_quarantine;

insert into rejects by name select *, $run_id as run_id from batch_reject;
