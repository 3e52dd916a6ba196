-- files (or .jsonl lines) that could not be read, with the reason; one row per source
create table if not exists quarantine (
    source_file varchar not null,
    content_hash varchar,
    reason varchar not null,
    run_id varchar,
    quarantined_at timestamptz
);
