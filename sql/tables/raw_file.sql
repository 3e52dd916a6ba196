-- every raw file the warehouse has seen, with the content hash that makes runs incremental
create table if not exists raw_file (
    path varchar not null,              -- relative to the raw dir
    content_hash varchar,
    size_bytes bigint,
    mtime_ns bigint,                    -- with size: a file that did not change is not even read
    status varchar not null,            -- loaded | quarantined | removed
    extractor_version varchar,          -- flows/core/version.py: rules that produced the facts
    run_id varchar,
    seen_at timestamptz
);
