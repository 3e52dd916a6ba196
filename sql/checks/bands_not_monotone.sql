-- cumulative size bands of one event must shrink as the floor rises ("1bn and above" >= "10bn and above")
with

fact as (
    select * from fct_cohort_fact
    where size_min is not null and size_max is null
        and sector_code is null and region is null and project_name is null
),

pairs as (
    select
        higher.event_id,
        higher.fact_id,
        higher.size_min as higher_floor,
        lower_band.size_min as lower_floor,
        higher.project_count as higher_projects,
        lower_band.project_count as lower_projects,
        higher.amount_cny as higher_cny,
        lower_band.amount_cny as lower_cny
    from fact as higher
    inner join fact as lower_band
        on higher.event_id = lower_band.event_id
        and higher.size_min > lower_band.size_min
),

violations as (
    select * from pairs
    where higher_projects > lower_projects or higher_cny > lower_cny * (1 + (select relative from dim_tolerance where tolerance_name = 'same_amount'))
    -- one finding per offending fact, against the nearest lower band it exceeds (reports that
    -- disagree on several bands would otherwise give a finding for every pair)
    qualify row_number() over (
        partition by fact_id
        order by lower_floor desc, lower_projects asc nulls last, lower_cny asc nulls last
    ) = 1
),

final as (
    select
        'error' as severity,
        event_id,
        fact_id,
        null as cohort_id,
        format('{} and above: {} projects / {} yuan, more than {} and above: {} / {}',
            yuan_label(higher_floor), shown(higher_projects), yuan_label(higher_cny),
            yuan_label(lower_floor), shown(lower_projects), yuan_label(lower_cny)) as detail
    from violations
)

select * from final
