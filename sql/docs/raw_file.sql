-- what raw_file holds, for `newsetl describe raw_file` and any DuckDB client
comment on table raw_file is 'Internal: every raw file the warehouse has seen, with the content hash, size and modification time that make runs incremental.';
comment on column raw_file.path is 'path relative to the raw directory';
comment on column raw_file.content_hash is 'sha256 of the bytes; NULL if unreadable';
comment on column raw_file.size_bytes is 'size when last seen';
comment on column raw_file.mtime_ns is 'modification time (ns) when last seen: with the size, an unchanged file is not even read';
comment on column raw_file.status is 'loaded, quarantined or removed';
comment on column raw_file.extractor_version is 'fingerprint of the extraction rules that produced its facts (flows/core/extract/version.py)';
comment on column raw_file.run_id is 'the run (etl_run.run_id, the Prefect flow run id) that wrote the row';
comment on column raw_file.seen_at is 'when a run last saw the file';
