-- Fixed before anything changes: the files this run did not find (their articles are retired,
-- kept and flagged; none when discovery could not list every folder), and the articles of
-- replaced and removed files. A .jsonl file's articles are 'path#N': compared exactly on the
-- part before the last '#', never with LIKE (a file name may hold '_' or '%').
create or replace temp table removed_file as
select path from raw_file
where $retire_unseen and status <> 'removed' and path not in (select path from batch_file);

create or replace temp table replaced_article as
select a.article_id from dim_article as a join batch_replaced as r
    on a.source_file = r.path or file_of_article(a.source_file) = r.path;

create or replace temp table removed_article as
select a.article_id from dim_article as a join removed_file as r
    on a.source_file = r.path or file_of_article(a.source_file) = r.path;

-- events whose facts must be resolved again: those of replaced, removed and new articles
create or replace temp table touched_event as
select distinct event_id from fct_cohort_mention
where article_id in (select article_id from replaced_article)
    or article_id in (select article_id from removed_article)
union
select distinct event_id from batch_cohort;
