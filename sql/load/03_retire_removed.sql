update dim_article set retired_at = now()
where retired_at is null and article_id in (select article_id from removed_article);

update raw_file set status = 'removed', run_id = $run_id, seen_at = now()
where path in (select path from removed_file);

-- a quarantined file that is gone takes its quarantine rows with it
delete from quarantine
where source_file in (select path from removed_file)
    or file_of_article(source_file) in (select path from removed_file);
