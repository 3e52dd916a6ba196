-- what event_member holds, for `newsetl describe event_member` and any DuckDB client
comment on table event_member is 'Which articles make up each event (dim_event) and why they were merged, so that every merge can be seen and questioned; with each article''s own event as extracted (reported_event_id, event_name, ...).';
comment on column event_member.event_id is 'the event the article belongs to (dim_event.event_id)';
comment on column event_member.article_id is 'the member article (dim_article.article_id)';
comment on column event_member.reason is 'why the article is in the event: first, alias, names, figures or retired';
comment on column event_member.matched_article_id is 'the member this article was matched to; NULL for the first';
comment on column event_member.detail is 'the evidence of the match: the alias, the matching name key, the figures';
comment on column event_member.reported_event_id is 'the article''s own event key, as extracted';
comment on column event_member.event_name is 'the article''s own event name, as extracted';
comment on column event_member.event_year is 'the article''s own event year';
comment on column event_member.year_source is 'where the article''s event year comes from: text, edition, published_at, dateline or text_frequent';
comment on column event_member.city is 'the article''s own host city';
comment on column event_member.province is 'the article''s own host province';
comment on column event_member.canonical_event_id is 'events.csv event_id the article''s event name matched; NULL if none';
comment on column event_member.name_key is 'the event name normalized for matching (event_match.name_key)';
