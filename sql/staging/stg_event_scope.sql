-- per event: the article its aggregates come from and that article's headline total.
-- Until reports of one event are merged into facts, an event's aggregates come from its most
-- complete report (most cohorts, then first by file name) so that no event is counted twice.
-- The total is the largest top-level cohort not limited by sector, place, name or an upper band.
create or replace view stg_event_scope as

with

cohort as (
    select * from stg_cohort
),

article_rank as (
    select
        event_id,
        article_id,
        row_number() over (
            partition by event_id order by count(*) desc, min(source_file)
        ) as article_rank
    from cohort
    group by event_id, article_id
),

primary_article as (
    select
        event_id,
        article_id
    from article_rank
    where article_rank = 1
),

total_rank as (
    select
        cohort.event_id,
        cohort.cohort_index,
        cohort.project_count,
        cohort.amount_cny,
        cohort.size_min,
        row_number() over (
            partition by cohort.event_id
            order by cohort.amount_cny desc nulls last, cohort.project_count desc nulls last
        ) as total_rank
    from cohort
    inner join primary_article
        on cohort.event_id = primary_article.event_id
        and cohort.article_id = primary_article.article_id
    where cohort.is_total_candidate and cohort.parent_index is null
),

final as (
    select
        primary_article.event_id,
        primary_article.article_id,
        total_rank.cohort_index as total_cohort_index,
        total_rank.project_count as total_projects,
        total_rank.amount_cny as total_amount_cny,
        total_rank.size_min as total_size_min
    from primary_article
    left join total_rank
        on primary_article.event_id = total_rank.event_id
        and total_rank.total_rank = 1
)

select * from final
