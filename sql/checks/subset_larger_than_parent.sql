-- a cohort stated as a subset ("among them", 其中) is larger than the cohort it belongs to
with

mention as (
    select * from fct_cohort_mention
),

pairs as (
    select
        child.event_id,
        child.cohort_id,
        child.project_count as child_projects,
        parent.project_count as parent_projects,
        child.amount_cny as child_cny,
        parent.amount_cny as parent_cny
    from mention as child
    inner join mention as parent
        on child.article_id = parent.article_id
        and child.parent_index = parent.cohort_index
),

final as (
    select
        'error' as severity,
        event_id,
        null as fact_id,
        cohort_id,
        format('subset has {} projects / {} yuan, its parent {} / {}', shown(child_projects),
            yuan_label(child_cny), shown(parent_projects), yuan_label(parent_cny)) as detail
    from pairs
    where child_projects > parent_projects or child_cny > parent_cny * 1.005
)

select * from final
