-- data-quality findings of the last load, with the event they concern
create or replace view dq_issues as

with

issue as (
    select * from dq_issue
),

event as (
    select * from dim_event
),

final as (
    select
        issue.check_name,
        issue.severity,
        issue.event_id,
        event.event_name,
        event.event_year,
        issue.fact_id,
        issue.cohort_id,
        issue.detail,
        issue.run_id
    from issue
    left join event on issue.event_id = event.event_id
    order by issue.severity, issue.check_name, issue.event_id
)

select * from final
