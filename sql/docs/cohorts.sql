-- what cohorts holds, for `newsetl describe cohorts` and any DuckDB client
comment on view cohorts is 'The contract view (docs/CONTRACT.md): one row per distinct project cohort per article, as each article states it; retired articles left out. Exported as cohorts.parquet.';
comment on column cohorts.source_file is 'path of the raw file relative to the raw directory, ''/''-separated; file.jsonl#N for line N of a .jsonl file';
comment on column cohorts.lang is 'language of the article: en or zh';
comment on column cohorts.event_name is 'name of the event (dim_event.event_name: as its first article by file name names it), without edition year or ordinal; NULL if none';
comment on column cohorts.event_year is 'year the figures belong to (the edition year of the event)';
comment on column cohorts.city is 'host city of the event, English name (Hefei)';
comment on column cohorts.province is 'host province of the event, English name (Anhui)';
comment on column cohorts.project_count is 'number of projects; NULL if the text gives none';
comment on column cohorts.amount is 'total investment in full units of currency (582.18 billion yuan -> 582180000000); NULL if none';
comment on column cohorts.currency is 'ISO 4217 code of amount (CNY, USD, ...)';
comment on column cohorts.amount_cny is 'amount in yuan (dated exchange rate of dim_fx_rate for other currencies)';
comment on column cohorts.stage is 'project stage: signed, started, completed, negotiating or promoted (generic); see dim_stage';
comment on column cohorts.sector_code is 'sector the cohort is limited to (dim_sector.sector_code); NULL when not sector-specific';
comment on column cohorts.size_min is 'per-project size band, lower bound in yuan (10 billion yuan and above -> 1e10); NULL if none';
comment on column cohorts.size_max is 'per-project size band, upper bound in yuan (exclusive); NULL if open or none';
comment on column cohorts.region is 'province or city the cohort is limited to, when narrower than the event''s place';
comment on column cohorts.project_name is 'name of the project, for a cohort of one named project';
comment on column cohorts.evidence is 'the sentence the figures came from';
