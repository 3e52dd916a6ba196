-- one row per ingested article (a file, or one line of a .jsonl file)
create table if not exists dim_article (
    article_id varchar not null,        -- md5 of source_file: stable across content changes
    source_file varchar not null,       -- relative to the raw dir, '/'-separated
    content_hash varchar not null,      -- sha256 of the bytes: drives incremental runs
    lang varchar,
    title varchar,
    url varchar,
    published_at varchar,
    source varchar,
    event_id varchar,
    cohort_count integer,
    loaded_at timestamptz,
    retired_at timestamptz,             -- set when the file left the raw dir: facts kept, not counted
    run_id varchar
);
