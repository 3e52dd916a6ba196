-- one fact reported with a project count by one article and without by another
with

bridge as (
    select * from bridge_fact_mention
),

mention as (
    select * from fct_cohort_mention
),

per_fact as (
    select
        bridge.fact_id,
        any_value(mention.event_id) as event_id,
        count(mention.project_count) as with_count,
        count(*) - count(mention.project_count) as without_count
    from bridge
    inner join mention on bridge.cohort_id = mention.cohort_id
    group by bridge.fact_id
),

final as (
    select
        'warning' as severity,
        event_id,
        fact_id,
        null as cohort_id,
        format('{} report(s) give a project count, {} do not', with_count, without_count) as detail
    from per_fact
    where with_count > 0 and without_count > 0
)

select * from final
