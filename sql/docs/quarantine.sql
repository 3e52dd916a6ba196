-- what quarantine holds, for `newsetl describe quarantine` and any DuckDB client
comment on table quarantine is 'Files (or .jsonl lines) that could not be read, with the reason; one row per source.';
comment on column quarantine.source_file is 'path of the raw file relative to the raw directory, ''/''-separated; file.jsonl#N for line N of a .jsonl file';
comment on column quarantine.content_hash is 'sha256 of the bytes; NULL if they could not be read';
comment on column quarantine.reason is 'why it could not be read';
comment on column quarantine.run_id is 'the run (etl_run.run_id, the Prefect flow run id) that wrote the row';
comment on column quarantine.quarantined_at is 'when it was quarantined';
