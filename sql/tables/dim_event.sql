-- events as resolved in the load (flows/core/warehouse/events.py): the articles that report one
-- event, however many outlets and languages, are one row; event_member lists them and why.
-- Attributes come from the first member by file name (nulls filled from the others).
create table if not exists dim_event (
    event_id varchar not null,
    event_name varchar,                 -- as its first member (by file name) names it
    event_year integer,
    year_source varchar,                -- text | edition | published_at | dateline | text_frequent
    city varchar,
    province varchar,
    canonical_event_id varchar,         -- events.csv event_id, NULL for unknown events
    name_en varchar,                    -- canonical names of known events
    name_zh varchar
);
