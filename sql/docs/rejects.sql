-- what rejects holds, for `newsetl describe rejects` and any DuckDB client
comment on table rejects is 'Extracted cohorts that failed the Pydantic record contract (schemas/cohort.py).';
comment on column rejects.source_file is 'path of the raw file relative to the raw directory, ''/''-separated; file.jsonl#N for line N of a .jsonl file';
comment on column rejects.cohort_index is 'order of the cohort within its article, from 0';
comment on column rejects.errors is 'the validation errors';
comment on column rejects.evidence is 'the sentence the figures came from';
comment on column rejects.run_id is 'the run (etl_run.run_id, the Prefect flow run id) that wrote the row';
