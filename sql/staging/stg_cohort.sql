-- every cohort with its article and event, and whether it is qualified by sector/band/place/name
create or replace view staging.stg_cohort as

with

cohort as (
    select * from fct_cohort_mention
),

article as (
    select * from dim_article
    where retired_at is null
),

event as (
    select * from dim_event
),

final as (
    select
        cohort.cohort_id,
        cohort.article_id,
        cohort.event_id,
        cohort.cohort_index,
        cohort.parent_index,
        article.source_file,
        article.lang,
        event.event_name,
        event.event_year,
        event.city,
        event.province,
        cohort.project_count,
        cohort.amount,
        cohort.currency,
        cohort.amount_cny,
        cohort.approximate,
        cohort.stage,
        cohort.sector_code,
        cohort.size_min,
        cohort.size_max,
        cohort.region,
        cohort.project_name,
        cohort.evidence,
        cohort.sector_code is null
        and cohort.region is null
        and cohort.project_name is null
        and cohort.size_max is null as is_total_candidate
    from cohort
    inner join article on cohort.article_id = article.article_id
    inner join event on cohort.event_id = event.event_id
)

select * from final
