-- the file a JSONL line's article came from: 'news.jsonl#3' -> 'news.jsonl' (NULL for a
-- whole-file article, which is compared on its own name)
create or replace macro file_of_article(source_file) as
    case when regexp_matches(source_file, '#[0-9]+$')
        then regexp_replace(source_file, '#[0-9]+$', '') end;
