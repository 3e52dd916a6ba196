-- what dq_issues holds, for `newsetl describe dq_issues` and any DuckDB client
comment on view dq_issues is 'Data-quality findings of the last load with the event they concern: subset larger than its parent, size bands not monotone, sectors past the total, implausible amount per project, a count in one report only.';
comment on column dq_issues.check_name is 'data-quality check (sql/checks/<check_name>.sql)';
comment on column dq_issues.severity is 'error (figures contradict each other) or warning (worth a look)';
comment on column dq_issues.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column dq_issues.event_name is 'name of the event (dim_event.event_name: as its first article by file name names it), without edition year or ordinal; NULL if none';
comment on column dq_issues.event_year is 'year the figures belong to (the edition year of the event)';
comment on column dq_issues.fact_id is 'the fact concerned; NULL when the finding is about the whole event';
comment on column dq_issues.cohort_id is 'the mention concerned; NULL if none';
comment on column dq_issues.detail is 'what the check found, with the figures';
comment on column dq_issues.run_id is 'the run whose load found it';
