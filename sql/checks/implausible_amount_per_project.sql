-- investment per project outside 1 million .. 200 billion yuan, or below the cohort's own band floor
with

fact as (
    select
        *,
        amount_cny / project_count as cny_per_project
    from fct_cohort_fact
    where project_count > 0 and amount_cny is not null
),

final as (
    select
        'warning' as severity,
        event_id,
        fact_id,
        chosen_cohort_id as cohort_id,
        format('{} projects / {} yuan = {} yuan per project{}', project_count,
            yuan_label(amount_cny), yuan_label(cny_per_project),
            case when cny_per_project < size_min
                then ', below the band floor of ' || yuan_label(size_min) else '' end) as detail
    from fact
    where cny_per_project < 1e6 or cny_per_project > 2e11 or cny_per_project < size_min * 0.995
)

select * from final
