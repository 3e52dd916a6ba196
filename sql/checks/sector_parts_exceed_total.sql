-- the sector cohorts of an event add up to more than its headline total (sectors may overlap,
-- e.g. manufacturing and emerging industries, so this is a warning)
with

sector as (
    select * from sector_totals where sector_level = 'sector'
),

scope as (
    select * from staging.stg_event_scope
),

summed as (
    select
        sector.event_id,
        sum(sector.projects) as sector_projects,
        sum(sector.investment_cny) as sector_cny,
        count(*) as sectors
    from sector
    group by sector.event_id
),

final as (
    select
        'warning' as severity,
        summed.event_id,
        scope.total_fact_id as fact_id,
        null as cohort_id,
        format('{} sectors add up to {} projects / {} yuan; the event total is {} / {}',
            summed.sectors, shown(summed.sector_projects), yuan_label(summed.sector_cny),
            shown(scope.total_projects), yuan_label(scope.total_amount_cny)) as detail
    from summed
    inner join scope on summed.event_id = scope.event_id
    where summed.sector_projects > scope.total_projects
        or summed.sector_cny > scope.total_amount_cny * 1.005
)

select * from final
