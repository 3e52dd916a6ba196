-- the touched events' facts and bridge rows, replaced by the frames new_fact and new_bridge
delete from bridge_fact_mention
where fact_id in (select fact_id from fct_cohort_fact where event_id in (select event_id from touched_event));

delete from fct_cohort_fact where event_id in (select event_id from touched_event);

insert into fct_cohort_fact by name select * from new_fact;

insert into bridge_fact_mention by name select * from new_bridge;
