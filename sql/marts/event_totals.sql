-- one row per event: its headline total counted once however many outlets reported it (the
-- articles of one event are resolved into it by the load: see event_member for each member and
-- why), with how many reports, facts, conflicts and data-quality findings stand behind it;
-- events whose every report was retired (file removed from the raw dir) are left out
create or replace view event_totals as

with

event as (
    select * from dim_event
),

scope as (
    select * from staging.stg_event_scope
),

fact as (
    select * from fct_cohort_fact
),

mention as (
    select * from fct_cohort_mention
),

article as (
    select * from dim_article
    where retired_at is null
),

issue as (
    select * from dq_issue
),

fact_counts as (
    select
        event_id,
        count(*) as facts,
        count(*) filter (where has_conflict) as conflicted_facts
    from fact
    group by event_id
),

source_counts as (
    select
        mention.event_id,
        count(distinct mention.article_id) as source_articles
    from mention
    inner join article on mention.article_id = article.article_id
    group by mention.event_id
),

issue_counts as (
    select
        event_id,
        count(*) as dq_issues
    from issue
    group by event_id
),

final as (
    select
        event.event_id,
        event.event_name,
        event.name_en,
        event.name_zh,
        event.event_year,
        event.city,
        event.province,
        scope.total_projects,
        yuan_decimal(scope.total_amount_cny) as total_investment_cny,
        source_counts.source_articles,
        coalesce(fact_counts.facts, 0) as facts,
        coalesce(fact_counts.conflicted_facts, 0) as conflicted_facts,
        coalesce(issue_counts.dq_issues, 0) as dq_issues
    from event
    left join scope on event.event_id = scope.event_id
    left join fact_counts on event.event_id = fact_counts.event_id
    inner join source_counts on event.event_id = source_counts.event_id
    left join issue_counts on event.event_id = issue_counts.event_id
    order by event.event_year desc nulls last, total_investment_cny desc nulls last
)

select * from final
