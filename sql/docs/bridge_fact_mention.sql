-- what bridge_fact_mention holds, for `newsetl describe bridge_fact_mention` and any DuckDB client
comment on table bridge_fact_mention is 'Which mentions make up each fact, and how each stands to the figures kept.';
comment on column bridge_fact_mention.fact_id is 'the resolved fact (fct_cohort_fact.fact_id)';
comment on column bridge_fact_mention.cohort_id is 'article_id || '':'' || cohort_index, one cohort as one article states it';
comment on column bridge_fact_mention.role is 'chosen (its figures are kept), agrees (same figures) or conflicts (different figures)';
