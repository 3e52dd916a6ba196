-- what event_totals holds, for `newsetl describe event_totals` and any DuckDB client
comment on view event_totals is 'One row per event: its headline total counted once however many outlets (English or Chinese) reported it, with the reports, facts, conflicts and data-quality findings behind it; events whose every report was retired are left out.';
comment on column event_totals.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column event_totals.event_name is 'name of the event (dim_event.event_name: as its first article by file name names it), without edition year or ordinal; NULL if none';
comment on column event_totals.name_en is 'canonical English name of a known event (flows/lexicons/events.csv); NULL for an unknown event';
comment on column event_totals.name_zh is 'canonical Chinese name of a known event; NULL for an unknown event';
comment on column event_totals.event_year is 'year the figures belong to (the edition year of the event)';
comment on column event_totals.city is 'host city of the event, English name (Hefei)';
comment on column event_totals.province is 'host province of the event, English name (Anhui)';
comment on column event_totals.total_projects is 'projects of the event''s headline total fact (staging.stg_event_scope); NULL if no report gives a count';
comment on column event_totals.total_investment_cny is 'investment of the event''s headline total fact, in yuan, DECIMAL(18,2); NULL if no report gives an amount';
comment on column event_totals.source_articles is 'current (not retired) articles that report the event';
comment on column event_totals.facts is 'resolved facts of the event (fct_cohort_fact)';
comment on column event_totals.conflicted_facts is 'facts on which reports disagree (see conflicts)';
comment on column event_totals.dq_issues is 'data-quality findings about the event (see dq_issues)';
