-- a replaced file loses its old articles, mentions, rejects and quarantine rows
delete from fct_cohort_mention where article_id in (select article_id from replaced_article);

delete from dim_article where article_id in (select article_id from replaced_article);

delete from rejects
where source_file in (select path from batch_replaced)
    or file_of_article(source_file) in (select path from batch_replaced);

delete from quarantine
where source_file in (select path from batch_file where status <> 'unchanged')
    or file_of_article(source_file) in (select path from batch_file where status <> 'unchanged');
