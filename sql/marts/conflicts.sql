-- reports that disagree on a fact's figures: the figures kept (from the most specific source,
-- see flows/core/resolve.py) beside each disagreeing report's figures and evidence
create or replace view conflicts as

with

bridge as (
    select * from bridge_fact_mention
),

fact as (
    select * from staging.stg_fact
),

mention as (
    select * from fct_cohort_mention
),

article as (
    select * from dim_article
),

chosen as (
    select
        mention.cohort_id,
        article.source_file
    from mention
    inner join article on mention.article_id = article.article_id
),

final as (
    select
        fact.event_id,
        fact.event_name,
        fact.event_year,
        fact.fact_id,
        fact.project_count as kept_project_count,
        fact.amount as kept_amount,
        fact.currency as kept_currency,
        chosen.source_file as kept_source_file,
        mention.project_count as reported_project_count,
        mention.amount as reported_amount,
        mention.currency as reported_currency,
        article.source_file as reported_source_file,
        mention.evidence as reported_evidence
    from bridge
    inner join fact on bridge.fact_id = fact.fact_id
    inner join mention on bridge.cohort_id = mention.cohort_id
    inner join article on mention.article_id = article.article_id
    inner join chosen on fact.chosen_cohort_id = chosen.cohort_id
    where bridge.role = 'conflicts'
    order by fact.event_id, fact.fact_id, article.source_file
)

select * from final
