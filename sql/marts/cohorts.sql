-- the contract view (docs/CONTRACT.md): one row per distinct cohort per article
create or replace view cohorts as

with

cohort as (
    select * from staging.stg_cohort
),

final as (
    select
        source_file,
        lang,
        event_name,
        cast(event_year as integer) as event_year,
        city,
        province,
        cast(project_count as bigint) as project_count,
        cast(amount as double) as amount,
        currency,
        cast(amount_cny as double) as amount_cny,
        stage,
        sector_code,
        cast(size_min as double) as size_min,
        cast(size_max as double) as size_max,
        region,
        project_name,
        evidence
    from cohort
    order by source_file, cohort_index
)

select * from final
