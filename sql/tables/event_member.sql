-- which articles make up each event (dim_event) and why they were merged, so that every merge
-- can be seen and questioned; with each article's own event as extracted (reported_*)
create table if not exists event_member (
    event_id varchar not null,          -- dim_event.event_id
    article_id varchar not null,
    reason varchar not null,            -- first | alias | names | figures | retired
    matched_article_id varchar,         -- the member this one was matched to
    detail varchar,                     -- the evidence: the alias, the matching name key, the figures
    reported_event_id varchar not null, -- the article's own event key, as extracted
    event_name varchar,                 -- the article's own event name, year, place
    event_year integer,
    year_source varchar,
    city varchar,
    province varchar,
    canonical_event_id varchar,
    name_key varchar                    -- the name normalized for matching (event_match.name_key)
);
