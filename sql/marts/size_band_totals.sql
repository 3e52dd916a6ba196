-- disjoint per-project size bands per event (from resolved facts), derived from the cumulative
-- bands reports state.
-- "167 projects of 1 billion and above" and "7 of 10 billion and above" beside a total of 703
-- become [10bn, inf) 7, [1bn, 10bn) 160 (derived) and below 1bn 536 (derived remainder).
-- Bands already bounded ("between 5 and 10 billion") are taken as stated. Bands of a subset
-- (parent other than the headline total) are left out: they do not partition the event.
-- Amounts out are DECIMAL(18,2) yuan (differences of doubles carry float noise; try_cast: NULL
-- beyond 10^16 yuan, which no report states); counts BIGINT.
create or replace view size_band_totals as

with

fact as (
    select * from staging.stg_fact
),

scope as (
    select * from staging.stg_event_scope
),

event as (
    select * from dim_event
),

band as (
    select
        fact.event_id,
        fact.size_min,
        fact.size_max,
        fact.project_count,
        fact.amount_cny
    from fact
    left join scope on fact.event_id = scope.event_id
    where
        (fact.size_min is not null or fact.size_max is not null)
        and fact.sector_code is null
        and fact.region is null
        and fact.project_name is null
        and (fact.parent_fact_id is null or fact.parent_fact_id = scope.total_fact_id)
        and fact.fact_id is distinct from scope.total_fact_id
),

cumulative as (
    select
        event_id,
        size_min,
        max(project_count) as project_count,
        max(amount_cny) as amount_cny
    from band
    where size_max is null and size_min is not null
    group by event_id, size_min
),

cumulative_ordered as (
    select
        *,
        lag(size_min) over by_floor as upper_min,
        lag(project_count) over by_floor as upper_count,
        lag(amount_cny) over by_floor as upper_amount,
        row_number() over by_floor as band_position
    from cumulative
    window by_floor as (partition by event_id order by size_min desc)
),

from_cumulative as (
    select
        event_id,
        size_min as band_min,
        upper_min as band_max,
        case when band_position = 1 then project_count else project_count - upper_count end
            as projects,
        case when band_position = 1 then amount_cny else amount_cny - upper_amount end
            as investment_cny,
        band_position > 1 as is_derived
    from cumulative_ordered
),

bounded as (
    select
        event_id,
        size_min as band_min,
        size_max as band_max,
        project_count as projects,
        amount_cny as investment_cny,
        false as is_derived
    from band
    where size_max is not null
),

stated as (
    select * from from_cumulative
    union all by name
    select * from bounded
),

remainder as (
    select
        scope.event_id,
        scope.total_size_min as band_min,
        min(stated.band_min) as band_max,
        case when count(*) = count(stated.projects)
            then scope.total_projects - sum(stated.projects) end as projects,
        case when count(*) = count(stated.investment_cny)
            then scope.total_amount_cny - sum(stated.investment_cny) end as investment_cny,
        true as is_derived
    from scope
    inner join stated on scope.event_id = stated.event_id
    group by scope.event_id, scope.total_size_min, scope.total_projects, scope.total_amount_cny
),

all_bands as (
    select * from stated
    union all by name
    select * from remainder
),

final as (
    select
        event.event_id,
        event.event_name,
        event.event_year,
        all_bands.band_min,
        all_bands.band_max,
        band_label(all_bands.band_min, all_bands.band_max) as band_label,
        cast(all_bands.projects as bigint) as projects,
        yuan_decimal(all_bands.investment_cny) as investment_cny,
        all_bands.is_derived
    from all_bands
    inner join event on all_bands.event_id = event.event_id
    order by event.event_id, all_bands.band_min desc nulls last
)

select * from final
