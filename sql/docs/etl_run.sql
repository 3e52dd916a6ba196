-- what etl_run holds, for `newsetl describe etl_run` and any DuckDB client
comment on table etl_run is 'One row per run with its counts.';
comment on column etl_run.run_id is 'the run (etl_run.run_id, the Prefect flow run id) that wrote the row';
comment on column etl_run.started_at is 'when the run started';
comment on column etl_run.finished_at is 'when the run finished loading';
comment on column etl_run.raw_dir is 'the raw directory it read';
comment on column etl_run.files_seen is 'files found under the raw directory';
comment on column etl_run.files_new is 'files loaded for the first time';
comment on column etl_run.files_changed is 'files whose content changed';
comment on column etl_run.files_unchanged is 'files skipped as already loaded';
comment on column etl_run.files_quarantined is 'files that could not be read';
comment on column etl_run.files_removed is 'files gone from the raw directory (their articles retired)';
comment on column etl_run.articles_loaded is 'articles loaded';
comment on column etl_run.cohorts_loaded is 'cohort mentions loaded';
comment on column etl_run.rejects is 'cohorts that failed validation';
comment on column etl_run.status is 'state of the run as recorded';
