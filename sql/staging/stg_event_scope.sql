-- per event: its headline total fact, the largest top-level fact not limited by sector, place,
-- name or an upper size bound (by investment, then by project count)
create or replace view staging.stg_event_scope as

with

fact as (
    select * from staging.stg_fact
),

total_rank as (
    select
        event_id,
        fact_id,
        project_count,
        amount_cny,
        size_min,
        row_number() over (
            partition by event_id
            order by amount_cny desc nulls last, project_count desc nulls last, fact_id
        ) as total_rank
    from fact
    where is_total_candidate and parent_fact_id is null
),

final as (
    select
        event_id,
        fact_id as total_fact_id,
        project_count as total_projects,
        amount_cny as total_amount_cny,
        size_min as total_size_min
    from total_rank
    where total_rank = 1
)

select * from final
