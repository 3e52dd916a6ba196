-- one part's facts and bridge rows, from the frames new_fact and new_bridge
insert into fct_cohort_fact by name select * from new_fact;

insert into bridge_fact_mention by name select * from new_bridge;
