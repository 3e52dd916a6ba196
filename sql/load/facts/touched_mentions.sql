-- the live mentions of part $part (of $parts, by a hash of the event) of the events the run
-- touched, with their parent's key, for resolve.py. A parent is a mention of the same article,
-- and all of an article's mentions have one event, so a part holds every parent it needs.
select
    mention.cohort_id, mention.article_id, mention.event_id, mention.cohort_index,
    article.source_file, article.published_at, mention.project_count, mention.amount,
    mention.currency, mention.amount_cny, mention.approximate, mention.stage,
    mention.sector_code, mention.size_min, mention.size_max, mention.region,
    mention.project_name, parent.cohort_id as parent_cohort_id
from fct_cohort_mention as mention
inner join dim_article as article on mention.article_id = article.article_id
left join fct_cohort_mention as parent
    on mention.article_id = parent.article_id and mention.parent_index = parent.cohort_index
where mention.event_id in (select event_id from touched_event)
    and hash(mention.event_id) % $parts = $part
    and article.retired_at is null
