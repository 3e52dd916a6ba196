-- the run's articles (new_report, registered by flows/core/warehouse/events.py) and the events
-- in scope of their resolution: the touched events and the existing events with a member that
-- can be a candidate of a new article (same extracted key; same year and province, curated
-- event or name key; same province when either states no year), each found by an equi-join
create or replace temp table new_article as select article_id from new_report;

create or replace temp table scope_event as
select event_id from touched_event
union
select m.event_id from event_member as m inner join new_report as t
    on m.reported_event_id = t.reported_event_id
union
select m.event_id from event_member as m inner join new_report as t
    on m.event_year = t.event_year and m.province = t.province
union
select m.event_id from event_member as m inner join new_report as t
    on m.event_year = t.event_year and m.canonical_event_id = t.canonical_event_id
union
select m.event_id from event_member as m inner join new_report as t
    on m.event_year = t.event_year and m.name_key = t.name_key
union
select m.event_id from event_member as m inner join new_report as t
    on m.province = t.province and (m.event_year is null or t.event_year is null);

-- the ids the scope's articles have now (their events are rewritten whole)
create or replace temp table scope_old_event as
select event_id from scope_event
union
select distinct event_id from fct_cohort_mention where article_id in (select article_id from new_article);
