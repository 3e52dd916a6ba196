-- the scope's events rewritten from resolved_member / resolved_event (flows/core/warehouse/events.py):
-- events before and after are touched (their facts are resolved again)
insert into touched_event
select event_id from scope_old_event
union
select event_id from resolved_event;

delete from dim_event
where event_id in (select event_id from scope_old_event)
    or event_id in (select event_id from resolved_event);

update fct_cohort_mention set event_id = member.event_id
from resolved_member as member
where fct_cohort_mention.article_id = member.article_id
    and fct_cohort_mention.event_id <> member.event_id;

update dim_article set event_id = member.event_id
from resolved_member as member
where dim_article.article_id = member.article_id
    and dim_article.event_id is distinct from member.event_id;

delete from event_member where article_id in (select article_id from resolved_member);

insert into event_member by name select * from resolved_member;

insert into dim_event by name
select event.*, known.name_en, known.name_zh
from resolved_event as event
left join known_events as known on event.canonical_event_id = known.canonical_event_id;

delete from dim_event where event_id not in (select event_id from fct_cohort_mention);

drop table if exists new_article;

drop table if exists scope_event;

drop table if exists scope_old_event;
