-- what dim_article holds, for `newsetl describe dim_article` and any DuckDB client
comment on table dim_article is 'One row per ingested article (a file, or one line of a .jsonl file), current or retired.';
comment on column dim_article.article_id is 'md5 of source_file: stable across content changes';
comment on column dim_article.source_file is 'path of the raw file relative to the raw directory, ''/''-separated; file.jsonl#N for line N of a .jsonl file';
comment on column dim_article.content_hash is 'sha256 of the file''s bytes: drives incremental runs';
comment on column dim_article.lang is 'language of the article: en or zh';
comment on column dim_article.title is 'title from the HTML or JSON source; NULL for text files';
comment on column dim_article.url is 'URL from the JSON source; NULL if none';
comment on column dim_article.published_at is 'publication date as the source gives it; NULL if none';
comment on column dim_article.source is 'outlet as the source gives it; NULL if none';
comment on column dim_article.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column dim_article.cohort_count is 'cohorts found in the article (0: read, nothing extracted)';
comment on column dim_article.loaded_at is 'when the article was last loaded';
comment on column dim_article.retired_at is 'when its file left the raw directory (facts kept, not counted); NULL while current';
comment on column dim_article.run_id is 'the run (etl_run.run_id, the Prefect flow run id) that wrote the row';
