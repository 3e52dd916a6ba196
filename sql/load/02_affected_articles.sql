-- Fixed before anything changes: the files this run did not find (their articles are retired,
-- kept and flagged), and the articles of replaced and removed files (a .jsonl file: all its
-- lines, source_file 'path#N').
create or replace temp table removed_file as
select path from raw_file
where status <> 'removed' and path not in (select path from batch_file);

create or replace temp table replaced_article as
select a.article_id from dim_article as a join batch_replaced as r
    on a.source_file = r.path or a.source_file like r.path || '#%';

create or replace temp table removed_article as
select a.article_id from dim_article as a join removed_file as r
    on a.source_file = r.path or a.source_file like r.path || '#%';

-- events whose facts must be resolved again: those of replaced, removed and new articles
create or replace temp table touched_event as
select distinct event_id from fct_cohort_mention
where article_id in (select article_id from replaced_article)
    or article_id in (select article_id from removed_article)
union
select distinct event_id from batch_cohort;
