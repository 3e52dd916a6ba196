-- every fact with its event, and whether it could be the event's headline total
create or replace view staging.stg_fact as

with

fact as (
    select * from fct_cohort_fact
),

event as (
    select * from dim_event
),

final as (
    select
        fact.*,
        event.event_name,
        event.event_year,
        event.city,
        event.province,
        fact.sector_code is null
        and fact.region is null
        and fact.project_name is null
        and fact.size_max is null as is_total_candidate
    from fact
    inner join event on fact.event_id = event.event_id
)

select * from final
