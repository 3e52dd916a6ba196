-- one row per flow run with its counts
create table if not exists etl_run (
    run_id varchar not null,
    started_at timestamptz,
    finished_at timestamptz,
    raw_dir varchar,
    files_seen integer,
    files_new integer,
    files_changed integer,
    files_unchanged integer,
    files_quarantined integer,
    files_removed integer,
    articles_loaded integer,
    cohorts_loaded integer,
    rejects integer,
    status varchar
);
