-- what fct_cohort_fact holds, for `newsetl describe fct_cohort_fact` and any DuckDB client
comment on table fct_cohort_fact is 'Facts: one row per distinct cohort per event, resolved from the mentions of every article (an English and a Chinese report of one figure become one fact); figures from the most specific source.';
comment on column fct_cohort_fact.fact_id is 'stable id of the fact';
comment on column fct_cohort_fact.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column fct_cohort_fact.parent_fact_id is 'the fact this one is a subset of (among them); NULL for a top-level fact';
comment on column fct_cohort_fact.project_count is 'number of projects; NULL if the text gives none';
comment on column fct_cohort_fact.amount is 'total investment in full units of currency (582.18 billion yuan -> 582180000000); NULL if none';
comment on column fct_cohort_fact.currency is 'ISO 4217 code of amount (CNY, USD, ...)';
comment on column fct_cohort_fact.amount_cny is 'amount in yuan (dated exchange rate of dim_fx_rate for other currencies)';
comment on column fct_cohort_fact.approximate is 'the text qualifies the figures (about, over, nearly, 约, 超过)';
comment on column fct_cohort_fact.stage is 'project stage: signed, started, completed, negotiating or promoted (generic); see dim_stage';
comment on column fct_cohort_fact.sector_code is 'sector the cohort is limited to (dim_sector.sector_code); NULL when not sector-specific';
comment on column fct_cohort_fact.size_min is 'per-project size band, lower bound in yuan (10 billion yuan and above -> 1e10); NULL if none';
comment on column fct_cohort_fact.size_max is 'per-project size band, upper bound in yuan (exclusive); NULL if open or none';
comment on column fct_cohort_fact.region is 'province or city the cohort is limited to, when narrower than the event''s place';
comment on column fct_cohort_fact.project_name is 'name of the project, for a cohort of one named project';
comment on column fct_cohort_fact.chosen_cohort_id is 'the mention whose figures the fact carries (the most specific source)';
comment on column fct_cohort_fact.source_count is 'how many mentions (reports) stand behind the fact';
comment on column fct_cohort_fact.has_conflict is 'some report disagrees with the figures kept (see the conflicts view)';
