-- events: a known recurring event (flows/lexicons/events.csv) in any language or alias is one
-- event per edition year; an unknown named event is its folded name and year; an article that
-- names no event is an event of its own
create table if not exists dim_event (
    event_id varchar not null,
    event_name varchar,                 -- as the first loaded article names it
    event_year integer,
    city varchar,
    province varchar,
    canonical_event_id varchar,         -- events.csv event_id, NULL for unknown events
    name_en varchar,                    -- canonical names of known events
    name_zh varchar
);
