-- per host province and year: events and the sum of their headline totals (each event once)
create or replace view province_year_totals as

with

event_total as (
    select * from event_totals
),

final as (
    select
        province,
        event_year,
        count(*) as events,
        count(total_projects) as events_with_project_count,
        cast(sum(total_projects) as bigint) as projects,
        yuan_decimal(sum(total_investment_cny)) as investment_cny
    from event_total
    group by province, event_year
    order by province nulls last, event_year desc nulls last
)

select * from final
