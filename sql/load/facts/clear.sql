-- the touched events' facts and bridge rows go; insert.sql adds them again, a part at a time
delete from bridge_fact_mention
where fact_id in (select fact_id from fct_cohort_fact where event_id in (select event_id from touched_event));

delete from fct_cohort_fact where event_id in (select event_id from touched_event);
