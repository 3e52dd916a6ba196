-- what dim_event holds, for `newsetl describe dim_event` and any DuckDB client
comment on table dim_event is 'Events: a known recurring event (flows/lexicons/events.csv) in any language or alias is one event per edition year; an unknown named event is its folded name and year; an article that names no event is an event of its own.';
comment on column dim_event.event_id is 'stable id of the event';
comment on column dim_event.event_name is 'event as its first member article (by file name) names it, without edition year or ordinal; NULL if none';
comment on column dim_event.event_year is 'year the figures belong to (the edition year of the event)';
comment on column dim_event.year_source is 'where event_year comes from: text, edition, published_at, dateline or text_frequent';
comment on column dim_event.city is 'host city of the event, English name (Hefei)';
comment on column dim_event.province is 'host province of the event, English name (Anhui)';
comment on column dim_event.canonical_event_id is 'events.csv event_id of a known event; NULL for unknown events';
comment on column dim_event.name_en is 'canonical English name of a known event; NULL for unknown events';
comment on column dim_event.name_zh is 'canonical Chinese name of a known event; NULL for unknown events';
