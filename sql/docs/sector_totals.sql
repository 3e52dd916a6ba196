-- what sector_totals holds, for `newsetl describe sector_totals` and any DuckDB client
comment on view sector_totals is 'Per event and sector: projects, investment in yuan and share of the event''s headline total, from the resolved facts (an event reported by several outlets counts once). Rows with sector_level = ''parent'' roll sectors up one level (the larger of the parent''s own figure and the sum of its children''s): do not add parent rows to their children.';
comment on column sector_totals.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column sector_totals.event_name is 'name of the event (dim_event.event_name: as its first article by file name names it), without edition year or ordinal; NULL if none';
comment on column sector_totals.event_year is 'year the figures belong to (the edition year of the event)';
comment on column sector_totals.city is 'host city of the event, English name (Hefei)';
comment on column sector_totals.province is 'host province of the event, English name (Anhui)';
comment on column sector_totals.sector_level is 'sector: a sector as reported; parent: a roll-up of its child sectors (dim_sector.parent_code)';
comment on column sector_totals.sector_code is 'the sector (dim_sector.sector_code)';
comment on column sector_totals.sector_name_en is 'English name of the sector';
comment on column sector_totals.sector_name_zh is 'Chinese name of the sector';
comment on column sector_totals.parent_sector_code is 'the sector one level up; NULL for a top-level sector';
comment on column sector_totals.projects is 'projects in the sector: the largest group fact, or the named projects summed when no group is reported';
comment on column sector_totals.investment_cny is 'investment in the sector, yuan, DECIMAL(18,2)';
comment on column sector_totals.source_facts is 'facts the row is made of';
comment on column sector_totals.share_of_event_projects is 'projects / the event''s headline project count (0..1); NULL without a headline count';
comment on column sector_totals.share_of_event_investment is 'investment_cny / the event''s headline investment (0..1); NULL without a headline amount';
