-- what staging.stg_event_scope holds, for `newsetl describe staging.stg_event_scope` and any DuckDB client
comment on view staging.stg_event_scope is 'Staging (internal): per event its headline total fact, the largest top-level fact not limited by sector, place, name or an upper size bound (by investment, then project count).';
comment on column staging.stg_event_scope.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column staging.stg_event_scope.total_fact_id is 'the headline total fact (fct_cohort_fact.fact_id)';
comment on column staging.stg_event_scope.total_projects is 'project count of the headline total';
comment on column staging.stg_event_scope.total_amount_cny is 'investment of the headline total, yuan';
comment on column staging.stg_event_scope.total_size_min is 'lower size bound of the headline total when it is itself a band (projects above 100 million yuan); else NULL';
