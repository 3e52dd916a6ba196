-- the run's temporary relations go with its transaction
drop view if exists batch_file;
drop view if exists batch_replaced;
drop view if exists batch_article;
drop view if exists batch_cohort;
drop view if exists batch_event;
drop view if exists batch_quarantine;
drop view if exists batch_reject;
drop table if exists removed_file;
drop table if exists replaced_article;
drop table if exists removed_article;
