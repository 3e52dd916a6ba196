-- events as the articles name them; an article naming no event gets its own identity
create table if not exists dim_event (
    event_id varchar not null,
    event_name varchar,
    event_year integer,
    city varchar,
    province varchar
);
