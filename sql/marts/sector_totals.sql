-- per event and sector: projects, investment in yuan and share of the event's headline total,
-- from the resolved facts (an event reported by several outlets counts once).
-- Within a sector a group fact ("463 emerging-industry projects") wins over the named projects
-- it may contain (the largest group is taken); with no group, named projects are summed.
-- Rows of sector_level 'parent' roll sectors up one level (dim_sector.parent_code): the larger
-- of the parent's own figure and the sum of its children's.
-- Amounts out are DECIMAL(18,2) yuan (sums of doubles carry float noise such as
-- 2029.9999999999998; try_cast: NULL beyond 10^16 yuan, which no report states); counts BIGINT.
create or replace view sector_totals as

with

fact as (
    select * from staging.stg_fact
),

scope as (
    select * from staging.stg_event_scope
),

sector as (
    select * from dim_sector
),

event as (
    select * from dim_event
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
    from fact
    where sector_code is not null
),

per_sector as (
    select
        event_id,
        sector_code,
        sum(project_count) as projects,
        sum(amount_cny) as investment_cny,
        count(*) as source_facts
    from ranked
    where group_rank = 1 or not has_group
    group by event_id, sector_code
),

children as (
    select
        per_sector.event_id,
        sector.parent_code as sector_code,
        sum(per_sector.projects) as projects,
        sum(per_sector.investment_cny) as investment_cny,
        sum(per_sector.source_facts) as source_facts
    from per_sector
    inner join sector on per_sector.sector_code = sector.sector_code
    where sector.parent_code is not null
    group by per_sector.event_id, sector.parent_code
),

rolled_up as (
    select
        children.event_id,
        children.sector_code,
        greatest(children.projects, own.projects) as projects,
        greatest(children.investment_cny, own.investment_cny) as investment_cny,
        children.source_facts + coalesce(own.source_facts, 0) as source_facts
    from children
    left join per_sector as own
        on children.event_id = own.event_id
        and children.sector_code = own.sector_code
),

all_levels as (
    select *, 'sector' as sector_level from per_sector
    union all by name
    select *, 'parent' as sector_level from rolled_up
),

final as (
    select
        event.event_id,
        event.event_name,
        event.event_year,
        event.city,
        event.province,
        all_levels.sector_level,
        all_levels.sector_code,
        sector.name_en as sector_name_en,
        sector.name_zh as sector_name_zh,
        sector.parent_code as parent_sector_code,
        cast(all_levels.projects as bigint) as projects,
        yuan_decimal(all_levels.investment_cny) as investment_cny,
        cast(all_levels.source_facts as bigint) as source_facts,
        all_levels.projects / nullif(scope.total_projects, 0) as share_of_event_projects,
        all_levels.investment_cny / nullif(scope.total_amount_cny, 0) as share_of_event_investment
    from all_levels
    inner join event on all_levels.event_id = event.event_id
    left join scope on all_levels.event_id = scope.event_id
    left join sector on all_levels.sector_code = sector.sector_code
    order by
        event.event_id, all_levels.sector_level desc,
        all_levels.investment_cny desc nulls last, all_levels.sector_code
)

select * from final
