-- what dim_stage holds, for `newsetl describe dim_stage` and any DuckDB client
comment on table dim_stage is 'Project stages, ordered along a project''s life (flows/lexicons/stages.csv).';
comment on column dim_stage.stage is 'stage code (signed, started, ...)';
comment on column dim_stage.stage_order is 'position along a project''s life, from 1';
comment on column dim_stage.name_en is 'English name';
comment on column dim_stage.name_zh is 'Chinese name';
