-- what dq_issue holds, for `newsetl describe dq_issue` and any DuckDB client
comment on table dq_issue is 'Internal: data-quality findings of the last load (sql/checks/*.sql), one row per finding; analysts read the dq_issues view.';
comment on column dq_issue.check_name is 'data-quality check (sql/checks/<check_name>.sql)';
comment on column dq_issue.severity is 'error (figures contradict each other) or warning (worth a look)';
comment on column dq_issue.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column dq_issue.fact_id is 'the fact concerned; NULL if the whole event';
comment on column dq_issue.cohort_id is 'the mention concerned; NULL if none';
comment on column dq_issue.detail is 'what the check found, with the figures';
comment on column dq_issue.run_id is 'the run (etl_run.run_id, the Prefect flow run id) that wrote the row';
