-- The run's staged rows under the names the load statements read them by (temp: gone with
-- the connection). stage_* tables are filled batch by batch by flows/core/warehouse/load.py;
-- staged_article and staged_cohort add the rows of the batches' parquet parts (load.py);
-- known_events is the curated event lexicon, registered by the loader.
create or replace temp view batch_file as select * from stage_file;

create or replace temp view batch_replaced as
select path from stage_file where status in ('new', 'changed');

create or replace temp view batch_article as
select article.*, event_of.event_id, event_of.cohort_count
from staged_article as article
left join (
    select source_file, min(event_id) as event_id, cast(count(*) as integer) as cohort_count
    from staged_cohort group by source_file
) as event_of on article.source_file = event_of.source_file;

create or replace temp view batch_cohort as select * from staged_cohort;

create or replace temp view batch_event as
select distinct on (cohort.event_id)
    cohort.event_id, cohort.event_name, cohort.event_year, cohort.event_year_source as year_source,
    cohort.city, cohort.province,
    cohort.canonical_event_id, known_events.name_en, known_events.name_zh
from staged_cohort as cohort
left join known_events on cohort.canonical_event_id = known_events.canonical_event_id
order by cohort.event_id, cohort.source_file, cohort.cohort_index;

create or replace temp view batch_quarantine as select * from stage_quarantine;

create or replace temp view batch_reject as select * from stage_reject;
