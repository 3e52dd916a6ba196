-- what conflicts holds, for `newsetl describe conflicts` and any DuckDB client
comment on view conflicts is 'Reports that disagree on a fact''s figures: the figures kept (from the most specific source) beside each disagreeing report''s figures and evidence.';
comment on column conflicts.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column conflicts.event_name is 'name of the event (dim_event.event_name: as its first article by file name names it), without edition year or ordinal; NULL if none';
comment on column conflicts.event_year is 'year the figures belong to (the edition year of the event)';
comment on column conflicts.fact_id is 'the resolved fact (fct_cohort_fact.fact_id)';
comment on column conflicts.kept_project_count is 'project count the fact keeps';
comment on column conflicts.kept_amount is 'amount the fact keeps, in kept_currency';
comment on column conflicts.kept_currency is 'currency of kept_amount';
comment on column conflicts.kept_source_file is 'file of the report whose figures are kept';
comment on column conflicts.reported_project_count is 'project count the disagreeing report gives';
comment on column conflicts.reported_amount is 'amount the disagreeing report gives, in reported_currency';
comment on column conflicts.reported_currency is 'currency of reported_amount';
comment on column conflicts.reported_source_file is 'file of the disagreeing report';
comment on column conflicts.reported_evidence is 'sentence of the disagreeing report';
