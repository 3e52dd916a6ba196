-- per event and sector: projects, investment in yuan, and share of the event's headline total.
-- Within a sector a group cohort ("463 emerging-industry projects") wins over the named
-- projects it may contain (the largest group is taken); with no group, named projects are summed.
create or replace view sector_totals as

with

cohort as (
    select * from stg_cohort
),

scope as (
    select * from stg_event_scope
),

sector as (
    select * from dim_sector
),

event as (
    select * from dim_event
),

in_scope as (
    select cohort.*
    from cohort
    inner join scope
        on cohort.event_id = scope.event_id
        and cohort.article_id = scope.article_id
    where cohort.sector_code is not null
),

ranked as (
    select
        *,
        row_number() over (
            partition by event_id, sector_code
            order by project_name is null desc, amount_cny desc nulls last,
                project_count desc nulls last
        ) as group_rank,
        bool_or(project_name is null) over (partition by event_id, sector_code) as has_group
    from in_scope
),

per_sector as (
    select
        event_id,
        sector_code,
        sum(project_count) as projects,
        sum(amount_cny) as investment_cny,
        count(*) as source_cohorts
    from ranked
    where group_rank = 1 or not has_group
    group by event_id, sector_code
),

final as (
    select
        event.event_id,
        event.event_name,
        event.event_year,
        event.city,
        event.province,
        per_sector.sector_code,
        sector.name_en as sector_name_en,
        sector.name_zh as sector_name_zh,
        sector.parent_code as parent_sector_code,
        per_sector.projects,
        per_sector.investment_cny,
        per_sector.source_cohorts,
        per_sector.projects / nullif(scope.total_projects, 0) as share_of_event_projects,
        per_sector.investment_cny / nullif(scope.total_amount_cny, 0) as share_of_event_investment
    from per_sector
    inner join event on per_sector.event_id = event.event_id
    inner join scope on per_sector.event_id = scope.event_id
    left join sector on per_sector.sector_code = sector.sector_code
    order by event.event_id, per_sector.investment_cny desc nulls last
)

select * from final
